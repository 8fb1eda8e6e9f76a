import type { Tlp } from '../policy/sharing.js';
import type { EntityOf, LinkFact, RecordFact } from './facts.js';
import { buildGraph, type Graph } from './graph.js';
import { stricter } from './marking.js';
import { kindOfSchema, MAX_PARTIES_PER_TIE, PARTY_KINDS, type NodeKind } from './ties.js';

export interface NetworkNode {
  /** Stable for the viewer: the entity id, the phone/vehicle/firearm/address identity, or the record id. */
  key: string;
  kind: NodeKind;
  label: string;
  /** The records behind the node, oldest first. */
  records: string[];
  marking: Tlp;
  countries: string[];
  /** An event's date. */
  date: string | null;
}

/** One kind of tie between two nodes, with what supports it. */
export interface Tie {
  type: string;
  count: number;
  first: string | null;
  last: string | null;
  /** The records and links behind it (the first few; `count` says how many). */
  sources: string[];
  marking: Tlp;
}

export interface NetworkEdge {
  /** Node indices, source < target. */
  source: number;
  target: number;
  weight: number;
  first: string | null;
  last: string | null;
  marking: Tlp;
  ties: Tie[];
}

/** A viewer's network: nodes and edges, and the compact graph (edge e of `graph` is edges[e]). */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  graph: Graph;
  /** Node of each node key and of each record behind a node. */
  nodeOf: ReadonlyMap<string, number>;
}

const MAX_SOURCES = 20;

interface TieDraft {
  type: string;
  count: number;
  first: string | null;
  last: string | null;
  sources: string[];
  marking: Tlp;
}

const earlier = (a: string | null, b: string | null) =>
  a === null || (b !== null && b < a) ? b : a;
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/**
 * The network of what one viewer may see. Records become nodes (one per entity, per phone,
 * vehicle, firearm or address, per event); links become ties between them; calls, shared
 * things, joint seizures and recoveries become derived ties. Nothing else goes in, so nothing in
 * the network, and nothing computed on it, can reflect a record the viewer may not see.
 */
