import { nameFrequencies } from '../../domain/resolution/train.js';

/** Fewer records than this and a name's frequency is not kept (see below). */
export const FREQUENCY_FLOOR = 50;

const roundDown = (f: number) => Math.SQRT2 ** Math.floor(Math.log(f) / Math.log(Math.SQRT2));

/**
 * Name frequencies as the model keeps them: only names carried by at least FREQUENCY_FLOOR
 * records, rounded down to a power of √2. Explanations show these figures to viewers, and
 * exact counts over every record would let a viewer infer records they may not see (that a
 * rare name is carried by three more people than they can find). Coarse, common-name-only
 * figures say no more than a published name-frequency table.
 */
export function coarseFrequencies(keysOfRecords: Iterable<readonly string[]>): {
  frequencies: Record<string, number>;
  minFrequency: number;
} {
  const { frequencies, minFrequency } = nameFrequencies(keysOfRecords, FREQUENCY_FLOOR);
  const rounded: Record<string, number> = {};
  for (const [k, f] of Object.entries(frequencies)) rounded[k] = roundDown(f);
  // A value left out is at most this common: counting it as one record in the whole set would
  // make every mid-frequency name (a Johnson among ten thousand) look unique.
  return { frequencies: rounded, minFrequency: roundDown(minFrequency * FREQUENCY_FLOOR) };
}
