import { partnerNumber, POOL_RANGE, rangeOf } from '../keys.js';
import { NOISE } from '../people/noise.js';
import { renderPerson, type PersonRecord } from '../people/render.js';
import type { Random } from '../random.js';
import type { World } from '../world/world.js';
import type { Exporter } from './exporter.js';

export interface Mention {
  person: PersonRecord;
  id: string;
}

/**
 * A person as this export's partner records them, under the partner's own id. People seen
 * before may be filed a second time under a new id (the partner's own duplicate).
 */
export function mentionPerson(
  x: Exporter,
  world: World,
  key: number,
  r: Random,
  prefix: string,
): Mention {
  const source = x.spec.source;
  const variant = rangeOf(key) <= POOL_RANGE && r.chance(NOISE[source].duplicate) ? 1 : 0;
  const person = renderPerson(world, source, key, variant);
  const id = prefix + partnerNumber(world.seed, source, key, variant);
  x.entity('person', key, variant, id, 'Person', person.truth.entity);
  return { person, id };
}

export const ALPHA3: Readonly<Record<string, string>> = { MX: 'MEX', US: 'USA', CA: 'CAN' };

export const upper = (s: string): string => s.toUpperCase();

/** Both surnames as one field, the way most systems store them. */
export const surnames = (p: PersonRecord): string =>
  p.maternal ? `${p.paternal} ${p.maternal}` : p.paternal;
