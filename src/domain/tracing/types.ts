import type { FIREARM_TYPES, OBLITERATION } from '../model/index.js';
import type { SaleEntry } from './sale-entry.js';

export type FirearmType = (typeof FIREARM_TYPES)[number];

/** The firearm as the requester describes it (the trace form's firearm block). */
export interface FirearmDescription {
  make: string;
  model?: string;
  type?: FirearmType;
  caliber?: string;
  serialNumber?: string;
  /** Serial ground off or illegible in part or whole ('yes', 'partial', 'no'). */
  obliterated?: (typeof OBLITERATION)[number];
  importer?: string;
  countryOfManufacture?: string;
}

/** One sold gun from the sales the tracing agency holds, as the trace compares it. */
export interface SaleCandidate extends SaleEntry {
  firearmId: string;
  saleId: string;
  /** The link that says the gun was sold in the sale. */
  soldLinkId: string;
  buyerId: string | null;
  /** The link that says the buyer purchased the gun. */
  purchaseLinkId: string | null;
}

/** Why a candidate ranks where it does: a code the interface translates, and its values. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface RankedCandidate {
  candidate: SaleCandidate;
  score: number;
  reasons: Reason[];
}
