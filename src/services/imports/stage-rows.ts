import { getLinkType } from '../../domain/model/links.js';
import { validateProperties } from '../../domain/model/validate.js';
import type { ImportedRecord, RowItems } from '../../import/items.js';
import { invalidRow, RowProblem } from '../../import/problem.js';
import type { UnreadableRow } from '../../import/readers/source-row.js';
import { stageItems, type StagedItem } from '../../storage/import-staging.js';
import type { Tx } from '../../storage/session.js';
import type { RejectRow } from './outcome.js';
import type { SharingColumns } from './row-sharing.js';

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

/**
 * Reads every row, validates its records and the shape of its links, and stages what is valid.
 * A row is taken whole or not at all. Returns the number of rows read.
 */
export async function stageRows(
  tx: Tx,
  rows: AsyncIterable<RowItems | UnreadableRow>,
  sharingOf: (row: ImportedRecord['sharing'], line: number) => Promise<SharingColumns>,
  reject: RejectRow,
  onRow: (rows: number) => void,
): Promise<number> {
  let batch: StagedItem[] = [];
  let count = 0;
  for await (const row of rows) {
    count++;
    onRow(count);
    if ('problem' in row) {
      await reject(row);
      continue;
    }
    try {
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
        const properties = l.properties as Record<string, string[]>;
        items.push({
          kind: 'link',
          key: l.key,
          schema: l.type,
          source: l.source,
          target: l.target,
          properties,
          ...sharing,
          line: row.line,
          raw: row.raw,
        });
      }
      batch.push(...items);
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      await reject({ line: row.line, raw: row.raw, problem: err });
      continue;
    }
    if (batch.length >= STAGE_BATCH) {
      await stageItems(tx, batch);
      batch = [];
    }
  }
  await stageItems(tx, batch);
  return count;
}
