import { francAll } from 'franc-min';

/** The languages readouts are read in. */
export const READOUT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type ReadoutLanguage = (typeof READOUT_LANGUAGES)[number];

const BY_ISO3: Readonly<Record<string, ReadoutLanguage>> = { eng: 'en', spa: 'es', fra: 'fr' };

/** Fewer letters than this and the language cannot be told. */
export const MIN_LETTERS = 40;

export type LanguageGuess =
  | { ok: true; language: ReadoutLanguage }
  | { ok: false; reason: 'too_short' }
  | { ok: false; reason: 'unsupported'; detected: string };

/**
 * The language of a readout by its letter trigrams (franc). A text whose best guess is another
 * language (Portuguese, German…) is refused rather than read with the wrong words.
 */
export function detectLanguage(text: string): LanguageGuess {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return { ok: false, reason: 'too_short' };
  const [best] = francAll(text.slice(0, 20_000));
  const code = best?.[0] ?? 'und';
  const language = BY_ISO3[code];
  if (language) return { ok: true, language };
  if (code === 'und') return { ok: false, reason: 'too_short' };
  return { ok: false, reason: 'unsupported', detected: code };
}
