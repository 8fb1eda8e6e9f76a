import { sql, type Selectable } from 'kysely';
import { isUuid } from '../domain/ids.js';
import type { Tx } from './session.js';
import type { RecordTable, RecordVersionTable } from './tables.js';

export type RecordRow = Selectable<RecordTable>;
export type RecordVersionRow = Selectable<RecordVersionTable>;

/** What every new version of a record or link carries: provenance and sharing rules. */
export interface NewVersion {
  version: number;
  agency: string;
  created_by: string;
  changed_by: string;
  change: 'create' | 'update' | 'remark' | 'retract';
  source_ref: string | null;
  properties: Record<string, string[]>;
  marking: string;
  rel_to: string[];
  recipients: string[];
  retracted: boolean;
}

export interface NewRecordVersion extends NewVersion {
  record_id: string;
  schema: string;
  caption: string;
  event_date: string | null;
  countries: string[];
  terms: string[];
}

/** The only write: a new version. The head and the search terms follow by trigger. */
export async function appendRecordVersion(tx: Tx, v: NewRecordVersion): Promise<void> {
  await tx
    .insertInto('puente.record_version')
    .values({ ...v, properties: JSON.stringify(v.properties) })
    .execute();
}

export async function findRecord(tx: Tx, id: string): Promise<RecordRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx.selectFrom('puente.record').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRecordBySourceRef(
  tx: Tx,
  agency: string,
  sourceRef: string,
): Promise<RecordRow | undefined> {
  return tx
    .selectFrom('puente.record')
    .selectAll()
    .where('agency', '=', agency)
    .where('source_ref', '=', sourceRef)
    .executeTakeFirst();
}

export async function listRecordVersions(tx: Tx, id: string): Promise<RecordVersionRow[]> {
  if (!isUuid(id)) return [];
  return tx
    .selectFrom('puente.record_version')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('version', 'asc')
    .execute();
}

export interface RecordFilter {
  schema?: string[];
  agency?: string[];
  country?: string[];
  dateFrom?: string;
  dateTo?: string;
  /** Folded terms that must all match exactly. */
  terms?: string[];
  /** A folded term that must prefix one of the record's terms. */
  prefix?: string;
  includeRetracted?: boolean;
}

export interface RecordQuery extends RecordFilter {
  /** Cursor: records with ids below this one (newest first). */
  before?: string;
  limit: number;
}

const PREFIX_END = '\u{10FFFF}';

/** The visible records matching a filter; row-level security adds the viewer's rules. */
function filtered(tx: Tx, q: RecordFilter) {
  let s = tx.selectFrom('puente.record as r');
  if (q.schema?.length) s = s.where('r.schema', 'in', q.schema);
  if (q.agency?.length) s = s.where('r.agency', 'in', q.agency);
  if (q.country?.length) s = s.where(sql<boolean>`r.countries && ${sql.val(q.country)}::text[]`);
  if (q.dateFrom) s = s.where('r.event_date', '>=', q.dateFrom);
  if (q.dateTo) s = s.where('r.event_date', '<=', q.dateTo);
  if (!q.includeRetracted) s = s.where('r.retracted', '=', false);
  for (const term of q.terms ?? []) {
    s = s.where('r.id', 'in', (eb) =>
      eb.selectFrom('puente.record_term').select('record_id').where('term', '=', term),
    );
  }
  const prefix = q.prefix;
  if (prefix) {
    s = s.where('r.id', 'in', (eb) =>
      eb
        .selectFrom('puente.record_term')
        .select('record_id')
        .where('term', '>=', prefix)
        .where('term', '<', prefix + PREFIX_END),
    );
  }
  return s;
}

export function buildRecordQuery(tx: Tx, q: RecordQuery) {
  let s = filtered(tx, q).selectAll('r');
  if (q.before) s = s.where('r.id', '<', q.before);
  return s.orderBy('r.id', 'desc').limit(q.limit);
}

export async function queryRecords(tx: Tx, q: RecordQuery): Promise<RecordRow[]> {
  return buildRecordQuery(tx, q).execute();
}

export type FacetName = 'schema' | 'agency' | 'marking' | 'country' | 'year';

export interface FacetCount {
  value: string;
  count: number;
}

const FACET_EXPRESSIONS: Record<FacetName, ReturnType<typeof sql<string>>> = {
  schema: sql<string>`r.schema`,
  agency: sql<string>`r.agency`,
  marking: sql<string>`r.marking`,
  country: sql<string>`unnest(r.countries)`,
  year: sql<string>`extract(year from r.event_date)::int::text`,
};

/** Counts of the visible matching records by one dimension, largest first. */
export async function countRecordsBy(
  tx: Tx,
  q: RecordFilter,
  facet: FacetName,
  top = 50,
): Promise<FacetCount[]> {
  const value = FACET_EXPRESSIONS[facet];
  const inner = filtered(tx, q).select(value.as('value'));
  const rows = await tx
    .selectFrom(inner.as('f'))
    .select(['f.value', sql<number>`count(*)::int`.as('count')])
    .where('f.value', 'is not', null)
    .groupBy('f.value')
    .orderBy('count', 'desc')
    .orderBy('f.value')
    .limit(top)
    .execute();
  return rows;
}

export async function countRecords(tx: Tx, q: RecordFilter): Promise<number> {
  const row = await filtered(tx, q)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
}
