import { assembleNetwork, type Network } from '../../domain/network/assemble.js';
import type { LinkFact, RecordFact } from '../../domain/network/facts.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { viewerKeys } from '../../domain/policy/keys.js';
import { MATCH_PROBABILITY } from '../../domain/resolution/model.js';
import type { Db } from '../../storage/database.js';
import {
  changesSince,
  readDecisions,
  readLinkFacts,
  readLinkFactsAround,
  readMatchPairs,
  readMatchPairsTouching,
  readRecordFacts,
  readRecordFactsByIds,
  type Changes,
} from '../../storage/network.js';
import { asViewer, type Tx } from '../../storage/session.js';
import { clusterEntities, pairKey, type MatchEvidence } from './entities.js';

const PAGE = 20_000;
/**
 * Links are read in large pages: each page's visibility check joins the records it touches,
 * and fewer pages mean fewer such joins (a million links: 10 pages).
 */
const LINK_PAGE = 100_000;
/** Viewers whose graphs stay in memory per database (least recently used goes first). */
const CACHED_VIEWERS = 8;
/** Analyses kept per viewer network. */
const MEMOS = 16;

/** One viewer's facts, as of a snapshot, and the network assembled from them. */
interface ViewerState {
  xmin: string | null;
  models: string;
  records: Map<string, RecordFact>;
  links: Map<string, LinkFact>;
  evidence: MatchEvidence;
  entityOf: Map<string, string>;
  network: Network | null;
  /** Bumped whenever the network changes: cached analyses are keyed on it. */
  version: number;
  /** Analyses of this version of the network (communities are costly and asked for often). */
  memo: Map<string, unknown>;
  busy: Promise<unknown>;
}

const states = new WeakMap<Db, Map<string, ViewerState>>();

function stateFor(db: Db, viewer: Viewer): ViewerState {
  let perDb = states.get(db);
  if (!perDb) states.set(db, (perDb = new Map()));
  const key = viewerKeys(viewer).sort().join(',');
  let state = perDb.get(key);
  if (state) perDb.delete(key);
  else
    state = {
      xmin: null,
      models: '',
      records: new Map(),
      links: new Map(),
      evidence: { pairs: new Map(), decisions: new Map() },
      entityOf: new Map(),
      network: null,
      version: 0,
      memo: new Map(),
      busy: Promise.resolve(),
    };
  perDb.set(key, state);
  if (perDb.size > CACHED_VIEWERS) perDb.delete(perDb.keys().next().value!);
  return state;
}

export interface ViewerNetwork {
  network: Network;
  version: number;
  /** Computes once per network version and key. */
  memo: <T>(key: string, compute: () => T) => T;
}

/**
 * What changed since the viewer's graph was read, as ids (the owner's read; see changesSince).
 * Runs outside the viewer's transaction: PGlite has one connection, so it cannot run inside it.
 */
export async function pendingChanges(db: Db, viewer: Viewer | null): Promise<Changes | null> {
  if (!viewer) return null;
  return changesSince(db, stateFor(db, viewer).xmin);
}

/**
 * The viewer's network, brought up to date: the first call reads everything the viewer may
 * see, in the viewer's own read-only transaction; later calls re-read only what changed (as
 * `changes` names it) and evict what the viewer may no longer see. When nothing changed, no
 * transaction is opened and the network is the one already assembled.
 */
export async function viewerNetwork(
  db: Db,
  viewer: Viewer,
  changes: Changes,
  onProgress?: (stage: string, done: number) => void,
): Promise<ViewerNetwork> {
  const state = stateFor(db, viewer);
  const run = state.busy.then(() =>
    isCurrent(state, changes)
      ? current(state, changes)
      : asViewer(db, viewer, (tx) => update(tx, state, changes, onProgress), { readOnly: true }),
  );
  state.busy = run.catch(() => undefined);
  return run;
}

function isCurrent(state: ViewerState, changes: Changes): boolean {
  return (
    state.network !== null &&
    state.xmin !== null &&
    state.models === changes.models &&
    !changes.records.length &&
    !changes.links.length &&
    !changes.matched.length
  );
}

