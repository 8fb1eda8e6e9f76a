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
  integer: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
};

function key(id: string, domain: string, name: string, type: AttributeType): string {
  return `  <key id="${id}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${TYPES[type]}"/>`;
}

function data(id: string, text: string): string {
  return `<data key="${id}">${escapeXml(text)}</data>`;
}

/**
 * GraphML, undirected, for yEd, Cytoscape and NetworkX. Label and kind (nodes), type and
 * weight (edges) are keys of their own; the attributes follow under ids n0…, e0…, so an
 * attribute that happens to be called "label" stays distinct.
 */
export function toGraphML(doc: GraphDocument): string {
  const graphAttributes = Object.entries(doc.attributes ?? {});
  const nodeKeys = attributeKeys(doc.nodes);
  const edgeKeys = attributeKeys(doc.edges);
  const attributes = (
    prefix: string,
    keys: AttributeKey[],
    values: Record<string, AttributeValue>,
  ) =>
    keyedValues(keys, values)
      .map(([i, text]) => data(`${prefix}${i}`, text))
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphAttributes.map(([name], i) => key(`g${i}`, 'graph', name, 'string')),
    key('label', 'node', 'label', 'string'),
    key('kind', 'node', 'kind', 'string'),
    ...nodeKeys.map((k, i) => key(`n${i}`, 'node', k.name, k.type)),
    key('type', 'edge', 'type', 'string'),
    key('weight', 'edge', 'weight', 'double'),
    ...edgeKeys.map((k, i) => key(`e${i}`, 'edge', k.name, k.type)),
    '  <graph id="G" edgedefault="undirected">',
    ...graphAttributes.map(([, value], i) => `    ${data(`g${i}`, value)}`),
  ];
  for (const node of doc.nodes)
    lines.push(
      `    <node id="${escapeXml(node.id)}">${data('label', node.label)}${data('kind', node.kind)}` +
        `${attributes('n', nodeKeys, node.attributes)}</node>`,
    );
  for (const edge of doc.edges)
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
        `${data('type', edge.type)}${data('weight', formatValue(edge.weight, 'double'))}` +
        `${attributes('e', edgeKeys, edge.attributes)}</edge>`,
    );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
