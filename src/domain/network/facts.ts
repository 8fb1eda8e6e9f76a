import type { Tlp } from '../policy/sharing.js';

/**
 * What the network of one viewer is made of: the records and links that viewer may see, in the
 * few fields the graph needs. Facts are read from the database under the viewer's sharing rules;
 * everything the graph says is derived from them alone.
 */
export interface RecordFact {
  id: string;
  schema: string;
  caption: string;
  /** The event's date (seizure, recovery, sale, call, meeting), ISO. */
  date: string | null;
  countries: string[];
  marking: Tlp;
  /** What makes two records the same phone, vehicle, firearm or address, when known. */
  identity: string | null;
}

export interface LinkFact {
  id: string;
  type: string;
  source: string;
  target: string;
  /** The link's own dates (date, startDate, endDate), ISO. */
  dates: string[];
  role: string | null;
  marking: Tlp;
}

/** Which records are one person or organization for this viewer: record id → entity id. */
export type EntityOf = ReadonlyMap<string, string>;
