import { useTranslation } from 'react-i18next';
import { useCoopFormat } from './format';
import { LineChart } from './LineChart';
import type { Trend } from './types';

/** An indicator's trend (as the API gives it) as a line against its target. */
export function TrendChart({ trend, testId = 'trend-chart' }: { trend: Trend; testId?: string }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const basis = trend.indicator === 'traces_answered_30d' ? 'requests' : 'seizures';
  return (
    <LineChart
      testId={testId}
      title={t('cooperation.trend.title', { indicator: f.indicator(trend.indicator) })}
      target={trend.target}
      value={(v) => f.measure(v, trend.unit)}
      month={f.shortMonth}
      points={trend.months.map((m) => ({
        month: m.month,
        value: m.value,
        met: m.met,
        basis: t(`cooperation.basis.${basis}`, { count: m.basis, value: f.number(m.basis) }),
      }))}
    />
  );
}
