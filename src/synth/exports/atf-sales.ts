import { BORDER_STATES } from '../../domain/tracing/indicators.js';
import { businessDayIndex, formatDate, isoOf } from '../dates.js';
import { entityId } from '../keys.js';
import { basketAt, type Basket, type SaleStream } from '../guns/sales.js';
import { streamOf } from '../random.js';
import type { FirearmModel } from '../tables/firearms.js';
import type { World } from '../world/world.js';
import type { ExportSpec, Exporter } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { mentionPerson, surnames, upper } from '../output/people.js';

const COLUMNS = [
  'Transaction Number',
  'Item',
  'Sale Date',
  'FFL Number',
  'Dealer Name',
  'Dealer City',
  'Dealer State',
  'Purchaser ID',
  'Purchaser Name',
  'Purchaser DOB',
  'Manufacturer',
  'Model',
  'Type',
  'Caliber',
  'Serial Number',
  'Importer',
  'Country of Manufacture',
  'Price',
  'Multiple Sale Report',
];

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8',
  marking: 'AMBER',
  rel: ['US', 'MX'],
  records: [
    {
      key: 'sale',
      schema: 'Sale',
      id: '{Transaction Number}-{Item}',
      properties: {
        date: col('Sale Date', { date: 'MM/DD/YYYY' }),
        dealerName: col('Dealer Name'),
        dealerLicense: col('FFL Number'),
        dealerState: col('Dealer State'),
        buyerName: col('Purchaser Name'),
        price: col('Price'),
        multipleSale: col('Multiple Sale Report', { map: { Y: 'yes', N: 'no' } }),
        country: { value: 'US' },
      },
    },
    {
      key: 'firearm',
      schema: 'Firearm',
      id: 'FA-{Transaction Number}-{Item}',
      properties: {
        make: col('Manufacturer'),
        model: col('Model'),
        type: col('Type'),
        caliber: col('Caliber'),
        serialNumber: col('Serial Number', { upper: true }),
        importer: col('Importer'),
        countryOfManufacture: col('Country of Manufacture'),
      },
    },
    {
      key: 'buyer',
      schema: 'Person',
      id: '{Purchaser ID}',
      properties: {
        name: col('Purchaser Name'),
        birthDate: col('Purchaser DOB', { date: 'MM/DD/YYYY' }),
        country: { value: 'US' },
      },
    },
  ],
  links: [
    { type: 'sold_in', source: 'firearm', target: 'sale' },
    { type: 'purchased', source: 'buyer', target: 'firearm' },
  ],
};

export const ATF_SALES: ExportSpec = {
  file: 'atf-firearm-sales.csv',
  source: 'ATF',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  marking: 'AMBER',
  rel: ['US', 'MX'],
  mapping: MAPPING,
  columns: COLUMNS,
};

export const saleId = (basket: Basket, slot: number) => `${basket.transaction}-${slot + 1}`;
export const soldFirearmId = (basket: Basket, slot: number) => `FA-${saleId(basket, slot)}`;

/** What kind of multiple sale a gun counts toward in a state, if any. */
export function reportKind(model: FirearmModel, state: string): 'handgun' | 'rifle' | null {
  if (model.type === 'pistol' || model.type === 'revolver') return 'handgun';
  if (model.reportableRifle && BORDER_STATES.has(state)) return 'rifle';
  return null;
}

function price(model: FirearmModel, u: number): string {
  const base = model.caliber === '.50 BMG' ? 9_500 : model.type === 'rifle' ? 750 : 480;
  return (base * (0.85 + 0.5 * u)).toFixed(2);
}

interface Pending {
  fields: string[];
  buyer: string;
  kind: 'handgun' | 'rifle' | null;
  business: number;
  report: boolean;
}

/**
 * Multiple-sale reports: two or more handguns (in border states also reportable rifles) to one
 * buyer within five consecutive business days. Rows wait until no later sale can pair with them.
 */
class ReportWindow {
  private pending: Pending[] = [];

  constructor(private readonly emit: (p: Pending) => void) {}

  add(p: Pending): void {
    while (this.pending.length && this.pending[0]!.business < p.business - 4) {
      this.emit(this.pending.shift()!);
    }
    if (p.kind) {
      for (const q of this.pending) {
        if (q.buyer === p.buyer && q.kind === p.kind) q.report = p.report = true;
      }
    }
    this.pending.push(p);
  }

  flush(): void {
    for (const p of this.pending) this.emit(p);
    this.pending = [];
  }
}

function* baskets(world: World): Generator<Basket> {
  const next = { straw: 0, retail: 0 };
  const total = { straw: world.counts.strawBaskets, retail: world.counts.retailBaskets };
  let straw: Basket | null = total.straw ? basketAt(world, 'straw', 0) : null;
  let retail: Basket | null = total.retail ? basketAt(world, 'retail', 0) : null;
  const advance = (stream: SaleStream) => {
    next[stream]++;
    return next[stream] < total[stream] ? basketAt(world, stream, next[stream]) : null;
  };
  while (straw || retail) {
    if (straw && (!retail || straw.day <= retail.day)) {
      yield straw;
      straw = advance('straw');
    } else if (retail) {
      yield retail;
      retail = advance('retail');
    }
  }
}

export function writeAtfSales(world: World, x: Exporter): void {
  const window = new ReportWindow((p) => {
    p.fields[p.fields.length - 1] = p.report ? 'Y' : 'N';
    x.row(p.fields);
  });
  for (const basket of baskets(world)) {
    const r = streamOf(world.seed, 'atf-row', basket.stream, basket.index);
    const buyer = mentionPerson(x, world, basket.buyer, r, 'P-');
    const p = buyer.person;
    const name = upper(`${surnames(p)}, ${p.given}`);
    for (const gun of basket.guns) {
      x.record('Sale');
      x.entity(
        'firearm',
        gun.gun,
        0,
        soldFirearmId(basket, gun.slot),
        'Firearm',
        entityId('firearm', gun.gun),
      );
      x.links(2);
      window.add({
        fields: [
          basket.transaction,
          String(gun.slot + 1),
          formatDate(isoOf(basket.day), 'MM/DD/YYYY'),
          basket.dealer.license,
          basket.dealer.name,
          basket.dealer.city,
          basket.dealer.state,
          buyer.id,
          name,
          formatDate(p.birthDate, 'MM/DD/YYYY'),
          gun.model.make,
          gun.model.model,
          gun.model.type.toUpperCase(),
          gun.model.caliber,
          gun.serial,
          gun.model.importer ?? '',
          gun.model.made,
          price(gun.model, r.next()),
          '',
        ],
        buyer: buyer.id,
        kind: reportKind(gun.model, basket.dealer.state),
        business: businessDayIndex(basket.day),
        report: false,
      });
    }
  }
  window.flush();
}
