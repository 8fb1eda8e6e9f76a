import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, times, numbers and country names in the reader's language (Intl). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(lng);
    const regions = new Intl.DisplayNames([lng], { type: 'region', fallback: 'code' });
    const list = new Intl.ListFormat(lng, { style: 'short', type: 'conjunction' });
    return {
      /** A calendar day (YYYY-MM-DD, or a year or month of one), never shifted by time zone. */
      day(value: string): string {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return day.format(new Date(`${value}T00:00:00Z`));
        if (/^\d{4}-\d{2}$/.test(value))
          return new Intl.DateTimeFormat(lng, {
            year: 'numeric',
            month: 'long',
            timeZone: 'UTC',
          }).format(new Date(`${value}-01T00:00:00Z`));
        return value;
      },
      moment: (iso: string) => moment.format(new Date(iso)),
      number: (n: number | string) => {
        const x = typeof n === 'number' ? n : Number(n);
        return Number.isFinite(x) ? number.format(x) : String(n);
      },
      country: (code: string) => {
        try {
          return regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
      list: (items: string[]) => list.format(items),
    };
  }, [lng]);
}
