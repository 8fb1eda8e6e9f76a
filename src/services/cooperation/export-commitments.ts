import { dayOf } from '../../domain/cooperation/status.js';
import { csvLine } from '../../domain/text/csv.js';
import { listCommitmentRows } from '../../storage/cooperation.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { CommitmentSummary } from './present.js';
import { summariesOf, toCommitmentQuery, type CommitmentFilterInput } from './read-commitments.js';

/** The most rows one export gives; a filter narrows a longer list. */
export const MAX_EXPORT = 10_000;
const BATCH = 500;

const COLUMNS: readonly [string, (c: CommitmentSummary) => string][] = [
  ['id', (c) => c.id],
  ['name', (c) => c.name ?? ''],
  ['topic', (c) => c.topic ?? ''],
  ['status', (c) => c.status],
  ['overdue', (c) => (c.overdue ? 'yes' : 'no')],
  ['lead_country', (c) => c.leadCountry ?? ''],
  ['lead_agency', (c) => c.leadAgency ?? ''],
  ['partner_countries', (c) => c.partnerCountries.join(';')],
  ['scope', (c) => c.scope],
  ['due_date', (c) => c.dueDate ?? ''],
  ['meeting_id', (c) => c.meeting?.id ?? ''],
  ['meeting', (c) => c.meeting?.caption ?? ''],
  ['meeting_date', (c) => c.meeting?.date ?? ''],
  ['owners', (c) => c.owners.map((o) => o.name).join(';')],
  ['indicator', (c) => c.indicator?.name ?? ''],
  ['target', (c) => (c.indicator ? String(c.indicator.target) : '')],
  ['agency', (c) => c.agency],
  ['marking', (c) => c.marking],
  ['version', (c) => String(c.version)],
  ['changed_at', (c) => c.changedAt],
];

/** Commitments as CSV (RFC 4180, CRLF): one row each, in the list's order and its columns. */
export function commitmentsToCsv(items: readonly CommitmentSummary[]): string {
  return (
    csvLine(
      COLUMNS.map(([name]) => name),
      ',',
    ) +
    items
      .map((c) =>
        csvLine(
          COLUMNS.map(([, value]) => value(c)),
          ',',
        ),
      )
      .join('')
  );
}

/** The commitments the viewer may see that match the filters, as one CSV document (audited). */
export async function exportCommitmentsCsv(
  call: Call,
  input: CommitmentFilterInput = {},
  now = new Date(),
): Promise<string> {
  return audited(
    call,
    'commitment.export',
    { ...input },
    async (tx) => {
      const today = dayOf(now);
      const query = toCommitmentQuery(input, today);
      const items: CommitmentSummary[] = [];
      let after: string | undefined;
      while (items.length < MAX_EXPORT) {
        const rows = await listCommitmentRows(tx, {
          ...query,
          after,
          limit: Math.min(BATCH, MAX_EXPORT - items.length),
        });
        items.push(...(await summariesOf(tx, rows, today)));
        if (rows.length < BATCH) break;
        after = rows.at(-1)!.id;
      }
      return { result: commitmentsToCsv(items), ids: items.map((c) => c.id) };
    },
    { readOnly: true },
  );
}
