import { isoOf } from '../dates.js';
import { keyOf, partnerNumber, POOL_RANGE } from '../keys.js';
import { streamOf, type Random } from '../random.js';
import { addressIn } from '../world/addresses.js';
import { companyAt } from '../world/companies.js';
import type { Network } from '../world/networks.js';
import { phoneIndex, phoneNumber } from '../world/phones.js';
import { residenceOf } from '../world/residence.js';
import { vehicleAt } from '../world/vehicles.js';
import { WINDOWS } from '../world/windows.js';
import type { World } from '../world/world.js';
import type { ExportSpec, Exporter } from '../output/exporter.js';
import { mentionPerson } from '../output/people.js';
import {
  addressProperties,
  companyProperties,
  entityLine,
  linkLine,
  personProperties,
  vehicleProperties,
  type LineSharing,
} from './hsi-lines.js';

export const HSI_INTEL: ExportSpec = {
  file: 'hsi-network-intel.ndjson',
  source: 'HSI',
  format: 'ndjson',
  encoding: 'utf-8',
  marking: 'AMBER',
  rel: ['US', 'MX', 'CA'],
  mapping: null,
};

/** Company registries are public: their records go out CLEAR. */
const PUBLIC: LineSharing = { marking: 'CLEAR' };
/** Share of networks HSI shares only with one named partner (AMBER+STRICT). */
const STRICT_SHARE = 0.25;
/** Share of intercepted calls among planted network members (the rest: the wider pool). */
const NETWORK_CALL_SHARE = 0.6;

interface Phone {
  id: string;
  number: string;
}

interface Party {
  id: string;
  phones: Phone[];
}

function sharingFor(network: Network, r: Random): LineSharing {
  if (!r.chance(STRICT_SHARE)) return {};
  const partner = network.type === 'precursor_import' ? 'RCMP' : 'FGR';
  return { marking: 'AMBER+STRICT', recipients: [partner] };
}

class HsiWriter {
  private calls = 0;

  constructor(
    private readonly world: World,
    private readonly x: Exporter,
  ) {}

  entity(id: string, schema: string, properties: Record<string, string[]>, sharing: LineSharing) {
    this.x.line(entityLine(id, schema, properties, sharing));
  }

  link(type: string, source: string, target: string, sharing: LineSharing, role?: string) {
    this.x.links(1);
    this.x.line(linkLine(type, source, target, sharing, role ? { role: [role] } : undefined));
  }

  /** A person with their phones and (often) their address. */
  party(r: Random, key: number, sharing: LineSharing, lines: number): Party {
    const { world, x } = this;
    const m = mentionPerson(x, world, key, r, 'HSI-P-');
    const home = residenceOf(world, m.person.truth);
    this.entity(m.id, 'Person', personProperties(r, m), sharing);
    const phones: Phone[] = [];
    for (let line = 0; line < lines; line++) {
      const index = phoneIndex(key, line);
      const number = phoneNumber(world.seed, index, home);
      const id = `HSI-PH-${index}`;
      x.record('Phone');
      this.entity(id, 'Phone', { number: [number], country: [home.country] }, sharing);
      this.link('uses_phone', m.id, id, sharing);
      phones.push({ id, number });
    }
    if (r.chance(0.6)) {
      const address = addressIn(streamOf(world.seed, 'home', key), home);
      const id = `HSI-A-${partnerNumber(world.seed, 'HSI-address', key)}`;
      x.record('Address');
      this.entity(id, 'Address', addressProperties(address), sharing);
      this.link('located_at', m.id, id, sharing);
    }
    return { id: m.id, phones };
  }

  call(r: Random, from: Phone, to: Phone, first: number, last: number, sharing: LineSharing) {
    const day = r.int(first, Math.max(first, Math.min(last, WINDOWS.events.end)));
    const time = [r.int(0, 23), r.int(0, 59), r.int(0, 59)].map((n) => String(n).padStart(2, '0'));
    const id = `HSI-CALL-${String(++this.calls).padStart(9, '0')}`;
    this.x.record('Call');
    this.entity(
      id,
      'Call',
      {
        date: [`${isoOf(day)}T${time.join(':')}Z`],
        duration: [String(Math.round(10 * 60 ** r.next()))],
        callerNumber: [from.number],
        receiverNumber: [to.number],
      },
      sharing,
    );
    this.link('involved_in', from.id, id, sharing, 'caller');
    this.link('involved_in', to.id, id, sharing, 'receiver');
  }
}

