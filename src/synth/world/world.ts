import { indexOf, NETWORK_RANGE, NETWORK_SLOTS, POOL_RANGE, rangeOf } from '../keys.js';
import type { ProfileName } from '../people/profiles.js';
import { SOURCES } from '../sources.js';
import { countsFor, type Counts } from './counts.js';
import { planNetworks, type Member, type Network } from './networks.js';

export interface World {
  seed: number;
  scale: number;
  counts: Counts;
  networks: readonly Network[];
}

export function createWorld(seed: number, scale: number): World {
  const counts = countsFor(scale);
  return { seed, scale, counts, networks: planNetworks(seed, counts.networks) };
}

/** The planted network a key of any kind (person, vehicle, company) belongs to, if any. */
export function networkOfKey(world: World, key: number): Network | null {
  if (rangeOf(key) !== NETWORK_RANGE) return null;
  return world.networks[Math.floor(indexOf(key) / NETWORK_SLOTS)] ?? null;
}

/** The planted-network member a person key stands for, if any. */
export function memberOf(world: World, key: number): { network: Network; member: Member } | null {
  const network = networkOfKey(world, key);
  const member = network?.members[indexOf(key) % NETWORK_SLOTS];
  return network && member ? { network, member } : null;
}

const PROFILE_BY_RANGE = new Map<number, ProfileName>([
  [POOL_RANGE, 'border'],
  ...Object.values(SOURCES).map((s) => [s.range, s.profile] as const),
]);

export function profileOf(world: World, key: number): ProfileName {
  return memberOf(world, key)?.member.profile ?? PROFILE_BY_RANGE.get(rangeOf(key)) ?? 'border';
}
