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

/**
 * The postings a page is read from, newest first: one term's; every term's of a search of
 * common words, intersected; or the terms a prefix stands for, united.
 */
interface Driver {
  terms: string[];
  match: 'all' | 'any';
  /** The page's cursor, applied to the postings before the fence. */
  before?: string;
}

/** One term's postings, newest first, read backwards from the (term, record_id) index. */
const termPostings = (term: string, before?: string) =>
  sql`(SELECT record_id FROM puente.record_term WHERE term = ${term}
    ${before ? sql`AND record_id < ${before}::uuid` : sql``} ORDER BY record_id DESC OFFSET 0)`;

type Postings = ReturnType<typeof termPostings>;

/** Records holding any of the terms, each once: the lists merged (Merge Append) in order. */
const united = (lists: Postings[]) =>
  sql`(SELECT record_id FROM (${sql.join(lists, sql` UNION ALL `)}) AS u
    GROUP BY record_id ORDER BY record_id DESC OFFSET 0)`;

/** Records holding all the terms: the lists walked side by side (Merge Join) in order. */
const intersected = ([first, ...rest]: Postings[]) =>
  sql`(SELECT record_id FROM ${first} AS p0 ${sql.join(
    rest.map((l, i) => sql`JOIN ${l} AS ${sql.id(`p${i + 1}`)} USING (record_id)`),
    sql` `,
  )} ORDER BY record_id DESC OFFSET 0)`;

/**
 * The driver's postings in page order, so that a page stops after about its own size of
 * postings instead of reading and sorting every posting of its terms.
 */
function drivingPostings(d: Driver) {
  const lists = d.terms.map((t) => termPostings(t, d.before));
  const merged =
    lists.length === 1 ? lists[0]! : d.match === 'any' ? united(lists) : intersected(lists);
  return sql<{ record_id: string }>`${merged}`.as('t');
}

/*
 * Text search drives from postings read newest first (drivingPostings) and probes whatever
 * the driver leaves out (the other words, a prefix) record by record, stopping at the page
 * size. Driver and probes are fenced (ORDER BY … OFFSET 0): the policy hides the viewer's
 * keys from the planner's estimates, and unfenced it would sort every posting of a common
 * name, or join the terms' full posting lists, before reading the page.
 */
function filtered(tx: Tx, q: RecordFilter, driver?: Driver) {
  const drives = driver?.terms ?? [];
  const others = (q.terms ?? []).filter((t) => !drives.includes(t));
  // A driving term that starts with the prefix already satisfies it.
  const covered = drives.length > 0 && drives.every((t) => t.startsWith(q.prefix ?? ''));
  const prefix = covered ? undefined : q.prefix;
  // Probes test the driver's posting before the record is fetched.
  const key = sql.ref(driver ? 't.record_id' : 'r.id');
  // A prefix of too many terms to merge drives too: its records, newest first, each fetched
  // only if it is needed.
  const prefixDrives = !driver && prefix !== undefined;

  let s = tx
    .selectFrom('puente.record as r')
    .$if(driver !== undefined, (b) =>
      b.innerJoin(drivingPostings(driver!), (j) => j.onRef('t.record_id', '=', 'r.id')),
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

/** A word with fewer visible postings than this drives a search of several words alone. */
export const FEW_POSTINGS = 200;

/**
 * The driving term: one with few postings if there is one (counted up to a small cap, under
 * the viewer's rules), the longest of those, as long names tend to be rare ones: "maria
 * goicoechea" should read the few Goicoecheas, not every María. Undefined when every term is
 * common: then their posting lists are merged.
 */
async function rareTerm(tx: Tx, terms: string[]): Promise<string | undefined> {
  const { rows } = await sql<{ term: string; n: number }>`
    SELECT x.term, (SELECT count(*)::int FROM (
      SELECT 1 FROM puente.record_term t WHERE t.term = x.term LIMIT ${FEW_POSTINGS}) c) AS n
    FROM unnest(${sql.val(terms)}::text[]) AS x(term)`.execute(tx);
  const rank = (r: { term: string; n: number }) => r.n * 1000 - r.term.length;
  const rarest = rows.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  return rarest.n < FEW_POSTINGS ? rarest.term : undefined;
}

/** A prefix standing for more terms than this is read as one range of postings instead. */
export const MERGED_TERMS = 32;

/**
 * The visible terms a prefix stands for, up to one more than MERGED_TERMS: one index probe per
 * term (each next term is the first past the previous one), not a read of every posting.
 */
async function prefixTerms(tx: Tx, prefix: string): Promise<string[]> {
  const end = prefix + PREFIX_END;
  const { rows } = await sql<{ term: string }>`
    WITH RECURSIVE p(term) AS (
      (SELECT term FROM puente.record_term WHERE term >= ${prefix} AND term < ${end}
        ORDER BY term LIMIT 1)
      UNION ALL
      SELECT (SELECT t.term FROM puente.record_term t WHERE t.term > p.term AND t.term < ${end}
        ORDER BY t.term LIMIT 1)
      FROM p WHERE p.term IS NOT NULL)
    SELECT term FROM p WHERE term IS NOT NULL LIMIT ${MERGED_TERMS + 1}`.execute(tx);
  return rows.map((r) => r.term);
}

/** What a page is read from: its words' postings, else the terms of a short prefix. */
async function pageDriver(tx: Tx, q: RecordQuery): Promise<Driver | undefined> {
  const { before } = q;
  const terms = q.terms ?? [];
  if (terms.length === 1) return { terms, match: 'all', before };
  if (terms.length > 1) {
    const rare = await rareTerm(tx, terms);
    return { terms: rare ? [rare] : terms, match: 'all', before };
  }
  if (q.prefix === undefined) return undefined;
  const expanded = await prefixTerms(tx, q.prefix);
  return expanded.length <= MERGED_TERMS ? { terms: expanded, match: 'any', before } : undefined;
}

/**
 * A dated list without words: the page's ids chosen from the event-date index (which carries
 * the filtered and policy columns), then only those rows read.
 */
function datedPage(tx: Tx, q: RecordQuery) {
  const ids = filtered(tx, q)
    .select('r.id')
    .$if(q.before !== undefined, (s) => s.where(sql<boolean>`r.id < ${q.before}::uuid`))
    .orderBy('r.id', 'desc')
    .limit(q.limit)
    .offset(0);
  return tx
    .selectFrom(ids.as('k'))
    .innerJoin('puente.record as r', 'r.id', 'k.id')
    .selectAll('r')
    .orderBy('r.id', 'desc');
}

function buildRecordQuery(tx: Tx, q: RecordQuery, driver?: Driver) {
  if (!driver && q.prefix === undefined && (q.dateFrom || q.dateTo)) return datedPage(tx, q);
  // Ordering by the driving postings' record_id lets them deliver rows in page order.
  const key = sql.ref(driver || q.prefix ? 't.record_id' : 'r.id');
  let s = filtered(tx, q, driver).selectAll('r');
  if (q.before) s = s.where(sql<boolean>`${key} < ${q.before}::uuid`);
  return s.orderBy(key, 'desc').limit(q.limit);
}

export async function queryRecords(tx: Tx, q: RecordQuery): Promise<RecordRow[]> {
  const driver = await pageDriver(tx, q);
  if (driver?.terms.length === 0) return [];
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
  const first = q.terms?.[0];
  const row = await filtered(
    tx,
    q,
    first === undefined ? undefined : { terms: [first], match: 'all' },
  )
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
