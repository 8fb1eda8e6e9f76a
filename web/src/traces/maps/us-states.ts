import { feature } from 'topojson-client';
import states from 'us-atlas/states-albers-10m.json';
import { foldKey, type StateShape } from './shapes';

// The 50 states and DC from us-atlas (U.S. Census Bureau cartographic boundaries, 2017,
// projected with d3.geoAlbersUsa to 975×610 and simplified by its authors; ISC licence).
// Dealers' states arrive as USPS codes (TX); FIPS codes key the outlines.

export const US_VIEWBOX = '0 0 975 610';

/** USPS code → FIPS code, for the states and DC that the outlines draw. */
const FIPS: Record<string, string> = {
  AL: '01',
  AK: '02',
  AZ: '04',
  AR: '05',
  CA: '06',
  CO: '08',
  CT: '09',
  DE: '10',
  DC: '11',
  FL: '12',
  GA: '13',
  HI: '15',
  ID: '16',
  IL: '17',
  IN: '18',
  IA: '19',
  KS: '20',
  KY: '21',
  LA: '22',
  ME: '23',
  MD: '24',
  MA: '25',
  MI: '26',
  MN: '27',
  MS: '28',
  MO: '29',
  MT: '30',
  NE: '31',
  NV: '32',
  NH: '33',
  NJ: '34',
  NM: '35',
  NY: '36',
  NC: '37',
  ND: '38',
  OH: '39',
  OK: '40',
  OR: '41',
  PA: '42',
  RI: '44',
  SC: '45',
  SD: '46',
  TN: '47',
  TX: '48',
  UT: '49',
  VT: '50',
  VA: '51',
  WA: '53',
  WV: '54',
  WI: '55',
  WY: '56',
};

const round = (x: number) => Math.round(x * 10) / 10;

const ring = (points: [number, number][]) =>
  `M${points.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`;

let shapes: StateShape[] | undefined;

/** The outlines as SVG paths, decoded once. */
export function usStateShapes(): StateShape[] {
  if (shapes) return shapes;
  const byFips = new Map(Object.entries(FIPS).map(([code, fips]) => [fips, code]));
  shapes = feature(states, states.objects.states).features.flatMap((f) => {
    const code = byFips.get(String(f.id));
    if (!code) return [];
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return [
      {
        id: code,
        name: f.properties.name ?? code,
        d: polygons.map((rings) => rings.map(ring).join('')).join(''),
      },
    ];
  });
  return shapes;
}

/** A dealer's state as written (TX, Texas, tx) → its USPS code, or undefined. */
export function usStateId(written: string): string | undefined {
  const upper = written.trim().toUpperCase().replace(/^US-/, '');
  if (upper in FIPS) return upper;
  const key = foldKey(written);
  return usStateShapes().find((s) => foldKey(s.name) === key)?.id;
}
