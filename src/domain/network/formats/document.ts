/**
 * A network as it leaves Puente for an analyst's tool (Gephi, yEd, Cytoscape, NetworkX): ids
 * are the records' ids, and every value is already one the reader may see.
 */
export type AttributeValue = string | number | boolean;

export interface DocumentNode {
  id: string;
  label: string;
  /** The record's schema, e.g. Person, Company, Phone. */
  kind: string;
  attributes: Record<string, AttributeValue>;
}

export interface DocumentEdge {
  id: string;
  source: string;
  target: string;
  /** The link type, e.g. calls, owns. */
  type: string;
  /** Tie strength: bigger is stronger. */
  weight: number;
  attributes: Record<string, AttributeValue>;
}

export interface GraphDocument {
  nodes: DocumentNode[];
  edges: DocumentEdge[];
  /** About the whole network, e.g. title, marking. */
  attributes?: Record<string, string>;
}

export type AttributeType = 'boolean' | 'integer' | 'long' | 'double' | 'string';

export interface AttributeKey {
  name: string;
  type: AttributeType;
}

function typeOf(value: AttributeValue): AttributeType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Number.isSafeInteger(value)) return 'double';
  return value >= -(2 ** 31) && value < 2 ** 31 ? 'integer' : 'long';
}

const NUMERIC: AttributeType[] = ['integer', 'long', 'double'];

function widen(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  const i = NUMERIC.indexOf(a);
  const j = NUMERIC.indexOf(b);
  return i >= 0 && j >= 0 ? NUMERIC[Math.max(i, j)]! : 'string';
}

/**
 * The attribute keys used by any of `items`, in order of first use, each with the narrowest
 * type that holds all its values: both formats declare keys once, in the header, with a type.
 */
export function attributeKeys(
  items: readonly { attributes: Record<string, AttributeValue> }[],
): AttributeKey[] {
  const types = new Map<string, AttributeType>();
  for (const item of items)
    for (const [name, value] of Object.entries(item.attributes)) {
      const type = typeOf(value);
      const known = types.get(name);
      types.set(name, known ? widen(known, type) : type);
    }
  return [...types].map(([name, type]) => ({ name, type }));
}

/** A value as its declared type spells it (XML Schema lexical forms). */
export function formatValue(value: AttributeValue, type: AttributeType): string {
  if (typeof value === 'number' && type === 'double' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'INF' : '-INF';
  return String(value);
}

/** An item's values for the declared keys, in their order: [index of the key, text]. */
export function keyedValues(
  keys: readonly AttributeKey[],
  attributes: Record<string, AttributeValue>,
): [number, string][] {
  const values: [number, string][] = [];
  keys.forEach((key, i) => {
    if (Object.hasOwn(attributes, key.name))
      values.push([i, formatValue(attributes[key.name]!, key.type)]);
  });
  return values;
}

// Characters XML 1.0 cannot carry at all, not even as references: most C0 controls, lone
// surrogates, U+FFFE and U+FFFF. Dropped rather than failing the whole export.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // As references, so that parsers' normalisation of whitespace in attributes and of line
  // ends keeps them as they were.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe both as element content and inside a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}
