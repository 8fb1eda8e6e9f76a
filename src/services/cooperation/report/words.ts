import type { TFunction } from 'i18next';
import type { ReportFilters, ReportSharing } from '../../../domain/cooperation/report.js';
import { translator, type Locale } from '../../../i18n/index.js';

/** How a report says things in one language: its catalogue (report:*) and Intl formats. */
export interface Words {
  locale: Locale;
  t: TFunction;
  /** A calendar day (YYYY-MM-DD) as the language writes it; other forms are kept as they are. */
  day(d: string | null | undefined): string;
  /** A month (YYYY-MM), short. */
  month(m: string): string;
  number(n: number, digits?: number): string;
  /** An indicator value in its unit: kg, a share (as a percentage) or a count of seizures. */
  value(unit: string, v: number | null): string;
  status(s: string): string;
  topic(t: string | null): string;
  indicator(name: string): string;
  /** Releasability in words: "REL TO MX, US // ONLY FGR" (empty when the marking alone decides). */
  releasability(s: ReportSharing): string;
  /** A portion marking: "TLP:AMBER // REL TO MX, US". */
  portion(s: ReportSharing): string;
  /** The filters of the report's scope, one phrase each. */
  filters(f: ReportFilters): string[];
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export function wordsFor(locale: Locale): Words {
  const t = translator(locale);
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });
  const number = (n: number, digits = 1) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const day = (d: string | null | undefined) => {
    if (!d) return '';
    if (FULL_DAY.test(d)) return dayFormat.format(new Date(`${d}T00:00:00Z`));
    if (MONTH.test(d)) return monthFormat.format(new Date(`${d}-01T00:00:00Z`));
    return d;
  };
  const status = (s: string) => t(`model:value.${s}`, { defaultValue: s });
  const topic = (x: string | null) => (x ? t(`report:topic.${x}`, { defaultValue: x }) : '');
  const releasability = (s: ReportSharing) => {
    const relTo = [...s.relCountries, ...s.relAgencies];
    return [
      relTo.length > 0 && t('report:marking.relTo', { list: relTo.join(', ') }),
      s.recipientAgencies.length > 0 &&
        t('report:marking.only', { list: s.recipientAgencies.join(', ') }),
      s.recipientUsers.length > 0 &&
        t('report:marking.namedUsers', { count: s.recipientUsers.length }),
    ]
      .filter(Boolean)
      .join(' // ');
  };
  return {
    locale,
    t,
    day,
    month: (m) => (MONTH.test(m) ? monthFormat.format(new Date(`${m}-01T00:00:00Z`)) : m),
    number,
    value: (unit, v) => {
      if (v === null) return t('report:trend.noValue');
      if (unit === 'share') return percent.format(v);
      if (unit === 'kg') return t('report:unit.kg', { value: number(v, 1) });
      return number(v, 0);
    },
    status,
    topic,
    indicator: (name) => t(`report:indicator.${name}`, { defaultValue: name }),
    releasability,
    portion: (s) => [s.marking, releasability(s)].filter(Boolean).join(' // '),
    filters: (f) =>
      [
        f.status?.length && t('report:scope.status', { list: list.format(f.status.map(status)) }),
        f.leadCountry?.length &&
          t('report:scope.leadCountry', { list: list.format(f.leadCountry) }),
        f.leadAgency?.length && t('report:scope.leadAgency', { list: list.format(f.leadAgency) }),
        f.topic?.length && t('report:scope.topic', { list: list.format(f.topic.map(topic)) }),
        f.dueAfter && t('report:scope.dueAfter', { date: day(f.dueAfter) }),
        f.dueBefore && t('report:scope.dueBefore', { date: day(f.dueBefore) }),
        f.overdue && t('report:scope.overdue'),
        f.atRisk && t('report:scope.atRisk'),
      ].filter((x): x is string => typeof x === 'string' && x !== ''),
  };
}
