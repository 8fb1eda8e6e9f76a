// Control characters and lone surrogates break exports (CSV, XML, JSON to
// other systems) and are never meaningful in a record.
export const CONTROL = /[\p{Cc}\p{Cs}]/u;
export const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
// Identifiers are compared character by character, so invisible format
// characters (zero-width space, bidi marks) would make two equal serials differ.
export const NOT_PRINTABLE = /\p{C}/u;

/** Length in code points, so an accented or astral character counts once. */
export function codePointLength(s: string): number {
  const pairs = s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return s.length - (pairs?.length ?? 0);
}
