/**
 * A closer look at a resolution the benchmark left in its database: the false negatives (two
 * records of one person in different entities) and false positives (records of two people in
 * one entity), each pair with the evidence the stored model gives it, and what the ground truth
 * says the model's m and u should be.
 *
 *   npx tsx bench/lib/resolve/diagnose.ts                      # puente_resolve_1000000
 *   npx tsx bench/lib/resolve/diagnose.ts --records 100000 --limit 30
 *   npx tsx bench/lib/resolve/diagnose.ts --url postgres://u@host:5432/puente_resolve_20000
 *   npx tsx bench/lib/resolve/diagnose.ts --candidates no   # skip comparing every candidate pair
 *
 * Run `npm run bench -- resolve` first (it leaves a database per size). Reads everything in memory:
 * about 2 KB per record.
 */
import { parseArgs } from 'node:util';
import {
  blockingKeys,
  candidatePairs,
  MAX_BLOCK,
} from '../../../src/domain/resolution/blocking.js';
import { compare } from '../../../src/domain/resolution/compare.js';
import { FEATURES, levelsOf, MISSING } from '../../../src/domain/resolution/features.js';
import {
  scoreComparison,
  weightFor,
  type MatchModel,
  type Score,
} from '../../../src/domain/resolution/model.js';
import { modelFor } from '../../../src/services/resolution/models.js';
import { openDatabase } from '../../../src/storage/database.js';
import { asOperator } from '../../../src/storage/session.js';
import { Random } from '../../../src/synth/random.js';
import { databaseUrl } from './database.js';
import { evaluate, groupsOf, type EvaluationData, type TruthRecord } from './metrics.js';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    /** The size of the benchmark run to look at (its database is puente_resolve_N). */
    records: { type: 'string', default: '1000000' },
    database: { type: 'string' },
    limit: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    /** Compare every candidate pair for the model check (default: up to 200,000 records). */
    candidates: { type: 'string', default: 'auto' },
  },
});
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const url =
  args.url ?? databaseUrl(serverUrl, args.database ?? `puente_resolve_${Number(args.records)}`);
const limit = Number(args.limit);
const log = (m: string) => process.stderr.write(`${m}\n`);

interface Pair {
  i: number;
  j: number;
  cause: string;
  score: Score;
}

const SHOWN = [
  'name',
  'firstName',
  'fatherName',
  'motherName',
  'lastName',
  'birthDate',
  'curp',
  'alias',
  'nationality',
  'gender',
];

function describeRecord(r: TruthRecord): string {
  const props = SHOWN.filter((p) => r.properties[p]?.length)
    .map((p) => `${p}=${r.properties[p]!.join('|')}`)
    .join('  ');
  return `${r.source.padEnd(8)} P-${r.person}  ${props}`;
}

function describeScore(s: Score): string {
  return s.contributions
    .map((c) => {
      const tf = c.frequencyAdjustment
        ? ` tf ${c.frequencyAdjustment >= 0 ? '+' : ''}${c.frequencyAdjustment.toFixed(1)} (${c.value} ${c.frequency?.toPrecision(2)})`
        : '';
      return `${c.feature}=${c.level} ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(1)}${tf}`;
    })
    .join(', ');
}

/** Up to `n` pairs, spread over the causes, in a seeded random order. */
function sample(pairs: Pair[], n: number, r: Random): Pair[] {
  const byCause = new Map<string, Pair[]>();
  for (const p of pairs) {
    const list = byCause.get(p.cause);
    if (list) list.push(p);
    else byCause.set(p.cause, [p]);
  }
  const lists = [...byCause.values()].map((l) => r.sample(l, n));
  const out: Pair[] = [];
  for (let k = 0; out.length < n && lists.some((l) => l.length > k); k++)
    for (const l of lists) if (l[k] && out.length < n) out.push(l[k]!);
  return out;
}

