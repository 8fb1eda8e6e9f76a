import type { Trend } from '../../../domain/cooperation/indicators.js';
import type {
  ProgressReport,
  ReportEntry,
  ReportSharing,
} from '../../../domain/cooperation/report.js';
import type { ReportedCommitment } from '../progress-report.js';
import { scopeLines, tlpColour } from './layout.js';
import type { Words } from './words.js';

type Report = ProgressReport<ReportedCommitment>;
type Entry = ReportEntry<ReportedCommitment>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Every value from the data goes through here: partners' text is never markup. */
export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const cls = (marking: string) =>
  `tlp tlp-${marking.replace(/^TLP:/, '').replace('+', '-').toLowerCase()}`;

const portion = (s: ReportSharing, w: Words) => {
  const rel = w.releasability(s);
  return `<span class="portion"><span class="${esc(cls(s.marking))}">${esc(s.marking)}</span>${
    rel ? ` // ${esc(rel)}` : ''
  }</span>`;
};

/** A small line of the values, with the target dashed; months without a value are skipped. */
export function sparkline(trend: Trend, label: string): string {
  const W = 120;
  const H = 32;
  const values = trend.months.map((m) => m.value);
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return '';
  const top = Math.max(...known, trend.target ?? 0) || 1;
  const x = (i: number) => (values.length === 1 ? W / 2 : (i * (W - 4)) / (values.length - 1) + 2);
  const y = (v: number) => H - 2 - (v / top) * (H - 4);
  const points = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const target =
    trend.target === null
      ? ''
      : `<line x1="0" x2="${W}" y1="${y(trend.target).toFixed(1)}" y2="${y(trend.target).toFixed(1)}" class="target"/>`;
  return `<svg class="spark" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${target}<polyline points="${points}"/></svg>`;
}

function trendBlock(e: Entry, w: Words): string {
  const trend = e.trend!;
  const { t } = w;
  const heading = t('report:trend.heading', {
    indicator: w.indicator(trend.indicator),
    target: w.value(trend.unit, trend.target),
  });
  const cells = (f: (m: Trend['months'][number]) => string) =>
    trend.months.map((m) => `<td>${f(m)}</td>`).join('');
  return `<div class="trend"><p>${esc(heading)}</p>${sparkline(trend, heading)}
<table class="trend-table"><tr><th scope="row">${esc(t('report:column.month'))}</th>${trend.months
    .map((m) => `<th scope="col">${esc(w.month(m.month))}</th>`)
    .join('')}</tr>
