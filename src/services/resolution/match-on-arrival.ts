import { blockingKeys, isBlockingKey, MAX_BLOCK } from '../../domain/resolution/blocking.js';
import { compare } from '../../domain/resolution/compare.js';
import { scoreComparison } from '../../domain/resolution/model.js';
import type { Prepared } from '../../domain/resolution/prepare.js';
import { resolveGroup, type PairScore } from '../../domain/resolution/resolve-group.js';
import {
  blockMembers,
  changedSince,
  decisionsAmong,
  edgesTouching,
  entityMembersOf,
  forgetMembership,
  forgetRecords,
  insertEdges,
  insertKeys,
  insertMembers,
  commitWithoutWaiting,
  lockResolution,
  type EdgeRow,
} from '../../storage/resolution.js';
import { asOperator, type Tx } from '../../storage/session.js';
import type { Db } from '../../storage/database.js';
import { modelsFor, type Models } from './models.js';
import { RESOLVED_SCHEMAS } from './schemas.js';
import { loadPrepared } from './prepared.js';

/** An import's arrivals matched per transaction (a million at once held 4.4 GB). */
const ARRIVAL_SLICE = 10_000;

/**
 * Arrivals scored at a time: a step holds the pairs of these arrivals only (up to MAX_BLOCK
 * for each of their keys), where a whole slice's pairs took gigabytes as blocks filled up.
 */
export const COMPARE_STEP = 500;

export interface ArrivalOutcome {
  /** Records matched (persons and organizations among those given). */
  matched: number;
  /** Records whose entity was written again (the arrivals and the entities they touched). */
  regrouped: number;
}

/**
 * Matches new or changed records against everything resolved so far, the moment they arrive:
 * each joins an entity, starts one, or merges two. Only the entities it touches are clustered
 * again, with the same clustering as a full run. The resolver works as the database owner, in
 * its own transaction after the contributor's has committed; what a viewer then sees of the
 * entities is decided at read time.
 */
export function matchOnArrival(db: Db, recordIds: readonly string[]): Promise<ArrivalOutcome> {
  if (!recordIds.length) return Promise.resolve({ matched: 0, regrouped: 0 });
  return asOperator(db, async (tx) => {
    await lockResolution(tx);
    await commitWithoutWaiting(tx);
    return matchInTransaction(tx, recordIds);
  });
}

/**
 * Matches the persons and organizations changed since `since` (what an import wrote), read
 * back a slice at a time, so that memory holds one slice and what it touches however large the
 * import: a later slice meets the earlier ones through their keys, as records arriving one by
 * one do.
 */
export async function matchChangedSince(
  db: Db,
  since: Date,
  onProgress?: (matched: number) => void,
): Promise<ArrivalOutcome> {
  const out: ArrivalOutcome = { matched: 0, regrouped: 0 };
  for (let after: string | null = null; ;) {
    const slice = await asOperator(db, (tx) =>
      changedSince(tx, RESOLVED_SCHEMAS, since, after, ARRIVAL_SLICE),
    );
    if (!slice.length) break;
    const done = await matchOnArrival(db, slice);
    out.matched += done.matched;
    out.regrouped += done.regrouped;
    onProgress?.(out.matched);
    after = slice[slice.length - 1]!;
  }
  return out;
}

async function matchInTransaction(tx: Tx, recordIds: readonly string[]): Promise<ArrivalOutcome> {
  const models = await modelsFor(tx);
  // Whatever the records were part of before they changed is regrouped too.
  const before = await entityMembersOf(tx, recordIds);
  await forgetRecords(tx, recordIds);
  const arriving = await loadPrepared(tx, recordIds);
  if (!arriving.ids.length && !before.length) return { matched: 0, regrouped: 0 };

  const keyRows: { key: string; record_id: string }[] = [];
  const blockKeys = new Set<string>();
  arriving.prepared.forEach((p, i) => {
    for (const key of blockingKeys(p)) {
      keyRows.push({ key, record_id: arriving.ids[i]! });
      if (isBlockingKey(key)) blockKeys.add(key);
    }
  });
  const arrivingIds = new Set(arriving.ids);
  // Keys first, so that arrivals meet each other in the same blocks as everything else.
  await insertKeys(tx, keyRows);
  const blocksOf = new Map<string, string[][]>();
  for (const block of await blockMembers(tx, [...blockKeys], MAX_BLOCK))
    for (const x of block) {
      if (!arrivingIds.has(x)) continue;
      const own = blocksOf.get(x);
      if (own) own.push(block);
      else blocksOf.set(x, [block]);
    }
  const preparedOf = new Map(arriving.ids.map((id, i) => [id, arriving.prepared[i]!] as const));
  const steps: string[][] = [];
  for (let from = 0; from < arriving.ids.length; from += COMPARE_STEP)
    steps.push(arriving.ids.slice(from, from + COMPARE_STEP));
  // A candidate's profile is kept from the first step that compares it to the last, so that
  // it is read once and held no longer than it is needed.
  const lastUse = new Map<string, number>();
  steps.forEach((step, s) => {
    for (const x of step)
      for (const block of blocksOf.get(x) ?? [])
        for (const y of block) if (!arrivingIds.has(y)) lastUse.set(y, s);
  });
  const doneAfter: string[][] = steps.map(() => []);
  for (const [id, s] of lastUse) doneAfter[s]!.push(id);
  const newEdges: EdgeRow[] = [];
  for (let s = 0; s < steps.length; s++) {
    const edges = await scoreStep(tx, steps[s]!, blocksOf, arrivingIds, preparedOf, models);
    await insertEdges(tx, edges);
    newEdges.push(...edges);
    for (const id of doneAfter[s] ?? []) preparedOf.delete(id);
  }

  // The entities the matches reach, and the ones the arrivals left, are clustered again.
  const reached = newEdges
    .filter((e) => e.probability >= models.person.matchProbability)
    .flatMap((e) => [e.a, e.b]);
  const members = await entityMembersOf(tx, reached);
  const groupIds = new Set([
    ...arriving.ids,
    ...members.map((m) => m.record_id),
    ...before.map((m) => m.record_id).filter((id) => !arrivingIds.has(id)),
  ]);
  const regrouped = await regroup(tx, [...groupIds], models, preparedOf);
  return { matched: arriving.ids.length, regrouped };
}

