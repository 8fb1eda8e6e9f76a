import { AppError, notFound } from '../../domain/errors.js';
import { indicatorDef, trendOf, type MonthValue } from '../../domain/cooperation/indicators.js';
import { addMonths, monthOf, monthsBetween } from '../../domain/cooperation/months.js';
import {
  buildProgressReport,
  type ProgressReport,
  type ReportCommitment,
  type ReportFilters,
  type ReportMeeting,
} from '../../domain/cooperation/report.js';
import { dayOf } from '../../domain/cooperation/status.js';
import { topicOf } from '../../domain/cooperation/topics.js';
import { isLocale, LOCALES, type Locale } from '../../i18n/index.js';
import { findRecord, listRecordVersions, type RecordRow } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { presentSharing } from '../records/present.js';
import { readMatchingCommitments } from './export-commitments.js';
import { measure } from './measure.js';
import { presentHistory, type CommitmentSummary } from './present.js';
import { toCommitmentQuery, type CommitmentFilterInput } from './read-commitments.js';
import { renderReportCsv } from './report/csv.js';
import { renderReportHtml } from './report/html.js';
import { renderReportPdf } from './report/pdf.js';
import { wordsFor } from './report/words.js';

export const REPORT_FORMATS = ['html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The most commitments one report holds; a longer list is cut, and the report says so. */
export const MAX_REPORT = 1000;
/** The months of each indicator's trend: this month and the five before it. */
export const REPORT_MONTHS = 6;

export interface ReportRequest extends CommitmentFilterInput {
  format?: string;
  lang?: string;
  /** Only the commitments agreed at this meeting (the same as meetingId). */
  meeting?: string;
}

/** A commitment as the report shows it: its summary, latest note and indicator trend. */
export type ReportedCommitment = CommitmentSummary & ReportCommitment;

export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: string | Buffer;
  /** The report's banner marking (TLP:AMBER). */
  marking: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

function checkChoices(input: ReportRequest): { format: ReportFormat; lang: Locale } {
  const format = (input.format ?? 'html').toLowerCase();
  const lang = (input.lang ?? 'en').toLowerCase();
  const errors = [
    ...((REPORT_FORMATS as readonly string[]).includes(format)
      ? []
      : [{ field: 'format', value: input.format, values: REPORT_FORMATS.join(', ') }]),
    ...(isLocale(lang) ? [] : [{ field: 'lang', value: input.lang, values: LOCALES.join(', ') }]),
  ].map(({ field, value, values }) => ({
    code: 'invalid_choice',
    field,
    value: String(value).slice(0, 80),
    expected: values,
    params: { values },
  }));
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return { format: format as ReportFormat, lang: lang as Locale };
}

/** The latest progress note and the day of the version that brought it. */
async function latestNote(tx: Tx, row: RecordRow): Promise<ReportCommitment['latestNote']> {
  const text = row.properties.notes?.join('\n');
  if (!text) return null;
  const history = presentHistory(await listRecordVersions(tx, row.id), new Map());
  const at =
    [...history].reverse().find((h) => h.note !== null)?.changedAt ?? row.changed_at.toISOString();
  return { text, at: at.slice(0, 10) };
}

async function readReport(
  tx: Tx,
  filters: CommitmentFilterInput,
  now: Date,
): Promise<ProgressReport<ReportedCommitment>> {
  const today = dayOf(now);
  const query = toCommitmentQuery(filters, today);
  let meeting: ReportMeeting | null = null;
  if (query.meetingId) {
    const row = await findRecord(tx, query.meetingId);
    // A meeting the viewer may not see answers like one that does not exist.
    if (!row || row.schema !== 'Meeting' || row.retracted)
      throw notFound('meeting', query.meetingId);
    meeting = {
      id: row.id,
      caption: row.caption,
      date: row.properties.date?.[0] ?? null,
      ...presentSharing(row),
    };
  }
  const { rows, items, more } = await readMatchingCommitments(tx, query, today, MAX_REPORT);
  const to = monthOf(now);
  const months = monthsBetween(addMonths(to, 1 - REPORT_MONTHS), to);
  // Each indicator is measured once, over what this viewer may see, whatever its targets.
  const measured = new Map<string, MonthValue[]>();
  const commitments: ReportedCommitment[] = [];
  for (const [i, summary] of items.entries()) {
    const def = summary.indicator ? indicatorDef(summary.indicator.name) : undefined;
    if (def && !measured.has(def.name)) measured.set(def.name, await measure(tx, def, months, now));
    commitments.push({
      ...summary,
      latestNote: await latestNote(tx, rows[i]!),
      trend: def ? trendOf(def, measured.get(def.name)!, summary.indicator!.target) : null,
    });
  }
  const shown: ReportFilters = {
    status: filters.status,
    leadCountry: filters.leadCountry?.map((c) => c.toUpperCase()),
    leadAgency: filters.leadAgency,
    topic: filters.topic?.map((x) => topicOf(x) ?? x),
    dueBefore: filters.dueBefore,
    dueAfter: filters.dueAfter,
    overdue: filters.overdue,
    atRisk: filters.atRisk,
  };
  return buildProgressReport({ commitments, now, meeting, filters: shown, truncated: more });
}

/**
 * The progress report for the next meeting, as HTML, PDF or CSV, in English, Spanish or French:
 * every commitment matching the filters (or agreed at one meeting) that the viewer may see, read
 * under the viewer's sharing rules in one read-only transaction and audited as one read.
 */
export async function progressReport(
  call: Call,
  input: ReportRequest,
  now = new Date(),
): Promise<RenderedReport> {
  const { format: rawFormat, lang: rawLang, meeting, ...rest } = input;
  const filters: CommitmentFilterInput = { ...rest, meetingId: meeting ?? rest.meetingId };
  const report = await audited(
    call,
    'commitment.report',
    { format: rawFormat, lang: rawLang, ...filters },
    async (tx) => {
      checkChoices(input);
      const result = await readReport(tx, filters, now);
      const ids = result.byStatus.flatMap((g) => g.entries.map((e) => e.id));
      return { result, ids: result.scope.meeting ? [result.scope.meeting.id, ...ids] : ids };
    },
    { readOnly: true },
  );
  const { format, lang } = checkChoices(input);
  const words = wordsFor(lang);
  const body =
    format === 'html'
      ? renderReportHtml(report, words)
      : format === 'csv'
        ? renderReportCsv(report, words)
        : await renderReportPdf(report, words);
  return {
    contentType: CONTENT_TYPES[format],
    fileName: `${words.t('report:fileName')}-${report.today}.${format}`,
    body,
    marking: `TLP:${report.marking}`,
  };
}
