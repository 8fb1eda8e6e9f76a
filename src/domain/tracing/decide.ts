import type { Maker } from './makers.js';
import type { SerialReading } from './serial.js';
import type { FinalStatus } from './status.js';
import type { FirearmDescription, RankedCandidate, Reason } from './types.js';

export type TraceDecision =
  | { status: FinalStatus; reason: Reason; chosen: RankedCandidate | null }
  /** Several sales fit about equally: the tracer picks one from the ranked candidates. */
  | { status: 'in_progress'; reason: Reason; chosen: null };

/** A partial serial's best sale must lead the next by this many points to be taken unasked. */
const PARTIAL_MARGIN = 3;

/**
 * A partial serial names a sale unasked only while at most this many of the sale's serial
 * characters are unread. With more, other guns fit by chance about as often as the gun itself
 * (in the trace benchmark, 5 legible characters of 9 named the wrong purchaser in 7 answers of
 * 10), and naming a purchaser discloses a person: the candidates stay for the tracer.
 */
export const MAX_UNREAD = 3;

const contradicts = (r: RankedCandidate) => r.reasons.some((x) => x.code.endsWith('_differs'));

/** A gun made abroad enters US commerce through a licensed importer, whose mark it carries. */
function foreignWithoutImporter(maker: Maker, f: FirearmDescription): boolean {
  const made = f.countryOfManufacture || maker.country;
  return made !== 'US' && !f.importer?.trim();
}

/** What a trace concludes from the sales that fit the request, best first. */
export function decideTrace(
  maker: Maker,
  reading: SerialReading,
  firearm: FirearmDescription,
  ranked: readonly RankedCandidate[],
): TraceDecision {
  if (reading.kind === 'obliterated') {
    return { status: 'serial_obliterated', reason: { code: 'serial_obliterated' }, chosen: null };
  }
  const [best, next] = ranked;
  if (!best) {
    if (foreignWithoutImporter(maker, firearm)) {
      return {
        status: 'not_traceable',
        reason: { code: 'foreign_without_importer', params: { maker: maker.name } },
        chosen: null,
      };
    }
    const code = reading.kind === 'partial' ? 'no_sale_fits_partial' : 'no_sale_record';
    return { status: 'no_record_found', reason: { code }, chosen: null };
  }
  const margin = reading.kind === 'full' ? 1 : PARTIAL_MARGIN;
  const clear = !next || best.score - next.score >= margin;
  const unread = reading.kind === 'partial' ? best.candidate.serialKey.length - reading.known : 0;
  if (clear && !contradicts(best) && unread > MAX_UNREAD) {
    return {
      status: 'in_progress',
      reason: {
        code: 'partial_too_vague',
        params: {
          legible: reading.kind === 'partial' ? reading.known : 0,
          length: best.candidate.serialKey.length,
        },
      },
      chosen: null,
    };
  }
  if (clear && !contradicts(best)) {
    return { status: 'completed', reason: { code: 'sale_found' }, chosen: best };
  }
  return {
    status: 'in_progress',
    reason: { code: 'candidates_to_review', params: { candidates: ranked.length } },
    chosen: null,
  };
}
