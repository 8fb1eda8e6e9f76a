import { describe, expect, it } from 'vitest';
import { findAll, parseXml, type XmlElement } from '../../../../test/support/xml.js';
import type { GraphDocument } from './document.js';
import { toGraphML } from './graphml.js';

const doc: GraphDocument = {
  nodes: [
    {
      id: 'p-1',
      label: 'María Guadalupe Ortiz Peña',
      kind: 'Person',
      attributes: { alias: '"La Güera" <Lupe>', arrests: 2, label: 'her own label' },
    },
    {
      id: 'c&2',
      label: 'Transportes Ortiz & Hijos, S.A.\u0001',
      kind: 'Company',
      attributes: { arrests: 0, active: true },
    },
  ],
  edges: [
    {
      id: 'e1',
      source: 'p-1',
      target: 'c&2',
      type: 'owns',
      weight: 2.5,
      attributes: { since: '2019', share: 0.6 },
    },
  ],
  attributes: { title: 'Red Ortiz', marking: 'TLP:AMBER' },
};

const data = (element: XmlElement) =>
  Object.fromEntries(element.children.map((d) => [d.attributes.key, d.text]));

describe('toGraphML', () => {
  const root = parseXml(toGraphML(doc));

  it('declares every key once, with its type, before the graph', () => {
    const keys = findAll(root, 'key').map((k) => [
      k.attributes.id,
      k.attributes.for,
      k.attributes['attr.name'],
      k.attributes['attr.type'],
    ]);
    expect(keys).toEqual([
      ['g0', 'graph', 'title', 'string'],
      ['g1', 'graph', 'marking', 'string'],
      ['label', 'node', 'label', 'string'],
      ['kind', 'node', 'kind', 'string'],
      ['n0', 'node', 'alias', 'string'],
      ['n1', 'node', 'arrests', 'int'],
      ['n2', 'node', 'label', 'string'],
      ['n3', 'node', 'active', 'boolean'],
      ['type', 'edge', 'type', 'string'],
      ['weight', 'edge', 'weight', 'double'],
      ['e0', 'edge', 'since', 'string'],
      ['e1', 'edge', 'share', 'double'],
    ]);
    expect(root.children.map((c) => c.name).indexOf('graph')).toBe(12);
  });

  it('round-trips ids, labels, kinds, attributes, weights and the marking', () => {
    const [graph] = findAll(root, 'graph');
    expect(graph!.attributes.edgedefault).toBe('undirected');
    expect(data({ ...graph!, children: graph!.children.filter((c) => c.name === 'data') })).toEqual(
      {
        g0: 'Red Ortiz',
        g1: 'TLP:AMBER',
      },
    );
    const nodes = findAll(root, 'node');
    expect(nodes.map((n) => n.attributes.id)).toEqual(['p-1', 'c&2']);
    expect(data(nodes[0]!)).toEqual({
      label: 'María Guadalupe Ortiz Peña',
      kind: 'Person',
      n0: '"La Güera" <Lupe>',
      n1: '2',
      n2: 'her own label',
    });
    expect(data(nodes[1]!)).toEqual({
      label: 'Transportes Ortiz & Hijos, S.A.',
      kind: 'Company',
      n1: '0',
      n3: 'true',
    });
    const [edge] = findAll(root, 'edge');
    expect(edge!.attributes).toEqual({ id: 'e1', source: 'p-1', target: 'c&2' });
    expect(data(edge!)).toEqual({ type: 'owns', weight: '2.5', e0: '2019', e1: '0.6' });
  });

  it('writes an empty network', () => {
    const empty = parseXml(toGraphML({ nodes: [], edges: [] }));
    expect(findAll(empty, 'graph')[0]!.children).toEqual([]);
  });
});
