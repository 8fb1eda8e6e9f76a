import { newId } from '../../domain/ids.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { validateLink } from '../../domain/model/links.js';
import { mergeProperties, sameProperties } from '../../import/merge.js';
import { nextStagedGroup, stageAuditIds, type StagedItem } from '../../storage/import-staging.js';
import {
  appendLinkVersions,
  findLinksBySourceRef,
  type LinkRow,
  type NewLinkVersion,
} from '../../storage/links.js';
import { findRecordsBySourceRef, type RecordRow } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { groupByKey, idConflict, rejectGroup, sameSharing } from './merge-records.js';
import type { Counts, RejectRow } from './outcome.js';

const ROWS_PER_BATCH = 1000;

type Ends = Map<string, RecordRow>;

function versionOf(group: StagedItem[], ends: Ends, head: LinkRow | undefined, viewer: Viewer) {
  const last = group[group.length - 1]!;
  const source = ends.get(last.source!);
  const target = ends.get(last.target!);
  if (!source)
    return idConflict(last.source!, 'the id of a record in this file or imported before');
  if (!target)
    return idConflict(last.target!, 'the id of a record in this file or imported before');
  const checked = validateLink(
    last.schema,
    source.schema,
    target.schema,
    mergeProperties(group.map((g) => g.properties)),
  );
  if (!checked.ok) {
    const e = checked.errors[0]!;
    return {
      code: e.code,
      field: e.property ? `properties.${e.property}` : 'type',
      value: e.value,
      expected: e.expected,
    };
  }
  const properties = checked.properties;
  const sharing = { marking: last.marking, rel_to: last.rel_to, recipients: last.recipients };
  const base = {
    link_type: last.schema,
    source_id: source.id,
    target_id: target.id,
    agency: viewer.agency,
    changed_by: viewer.userId,
    source_ref: last.key,
    properties,
    ...sharing,
    retracted: false,
  };
  if (!head)
    return {
      ...base,
      link_id: newId(),
      version: 1,
      created_by: viewer.userId,
      change: 'create',
    } satisfies NewLinkVersion;
  if (head.retracted) return idConflict(last.key, 'a link that is not retracted');
  if (
    head.source_id !== source.id ||
    head.target_id !== target.id ||
    head.link_type !== last.schema
  )
    return idConflict(last.key, 'the same type and ends as when first imported');
  const sameProps = sameProperties(properties, head.properties as Record<string, string[]>);
  if (sameProps && sameSharing(sharing, head)) return 'unchanged' as const;
  return {
    ...base,
    link_id: head.id,
    version: head.version + 1,
    created_by: head.created_by,
    change: sameProps ? 'remark' : 'update',
  } satisfies NewLinkVersion;
}

/** Merges the staged links by natural key, once every record of the file has its id. */
export async function mergeLinks(
  tx: Tx,
  viewer: Viewer,
  reject: RejectRow,
  onMerged: (n: number) => void,
): Promise<Counts> {
  const counts: Counts = { written: 0, updated: 0, unchanged: 0 };
  let after: string | null = null;
  let merged = 0;
  for (;;) {
    const rows = await nextStagedGroup(tx, 'link', after, ROWS_PER_BATCH);
    if (rows.length === 0) return counts;
    const groups = groupByKey(rows);
    after = groups[groups.length - 1]![0]!.key;
    const endKeys = [...new Set(rows.flatMap((r) => [r.source!, r.target!]))];
    const ends: Ends = new Map(
      (await findRecordsBySourceRef(tx, viewer.agency, endKeys)).map((r) => [r.source_ref!, r]),
    );
    const heads = new Map(
      (
        await findLinksBySourceRef(
          tx,
          viewer.agency,
          groups.map((g) => g[0]!.key),
        )
      ).map((h) => [h.source_ref!, h]),
    );
    const versions: NewLinkVersion[] = [];
    for (const group of groups) {
      const v = versionOf(group, ends, heads.get(group[0]!.key), viewer);
      if (v === 'unchanged') counts.unchanged++;
      else if ('link_id' in v) {
        versions.push(v);
        if (v.version === 1) counts.written++;
        else counts.updated++;
      } else await rejectGroup(group, v, reject);
    }
    await appendLinkVersions(tx, versions);
    await stageAuditIds(
      tx,
      versions.map((v) => v.link_id),
    );
    merged += groups.length;
    onMerged(merged);
  }
}
