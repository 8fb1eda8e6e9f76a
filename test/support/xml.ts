/**
 * A strict little XML reader for tests of the exporters: it throws on anything not
 * well-formed that they could produce (unbalanced or crossed tags, unquoted or repeated
 * attributes, a raw & or <, a bad reference, a character XML 1.0 forbids, text outside the
 * root), and returns the tree with references decoded. No DTDs, comments or CDATA.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][-A-Za-z0-9_.:]*';
const TAG = new RegExp(
  `<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`,
  'y',
);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (text.includes('<')) throw new SyntaxError(`raw < in ${JSON.stringify(text)}`);
  return text.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new SyntaxError(`unterminated reference ${whole}`);
    if (NAMED[ref]) return NAMED[ref];
    const code = /^#x[0-9a-fA-F]+$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#[0-9]+$/.test(ref)
        ? parseInt(ref.slice(1), 10)
        : NaN;
    const char = Number.isNaN(code) || code > 0x10ffff ? '' : String.fromCodePoint(code);
    if (!char || NOT_XML.test(char)) throw new SyntaxError(`bad reference &${ref};`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  if (NOT_XML.test(xml)) throw new SyntaxError('character not allowed in XML 1.0');
  let at = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    if (open.length > 0) open[open.length - 1]!.text += decode(text);
    else if (text.trim()) throw new SyntaxError(`text outside the root: ${text.trim()}`);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag) throw new SyntaxError(`malformed tag at ${xml.slice(lt, lt + 40)}`);
    at = TAG.lastIndex;
    const [, closing, name, attributeText, selfClosing] = tag;
    if (closing) {
      if (attributeText || selfClosing || open.pop()?.name !== name)
        throw new SyntaxError(`unexpected </${name}>`);
      continue;
    }
    if (root && open.length === 0) throw new SyntaxError('second root element');
    const element: XmlElement = { name: name!, attributes: {}, children: [], text: '' };
    for (const [, key, double, single] of attributeText!.matchAll(ATTRIBUTE)) {
      if (Object.hasOwn(element.attributes, key!)) throw new SyntaxError(`repeated ${key}`);
      element.attributes[key!] = decode(double ?? single!);
    }
    if (open.length > 0) open[open.length - 1]!.children.push(element);
    else root = element;
    if (!selfClosing) open.push(element);
  }
  if (!root || open.length > 0) throw new SyntaxError('unclosed or missing root element');
  return root;
}

/** The descendants of `element` called `name`, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
