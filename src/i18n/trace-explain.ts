import type { TFunction } from 'i18next';
import type { Reason } from '../domain/tracing/types.js';

/** How figures are written in the reader's language; the web app and the CLI each give one. */
export interface TraceWords {
  number(n: number): string;
  /** A calendar day (YYYY-MM-DD). */
  day(iso: string): string;
  /** "143 days". */
  days(days: number): string;
  /** "0.4 years". */
  years(days: number): string;
  percent(x: number): string;
  country(code: string): string;
  firearmType(type: string): string;
}

const DAYS_PER_YEAR = 365.25;

/** Words for the command line: Intl in the catalogue's language. */
export function traceWords(t: TFunction, lng: string): TraceWords {
  const number = new Intl.NumberFormat(lng);
  const oneDecimal = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([lng], { type: 'region', fallback: 'code' });
  return {
    number: (n) => number.format(n),
    day: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/u.test(iso) ? day.format(new Date(`${iso}T00:00:00Z`)) : iso,
    days: (n) => t('tracing:days', { count: n, formatted: number.format(Math.round(n)) }),
    years: (n) =>
      t('tracing:years', {
        count: n / DAYS_PER_YEAR,
        formatted: oneDecimal.format(n / DAYS_PER_YEAR),
      }),
    percent: (x) => percent.format(x),
    country: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    firearmType: (type) => t(`model:value.${type}`, { defaultValue: type }),
  };
}

/**
 * The explanation of a reason code (why a trace stands where it does, why a candidate ranks
 * where it does, what an indicator rests on), with its figures in the reader's language. Codes
 * come from src/domain/tracing (decide, candidates, indicators) and the tracing services.
 */
export function explainReason(t: TFunction, f: TraceWords, r: Reason): string {
  const p = r.params ?? {};
  const num = (k: string) => Number(p[k] ?? 0);
  const str = (k: string) => String(p[k] ?? '');
  const counted = (k: string) => ({ count: num(k), formatted: f.number(num(k)) });
  const key = (code: string) => `tracing:reason.${code}`;
  switch (r.code) {
    case 'sale_chosen':
      return p.note ? t(key('sale_chosen_note'), { note: str('note') }) : t(key('sale_chosen'));
    case 'candidates_to_review':
      return t(key('candidates_to_review'), counted('candidates'));
    case 'partial_too_vague':
      return t(key('partial_too_vague'), {
        legible: f.number(num('legible')),
        length: f.number(num('length')),
      });
    case 'recovered_before_sale':
      return t(key('recovered_before_sale'), {
        saleDate: f.day(str('saleDate')),
        recovered: f.day(str('recovered')),
      });
    case 'serial_partial':
      return t(key('serial_partial'), counted('legible'));
    case 'type_differs':
      return t(key('type_differs'), { sold: f.firearmType(str('sold')) });
    case 'ttc_under_1y':
    case 'ttc_under_3y':
      return t(key(r.code), { days: f.days(num('days')), years: f.years(num('days')) });
    case 'multiple_sale':
      return str('reported') === 'yes'
        ? t(key('multiple_sale_reported'), counted('guns'))
        : t(key('multiple_sale_unreported'), counted('guns'));
    case 'purchaser_several_recovered':
      return t(key('purchaser_several_recovered'), counted('guns'));
    case 'recovered_abroad':
      return t(key('recovered_abroad'), {
        sold: f.country(str('sold')),
        recovered: f.country(str('recovered')),
      });
    case 'dealer_short_ttc_share':
      return t(key('dealer_short_ttc_share'), {
        license: str('license'),
        share: f.percent(num('share') / 100),
        overall: f.percent(num('overall') / 100),
        count: num('traces'),
        formatted: f.number(num('traces')),
      });
    default:
      return t(key(r.code), { ...p, defaultValue: t(key('unknown'), { code: r.code }) });
  }
}