/**
 * Scores these arrivals against every record they share a block with (a pair of two arrivals
 * once, from the one with the smaller id) and keeps the pairs worth a review or a match.
 * `known` holds the profiles read in the slice and not yet let go; it gains the step's candidates.
 */
async function scoreStep(
  tx: Tx,
  step: readonly string[],
  blocksOf: ReadonlyMap<string, readonly string[][]>,
  arriving: ReadonlySet<string>,
  known: Map<string, Prepared>,
  models: Models,
): Promise<EdgeRow[]> {
  const partners = step.map((x) => {
    const ys = new Set<string>();
    for (const block of blocksOf.get(x) ?? [])
      for (const y of block) if (y !== x && !(arriving.has(y) && y < x)) ys.add(y);
    return ys;
  });
  const missing = new Set<string>();
  for (const ys of partners) for (const y of ys) if (!known.has(y)) missing.add(y);
  const candidates = await loadPrepared(tx, [...missing]);
  candidates.ids.forEach((id, i) => known.set(id, candidates.prepared[i]!));
  const edges: EdgeRow[] = [];
  step.forEach((x, i) => {
    for (const y of partners[i]!) {
      const [a, b] = x < y ? [x, y] : [y, x];
      const pa = known.get(a);
      const pb = known.get(b);
      if (!pa || !pb || pa.kind !== pb.kind) continue;
      const model = models[pa.kind];
      const s = scoreComparison(model, compare(pa, pb));
      if (s.probability >= model.reviewProbability)
        edges.push({ a, b, weight: s.weight, probability: s.probability });
    }
  });
  return edges;
}

/**
 * Clusters the entities of these records again, whole, and writes them: after an analyst's
 * decision on a pair, both sides' entities.
 */
export async function regroupEntitiesOf(db: Db, recordIds: readonly string[]): Promise<number> {
  return asOperator(db, async (tx) => {
    await lockResolution(tx);
    const members = await entityMembersOf(tx, recordIds);
    const ids = [...new Set([...recordIds, ...members.map((m) => m.record_id)])];
    return regroup(tx, ids, await modelsFor(tx), new Map());
  });
}

/** Clusters these records again and writes their entities; `known` saves reading them again. */
async function regroup(
  tx: Tx,
  ids: string[],
  models: Models,
  known: ReadonlyMap<string, Prepared>,
): Promise<number> {
  const missing = ids.filter((id) => !known.has(id));
  const loaded = await loadPrepared(tx, missing);
  const preparedOf = new Map(known);
  loaded.ids.forEach((id, i) => preparedOf.set(id, loaded.prepared[i]!));
  const present = ids.filter((id) => preparedOf.has(id)).sort();
  await forgetMembership(tx, ids);
  const edges = await edgesTouching(tx, present);
  const decisions = (await decisionsAmong(tx, present)).filter((d) => d.verdict !== 'unsure');
  const rows: { record_id: string; entity_id: string; kind: 'person' | 'organization' }[] = [];
  for (const kind of ['person', 'organization'] as const) {
    const memberIds = present.filter((id) => preparedOf.get(id)!.kind === kind);
    if (!memberIds.length) continue;
    const local = new Map(memberIds.map((id, i) => [id, i]));
    const pairs: PairScore[] = edges
      .filter((e) => local.has(e.a) && local.has(e.b))
      .map((e) => ({ ...e, a: local.get(e.a)!, b: local.get(e.b)! }));
    const judgements = decisions
      .filter((d) => local.has(d.a) && local.has(d.b))
      .map((d) => ({ a: local.get(d.a)!, b: local.get(d.b)!, same: d.verdict === 'same' }));
    const labels = resolveGroup(
      memberIds.map((id) => preparedOf.get(id)!),
      pairs,
      judgements,
      models[kind],
    );
    labels.forEach((label, i) =>
      rows.push({ record_id: memberIds[i]!, entity_id: memberIds[label]!, kind }),
    );
  }
  await insertMembers(tx, rows);
  return rows.length;
}