async function update(
  tx: Tx,
  state: ViewerState,
  changes: Changes,
  onProgress?: (stage: string, done: number) => void,
): Promise<ViewerNetwork> {
  const first = state.xmin === null || state.models !== changes.models;
  let changed = false;
  if (state.xmin === null) {
    await loadAll(tx, state, onProgress);
    changed = true;
  } else if (changes.records.length || changes.links.length || changes.matched.length) {
    await applyChanges(tx, state, changes);
    changed = true;
  }
  if (state.models !== changes.models) {
    await loadEvidence(tx, state);
    changed = true;
  }
  if (changed || !state.network) {
    const touched = first ? null : new Set([...changes.records, ...changes.matched]);
    await clusterEntities(tx, state.evidence, state.entityOf, touched);
    onProgress?.('assemble', state.records.size);
    state.network = assembleNetwork(state.records.values(), state.links.values(), state.entityOf, {
      shared: true,
    });
    state.version++;
    state.memo.clear();
  }
  return current(state, changes);
}

/** The state's network as of `changes`: nothing read. */
function current(state: ViewerState, changes: Changes): ViewerNetwork {
  state.xmin = changes.xmin;
  state.models = changes.models;
  const memo = state.memo;
  return {
    network: state.network!,
    version: state.version,
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) {
        if (memo.size >= MEMOS) memo.delete(memo.keys().next().value!);
        const value = compute();
        memo.set(key, value);
        // A cancelled or failed analysis is not remembered: the next asker runs it again.
        if (value instanceof Promise)
          value.catch(() => memo.get(key) === value && memo.delete(key));
      }
      return memo.get(key) as T;
    },
  };
}

async function loadAll(
  tx: Tx,
  state: ViewerState,
  onProgress?: (stage: string, done: number) => void,
) {
  state.records.clear();
  state.links.clear();
  for (let after: string | null = null; ;) {
    const page = await readRecordFacts(tx, after, PAGE);
    for (const r of page) state.records.set(r.id, r);
    onProgress?.('records', state.records.size);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  for (let after: string | null = null; ;) {
    const page = await readLinkFacts(tx, after, LINK_PAGE);
    for (const l of page) state.links.set(l.id, l);
    onProgress?.('links', state.links.size);
    if (page.length < LINK_PAGE) break;
    after = page[page.length - 1]!.id;
  }
  await loadEvidence(tx, state);
}

async function loadEvidence(tx: Tx, state: ViewerState) {
  const { pairs, decisions } = state.evidence;
  pairs.clear();
  decisions.clear();
  for (let after: { a: string; b: string } | null = null; ;) {
    const page = await readMatchPairs(tx, MATCH_PROBABILITY, after, PAGE);
    for (const p of page) pairs.set(pairKey(p.a, p.b), p);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!;
  }
  for (const d of await readDecisions(tx, null)) decisions.set(pairKey(d.a, d.b), d);
}

async function applyChanges(tx: Tx, state: ViewerState, changes: Changes) {
  for (const id of changes.records) state.records.delete(id);
  for (const r of await readRecordFactsByIds(tx, changes.records)) state.records.set(r.id, r);
  // A record that came into sight brings its links; one that left takes them (the assembly
  // skips links whose ends are not held, and they are dropped here).
  for (const id of changes.links) state.links.delete(id);
  for (const l of await readLinkFactsAround(tx, changes.links, changes.records))
    state.links.set(l.id, l);
  const gone = new Set(changes.records.filter((id) => !state.records.has(id)));
  if (gone.size)
    for (const [id, l] of state.links)
      if (gone.has(l.source) || gone.has(l.target)) state.links.delete(id);

  const touched = new Set([...changes.records, ...changes.matched]);
  const { pairs, decisions } = state.evidence;
  for (const [key, p] of pairs) if (touched.has(p.a) || touched.has(p.b)) pairs.delete(key);
  for (const [key, d] of decisions) if (touched.has(d.a) || touched.has(d.b)) decisions.delete(key);
  for (const p of await readMatchPairsTouching(tx, MATCH_PROBABILITY, [...touched]))
    pairs.set(pairKey(p.a, p.b), p);
  for (const d of await readDecisions(tx, [...touched])) decisions.set(pairKey(d.a, d.b), d);
}
