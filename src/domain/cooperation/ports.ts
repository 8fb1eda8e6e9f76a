import { foldText } from '../text/fold.js';

/**
 * Pacific seaports through which precursor chemicals reach North America, for the precursor
 * indicator. Mexico's container ports on the Pacific first (Manzanillo and Lázaro Cárdenas take
 * most precursor shipments from Asia), then the US and Canadian Pacific gateways. A seizure
 * counts when its port of entry, place or address names one of them, accent- and case-folded
 * ("Lazaro Cardenas", "Puerto de Manzanillo, Col."). Extend the list here; it is data, not
 * policy.
 */
export const PACIFIC_PORTS: readonly string[] = [
  // Mexico
  'Manzanillo',
  'Lázaro Cárdenas',
  'Ensenada',
  'Mazatlán',
  'Topolobampo',
  'Guaymas',
  'Salina Cruz',
  'Puerto Vallarta',
  'Puerto Chiapas',
  'Acapulco',
  // United States
  'Long Beach',
  'Los Angeles',
  'Oakland',
  'Seattle',
  'Tacoma',
  // Canada
  'Vancouver',
  'Prince Rupert',
];

const words = (s: string) =>
  ` ${foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const FOLDED = PACIFIC_PORTS.map(words);

/** The Pacific port a place names, if any. */
export function pacificPortOf(place: string): string | undefined {
  const w = words(place);
  const i = FOLDED.findIndex((p) => w.includes(p));
  return i < 0 ? undefined : PACIFIC_PORTS[i];
}
