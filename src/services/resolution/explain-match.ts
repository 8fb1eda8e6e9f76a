import { AppError, notFound } from '../../domain/errors.js';
import { compare } from '../../domain/resolution/compare.js';
import { scoreComparison, weightFor, type Contribution } from '../../domain/resolution/model.js';
import { decisionsAmong } from '../../storage/resolution.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { modelFor } from './models.js';
import { loadPrepared } from './prepared.js';
import { viewerEntity } from './viewer-entity.js';

export interface MatchExplanation {
  a: string;
  b: string;
  kind: 'person' | 'organization';
  /** Each feature's evidence, in bits (log2 m/u), with its name-frequency correction. */
  features: Contribution[];
  /** Evidence before the prior, in bits. */
  weight: number;
  /** The prior (share of candidate pairs that match), in bits. */
  priorWeight: number;
  probability: number;
  /** The probability from which a pair is a match, and the weight that takes. */
  matchProbability: number;
  matchWeight: number;
  /** A hard reason the two can never be one entity, whatever the score. */
  conflict: 'curp' | 'birthDate' | null;
  /** The analyst's decision in force on this pair, if any. */
  decision: string | null;
  /** Whether the viewer's entity of `a` includes `b`. */
  sameEntity: boolean;
}

/** Why two records are (or are not) the same entity, feature by feature. */
export async function explainMatch(call: Call, a: string, b: string): Promise<MatchExplanation> {
  return audited(
    call,
    'entity.explain',
    { a, b },
    async (tx) => {
      const set = await loadPrepared(tx, [a, b]);
      const pa = set.prepared[set.ids.indexOf(a)];
      const pb = set.prepared[set.ids.indexOf(b)];
      // An unseen record answers like a missing one, whichever of the two it is.
      if (!pa) throw notFound('record', a);
      if (!pb) throw notFound('record', b);
      if (a === b || pa.kind !== pb.kind)
        throw new AppError('validation_failed', {}, [
          {
            code: 'not_comparable',
            field: 'b',
            value: b,
            expected: 'another record of the same kind (person or organization)',
          },
        ]);
      const model = await modelFor(tx, pa.kind);
      const score = scoreComparison(model, compare(pa, pb), true);
      const [x, y] = a < b ? [a, b] : [b, a];
      const decision = (await decisionsAmong(tx, [x, y]))[0]?.verdict ?? null;
      const entity = await viewerEntity(tx, a);
      return {
        result: {
          a,
          b,
          kind: pa.kind,
          features: score.contributions,
          weight: score.weight,
          priorWeight: Math.log2(model.lambda / (1 - model.lambda)),
          probability: score.probability,
          matchProbability: model.matchProbability,
          matchWeight: weightFor(model, model.matchProbability),
          conflict: score.conflict,
          decision,
          sameEntity: entity?.members.includes(b) ?? false,
        },
        ids: [a, b],
      };
    },
    { readOnly: true },
  );
}
