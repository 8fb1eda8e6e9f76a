import { dayOf } from '../dates.js';
import { keyOf, POOL_RANGE } from '../keys.js';
import { hash32, Random, spread, streamOf, Weighted } from '../random.js';
import { SOURCES } from '../sources.js';
import {
  GUN_MODELS,
  NON_US_MODELS,
  type FirearmModel,
  type FirearmType,
} from '../tables/firearms.js';
import { mxState, RECOVERY_STATE_WEIGHTS } from '../tables/mexico.js';
import { STRAW_SHARE_OF_TRACED, TRACED_SHARE } from '../world/counts.js';
import type { Network } from '../world/networks.js';
import { WINDOWS } from '../world/windows.js';
import type { World } from '../world/world.js';
import { basketAt, basketNear, type Basket, type SaleStream, type SoldGun } from './sales.js';
import { serialFor } from './serials.js';

/** What a trace of a recovered gun finds. */
export type TraceOutcome = 'traced' | 'obliterated' | 'not_us_made' | 'no_sale_record';

/** Shares of recoveries by trace outcome (docs/synthetic-data.md). */
export const OUTCOMES: readonly (readonly [TraceOutcome, number])[] = [
  ['traced', TRACED_SHARE],
  ['obliterated', 0.12],
  ['not_us_made', 0.1],
  ['no_sale_record', 1 - TRACED_SHARE - 0.22],
];

export const TYPES: readonly (readonly [FirearmType, number])[] = [
  ['rifle', 0.5],
  ['pistol', 0.4],
  ['revolver', 0.05],
  ['shotgun', 0.05],
];

export const FIRST_RECOVERY_YEAR = 2016;
/** Recoveries per year relative to 2016: rifles roughly double by 2023 (+105%). */
export const YEAR_TRENDS: Readonly<Record<'rifle' | 'other', readonly number[]>> = {
  rifle: [1.0, 1.15, 1.3, 1.45, 1.6, 1.75, 1.9, 2.05, 2.1],
  other: [1.0, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14, 1.16],
};

/** Time-to-crime bands for traced guns, in days, with their shares. */
export const TIME_TO_CRIME: readonly (readonly [number, number, number])[] = [
  [30, 365, 0.3],
  [366, 1095, 0.4],
  [1096, 3650, 0.3],
];

const CIRCUMSTANCES = [
  'Enfrentamiento armado',
  'Revisión en punto de control',
  'Cateo en inmueble',
  'Abandonada en vía pública',
  'Detención en flagrancia',
  'Aseguramiento en vehículo',
];

export interface Recovery {
  index: number;
  owner: 'FGR' | 'SEDENA';
  outcome: TraceOutcome;
  day: number;
  state: string;
  municipality: string;
  circumstances: string;
  model: FirearmModel;
  /** The true serial; empty when fully obliterated. */
  serial: string;
  obliterated: 'yes' | 'no' | 'partial';
  gun: number;
  sale: { basket: Basket; gun: SoldGun } | null;
  person: number | null;
  network: Network | null;
}

const GOLDEN = 0.6180339887498949;
const SQRT2 = 0.41421356237309515;
const SQRT3 = 0.7320508075688772;
/** Guns that were never in the sales data are numbered apart from sold ones. */
const UNSOLD_BASE = 2 ** 29;

