import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from '../domain/errors.js';
import { isUuid } from '../domain/ids.js';
import { normaliseDate } from '../domain/model/values/date.js';
import { PATH_KIND } from './schemas/common.js';

FormatRegistry.Set('uuid', isUuid);
FormatRegistry.Set('date', (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && normaliseDate(s).ok);
FormatRegistry.Set('date-or-time', (s) => normaliseDate(s).ok && !Number.isNaN(Date.parse(s)));
FormatRegistry.Set('date-time', (s) => !Number.isNaN(Date.parse(s)));

/** What a field should have held, as catalogue keys (api namespace); alternatives read "a or b". */
export interface Expectation {
  key: string;
  params?: Record<string, string | number>;
}

export interface Issue {
  code: string;
  field: string;
  value?: string;
  expected: Expectation[];
}

/** A request that failed its schema before any service ran. */
export class InvalidRequest extends Error {
  constructor(
    readonly part: string,
    readonly issues: Issue[],
  ) {
    super(`invalid ${part}`);
    this.name = 'InvalidRequest';
  }
}

const MAX_ISSUES = 50;

/**
 * Validates with TypeBox. Bodies are taken as sent (a number is not text); query, path and
 * header values are strings on the wire, so they are converted first, and list parameters
 * accept repeated keys or comma-separated values. A malformed path id is not found.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  return (data: unknown) => {
    const value = prepare(schema, httpPart, data);
    if (check.Check(value)) return { value };
    if (httpPart === 'params') {
      const id = String((data as { id?: unknown } | null)?.id ?? '');
      return {
        error: new AppError('not_found', { kind: String(schema[PATH_KIND] ?? 'resource'), id }),
      };
    }
    return { error: new InvalidRequest(httpPart ?? 'body', issues(check.Errors(value))) };
  };
};

function prepare(schema: TSchema, part: string | undefined, data: unknown): unknown {
  // An empty POST stands for an empty object, so optional-only bodies need no "{}".
  if (part === 'body') return data ?? {};
  if (part === 'querystring' && data && typeof data === 'object')
    splitLists(schema, data as Record<string, unknown>);
  return Value.Convert(schema, data);
}

function splitLists(schema: TSchema, query: Record<string, unknown>) {
  for (const [key, property] of Object.entries(
    (schema.properties ?? {}) as Record<string, TSchema>,
  )) {
    const raw = query[key];
    if (property[Kind] !== 'Array' || raw === undefined) continue;
    query[key] = (Array.isArray(raw) ? raw : [raw])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }
}

function issues(errors: Iterable<ValueError>): Issue[] {
  const byField = new Map<string, Issue>();
  for (const error of errors) {
    const found = issue(error);
    // TypeBox reports a missing property twice (required, then wrong type): keep the first.
    if (!byField.has(found.field)) byField.set(found.field, found);
    if (byField.size >= MAX_ISSUES) break;
  }
  return [...byField.values()];
}

function issue(e: ValueError): Issue {
  const field = e.path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const s = e.schema;
  const at = (code: string, ...expected: Expectation[]): Issue => ({
    code,
    field,
    value: shown(e.value),
    expected,
  });
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { code: 'required', field, expected: [{ key: 'expected.required' }] };
    case ValueErrorType.ObjectAdditionalProperties: {
      const allowed = Object.keys(s.properties ?? {});
      return allowed.length
        ? at('unknown_field', {
            key: 'expected.unknown_field',
            params: { allowed: allowed.join(', ') },
          })
        : at('unknown_field', { key: 'expected.nothing' });
    }
    case ValueErrorType.StringMaxLength:
      return at('too_long', { key: 'expected.too_long', params: { limit: s.maxLength } });
    case ValueErrorType.StringMinLength:
      return at('too_short', { key: 'expected.too_short', params: { limit: s.minLength } });
    case ValueErrorType.ArrayMaxItems:
      return at('too_many', { key: 'expected.too_many', params: { limit: s.maxItems } });
    case ValueErrorType.ArrayMinItems:
      return at('too_few', { key: 'expected.too_few', params: { limit: s.minItems } });
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return at('out_of_range', { key: 'expected.minimum', params: { limit: s.minimum } });
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return at('out_of_range', { key: 'expected.maximum', params: { limit: s.maximum } });
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringPattern:
      return at('invalid_format', ...describe(s));
    case ValueErrorType.Kind:
    case ValueErrorType.Literal:
    case ValueErrorType.Union:
      return at(allLiterals(s) ? 'not_allowed' : 'wrong_type', ...describe(s));
    default:
      return at('wrong_type', ...describe(s));
  }
}

/** The values of a closed list (a StringEnum, a literal or a union of literals), if it is one. */
function choices(s: TSchema): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if (s[Kind] === 'Literal') return [s.const];
  if (!Array.isArray(s.anyOf)) return undefined;
  const each = (s.anyOf as TSchema[]).map(choices);
  return each.every((c) => c !== undefined) ? each.flat() : undefined;
}

const allLiterals = (s: TSchema): boolean => choices(s) !== undefined;

/** What a schema accepts, in words the catalogue can translate. */
function describe(s: TSchema): Expectation[] {
  const values = choices(s);
  if (values) return [{ key: 'expected.one_of', params: { values: values.join(', ') } }];
  if (Array.isArray(s.anyOf)) return (s.anyOf as TSchema[]).flatMap(describe);
  if (typeof s.format === 'string') return [{ key: `format.${s.format}` }];
  if (typeof s.pattern === 'string')
    return [{ key: 'expected.pattern', params: { pattern: s.pattern } }];
  if (typeof s.type === 'string') return [{ key: `type.${s.type}` }];
  return [{ key: 'expected.invalid' }];
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
