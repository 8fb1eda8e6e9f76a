import { surname } from '../pick-names.js';
import { streamOf } from '../random.js';
import { usState } from '../tables/north.js';

/** A licensed retail dealer (FFL holder). */
export interface Dealer {
  name: string;
  /** Federal firearms licence: region-district-county-type-expiry-sequence. */
  license: string;
  state: string;
  city: string;
}

export const DEALERS_PER_STATE = 15;

const REGION: Readonly<Record<string, string>> = {
  TX: '5-74',
  AZ: '9-86',
  CA: '9-33',
  NM: '5-85',
  FL: '1-59',
  GA: '1-58',
  IL: '3-36',
  CO: '8-84',
  NV: '9-88',
  OK: '5-73',
};

const SHAPES = [
  (s: string) => `${s} Firearms`,
  (s: string) => `${s}'s Gun Shop`,
  (s: string, c: string) => `${c} Outdoor Sports`,
  (s: string, c: string) => `${c} Pawn & Gun`,
  (s: string) => `${s} Tactical Supply LLC`,
  (s: string, c: string) => `Frontier Arms of ${c}`,
  (s: string) => `${s} Sporting Goods Inc.`,
];

export function dealerAt(seed: number, state: string, index: number): Dealer {
  const r = streamOf(seed, 'dealer', state, index);
  const city = r.pick(usState(state).cities);
  const name = r.pick(SHAPES)(surname(r, 'en'), city);
  const county = String(r.int(1, 499)).padStart(3, '0');
  const expiry = `${r.int(0, 9)}${r.pick([...'ABCDEFGHJKLM'])}`;
  const sequence = String(10_000 + index * 3_001 + r.int(0, 3_000)).padStart(5, '0');
  return { name, license: `${REGION[state]}-${county}-01-${expiry}-${sequence}`, state, city };
}
