import { businessDayIndex, dayOf } from './calendar.js';
import type { Reason, SaleCandidate } from './types.js';

/** A trafficking indicator: a code the interface explains, with the figures behind it. */
export type Indicator = Reason;

/** Border states, where two semi-automatic rifles to one buyer also make a multiple-sale report. */
export const BORDER_STATES: ReadonlySet<string> = new Set(['AZ', 'CA', 'NM', 'TX']);

export const SHORT_TTC_DAYS = 365;
export const TTC_WATCH_DAYS = 3 * 365;
/** A purchaser with this many guns recovered is a lead for straw purchasing. */
export const SEVERAL_RECOVERED = 2;
/** A dealer is flagged when its share of short time-to-crime traces is at least this many times the
 * share over all dealers, on at least MIN_DEALER_TRACES traces. */
export const DEALER_SHARE_FACTOR = 2;
export const MIN_DEALER_TRACES = 5;

export interface TraceFacts {
  sale: SaleCandidate;
  timeToCrimeDays: number;
  recoveryCountry: string;
  /** Other guns sold to the same purchaser near the sale date. */
  buyerSales: readonly SaleCandidate[];
  /** Completed traces whose purchaser is this one, this trace included. */
  purchaserRecovered: number;
  dealer: { traces: number; shortTtc: number };
  allDealers: { traces: number; shortTtc: number };
}

const isHandgun = (type: string) => type === 'pistol' || type === 'revolver';

/**
 * Rifles the border-state rule counts: larger than .22. Whether a rifle is semi-automatic with
 * a detachable magazine is not in the sales data; the dealer's own report flag says so.
 */
const reportableRifle = (s: SaleCandidate) => {
  const calibre = Number((s.caliber.match(/\d*\.?\d+/u)?.[0] ?? '').replace(/^\./u, '0.'));
  return s.type === 'rifle' && !(calibre > 0 && calibre < 1 && calibre <= 0.224);
};

/**
 * Guns in the same multiple-sale report as this one: to the same buyer within five consecutive
 * business days, handguns with handguns and, in the border states, rifles with rifles.
 */
function reportedTogether(sale: SaleCandidate, others: readonly SaleCandidate[]): number {
  const kind = isHandgun(sale.type) ? 'handgun' : reportableRifle(sale) ? 'rifle' : null;
  if (!kind || (kind === 'rifle' && !BORDER_STATES.has(sale.dealerState))) return 0;
  const at = businessDayIndex(dayOf(sale.saleDate));
  return others.filter(
    (o) =>
      o.firearmId !== sale.firearmId &&
      Math.abs(businessDayIndex(dayOf(o.saleDate)) - at) <= 4 &&
      (kind === 'handgun' ? isHandgun(o.type) : reportableRifle(o)),
  ).length;
}

/** The indicators a completed trace shows, each with what it rests on. */
export function indicatorsOf(f: TraceFacts): Indicator[] {
  const out: Indicator[] = [];
  const days = f.timeToCrimeDays;
  if (days < SHORT_TTC_DAYS) out.push({ code: 'ttc_under_1y', params: { days } });
  else if (days < TTC_WATCH_DAYS) out.push({ code: 'ttc_under_3y', params: { days } });

  const together = reportedTogether(f.sale, f.buyerSales);
  if (f.sale.multipleSale || together > 0) {
    out.push({
      code: 'multiple_sale',
      params: { guns: together + 1, reported: f.sale.multipleSale ? 'yes' : 'no' },
    });
  }
  if (f.purchaserRecovered >= SEVERAL_RECOVERED) {
    out.push({ code: 'purchaser_several_recovered', params: { guns: f.purchaserRecovered } });
  }
  if (f.recoveryCountry && f.sale.country && f.recoveryCountry !== f.sale.country) {
    out.push({
      code: 'recovered_abroad',
      params: { sold: f.sale.country, recovered: f.recoveryCountry },
    });
  }
  const { dealer, allDealers } = f;
  if (dealer.traces >= MIN_DEALER_TRACES && allDealers.traces > 0) {
    const share = dealer.shortTtc / dealer.traces;
    const overall = allDealers.shortTtc / allDealers.traces;
    if (share > 0 && share >= DEALER_SHARE_FACTOR * overall) {
      out.push({
        code: 'dealer_short_ttc_share',
        params: {
          license: f.sale.dealerLicense,
          share: Math.round(share * 100),
          overall: Math.round(overall * 100),
          traces: dealer.traces,
        },
      });
    }
  }
  return out;
}