<tr><th scope="row">${esc(t('report:column.value'))}</th>${cells((m) => esc(w.value(trend.unit, m.value)))}</tr>
<tr><th scope="row">${esc(t('report:column.met'))}</th>${cells((m) =>
    m.met === null
      ? ''
      : m.met
        ? `<span class="met">${esc(t('report:trend.met'))}</span>`
        : `<span class="not-met">${esc(t('report:trend.notMet'))}</span>`,
  )}</tr></table></div>`;
}

const lead = (e: Entry) => [e.leadCountry, e.leadAgency].filter(Boolean).join(' · ');

const overdueCell = (e: Entry, w: Words) =>
  e.overdue ? esc(w.t('report:days', { count: e.daysOverdue })) : '';

function briefTable(entries: readonly Entry[], w: Words, none: string): string {
  const { t } = w;
  if (!entries.length) return `<p class="none">${esc(t(none))}</p>`;
  return `<table><thead><tr>${['commitment', 'status', 'lead', 'due', 'daysOverdue']
    .map((c) => `<th scope="col">${esc(t(`report:column.${c}`))}</th>`)
    .join('')}</tr></thead><tbody>${entries
    .map(
      (e) =>
        `<tr><td>${esc(e.caption)}<br>${portion(e, w)}</td><td>${esc(w.status(e.status))}</td><td>${esc(lead(e))}</td><td>${esc(w.day(e.dueDate))}</td><td class="num">${overdueCell(e, w)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function fullTable(entries: readonly Entry[], w: Words): string {
  const { t } = w;
  const head = ['commitment', 'lead', 'due', 'daysOverdue', 'note']
    .map((c) => `<th scope="col">${esc(t(`report:column.${c}`))}</th>`)
    .join('');
  const rows = entries.map((e) => {
    const note = e.latestNote
      ? `${esc(e.latestNote.text)}<br><span class="when">${esc(w.day(e.latestNote.at))}</span>`
      : `<span class="none">${esc(t('report:noNote'))}</span>`;
    const main = `<tr id="c-${esc(e.id)}"><td>${esc(e.caption)}<br>${portion(e, w)}${
      e.topic ? `<br><span class="topic">${esc(w.topic(e.topic))}</span>` : ''
    }</td><td>${esc(lead(e))}</td><td>${esc(w.day(e.dueDate))}</td><td class="num">${overdueCell(e, w)}</td><td>${note}</td></tr>`;
    return e.trend ? `${main}<tr class="sub"><td colspan="5">${trendBlock(e, w)}</td></tr>` : main;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;margin:0 2rem 2rem;color:#111;font-size:14px}
.banner{position:sticky;top:0;background:#000;text-align:center;font-weight:bold;padding:.35rem;margin:0 -2rem 1rem;letter-spacing:.05em}
.banner.bottom{position:static;margin:2rem -2rem 0}
@media print{.banner{position:fixed;left:0;right:0;margin:0}.banner.top{top:0}.banner.bottom{bottom:0}body{margin:2.5rem 1rem}}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #999;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f0f0f0}.num{text-align:right;white-space:nowrap}
.portion{font-size:.8rem;font-weight:bold;background:#000;padding:0 .3rem;color:#fff;display:inline-block;margin-top:.15rem}
.tlp-clear{color:#fff}.tlp-green{color:#33ff00}.tlp-amber,.tlp-amber-strict{color:#ffc000}.tlp-red{color:#ff2b2b}
.none,.when,.topic{color:#555;font-size:.85rem}
.counts{width:auto;min-width:20rem}
.trend p{margin:.2rem 0}.trend-table{width:auto;font-size:.85rem}
.spark{vertical-align:middle}.spark polyline{fill:none;stroke:#1f5fbf;stroke-width:2}.spark .target{stroke:#b00;stroke-dasharray:3 2}
.met{color:#176b2c}.not-met{color:#b00}
tr.sub td{background:#fafafa}
`;

/** The report as one HTML document: no scripts, no outside resources, the banner top and bottom. */
export function renderReportHtml(report: Report, w: Words): string {
  const { t } = w;
  const marking = `TLP:${report.marking}`;
  const banner = (where: string) =>
    `<div class="banner ${where} ${esc(cls(marking))}" role="note" style="color:${tlpColour(report.marking)}">${esc(
      t('report:banner', { marking }),
    )}</div>`;
  const counts = report.counts
    .map(
      (c) =>
        `<tr><td>${esc(w.status(c.status))}</td><td class="num">${esc(w.number(c.count))}</td></tr>`,
    )
    .join('');
  const groups = report.byStatus
    .map(
      (g) =>
        `<h3>${esc(t('report:byStatus.group', { status: w.status(g.status), count: g.entries.length }))}</h3>${fullTable(g.entries, w)}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${w.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('report:title'))} — ${esc(w.day(report.today))}</title>
<style>${STYLE}</style></head>
<body>
${banner('top')}
<header><h1>${esc(t('report:title'))}</h1>
<p>${esc(t('report:subtitle'))}</p>
<p>${esc(t('report:asOf', { date: w.day(report.today) }))}</p></header>
<section><h2>${esc(t('report:scope.heading'))}</h2><ul>${scopeLines(report, w)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul>${
    report.scope.meeting ? `<p>${portion(report.scope.meeting, w)}</p>` : ''
  }${report.truncated ? `<p class="none">${esc(t('report:truncated', { count: report.total }))}</p>` : ''}</section>
<section><h2>${esc(t('report:summary.heading'))}</h2>
<table class="counts"><thead><tr><th scope="col">${esc(t('report:column.status'))}</th><th scope="col">${esc(t('report:summary.count'))}</th></tr></thead>
<tbody>${counts}</tbody><tfoot><tr><th scope="row">${esc(t('report:summary.total'))}</th><td class="num">${esc(w.number(report.total))}</td></tr>
<tr><th scope="row">${esc(t('report:summary.overdue'))}</th><td class="num">${esc(w.number(report.overdue.length))}</td></tr></tfoot></table></section>
<section><h2>${esc(t('report:overdue.heading', { count: report.overdue.length }))}</h2>${briefTable(report.overdue, w, 'report:overdue.none')}</section>
<section><h2>${esc(t('report:atRisk.heading', { count: report.atRisk.length }))}</h2>${briefTable(report.atRisk, w, 'report:atRisk.none')}</section>
<section><h2>${esc(t('report:byStatus.heading'))}</h2>${groups || `<p class="none">${esc(t('report:empty'))}</p>`}</section>
${banner('bottom')}
</body></html>
`;
}
