import { foldText } from '../text/index.js';
import { sameImporter, type Maker } from './makers.js';
import { fitsPattern } from './serial-pattern.js';
import type { SerialReading } from './serial.js';
import type { FirearmDescription, RankedCandidate, Reason, SaleCandidate } from './types.js';

/** What a trace compares the sales with: the request's gun, read, and when it was recovered. */
export interface TraceQuery {
  maker: Maker;
  serial: Extract<SerialReading, { kind: 'full' | 'partial' }>;
  firearm: FirearmDescription;
  recoveredOn: string;
}

/*
 * Points per piece of evidence. A whole serial under the right maker is nearly conclusive on its
 * own; a partial one is worth its legible characters. Model, type and calibre confirm or
 * contradict it: a pistol recovered is not the rifle sold under a similar serial.
 */
const POINTS = {
  serialExact: 10,
  serialPerLegible: 1,
  agrees: 2,
  typeDiffers: -8,
  modelDiffers: -3,
  caliberDiffers: -4,
  importerAgrees: 1,
} as const;

/** Compared without case, accents, spaces or punctuation: "AR-15" is "ar15". */
const squash = (s: string | undefined) => foldText(s ?? '').replace(/[^a-z0-9]/gu, '');

/** Calibres compared by their leading figure: "5.56x45mm" and "5.56 NATO", ".38 Super" and "38". */
function caliberKey(s: string | undefined): string {
  const digits = (s ?? '').replace(',', '.').match(/\d+(?:\.\d+)?/u)?.[0];
  if (digits) return String(Number(digits.startsWith('.') ? `0${digits}` : digits));
  return squash(s);
}

function compare(
  reasons: Reason[],
  what: 'model' | 'type' | 'caliber',
  asked: string,
  sold: string,
  differs: number,
): number {
  if (!asked || !sold) return 0;
  if (asked === sold) {
    reasons.push({ code: `${what}_agrees` });
    return POINTS.agrees;
  }
  reasons.push({ code: `${what}_differs`, params: { sold } });
  return differs;
}

/** Scores one sale against the request, with the reasons for the score. */
export function scoreCandidate(q: TraceQuery, c: SaleCandidate): RankedCandidate | null {
  if (c.saleDate > q.recoveredOn) return null;
  const reasons: Reason[] = [];
  let score = 0;
  if (q.serial.kind === 'full') {
    if (c.serialKey !== q.serial.key) return null;
    reasons.push({ code: 'serial_exact' });
    score += POINTS.serialExact;
  } else {
    if (!fitsPattern(c.serialKey, q.serial.pattern)) return null;
    reasons.push({ code: 'serial_partial', params: { legible: q.serial.known } });
    score += q.serial.known * POINTS.serialPerLegible;
  }
  const f = q.firearm;
  score += compare(reasons, 'type', f.type ?? '', c.type, POINTS.typeDiffers);
  score += compare(reasons, 'model', squash(f.model), squash(c.model), POINTS.modelDiffers);
  score += compare(
    reasons,
    'caliber',
    caliberKey(f.caliber),
    caliberKey(c.caliber),
    POINTS.caliberDiffers,
  );
  if (f.importer && c.importer && sameImporter(f.importer, c.importer)) {
    reasons.push({ code: 'importer_agrees' });
    score += POINTS.importerAgrees;
  }
  return { candidate: c, score, reasons };
}

/**
 * The sales a request may have come from, best first. Ties go to the sale nearest before the
 * recovery (a gun is more often recovered soon after a sale than years later), then by id, so
 * the order never depends on the order the database returned them in.
 */
export function rankCandidates(q: TraceQuery, sales: readonly SaleCandidate[]): RankedCandidate[] {
  return sales
    .map((c) => scoreCandidate(q, c))
    .filter((r): r is RankedCandidate => r !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.saleDate.localeCompare(a.candidate.saleDate) ||
        a.candidate.firearmId.localeCompare(b.candidate.firearmId),
    );
}