function quantile<T>(items: readonly (readonly [T, number])[], u: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const byType = (models: readonly FirearmModel[], type: FirearmType) =>
  new Weighted(models.filter((m) => m.type === type).map((m) => [m, m.weight] as const));
const US_BY_TYPE = new Map(TYPES.map(([t]) => [t, byType(GUN_MODELS, t)]));
const NON_US_BY_TYPE = new Map(TYPES.map(([t]) => [t, byType(NON_US_MODELS, t)]));
const STATES = new Weighted(Object.entries(RECOVERY_STATE_WEIGHTS));

/**
 * Plans recoveries in order. Outcome, type and year come from evenly spread sequences so the
 * published shares (traced ≈ 69%, rifles +105% from 2016 to 2023) hold at any scale; a traced
 * gun is the nearest unused sold gun of its type bought a time-to-crime before the recovery.
 */
export class RecoveryPlanner {
  private readonly used = new Set<number>();
  /** Straw baskets are few (about 1% of the scale) and searched often. */
  private readonly strawBaskets = new Map<number, Basket>();
  private readonly perType = new Map<FirearmType, number>();
  /** Traced recoveries that found no sold gun to point at (should stay 0). */
  unmatched = 0;

  constructor(private readonly world: World) {}

  plan(k: number): Recovery {
    const { world } = this;
    const r = streamOf(world.seed, 'recovery', k);
    const outcome = quantile(OUTCOMES, spread(k, GOLDEN, 0.5));
    const type = quantile(TYPES, spread(k, SQRT2, 0.25));
    const nth = this.perType.get(type) ?? 0;
    this.perType.set(type, nth + 1);
    const trend = YEAR_TRENDS[type === 'rifle' ? 'rifle' : 'other'];
    const year =
      FIRST_RECOVERY_YEAR +
      quantile(
        trend.map((w, i) => [i, w] as const),
        spread(nth, SQRT3),
      );
    const first = dayOf(`${year}-01-01`);
    const day = Math.min(r.int(first, dayOf(`${year}-12-31`)), WINDOWS.recoveries.end);

    let sale: Recovery['sale'] = null;
    let model: FirearmModel;
    let gun = UNSOLD_BASE + k;
    if (outcome === 'traced') sale = this.findSale(r, type, day);
    if (sale) {
      model = sale.gun.model;
      gun = sale.gun.gun;
    } else {
      if (outcome === 'traced') this.unmatched++;
      model = (outcome === 'not_us_made' ? NON_US_BY_TYPE : US_BY_TYPE).get(type)!.pick(r);
    }
    const obliterated = outcome === 'obliterated' ? (r.chance(0.7) ? 'yes' : 'partial') : 'no';
    const ring = sale?.basket.ring ?? null;
    const stateName = ring && r.chance(0.75) ? ring.mxState : STATES.pick(r);
    const owner = hash32(world.seed, 'owner', k) % 10 < 6 ? 'FGR' : 'SEDENA';
    return {
      index: k,
      owner,
      outcome,
      day,
      state: stateName,
      municipality: r.pick(mxState(stateName).municipalities),
      circumstances: r.pick(CIRCUMSTANCES),
      model,
      serial: obliterated === 'yes' ? '' : serialFor(world.seed, model, gun),
      obliterated,
      gun,
      sale,
      person: this.person(r, ring, owner, k),
      network: ring,
    };
  }

  private person(r: Random, ring: Network | null, owner: Recovery['owner'], k: number) {
    const receivers = ring?.members.filter((m) => m.role === 'receiver') ?? [];
    if (receivers.length && r.chance(0.4)) return r.pick(receivers).key;
    const u = r.next();
    if (u < 0.1) return keyOf(POOL_RANGE, r.int(0, this.world.counts.pool - 1));
    // Someone this partner sees only here.
    if (u < 0.35) return keyOf(SOURCES[owner].range, k);
    return null;
  }

  private basket(stream: SaleStream, b: number): Basket {
    if (stream === 'retail') return basketAt(this.world, stream, b);
    let basket = this.strawBaskets.get(b);
    if (!basket) this.strawBaskets.set(b, (basket = basketAt(this.world, stream, b)));
    return basket;
  }

  private findSale(r: Random, type: FirearmType, day: number): Recovery['sale'] {
    const [lo, hi] = pickBand(r);
    const target = Math.max(day - r.int(lo, hi), WINDOWS.sales.start);
    // Revolvers and shotguns are rarely straw-purchased: they trace to one-off sales.
    const straw = (type === 'rifle' || type === 'pistol') && r.chance(STRAW_SHARE_OF_TRACED);
    const stream: SaleStream = straw ? 'straw' : 'retail';
    const centre = basketNear(this.world, stream, target);
    const last = this.world.counts[straw ? 'strawBaskets' : 'retailBaskets'] - 1;
    for (let d = 0; d <= Math.max(centre, last - centre); d++) {
      for (const b of d === 0 ? [centre] : [centre - d, centre + d]) {
        if (b < 0 || b > last) continue;
        const basket = this.basket(stream, b);
        if (basket.day > day - 14) continue;
        const gun = basket.guns.find((g) => g.model.type === type && !this.used.has(g.gun));
        if (gun) {
          this.used.add(gun.gun);
          return { basket, gun };
        }
      }
    }
    return null;
  }
}

function pickBand(r: Random): readonly [number, number] {
  const u = r.next();
  let sum = 0;
  for (const [lo, hi, share] of TIME_TO_CRIME) {
    sum += share;
    if (u < sum) return [lo, hi];
  }
  return [TIME_TO_CRIME[0]![0], TIME_TO_CRIME[0]![1]];
}
