import { foldText } from '../text/index.js';
import { makerOf } from './makers.js';
import { serialKey } from './serial.js';

/** What the sales index keeps of one sold gun, derived from its Firearm and Sale records. */
export interface SaleEntry {
  maker: string;
  serialKey: string;
  model: string;
  type: string;
  caliber: string;
  importer: string;
  saleDate: string;
  dealerName: string;
  dealerLicense: string;
  dealerState: string;
  country: string;
  multipleSale: boolean;
}

type Props = Record<string, readonly string[] | undefined>;
const first = (p: Props, name: string) => p[name]?.[0]?.trim() ?? '';

/**
 * Reads a sold gun for the index, or null when it cannot be traced to (no serial or no sale
 * date). A maker missing from the table is kept under its folded name, so its guns are still
 * found by the same spelling.
 */
export function saleEntryOf(firearm: Props, sale: Props): SaleEntry | null {
  const serial = serialKey(first(firearm, 'serialNumber'));
  const saleDate = first(sale, 'date');
  const make = first(firearm, 'make');
  if (!serial || !saleDate || !make) return null;
  return {
    maker: makerOf(make)?.name ?? foldText(make),
    serialKey: serial,
    model: first(firearm, 'model'),
    type: first(firearm, 'type'),
    caliber: first(firearm, 'caliber'),
    importer: first(firearm, 'importer'),
    saleDate,
    dealerName: first(sale, 'dealerName'),
    dealerLicense: first(sale, 'dealerLicense'),
    dealerState: first(sale, 'dealerState').toUpperCase(),
    country: first(sale, 'country') || 'US',
    multipleSale: first(sale, 'multipleSale') === 'yes',
  };
}
