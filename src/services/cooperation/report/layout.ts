import type { ProgressReport, ReportCommitment } from '../../../domain/cooperation/report.js';
import type { Tlp } from '../../../domain/policy/sharing.js';
import type { Words } from './words.js';

/** FIRST's TLP 2.0 colours, printed on black. */
const COLOURS: Record<Tlp, string> = {
  CLEAR: '#ffffff',
  GREEN: '#33ff00',
  AMBER: '#ffc000',
  'AMBER+STRICT': '#ffc000',
  RED: '#ff2b2b',
};

export const tlpColour = (tlp: string): string =>
  COLOURS[tlp.replace(/^TLP:/, '') as Tlp] ?? COLOURS.RED;

/** What the report covers, one line each: the meeting, the filters, whose view it is. */
export function scopeLines(report: ProgressReport<ReportCommitment>, w: Words): string[] {
  const { meeting, filters } = report.scope;
  const lines = [
    ...(meeting
      ? [w.t('report:scope.meeting', { meeting: meeting.caption, date: w.day(meeting.date) })]
      : []),
    ...w.filters(filters),
  ];
  return [...(lines.length ? lines : [w.t('report:scope.all')]), w.t('report:scope.viewer')];
}
