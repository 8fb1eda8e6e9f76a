/**
 * The sales the trace benchmark traces against: retail sales of the synthetic world
 * (src/synth/guns/sales.ts baskets: one buyer, one dealer, one day, one or more guns; straw
 * purchases by planted rings and ordinary retail), recorded as ATF's records are when its sales
 * file is imported (src/synth/exports/atf-sales.ts): a Sale and a Firearm record per gun, a
 * Person record per buyer, sold_in and purchased links. Deterministic for a seed and a size; a
 * sold gun's record ids are a function of its basket and slot, so requests can name the right
 * sale without the sales being kept anywhere.
 */
import { v7 } from 'uuid';
import { sharingToColumns } from '../../../src/domain/policy/keys.js';
import { parseSharing } from '../../../src/domain/policy/sharing.js';
import { validateRecord } from '../../../src/services/records/validate-record.js';
import { businessDayIndex, isoOf } from '../../../src/synth/dates.js';
import { reportKind, saleId, soldFirearmId } from '../../../src/synth/exports/atf-sales.js';
import {
  basketAt,
  type Basket,
  type SaleStream,
  type SoldGun,
} from '../../../src/synth/guns/sales.js';
import { partnerNumber, rangeOf } from '../../../src/synth/keys.js';
import { surnames, upper } from '../../../src/synth/output/people.js';
import { renderPerson } from '../../../src/synth/people/render.js';
import { Random, streamOf } from '../../../src/synth/random.js';
import { SOURCES } from '../../../src/synth/sources.js';
import { countsFor } from '../../../src/synth/world/counts.js';
import { createWorld, type World } from '../../../src/synth/world/world.js';
import type { GeneratedVersion } from '../dataset/generate.js';
import type { GeneratedLinkVersion, GraphItem } from '../dataset/load.js';
import { benchUserIds } from '../ingest/directory.js';

/** ATF's records: TLP:AMBER, releasable to the United States and Mexico. */
export const SALE_SHARING = sharingToColumns(
  parseSharing({ marking: 'TLP:AMBER', relCountries: ['US', 'MX'] }),
);

const DAY_MS = 86_400_000;
/** Mean guns per basket (src/synth/guns/sales.ts): retail 1 (85%), 2 (12%), 3 (3%); straw 2-5. */
const RETAIL_GUNS = 0.85 + 0.12 * 2 + 0.03 * 3;
const STRAW_GUNS = 3.5;
/** A little more than needed, so the world's sales window is full before the cut. */
const SLACK = 1.004;

/** The world scale whose sales hold about `sales` guns (slightly more: the last are cut). */
export function scaleFor(sales: number): number {
  const probe = 10_000_000;
  const c = countsFor(probe);
  const perScale = (c.retailBaskets * RETAIL_GUNS + c.strawBaskets * STRAW_GUNS) / probe;
  return Math.max(1000, Math.ceil((sales / perScale) * SLACK));
}

export const worldFor = (sales: number, seed: number): World => createWorld(seed, scaleFor(sales));

/** Which baskets were loaded: every basket below `full` of its stream, and part of one more. */
export interface LoadedSales {
  full: Record<SaleStream, number>;
  partial: { stream: SaleStream; index: number; slots: number } | null;
}

export const isLoaded = (l: LoadedSales, basket: Basket, slot: number): boolean =>
  basket.index < l.full[basket.stream] ||
  (l.partial?.stream === basket.stream &&
    l.partial.index === basket.index &&
    slot < l.partial.slots);

/** The ids of a sold gun's Firearm and Sale records, and the time they were recorded. */
export function saleRecordIds(seed: number, basket: Basket, slot: number) {
  const r = streamOf(seed, 'bench-trace-sale', basket.stream, basket.index, slot);
  // Entered during the business day of the sale.
  const msecs = basket.day * DAY_MS + 8 * 3_600_000 + r.int(0, 10 * 3_600_000);
  return {
    msecs,
    firearm: v7({ msecs, random: r.bytes(16) }),
    sale: v7({ msecs, random: r.bytes(16) }),
  };
}

