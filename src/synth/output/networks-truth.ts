import { entityId } from '../keys.js';
import { isoOf } from '../dates.js';
import type { World } from '../world/world.js';
import type { RecordRef } from './truth.js';

/** Every entity of the planted networks, for the truth writer to keep their records. */
export function networkEntities(world: World): Set<string> {
  const ids = new Set<string>();
  for (const n of world.networks) {
    ids.add(entityId('organization', n.org));
    for (const m of n.members) ids.add(entityId('person', m.key));
    for (const v of n.vehicles) ids.add(entityId('vehicle', v));
    for (const c of n.companies) ids.add(entityId('organization', c));
  }
  return ids;
}

/** networks.json: each planted network, its members with roles, and every record of each. */
export function networksTruth(world: World, records: ReadonlyMap<string, RecordRef[]>) {
  const refs = (entity: string) => ({ entity, records: records.get(entity) ?? [] });
  return world.networks.map((n) => ({
    id: n.id,
    type: n.type,
    name: n.name,
    active: { from: isoOf(n.start), to: isoOf(n.end) },
    organization: refs(entityId('organization', n.org)),
    members: n.members.map((m) => ({ role: m.role, ...refs(entityId('person', m.key)) })),
    vehicles: n.vehicles.map((v) => refs(entityId('vehicle', v))),
    companies: n.companies.map((c) => refs(entityId('organization', c))),
  }));
}
