import { sql } from 'kysely';
import { newId } from '../../src/domain/ids.js';
import type { Call } from '../../src/services/context.js';
import { createRecord } from '../../src/services/records/create-record.js';
import type { Db } from '../../src/storage/database.js';

/** Shared among the three partners. */
export const TRILATERAL = { marking: 'TLP:GREEN' };
/** Kept in Mexico: FGR and other Mexican agencies see it; US and Canadian agencies do not. */
export const MX_ONLY = { marking: 'TLP:AMBER', relCountries: ['MX'] };
/** Shared between Mexico and the United States. */
export const US_MX = { marking: 'TLP:AMBER', relCountries: ['US', 'MX'] };

/** The committee's follow-up session, as the secretariat enters it. */
export const THIRD_SESSION = {
  name: 'Trilateral Fentanyl Committee — third session',
  date: '2025-03-05',
  endDate: '2025-03-06',
  place: 'Ciudad de México',
  countries: ['MX', 'US', 'CA'],
  topics: ['fentanyl_precursors', 'firearms'],
};

const values = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]));

export async function recordOf(
  call: Call,
  schema: string,
  props: Record<string, string>,
  sharing: object = TRILATERAL,
): Promise<string> {
  return (await createRecord(call, { schema, ...sharing, properties: values(props) })).id;
}

/** A trace request as the tracing tables hold it, written by the owner (no trace run needed). */
export async function traceRequestRow(
  db: Db,
  by: { agency: string; userId: string },
  submittedAt: string,
  answeredAt: string | null,
): Promise<string> {
  const id = newId();
  await sql`INSERT INTO puente.trace_request (id, agency, requested_by, priority, status, firearm,
      maker, serial_key, serial_full, recovery, recovered_on, recovery_country, submitted_at,
      deadline_at, answered_at)
    VALUES (${id}::uuid, ${by.agency}, ${by.userId}::uuid, 'routine',
      ${answeredAt ? 'completed' : 'submitted'}, '{"make":"Colt"}', 'COLT', ${id}, true,
      '{"date":"2024-12-01","country":"MX"}', '2024-12-01', 'MX', ${submittedAt}::timestamptz,
      ${submittedAt}::timestamptz + interval '7 days', ${answeredAt}::timestamptz)`.execute(db);
  return id;
}

/** Everything the tracker writes: a refused request must leave every count as it was. */
export async function storedRows(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT (
      (SELECT count(*) FROM puente.record_version) + (SELECT count(*) FROM puente.link_version)
      + (SELECT count(*) FROM puente.commitment_evidence)
      + (SELECT count(*) FROM puente.commitment_indicator))::int AS n`.execute(db);
  return rows[0]!.n;
}

/** What a promise was refused with. */
export async function refusal(p: Promise<unknown>): Promise<{
  code: string;
  params: Record<string, unknown>;
  details: { code: string; field?: string; value?: string; expected?: string }[];
}> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected a refusal');
}