/** The world's baskets of both streams, in sale-day order (as the ATF export writes them). */
function* baskets(world: World): Generator<Basket> {
  const total = { straw: world.counts.strawBaskets, retail: world.counts.retailBaskets };
  const next = { straw: 0, retail: 0 };
  const at = (s: SaleStream) => (next[s] < total[s] ? basketAt(world, s, next[s]) : null);
  let straw = at('straw');
  let retail = at('retail');
  while (straw || retail) {
    const take: SaleStream = straw && (!retail || straw.day <= retail.day) ? 'straw' : 'retail';
    yield (take === 'straw' ? straw : retail)!;
    next[take]++;
    if (take === 'straw') straw = at('straw');
    else retail = at('retail');
  }
}

function price(gun: SoldGun, u: number): string {
  const base = gun.model.caliber === '.50 BMG' ? 9_500 : gun.model.type === 'rifle' ? 750 : 480;
  return (base * (0.85 + 0.5 * u)).toFixed(2);
}

interface Pending {
  basket: Basket;
  gun: SoldGun;
  buyerId: string;
  buyerName: string;
  kind: 'handgun' | 'rifle' | null;
  business: number;
  report: boolean;
}

/**
 * Multiple-sale reports, as the ATF export computes them: two or more handguns (in border states
 * also reportable rifles) to one buyer within five consecutive business days. A gun waits until
 * no later sale can join its report.
 */
class ReportWindow {
  private queue: Pending[] = [];
  private head = 0;
  private readonly byBuyer = new Map<number, Pending[]>();

  add(p: Pending, emit: (p: Pending) => void): void {
    this.release(p.business - 4, emit);
    if (p.kind) {
      for (const q of this.byBuyer.get(p.basket.buyer) ?? []) {
        if (q.kind === p.kind) q.report = p.report = true;
      }
    }
    this.queue.push(p);
    const list = this.byBuyer.get(p.basket.buyer);
    if (list) list.push(p);
    else this.byBuyer.set(p.basket.buyer, [p]);
  }

  /** Emits every gun sold before business day `before` (all, by default). */
  release(before: number, emit: (p: Pending) => void): void {
    while (this.head < this.queue.length && this.queue[this.head]!.business < before) {
      const p = this.queue[this.head++]!;
      const list = this.byBuyer.get(p.basket.buyer)!;
      list.shift();
      if (!list.length) this.byBuyer.delete(p.basket.buyer);
      emit(p);
    }
    if (this.head > 10_000) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}

export interface SalesSummary {
  scale: number;
  guns: number;
  baskets: Record<SaleStream, number>;
  /** Guns by stream: straw purchases and ordinary retail. */
  gunsByStream: Record<SaleStream, number>;
  buyers: number;
  records: { Sale: number; Firearm: number; Person: number };
  links: { sold_in: number; purchased: number };
  multipleSaleGuns: number;
  loaded: LoadedSales;
  firstSale: string;
  lastSale: string;
}

export const ATF_USER = benchUserIds('ATF')[0]!;

function version(
  record_id: string,
  msecs: number,
  schema: string,
  source_ref: string,
  raw: Record<string, string[]>,
): GeneratedVersion {
  return {
    record_id,
    version: 1,
    schema,
    agency: 'ATF',
    created_by: ATF_USER,
    changed_by: ATF_USER,
    changed_at: new Date(msecs).toISOString(),
    change: 'create',
    source_ref,
    retracted: false,
    ...validateRecord(schema, raw),
    ...SALE_SHARING,
  };
}

function link(
  r: Random,
  msecs: number,
  link_type: string,
  source_id: string,
  target_id: string,
): GeneratedLinkVersion {
  return {
    link_id: v7({ msecs, random: r.bytes(16) }),
    version: 1,
    link_type,
    source_id,
    target_id,
    agency: 'ATF',
    created_by: ATF_USER,
    changed_by: ATF_USER,
    changed_at: new Date(msecs).toISOString(),
    change: 'create',
    source_ref: null,
    properties: {},
    retracted: false,
    ...SALE_SHARING,
  };
}

const props = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (v ? [[k, [v]]] : [])));

/**
 * The sales data set, record by record and link by link, in sale-day order, until `sales`
 * guns; `summary` is filled in as the generator runs and complete when it ends.
 */
