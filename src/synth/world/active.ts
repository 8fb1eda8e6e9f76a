import type { Random } from '../random.js';
import type { Network, NetworkType } from './networks.js';
import type { World } from './world.js';

const BY_TYPE = new WeakMap<World, Map<NetworkType, Network[]>>();

export function networksOfType(world: World, type: NetworkType): Network[] {
  let byType = BY_TYPE.get(world);
  if (!byType) {
    byType = new Map();
    for (const n of world.networks) byType.set(n.type, [...(byType.get(n.type) ?? []), n]);
    BY_TYPE.set(world, byType);
  }
  return byType.get(type) ?? [];
}

/** A network of this type active on `day`, picked at random, or null when none is. */
export function activeNetwork(
  world: World,
  type: NetworkType,
  day: number,
  r: Random,
): Network | null {
  const active = networksOfType(world, type).filter((n) => n.start <= day && day <= n.end);
  return active.length ? r.pick(active) : null;
}

export const membersWithRole = (network: Network, ...roles: string[]) =>
  network.members.filter((m) => roles.includes(m.role));
