import { AppError, type ErrorDetail } from '../errors.js';
import { isAgencyCode } from '../identity/agency-code.js';
import { isUuid } from '../ids.js';
import { ALPHA2_CODES } from '../model/values/country-codes.js';

export const TLP = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP)[number];

/** The sharing rules a contributor sets on a record or link. */
export interface Sharing {
  marking: Tlp;
  /** Releasability: empty lists mean the marking alone decides. */
  relCountries: string[];
  relAgencies: string[];
  /** AMBER+STRICT: the organisations named. */
  recipientAgencies: string[];
  /** RED: the individuals named. */
  recipientUsers: string[];
}

export interface SharingInput {
  marking?: unknown;
  relCountries?: unknown;
  relAgencies?: unknown;
  recipientAgencies?: unknown;
  recipientUsers?: unknown;
}

/** Accepts "TLP:AMBER+STRICT", "amber+strict", "TLP:WHITE" (TLP 1.0 name of CLEAR). */
export function parseMarking(raw: unknown): Tlp | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/^TLP:\s*/, '');
  if (s === 'WHITE') return 'CLEAR';
  return (TLP as readonly string[]).includes(s) ? (s as Tlp) : undefined;
}

export const formatMarking = (m: Tlp): string => `TLP:${m}`;

export const isCountryCode = (code: string): boolean => ALPHA2_CODES.has(code);

function stringList(
  raw: unknown,
  field: string,
  normalise: (s: string) => string,
  valid: (s: string) => boolean,
  expected: string,
  errors: ErrorDetail[],
): string[] {
  if (raw === undefined || raw === null) return [];
  const items = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(items)) {
    errors.push({ code: 'not_a_list', field, expected });
    return [];
  }
  const out = new Set<string>();
  for (const item of items) {
    const value = typeof item === 'string' ? normalise(item.trim()) : '';
    if (value === '' && typeof item === 'string' && item.trim() === '') continue;
    if (!valid(value)) {
      errors.push({ code: 'invalid_value', field, value: String(item), expected });
      continue;
    }
    out.add(value);
  }
  return [...out].sort();
}

/**
 * Validates the shape of sharing rules. Whether named agencies and users exist is checked by the
 * caller against the directory.
 */
export function parseSharing(input: SharingInput, defaultMarking?: Tlp): Sharing {
  const errors: ErrorDetail[] = [];
  const marking = input.marking === undefined ? defaultMarking : parseMarking(input.marking);
  if (!marking) {
    errors.push({
      code: 'invalid_marking',
      field: 'marking',
      value: input.marking === undefined ? undefined : String(input.marking),
      expected: 'one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED',
    });
  }
  const upper = (s: string) => s.toUpperCase();
  const sharing: Sharing = {
    marking: marking ?? 'RED',
    relCountries: stringList(
      input.relCountries,
      'relCountries',
      upper,
      isCountryCode,
      'ISO 3166-1 alpha-2 country codes such as US, MX, CA',
      errors,
    ),
    relAgencies: stringList(
      input.relAgencies,
      'relAgencies',
      upper,
      isAgencyCode,
      'agency codes such as CBP or FGR',
      errors,
    ),
    recipientAgencies: stringList(
      input.recipientAgencies,
      'recipientAgencies',
      upper,
      isAgencyCode,
      'agency codes such as CBP or FGR',
      errors,
    ),
    recipientUsers: stringList(
      input.recipientUsers,
      'recipientUsers',
      (s) => s.toLowerCase(),
      isUuid,
      'user ids (UUID)',
      errors,
    ),
  };
  if (marking === 'AMBER+STRICT' && sharing.recipientAgencies.length === 0) {
    errors.push({
      code: 'recipients_required',
      field: 'recipientAgencies',
      expected: 'TLP:AMBER+STRICT names at least one recipient agency',
    });
  }
  if (marking === 'RED' && sharing.recipientUsers.length === 0) {
    errors.push({
      code: 'recipients_required',
      field: 'recipientUsers',
      expected: 'TLP:RED names at least one recipient user',
    });
  }
  if (marking && marking !== 'AMBER+STRICT' && sharing.recipientAgencies.length > 0) {
    errors.push({
      code: 'recipients_not_allowed',
      field: 'recipientAgencies',
      expected: 'recipient agencies only with TLP:AMBER+STRICT',
    });
  }
  if (marking && marking !== 'RED' && sharing.recipientUsers.length > 0) {
    errors.push({
      code: 'recipients_not_allowed',
      field: 'recipientUsers',
      expected: 'recipient users only with TLP:RED',
    });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return sharing;
}
