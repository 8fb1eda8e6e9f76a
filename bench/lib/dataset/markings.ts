import type { SharingInput, Tlp } from '../../../src/domain/policy/sharing.js';
import { Random, Weighted } from '../../../src/synth/random.js';
import type { AgencySpec } from './agencies.js';

/**
 * The marking mix of the dataset (share of records). AMBER is half unrestricted and half with
 * releasability: a third each REL TO the own country and one other, REL TO the own country
 * only, REL TO the own agency and 1-2 others. AMBER+STRICT names 1-3 other agencies; RED
 * names 1-2 users of other agencies.
 */
export const MARKING_MIX: Readonly<Record<Tlp, number>> = {
  CLEAR: 0.1,
  GREEN: 0.1,
  AMBER: 0.45,
  'AMBER+STRICT': 0.2,
  RED: 0.15,
};

const MARKINGS = new Weighted(Object.entries(MARKING_MIX) as [Tlp, number][]);
const COUNTRIES = ['US', 'MX', 'CA'];

export interface SharingContext {
  agency: AgencySpec;
  agencies: readonly AgencySpec[];
  /** Users of other agencies, candidates for RED. */
  otherUsers: readonly string[];
}

export function pickSharing(r: Random, ctx: SharingContext): SharingInput {
  const marking = MARKINGS.pick(r);
  const others = ctx.agencies.filter((a) => a.code !== ctx.agency.code).map((a) => a.code);
  switch (marking) {
    case 'AMBER':
      return { marking, ...releasability(r, ctx.agency, others) };
    case 'AMBER+STRICT':
      return { marking, recipientAgencies: r.sample(others, r.int(1, 3)) };
    case 'RED':
      return { marking, recipientUsers: r.sample(ctx.otherUsers, r.int(1, 2)) };
    default:
      return { marking };
  }
}

function releasability(r: Random, agency: AgencySpec, others: string[]): Partial<SharingInput> {
  if (r.chance(0.5)) return {};
  const own = agency.country;
  switch (r.int(0, 2)) {
    case 0:
      return { relCountries: [own, r.pick(COUNTRIES.filter((c) => c !== own))] };
    case 1:
      return { relCountries: [own] };
    default:
      return { relAgencies: [agency.code, ...r.sample(others, r.int(1, 2))] };
  }
}
