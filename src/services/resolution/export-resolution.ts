import { readMembers } from '../../storage/resolution.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';

export interface ResolutionLine {
  record: string;
  agency: string;
  /** The partner's own id of the record (its natural key), when it has one. */
  sourceRef: string | null;
  entity: string;
}

/**
 * The resolver's clustering of every record, for checking it against labelled data: one line
 * per record with its agency, the partner's own id and its entity. The operator's view, over
 * all records: entity ids here are global and never shown to viewers.
 */
export async function exportResolution(
  call: Call,
  write: (line: ResolutionLine) => void | Promise<void>,
): Promise<number> {
  return audited(
    call,
    'entity.export',
    {},
    async (tx) => {
      let after: string | null = null;
      let count = 0;
      for (;;) {
        const rows = await readMembers(tx, after, 10_000);
        if (!rows.length) break;
        for (const r of rows)
          await write({
            record: r.record_id,
            agency: r.agency,
            sourceRef: r.source_ref,
            entity: r.entity_id,
          });
        count += rows.length;
        after = rows[rows.length - 1]!.record_id;
      }
      return { result: count, count };
    },
    { operatorAllowed: true, readOnly: true },
  );
}
