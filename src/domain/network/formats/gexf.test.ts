import { describe, expect, it } from 'vitest';
import { findAll, parseXml, type XmlElement } from '../../../../test/support/xml.js';
import type { GraphDocument } from './document.js';
import { toGexf } from './gexf.js';

const doc: GraphDocument = {
  nodes: [
    {
      id: 'p-1',
      label: 'María Guadalupe Ortiz Peña',
      kind: 'Person',
      attributes: { alias: "'La Güera'\n<Lupe>", arrests: 2 },
    },
    { id: 'p<2>', label: 'José "Pepe" García', kind: 'Person', attributes: { arrests: 3e9 } },
  ],
  edges: [
    {
      id: 'e1',
      source: 'p-1',
      target: 'p<2>',
      type: 'calls',
      weight: 12,
      attributes: { first: '2024-01-02', intercepted: false },
    },
  ],
  attributes: { title: 'Red & Ortiz', description: 'Llamadas', marking: 'TLP:AMBER+STRICT' },
};

const values = (element: XmlElement) =>
  Object.fromEntries(
    findAll(element, 'attvalue').map((a) => [a.attributes.for, a.attributes.value]),
  );

describe('toGexf', () => {
  const root = parseXml(toGexf(doc));

  it('is GEXF 1.3, undirected, with the title and marking in meta', () => {
    expect(root.attributes).toMatchObject({ xmlns: 'http://gexf.net/1.3', version: '1.3' });
    expect(findAll(root, 'graph')[0]!.attributes.defaultedgetype).toBe('undirected');
    const meta = Object.fromEntries(
      findAll(root, 'meta')[0]!.children.map((c) => [c.name, c.text]),
    );
    expect(meta).toEqual({
      creator: 'Puente',
      title: 'Red & Ortiz',
      description: 'Llamadas\nmarking: TLP:AMBER+STRICT',
    });
  });

  it('declares node and edge attributes once, with their types', () => {
    const declared = findAll(root, 'attributes').map((a) => [
      a.attributes.class,
      a.children.map((c) => [c.attributes.id, c.attributes.title, c.attributes.type]),
    ]);
    expect(declared).toEqual([
      [
        'node',
        [
          ['kind', 'kind', 'string'],
          ['n0', 'alias', 'string'],
          ['n1', 'arrests', 'long'],
        ],
      ],
      [
        'edge',
        [
          ['type', 'type', 'string'],
          ['e0', 'first', 'string'],
          ['e1', 'intercepted', 'boolean'],
        ],
      ],
    ]);
  });

  it('round-trips ids, labels, attribute values and weights', () => {
    const nodes = findAll(root, 'node');
    expect(nodes.map((n) => [n.attributes.id, n.attributes.label])).toEqual([
      ['p-1', 'María Guadalupe Ortiz Peña'],
      ['p<2>', 'José "Pepe" García'],
    ]);
    expect(values(nodes[0]!)).toEqual({ kind: 'Person', n0: "'La Güera'\n<Lupe>", n1: '2' });
    expect(values(nodes[1]!)).toEqual({ kind: 'Person', n1: '3000000000' });
    const [edge] = findAll(root, 'edge');
    expect(edge!.attributes).toEqual({
      id: 'e1',
      source: 'p-1',
      target: 'p<2>',
      label: 'calls',
      weight: '12',
    });
    expect(values(edge!)).toEqual({ type: 'calls', e0: '2024-01-02', e1: 'false' });
  });
});
