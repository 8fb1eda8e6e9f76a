import { sql } from 'kysely';
import type { TraceFact } from '../domain/tracing/stats.js';
import type { Reason } from '../domain/tracing/types.js';
import type { Tx } from './session.js';

export interface NewTraceResult {
  request_id: string;
  firearm_id: string;
  sale_id: string;
  sale_date: string;
  dealer_name: string;
  dealer_license: string;
  dealer_state: string;
  sale_country: string;
  time_to_crime_days: number;
  reasons: Reason[];
  indicators: Reason[];
  buyer_id: string | null;
  traced_by: string;
}

export interface NewPurchaser {
  request_id: string;
  person_id: string;
  name: string;
  agency: string;
  created_by: string;
  marking: string;
  rel_to: string[];
  recipients: string[];
}

export interface TraceResultRow extends Omit<NewTraceResult, 'buyer_id'> {
  traced_at: string;
  /** Present only where the purchaser's disclosure reaches the viewer. */
  purchaser: {
    person_id: string;
    name: string;
    marking: string;
    rel_to: string[];
    recipients: string[];
  } | null;
}

/**
 * Writes traces' results and purchasers, and counts the results into their dealers' tally
 * (migration 0014), where a short time-to-crime is under `shortTtcDays`. Dealers are counted in
 * licence order, so that two runs writing at once wait for each other rather than deadlock.
 */
export async function insertTraceResults(
  tx: Tx,
  results: readonly NewTraceResult[],
  purchasers: readonly NewPurchaser[],
  shortTtcDays: number,
): Promise<void> {
  if (results.length) {
    await sql`INSERT INTO puente.trace_result (request_id, firearm_id, sale_id, sale_date,
        dealer_name, dealer_license, dealer_state, sale_country, time_to_crime_days, reasons,
        indicators, buyer_id, traced_by)
      SELECT request_id, firearm_id, sale_id, sale_date, dealer_name, dealer_license,
        dealer_state, sale_country, time_to_crime_days, reasons, indicators, buyer_id, traced_by
      FROM json_populate_recordset(NULL::puente.trace_result, ${JSON.stringify(results)}::json)`.execute(
      tx,
    );
    const tally = new Map<string, { traces: number; short: number }>();
    for (const r of results) {
      const t = tally.get(r.dealer_license) ?? { traces: 0, short: 0 };
      t.traces++;
      if (r.time_to_crime_days < shortTtcDays) t.short++;
      tally.set(r.dealer_license, t);
    }
    const licenses = [...tally.keys()].sort();
    await sql`INSERT INTO puente.trace_dealer_tally AS d (dealer_license, traces, short_ttc)
      SELECT * FROM unnest(${licenses}::text[], ${licenses.map((l) => tally.get(l)!.traces)}::int[],
        ${licenses.map((l) => tally.get(l)!.short)}::int[])
      ON CONFLICT (dealer_license) DO UPDATE
        SET traces = d.traces + excluded.traces, short_ttc = d.short_ttc + excluded.short_ttc`.execute(
      tx,
    );
  }
  if (purchasers.length) {
    await sql`INSERT INTO puente.trace_purchaser (request_id, person_id, name, agency, created_by,
        marking, rel_to, recipients)
      SELECT request_id, person_id, name, agency, created_by, marking, rel_to, recipients
      FROM json_populate_recordset(NULL::puente.trace_purchaser, ${JSON.stringify(purchasers)}::json)`.execute(
      tx,
    );
  }
}

export async function findTraceResults(
  tx: Tx,
  requestIds: readonly string[],
): Promise<TraceResultRow[]> {
  if (!requestIds.length) return [];
  const { rows } = await sql<TraceResultRow & { request_id: string }>`
    SELECT t.request_id, t.firearm_id, t.sale_id, t.sale_date::text AS sale_date, t.dealer_name,
      t.dealer_license, t.dealer_state, t.sale_country, t.time_to_crime_days, t.reasons,
      t.indicators, t.traced_by, t.traced_at,
      CASE WHEN p.request_id IS NOT NULL THEN json_build_object('person_id', p.person_id,
        'name', p.name, 'marking', p.marking, 'rel_to', p.rel_to, 'recipients', p.recipients)
      END AS purchaser
    FROM puente.trace_result t
    LEFT JOIN puente.trace_purchaser p ON p.request_id = t.request_id
    WHERE t.request_id = ANY (${requestIds}::uuid[])`.execute(tx);
  return rows;
}

/** How many visible completed traces each of these purchasers has. */
export async function tracesPerBuyer(
  tx: Tx,
  buyerIds: readonly string[],
): Promise<Map<string, number>> {
  if (!buyerIds.length) return new Map();
  const { rows } = await sql<{ buyer_id: string; n: number }>`
    SELECT buyer_id, count(*)::int AS n FROM puente.trace_result
    WHERE buyer_id = ANY (${buyerIds}::uuid[]) GROUP BY buyer_id`.execute(tx);
  return new Map(rows.map((r) => [r.buyer_id, r.n]));
}

export interface DealerCounts {
  traces: number;
  shortTtc: number;
}

/** Completed traces of these dealers and over all dealers, and how many had a short TTC. */
export async function tracesPerDealer(
  tx: Tx,
  licenses: readonly string[],
): Promise<{ byDealer: Map<string, DealerCounts>; all: DealerCounts }> {
  const { rows } = await sql<{ license: string | null; traces: number; short: number }>`
    SELECT dealer_license AS license, traces, short_ttc AS short FROM puente.trace_dealer_tally
    WHERE dealer_license = ANY (${[...new Set(licenses)]}::text[])
    UNION ALL
    SELECT NULL, coalesce(sum(traces), 0)::int, coalesce(sum(short_ttc), 0)::int
    FROM puente.trace_dealer_tally`.execute(tx);
  const byDealer = new Map<string, DealerCounts>();
  let all: DealerCounts = { traces: 0, shortTtc: 0 };
  for (const r of rows) {
    const counts = { traces: r.traces, shortTtc: r.short };
    if (r.license === null) all = counts;
    else byDealer.set(r.license, counts);
  }
  return { byDealer, all };
}

/** Every visible request as the statistics count it. */
export async function readTraceFacts(tx: Tx): Promise<TraceFact[]> {
  const { rows } = await sql<TraceFact>`
    SELECT q.status, coalesce(q.firearm->>'type', '') AS type,
      q.recovered_on::text AS "recoveredOn", q.recovery_country AS "recoveryCountry",
      coalesce(q.recovery->>'state', '') AS "recoveryState",
      t.sale_country AS "saleCountry", t.dealer_state AS "dealerState",
      t.time_to_crime_days AS "timeToCrimeDays"
    FROM puente.trace_request q LEFT JOIN puente.trace_result t ON t.request_id = q.id`.execute(tx);
  return rows;
}
