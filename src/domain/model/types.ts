import { invalid, type ValueResult } from './result.js';
import { normaliseCountry } from './values/country.js';
import { normaliseDate } from './values/date.js';
import { normaliseEnum } from './values/enum.js';
import { normaliseInteger, normaliseNumber } from './values/numbers.js';
import { normalisePhone } from './values/phone.js';
import { normaliseQuantity } from './values/quantity.js';
import {
  normaliseIdentifier,
  normaliseName,
  normalisePlainString,
  normaliseText,
} from './values/strings.js';
import { normaliseEmail, normaliseUrl } from './values/web.js';

export type TypeName =
  | 'name'
  | 'string'
  | 'text'
  | 'date'
  | 'country'
  | 'quantity'
  | 'number'
  | 'integer'
  | 'identifier'
  | 'phone'
  | 'email'
  | 'url'
  | 'enum';

/**
 * How a type feeds full-text search: `full` values are indexed whole, `capped`
 * ones (long free text) only by their beginning, `none` not at all.
 */
export type Searchable = 'full' | 'capped' | 'none';

export interface PropertyType {
  name: TypeName;
  /** Short English description of a valid value, for people reading errors or docs. */
  description: string;
  searchable: Searchable;
  normalise: (raw: string) => ValueResult;
}

/** A property as declared by a schema or a link kind. */
export interface PropertyDef {
  name: string;
  type: TypeName;
  /** Allowed values, in canonical spelling; required when type is 'enum'. */
  enum?: readonly string[];
  /** Inclusive bounds, checked for 'number' and 'integer' values. */
  min?: number;
  max?: number;
}

function needsOptions(): ValueResult {
  return invalid('invalid_choice', 'one of the options defined for the property');
}

export const PROPERTY_TYPES: Readonly<Record<TypeName, PropertyType>> = {
  name: { name: 'name', description: 'a name', searchable: 'full', normalise: normaliseName },
  string: {
    name: 'string',
    description: 'a short text',
    searchable: 'full',
    normalise: normalisePlainString,
  },
  text: {
    name: 'text',
    description: 'a long text',
    searchable: 'capped',
    normalise: normaliseText,
  },
  date: {
    name: 'date',
    description: 'a date YYYY, YYYY-MM, YYYY-MM-DD or a date and time',
    searchable: 'none',
    normalise: normaliseDate,
  },
  country: {
    name: 'country',
    description: 'an ISO 3166-1 country code',
    searchable: 'none',
    normalise: normaliseCountry,
  },
  quantity: {
    name: 'quantity',
    description: 'an amount with a unit',
    searchable: 'none',
    normalise: normaliseQuantity,
  },
  number: {
    name: 'number',
    description: 'a decimal number',
    searchable: 'none',
    normalise: normaliseNumber,
  },
  integer: {
    name: 'integer',
    description: 'a whole number of zero or more',
    searchable: 'none',
    normalise: normaliseInteger,
  },
  identifier: {
    name: 'identifier',
    description: 'an identifier or reference number',
    searchable: 'full',
    normalise: normaliseIdentifier,
  },
  phone: {
    name: 'phone',
    description: 'a phone number',
    searchable: 'full',
    normalise: normalisePhone,
  },
  email: {
    name: 'email',
    description: 'an email address',
    searchable: 'full',
    normalise: normaliseEmail,
  },
  url: { name: 'url', description: 'a web address', searchable: 'none', normalise: normaliseUrl },
  enum: {
    name: 'enum',
    description: 'one of a fixed list of options',
    searchable: 'full',
    normalise: needsOptions,
  },
};

function checkRange(def: PropertyDef, value: string): ValueResult {
  const n = Number(value);
  if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
    const lo = def.min ?? '-∞';
    const hi = def.max ?? '∞';
    return invalid('out_of_range', `a number from ${lo} to ${hi}`);
  }
  return { ok: true, value };
}

/** Validates and normalises one raw value of a property. */
export function normaliseValue(def: PropertyDef, raw: string): ValueResult {
  if (def.type === 'enum') return normaliseEnum(raw, def.enum ?? []);
  const result = PROPERTY_TYPES[def.type].normalise(raw);
  if (!result.ok || (def.type !== 'number' && def.type !== 'integer')) return result;
  return checkRange(def, result.value);
}
