import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../test/support/xml.js';
import { attributeKeys, escapeXml, formatValue, keyedValues } from './document.js';

describe('attributeKeys', () => {
  it('declares each key once, in order of first use, with the narrowest type of its values', () => {
    const keys = attributeKeys([
      { attributes: { count: 3, born: '1980-02-01', seized: true, kilos: 2 } },
      { attributes: { count: -7, big: 2 ** 40, kilos: 2.5, mixed: 1 } },
      { attributes: { seized: false, mixed: 'one', big: 5 } },
    ]);
    expect(keys).toEqual([
      { name: 'count', type: 'integer' },
      { name: 'born', type: 'string' },
      { name: 'seized', type: 'boolean' },
      { name: 'kilos', type: 'double' },
      { name: 'big', type: 'long' },
      { name: 'mixed', type: 'string' },
    ]);
  });

  it('spells values in their declared type, skipping absent ones', () => {
    const keys = attributeKeys([{ attributes: { a: 1.5, b: true, c: 'x' } }]);
    expect(keyedValues(keys, { c: 'y', a: Infinity })).toEqual([
      [0, 'INF'],
      [2, 'y'],
    ]);
    expect(formatValue(NaN, 'double')).toBe('NaN');
    expect(formatValue(-Infinity, 'double')).toBe('-INF');
    expect(formatValue(false, 'string')).toBe('false');
  });
});

describe('escapeXml', () => {
  it('escapes markup and whitespace a parser would normalise', () => {
    expect(escapeXml(`Ortiz & Sons <"Los" 'Primos'>\n\t\r`)).toBe(
      'Ortiz &amp; Sons &lt;&quot;Los&quot; &apos;Primos&apos;&gt;&#10;&#9;&#13;',
    );
  });

  it('drops characters XML 1.0 cannot carry and keeps all of Unicode that it can', () => {
    expect(escapeXml('a\u0000b\u0008c\u001fd\uFFFEe\uFFFF')).toBe('abcde');
    expect(escapeXml('lone \uD800 surrogate \uDC00')).toBe('lone  surrogate ');
    expect(escapeXml('María Guadalupe Ortiz Peña 🇲🇽 北京')).toBe(
      'María Guadalupe Ortiz Peña 🇲🇽 北京',
    );
  });

  it('reads back through a strict parser, as text and as an attribute', () => {
    const text = `a & b < c > d " e ' f\n\tg\r\u0007 Peña`;
    const escaped = escapeXml(text);
    const element = parseXml(`<x y="${escaped}" z='${escaped}'>${escaped}</x>`);
    const expected = text.replace('\u0007', '');
    expect(element).toMatchObject({ attributes: { y: expected, z: expected }, text: expected });
    expect(() => parseXml(`<x>${text}</x>`)).toThrow(SyntaxError);
    expect(() => parseXml(`<x y="${text}"/>`)).toThrow(SyntaxError);
  });
});