export function assembleNetwork(
  records: Iterable<RecordFact>,
  links: Iterable<LinkFact>,
  entityOf: EntityOf,
  options: { shared?: boolean } = {},
): Network {
  const byId = new Map<string, RecordFact>();
  for (const r of records) byId.set(r.id, r);
  const nodes: NetworkNode[] = [];
  const nodeOf = new Map<string, number>();
  // Oldest first (ids are UUID v7), so a node's key and label come from its oldest record.
  const ordered = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of ordered) {
    const kind = kindOfSchema(r.schema);
    if (!kind) continue;
    const key = PARTY_KINDS.includes(kind) ? (entityOf.get(r.id) ?? r.id) : (r.identity ?? r.id);
    let n = nodeOf.get(key);
    if (n === undefined) {
      n = nodes.length;
      nodes.push({
        key,
        kind,
        label: r.caption,
        records: [],
        marking: r.marking,
        countries: [],
        date: r.date,
      });
      nodeOf.set(key, n);
    }
    const node = nodes[n]!;
    node.records.push(r.id);
    node.marking = stricter(node.marking, r.marking);
    for (const c of r.countries) if (!node.countries.includes(c)) node.countries.push(c);
    nodeOf.set(r.id, n);
  }

  const drafts = new Map<number, Map<number, Map<string, TieDraft>>>();
  const tie = (
    a: number,
    b: number,
    type: string,
    source: string,
    date: string | null,
    marking: Tlp,
  ) => {
    if (a === b) return;
    const [u, v] = a < b ? [a, b] : [b, a];
    let row = drafts.get(u);
    if (!row) drafts.set(u, (row = new Map()));
    let types = row.get(v);
    if (!types) row.set(v, (types = new Map()));
    const t = types.get(type);
    if (!t) {
      types.set(type, { type, count: 1, first: date, last: date, sources: [source], marking });
      return;
    }
    t.count++;
    t.first = earlier(t.first, date);
    t.last = later(t.last, date);
    t.marking = stricter(t.marking, marking);
    if (t.sources.length < MAX_SOURCES && !t.sources.includes(source)) t.sources.push(source);
  };

  // Links into a call make it a tie between its parties; links around a thing or an event
  // make ties among the parties it gathers.
  const callParties = new Map<string, { node: number; link: LinkFact }[]>();
  const around = new Map<number, { node: number; link: LinkFact }[]>();
  const phoneUsers = new Map<number, number[]>();
  const gather = (hub: number, node: number, link: LinkFact) => {
    let list = around.get(hub);
    if (!list) around.set(hub, (list = []));
    list.push({ node, link });
  };
  const dateOf = (l: LinkFact, event?: RecordFact) =>
    l.dates.length ? [...l.dates].sort()[0]! : (event?.date ?? null);

  for (const l of links) {
    const s = nodeOf.get(l.source);
    const target = byId.get(l.target);
    if (target?.schema === 'Call' && s !== undefined) {
      let list = callParties.get(l.target);
      if (!list) callParties.set(l.target, (list = []));
      list.push({ node: s, link: l });
      continue;
    }
    const t = nodeOf.get(l.target);
    if (s === undefined || t === undefined) continue;
    const event = nodes[t]!.date !== null ? target : byId.get(l.source);
    for (const d of l.dates.length ? l.dates : [dateOf(l, event)])
      tie(s, t, l.type, l.id, d, l.marking);
    const sk = nodes[s]!.kind;
    const tk = nodes[t]!.kind;
    if (l.type === 'uses_phone' && tk === 'phone') {
      let users = phoneUsers.get(t);
      if (!users) phoneUsers.set(t, (users = []));
      if (!users.includes(s)) users.push(s);
    }
    if (
      PARTY_KINDS.includes(sk) &&
      ['phone', 'vehicle', 'address', 'seizure', 'recovery', 'smuggling'].includes(tk)
    )
      gather(t, s, l);
    if (tk === 'recovery' && sk === 'firearm') gather(t, s, l);
    if (sk === 'company' && l.type === 'employs') gather(s, t, l);
    if (tk === 'company' && (l.type === 'member_of' || l.type === 'owns')) gather(t, s, l);
    if (tk === 'firearm' && l.type === 'purchased') gather(t, s, l);
  }

  for (const [callId, parties] of callParties) {
    const call = byId.get(callId)!;
    for (let i = 0; i < parties.length; i++)
      for (let j = i + 1; j < parties.length; j++) {
        const a = parties[i]!;
        const b = parties[j]!;
        const marking = stricter(call.marking, stricter(a.link.marking, b.link.marking));
        tie(a.node, b.node, 'called', callId, call.date, marking);
        // A call between two phones is a call between the people who use them.
        for (const x of phoneUsers.get(a.node) ?? [a.node])
          for (const y of phoneUsers.get(b.node) ?? [b.node])
            if (x !== a.node || y !== b.node) tie(x, y, 'called', callId, call.date, marking);
      }
  }

  const SHARED: Partial<Record<NodeKind, string>> = {
    phone: 'shares_phone',
    vehicle: 'shares_vehicle',
    address: 'shares_address',
    company: 'same_company',
    seizure: 'seized_together',
    smuggling: 'seized_together',
    recovery: 'recovered_together',
  };
  for (const [hub, members] of around) {
    const hubNode = nodes[hub]!;
    const type = SHARED[hubNode.kind];
    if (hubNode.kind === 'firearm') continue;
    const parties = members.filter((m) => PARTY_KINDS.includes(nodes[m.node]!.kind));
    if (type && parties.length <= MAX_PARTIES_PER_TIE) pairwise(parties, hubNode, type, tie);
    if (hubNode.kind === 'recovery') {
      // Whoever bought a gun recovered here is tied to the other guns' buyers and to the
      // people it was recovered with: the straw purchaser behind a cartel's cache.
      const buyers = members
        .filter((m) => nodes[m.node]!.kind === 'firearm')
        .flatMap((m) =>
          (around.get(m.node) ?? []).filter((b) => PARTY_KINDS.includes(nodes[b.node]!.kind)),
        );
      const all = [...buyers, ...parties];
      if (all.length <= MAX_PARTIES_PER_TIE)
        pairwise(all, hubNode, 'guns_recovered_together', tie, buyers.length);
    }
  }

  const edges: NetworkEdge[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const u of [...drafts.keys()].sort((a, b) => a - b)) {
    const row = drafts.get(u)!;
    for (const v of [...row.keys()].sort((a, b) => a - b)) {
      const ties = [...row.get(v)!.values()].sort((a, b) => (a.type < b.type ? -1 : 1));
      const e: NetworkEdge = {
        source: u,
        target: v,
        weight: ties.reduce((s, t) => s + t.count, 0),
        first: ties.reduce<string | null>((d, t) => earlier(d, t.first), null),
        last: ties.reduce<string | null>((d, t) => later(d, t.last), null),
        marking: ties.reduce<Tlp>((m, t) => stricter(m, t.marking), 'CLEAR'),
        ties,
      };
      edges.push(e);
      from.push(u);
      to.push(v);
      weight.push(e.weight);
    }
  }
  const graph = buildGraph(nodes.length, { from, to, weight }, { shared: options.shared });
  return { nodes, edges, graph, nodeOf };
}

/**
 * Ties every pair of `members` through the hub. With `firstOnly`, only pairs that include one
 * of the first `firstOnly` members (so two people found together are tied once, as
 * recovered_together, not again here).
 */
function pairwise(
  members: readonly { node: number; link: LinkFact }[],
  hub: NetworkNode,
  type: string,
  tie: (
    a: number,
    b: number,
    type: string,
    source: string,
    date: string | null,
    marking: Tlp,
  ) => void,
  firstOnly = members.length,
): void {
  for (let i = 0; i < Math.min(firstOnly, members.length); i++)
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      if (a.node === b.node) continue;
      const marking = stricter(hub.marking, stricter(a.link.marking, b.link.marking));
      tie(a.node, b.node, type, hub.records[0]!, hub.date, marking);
    }
}
