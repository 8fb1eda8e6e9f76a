import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateShape } from './maps/shapes';

/** Five classes of ColorBrewer's sequential "Blues", light to dark, and a grey for no data. */
const CLASSES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const NO_DATA = '#f2f2f2';

export interface MapValue {
  /** What shades the state. */
  value: number;
  /** The figure in words, e.g. "3 guns (75%)". */
  label: string;
}

/**
 * The classes: fifths of 0–100 % for shares; for counts, at most one class per gun up to five,
 * then fifths of the largest count. Fewer classes take the darker end of the scale, so that a
 * shaded state always stands out from one without data.
 */
function classesOf(max: number, integer: boolean): { bounds: number[]; colours: string[] } {
  if (!integer)
    return { bounds: CLASSES.map((_, i) => (i + 1) / CLASSES.length), colours: CLASSES };
  const k = Math.max(1, Math.min(CLASSES.length, Math.ceil(max)));
  const bounds = [
    ...new Set(Array.from({ length: k }, (_, i) => Math.ceil((Math.max(1, max) * (i + 1)) / k))),
  ];
  return { bounds, colours: CLASSES.slice(CLASSES.length - bounds.length) };
}

/**
 * States shaded by a figure (a choropleth). Colour is never the only carrier: every state
 * names its figure (hover, and the table under the map), and the legend gives each class its
 * bounds in words.
 */
export function StateMap({
  title,
  shapes,
  viewBox,
  values,
  integer,
  formatBound,
  credit,
  testId,
  children,
}: {
  title: string;
  shapes: StateShape[];
  viewBox: string;
  values: ReadonlyMap<string, MapValue>;
  /** Counts have whole-number classes; shares run from 0 to 1. */
  integer: boolean;
  formatBound: (x: number) => string;
  credit: string;
  testId: string;
  /** Controls of the map (what it shades), under its title. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(0, ...[...values.values()].map((v) => v.value));
  const { bounds, colours } = useMemo(() => classesOf(max, integer), [max, integer]);
  const fill = (v: MapValue | undefined) => {
    if (!v) return NO_DATA;
    const i = bounds.findIndex((b) => v.value <= b + 1e-9);
    return colours[i === -1 ? colours.length - 1 : i]!;
  };
  const shaded = shapes.filter((s) => values.has(s.id));
  const rows = [...shaded].sort(
    (a, b) => values.get(b.id)!.value - values.get(a.id)!.value || a.name.localeCompare(b.name),
  );
  return (
    <figure className="state-map" data-testid={testId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {children}
      <svg
        viewBox={viewBox}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        className="map"
      >
        {shapes.map((s) => {
          const v = values.get(s.id);
          return (
            <path
              key={s.id}
              d={s.d}
              fill={fill(v)}
              stroke="#5a6270"
              strokeWidth={0.6}
              data-state={s.id}
              data-shaded={v ? 'yes' : 'no'}
            >
              <title>
                {t('traces.chart.labelled', {
                  label: s.name,
                  figure: v ? v.label : t('traces.map.noData'),
                })}
              </title>
            </path>
          );
        })}
      </svg>
      <p id={`${id}-summary`} className="visually-hidden">
        {rows.length
          ? rows
              .slice(0, 5)
              .map((s) =>
                t('traces.chart.labelled', { label: s.name, figure: values.get(s.id)!.label }),
              )
              .join('; ')
          : t('traces.map.nothing')}
      </p>
      <ul className="legend" aria-label={t('traces.map.legend')}>
        {values.size > 0 &&
          bounds.map((b, i) => (
            <li key={i}>
              <svg width="16" height="12" aria-hidden="true">
                <rect width="16" height="12" fill={colours[i]} stroke="#5a6270" />
              </svg>{' '}
              {t('traces.map.upTo', { bound: formatBound(b) })}
            </li>
          ))}
        <li>
          <svg width="16" height="12" aria-hidden="true">
            <rect width="16" height="12" fill={NO_DATA} stroke="#5a6270" />
          </svg>{' '}
          {t('traces.map.noData')}
        </li>
      </ul>
      {rows.length > 0 && (
        <details className="data-table">
          <summary>{t('traces.chart.showTable')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('traces.map.state')}</th>
                <th scope="col">{t('traces.map.figure')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{values.get(s.id)!.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p className="credit">{credit}</p>
    </figure>
  );
}
