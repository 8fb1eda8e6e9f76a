import {
  attributeKeys,
  escapeXml,
  formatValue,
  keyedValues,
  type AttributeKey,
  type AttributeType,
  type AttributeValue,
  type GraphDocument,
} from './document.js';

const TYPES: Record<AttributeType, string> = {
  boolean: 'boolean',
  integer: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
};

/** Graph-level attributes with an element of their own in GEXF's meta. */
const META = ['title', 'description', 'keywords'];

function declarations(domain: string, reserved: string, prefix: string, keys: AttributeKey[]) {
  return [
    `    <attributes class="${domain}" mode="static">`,
    `      <attribute id="${reserved}" title="${reserved}" type="string"/>`,
    ...keys.map(
      (k, i) =>
        `      <attribute id="${prefix}${i}" title="${escapeXml(k.name)}" type="${TYPES[k.type]}"/>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(
  reserved: string,
  value: string,
  prefix: string,
  keys: AttributeKey[],
  attributes: Record<string, AttributeValue>,
): string {
  const values: [string, string][] = [
    [reserved, value],
    ...keyedValues(keys, attributes).map(([i, text]): [string, string] => [`${prefix}${i}`, text]),
  ];
  const items = values.map(([id, text]) => `<attvalue for="${id}" value="${escapeXml(text)}"/>`);
  return `<attvalues>${items.join('')}</attvalues>`;
}

/**
 * GEXF 1.3, undirected, for Gephi. A node's kind and an edge's type are attribute columns
 * (the edge's type is also its label, which Gephi can show); the document's attributes follow
 * under ids n0…, e0…. GEXF has no graph-level data: title, description and keywords go to
 * meta, and any other graph attribute (the marking above all) is added to the description as
 * "name: value", so that it travels with the file.
 */
export function toGexf(doc: GraphDocument): string {
  const graph = doc.attributes ?? {};
  const nodeKeys = attributeKeys(doc.nodes);
  const edgeKeys = attributeKeys(doc.edges);
  const description = [
    ...(graph.description !== undefined ? [graph.description] : []),
    ...Object.entries(graph)
      .filter(([name]) => !META.includes(name))
      .map(([name, value]) => `${name}: ${value}`),
  ].join('\n');
  const meta = [
    '    <creator>Puente</creator>',
    ...(graph.title !== undefined ? [`    <title>${escapeXml(graph.title)}</title>`] : []),
    ...(description ? [`    <description>${escapeXml(description)}</description>`] : []),
    ...(graph.keywords !== undefined
      ? [`    <keywords>${escapeXml(graph.keywords)}</keywords>`]
      : []),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    ...meta,
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    ...declarations('node', 'kind', 'n', nodeKeys),
    ...declarations('edge', 'type', 'e', edgeKeys),
    '    <nodes>',
  ];
  for (const node of doc.nodes)
    lines.push(
      `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}">` +
        `${attvalues('kind', node.kind, 'n', nodeKeys, node.attributes)}</node>`,
    );
  lines.push('    </nodes>', '    <edges>');
  for (const edge of doc.edges)
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"` +
        ` label="${escapeXml(edge.type)}" weight="${formatValue(edge.weight, 'double')}">` +
        `${attvalues('type', edge.type, 'e', edgeKeys, edge.attributes)}</edge>`,
    );
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
