import { sql } from 'kysely';
import type { Tx } from './session.js';

// The dashboard's counts, read as the viewer: row-level security decides which seizures exist,
// so a seizure not shared with the viewer is never counted.

export type SeizureDimension = 'month' | 'drug' | 'port' | 'country';

export interface SeizureCount {
  /** `total` is the number of seizures in the window, with an empty value. */
  dimension: SeizureDimension | 'total';
  value: string;
  count: number;
}

/**
 * Seizures dated in [from, before) counted by month, by drug, by port of entry and by country
 * (a seizure with two drugs counts under each). One statement: the window's seizures are read
 * once and grouped four ways.
 */
export async function countSeizures(
  tx: Tx,
  q: { from: string; before: string },
): Promise<SeizureCount[]> {
  const { rows } = await sql<SeizureCount>`
    WITH s AS MATERIALIZED (
      SELECT r.event_date, r.countries,
        COALESCE(r.properties -> 'drug', '[]'::jsonb) AS drug,
        COALESCE(r.properties -> 'portOfEntry', '[]'::jsonb) AS port
      FROM puente.record r
      WHERE r.schema = 'Seizure' AND NOT r.retracted
        AND r.event_date >= ${q.from}::date AND r.event_date < ${q.before}::date)
    SELECT 'month' AS dimension, to_char(s.event_date, 'YYYY-MM') AS value, count(*)::int AS count
      FROM s GROUP BY 2
    UNION ALL
    SELECT 'drug', d.value, count(*)::int
      FROM s CROSS JOIN LATERAL jsonb_array_elements_text(s.drug) AS d(value) GROUP BY 2
    UNION ALL
    SELECT 'port', p.value, count(*)::int
      FROM s CROSS JOIN LATERAL jsonb_array_elements_text(s.port) AS p(value) GROUP BY 2
    UNION ALL
    SELECT 'country', c.value, count(*)::int
      FROM s CROSS JOIN LATERAL unnest(s.countries) AS c(value) GROUP BY 2
    UNION ALL
    SELECT 'total', '', count(*)::int FROM s`.execute(tx);
  return rows;
}
