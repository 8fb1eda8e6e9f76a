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

export async function appendLinkVersions(tx: Tx, versions: NewLinkVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await tx
    .insertInto('puente.link_version')
    .values(versions.map((v) => ({ ...v, properties: JSON.stringify(v.properties) })))
    .execute();
}

export async function findLink(tx: Tx, id: string): Promise<LinkRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx.selectFrom('puente.link').selectAll().where('id', '=', id).executeTakeFirst();
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

/** The heads of an agency's links with these natural keys, as the viewer sees them. */
export async function findLinksBySourceRef(
  tx: Tx,
  agency: string,
  refs: string[],
): Promise<LinkRow[]> {
  if (refs.length === 0) return [];
  return tx
    .selectFrom('puente.link')
    .selectAll()
    .where('agency', '=', agency)
    .where('source_ref', '=', sql<string>`ANY(${sql.val(refs)}::text[])`)
    .execute();
}
