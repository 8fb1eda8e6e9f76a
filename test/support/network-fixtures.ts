import type { Call } from '../../src/services/context.js';
import { createLink } from '../../src/services/links/create-link.js';
import { createRecord } from '../../src/services/records/create-record.js';

export type Sharing = { marking: string; relCountries?: string[] };

/** Shared with Mexico: what HSI and FGR both see. */
export const US_MX: Sharing = { marking: 'TLP:AMBER', relCountries: ['US', 'MX'] };
/** Kept in Mexico: FGR sees it, HSI does not. */
export const MX_ONLY: Sharing = { marking: 'TLP:AMBER', relCountries: ['MX'] };

const values = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]));

export async function record(
  call: Call,
  schema: string,
  props: Record<string, string>,
  sharing: Sharing = US_MX,
): Promise<string> {
  return (await createRecord(call, { schema, ...sharing, properties: values(props) })).id;
}

export async function link(
  call: Call,
  type: string,
  sourceId: string,
  targetId: string,
  sharing: Sharing = US_MX,
  props: Record<string, string> = {},
): Promise<string> {
  return (
    await createLink(call, { type, sourceId, targetId, ...sharing, properties: values(props) })
  ).id;
}

export interface Ring {
  leader: string;
  members: string[];
  org: string;
  phones: string[];
}

/**
 * A small trafficking ring: a leader tied to every member, an organization they belong to,
 * a phone each and calls from the leader's phone to each member's, within `year`.
 */
export async function seedRing(
  call: Call,
  names: string[],
  orgName: string,
  year: number,
  sharing: Sharing = US_MX,
  prefix = '+52 55 1234 ',
): Promise<Ring> {
  const org = await record(call, 'Organization', { name: orgName, country: 'MX' }, sharing);
  const people: string[] = [];
  const phones: string[] = [];
  for (const [i, name] of names.entries()) {
    const p = await record(call, 'Person', { name }, sharing);
    people.push(p);
    await link(call, 'member_of', p, org, sharing);
    const phone = await record(call, 'Phone', { number: `${prefix}${String(1000 + i)}` }, sharing);
    phones.push(phone);
    await link(call, 'uses_phone', p, phone, sharing);
  }
  const [leader, ...members] = people;
  for (const [i, m] of members.entries()) {
    await link(call, 'associate_of', leader!, m, sharing);
    const c = await record(
      call,
      'Call',
      { date: `${year}-0${(i % 9) + 1}-15`, duration: '120' },
      sharing,
    );
    await link(call, 'involved_in', phones[0]!, c, sharing, { role: 'caller' });
    await link(call, 'involved_in', phones[i + 1]!, c, sharing, { role: 'receiver' });
  }
  return { leader: leader!, members, org, phones };
}
