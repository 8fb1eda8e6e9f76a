import type { Db } from '../../storage/database.js';
import { matchOnArrival } from './match-on-arrival.js';
import { RESOLVED_SCHEMAS } from './schemas.js';

/**
 * Matches a person or organization that was just created, changed or retracted. The change
 * itself has committed: if matching fails, the record stands and the next `puente resolve`
 * places it, so the failure is reported, not returned to the contributor.
 */
export async function matchAfterChange(db: Db, record: { id: string; schema: string }) {
  if (!RESOLVED_SCHEMAS.includes(record.schema)) return;
  try {
    await matchOnArrival(db, [record.id]);
  } catch (err) {
    process.emitWarning(`entity matching of record ${record.id} failed: ${(err as Error).message}`);
  }
}
