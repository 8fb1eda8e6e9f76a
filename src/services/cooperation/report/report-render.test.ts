import { describe, expect, it } from 'vitest';
import { indicatorDef, trendOf } from '../../../domain/cooperation/indicators.js';
import { buildProgressReport } from '../../../domain/cooperation/report.js';
import type { ReportedCommitment } from '../progress-report.js';
import { renderReportCsv } from './csv.js';
import { esc, renderReportHtml, sparkline } from './html.js';
import { toWinAnsi } from './pdf-text.js';
import { wordsFor } from './words.js';

const NOW = new Date('2025-07-10T12:00:00Z');

const commitment = (o: Partial<ReportedCommitment>): ReportedCommitment =>
  ({
    id: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f',
    caption: 'Commitment',
    name: 'Commitment',
    text: null,
    topic: 'firearms',
    status: 'planned',
    overdue: false,
    closed: false,
    leadCountry: 'MX',
    leadAgency: 'FGR',
    partnerCountries: [],
    scope: 'national',
    dueDate: '2025-12-31',
    meeting: null,
    owners: [],
    indicator: null,
    latestNote: null,
    trend: null,
    version: 1,
    agency: 'FGR',
    sourceRef: null,
    retracted: false,
    marking: 'TLP:GREEN',
    relCountries: [],
    relAgencies: [],
    recipientAgencies: [],
    recipientUsers: [],
    changedBy: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e60',
    changedAt: '2025-07-01T00:00:00.000Z',
    createdBy: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e60',
    createdAt: '2025-07-01T00:00:00.000Z',
    ...o,
  }) as ReportedCommitment;

describe('toWinAnsi', () => {
  it('keeps what Helvetica can write and falls back for the rest', () => {
    expect(toWinAnsi('José Peña — « Müller » d’armes… €')).toBe(
      'José Peña — « Müller » d’armes… €',
    );
    expect(toWinAnsi('Erdős, Ștefan, Łódź')).toBe('Erdos, Stefan, Lódz');
    expect(toWinAnsi('1\u202f234 kg → 90\u202f%')).toBe('1\u00a0234 kg -> 90\u00a0%');
    expect(toWinAnsi('北京 😀\u0007')).toBe('?? ?');
  });
});

describe('report renderers', () => {
  const hostile = commitment({
    caption: '<img src=x onerror=alert(1)>',
    name: '=HYPERLINK("http://x")',
    overdue: true,
    dueDate: '2025-06-30',
    latestNote: { text: '@SUM(1)', at: '2025-07-02' },
    marking: 'TLP:AMBER',
    relCountries: ['MX', 'US'],
  });
  const report = buildProgressReport({ commitments: [hostile], now: NOW });

  it('escapes partners’ text in HTML', () => {
    const html = renderReportHtml(report, wordsFor('en'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(esc(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('writes dates and days the language’s way', () => {
    const fr = renderReportHtml(report, wordsFor('fr'));
    expect(fr).toContain('30 juin 2025');
    expect(fr).toContain('10 jours');
    expect(renderReportHtml(report, wordsFor('es'))).toContain('30 de junio de 2025');
  });

  it('neutralises spreadsheet formulas in CSV text', () => {
    const csv = renderReportCsv(report, wordsFor('en'));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@SUM(1)`);
    expect(csv).toContain('TLP:AMBER // REL TO MX, US');
  });

  it('draws a sparkline only when there is a value', () => {
    const def = indicatorDef('traces_answered_30d')!;
    const line = sparkline(
      trendOf(
        def,
        [
          { month: '2025-06', value: 0.5, basis: 4 },
          { month: '2025-07', value: null, basis: 0 },
        ],
        0.9,
      ),
      'trend',
    );
    expect(line).toMatch(/^<svg class="spark"/);
    expect(line).toContain('class="target"');
    expect(sparkline(trendOf(def, [{ month: '2025-07', value: null, basis: 0 }], 0.9), 'x')).toBe(
      '',
    );
  });
});