function tally(pairs: Pair[]): string {
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p.cause, (counts.get(p.cause) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
}

function printPairs(title: string, pairs: Pair[], data: EvaluationData, model: MatchModel) {
  const matchWeight = weightFor(model, model.matchProbability);
  console.log(`\n## ${title}: ${pairs.length} pairs (${tally(pairs)})\n`);
  for (const p of sample(pairs, limit, new Random(Number(args.seed)))) {
    const s = p.score;
    console.log(
      `[${p.cause}] P=${s.probability.toFixed(3)} weight ${s.weight.toFixed(1)} (match from ${matchWeight.toFixed(1)})${s.conflict ? ` conflict=${s.conflict}` : ''}`,
    );
    console.log(`  a ${describeRecord(data.rows[p.i]!)}`);
    console.log(`  b ${describeRecord(data.rows[p.j]!)}`);
    console.log(`  ${describeScore(s)}`);
  }
}

/**
 * True pairs by what the two records say of the birth date (written, or carried by a valid
 * CURP): both, one, neither; with how many the resolver found. A pair of records with nothing
 * but a name in common is what no score can tell from two namesakes.
 */
function printEvidence(data: EvaluationData) {
  const prepared = data.prepared!;
  const classes = new Map<string, { pairs: number; found: number; blocked: number }>();
  for (const g of groupsOf(data.truth))
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x]!;
        const j = g[y]!;
        const dated = [i, j].filter((k) => {
          const p = prepared[k]!;
          return p.kind === 'person' && p.profile.birthDates.length > 0;
        }).length;
        const key = ['no birth date', 'one birth date', 'both birth dates'][dated]!;
        const c = classes.get(key) ?? { pairs: 0, found: 0, blocked: 0 };
        c.pairs++;
        if (data.entity[i] === data.entity[j]) c.found++;
        if (data.keys.shared(i, j).compared) c.blocked++;
        classes.set(key, c);
      }
  const total = [...classes.values()].reduce((s, c) => s + c.pairs, 0);
  console.log('\n## True pairs by birth-date evidence\n');
  for (const [key, c] of [...classes].sort((a, b) => b[1].pairs - a[1].pairs))
    console.log(
      `  ${key.padEnd(17)} ${String(c.pairs).padStart(8)} pairs (${((100 * c.pairs) / total).toFixed(1)}%), blocked ${((100 * c.blocked) / c.pairs).toFixed(1)}%, found ${((100 * c.found) / c.pairs).toFixed(1)}%`,
    );
}

/** Levels among pairs, per feature, as shares of the pairs where the feature is present. */
function levelShares(levels: Int8Array[]): number[][] {
  return FEATURES.person.map((_, f) => {
    const counts = levelsOf('person', FEATURES.person[f]!).map(() => 0);
    let present = 0;
    for (const l of levels) {
      const level = l[f]!;
      if (level === MISSING) continue;
      counts[level]!++;
      present++;
    }
    return counts.map((c) => (present ? c / present : 0));
  });
}

/**
 * The stored model beside what the truth says: m from the true pairs that blocking compares,
 * u from random pairs of different people, the prior from the true pairs among the candidate
 * pairs the model was trained on; with `candidates`, also the levels among the candidate pairs
 * that are not matches (all candidate pairs compared: slow above a few hundred thousand records).
 */
