import { dayOf, nextWeekday } from '../dates.js';
import { personAt } from '../people/person.js';
import { keyOf, POOL_RANGE } from '../keys.js';
import { hash32, mix32, Random, streamOf, Weighted } from '../random.js';
import { SOURCES } from '../sources.js';
import { GUN_MODELS, type FirearmModel } from '../tables/firearms.js';
import { US_STATES } from '../tables/north.js';
import { WINDOWS } from '../world/windows.js';
import type { Network } from '../world/networks.js';
import type { World } from '../world/world.js';
import { dealerAt, DEALERS_PER_STATE, type Dealer } from './dealers.js';
import { serialFor } from './serials.js';

/**
 * Retail sales come in baskets (one buyer, one dealer, one day, one or more guns) from two
 * streams spread evenly over the sales window: straw purchases by planted rings, and ordinary
 * retail. A basket is a pure function of its stream and index, so recoveries can point at a
 * sold gun without the sales file being in memory.
 */
export type SaleStream = 'straw' | 'retail';

export interface SoldGun {
  slot: number;
  model: FirearmModel;
  serial: string;
  /** Firearm number, unique across all guns of the data set. */
  gun: number;
}

export interface Basket {
  stream: SaleStream;
  index: number;
  day: number;
  buyer: number;
  dealer: Dealer;
  guns: SoldGun[];
  /** Transaction number on the dealer's records. */
  transaction: string;
  ring: Network | null;
}

const STRAW_GUNS = new Weighted(
  GUN_MODELS.filter((g) => g.straw > 0).map((g) => [g, g.straw] as const),
);
const RETAIL_GUNS = new Weighted(GUN_MODELS.map((g) => [g, g.weight] as const));
const STATE_WEIGHTS = new Weighted(US_STATES.map((s) => [s.code, s.border ? 6 : 1] as const));
const STREAM_BASE: Record<SaleStream, number> = { straw: 0, retail: 2 ** 28 };

export const gunNumber = (stream: SaleStream, basket: number, slot: number): number =>
  STREAM_BASE[stream] + basket * 8 + slot;

const count = (world: World, stream: SaleStream) =>
  stream === 'straw' ? world.counts.strawBaskets : world.counts.retailBaskets;

/**
 * Straw purchases grow over the years (three times as many at the end of the window as at the
 * start), as trafficking did; retail sales are even. A stream's baskets sit at the quantiles of
 * its density, so day and index convert both ways.
 */
const GROWTH: Record<SaleStream, number> = { straw: 3, retail: 1 };

/** Share of the window (0..1) below which a share u of the stream's baskets falls. */
function warp(stream: SaleStream, u: number): number {
  const g = GROWTH[stream];
  return g === 1 ? u : (Math.sqrt(1 + (g * g - 1) * u) - 1) / (g - 1);
}

function unwarp(stream: SaleStream, x: number): number {
  const g = GROWTH[stream];
  return g === 1 ? x : (x + ((g - 1) * x * x) / 2) / ((1 + g) / 2);
}

/** The sale day of basket b: weekdays only, so business-day rules are exact. */
export function basketDay(world: World, stream: SaleStream, b: number): number {
  const { start, end } = WINDOWS.sales;
  const x = warp(stream, (b + 0.5) / count(world, stream));
  return nextWeekday(start + Math.floor(x * (end - 2 - start)));
}

/** The basket index whose day is nearest to `day`. */
export function basketNear(world: World, stream: SaleStream, day: number): number {
  const { start, end } = WINDOWS.sales;
  const x = Math.min(Math.max((day - start) / (end - 2 - start), 0), 1);
  const b = Math.round(unwarp(stream, x) * count(world, stream) - 0.5);
  return Math.min(Math.max(b, 0), count(world, stream) - 1);
}

const RINGS = new WeakMap<World, Network[]>();

function strawRing(world: World, day: number, r: Random): Network {
  let rings = RINGS.get(world);
  if (!rings)
    RINGS.set(world, (rings = world.networks.filter((n) => n.type === 'straw_purchasing')));
  const active = rings.filter((n) => n.start <= day && day <= n.end);
  return r.pick(active.length ? active : rings);
}

function transactionNumber(world: World, stream: SaleStream, b: number, day: number): string {
  const n = mix32((STREAM_BASE[stream] + b) ^ hash32(world.seed, 'transaction'));
  return `${new Date(day * 86_400_000).getUTCFullYear()}-${String(n).padStart(10, '0')}`;
}

function guns(world: World, r: Random, stream: SaleStream, b: number, n: number): SoldGun[] {
  const table = stream === 'straw' ? STRAW_GUNS : RETAIL_GUNS;
  return Array.from({ length: n }, (_, slot) => {
    const model = table.pick(r);
    const gun = gunNumber(stream, b, slot);
    return { slot, model, gun, serial: serialFor(world.seed, model, gun) };
  });
}

/** A one-off buyer, or now and then someone from the shared pool who is old enough to buy. */
function retailBuyer(world: World, r: Random, b: number, day: number): number {
  if (r.chance(0.03)) {
    const key = keyOf(POOL_RANGE, r.int(0, world.counts.pool - 1));
    if (dayOf(personAt(world, key).birthDate) <= day - 21 * 365.25) return key;
  }
  return keyOf(SOURCES.ATF.range, b);
}

export function basketAt(world: World, stream: SaleStream, b: number): Basket {
  const r = streamOf(world.seed, 'basket', stream, b);
  const day = basketDay(world, stream, b);
  const transaction = transactionNumber(world, stream, b, day);
  if (stream === 'straw') {
    const ring = strawRing(world, day, r);
    const buyers = ring.members.filter((m) => m.role === 'straw purchaser');
    // Each ring favours three dealers in its state.
    const favourite = hash32(world.seed, ring.index, r.int(0, 2)) % DEALERS_PER_STATE;
    const dealerIndex = r.chance(0.8) ? favourite : r.int(0, DEALERS_PER_STATE - 1);
    return {
      stream,
      index: b,
      day,
      buyer: r.pick(buyers).key,
      dealer: dealerAt(world.seed, ring.usState, dealerIndex),
      guns: guns(world, r, stream, b, r.int(2, 5)),
      transaction,
      ring,
    };
  }
  const buyer = retailBuyer(world, r, b, day);
  const u = r.next();
  return {
    stream,
    index: b,
    day,
    buyer,
    dealer: dealerAt(world.seed, STATE_WEIGHTS.pick(r), r.int(0, DEALERS_PER_STATE - 1)),
    guns: guns(world, r, stream, b, u < 0.85 ? 1 : u < 0.97 ? 2 : 3),
    transaction,
    ring: null,
  };
}
