import type { Viewer } from '../identity/viewer.js';
import type { Sharing } from './sharing.js';

/*
 * The database evaluates sharing rules as array tests over keys (see migration 0001):
 *   '*' any partner, 'c:MX' a country, 'a:FGR' an agency, 'u:<id>' a user.
 * A viewer holds one key of each kind; a row is visible when its owner key is among them, or
 * when both its releasability and its audience share a key with them.
 */

export const viewerKeys = (v: Viewer): string[] => [
  '*',
  `c:${v.country}`,
  `a:${v.agency}`,
  `u:${v.userId}`,
];

export function sharingToColumns(s: Sharing): {
  marking: string;
  rel_to: string[];
  recipients: string[];
} {
  const rel = [...s.relCountries.map((c) => `c:${c}`), ...s.relAgencies.map((a) => `a:${a}`)];
  const recipients =
    s.marking === 'RED'
      ? s.recipientUsers.map((u) => `u:${u}`)
      : s.marking === 'AMBER+STRICT'
        ? s.recipientAgencies.map((a) => `a:${a}`)
        : [];
  return { marking: s.marking, rel_to: rel.length ? rel : ['*'], recipients };
}

export function columnsToSharing(row: {
  marking: string;
  rel_to: string[];
  recipients: string[];
}): Sharing {
  const pick = (keys: string[], prefix: string) =>
    keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return {
    marking: row.marking as Sharing['marking'],
    relCountries: pick(row.rel_to, 'c:'),
    relAgencies: pick(row.rel_to, 'a:'),
    recipientAgencies: pick(row.recipients, 'a:'),
    recipientUsers: pick(row.recipients, 'u:'),
  };
}
