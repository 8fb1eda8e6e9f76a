import type { Company } from '../world/companies.js';
import type { Address } from '../world/addresses.js';
import type { Vehicle } from '../world/vehicles.js';
import type { Random } from '../random.js';
import type { Mention } from '../output/people.js';
import { surnames } from '../output/people.js';

/** Sharing set on a line of the native format (the file's defaults apply where absent). */
export interface LineSharing {
  marking?: string;
  rel?: string[];
  recipients?: string[];
}

export type Properties = Record<string, string[]>;

export const entityLine = (
  id: string,
  schema: string,
  properties: Properties,
  sharing: LineSharing = {},
) => ({
  id,
  schema,
  properties,
  ...sharing,
});

export const linkLine = (
  type: string,
  source: string,
  target: string,
  sharing: LineSharing = {},
  properties?: Properties,
) => ({ type, source, target, ...(properties ? { properties } : {}), ...sharing });

const some = (value: string): string[] => (value ? [value] : []);

function compact(props: Record<string, string[]>): Properties {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v.length > 0));
}

/** A person as HSI files them: full name (now and then "SURNAME, Given"), parts, alias. */
export function personProperties(r: Random, m: Mention): Properties {
  const p = m.person;
  const spanish = p.truth.culture === 'es';
  const name = r.chance(0.1)
    ? `${surnames(p).toUpperCase()}, ${p.given}`
    : `${p.given} ${surnames(p)}`;
  return compact({
    name: [name],
    firstName: [p.given],
    ...(spanish
      ? { fatherName: some(p.paternal), motherName: some(p.maternal) }
      : { lastName: some(p.paternal) }),
    birthDate: some(p.birthDate),
    gender: [p.truth.gender],
    nationality: [p.truth.nationality],
    alias: some(p.alias),
  });
}

export const addressProperties = (a: Address): Properties => ({
  full: [a.full],
  street: [a.street],
  city: [a.city],
  state: [a.state],
  postalCode: [a.postalCode],
  country: [a.country],
});

export const vehicleProperties = (v: Vehicle): Properties => ({
  registrationNumber: [v.plate],
  vin: [v.vin],
  make: [v.make],
  model: [v.model],
  color: [v.color],
  buildDate: [String(v.year)],
  type: [v.type],
  country: [v.country],
});

export const companyProperties = (c: Company): Properties => ({
  name: [c.name],
  legalForm: [c.legalForm],
  country: [c.country],
  jurisdiction: [c.country],
  ...(c.country === 'MX' ? { taxNumber: [c.taxNumber] } : { registrationNumber: [c.taxNumber] }),
  address: [c.address.full],
});
