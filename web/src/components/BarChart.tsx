import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Bar {
  key: string;
  label: string;
  /** Length of the bar, from 0 to `max`. */
  value: number;
  /** The figure written at the end of the bar, e.g. "67% (2 of 3)". */
  text: string;
}

const ROW = 26;
const LABEL = 120;
const PLOT = 220;
const GAP = 8;

/**
 * Horizontal bars in plain SVG, each with its label and figure written out (the figure is the
 * information; the bar only shows it), and the same data as a table for those who prefer one.
 */
export function BarChart({
  title,
  bars,
  max,
  testId,
  emptyText,
}: {
  title: string;
  bars: Bar[];
  /** The value of a full bar (1 for shares); by default the largest value. */
  max?: number;
  testId: string;
  /** What an empty chart says (by default that there is nothing to show). */
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL + PLOT + 130;
  const height = Math.max(1, bars.length) * ROW + GAP;
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="status empty">{emptyText ?? t('traces.chart.empty')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-summary`}
            className="chart"
          >
            {bars.map((b, i) => {
              const y = i * ROW + GAP / 2;
              const w = top > 0 ? Math.max(0, (b.value / top) * PLOT) : 0;
              return (
                <g key={b.key} data-bar={b.key}>
                  <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="bar-label">
                    {b.label}
                  </text>
                  <rect x={LABEL} y={y + 3} width={PLOT} height={ROW - 8} fill="#eef1f5" />
                  <rect x={LABEL} y={y + 3} width={w} height={ROW - 8} fill="#2b6cb0" />
                  <text x={LABEL + PLOT + 8} y={y + ROW / 2 + 4} className="bar-value">
                    {b.text}
                  </text>
                </g>
              );
            })}
          </svg>
          <p id={`${id}-summary`} className="visually-hidden">
            {bars
              .map((b) => t('traces.chart.labelled', { label: b.label, figure: b.text }))
              .join('; ')}
          </p>
          <details className="data-table">
            <summary>{t('traces.chart.showTable')}</summary>
            <table>
              <tbody>
                {bars.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">{b.label}</th>
                    <td>{b.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
