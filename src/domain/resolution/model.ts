import { FEATURES, levelsOf, MISSING, type Comparison } from './features.js';
import type { EntityKind } from './profile.js';

/**
 * A Fellegi–Sunter model: for each feature and level, the probability of that agreement among
 * true matches (m) and among random pairs (u). The evidence of a level is log2(m / u) bits; a
 * match on a name value is then re-weighed by how common that value is (term frequency).
 */
export interface MatchModel {
  kind: EntityKind;
  /** Share of all pairs of records that are matches (the prior), as u is over all pairs. */
  lambda: number;
  m: number[][];
  u: number[][];
  /** Share of records carrying each name value ("s:garcia": 0.03). */
  frequencies: Record<string, number>;
  /** Below this share a value counts as this rare: one record in the data set. */
  minFrequency: number;
  /** Posterior probability from which two records are the same entity. */
  matchProbability: number;
  /** From this probability a pair is shown for review when it is not a match. */
  reviewProbability: number;
  /** Pairs and iterations behind the estimate, for the record. */
  trainedOn: { pairs: number; randomPairs: number; labelled: number; iterations: number };
}

// Starting points, and the whole model before any data has been seen: m from what partners'
// records of one person typically show, u from what two strangers typically share.
const PRIOR: Readonly<Record<EntityKind, Record<string, { m: number[]; u: number[] }>>> = {
  person: {
    given: { m: [0.6, 0.15, 0.1, 0.04, 0.06, 0.05], u: [0.02, 0.01, 0.01, 0.02, 0.04, 0.9] },
    surname: { m: [0.45, 0.3, 0.1, 0.1, 0.05], u: [0.0005, 0.01, 0.005, 0.02, 0.9645] },
    birthDate: { m: [0.88, 0.04, 0.03, 0.03, 0.02], u: [0.0001, 0.0001, 0.02, 0.003, 0.9768] },
    curp: { m: [0.99, 0.01], u: [0.00001, 0.99999] },
    document: { m: [1], u: [0.00001] },
    phone: { m: [1], u: [0.0001] },
    email: { m: [1], u: [0.00001] },
    gender: { m: [0.97, 0.03], u: [0.5, 0.5] },
    nationality: { m: [0.95, 0.05], u: [0.4, 0.6] },
    alias: { m: [1], u: [0.02] },
    acronym: { m: [0.95, 0.05], u: [0.001, 0.999] },
  },
  organization: {
    name: { m: [0.6, 0.25, 0.1, 0.05], u: [0.0005, 0.002, 0.01, 0.9875] },
    registration: { m: [0.95, 0.05], u: [0.00001, 0.99999] },
    jurisdiction: { m: [0.95, 0.05], u: [0.4, 0.6] },
    phone: { m: [1], u: [0.0001] },
    email: { m: [1], u: [0.00001] },
  },
};

export const MATCH_PROBABILITY = 0.8;
export const REVIEW_PROBABILITY = 0.2;

export function priorModel(kind: EntityKind): MatchModel {
  const features = FEATURES[kind];
  return {
    kind,
    // About one pair in 100,000 among a few thousand records of a few hundred people each
    // seen twice; every run re-estimates it from the data.
    lambda: 1e-5,
    m: features.map((f) => [...PRIOR[kind][f]!.m]),
    u: features.map((f) => [...PRIOR[kind][f]!.u]),
    frequencies: {},
    minFrequency: 1e-6,
    matchProbability: MATCH_PROBABILITY,
    reviewProbability: REVIEW_PROBABILITY,
    trainedOn: { pairs: 0, randomPairs: 0, labelled: 0, iterations: 0 },
  };
}

export interface Contribution {
  feature: string;
  level: string;
  m: number;
  u: number;
  /** log2(m / u), in bits. */
  weight: number;
  /** The term-frequency correction of a name match, in bits (negative for a common name). */
  frequencyAdjustment: number;
  /** The value whose frequency was used ("garcia"), when one was. */
  value?: string;
  frequency?: number;
}

export interface Score {
  /** Total evidence in bits, prior excluded. */
  weight: number;
  probability: number;
  contributions: Contribution[];
  conflict: Comparison['conflict'];
}

const log2 = Math.log2;
const priorBits = (lambda: number) => log2(lambda / (1 - lambda));

export const probabilityOf = (model: MatchModel, weight: number): number =>
  1 / (1 + 2 ** -(weight + priorBits(model.lambda)));

/** The weight a pair needs to reach a posterior probability. */
export const weightFor = (model: MatchModel, probability: number): number =>
  log2(probability / (1 - probability)) - priorBits(model.lambda);

const FEATURE_OF_KEY: Readonly<Record<string, string>> = {
  s: 'surname',
  ss: 'surname',
  g: 'given',
  o: 'name',
};

function frequencyBits(model: MatchModel, feature: number, level: number, key: string) {
  const value = key.slice(key.indexOf(':') + 1);
  const u = model.u[feature]![level]!;
  // Before any data has been seen there is nothing to compare a name's frequency with.
  if (!model.trainedOn.pairs) return { value, frequency: u, bits: 0 };
  const known = model.frequencies[key];
  if (known === undefined) {
    // Rarer than the kept frequencies go: at least as strong as an average agreement. The floor
    // is a bound, not a frequency, and must not make a rare name count as a common one.
    const bits = Math.max(0, log2(u / model.minFrequency));
    return { value, frequency: model.minFrequency, bits };
  }
  const frequency = Math.max(known, model.minFrequency);
  // The level's u is an average over values; a value rarer than average is stronger evidence.
  return { value, frequency, bits: log2(u / frequency) };
}

/** The evidence of a compared pair, feature by feature. */
export function scoreComparison(model: MatchModel, c: Comparison, explain = false): Score {
  const features = FEATURES[model.kind];
  let weight = 0;
  const contributions: Contribution[] = [];
  const adjustments = new Map<string, ReturnType<typeof frequencyBits>>();
  for (const key of c.frequencyKeys) {
    const feature = FEATURE_OF_KEY[key.slice(0, key.indexOf(':'))];
    if (feature) {
      const f = features.indexOf(feature);
      const level = c.levels[f]!;
      if (level !== MISSING) adjustments.set(feature, frequencyBits(model, f, level, key));
    }
  }
  for (let f = 0; f < features.length; f++) {
    const level = c.levels[f]!;
    if (level === MISSING) continue;
    const m = model.m[f]![level]!;
    const u = model.u[f]![level]!;
    const bits = log2(m / u);
    const adjustment = adjustments.get(features[f]!);
    // Only a rarer-than-average value strengthens a match and a common one weakens it; a
    // disagreement is not re-weighed.
    const tf = adjustment ? adjustment.bits : 0;
    weight += bits + tf;
    if (explain)
      contributions.push({
        feature: features[f]!,
        level: levelsOf(model.kind, features[f]!)[level]!,
        m,
        u,
        weight: bits,
        frequencyAdjustment: tf,
        ...(adjustment ? { value: adjustment.value, frequency: adjustment.frequency } : {}),
      });
  }
  return { weight, probability: probabilityOf(model, weight), contributions, conflict: c.conflict };
}
