import type { Network } from './assemble.js';
import type { ScopeFilter } from './scope.js';

export interface GrowthMonth {
  /** YYYY-MM. */
  month: string;
  /** Members first seen (their first dated tie or event) that month, and all so far. */
  newMembers: number;
  members: number;
  /** Ties first dated that month, and all so far. */
  newTies: number;
  ties: number;
}

export interface Growth {
  months: GrowthMonth[];
  /** Members and ties with no date at all: part of the network, in no month. */
  undatedMembers: number;
  undatedTies: number;
}

const monthOf = (iso: string) => iso.slice(0, 7);

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * How a network grew, month by month: members by the month of their first dated tie or event,
 * ties by their first date. `nodes` (network nodes) is the network in question; every month
 * from the first to the last appears, quiet ones included, so a chart's axis is even.
 */
export function growthByMonth(net: Network, nodes: ArrayLike<number>, filter: ScopeFilter): Growth {
  const inside = new Set<number>();
  for (let i = 0; i < nodes.length; i++) if (filter.allowNode(nodes[i]!)) inside.add(nodes[i]!);
  const firstSeen = new Map<number, string>();
  const see = (v: number, d: string | null) => {
    if (d === null) return;
    const was = firstSeen.get(v);
    if (was === undefined || d < was) firstSeen.set(v, d);
  };
  const newTies = new Map<string, number>();
  let undatedTies = 0;
  for (const v of inside) see(v, net.nodes[v]!.date);
  net.edges.forEach((e, i) => {
    if (!inside.has(e.source) || !inside.has(e.target) || !filter.allowEdge(i)) return;
    see(e.source, e.first);
    see(e.target, e.first);
    if (e.first === null) undatedTies++;
    else newTies.set(monthOf(e.first), (newTies.get(monthOf(e.first)) ?? 0) + 1);
  });
  const newMembers = new Map<string, number>();
  for (const d of firstSeen.values())
    newMembers.set(monthOf(d), (newMembers.get(monthOf(d)) ?? 0) + 1);
  const all = [...newMembers.keys(), ...newTies.keys()].sort();
  const months: GrowthMonth[] = [];
  let members = 0;
  let ties = 0;
  if (all.length)
    for (let m = all[0]!; m <= all[all.length - 1]!; m = nextMonth(m)) {
      const nm = newMembers.get(m) ?? 0;
      const nt = newTies.get(m) ?? 0;
      members += nm;
      ties += nt;
      months.push({ month: m, newMembers: nm, members, newTies: nt, ties });
    }
  return { months, undatedMembers: inside.size - firstSeen.size, undatedTies };
}