function writeNetwork(w: HsiWriter, world: World, x: Exporter, network: Network, calls: number) {
  const r = streamOf(world.seed, 'hsi-network', network.index);
  const sharing = sharingFor(network, r);
  const orgId = `HSI-O-${partnerNumber(world.seed, 'HSI', network.org)}`;
  x.entity('organization', network.org, 0, orgId, 'Organization', `O-${network.org}`);
  w.entity(orgId, 'Organization', { name: [network.name], country: ['MX'] }, sharing);
  const parties = network.members.map((m) => {
    const party = w.party(r, m.key, sharing, r.chance(0.5) ? 2 : 1);
    w.link('member_of', party.id, orgId, sharing, m.role);
    return party;
  });
  const leader = parties[0]!;
  for (const [i, p] of parties.entries()) {
    if (i > 0) w.link('associate_of', leader.id, p.id, sharing);
    if (i > 1 && r.chance(0.4)) w.link('associate_of', parties[i - 1]!.id, p.id, sharing);
  }
  for (const key of network.vehicles) {
    const v = vehicleAt(world, key);
    const id = `HSI-V-${partnerNumber(world.seed, 'HSI', key)}`;
    x.entity('vehicle', key, 0, id, 'Vehicle', v.entity);
    w.entity(id, 'Vehicle', vehicleProperties(v), sharing);
    w.link('owns', r.pick(parties).id, id, sharing);
  }
  network.companies.forEach((key, slot) => {
    const c = companyAt(network, key, slot, world.seed);
    const id = `HSI-C-${partnerNumber(world.seed, 'HSI', key)}`;
    x.entity('organization', key, 0, id, 'Company', c.entity);
    w.entity(id, 'Company', companyProperties(c), PUBLIC);
    w.link('owns', leader.id, id, sharing);
    for (const p of r.sample(parties.slice(1), 2)) w.link('employs', id, p.id, sharing);
    const addressId = `HSI-A-${partnerNumber(world.seed, 'HSI-company-address', key)}`;
    x.record('Address');
    w.entity(addressId, 'Address', addressProperties(c.address), PUBLIC);
    w.link('located_at', id, addressId, PUBLIC);
  });
  // The leader's phone is the hub of most calls.
  for (let i = 0; i < calls; i++) {
    const a = r.chance(0.5) ? leader : r.pick(parties);
    const others = parties.filter((p) => p !== a);
    const b = r.pick(others);
    const [from, to] = r.chance(0.5) ? [a, b] : [b, a];
    w.call(r, r.pick(from.phones), r.pick(to.phones), network.start, network.end, sharing);
  }
  return parties;
}

export function writeHsiIntel(world: World, x: Exporter): void {
  const w = new HsiWriter(world, x);
  const members = world.networks.reduce((s, n) => s + n.members.length, 0);
  const networkCalls = Math.round(world.counts.hsiCalls * NETWORK_CALL_SHARE);
  const people = Math.min(world.counts.hsiPeople, world.counts.pool);
  const leaders: Phone[][] = [];
  for (const network of world.networks) {
    const calls = Math.round((networkCalls * network.members.length) / members);
    leaders.push(writeNetwork(w, world, x, network, calls)[0]!.phones);
  }
  const r = streamOf(world.seed, 'hsi-background');
  const pool: Phone[][] = [];
  for (let i = 0; i < people; i++) {
    pool.push(w.party(r, keyOf(POOL_RANGE, i), {}, 1).phones);
  }
  const { start, end } = WINDOWS.events;
  const backgroundCalls = world.counts.hsiCalls - networkCalls;
  for (let i = 0; i < backgroundCalls && pool.length > 1; i++) {
    const a = r.int(0, pool.length - 1);
    // Mostly calls among neighbours (small circles); a few reach a network leader.
    const other = r.chance(0.05)
      ? r.pick(leaders)
      : pool[(a + r.int(1, Math.min(20, pool.length - 1))) % pool.length]!;
    w.call(r, r.pick(pool[a]!), r.pick(other), start, end, {});
  }
}
