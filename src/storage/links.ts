import { sql, type Selectable } from 'kysely';
import { isUuid } from '../domain/ids.js';
import type { NewVersion } from './records.js';
import type { Tx } from './session.js';
import type { LinkTable, LinkVersionTable } from './tables.js';

export type LinkRow = Selectable<LinkTable>;
export type LinkVersionRow = Selectable<LinkVersionTable>;

export interface NewLinkVersion extends NewVersion {
  link_id: string;
  link_type: string;
  source_id: string;
  target_id: string;
}

const LINK_VERSION_COLUMNS = sql.raw(`link_id, version, link_type, source_id, target_id, agency,
  created_by, changed_by, change, source_ref, properties, marking, rel_to, recipients, retracted`);

/** New link versions, as one JSON parameter (see appendRecordVersions); heads follow by trigger. */
export async function appendLinkVersions(tx: Tx, versions: NewLinkVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await sql`INSERT INTO puente.link_version (${LINK_VERSION_COLUMNS}, changed_at)
    SELECT ${LINK_VERSION_COLUMNS}, coalesce(changed_at, now())
    FROM json_populate_recordset(NULL::puente.link_version, ${JSON.stringify(versions)}::json)`.execute(
    tx,
  );
}

export async function findLink(tx: Tx, id: string): Promise<LinkRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx.selectFrom('puente.link').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The links among `ids` that the transaction may see, in id order. */
export async function findLinks(tx: Tx, ids: readonly string[]): Promise<LinkRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return tx.selectFrom('puente.link').selectAll().where('id', 'in', valid).orderBy('id').execute();
}

export async function listLinkVersions(tx: Tx, id: string): Promise<LinkVersionRow[]> {
  if (!isUuid(id)) return [];
  return tx
    .selectFrom('puente.link_version')
    .selectAll()
    .where('link_id', '=', id)
    .orderBy('version', 'asc')
    .execute();
}

export interface LinkQuery {
  /** Links with this record at either end. */
  recordId?: string;
  linkType?: string[];
  includeRetracted?: boolean;
  before?: string;
  limit: number;
}

export async function queryLinks(tx: Tx, q: LinkQuery): Promise<LinkRow[]> {
  let s = tx.selectFrom('puente.link').selectAll();
  const recordId = q.recordId;
  if (recordId) {
    s = s.where((eb) => eb.or([eb('source_id', '=', recordId), eb('target_id', '=', recordId)]));
  }
  if (q.linkType?.length) s = s.where('link_type', 'in', q.linkType);
  if (!q.includeRetracted) s = s.where('retracted', '=', false);
  if (q.before) s = s.where('id', '<', q.before);
  return s.orderBy('id', 'desc').limit(q.limit).execute();
}

/** The heads of an agency's links with these natural keys, as the viewer sees them (see
 * findRecordsBySourceRef: one index probe per key). */
export async function findLinksBySourceRef(
  tx: Tx,
  agency: string,
  refs: string[],
): Promise<LinkRow[]> {
  if (refs.length === 0) return [];
  const { rows } = await sql<LinkRow>`
    SELECT l.* FROM unnest(${refs}::text[]) AS k(ref),
      LATERAL (SELECT * FROM puente.link
        WHERE agency = ${agency} AND source_ref = k.ref LIMIT 1) AS l`.execute(tx);
  return rows;
}
