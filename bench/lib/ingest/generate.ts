import { Random, Weighted } from '../../../src/synth/random.js';
import type { Culture } from '../../../src/synth/tables/names.js';
import { AGENCIES, CULTURE_MIX } from '../dataset/agencies.js';
import { personProperties } from '../dataset/people.js';
import { firearmProperties, organizationProperties, seizureProperties } from '../dataset/things.js';
import { benchUserIds } from './directory.js';

/** The agency whose partner file is imported; every record is its own. */
export const IMPORTER = AGENCIES[0]!;

/** Share of records per schema. */
export const SCHEMA_MIX = {
  Person: 0.55,
  Organization: 0.15,
  Seizure: 0.15,
  Firearm: 0.15,
} as const;
type Schema = keyof typeof SCHEMA_MIX;

/** After each record, the chance that a link line follows it. */
export const LINK_RATE = 0.1;

/** Share of lines per marking; what each carries is in `marking()`. */
export const MARKING_MIX = {
  none: 0.3,
  CLEAR: 0.05,
  GREEN: 0.05,
  AMBER: 0.3,
  'AMBER+STRICT': 0.2,
  RED: 0.1,
} as const;

// Link ends are drawn from the last records of each schema written, so every end is a record
// earlier in the file (as a partner's export would list them).
const RECENT = 2000;
const LINKS: readonly { type: string; source: Schema; target: Schema; role?: string[] }[] = [
  { type: 'member_of', source: 'Person', target: 'Organization', role: ['socio', 'employee'] },
  { type: 'associate_of', source: 'Person', target: 'Person' },
  { type: 'involved_in', source: 'Person', target: 'Seizure', role: ['driver', 'passenger'] },
  { type: 'seized_in', source: 'Firearm', target: 'Seizure' },
  { type: 'purchased', source: 'Person', target: 'Firearm' },
];

const FIRST = Date.parse('2019-01-01T00:00:00Z');
const DAYS = 6.5 * 365;

export interface Line {
  kind: 'record' | 'link';
  text: string;
}

/**
 * The partner file of the benchmark, line by line: FollowTheMoney-style entities of one agency
 * (persons, organizations, seizures, firearms) and now and then a link between two of them,
 * each line with its own marking and releasability (or none: the file's default applies).
 */
export function* partnerLines(seed: number): Generator<Line> {
  const r = new Random(seed);
  const schemas = new Weighted(Object.entries(SCHEMA_MIX) as [Schema, number][]);
  const markings = new Weighted(
    Object.entries(MARKING_MIX) as [keyof typeof MARKING_MIX, number][],
  );
  const cultures = new Weighted<Culture>(CULTURE_MIX[IMPORTER.country]);
  const others = AGENCIES.filter((a) => a.code !== IMPORTER.code).map((a) => a.code);
  const outsiders = AGENCIES.filter((a) => a.code !== IMPORTER.code).flatMap((a) =>
    benchUserIds(a.code),
  );
  const recent: Record<Schema, string[]> = {
    Person: [],
    Organization: [],
    Seizure: [],
    Firearm: [],
  };
  const sharing = (): Record<string, unknown> => {
    const m = markings.pick(r);
    switch (m) {
      case 'none':
        return {};
      case 'AMBER':
        return r.chance(0.5) ? { marking: m } : { marking: m, rel: ['US', r.pick(['MX', 'CA'])] };
      case 'AMBER+STRICT':
        return { marking: m, recipients: r.sample(others, r.int(1, 3)) };
      case 'RED':
        return { marking: m, recipients: r.sample(outsiders, r.int(1, 2)) };
      default:
        return { marking: m };
    }
  };

  for (let n = 1; ; n++) {
    const schema = schemas.pick(r);
    const culture = cultures.pick(r);
    const date = new Date(FIRST + r.int(0, DAYS) * 86_400_000).toISOString().slice(0, 10);
    const properties =
      schema === 'Person'
        ? personProperties(r, culture, IMPORTER.country)
        : schema === 'Organization'
          ? organizationProperties(r, culture, IMPORTER.country)
          : schema === 'Seizure'
            ? seizureProperties(r, IMPORTER.code, IMPORTER.country, date)
            : firearmProperties(r, IMPORTER.country);
    const id = `${schema.slice(0, 3).toUpperCase()}-${n}`;
    const pool = recent[schema];
    if (pool.length === RECENT) pool[n % RECENT] = id;
    else pool.push(id);
    yield { kind: 'record', text: JSON.stringify({ id, schema, properties, ...sharing() }) };

    if (!r.chance(LINK_RATE)) continue;
    const def = r.pick(LINKS);
    const source = r.pick(recent[def.source]);
    const target = r.pick(recent[def.target]);
    if (!source || !target || source === target) continue;
    const props: Record<string, string[]> = {};
    if (def.role && r.chance(0.5)) props.role = [r.pick(def.role)];
    if (r.chance(0.3)) props.date = [date];
    yield {
      kind: 'link',
      text: JSON.stringify({
        id: `L-${n}`,
        type: def.type,
        source,
        target,
        properties: props,
        ...sharing(),
      }),
    };
  }
}
