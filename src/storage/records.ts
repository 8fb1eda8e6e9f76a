import { sql, type Selectable } from 'kysely';
import type { Tx } from './session.js';
import type { RecordTable, RecordVersionTable } from './tables.js';

export type RecordRow = Selectable<RecordTable>;
export type RecordVersionRow = Selectable<RecordVersionTable>;

export interface NewRecordVersion {
  record_id: string;
  version: number;
  schema: string;
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
  return tx
    .selectFrom('puente.record_version')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('version', 'asc')
    .execute();
}

export interface RecordQuery {
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
  /** Cursor: records with ids below this one (newest first). */
  before?: string;
  limit: number;
}

const PREFIX_END = '\u{10FFFF}';

export async function queryRecords(tx: Tx, q: RecordQuery): Promise<RecordRow[]> {
  let s = tx.selectFrom('puente.record as r').selectAll('r');
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
  if (q.prefix) {
    const prefix = q.prefix;
    s = s.where('r.id', 'in', (eb) =>
      eb
        .selectFrom('puente.record_term')
        .select('record_id')
        .where('term', '>=', prefix)
        .where('term', '<', prefix + PREFIX_END),
    );
  }
  if (q.before) s = s.where('r.id', '<', q.before);
  return s.orderBy('r.id', 'desc').limit(q.limit).execute();
}
