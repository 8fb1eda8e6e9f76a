import { closedRecordProblem } from '../../domain/cooperation/commitment.js';
import { newId } from '../../domain/ids.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { deriveIndexFields } from '../../domain/model/index-fields.js';
import { mergeProperties, overfullProperty, sameProperties, sameSet } from '../../import/merge.js';
import { invalidRow } from '../../import/problem.js';
import type { ErrorDetail } from '../../domain/errors.js';
import { MAX_VALUES_PER_PROPERTY } from '../../domain/model/validate.js';
import { nextStagedGroup, stageAuditIds, type StagedItem } from '../../storage/import-staging.js';
import {
  appendRecordVersions,
  findRecordsBySourceRef,
  type NewRecordVersion,
  type RecordRow,
} from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import type { Counts, RejectRow } from './outcome.js';
import { WriteBehind } from './write-behind.js';

const ROWS_PER_BATCH = 1000;

/** Consecutive staged rows with the same key. */
export function groupByKey(rows: StagedItem[]): StagedItem[][] {
  const groups: StagedItem[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.key === row.key) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/** Why the rows behind one id cannot become a version. */
export const idConflict = (key: string, expected: string): ErrorDetail => ({
  code: 'id_conflict',
  field: 'id',
  value: key,
  expected,
});

/** Sets aside (or refuses) every row behind a natural key. */
export async function rejectGroup(group: StagedItem[], why: ErrorDetail, reject: RejectRow) {
  for (const row of group)
    await reject({ line: row.line, raw: row.raw, problem: invalidRow(row.line, [why]) });
}

export const sameSharing = (
  a: Pick<StagedItem, 'marking' | 'rel_to' | 'recipients'>,
  b: Pick<StagedItem, 'marking' | 'rel_to' | 'recipients'>,
) => a.marking === b.marking && sameSet(a.rel_to, b.rel_to) && sameSet(a.recipients, b.recipients);

function versionOf(
  group: StagedItem[],
  head: RecordRow | undefined,
  viewer: Viewer,
): NewRecordVersion | 'unchanged' | ErrorDetail {
  const last = group[group.length - 1]!;
  const schema = group[0]!.schema;
  if (group.some((g) => g.schema !== schema))
    return idConflict(last.key, `one schema per id (${schema})`);
  const properties = mergeProperties(group.map((g) => g.properties));
  const overfull = overfullProperty(properties);
  if (overfull)
    return idConflict(last.key, `at most ${MAX_VALUES_PER_PROPERTY} values of ${overfull}`);
  const sharing = { marking: last.marking, rel_to: last.rel_to, recipients: last.recipients };
  if (head) {
    if (head.schema !== schema)
      return idConflict(last.key, `schema ${head.schema}, as first imported`);
    if (head.retracted) return idConflict(last.key, 'a record that is not retracted');
    const sameProps = sameProperties(properties, head.properties as Record<string, string[]>);
    if (sameProps && sameSharing(sharing, head)) return 'unchanged';
    // A done or dropped commitment takes no new properties, from a file as from a form.
    const closed = sameProps
      ? undefined
      : closedRecordProblem({ schema, properties: head.properties as Record<string, string[]> });
    if (closed) return { ...closed, value: `${last.key}: ${closed.value ?? ''}` };
    return version(head.id, head.version + 1, sameProps ? 'remark' : 'update', head.created_by);
  }
  return version(newId(), 1, 'create', viewer.userId);

  function version(
    id: string,
    n: number,
    change: NewRecordVersion['change'],
    createdBy: string,
  ): NewRecordVersion {
    const index = deriveIndexFields(schema, properties);
    return {
      record_id: id,
      version: n,
      schema,
      agency: viewer.agency,
      created_by: createdBy,
      changed_by: viewer.userId,
      change,
      source_ref: last.key,
      properties,
      ...sharing,
      retracted: false,
      caption: index.caption,
      event_date: index.eventDate,
      countries: index.countries,
      terms: index.terms,
    };
  }
}

/** The staged rows of the next keys after `after`, grouped by key, with the heads they have. */
async function nextPage(tx: Tx, viewer: Viewer, after: string | null) {
  const groups = groupByKey(await nextStagedGroup(tx, 'record', after, ROWS_PER_BATCH));
  const keys = groups.map((g) => g[0]!.key);
  const heads = await findRecordsBySourceRef(tx, viewer.agency, keys);
  return { groups, heads: new Map(heads.map((h) => [h.source_ref!, h])) };
}

/**
 * Merges the staged records by natural key into new versions, batch by batch: a batch's
 * versions are derived while the previous batch is written (its keys are others, so its heads
 * do not change).
 */
export async function mergeRecords(
  tx: Tx,
  viewer: Viewer,
  reject: RejectRow,
  onMerged: (n: number) => void,
): Promise<Counts> {
  const counts: Counts = { written: 0, updated: 0, unchanged: 0 };
  const writer = new WriteBehind();
  let merged = 0;
  try {
    let page = await nextPage(tx, viewer, null);
    while (page.groups.length > 0) {
      const { groups, heads } = page;
      const versions: NewRecordVersion[] = [];
      for (const group of groups) {
        const v = versionOf(group, heads.get(group[0]!.key), viewer);
        if (v === 'unchanged') counts.unchanged++;
        else if ('record_id' in v) {
          versions.push(v);
          if (v.version === 1) counts.written++;
          else counts.updated++;
        } else await rejectGroup(group, v, reject);
      }
      page = await nextPage(tx, viewer, groups[groups.length - 1]![0]!.key);
      await writer.start(async () => {
        await appendRecordVersions(tx, versions);
        await stageAuditIds(
          tx,
          versions.map((v) => v.record_id),
        );
      });
      merged += groups.length;
      onMerged(merged);
    }
    await writer.flush();
  } catch (err) {
    return writer.fail(err);
  }
  return counts;
}
