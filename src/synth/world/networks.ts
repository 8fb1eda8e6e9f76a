import { keyOf, NETWORK_RANGE, NETWORK_SLOTS } from '../keys.js';
import type { ProfileName } from '../people/profiles.js';
import { surname } from '../pick-names.js';
import { Random, spread, streamOf } from '../random.js';
import { MX_STATES } from '../tables/mexico.js';
import { CA_PLACES, US_PORTS } from '../tables/north.js';
import { WINDOWS } from './windows.js';

export const NETWORK_TYPES = [
  'straw_purchasing',
  'smuggling_cell',
  'fentanyl_distribution',
  'precursor_import',
] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** Shares of planted networks by type. */
export const NETWORK_MIX: Readonly<Record<NetworkType, number>> = {
  straw_purchasing: 0.3,
  smuggling_cell: 0.2,
  fentanyl_distribution: 0.35,
  precursor_import: 0.15,
};

export interface Member {
  key: number;
  role: string;
  profile: ProfileName;
}

export interface Network {
  index: number;
  id: string;
  type: NetworkType;
  /** Its index among networks of the same type. */
  rank: number;
  name: string;
  /** Active period, days. */
  start: number;
  end: number;
  /** Where it works: a US state (straw rings: where they buy), a port, a sector, a Canadian city. */
  usState: string;
  port: number;
  caPlace: number;
  /** Mexican state its guns, drugs and people come from or go to. */
  mxState: string;
  members: Member[];
  /** Vehicle keys. */
  vehicles: number[];
  /** Front companies (organization keys). */
  companies: number[];
  /** The criminal organization itself (organization key). */
  org: number;
}

type RolePlan = readonly (readonly [
  role: string,
  min: number,
  max: number,
  profile: ProfileName | 'mixed',
])[];

const ROLES: Record<NetworkType, RolePlan> = {
  straw_purchasing: [
    ['broker', 1, 1, 'usMember'],
    ['straw purchaser', 3, 6, 'usMember'],
    ['receiver', 1, 2, 'mxMember'],
  ],
  smuggling_cell: [
    ['coordinator', 1, 1, 'mxMember'],
    ['guide', 2, 3, 'mxMember'],
    ['driver', 2, 4, 'mixed'],
    ['stash house keeper', 1, 1, 'usMember'],
  ],
  fentanyl_distribution: [
    ['plaza boss', 1, 1, 'mxMember'],
    ['courier', 2, 4, 'mixed'],
    ['distributor', 1, 3, 'usMember'],
  ],
  precursor_import: [
    ['importer', 1, 2, 'mxMember'],
    ['broker', 1, 2, 'caMember'],
    ['chemist', 1, 1, 'mxMember'],
  ],
};

const VEHICLES: Record<NetworkType, readonly [number, number]> = {
  straw_purchasing: [1, 1],
  smuggling_cell: [2, 4],
  fentanyl_distribution: [2, 3],
  precursor_import: [1, 1],
};

const COMPANIES: Record<NetworkType, readonly [number, number]> = {
  straw_purchasing: [0, 0],
  smuggling_cell: [0, 1],
  fentanyl_distribution: [1, 1],
  precursor_import: [2, 2],
};

/** Where straw rings deliver: Texas guns go to the northeast, Arizona's to Sonora and Sinaloa. */
const DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  TX: ['Tamaulipas', 'Nuevo León', 'Guanajuato', 'Michoacán', 'Jalisco', 'Zacatecas'],
  AZ: ['Sonora', 'Sinaloa', 'Chihuahua', 'Jalisco', 'Guerrero'],
  CA: ['Baja California', 'Sinaloa', 'Jalisco', 'Michoacán', 'Guerrero'],
};
// Texas, Arizona and California lead as sources of traced guns, in that order.
const STRAW_STATES = ['TX', 'AZ', 'CA', 'TX', 'AZ', 'TX', 'CA'];

