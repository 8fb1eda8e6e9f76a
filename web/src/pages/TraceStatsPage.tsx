import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { withQuery } from '../api/client';
import { useApi } from '../api/use-api';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { BarChart, type Bar } from '../components/BarChart';
import { useTraceFormat, type TraceFormat } from '../traces/format';
import { mxStateId, mxStateShapes, MX_VIEWBOX } from '../traces/maps/mx-states';
import type { StateShape } from '../traces/maps/shapes';
import { usStateId, usStateShapes, US_VIEWBOX } from '../traces/maps/us-states';
import { StateMap, type MapValue } from '../traces/StateMap';
import type { ShareRow, TraceStatistics } from '../traces/types';
import { useTitle } from './use-title';

const COUNTRIES = ['MX', 'US', 'CA'] as const;
const YEAR = /^\d{4}$/;

interface Filters {
  recoveryCountry: string;
  sourceCountry: string;
  baseYear: string;
  lastYear: string;
}

/** The outlines the app ships, by country; other countries' states are listed, not drawn. */
const MAPS: Record<
  string,
  {
    shapes: () => StateShape[];
    viewBox: string;
    idOf: (s: string) => string | undefined;
    credit: string;
  }
> = {
  US: {
    shapes: usStateShapes,
    viewBox: US_VIEWBOX,
    idOf: usStateId,
    credit: 'traces.map.creditUs',
  },
  MX: {
    shapes: mxStateShapes,
    viewBox: MX_VIEWBOX,
    idOf: mxStateId,
    credit: 'traces.map.creditMx',
  },
};

function filtersOf(params: URLSearchParams): Filters {
  const country = (key: string, fallback: string) => {
    const v = params.get(key)?.toUpperCase() ?? '';
    return /^[A-Z]{2}$/.test(v) ? v : fallback;
  };
  const year = (key: string, fallback: string) => {
    const v = params.get(key) ?? '';
    return YEAR.test(v) ? v : fallback;
  };
  return {
    recoveryCountry: country('recoveryCountry', 'MX'),
    sourceCountry: country('sourceCountry', 'US'),
    baseYear: year('baseYear', '2016'),
    lastYear: year('lastYear', ''),
  };
}

const shareText = (f: TraceFormat, t: TFunction, r: ShareRow) =>
  t('traces.stats.shareOf', {
    share: f.percent(r.share),
    part: f.number(r.toSource),
    whole: f.number(r.traced),
  });

/**
 * The figures committees cite: of the guns recovered in one country (Mexico) whose trace has
 * an answer, the share traced to a retail sale in another (the United States), by year, type
 * and state; the median time-to-crime; rifle recoveries against a base year. Over the requests
 * the reader may see.
 */
