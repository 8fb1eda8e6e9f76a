import PDFDocument from 'pdfkit';
import type {
  ProgressReport,
  ReportEntry,
  ReportSharing,
} from '../../../domain/cooperation/report.js';
import type { ReportedCommitment } from '../progress-report.js';
import { scopeLines, tlpColour } from './layout.js';
import { toWinAnsi } from './pdf-text.js';
import type { Words } from './words.js';

type Report = ProgressReport<ReportedCommitment>;
type Entry = ReportEntry<ReportedCommitment>;

/** One line of a cell: its text and how it is set. */
interface Line {
  text: string;
  bold?: boolean;
  size?: number;
  colour?: string;
  /** Set on black, as a TLP label is. */
  label?: boolean;
  /** After a label, on the same line: its releasability ("// REL TO MX, US"). */
  rest?: string;
}
type Cell = Line[];
interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const MARGIN = { top: 48, bottom: 48, left: 40, right: 40 };
const PAD = 3;
const SIZE = 8.5;

/** The report as a PDF (A4 landscape, pdfkit's Helvetica), the banner at the top and bottom of every page. */
export function renderReportPdf(report: Report, w: Words): Promise<Buffer> {
  const { t } = w;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    lang: w.locale,
    info: { Title: toWinAnsi(t('report:title')), Subject: toWinAnsi(`TLP:${report.marking}`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const font = (bold?: boolean) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
  const write = (text: string, o: { bold?: boolean; size?: number; gap?: number } = {}) => {
    font(o.bold)
      .fontSize(o.size ?? SIZE + 1.5)
      .fillColor('#111');
    doc.text(toWinAnsi(text), MARGIN.left, doc.y, { width });
    doc.moveDown(o.gap ?? 0.3);
  };
  const heading = (text: string, size = 13) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.6);
    write(text, { bold: true, size, gap: 0.4 });
  };

  const labelWidth = (l: Line, cw: number) => {
    font(l.bold).fontSize(l.size ?? SIZE);
    return Math.min(doc.widthOfString(toWinAnsi(l.text)) + 4, cw - 2 * PAD);
  };
  const lineHeight = (l: Line, cw: number) => {
    if (l.label && l.rest) {
      const room = cw - 2 * PAD - labelWidth(l, cw) - 3;
      return Math.max(
        doc.heightOfString(toWinAnsi(l.text), { width: cw - 2 * PAD }),
        doc.heightOfString(toWinAnsi(l.rest), { width: Math.max(room, 20) }),
      );
    }
    font(l.bold).fontSize(l.size ?? SIZE);
    return doc.heightOfString(toWinAnsi(l.text) || ' ', { width: cw - 2 * PAD });
  };
  const cellHeight = (cell: Cell, cw: number) =>
    cell.reduce((h, l) => h + lineHeight(l, cw) + 1, 0) + 2 * PAD;

  const drawCell = (cell: Cell, x: number, y: number, cw: number, align: Column['align']) => {
    let cy = y + PAD;
    for (const l of cell) {
      const text = toWinAnsi(l.text);
      font(l.bold).fontSize(l.size ?? SIZE);
      const h = lineHeight(l, cw);
      if (l.label && text) {
        const tw = labelWidth(l, cw);
        const th = doc.heightOfString(text, { width: cw - 2 * PAD });
        doc.rect(x + PAD, cy - 0.5, tw, th).fill('#000');
        doc.fillColor(l.colour ?? '#fff').text(text, x + PAD + 2, cy, { width: cw - 2 * PAD - 2 });
        if (l.rest) {
          const room = Math.max(cw - 2 * PAD - tw - 3, 20);
          doc.fillColor('#111').text(toWinAnsi(l.rest), x + PAD + tw + 3, cy, { width: room });
        }
      } else {
        doc.fillColor(l.colour ?? '#111').text(text, x + PAD, cy, { width: cw - 2 * PAD, align });
      }
      cy += h + 1;
    }
  };

  const table = (columns: Column[], rows: Cell[][], withHeader = true) => {
    const header = () => {
      if (!withHeader) return;
      const cells = columns.map((c) => [{ text: c.header, bold: true }]);
      row(cells, '#eeeeee');
    };
    const row = (cells: Cell[], fill?: string) => {
      const h = Math.max(...cells.map((c, i) => cellHeight(c, columns[i]!.width)));
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!fill) header();
      }
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const cw = columns[i]!.width;
        if (fill) doc.rect(x, y, cw, h).fill(fill);
        doc.rect(x, y, cw, h).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
        drawCell(cell, x, y, cw, columns[i]!.align);
        x += cw;
      });
      doc.x = MARGIN.left;
      doc.y = y + h;
    };
    header();
    for (const cells of rows) row(cells);
    doc.moveDown(0.5);
  };

  const portion = (s: ReportSharing): Line[] => {
    const rel = w.releasability(s);
    return [
      {
        text: s.marking,
        bold: true,
        size: 7,
        label: true,
        colour: tlpColour(s.marking),
        ...(rel ? { rest: `// ${rel}` } : {}),
      },
    ];
  };
  const lead = (e: Entry) => [e.leadCountry, e.leadAgency].filter(Boolean).join(' · ');
  const days = (e: Entry) => (e.overdue ? t('report:days', { count: e.daysOverdue }) : '');
  const col = (key: string, width: number, align?: Column['align']): Column => ({
    header: t(`report:column.${key}`),
    width,
    align,
  });

  const brief = (entries: readonly Entry[], none: string) => {
    if (!entries.length) return write(t(none));
    table(
      [
        col('commitment', width * 0.4),
        col('status', width * 0.13),
        col('lead', width * 0.17),
        col('due', width * 0.17),
        col('daysOverdue', width * 0.13, 'right'),
      ],
      entries.map((e) => [
        [{ text: e.caption }, ...portion(e)],
        [{ text: w.status(e.status) }],
        [{ text: lead(e) }],
        [{ text: w.day(e.dueDate) }],
        [{ text: days(e) }],
      ]),
    );
  };

  const trendRows = (e: Entry): Cell[][] => {
    const tr = e.trend!;
    return [
      [
        [{ text: t('report:column.month'), bold: true }],
        ...tr.months.map((m) => [{ text: w.month(m.month) }]),
      ],
      [
        [{ text: t('report:column.value'), bold: true }],
        ...tr.months.map((m) => [{ text: w.value(tr.unit, m.value) }]),
      ],
      [
        [{ text: t('report:column.met'), bold: true }],
        ...tr.months.map((m) => [
          m.met === null
            ? { text: '' }
            : m.met
              ? { text: t('report:trend.met'), colour: '#176b2c' }
              : { text: t('report:trend.notMet'), colour: '#bb0000' },
        ]),
      ],
    ];
  };

  const full = (entries: readonly Entry[]) => {
    const columns = [
      col('commitment', width * 0.3),
      col('lead', width * 0.13),
      col('due', width * 0.14),
      col('daysOverdue', width * 0.1, 'right'),
      col('note', width * 0.33),
    ];
    table(
      columns,
      entries.map((e) => [
        [
          { text: e.caption },
          ...portion(e),
          ...(e.topic ? [{ text: w.topic(e.topic), size: 7, colour: '#555' }] : []),
        ],
        [{ text: lead(e) }],
        [{ text: w.day(e.dueDate) }],
        [{ text: days(e) }],
        e.latestNote
          ? [{ text: e.latestNote.text }, { text: w.day(e.latestNote.at), size: 7, colour: '#555' }]
          : [{ text: t('report:noNote'), colour: '#555' }],
      ]),
    );
    for (const e of entries.filter((x) => x.trend)) {
      const tr = e.trend!;
      if (doc.y + 70 > bottom()) doc.addPage();
      write(
        `${e.caption} — ${t('report:trend.heading', {
          indicator: w.indicator(tr.indicator),
          target: w.value(tr.unit, tr.target),
        })}`,
        { bold: true, size: SIZE, gap: 0.2 },
      );
      const n = tr.months.length;
      const label = width * 0.12;
      table(
        [
          { header: '', width: label },
          ...tr.months.map(() => ({ header: '', width: Math.min(80, (width - label) / n) })),
        ],
        trendRows(e),
        false,
      );
    }
  };

  // Title, scope and summary.
  write(t('report:title'), { bold: true, size: 18, gap: 0.1 });
  write(t('report:subtitle'), { size: 11, gap: 0.1 });
  write(t('report:asOf', { date: w.day(report.today) }), { size: 10 });
  heading(t('report:scope.heading'));
  for (const line of scopeLines(report, w)) write(`• ${line}`, { gap: 0.1 });
  if (report.scope.meeting) {
    write(w.portion(report.scope.meeting), { bold: true, size: SIZE });
  }
  if (report.truncated) write(t('report:truncated', { count: report.total }));
  heading(t('report:summary.heading'));
  table(
    [col('status', 160), { header: t('report:summary.count'), width: 100, align: 'right' }],
    [
      ...report.counts.map((c) => [[{ text: w.status(c.status) }], [{ text: w.number(c.count) }]]),
      [
        [{ text: t('report:summary.total'), bold: true }],
        [{ text: w.number(report.total), bold: true }],
      ],
      [
        [{ text: t('report:summary.overdue'), bold: true }],
        [{ text: w.number(report.overdue.length), bold: true }],
      ],
    ],
  );
  heading(t('report:overdue.heading', { count: report.overdue.length }));
  brief(report.overdue, 'report:overdue.none');
  heading(t('report:atRisk.heading', { count: report.atRisk.length }));
  brief(report.atRisk, 'report:atRisk.none');
  heading(t('report:byStatus.heading'));
  if (!report.byStatus.length) write(t('report:empty'));
  for (const g of report.byStatus) {
    heading(
      t('report:byStatus.group', { status: w.status(g.status), count: g.entries.length }),
      11,
    );
    full(g.entries);
  }

  // The banner, and the page number, on every page.
  const banner = toWinAnsi(t('report:banner', { marking: `TLP:${report.marking}` }));
  const colour = tlpColour(report.marking);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    for (const y of [16, doc.page.height - 34]) {
      doc.rect(MARGIN.left, y, width, 16).fill('#000');
      font(true)
        .fontSize(9)
        .fillColor(colour)
        .text(banner, MARGIN.left, y + 4, { width, align: 'center', lineBreak: false });
    }
    font(false)
      .fontSize(7)
      .fillColor('#555')
      .text(
        toWinAnsi(t('report:page', { page: i - range.start + 1, pages: range.count })),
        MARGIN.left,
        doc.page.height - 15,
        { width, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
