import { expressionBuilder, sql, type Selectable } from 'kysely';
import { isUuid } from '../domain/ids.js';
import type { Tx } from './session.js';
import type { RecordTable, RecordVersionTable, Tables } from './tables.js';

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

const RECORD_VERSION_COLUMNS = sql.raw(`record_id, version, schema, agency, created_by,
  changed_by, change, source_ref, properties, marking, rel_to, recipients, retracted, caption,
  event_date, countries, terms`);

/**
 * The only write: new versions. The heads and the search terms follow by trigger. The rows go
 * as one JSON parameter: an import appends thousands at once, and a parameter per column and
 * row costs more to build, send and bind than the rows themselves.
 */
export async function appendRecordVersions(tx: Tx, versions: NewRecordVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await sql`INSERT INTO puente.record_version (${RECORD_VERSION_COLUMNS}, changed_at)
    SELECT ${RECORD_VERSION_COLUMNS}, coalesce(changed_at, now())
    FROM json_populate_recordset(NULL::puente.record_version, ${JSON.stringify(versions)}::json)`.execute(
    tx,
  );
}

export async function findRecord(tx: Tx, id: string): Promise<RecordRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx.selectFrom('puente.record').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The records among `ids` that the transaction may see, in id order. */
export async function findRecords(tx: Tx, ids: readonly string[]): Promise<RecordRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return tx
    .selectFrom('puente.record')
    .selectAll()
    .where('id', 'in', valid)
    .orderBy('id')
    .execute();
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

// Derived tables are built detached from the transaction: they run only inside the page query.
const postings = expressionBuilder<Tables, never>();

/*
 * Text search drives from one term's postings, read newest first from the (term, record_id)
 * index, and probes the record's other terms one by one, stopping at the page size. Driver
 * and probes are fenced (ORDER BY … OFFSET 0): the policy hides the viewer's keys from the
 * planner's estimates, and unfenced it would sort every posting of a common name, or join
 * the terms' full posting lists, before reading the page.
 */
function filtered(tx: Tx, q: RecordFilter, driver?: string) {
  const others = (q.terms ?? []).filter((t) => t !== driver);
  const prefix = q.prefix;
  // Probes test the driver's posting before the record is fetched.
  const key = sql.ref(driver ? 't.record_id' : 'r.id');
  // A prefix alone drives too: its records, newest first, each fetched only if it is needed.
  const prefixDrives = !driver && prefix !== undefined;

  let s = tx
    .selectFrom('puente.record as r')
    .$if(driver !== undefined, (b) =>
      b.innerJoin(
        postings
          .selectFrom('puente.record_term')
          .select('record_id')
          .where('term', '=', driver!)
          .orderBy('record_id', 'desc')
          .offset(0)
          .as('t'),
        (j) => j.onRef('t.record_id', '=', 'r.id'),
      ),
    )
    .$if(prefixDrives, (b) =>
      b.innerJoin(
        postings
          .selectFrom('puente.record_term')
          .select('record_id')
          .distinct()
          .where('term', '>=', prefix!)
          .where('term', '<', prefix + PREFIX_END)
          .orderBy('record_id', 'desc')
          .offset(0)
          .as('t'),
        (j) => j.onRef('t.record_id', '=', 'r.id'),
      ),
    );
  if (q.schema?.length) s = s.where('r.schema', 'in', q.schema);
  if (q.agency?.length) s = s.where('r.agency', 'in', q.agency);
  if (q.country?.length) s = s.where(sql<boolean>`r.countries && ${sql.val(q.country)}::text[]`);
  if (q.dateFrom) s = s.where('r.event_date', '>=', q.dateFrom);
  if (q.dateTo) s = s.where('r.event_date', '<=', q.dateTo);
  if (!q.includeRetracted) s = s.where('r.retracted', '=', false);
  for (const term of others) {
    s = s.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('puente.record_term as o')
          .select(sql.lit(1).as('one'))
          .where(sql<boolean>`o.record_id = ${key}`)
          .where('o.term', '=', term)
          .offset(0),
      ),
    );
  }
  if (prefix && driver) {
    s = s.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('puente.record_term as p')
          .select(sql.lit(1).as('one'))
          .where(sql<boolean>`p.record_id = ${key}`)
          .where('p.term', '>=', prefix)
          .where('p.term', '<', prefix + PREFIX_END)
          .offset(0),
      ),
    );
  }
  return s;
}

const FEW_POSTINGS = 200;

/**
 * The driving term: one with few postings if there is one (counted up to a small cap, under
 * the viewer's rules), else the longest, as long names tend to be rare ones. "maria
 * goicoechea" should read the few Goicoecheas, not every María.
 */
async function drivingTerm(tx: Tx, terms: string[]): Promise<string | undefined> {
  if (terms.length <= 1) return terms[0];
  const { rows } = await sql<{ term: string; n: number }>`
    SELECT x.term, (SELECT count(*)::int FROM (
      SELECT 1 FROM puente.record_term t WHERE t.term = x.term LIMIT ${FEW_POSTINGS}) c) AS n
    FROM unnest(${sql.val(terms)}::text[]) AS x(term)`.execute(tx);
  const rank = (r: { term: string; n: number }) => r.n * 1000 - r.term.length;
  return rows.reduce((a, b) => (rank(b) < rank(a) ? b : a)).term;
}

function buildRecordQuery(tx: Tx, q: RecordQuery, driver?: string) {
  // Ordering by the driving postings' record_id lets them deliver rows in page order.
  const key = sql.ref(driver || q.prefix ? 't.record_id' : 'r.id');
  let s = filtered(tx, q, driver).selectAll('r');
  if (q.before) s = s.where(sql<boolean>`${key} < ${q.before}::uuid`);
  return s.orderBy(key, 'desc').limit(q.limit);
}

export async function queryRecords(tx: Tx, q: RecordQuery): Promise<RecordRow[]> {
  const driver = await drivingTerm(tx, q.terms ?? []);
  return buildRecordQuery(tx, q, driver).execute();
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
  const row = await filtered(tx, q, q.terms?.[0])
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * The heads of an agency's records with these natural keys (partner ids), as the viewer sees
 * them. One index probe per key: during an import the table grows inside the transaction, its
 * statistics lag behind, and `source_ref = ANY(keys)` was planned as a scan of every record of
 * the agency (a cost that grew with each batch).
 */
export async function findRecordsBySourceRef(
  tx: Tx,
  agency: string,
  refs: string[],
): Promise<RecordRow[]> {
  if (refs.length === 0) return [];
  const { rows } = await sql<RecordRow>`
    SELECT r.* FROM unnest(${refs}::text[]) AS k(ref),
      LATERAL (SELECT * FROM puente.record
        WHERE agency = ${agency} AND source_ref = k.ref LIMIT 1) AS r`.execute(tx);
  return rows;
}
