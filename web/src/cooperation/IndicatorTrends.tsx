import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorNotice, Loading } from '../components/Status';
import { useCoopFormat } from './format';
import { TrendChart } from './TrendChart';
import { INDICATORS, type Trend } from './types';
import { MonthRange } from '../components/MonthRange';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One indicator by month over what the reader may see, against a target of their choice. */
export function IndicatorTrends() {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const indicator = INDICATORS.find((x) => x === params.get('indicator')) ?? INDICATORS[0];
  const targetParam = params.get('target') ?? '';
  const target = targetParam !== '' && Number.isFinite(Number(targetParam)) ? targetParam : '';
  const from = MONTH.test(params.get('from') ?? '') ? params.get('from')! : '';
  const to = MONTH.test(params.get('to') ?? '') ? params.get('to')! : '';
  const [draft, setDraft] = useState({ indicator: indicator as string, target, from, to });
  const [invalid, setInvalid] = useState(false);
  const trend = useApi<Trend>(withQuery(`/indicators/${indicator}`, { target, from, to }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = draft.target.trim().replace(',', '.');
    const bad = value !== '' && (!Number.isFinite(Number(value)) || Number(value) < 0);
    setInvalid(bad);
    if (bad) return;
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ ...draft, target: value })) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cooperation.indicators.title')}</h2>
      <p>{t('cooperation.indicators.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('cooperation.indicators.form')}>
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('cooperation.indicators.indicator')}</label>
          <select
            id={`${id}-indicator`}
            value={draft.indicator}
            onChange={(e) => setDraft({ ...draft, indicator: e.target.value })}
          >
            {INDICATORS.map((name) => (
              <option key={name} value={name}>
                {f.indicator(name)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${invalid ? ' invalid' : ''}`}>
          <label htmlFor={`${id}-target`}>{t('cooperation.indicators.target')}</label>
          <input
            id={`${id}-target`}
            type="text"
            inputMode="decimal"
            size={8}
            value={draft.target}
            aria-invalid={invalid}
            aria-describedby={`${id}-target-hint`}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
          />
          <span id={`${id}-target-hint`} className={invalid ? 'field-error' : 'hint'}>
            {t(`cooperation.targetHint.${draft.indicator}`)}
          </span>
        </div>
        <MonthRange
          id={id}
          from={draft.from}
          to={draft.to}
          labels={{ from: t('cooperation.indicators.from'), to: t('cooperation.indicators.to') }}
          onChange={(range) => setDraft({ ...draft, ...range })}
        />
        <button type="submit">{t('cooperation.indicators.show')}</button>
      </form>
      {trend.state === 'loading' && <Loading />}
      {trend.state === 'error' && <ErrorNotice error={trend.error} />}
      {trend.state === 'ready' && (
        <>
          <TrendChart trend={trend.data} testId="indicator-chart" />
          <p className="hint">{t(`cooperation.indicatorAbout.${indicator}`)}</p>
        </>
      )}
    </section>
  );
}
