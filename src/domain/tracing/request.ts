import type { ErrorDetail } from '../errors.js';
import { isUuid } from '../ids.js';
import { FIREARM_TYPES, OBLITERATION } from '../model/index.js';
import { isCountryCode } from '../policy/sharing.js';
import { makerOf, type Maker } from './makers.js';
import { readSerial, type SerialReading } from './serial.js';
import { PRIORITIES, type Priority } from './status.js';
import type { FirearmDescription, FirearmType } from './types.js';

/** A trace request as a partner fills the form in, before it is checked. */
export interface TraceRequestInput {
  priority?: unknown;
  officer?: unknown;
  firearm?: unknown;
  recovery?: unknown;
  recoveryId?: unknown;
  firearmId?: unknown;
  people?: unknown;
}

export interface ParsedTraceRequest {
  priority: Priority;
  officer: string;
  firearm: FirearmDescription;
  maker: Maker;
  serial: Exclude<SerialReading, { kind: 'impossible' }>;
  recovery: {
    date: string;
    country: string;
    state?: string;
    place?: string;
    circumstances?: string;
    caseNumber?: string;
  };
  recoveryId: string | null;
  firearmId: string | null;
  people: { role: 'possessor' | 'associate'; name: string; recordId?: string }[];
}

const MAX_TEXT = 500;
const MAX_PEOPLE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(
  errors: ErrorDetail[],
  obj: Record<string, unknown>,
  key: string,
  field: string,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > MAX_TEXT) {
    errors.push({ code: 'invalid_value', field, value: String(v).slice(0, 80), expected: 'text' });
    return undefined;
  }
  return v.trim() || undefined;
}

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const SERIAL_EXPECTED = {
  characters: 'letters and digits, with ? for one illegible character and * for several',
  length: 'a serial of 3 to 20 characters',
  too_few_legible: 'at least 4 legible characters',
} as const;

function parseFirearm(errors: ErrorDetail[], raw: unknown) {
  if (!isObject(raw)) {
    errors.push({ code: 'required', field: 'firearm', expected: 'the firearm description' });
    return null;
  }
  const make = text(errors, raw, 'make', 'firearm.make');
  const maker = make ? makerOf(make) : null;
  if (!make) errors.push({ code: 'required', field: 'firearm.make', expected: 'the maker' });
  else if (!maker) {
    errors.push({
      code: 'unknown_maker',
      field: 'firearm.make',
      value: make,
      expected: 'a maker or importer in the makers table (e.g. Colt, Glock, Sturm Ruger)',
    });
  }
  const type = text(errors, raw, 'type', 'firearm.type');
  if (type && !(FIREARM_TYPES as readonly string[]).includes(type)) {
    errors.push({
      code: 'invalid_choice',
      field: 'firearm.type',
      value: type,
      expected: FIREARM_TYPES.join(', '),
    });
  }
  const obliterated = text(errors, raw, 'obliterated', 'firearm.obliterated') ?? 'no';
  if (!(OBLITERATION as readonly string[]).includes(obliterated)) {
    errors.push({
      code: 'invalid_choice',
      field: 'firearm.obliterated',
      value: obliterated,
      expected: OBLITERATION.join(', '),
    });
  }
  const serialNumber = text(errors, raw, 'serialNumber', 'firearm.serialNumber');
  const serial = readSerial(serialNumber, obliterated === 'yes');
  if (serial.kind === 'impossible') {
    errors.push({
      code: 'impossible_serial',
      field: 'firearm.serialNumber',
      value: serialNumber ?? '',
      expected: SERIAL_EXPECTED[serial.reason],
    });
  }
  const made = text(errors, raw, 'countryOfManufacture', 'firearm.countryOfManufacture');
  const country = made?.toUpperCase();
  if (country && !isCountryCode(country)) {
    errors.push({
      code: 'invalid_country',
      field: 'firearm.countryOfManufacture',
      value: made!,
      expected: 'an ISO 3166 alpha-2 code',
    });
  }
  const firearm: FirearmDescription = {
    make: make ?? '',
    model: text(errors, raw, 'model', 'firearm.model'),
    type: type as FirearmType | undefined,
    caliber: text(errors, raw, 'caliber', 'firearm.caliber'),
    serialNumber,
    obliterated: obliterated as FirearmDescription['obliterated'],
    importer: text(errors, raw, 'importer', 'firearm.importer'),
    countryOfManufacture: country,
  };
  return { firearm, maker, serial };
}