function printModelCheck(data: EvaluationData, model: MatchModel, candidates: boolean) {
  const prepared = data.prepared!;
  const n = prepared.length;
  const levels = (i: number, j: number) => compare(prepared[i]!, prepared[j]!).levels;
  const matchLevels: Int8Array[] = [];
  for (const g of groupsOf(data.truth))
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++)
        if (data.keys.shared(g[x]!, g[y]!).compared) matchLevels.push(levels(g[x]!, g[y]!));
  const r = new Random(7);
  const randomLevels: Int8Array[] = [];
  for (let k = 0; k < 100_000; k++) {
    const i = r.int(0, n - 1);
    const j = r.int(0, n - 1);
    if (i !== j && data.truth[i] !== data.truth[j]) randomLevels.push(levels(i, j));
  }
  const nonMatchLevels: Int8Array[] = [];
  let candidateCount = model.trainedOn.pairs;
  if (candidates) {
    const { pairs } = candidatePairs(prepared.map(blockingKeys));
    candidateCount = pairs.length / 2;
    for (let k = 0; k < pairs.length; k += 2) {
      const i = pairs[k]!;
      const j = pairs[k + 1]!;
      if (data.truth[i] !== data.truth[j] && r.chance(0.05)) nonMatchLevels.push(levels(i, j));
    }
  }
  const matches = matchLevels.length;
  let truePairs = 0;
  for (const g of groupsOf(data.truth)) truePairs += (g.length * (g.length - 1)) / 2;
  const allPairs = (n * (n - 1)) / 2;
  console.log(
    `\n## Model against the truth\n\ncandidate pairs ${candidateCount}, true matches among them ${matches} (share ${(matches / candidateCount).toPrecision(3)}); true pairs ${truePairs} of ${allPairs} (share ${(truePairs / allPairs).toPrecision(3)}); the model's lambda ${model.lambda.toPrecision(3)} (trained on ${model.trainedOn.pairs} pairs, ${model.trainedOn.iterations} iterations)`,
  );
  console.log(
    `per feature and level: m (model) / m (true: blocked matches) | u (model) / u (true: random non-matches)${candidates ? ' | share among candidate non-matches' : ''}`,
  );
  const mTrue = levelShares(matchLevels);
  const uTrue = levelShares(randomLevels);
  const cTrue = levelShares(nonMatchLevels);
  FEATURES.person.forEach((feature, f) => {
    const row = levelsOf('person', feature)
      .map((level, l) => {
        const c = candidates ? ` | ${cTrue[f]![l]!.toFixed(3)}` : '';
        return `${level} ${model.m[f]![l]!.toFixed(3)}/${mTrue[f]![l]!.toFixed(3)} | ${model.u[f]![l]!.toPrecision(2)}/${uTrue[f]![l]!.toPrecision(2)}${c}`;
      })
      .join('; ');
    console.log(`  ${feature.padEnd(11)} ${row}`);
  });
}

async function main() {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    log(`reading ${url}`);
    const { evaluation, data } = await evaluate(database.db, log, true);
    const d = data!;
    const prepared = d.prepared!;
    const model = await asOperator(database.db, (tx) => modelFor(tx, 'person'));
    const q = evaluation.resolution;
    console.log(
      `# ${evaluation.records} records, ${evaluation.people} people, ${evaluation.entities} entities`,
    );
    console.log(
      `precision ${q.precision.toFixed(4)} recall ${q.recall.toFixed(4)} F1 ${q.f1.toFixed(4)}; blocking recall ${evaluation.blocking.recall.toFixed(4)} (max block ${MAX_BLOCK}); baseline F1 ${evaluation.baseline.f1.toFixed(4)}`,
    );
    const scoreOf = (i: number, j: number) =>
      scoreComparison(model, compare(prepared[i]!, prepared[j]!), true);

    const fn: Pair[] = [];
    for (const g of groupsOf(d.truth))
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const i = g[x]!;
          const j = g[y]!;
          if (d.entity[i] === d.entity[j]) continue;
          const score = scoreOf(i, j);
          const cause = !d.keys.shared(i, j).compared
            ? 'not blocked'
            : score.conflict
              ? `conflict ${score.conflict}`
              : score.probability < model.matchProbability
                ? 'below match'
                : 'clustered apart';
          fn.push({ i, j, cause, score });
        }
    const fp: Pair[] = [];
    for (const g of groupsOf(d.entity)) {
      if (g.length > 1000) continue;
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const i = g[x]!;
          const j = g[y]!;
          if (d.truth[i] === d.truth[j]) continue;
          const score = scoreOf(i, j);
          const cause =
            d.keys.shared(i, j).compared && score.probability >= model.matchProbability
              ? 'pair is a match'
              : 'joined through the entity';
          fp.push({ i, j, cause, score });
        }
    }
    printEvidence(d);
    printPairs('False negatives (one person, two entities)', fn, d, model);
    printPairs('False positives (two people, one entity)', fp, d, model);
    const all =
      args.candidates === 'auto' ? evaluation.records <= 200_000 : args.candidates === 'yes';
    printModelCheck(d, model, all);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
