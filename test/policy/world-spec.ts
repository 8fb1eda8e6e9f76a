import fc from 'fast-check';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { MARKINGS, type Marking } from './reference.js';

/*
 * Random worlds as plain data: sizes, markings and indices into the world's own lists (agencies,
 * users, records), resolved to real ids only when the world is built.
 */

export const COUNTRIES = ['US', 'MX', 'CA'] as const;
export const SCHEMAS = ['Person', 'Organization', 'Company', 'Address', 'Firearm'] as const;
// Shared surnames make one search hit records of many agencies and markings at once.
export const GIVEN = ['José', 'María', 'Ana', 'Luis', 'Marie', 'Jean', 'John', 'Sarah'] as const;
export const SURNAMES = [
  'García',
  'Peña',
  'Tremblay',
  'Côté',
  'Núñez',
  'Gagnon',
  'Smith',
  'Hernández',
];

export const ROLE_BY_RANK: readonly Viewer['role'][] = ['supervisor', 'analyst', 'liaison'];

// Indices into the world's lists, uniformly spread (small numbers would pick the same few).
const ix = fc.noBias(fc.nat({ max: 1_000_000 }));
const some = (max: number) => fc.array(ix, { minLength: 1, maxLength: max });

// Weighted so that a good share of rows is visible to a given viewer (links need three).
const marking = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Marking>('CLEAR') },
  { weight: 3, arbitrary: fc.constant<Marking>('GREEN') },
  { weight: 3, arbitrary: fc.constant<Marking>('AMBER') },
  { weight: 2, arbitrary: fc.constant<Marking>('AMBER+STRICT') },
  { weight: 2, arbitrary: fc.constant<Marking>('RED') },
);

const sharingSpec = fc.record({
  marking,
  relCountries: fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray([...COUNTRIES], { minLength: 1 }) },
  ),
  relAgencies: fc.oneof(
    { weight: 4, arbitrary: fc.constant<number[]>([]) },
    { weight: 1, arbitrary: some(2) },
  ),
  recipientAgencies: some(3),
  recipientUsers: some(4),
});
export type SharingSpec = typeof sharingSpec extends fc.Arbitrary<infer T> ? T : never;

const many = <T>(item: fc.Arbitrary<T>, minLength: number, maxLength: number) =>
  fc.array(item, { minLength, maxLength, size: 'max' });

export const worldSpec = fc.record({
  agenciesPerCountry: fc.tuple(
    fc.integer({ min: 2, max: 3 }),
    fc.integer({ min: 2, max: 3 }),
    fc.integer({ min: 2, max: 3 }),
  ),
  usersPerAgency: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 9, maxLength: 9 }),
  records: many(
    fc.record({ creator: ix, schema: ix, given: ix, surname: ix, sharing: sharingSpec }),
    1,
    30,
  ),
  links: many(fc.record({ source: ix, target: ix, creator: ix, sharing: sharingSpec }), 0, 20),
  renames: many(fc.record({ record: ix, actor: ix, surname: ix }), 0, 4),
  remarks: many(fc.record({ record: ix, actor: ix, sharing: sharingSpec }), 0, 10),
  retracts: many(fc.record({ record: ix, actor: ix }), 0, 5),
  linkRemarks: many(fc.record({ link: ix, sharing: sharingSpec }), 0, 6),
  linkRetracts: many(ix, 0, 3),
  viewers: fc.array(
    fc.record({ user: ix, surname: ix, given: ix, schema: ix, agency: ix, shout: fc.boolean() }),
    { minLength: 3, maxLength: 3 },
  ),
});
export type WorldSpec = typeof worldSpec extends fc.Arbitrary<infer T> ? T : never;

export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** A re-mark always moves to another marking, so versions of one record differ. */
export function otherMarking(s: SharingSpec, current: Marking): SharingSpec {
  if (s.marking !== current) return s;
  return { ...s, marking: pick(MARKINGS, MARKINGS.indexOf(current) + 1) };
}
