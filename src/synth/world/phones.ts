import { indexOf, NETWORK_RANGE, rangeOf } from '../keys.js';
import { streamOf } from '../random.js';
import type { Residence } from './residence.js';

const SUBSCRIBERS = 8_000_000;
const STRIDE = 7_919; // prime, so index → subscriber is one-to-one below SUBSCRIBERS

/** Phone slots: members and pool people have up to two lines each, numbered apart. */
export function phoneIndex(personKey: number, line: number): number {
  const base = rangeOf(personKey) === NETWORK_RANGE ? 0 : 1_000_000;
  return base + indexOf(personKey) * 2 + line;
}

/**
 * An E.164 number in the person's area. Distinct phone indices get distinct subscriber
 * numbers, so two people never share a line by accident.
 */
export function phoneNumber(seed: number, index: number, home: Residence): string {
  const r = streamOf(seed, 'phone', index);
  const area = r.pick(home.areaCodes);
  const subscriber = 2_000_000 + ((index * STRIDE + (seed % 1000)) % SUBSCRIBERS);
  const country = home.country === 'MX' ? '52' : '1';
  // Mexican numbers have ten digits: two-digit area codes take an eight-digit subscriber.
  const pad = home.country === 'MX' && area.length === 2 ? String(r.int(1, 9)) : '';
  return `+${country}${area}${pad}${subscriber}`;
}
