import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { useApi } from '../api/use-api';
import { BarChart, type Bar } from '../components/BarChart';
import { ErrorNotice, Loading } from '../components/Status';
import { RecentActivity } from '../dashboard/RecentActivity';
import type { Count, DashboardData, Ranked } from '../dashboard/types';
import { useFormat } from '../i18n/format';
import { useTitle } from './use-title';
import { MonthRange } from '../components/MonthRange';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The landing page: seizures by month, drug, port of entry and country over a window of months,
 * and the newest records, all over what the reader may see (the server counts inside the
 * reader's own transaction). The window lives in the address bar.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  useTitle(t('dashboard.title'));
  const [params, setParams] = useSearchParams();
  const month = (key: string) => {
    const v = params.get(key) ?? '';
    return MONTH.test(v) ? v : '';
  };
  const from = month('from');
  const to = month('to');
  const [draft, setDraft] = useState({ from, to });
  const data = useApi<DashboardData>(
    withQuery('/dashboard', { from: from || undefined, to: to || undefined }),
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.from) p.set('from', draft.from);
    if (draft.to) p.set('to', draft.to);
    setParams(p);
  };

  const bars = (counts: Count[], label: (value: string) => string): Bar[] =>
    counts.map((c) => ({
      key: c.value,
      label: label(c.value),
      value: c.count,
      text: format.number(c.count),
    }));
  const ranked = (r: Ranked, label: (value: string) => string): Bar[] => [
    ...bars(r.items, label),
    ...(r.others > 0
      ? [
          {
            key: '\u0000others',
            label: t('dashboard.others'),
            value: r.others,
            text: format.number(r.others),
          },
        ]
      : []),
  ];

  return (
    <div className="dashboard-page">
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro')}</p>
      <form className="filters" onSubmit={apply} aria-label={t('dashboard.window.label')}>
        <MonthRange
          id={id}
          from={draft.from}
          to={draft.to}
          labels={{ from: t('dashboard.window.from'), to: t('dashboard.window.to') }}
          onChange={(range) => setDraft({ ...draft, ...range })}
        />
        <button type="submit">{t('dashboard.window.apply')}</button>
      </form>
      {data.state === 'loading' && <Loading />}
      {data.state === 'error' && <ErrorNotice error={data.error} />}
      {data.state === 'ready' && (
        <>
          <p className="dashboard-total" data-testid="seizure-total">
            {t('dashboard.total', {
              count: data.data.seizures.total,
              formatted: format.number(data.data.seizures.total),
              from: format.day(data.data.from),
              to: format.day(data.data.to),
            })}
          </p>
          <div className="dashboard-charts">
            <BarChart
              title={t('dashboard.chart.month')}
              testId="chart-month"
              bars={
                data.data.seizures.total > 0 ? bars(data.data.seizures.byMonth, format.day) : []
              }
              emptyText={t('dashboard.chart.empty')}
            />
            <BarChart
              title={t('dashboard.chart.drug')}
              testId="chart-drug"
              bars={ranked(data.data.seizures.byDrug, (v) =>
                t(`model:value.${v}`, { defaultValue: v }),
              )}
              emptyText={t('dashboard.chart.empty')}
            />
            <BarChart
              title={t('dashboard.chart.port')}
              testId="chart-port"
              bars={ranked(data.data.seizures.byPort, (v) => v)}
              emptyText={t('dashboard.chart.empty')}
            />
            <BarChart
              title={t('dashboard.chart.country')}
              testId="chart-country"
              bars={ranked(data.data.seizures.byCountry, format.country)}
              emptyText={t('dashboard.chart.empty')}
            />
          </div>
          <section aria-labelledby={`${id}-recent`}>
            <h2 id={`${id}-recent`}>{t('dashboard.recent.title')}</h2>
            <RecentActivity items={data.data.recent} />
          </section>
        </>
      )}
    </div>
  );
}