export function TraceStatsPage() {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const [draft, setDraft] = useState<Filters>(applied);
  const [yearProblem, setYearProblem] = useState(false);
  useTitle(t('traces.stats.title'));
  const { recoveryCountry, sourceCountry, baseYear, lastYear } = applied;
  // Back and forward change the address, and the form follows it.
  useEffect(
    () => setDraft({ recoveryCountry, sourceCountry, baseYear, lastYear }),
    [recoveryCountry, sourceCountry, baseYear, lastYear],
  );

  const query = {
    recoveryCountry: applied.recoveryCountry,
    sourceCountry: applied.sourceCountry,
    baseYear: applied.baseYear,
    lastYear: applied.lastYear || undefined,
  };
  const stats = useApi<TraceStatistics>(withQuery('/traces/stats', query));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = [draft.baseYear, draft.lastYear].some(
      (y) => y !== '' && (!YEAR.test(y) || +y < 1900 || +y > 2100),
    );
    setYearProblem(bad || draft.baseYear === '');
    if (bad || draft.baseYear === '') return;
    setParams(withQuery('', { ...draft }).replace(/^\?/, ''));
  };
  const country = (field: 'recoveryCountry' | 'sourceCountry') => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`traces.stats.${field}`)}</label>
      <select
        id={`${id}-${field}`}
        value={draft[field]}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      >
        {[...new Set([...COUNTRIES, draft[field]])].map((c) => (
          <option key={c} value={c}>
            {f.country(c)}
          </option>
        ))}
      </select>
    </div>
  );
  const year = (field: 'baseYear' | 'lastYear', hint?: string) => (
    <div className={`field${yearProblem ? ' invalid' : ''}`}>
      <label htmlFor={`${id}-${field}`}>{t(`traces.stats.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        type="number"
        inputMode="numeric"
        min={1900}
        max={2100}
        value={draft[field]}
        placeholder={hint}
        aria-invalid={yearProblem}
        aria-describedby={yearProblem ? `${id}-year-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      />
    </div>
  );

  return (
    <div className="trace-stats">
      <p>
        <Link to="/traces">{t('traces.trace.back')}</Link>
      </p>
      <h1>{t('traces.stats.title')}</h1>
      <p>{t('traces.stats.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('traces.stats.filters')} noValidate>
        {country('recoveryCountry')}
        {country('sourceCountry')}
        {year('baseYear')}
        {year('lastYear', t('traces.stats.latest'))}
        <button type="submit">{t('traces.stats.apply')}</button>
        <a className="download" href={`/api/v1${withQuery('/traces/stats.csv', query)}`} download>
          {t('traces.stats.csv')}
        </a>
      </form>
      {yearProblem && (
        <p id={`${id}-year-error`} className="field-error" role="alert">
          {t('traces.stats.yearProblem')}
        </p>
      )}
      {stats.state === 'loading' && <Loading />}
      {stats.state === 'error' && <ErrorNotice error={stats.error} />}
      {stats.state === 'ready' && <Figures stats={stats.data} />}
    </div>
  );
}

function Figures({ stats }: { stats: TraceStatistics }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const recovery = f.country(stats.recoveryCountry);
  const source = f.country(stats.sourceCountry);
  if (stats.requests === 0) return <Empty>{t('traces.stats.empty', { country: recovery })}</Empty>;
  const r = stats.rifles;
  const yearBars: Bar[] = stats.byYear.map((y) => ({
    key: y.key,
    label: y.key,
    value: y.share ?? 0,
    text: shareText(f, t, y),
  }));
  const typeBars: Bar[] = stats.byType.map((y) => ({
    key: y.key || '-',
    label: y.key ? f.firearmType(y.key) : t('traces.stats.typeUnknown'),
    value: y.share ?? 0,
    text: shareText(f, t, y),
  }));
  const sourceMap = MAPS[stats.sourceCountry];
  const stateName = (key: string) => {
    const id = sourceMap?.idOf(key);
    return (
      (id && sourceMap?.shapes().find((s) => s.id === id)?.name) ||
      key ||
      t('traces.stats.stateUnknown')
    );
  };
  const sourceBars: Bar[] = stats.bySourceState.slice(0, 15).map((s) => ({
    key: s.key || '-',
    label: stateName(s.key),
    value: s.guns,
    text: t('traces.stats.guns', {
      count: s.guns,
      formatted: f.number(s.guns),
      share: f.percent(s.share),
    }),
  }));

  return (
    <>
      <section aria-labelledby="stats-headline" className="headline" data-testid="headline">
        <h2 id="stats-headline" className="visually-hidden">
          {t('traces.stats.headline')}
        </h2>
        <div className="figure-card" data-testid="share">
          <p className="big">{f.percent(stats.overall.share)}</p>
          <p>
            {t('traces.stats.shareHeadline', {
              count: stats.overall.traced,
              traced: f.number(stats.overall.traced),
              toSource: f.number(stats.overall.toSource),
              recovery,
              source,
            })}
          </p>
        </div>
        <div className="figure-card" data-testid="median">
          <p className="big">
            {stats.medianTimeToCrimeDays === null
              ? t('traces.none')
              : f.days(stats.medianTimeToCrimeDays)}
          </p>
          <p>
            {stats.medianTimeToCrimeDays === null
              ? t('traces.stats.medianNone')
              : t('traces.stats.median', { years: f.years(stats.medianTimeToCrimeDays) })}
          </p>
        </div>
        <div className="figure-card" data-testid="rifles">
          <p className="big">{f.change(r.change)}</p>
          <p>
            {t('traces.stats.rifles', {
              base: f.number(r.base),
              baseYear: r.baseYear,
              last: f.number(r.last),
              lastYear: r.lastYear,
            })}
            {r.change === null && ` ${t('traces.stats.riflesNoChange', { baseYear: r.baseYear })}`}
          </p>
        </div>
        <div className="figure-card">
          <p className="big">{f.number(stats.requests)}</p>
          <p>
            {t('traces.stats.requests', {
              count: stats.requests,
              recovery,
              pending: f.number(stats.pending),
            })}
          </p>
          <ul className="by-status">
            {stats.byStatus.map((s) => (
              <li key={s.key}>
                {t('traces.run.count', { status: f.status(s.key), formatted: f.number(s.count) })}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <div className="charts">
        <BarChart
          title={t('traces.stats.byYear', { source })}
          bars={yearBars}
          max={1}
          testId="chart-year"
        />
        <BarChart
          title={t('traces.stats.byType', { source })}
          bars={typeBars}
          max={1}
          testId="chart-type"
        />
        <BarChart
          title={t('traces.stats.bySourceState', { source })}
          bars={sourceBars}
          testId="chart-source-state"
        />
      </div>

      <div className="maps">
        <SourceStateMap stats={stats} />
        <RecoveryStateMap stats={stats} />
      </div>
    </>
  );
}

/** States whose name the outlines do not know are listed beside the map, never dropped. */
function Unplaced({ rows }: { rows: { key: string; text: string }[] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <p className="hint unplaced">
      {t('traces.map.unplaced')}{' '}
      {rows.map((r) => `${r.key || t('traces.stats.stateUnknown')} (${r.text})`).join('; ')}
    </p>
  );
}

function SourceStateMap({ stats }: { stats: TraceStatistics }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const map = MAPS[stats.sourceCountry];
  const source = f.country(stats.sourceCountry);
  const { values, unplaced } = useMemo(() => {
    const values = new Map<string, MapValue>();
    const unplaced: { key: string; text: string }[] = [];
    for (const s of stats.bySourceState) {
      const text = t('traces.stats.guns', {
        count: s.guns,
        formatted: f.number(s.guns),
        share: f.percent(s.share),
      });
      const id = map?.idOf(s.key);
      const old = id ? values.get(id) : undefined;
      if (!id) unplaced.push({ key: s.key, text });
      else
        values.set(id, {
          value: s.guns + (old?.value ?? 0),
          label: old ? `${old.label}; ${text}` : text,
        });
    }
    return { values, unplaced };
  }, [stats, map, t, f]);
  const title = t('traces.map.sourceTitle', { source });
  if (!map) return <NoOutlines title={title} country={source} />;
  return (
    <div>
      <StateMap
        title={title}
        shapes={map.shapes()}
        viewBox={map.viewBox}
        values={values}
        integer
        formatBound={(b) => t('traces.map.guns', { count: b, formatted: f.number(b) })}
        credit={t(map.credit)}
        testId={`map-${stats.sourceCountry.toLowerCase()}`}
      />
      <Unplaced rows={unplaced} />
    </div>
  );
}

function RecoveryStateMap({ stats }: { stats: TraceStatistics }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const id = useId();
  const [by, setBy] = useState<'count' | 'share'>('count');
  const map = MAPS[stats.recoveryCountry];
  const recovery = f.country(stats.recoveryCountry);
  const source = f.country(stats.sourceCountry);
  const { values, unplaced } = useMemo(() => {
    // Rows written differently for one state ("Edo. Méx." and "México") are added up.
    const sums = new Map<string, { traced: number; toSource: number; keys: string[] }>();
    const unplaced: { key: string; text: string }[] = [];
    for (const row of stats.byRecoveryState) {
      const sid = map?.idOf(row.key);
      if (!sid) {
        unplaced.push({ key: row.key, text: shareText(f, t, row) });
        continue;
      }
      const s = sums.get(sid) ?? { traced: 0, toSource: 0, keys: [] };
      s.traced += row.traced;
      s.toSource += row.toSource;
      sums.set(sid, s);
    }
    const values = new Map<string, MapValue>();
    for (const [sid, s] of sums) {
      const share = s.traced ? s.toSource / s.traced : 0;
      const label = shareText(f, t, { key: sid, traced: s.traced, toSource: s.toSource, share });
      values.set(sid, { value: by === 'count' ? s.traced : share, label });
    }
    return { values, unplaced };
  }, [stats, map, by, t, f]);
  const title =
    by === 'count'
      ? t('traces.map.recoveryCountTitle', { recovery })
      : t('traces.map.recoveryShareTitle', { recovery, source });
  if (!map) return <NoOutlines title={title} country={recovery} />;
  return (
    <div>
      <StateMap
        title={title}
        shapes={map.shapes()}
        viewBox={map.viewBox}
        values={values}
        integer={by === 'count'}
        formatBound={(b) =>
          by === 'count' ? t('traces.map.guns', { count: b, formatted: f.number(b) }) : f.percent(b)
        }
        credit={t(map.credit)}
        testId={`map-${stats.recoveryCountry.toLowerCase()}`}
      >
        <fieldset className="shade-by">
          <legend>{t('traces.map.shadeBy')}</legend>
          {(['count', 'share'] as const).map((b) => (
            <span key={b}>
              <input
                type="radio"
                id={`${id}-${b}`}
                name={`${id}-by`}
                checked={by === b}
                onChange={() => setBy(b)}
              />
              <label htmlFor={`${id}-${b}`}>{t(`traces.map.by.${b}`)}</label>
            </span>
          ))}
        </fieldset>
      </StateMap>
      <Unplaced rows={unplaced} />
    </div>
  );
}

function NoOutlines({ title, country }: { title: string; country: string }) {
  const { t } = useTranslation();
  return (
    <figure className="state-map">
      <figcaption>{title}</figcaption>
      <p className="notice">{t('traces.map.noOutlines', { country })}</p>
    </figure>
  );
}
