/** One state's outline, ready to draw. */
export interface StateShape {
  /** The key values are matched on: a USPS code (TX) or an ISO 3166-2:MX code (TAM). */
  id: string;
  name: string;
  /** SVG path data in the map's own coordinates. */
  d: string;
}

/** A name compared without case, accents or punctuation: "Nuevo León" is "nuevo leon". */
export const foldKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
