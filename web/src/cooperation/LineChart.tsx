import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Point {
  /** YYYY-MM */
  month: string;
  value: number | null;
  /** What the value rests on, in words ("4 seizures"). */
  basis: string;
  met: boolean | null;
}

/** The round number (1, 2, 2.5 or 5 times a power of ten) at or above x: the top of the axis. */
function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

const W = 640;
const H = 240;
const LEFT = 64;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 36;

/**
 * An indicator's monthly values against its target, as a line in plain SVG (no chart library):
 * the target is a dashed line, a month without a value leaves a gap, every point carries its
 * figure as a tooltip, and the same data is given as a table.
 */
export function LineChart({
  title,
  points,
  target,
  value,
  month,
  testId,
}: {
  title: string;
  points: Point[];
  target: number | null;
  /** A value in words, in its unit. */
  value: (v: number | null) => string;
  month: (m: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const top = niceCeiling(Math.max(target ?? 0, ...values, 0) * 1.05);
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const x = (i: number) =>
    LEFT + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  // Runs of consecutive months with a value.
  const runs: { i: number; v: number }[][] = [];
  points.forEach((p, i) => {
    if (p.value === null) return;
    const last = runs.at(-1);
    if (last && last.at(-1)!.i === i - 1) last.push({ i, v: p.value });
    else runs.push([{ i, v: p.value }]);
  });
  const every = Math.max(1, Math.ceil(points.length / 8));
  const measured = points.filter((p) => p.value !== null);
  const met = measured.filter((p) => p.met).length;
  return (
    <figure className="line-chart" data-testid={testId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {points.length === 0 ? (
        <p className="status empty">{t('cooperation.trend.empty')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-summary`}
            className="chart"
          >
            {[0, 0.5, 1].map((q) => (
              <g key={q}>
                <line x1={LEFT} x2={W - RIGHT} y1={y(top * q)} y2={y(top * q)} stroke="#c9ced6" />
                <text x={LEFT - 6} y={y(top * q) + 4} textAnchor="end" className="axis-label">
                  {value(top * q)}
                </text>
              </g>
            ))}
            {points.map((p, i) =>
              i % every === 0 ? (
                <text key={p.month} x={x(i)} y={H - 12} textAnchor="middle" className="axis-label">
                  {month(p.month)}
                </text>
              ) : null,
            )}
            {target !== null && (
              <g data-testid="target-line">
                <line
                  x1={LEFT}
                  x2={W - RIGHT}
                  y1={y(target)}
                  y2={y(target)}
                  stroke="#a4161a"
                  strokeWidth={2}
                  strokeDasharray="6 4"
                />
                <text x={W - RIGHT} y={y(target) - 6} textAnchor="end" className="target-label">
                  {t('cooperation.trend.target', { value: value(target) })}
                </text>
              </g>
            )}
            {runs.map((run) => (
              <polyline
                key={run[0]!.i}
                fill="none"
                stroke="#0b4f9c"
                strokeWidth={2.5}
                points={run.map((r) => `${x(r.i)},${y(r.v)}`).join(' ')}
              />
            ))}
            {points.map((p, i) =>
              p.value === null ? null : (
                <circle
                  key={p.month}
                  data-point={p.month}
                  cx={x(i)}
                  cy={y(p.value)}
                  r={4}
                  fill={p.met === false ? '#ffffff' : '#0b4f9c'}
                  stroke="#0b4f9c"
                  strokeWidth={2}
                >
                  <title>{`${month(p.month)}: ${value(p.value)}`}</title>
                </circle>
              ),
            )}
          </svg>
          <p id={`${id}-summary`} className="visually-hidden">
            {target !== null
              ? t('cooperation.trend.summaryTarget', {
                  measured: measured.length,
                  met,
                  target: value(target),
                })
              : t('cooperation.trend.summary', { measured: measured.length })}
          </p>
          <details className="data-table">
            <summary>{t('cooperation.trend.showTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cooperation.trend.month')}</th>
                  <th scope="col">{t('cooperation.trend.value')}</th>
                  <th scope="col">{t('cooperation.trend.basis')}</th>
                  {target !== null && <th scope="col">{t('cooperation.trend.met')}</th>}
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{month(p.month)}</th>
                    <td>{value(p.value)}</td>
                    <td>{p.basis}</td>
                    {target !== null && (
                      <td>
                        {p.met === null
                          ? t('cooperation.trend.noValue')
                          : p.met
                            ? t('cooperation.trend.yes')
                            : t('cooperation.trend.no')}
                      </td>
                    )}
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
