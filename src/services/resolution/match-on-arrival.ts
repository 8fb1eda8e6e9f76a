import { blockingKeys, MAX_BLOCK } from '../../domain/resolution/blocking.js';
import { compare } from '../../domain/resolution/compare.js';
import { scoreComparison } from '../../domain/resolution/model.js';
import { resolveGroup, type PairScore } from '../../domain/resolution/resolve-group.js';
import {
  blockMembers,
  decisionsAmong,
  edgesTouching,
  entityMembersOf,
  forgetMembership,
  forgetRecords,
  insertEdges,
  insertKeys,
  insertMembers,
  lockResolution,
  type EdgeRow,
} from '../../storage/resolution.js';
import { asOperator, type Tx } from '../../storage/session.js';
import type { Db } from '../../storage/database.js';
import { modelFor } from './models.js';
import { loadPrepared } from './prepared.js';

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
export async function matchOnArrival(
  db: Db,
  recordIds: readonly string[],
): Promise<ArrivalOutcome> {
  if (!recordIds.length) return { matched: 0, regrouped: 0 };
  return asOperator(db, async (tx) => {
    await lockResolution(tx);
    return matchInTransaction(tx, recordIds);
  });
}

async function matchInTransaction(tx: Tx, recordIds: readonly string[]): Promise<ArrivalOutcome> {
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
      blockKeys.add(key);
    }
  });
  const arrivingIds = new Set(arriving.ids);
  // Keys first, so that arrivals meet each other in the same blocks as everything else.
  await insertKeys(tx, keyRows);
  const blocks = await blockMembers(tx, [...blockKeys], MAX_BLOCK);
  const pairs = new Set<string>();
  for (const block of blocks)
    for (const x of block) {
      if (!arrivingIds.has(x)) continue;
      for (const y of block) {
        if (x === y || (arrivingIds.has(y) && y < x)) continue;
        pairs.add(x < y ? `${x} ${y}` : `${y} ${x}`);
      }
    }
  const known = new Set(arriving.ids);
  const candidateIds = [...new Set([...pairs].flatMap((p) => p.split(' ')))].filter(
    (id) => !known.has(id),
  );
  const candidates = await loadPrepared(tx, candidateIds);
  const preparedOf = new Map([
    ...candidates.ids.map((id, i) => [id, candidates.prepared[i]!] as const),
    ...arriving.ids.map((id, i) => [id, arriving.prepared[i]!] as const),
  ]);

  const models = {
    person: await modelFor(tx, 'person'),
    organization: await modelFor(tx, 'organization'),
  };
  const newEdges: EdgeRow[] = [];
  for (const pair of pairs) {
    const [a, b] = pair.split(' ') as [string, string];
    const pa = preparedOf.get(a);
    const pb = preparedOf.get(b);
    if (!pa || !pb || pa.kind !== pb.kind) continue;
    const model = models[pa.kind];
    const s = scoreComparison(model, compare(pa, pb));
    if (s.probability >= model.reviewProbability)
      newEdges.push({ a, b, weight: s.weight, probability: s.probability });
  }
  await insertEdges(tx, newEdges);

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
  const regrouped = await regroup(tx, [...groupIds]);
  return { matched: arriving.ids.length, regrouped };
}

/**
 * Clusters the entities of these records again, whole, and writes them: after an analyst's
 * decision on a pair, both sides' entities.
 */
export async function regroupEntitiesOf(db: Db, recordIds: readonly string[]): Promise<number> {
  return asOperator(db, async (tx) => {
    await lockResolution(tx);
    const members = await entityMembersOf(tx, recordIds);
    return regroup(tx, [...new Set([...recordIds, ...members.map((m) => m.record_id)])]);
  });
}

/** Clusters these records again and writes their entities. */
async function regroup(tx: Tx, ids: string[]): Promise<number> {
  const group = await loadPrepared(tx, ids);
  await forgetMembership(tx, ids);
  const index = new Map(group.ids.map((id, i) => [id, i]));
  const rows: { record_id: string; entity_id: string; kind: 'person' | 'organization' }[] = [];
  for (const kind of ['person', 'organization'] as const) {
    const members = group.ids.map((_, i) => i).filter((i) => group.prepared[i]!.kind === kind);
    if (!members.length) continue;
    const local = new Map(members.map((g, i) => [g, i]));
    const memberIds = members.map((i) => group.ids[i]!);
    const edges: PairScore[] = (await edgesTouching(tx, memberIds))
      .filter((e) => index.has(e.a) && index.has(e.b))
      .map((e) => ({
        a: local.get(index.get(e.a)!)!,
        b: local.get(index.get(e.b)!)!,
        weight: e.weight,
        probability: e.probability,
      }))
      .filter((e) => e.a !== undefined && e.b !== undefined);
    const judgements = (await decisionsAmong(tx, memberIds))
      .filter((d) => d.verdict !== 'unsure')
      .map((d) => ({
        a: local.get(index.get(d.a)!)!,
        b: local.get(index.get(d.b)!)!,
        same: d.verdict === 'same',
      }));
    const labels = resolveGroup(
      members.map((i) => group.prepared[i]!),
      edges,
      judgements,
      await modelFor(tx, kind),
    );
    labels.forEach((label, i) =>
      rows.push({ record_id: memberIds[i]!, entity_id: memberIds[label]!, kind }),
    );
  }
  await insertMembers(tx, rows);
  return rows.length;
}
