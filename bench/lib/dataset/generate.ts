import { v7 } from 'uuid';
import { sharingToColumns } from '../../../src/domain/policy/keys.js';
import { parseSharing } from '../../../src/domain/policy/sharing.js';
import { validateRecord } from '../../../src/services/records/validate-record.js';
import type { NewRecordVersion } from '../../../src/storage/records.js';
import { Random, Weighted } from '../../../src/synth/random.js';
import { CULTURE_MIX, type AgencySpec } from './agencies.js';
import type { Culture } from '../../../src/synth/tables/names.js';
import { personProperties } from './people.js';
import { pickSharing } from './markings.js';
import { firearmProperties, organizationProperties, seizureProperties } from './things.js';

/** Share of records per schema. */
export const SCHEMA_MIX = { Person: 0.6, Organization: 0.15, Seizure: 0.15, Firearm: 0.1 } as const;

/** Records are spread evenly over this period, oldest first, so ids follow time. */
const FIRST = Date.parse('2019-01-01T00:00:00Z');
const LAST = Date.parse('2025-06-30T00:00:00Z');

export interface Directory {
  agencies: readonly AgencySpec[];
  users: readonly { id: string; agency: string }[];
}

export type GeneratedVersion = NewRecordVersion & { changed_at: string };

/**
 * The dataset, record by record, as the rows createRecord would write: properties validated and
 * normalised, caption, event date, countries and search terms derived by the product's own code.
 */
export function* generateRecords(
  count: number,
  seed: number,
  dir: Directory,
): Generator<GeneratedVersion> {
  const r = new Random(seed);
  const schemas = new Weighted(Object.entries(SCHEMA_MIX) as [keyof typeof SCHEMA_MIX, number][]);
  const agencies = new Weighted(dir.agencies.map((a) => [a, a.weight] as const));
  const cultures = Object.fromEntries(
    Object.entries(CULTURE_MIX).map(([country, mix]) => [country, new Weighted(mix)]),
  ) as Record<AgencySpec['country'], Weighted<Culture>>;
  const staff = new Map(
    dir.agencies.map((a) => [
      a.code,
      dir.users.filter((u) => u.agency === a.code).map((u) => u.id),
    ]),
  );
  const outsiders = new Map(
    dir.agencies.map((a) => [
      a.code,
      dir.users.filter((u) => u.agency !== a.code).map((u) => u.id),
    ]),
  );
  const step = (LAST - FIRST) / count;

  for (let i = 0; i < count; i++) {
    const msecs = Math.floor(FIRST + i * step + r.next() * step);
    const agency = agencies.pick(r);
    const culture = cultures[agency.country].pick(r);
    const schema = schemas.pick(r);
    // Events happen up to a month before they are reported.
    const eventDate = new Date(msecs - r.int(0, 30) * 86_400_000).toISOString().slice(0, 10);
    const raw =
      schema === 'Person'
        ? personProperties(r, culture, agency.country)
        : schema === 'Organization'
          ? organizationProperties(r, culture, agency.country)
          : schema === 'Seizure'
            ? seizureProperties(r, agency.code, agency.country, eventDate)
            : firearmProperties(r, agency.country);
    const author = r.pick(staff.get(agency.code)!);
    const sharing = parseSharing(
      pickSharing(r, { agency, agencies: dir.agencies, otherUsers: outsiders.get(agency.code)! }),
    );
    yield {
      record_id: v7({ msecs, random: r.bytes(16) }),
      version: 1,
      schema,
      agency: agency.code,
      created_by: author,
      changed_by: author,
      changed_at: new Date(msecs).toISOString(),
      change: 'create',
      source_ref: null,
      retracted: false,
      ...validateRecord(schema, raw),
      ...sharingToColumns(sharing),
    };
  }
}
