import { foldText } from '../../text/fold.js';

export interface Token {
  text: string;
  /** Folded, without dots at the end ("Dra." → "dra"). */
  key: string;
  index: number;
  end: number;
  /** Starts with a capital letter. */
  capital: boolean;
  /** Punctuation: , ; : ( ) — and the like. */
  mark: boolean;
}

const TOKEN =
  /\p{L}[\p{L}\p{M}'’.-]*\p{L}\.?|\p{L}\.?(?:-\p{L}\.)?|\d+(?:[.,]\d+)*|[,;:()[\]—–"“”«»]/gu;

/** Words and the punctuation that separates clauses, with their place in the sentence. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    const t = m[0];
    const mark = !/[\p{L}\d]/u.test(t);
    return {
      text: t,
      key: foldText(t).replace(/\.$/, '').replace(/’/g, "'"),
      index: m.index,
      end: m.index + t.length,
      capital: /^\p{Lu}/u.test(t),
      mark,
    };
  });
}
