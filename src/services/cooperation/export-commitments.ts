import { dayOf } from '../../domain/cooperation/status.js';
import { csvLine } from '../../domain/text/csv.js';
import { listCommitmentRows, type CommitmentQuery } from '../../storage/cooperation.js';
import type { RecordRow } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { CommitmentSummary } from './present.js';
import { summariesOf, toCommitmentQuery, type CommitmentFilterInput } from './read-commitments.js';

/** The most rows one export gives; a filter narrows a longer list. */
export const MAX_EXPORT = 10_000;
const BATCH = 500;

/** A CSV column: its header and how a row's value is written. */
export type CsvColumn<T> = readonly [string, (row: T) => string];

/**
 * Free text from partners goes into spreadsheets: a value that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) is written with a leading apostrophe (OWASP's advice).
 */
export const csvText = (s: string | null | undefined): string =>
  s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : (s ?? '');

export const COMMITMENT_COLUMNS: readonly CsvColumn<CommitmentSummary>[] = [
  ['id', (c) => c.id],
  ['name', (c) => csvText(c.name)],
  ['topic', (c) => c.topic ?? ''],
  ['status', (c) => c.status],
  ['overdue', (c) => (c.overdue ? 'yes' : 'no')],
  ['lead_country', (c) => c.leadCountry ?? ''],
  ['lead_agency', (c) => csvText(c.leadAgency)],
  ['partner_countries', (c) => c.partnerCountries.join(';')],
  ['scope', (c) => c.scope],
  ['due_date', (c) => c.dueDate ?? ''],
  ['meeting_id', (c) => c.meeting?.id ?? ''],
  ['meeting', (c) => csvText(c.meeting?.caption)],
  ['meeting_date', (c) => c.meeting?.date ?? ''],
  ['owners', (c) => csvText(c.owners.map((o) => o.name).join(';'))],
  ['indicator', (c) => c.indicator?.name ?? ''],
  ['target', (c) => (c.indicator ? String(c.indicator.target) : '')],
  ['agency', (c) => c.agency],
  ['marking', (c) => c.marking],
  ['version', (c) => String(c.version)],
  ['changed_at', (c) => c.changedAt],
];

/** Rows as CSV (RFC 4180, CRLF): a header line, then one line per row in the given order. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return (
    csvLine(
      columns.map(([name]) => name),
      ',',
    ) +
    rows
      .map((r) =>
        csvLine(
          columns.map(([, value]) => value(r)),
          ',',
        ),
      )
      .join('')
  );
}

/** Commitments as CSV: one row each, in the list's order and its columns. */
export const commitmentsToCsv = (items: readonly CommitmentSummary[]): string =>
  toCsv(COMMITMENT_COLUMNS, items);

/**
 * The commitments that match a query, in the list's order, read in batches up to `max`; one
 * more row is looked for, so `more` says whether the list was cut.
 */
export async function readMatchingCommitments(
  tx: Tx,
  query: Omit<CommitmentQuery, 'limit' | 'after'>,
  today: string,
  max: number,
): Promise<{ rows: RecordRow[]; items: CommitmentSummary[]; more: boolean }> {
  const rows: RecordRow[] = [];
  const items: CommitmentSummary[] = [];
  let after: string | undefined;
  for (;;) {
    const want = Math.min(BATCH, max + 1 - rows.length);
    const batch = await listCommitmentRows(tx, { ...query, after, limit: want });
    const kept = batch.slice(0, max - rows.length);
    rows.push(...kept);
    if (kept.length) items.push(...(await summariesOf(tx, kept, today)));
    if (kept.length < batch.length) return { rows, items, more: true };
    if (batch.length < want) return { rows, items, more: false };
    after = batch.at(-1)!.id;
  }
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
      const { items } = await readMatchingCommitments(
        tx,
        toCommitmentQuery(input, today),
        today,
        MAX_EXPORT,
      );
      return { result: commitmentsToCsv(items), ids: items.map((c) => c.id) };
    },
    { readOnly: true },
  );
}
