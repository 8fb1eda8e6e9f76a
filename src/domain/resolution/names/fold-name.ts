import { foldText } from '../../text/fold.js';

// Printable ASCII (plus tab) has no accents, ligatures or special letters, so
// folding it is only lower-casing. Names arrive by the million and most
// registry extracts are plain upper-case ASCII, so skipping NFKD there matters.
const PLAIN_ASCII = /^[\t\x20-\x7e]*$/;

/** foldText, with a fast path for plain ASCII input (same result). */
export function foldName(s: string): string {
  return PLAIN_ASCII.test(s) ? s.toLowerCase() : foldText(s);
}