function parseRecovery(errors: ErrorDetail[], raw: unknown, today: string) {
  if (!isObject(raw)) {
    errors.push({ code: 'required', field: 'recovery', expected: 'the recovery details' });
    return null;
  }
  const date = text(errors, raw, 'date', 'recovery.date');
  if (!date || !validDate(date)) {
    errors.push({
      code: 'invalid_date',
      field: 'recovery.date',
      value: date ?? '',
      expected: 'the recovery date as YYYY-MM-DD',
    });
  } else if (date > today) {
    errors.push({
      code: 'future_date',
      field: 'recovery.date',
      value: date,
      expected: `a date on or before ${today}`,
    });
  }
  const country = text(errors, raw, 'country', 'recovery.country')?.toUpperCase();
  if (!country || !isCountryCode(country)) {
    errors.push({
      code: 'invalid_country',
      field: 'recovery.country',
      value: country ?? '',
      expected: 'the ISO 3166 alpha-2 code of the country of recovery',
    });
  }
  return {
    date: date ?? '',
    country: country ?? '',
    state: text(errors, raw, 'state', 'recovery.state'),
    place: text(errors, raw, 'place', 'recovery.place'),
    circumstances: text(errors, raw, 'circumstances', 'recovery.circumstances'),
    caseNumber: text(errors, raw, 'caseNumber', 'recovery.caseNumber'),
  };
}

function recordId(errors: ErrorDetail[], v: unknown, field: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && isUuid(v)) return v;
  errors.push({
    code: 'invalid_id',
    field,
    value: String(v).slice(0, 80),
    expected: 'a record id',
  });
  return null;
}

function parsePeople(errors: ErrorDetail[], raw: unknown): ParsedTraceRequest['people'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_PEOPLE) {
    errors.push({ code: 'invalid_value', field: 'people', expected: `up to ${MAX_PEOPLE} people` });
    return [];
  }
  return raw.flatMap((p, i) => {
    const field = `people[${i}]`;
    if (!isObject(p)) {
      errors.push({ code: 'invalid_value', field, expected: 'a person: role and name' });
      return [];
    }
    const role = p.role === 'associate' ? 'associate' : 'possessor';
    const name = text(errors, p, 'name', `${field}.name`);
    if (!name) errors.push({ code: 'required', field: `${field}.name`, expected: 'a name' });
    const id = recordId(errors, p.recordId, `${field}.recordId`);
    return name ? [{ role, name, ...(id ? { recordId: id } : {}) }] : [];
  });
}

/**
 * Checks a trace request as the trace form does: a known maker, a serial that can exist (or is
 * declared obliterated), a recovery date that is a real day not in the future, countries as ISO
 * codes. Returns every problem at once, each naming its field.
 */
export function parseTraceRequest(
  input: TraceRequestInput,
  today: string,
): { ok: true; value: ParsedTraceRequest } | { ok: false; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const priority = input.priority ?? 'routine';
  if (!(PRIORITIES as readonly unknown[]).includes(priority)) {
    errors.push({
      code: 'invalid_choice',
      field: 'priority',
      value: String(priority),
      expected: PRIORITIES.join(', '),
    });
  }
  const officer = text(errors, input as Record<string, unknown>, 'officer', 'officer') ?? '';
  const gun = parseFirearm(errors, input.firearm);
  const recovery = parseRecovery(errors, input.recovery, today);
  const recoveryId = recordId(errors, input.recoveryId, 'recoveryId');
  const firearmId = recordId(errors, input.firearmId, 'firearmId');
  const people = parsePeople(errors, input.people);
  if (errors.length || !gun?.maker || !recovery || gun.serial.kind === 'impossible') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      priority: priority as Priority,
      officer,
      firearm: gun.firearm,
      maker: gun.maker,
      serial: gun.serial,
      recovery,
      recoveryId,
      firearmId,
      people,
    },
  };
}
