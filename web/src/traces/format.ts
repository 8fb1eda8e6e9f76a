import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

const DAYS_PER_YEAR = 365.25;
const HOUR = 3_600_000;

/** Shares, years, durations and deadlines of traces in the reader's language (Intl). */
export function useTraceFormat() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lng = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    const change = new Intl.NumberFormat(lng, {
      style: 'percent',
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    });
    const oneDecimal = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
    const relative = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
    return {
      ...format,
      percent: (x: number | null) => (x === null ? t('traces.none') : percent.format(x)),
      change: (x: number | null) => (x === null ? t('traces.none') : change.format(x)),
      /** "143 days", with the years beside it when that helps ("0.4 years"). */
      days: (days: number) =>
        t('tracing:days', { count: days, formatted: format.number(Math.round(days)) }),
      years: (days: number) => {
        const years = days / DAYS_PER_YEAR;
        return t('tracing:years', { count: years, formatted: oneDecimal.format(years) });
      },
      /** How far a deadline is, in words: "in 6 days", "3 hours ago". */
      fromNow: (iso: string, now = Date.now()) => {
        const hours = (new Date(iso).getTime() - now) / HOUR;
        if (Math.abs(hours) < 48) return relative.format(Math.round(hours), 'hour');
        return relative.format(Math.round(hours / 24), 'day');
      },
      status: (s: string) => t(`tracing:status.${s}`, { defaultValue: s }),
      priority: (p: string) => t(`tracing:priority.${p}`, { defaultValue: p }),
      firearmType: (type: string) => t(`model:value.${type}`, { defaultValue: type }),
    };
  }, [lng, t, format]);
}

export type TraceFormat = ReturnType<typeof useTraceFormat>;
