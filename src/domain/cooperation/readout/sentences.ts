import type { ReadoutLanguage } from './language.js';

export interface Sentence {
  text: string;
  /** The paragraph it belongs to (0 is the first: title or dateline). */
  paragraph: number;
  /** A list item ("• establish…", "1. share…"): it continues the sentence before it. */
  item: boolean;
}

/**
 * Abbreviations after which a full stop does not end a sentence. "U.S." mostly stands before
 * a noun ("U.S. Director of …"); a sentence that ends with it joins the next one.
 */
const ABBREVIATIONS = new Set(
  [
    'dr',
    'dra',
    'mr',
    'mrs',
    'ms',
    'sr',
    'sra',
    'srta',
    'lic',
    'ing',
    'gen',
    'gral',
    'mtro',
    'mtra',
    'prof',
    'st',
    'ste',
    'mme',
    'mlle',
    'm',
    'no',
    'núm',
    'lt',
    'col',
    'sgt',
    'capt',
    'cap',
    'u.s',
    'ee.uu',
    'e.u.a',
    'adm',
    'amb',
    'hon',
    'jr',
    'etc',
    'vs',
    'approx',
    'dept',
    'a',
    'c',
    'v',
    'p',
    'e',
  ].map((a) => `${a}.`),
);

const BULLET = /^\s*(?:[-–—•*·▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;

function endsInAbbreviation(segment: string): boolean {
  const last = segment.trimEnd().split(/\s+/).pop() ?? '';
  // "U.S." ends a sentence only if what follows starts one; ICU already judged that.
  // A lone initial ("J. Smith") does not end one either.
  return ABBREVIATIONS.has(last.toLowerCase()) || /^\p{Lu}\.$/u.test(last);
}

/**
 * Paragraphs (blank lines; in text pulled out of a PDF, a line ending in a full stop) and list
 * items, then sentences by the language's rules (Intl.Segmenter), mended where a title's
 * abbreviation ("Dr.", "Lic.") was taken for the end of a sentence.
 */
export function splitSentences(text: string, language: ReadoutLanguage): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const out: Sentence[] = [];
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  paragraphs.forEach((paragraph, p) => {
    // Lines inside a paragraph are one flow of text, except list items, which stand alone.
    const blocks: { text: string; item: boolean }[] = [];
    for (const line of paragraph.split('\n')) {
      const item = BULLET.test(line);
      const last = blocks[blocks.length - 1];
      const itemEnded = last?.item && /[.;:!?]$/.test(last.text);
      if (item || !last || itemEnded) blocks.push({ text: line.replace(BULLET, '').trim(), item });
      else last.text = `${last.text} ${line.trim()}`;
    }
    for (const block of blocks) {
      let pending = '';
      for (const { segment } of segmenter.segment(block.text)) {
        pending += segment;
        if (endsInAbbreviation(pending)) continue;
        const s = pending.replace(/\s+/g, ' ').trim();
        if (s) out.push({ text: s, paragraph: p, item: block.item });
        pending = '';
      }
      const rest = pending.replace(/\s+/g, ' ').trim();
      if (rest) out.push({ text: rest, paragraph: p, item: block.item });
    }
  });
  return out;
}