export function* saleItems(
  world: World,
  sales: number,
  summary: SalesSummary,
): Generator<GraphItem> {
  const seed = world.seed;
  const r = new Random(seed ^ 0x7ace);
  const buyers = new Map<number, { id: string; name: string }>();
  const window = new ReportWindow();
  const out: GraphItem[] = [];
  const emit = (p: Pending) => {
    const { basket, gun } = p;
    const ids = saleRecordIds(seed, basket, gun.slot);
    const made = gun.model;
    out.push(
      version(
        ids.sale,
        ids.msecs,
        'Sale',
        saleId(basket, gun.slot),
        props({
          date: isoOf(basket.day),
          dealerName: basket.dealer.name,
          dealerLicense: basket.dealer.license,
          dealerState: basket.dealer.state,
          buyerName: p.buyerName,
          price: price(gun, r.next()),
          multipleSale: p.report ? 'yes' : 'no',
          country: 'US',
        }),
      ),
      version(
        ids.firearm,
        ids.msecs,
        'Firearm',
        soldFirearmId(basket, gun.slot),
        props({
          make: made.make,
          model: made.model,
          type: made.type,
          caliber: made.caliber,
          serialNumber: gun.serial,
          importer: made.importer,
          countryOfManufacture: made.made,
        }),
      ),
      link(r, ids.msecs, 'sold_in', ids.firearm, ids.sale),
      link(r, ids.msecs, 'purchased', p.buyerId, ids.firearm),
    );
    summary.records.Sale++;
    summary.records.Firearm++;
    summary.links.sold_in++;
    summary.links.purchased++;
    if (p.report) summary.multipleSaleGuns++;
  };
  const atf = SOURCES.ATF.range;
  for (const basket of baskets(world)) {
    if (summary.guns >= sales) break;
    // A one-off buyer's key is the basket's own; pool people and straw purchasers buy again.
    let buyer = rangeOf(basket.buyer) === atf ? undefined : buyers.get(basket.buyer);
    if (!buyer) {
      const p = renderPerson(world, 'ATF', basket.buyer, 0);
      const name = upper(`${surnames(p)}, ${p.given}`);
      const msecs = basket.day * DAY_MS + 7 * 3_600_000;
      buyer = { id: v7({ msecs, random: r.bytes(16) }), name };
      if (rangeOf(basket.buyer) !== atf) buyers.set(basket.buyer, buyer);
      out.push(
        version(buyer.id, msecs, 'Person', `P-${partnerNumber(seed, 'ATF', basket.buyer, 0)}`, {
          name: [name],
          ...(p.birthDate ? { birthDate: [p.birthDate] } : {}),
          country: ['US'],
        }),
      );
      summary.records.Person++;
      summary.buyers++;
    }
    const room = sales - summary.guns;
    const guns = basket.guns.slice(0, room);
    if (guns.length < basket.guns.length) {
      summary.loaded.partial = { stream: basket.stream, index: basket.index, slots: guns.length };
    } else summary.loaded.full[basket.stream] = basket.index + 1;
    summary.baskets[basket.stream]++;
    summary.gunsByStream[basket.stream] += guns.length;
    summary.guns += guns.length;
    summary.firstSale ||= isoOf(basket.day);
    summary.lastSale = isoOf(basket.day);
    const business = businessDayIndex(basket.day);
    for (const gun of guns) {
      window.add(
        {
          basket,
          gun,
          buyerId: buyer.id,
          buyerName: buyer.name,
          kind: reportKind(gun.model, basket.dealer.state),
          business,
          report: false,
        },
        emit,
      );
    }
    yield* out;
    out.length = 0;
  }
  window.release(Infinity, emit);
  yield* out;
}

export function emptySummary(scale: number): SalesSummary {
  return {
    scale,
    guns: 0,
    baskets: { straw: 0, retail: 0 },
    gunsByStream: { straw: 0, retail: 0 },
    buyers: 0,
    records: { Sale: 0, Firearm: 0, Person: 0 },
    links: { sold_in: 0, purchased: 0 },
    multipleSaleGuns: 0,
    loaded: { full: { straw: 0, retail: 0 }, partial: null },
    firstSale: '',
    lastSale: '',
  };
}
