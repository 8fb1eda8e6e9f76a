import { NODE_KINDS, TIE_TYPES, type NodeKind } from './types';

/** What the explorer shows, as the address bar keeps it: linkable, and kept on reload. */
export interface Scope {
  /** The entity, record or object (phone:…, vehicle:…) the network is drawn around. */
  entity: string;
  hops: number;
  maxNodes: number;
  kinds: NodeKind[];
  ties: string[];
  from: string;
  to: string;
}

export const HOPS = [1, 2, 3, 4] as const;
export const MAX_NODES = [100, 500, 1000, 2000, 5000] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const list = (value: string | null) => (value ?? '').split(',').filter(Boolean);

export function scopeOf(params: URLSearchParams): Scope {
  const hops = Number(params.get('hops'));
  const maxNodes = Number(params.get('max'));
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    entity: (params.get('entity') ?? '').trim(),
    hops: HOPS.find((h) => h === hops) ?? 2,
    maxNodes: MAX_NODES.find((m) => m === maxNodes) ?? 500,
    kinds: NODE_KINDS.filter((k) => list(params.get('kind')).includes(k)),
    ties: TIE_TYPES.filter((t) => list(params.get('tie')).includes(t)),
    from: day('from'),
    to: day('to'),
  };
}

/** The address-bar form of a scope (defaults left out). */
export function scopeSearch(s: Scope): URLSearchParams {
  const p = new URLSearchParams();
  if (s.entity) p.set('entity', s.entity);
  if (s.hops !== 2) p.set('hops', String(s.hops));
  if (s.maxNodes !== 500) p.set('max', String(s.maxNodes));
  if (s.kinds.length) p.set('kind', s.kinds.join(','));
  if (s.ties.length) p.set('tie', s.ties.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  return p;
}

/** The filters every network request takes. */
export const filterQuery = (s: Scope) => ({
  kind: s.kinds.length ? s.kinds.join(',') : undefined,
  tie: s.ties.length ? s.ties.join(',') : undefined,
  from: s.from || undefined,
  to: s.to || undefined,
});

export const isFiltered = (s: Scope) =>
  s.kinds.length > 0 || s.ties.length > 0 || s.from !== '' || s.to !== '';
