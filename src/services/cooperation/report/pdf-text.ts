/*
 * pdfkit's standard fonts (Helvetica) write WinAnsi (Windows-1252): Latin-1 plus a few
 * typographic signs. Everything else is turned into its nearest WinAnsi form before it is
 * written — spaces for Intl's narrow spaces, base letters for other accented letters (ő → o),
 * "?" as a last resort — so a report never fails, and never prints garbage, over one character.
 */

/** The characters of 0x80–0x9F in Windows-1252, by Unicode code point. */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x017e, 0x0178,
]);

const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French numbers and percentages)
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u200b': '',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
};

const encodable = (cp: number) =>
  cp === 0x09 ||
  cp === 0x0a ||
  (cp >= 0x20 && cp < 0x7f) ||
  (cp >= 0xa0 && cp <= 0xff) ||
  WIN_ANSI_EXTRA.has(cp);

/** Text the standard PDF fonts can write, as close to the original as WinAnsi allows. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (encodable(cp)) {
      out += ch;
      continue;
    }
    const sub = SUBSTITUTES[ch];
    if (sub !== undefined) {
      out += sub;
      continue;
    }
    if (cp === 0x0d) continue;
    // A letter with marks WinAnsi lacks: keep what it can (ő → o, ș → s).
    const base = [...ch.normalize('NFD')].filter((c) => encodable(c.codePointAt(0)!)).join('');
    out += base || (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '' : '?');
  }
  return out;
}
