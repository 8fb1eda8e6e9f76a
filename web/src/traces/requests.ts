import { FIREARM_TYPES, OBLITERATION } from '../../../src/domain/model/schema-defs.js';
import { PRIORITIES, type FieldProblem, type TraceRequestInput } from './types';

// A trace request as the form or a file gives it, made ready for POST /traces: values trimmed,
// empty ones left out, and the checks the API's schema makes done first, so that each problem is
// named with its line and field (a body the schema refuses as a whole says neither).

export const PERSON_ROLES = ['possessor', 'associate'] as const;
export const MAX_PEOPLE = 20;
export const MAX_BATCH = 1000;

type FieldKind = 'text' | 'date' | 'country' | { choices: readonly string[] };

interface FieldSpec {
  kind: FieldKind;
  max: number;
  required?: boolean;
}

const text = (max = 500, required = false): FieldSpec => ({ kind: 'text', max, required });

/** Every field a request may have, by its path; CSV columns are named by these paths. */
export const REQUEST_FIELDS: Record<string, FieldSpec> = {
  priority: { kind: { choices: PRIORITIES }, max: 20 },
  officer: text(200),
  'firearm.make': text(200, true),
  'firearm.model': text(),
  'firearm.type': { kind: { choices: FIREARM_TYPES }, max: 20 },
  'firearm.caliber': text(),
  'firearm.serialNumber': text(40),
  'firearm.obliterated': { kind: { choices: OBLITERATION }, max: 10 },
  'firearm.importer': text(),
  'firearm.countryOfManufacture': { kind: 'country', max: 2 },
  'recovery.date': { kind: 'date', max: 10, required: true },
  'recovery.country': { kind: 'country', max: 2, required: true },
  'recovery.state': text(),
  'recovery.place': text(),
  'recovery.circumstances': text(1000),
  'recovery.caseNumber': text(100),
};

const PERSON_FIELDS: Record<string, FieldSpec> = {
  role: { kind: { choices: PERSON_ROLES }, max: 20 },
  name: text(300, true),
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** One value checked against its field; the cleaned value, or undefined when left out. */
function checkValue(
  raw: unknown,
  spec: FieldSpec,
  field: string,
  problems: FieldProblem[],
): string | undefined {
  if (raw === undefined || raw === null || raw === '') {
    if (spec.required) problems.push({ code: 'required', field });
    return undefined;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    problems.push({ code: 'wrong_type', field, value: JSON.stringify(raw).slice(0, 80) });
    return undefined;
  }
  let value = String(raw).trim();
  if (value === '') {
    if (spec.required) problems.push({ code: 'required', field });
    return undefined;
  }
  const kind = spec.kind;
  if (kind === 'country') {
    value = value.toUpperCase();
    if (!/^[A-Z]{2}$/.test(value)) {
      problems.push({ code: 'invalid_country', field, value });
      return undefined;
    }
  } else if (kind === 'date') {
    if (!isDay(value)) {
      problems.push({ code: 'invalid_date', field, value });
      return undefined;
    }
  } else if (typeof kind === 'object') {
    const found = kind.choices.find((c) => c.toLowerCase() === value.toLowerCase());
    if (!found) {
      problems.push({ code: 'invalid_choice', field, value, expected: kind.choices.join(', ') });
      return undefined;
    }
    value = found;
  }
  if (value.length > spec.max) {
    problems.push({
      code: 'too_long',
      field,
      value: value.slice(0, 40),
      expected: String(spec.max),
    });
    return undefined;
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(raw: unknown, field: string, problems: FieldProblem[]): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string' && UUID.test(raw.trim())) return raw.trim();
  problems.push({ code: 'invalid_id', field, value: String(raw).slice(0, 80) });
  return undefined;
}

function checkPeople(raw: unknown, problems: FieldProblem[]) {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_PEOPLE) {
    problems.push({ code: 'too_many_people', field: 'people', value: String(MAX_PEOPLE) });
    return undefined;
  }
  const people: NonNullable<TraceRequestInput['people']> = [];
  raw.forEach((p: unknown, i) => {
    const at = `people[${i}]`;
    if (!isObject(p)) {
      problems.push({ code: 'wrong_type', field: at });
      return;
    }
    // A row of a file may leave a person's columns empty: nobody, not a problem.
    if (Object.values(p).every((v) => v === undefined || v === null || String(v).trim() === ''))
      return;
    for (const key of Object.keys(p)) {
      if (!(key in PERSON_FIELDS) && key !== 'recordId')
        problems.push({ code: 'unknown_field', field: `${at}.${key}`, value: key });
    }
    const name = checkValue(p.name, PERSON_FIELDS.name!, `${at}.name`, problems);
    const role = checkValue(p.role, PERSON_FIELDS.role!, `${at}.role`, problems) ?? 'possessor';
    const recordId = checkId(p.recordId, `${at}.recordId`, problems);
    if (name) people.push({ role, name, ...(recordId ? { recordId } : {}) });
  });
  return people.length ? people : undefined;
}

/**
 * Checks and cleans one request (an object as a form or file gives it). Problems carry the
 * field's path (`firearm.make`, `people[0].name`); the caller adds the line.
 */
export function prepareRequest(raw: unknown): {
  request: TraceRequestInput;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const request: TraceRequestInput = { firearm: {}, recovery: {} };
  if (!isObject(raw)) {
    problems.push({ code: 'wrong_type', field: '' });
    return { request, problems };
  }
  const known = new Set(['priority', 'officer', 'firearm', 'recovery', 'people']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && key !== 'recoveryId' && key !== 'firearmId')
      problems.push({ code: 'unknown_field', field: key, value: key });
  }
  for (const group of ['firearm', 'recovery'] as const) {
    const part = raw[group] ?? {};
    if (!isObject(part)) {
      problems.push({ code: 'wrong_type', field: group });
      continue;
    }
    for (const key of Object.keys(part)) {
      if (!(`${group}.${key}` in REQUEST_FIELDS))
        problems.push({ code: 'unknown_field', field: `${group}.${key}`, value: key });
    }
  }
  for (const [path, spec] of Object.entries(REQUEST_FIELDS)) {
    const [head, key] = path.split('.') as [string, string | undefined];
    const source = key === undefined ? raw : raw[head];
    const value = checkValue(
      isObject(source) ? source[key ?? head] : undefined,
      spec,
      path,
      problems,
    );
    if (value === undefined) continue;
    if (key === undefined) (request as unknown as Record<string, string>)[head] = value;
    else (request[head as 'firearm' | 'recovery'] as Record<string, string>)[key] = value;
  }
  // A gun whose serial was not ground off entirely needs its serial, as the server checks.
  if (
    !request.firearm.serialNumber &&
    request.firearm.obliterated !== 'yes' &&
    !problems.some((p) => p.field === 'firearm.serialNumber')
  )
    problems.push({ code: 'impossible_serial', field: 'firearm.serialNumber', value: '' });
  const recoveryId = checkId(raw.recoveryId, 'recoveryId', problems);
  const firearmId = checkId(raw.firearmId, 'firearmId', problems);
  const people = checkPeople(raw.people, problems);
  return {
    request: {
      ...request,
      ...(recoveryId ? { recoveryId } : {}),
      ...(firearmId ? { firearmId } : {}),
      ...(people ? { people } : {}),
    },
    problems,
  };
}
