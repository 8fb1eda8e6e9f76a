/** TLP 2.0, least to most restrictive. */
export const TLP_ORDER = [
  'TLP:CLEAR',
  'TLP:GREEN',
  'TLP:AMBER',
  'TLP:AMBER+STRICT',
  'TLP:RED',
] as const;
export type Tlp = (typeof TLP_ORDER)[number];

export const isTlp = (s: string): s is Tlp => (TLP_ORDER as readonly string[]).includes(s);

/** CSS class of a marking; the colours are FIRST's TLP 2.0 ones, on black. */
export const tlpClass = (marking: string): string =>
  `tlp tlp-${isTlp(marking) ? marking.slice(4).replace('+', '-').toLowerCase() : 'unknown'}`;

/** The most restrictive of some markings; an unknown marking counts as the most restrictive. */
export function mostRestrictive(markings: Iterable<string>): string | undefined {
  let best: string | undefined;
  const rank = (m: string) => (isTlp(m) ? TLP_ORDER.indexOf(m) : TLP_ORDER.length);
  for (const m of markings) if (best === undefined || rank(m) > rank(best)) best = m;
  return best;
}
