import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** Statuses, topics, formats and indicator values of the tracker in the reader's language. */
export function useCoopFormat() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lng = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(lng, { maximumFractionDigits: 2 });
    const month = new Intl.DateTimeFormat(lng, {
      year: '2-digit',
      month: 'short',
      timeZone: 'UTC',
    });
    // The model's choice labels are lower case ("at risk"); alone, they start a sentence.
    const capital = (s: string) => s.charAt(0).toLocaleUpperCase(lng) + s.slice(1);
    return {
      ...format,
      status: (s: string) => capital(t(`model:value.${s}`, { defaultValue: s })),
      topic: (code: string) => t(`cooperation.topic.${code}`, { defaultValue: code }),
      meetingFormat: (f: string) => capital(t(`model:value.${f}`, { defaultValue: f })),
      documentKind: (k: string) => t(`cooperation.documentKind.${k}`, { defaultValue: k }),
      language: (l: string) => t(`cooperation.language.${l}`, { defaultValue: l }),
      indicator: (name: string) => t(`cooperation.indicator.${name}`, { defaultValue: name }),
      /** A value of an indicator in its unit: "12.5 kg", "90%", "3 seizures". */
      measure: (value: number | null, unit: string) => {
        if (value === null) return t('cooperation.trend.noValue');
        if (unit === 'share') return percent.format(value);
        if (unit === 'kg') return t('cooperation.unit.kg', { value: decimal.format(value) });
        return t('cooperation.unit.seizures', { count: value, value: decimal.format(value) });
      },
      /** A YYYY-MM month, short: "Mar 25". */
      shortMonth: (m: string) => month.format(new Date(`${m}-01T00:00:00Z`)),
      /** "5 – 6 Mar 2025" for a meeting of several days. */
      days: (from: string | null, to: string | null) =>
        from
          ? to && to !== from
            ? `${format.day(from)} – ${format.day(to)}`
            : format.day(from)
          : '',
    };
  }, [lng, t, format]);
}

export type CoopFormat = ReturnType<typeof useCoopFormat>;
