import { getLinkType } from '../../domain/model/links.js';
import { validateProperties } from '../../domain/model/validate.js';
import type { ImportedRecord, RowItems } from '../../import/items.js';
import { invalidRow, RowProblem } from '../../import/problem.js';
import type { UnreadableRow } from '../../import/readers/source-row.js';
import { stageItems, type StagedItem } from '../../storage/import-staging.js';
import type { Tx } from '../../storage/session.js';
import type { RejectRow } from './outcome.js';
import type { SharingColumns } from './row-sharing.js';
import { WriteBehind } from './write-behind.js';

const STAGE_BATCH = 1000;

function validRecord(r: ImportedRecord, line: number): Record<string, string[]> {
  const checked = validateProperties(r.schema, r.properties);
  if (checked.ok) return checked.properties;
  throw invalidRow(
    line,
    checked.errors.map((e) => ({
      code: e.code,
      field: e.property ? (r.columns[e.property] ?? `properties.${e.property}`) : 'schema',
      value: e.value,
      expected: e.expected,
    })),
  );
}

/** What one row stages: its records, validated, and its links, checked for a known type. */
async function stagedItems(
  row: RowItems,
  sharingOf: (row: ImportedRecord['sharing'], line: number) => Promise<SharingColumns>,
): Promise<StagedItem[]> {
  const items: StagedItem[] = [];
  for (const r of row.records) {
    const properties = validRecord(r, row.line);
    const sharing = await sharingOf(r.sharing, row.line);
    items.push({
      kind: 'record',
      key: r.key,
      schema: r.schema,
      source: null,
      target: null,
      properties,
      ...sharing,
      line: row.line,
      raw: row.raw,
    });
  }
  for (const l of row.links) {
    if (!getLinkType(l.type))
      throw invalidRow(row.line, [
        {
          code: 'unknown_link_type',
          field: 'type',
          value: l.type,
          expected: 'a Puente link type',
        },
      ]);
    const sharing = await sharingOf(l.sharing, row.line);
    items.push({
      kind: 'link',
      key: l.key,
      schema: l.type,
      source: l.source,
      target: l.target,
      properties: l.properties as Record<string, string[]>,
      ...sharing,
      line: row.line,
      raw: row.raw,
    });
  }
  return items;
}

/**
 * Reads every row, validates its records and the shape of its links, and stages what is valid;
 * each batch is written while the next is read. A row is taken whole or not at all. Returns
 * the number of rows read.
 */
export async function stageRows(
  tx: Tx,
  rows: AsyncIterable<RowItems | UnreadableRow>,
  sharingOf: (row: ImportedRecord['sharing'], line: number) => Promise<SharingColumns>,
  reject: RejectRow,
  onRow: (rows: number) => void,
): Promise<number> {
  const writer = new WriteBehind();
  let batch: StagedItem[] = [];
  let count = 0;
  try {
    for await (const row of rows) {
      count++;
      onRow(count);
      if ('problem' in row) {
        await reject(row);
        continue;
      }
      try {
        batch.push(...(await stagedItems(row, sharingOf)));
      } catch (err) {
        if (!(err instanceof RowProblem)) throw err;
        await reject({ line: row.line, raw: row.raw, problem: err });
        continue;
      }
      if (batch.length >= STAGE_BATCH) {
        const full = batch;
        batch = [];
        await writer.start(() => stageItems(tx, full));
      }
    }
    await writer.start(() => stageItems(tx, batch));
    await writer.flush();
  } catch (err) {
    return writer.fail(err);
  }
  return count;
}
