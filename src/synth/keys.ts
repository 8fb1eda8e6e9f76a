import { hash32, mix32 } from './random.js';

/**
 * Real-world entities (people, vehicles, organizations, guns) are numbered by key: a range
 * (who they are: planted network members, the shared pool of people seen across partners, or
 * people one source sees once) and an index within it. Everything about an entity is a pure
 * function of (seed, key), so files written independently agree without shared state.
 */
export const RANGE_BITS = 24;
export const NETWORK_RANGE = 0;
export const POOL_RANGE = 1;
/** Slots per network for members (and, separately, for vehicles or companies). */
export const NETWORK_SLOTS = 16;

export const keyOf = (range: number, index: number): number => range * 2 ** RANGE_BITS + index;
export const rangeOf = (key: number): number => Math.floor(key / 2 ** RANGE_BITS);
export const indexOf = (key: number): number => key % 2 ** RANGE_BITS;

export type EntityKind = 'person' | 'organization' | 'vehicle' | 'firearm';
const PREFIX: Record<EntityKind, string> = {
  person: 'P',
  organization: 'O',
  vehicle: 'V',
  firearm: 'G',
};

/** The ground truth's name for a real-world entity. */
export const entityId = (kind: EntityKind, key: number): string => `${PREFIX[kind]}-${key}`;

/**
 * A partner's own record number for an entity: ten digits, distinct per (key, variant) within a
 * source (the mixer is a bijection), unrelated across sources, so ids give no cross-file hints.
 * Variant 1 is the same entity entered a second time by the same partner.
 */
export function partnerNumber(seed: number, source: string, key: number, variant = 0): string {
  const x = (key * 2 + variant) >>> 0;
  return String(mix32((x ^ hash32(seed, source)) >>> 0)).padStart(10, '0');
}