const PLURALS = ['Halcones', 'Tecolotes', 'Alacranes', 'Coyotes', 'Venados', 'Gavilanes'];
const MORE_PLURALS = ['Cuervos', 'Jaguares', 'Pumas', 'Linces', 'Zorros', 'Búhos'];

function orgName(r: Random, type: NetworkType, municipality: string): string {
  const a = surname(r, 'es');
  switch (type) {
    case 'smuggling_cell':
      return `Red ${a}`;
    case 'precursor_import':
      return `Grupo ${a} ${surname(r, 'es')}`;
    case 'straw_purchasing':
      return `Célula ${a}`;
    default:
      return `Los ${r.pick([...PLURALS, ...MORE_PLURALS])} de ${municipality}`;
  }
}

/** The straw rings' active periods tile the sales window so every sale date has a ring. */
export function strawPeriod(rank: number, rings: number): { start: number; end: number } {
  const { start, end } = WINDOWS.sales;
  const span = end - start;
  const length = Math.min(span, Math.max(540, Math.round((span * 3) / rings)));
  const first = start + Math.round((rank / rings) * (span - length));
  return { start: first, end: first + length };
}

function typeOf(n: number): NetworkType {
  if (n < NETWORK_TYPES.length) return NETWORK_TYPES[n]!;
  const u = spread(n, 0.6180339887498949);
  let sum = 0;
  for (const type of NETWORK_TYPES) {
    sum += NETWORK_MIX[type];
    if (u < sum) return type;
  }
  return 'fentanyl_distribution';
}

export function planNetworks(seed: number, count: number): Network[] {
  const types = Array.from({ length: count }, (_, n) => typeOf(n));
  const totals = new Map<NetworkType, number>();
  for (const t of types) totals.set(t, (totals.get(t) ?? 0) + 1);
  const ranks = new Map<NetworkType, number>();
  return types.map((type, index) => {
    const r = streamOf(seed, 'network', index);
    const rank = ranks.get(type) ?? 0;
    ranks.set(type, rank + 1);
    const port = r.int(0, US_PORTS.length - 1);
    const usState =
      type === 'straw_purchasing'
        ? STRAW_STATES[rank % STRAW_STATES.length]!
        : US_PORTS[port]!.state;
    const mxState =
      type === 'straw_purchasing'
        ? r.pick(DESTINATIONS[usState]!)
        : r.pick(MX_STATES.slice(0, 8)).name;
    const municipality = r.pick(MX_STATES.find((s) => s.name === mxState)!.municipalities);
    let period: { start: number; end: number };
    if (type === 'straw_purchasing') period = strawPeriod(rank, totals.get(type)!);
    else {
      const { start, end } = WINDOWS.events;
      const length = r.int(365, 3 * 365);
      const first = r.int(start, end - length);
      period = { start: first, end: first + length };
    }
    const members: Member[] = [];
    for (const [role, min, max, profile] of ROLES[type]) {
      for (let i = r.int(min, max); i > 0; i--) {
        members.push({
          key: keyOf(NETWORK_RANGE, index * NETWORK_SLOTS + members.length),
          role,
          profile: profile === 'mixed' ? (r.chance(0.55) ? 'mxMember' : 'usMember') : profile,
        });
      }
    }
    const slots = (n: number) =>
      Array.from({ length: n }, (_, i) => keyOf(NETWORK_RANGE, index * NETWORK_SLOTS + i));
    return {
      index,
      id: `NET-${String(index + 1).padStart(4, '0')}`,
      type,
      rank,
      name: orgName(r, type, municipality),
      ...period,
      usState,
      port,
      caPlace: r.int(0, CA_PLACES.length - 1),
      mxState,
      members,
      vehicles: slots(r.int(...VEHICLES[type])),
      companies: slots(r.int(...COMPANIES[type])),
      org: keyOf(NETWORK_RANGE, index * NETWORK_SLOTS + NETWORK_SLOTS - 1),
    };
  });
}
