import type { ProgressReport, ReportEntry } from '../../../domain/cooperation/report.js';
import { COMMITMENT_COLUMNS, csvText, toCsv, type CsvColumn } from '../export-commitments.js';
import type { ReportedCommitment } from '../progress-report.js';
import type { Words } from './words.js';

type Row = ReportEntry<ReportedCommitment>;

/**
 * The report as CSV: the commitment export's columns, then what the report adds. Values stay
 * machine-readable (codes, ISO dates, plain numbers); the portion marking is worded in the
 * report's language, as every commitment shown carries it.
 */
const reportColumns = (w: Words): readonly CsvColumn<Row>[] => [
  ['days_overdue', (c) => (c.overdue ? String(c.daysOverdue) : '')],
  ['releasability', (c) => w.releasability(c)],
  ['portion_marking', (c) => w.portion(c)],
  ['latest_note', (c) => csvText(c.latestNote?.text)],
  ['latest_note_date', (c) => c.latestNote?.at ?? ''],
  ['indicator_month', (c) => c.trend?.latest?.month ?? ''],
  ['indicator_value', (c) => (c.trend?.latest?.value ?? '').toString()],
  ['indicator_met', (c) => (c.trend?.latest?.met == null ? '' : c.trend.latest.met ? 'yes' : 'no')],
];

/** One row per commitment, grouped by status in the report's order. */
export function renderReportCsv(report: ProgressReport<ReportedCommitment>, w: Words): string {
  return toCsv<Row>(
    [...COMMITMENT_COLUMNS, ...reportColumns(w)],
    report.byStatus.flatMap((g) => g.entries),
  );
}
