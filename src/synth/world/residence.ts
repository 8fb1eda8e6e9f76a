import type { TruePerson } from '../people/person.js';
import { streamOf } from '../random.js';
import { MX_STATES, mxState } from '../tables/mexico.js';
import { CA_PLACES, US_STATES, usState } from '../tables/north.js';
import { networkOfKey, type World } from './world.js';

export interface Residence {
  country: 'MX' | 'US' | 'CA';
  /** State or province as written locally (Sonora, TX, BC). */
  state: string;
  city: string;
  areaCodes: readonly string[];
}

/** Where a person lives: members live where their network works. */
export function residenceOf(world: World, person: TruePerson): Residence {
  const r = streamOf(world.seed, 'residence', person.key);
  const network = networkOfKey(world, person.key);
  if (person.nationality === 'MX') {
    const state = network
      ? mxState(network.mxState)
      : person.birthState && r.chance(0.7)
        ? mxState(person.birthState)
        : r.pick(MX_STATES);
    return {
      country: 'MX',
      state: state.name,
      city: r.pick(state.municipalities),
      areaCodes: state.areaCodes,
    };
  }
  if (person.nationality === 'CA') {
    const place = network ? CA_PLACES[network.caPlace]! : r.pick(CA_PLACES);
    return { country: 'CA', state: place.province, city: place.city, areaCodes: place.areaCodes };
  }
  const state = network
    ? usState(network.usState)
    : r.chance(0.8)
      ? r.pick(US_STATES.filter((s) => s.border))
      : r.pick(US_STATES);
  return {
    country: 'US',
    state: state.code,
    city: r.pick(state.cities),
    areaCodes: state.areaCodes,
  };
}
