import type { Viewer } from '../../domain/identity/viewer.js';
import { newId } from '../../domain/ids.js';
import { daysBetween } from '../../domain/tracing/calendar.js';
import { indicatorsOf, SHORT_TTC_DAYS } from '../../domain/tracing/indicators.js';
import type { RankedCandidate } from '../../domain/tracing/types.js';
import type { sharingToColumns } from '../../domain/policy/keys.js';
import { appendLinkVersions, type NewLinkVersion } from '../../storage/links.js';
import { findRecords } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import type { TraceRequestRow } from '../../storage/trace-requests.js';
import {
  insertTraceResults,
  tracesPerBuyer,
  tracesPerDealer,
  type NewPurchaser,
  type NewTraceResult,
} from '../../storage/trace-results.js';
import { salesToBuyersNear } from '../../storage/trace-sales.js';

export interface Completion {
  request: TraceRequestRow;
  chosen: RankedCandidate;
}

/** Five business days either side fit in a week of calendar days plus the weekend. */
const REPORT_WINDOW_DAYS = 7;

const countBy = <T>(items: readonly T[], key: (t: T) => string | null) => {
  const m = new Map<string, number>();
  for (const t of items) {
    const k = key(t);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/**
 * Writes the answers of traces that found their sale: the result with its indicators, the
 * purchaser under the sharing the tracing agency sets, and the link from the sold gun to the
 * recovery, so the purchaser, the gun and the recovery meet in the graph. Indicators that count
 * (guns per purchaser, a dealer's short time-to-crime share) include this batch's own answers.
 */
export async function writeCompletions(
  tx: Tx,
  viewer: Viewer,
  done: readonly Completion[],
  disclosure: ReturnType<typeof sharingToColumns>,
): Promise<void> {
  if (!done.length) return;
  const sales = done.map((d) => d.chosen.candidate);
  const ttc = done.map((d) => daysBetween(d.chosen.candidate.saleDate, d.request.recovered_on));
  const buyers = [...new Set(sales.map((s) => s.buyerId).filter((b): b is string => !!b))];
  const near = await salesToBuyersNear(
    tx,
    sales.flatMap((s) => (s.buyerId ? [{ buyerId: s.buyerId, date: s.saleDate }] : [])),
    REPORT_WINDOW_DAYS,
  );
  const earlier = await tracesPerBuyer(tx, buyers);
  const inBatch = countBy(sales, (s) => s.buyerId);
  const dealers = await tracesPerDealer(
    tx,
    sales.map((s) => s.dealerLicense),
  );
  const batchDealers = countBy(sales, (s) => s.dealerLicense);
  const batchShort = countBy(
    sales.filter((_, i) => ttc[i]! < SHORT_TTC_DAYS),
    (s) => s.dealerLicense,
  );
  const batchShortAll = ttc.filter((d) => d < SHORT_TTC_DAYS).length;
  const people = new Map((await findRecords(tx, buyers)).map((r) => [r.id, r.caption]));
  const recoveries = new Set(
    (
      await findRecords(
        tx,
        done.map((d) => d.request.recovery_id).filter((x): x is string => !!x),
      )
    )
      .filter((r) => r.schema === 'Recovery')
      .map((r) => r.id),
  );

  const results: NewTraceResult[] = [];
  const purchasers: NewPurchaser[] = [];
  const links: NewLinkVersion[] = [];
  done.forEach(({ request, chosen }, i) => {
    const sale = chosen.candidate;
    const days = ttc[i]!;
    const dealer = dealers.byDealer.get(sale.dealerLicense) ?? { traces: 0, shortTtc: 0 };
    const indicators = indicatorsOf({
      sale,
      timeToCrimeDays: days,
      recoveryCountry: request.recovery_country,
      buyerSales: near.filter((n) => n.buyerId === sale.buyerId),
      purchaserRecovered: sale.buyerId
        ? (earlier.get(sale.buyerId) ?? 0) + (inBatch.get(sale.buyerId) ?? 0)
        : 1,
      dealer: {
        traces: dealer.traces + (batchDealers.get(sale.dealerLicense) ?? 0),
        shortTtc: dealer.shortTtc + (batchShort.get(sale.dealerLicense) ?? 0),
      },
      allDealers: {
        traces: dealers.all.traces + done.length,
        shortTtc: dealers.all.shortTtc + batchShortAll,
      },
    });
    const name = sale.buyerId ? people.get(sale.buyerId) : undefined;
    results.push({
      request_id: request.id,
      firearm_id: sale.firearmId,
      sale_id: sale.saleId,
      sale_date: sale.saleDate,
      dealer_name: sale.dealerName,
      dealer_license: sale.dealerLicense,
      dealer_state: sale.dealerState,
      sale_country: sale.country,
      time_to_crime_days: days,
      reasons: chosen.reasons,
      indicators,
      buyer_id: name !== undefined ? sale.buyerId : null,
      traced_by: viewer.userId,
    });
    if (name !== undefined && sale.buyerId) {
      purchasers.push({
        request_id: request.id,
        person_id: sale.buyerId,
        name,
        agency: viewer.agency,
        created_by: viewer.userId,
        ...disclosure,
      });
    }
    if (request.recovery_id && recoveries.has(request.recovery_id)) {
      links.push({
        link_id: newId(),
        version: 1,
        link_type: 'recovered_in',
        source_id: sale.firearmId,
        target_id: request.recovery_id,
        agency: viewer.agency,
        created_by: viewer.userId,
        changed_by: viewer.userId,
        change: 'create',
        source_ref: `trace:${request.id}`,
        properties: {},
        retracted: false,
        ...disclosure,
      });
    }
  });
  await insertTraceResults(tx, results, purchasers, SHORT_TTC_DAYS);
  await appendLinkVersions(tx, links);
}
