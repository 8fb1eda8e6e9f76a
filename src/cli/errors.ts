import type { TFunction } from 'i18next';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { invalidFileMessage } from '../i18n/index.js';

/** The exit statuses scripts can rely on. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  validation: 3,
  notFound: 4,
  conflict: 5,
  databaseUnavailable: 10,
} as const;

/** The database could not be opened or reached; `target` names it without credentials. */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`database unavailable: ${target}`);
    this.name = 'DatabaseUnavailable';
  }
}

// Socket errors, and SQLSTATE classes 08 (connection), 28 (authorisation), 3D000 (no such
// database), 57P0x (server shutting down or starting), 53300 (too many connections).
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function connectionCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || /^(08|28)...$|^3D000$|^57P0[1-3]$|^53300$/.test(code))
      return code;
  }
  // Node reports a failed dual-stack connect as an AggregateError of the attempts.
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner)) return inner.map(connectionCode).find(Boolean);
  return undefined;
}

export const isConnectionError = (err: unknown): boolean => connectionCode(err) !== undefined;

const APP_EXIT: Partial<Record<ErrorCode, number>> = {
  validation_failed: EXIT.validation,
  invalid_file: EXIT.validation,
  bad_request: EXIT.validation,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
};

export function exitCodeFor(err: unknown): number {
  if (err instanceof AppError) return APP_EXIT[err.code] ?? EXIT.failure;
  if (err instanceof DatabaseUnavailable || isConnectionError(err)) return EXIT.databaseUnavailable;
  return EXIT.failure;
}

function reasonOf(err: unknown): string {
  const code = connectionCode(err);
  if (code) return code;
  if (err instanceof Error && err.message) return err.message.split('\n')[0]!;
  return String(err);
}

const OPERATOR_WORDING: Partial<Record<ErrorCode, string>> = {
  conflict: 'cli:error.conflict',
  not_found: 'cli:error.notFound',
};

/** One clear, translated line per problem; validation errors list each field. */
export function describeError(t: TFunction, err: unknown, target: string): string[] {
  if (err instanceof DatabaseUnavailable || isConnectionError(err)) {
    const cause = err instanceof DatabaseUnavailable ? err.cause : err;
    const where = err instanceof DatabaseUnavailable ? err.target : target;
    return [t('cli:error.database', { target: where, reason: reasonOf(cause) })];
  }
  if (!(err instanceof AppError)) {
    return [t('cli:error.unexpected', { reason: reasonOf(err) })];
  }
  if (err.code === 'invalid_file') return [invalidFileMessage(t, err.params)];
  // Problems not tied to one field (a schema, a link type) are named by their code.
  const details = err.details.map((d) => {
    const field = d.field ? t(`cli:field.${d.field}`, { defaultValue: d.field }) : d.code;
    const expected = t(`cli:problem.${d.code}`, { defaultValue: d.expected ?? d.code });
    const key = d.value === undefined ? 'cli:error.fieldNoValue' : 'cli:error.field';
    const text = t(key, { field, value: d.value, expected });
    return `  - ${d.line ? t('cli:error.atLine', { line: d.line, text }) : text}`;
  });
  if (err.code === 'validation_failed') return [t('cli:error.validation'), ...details];
  const kind = typeof err.params.kind === 'string' ? t(`errors:kind.${err.params.kind}`) : '';
  const params = { ...err.params, kind, reference: '-' };
  // The API's wording assumes a viewer ("not shared with you"); the operator sees everything.
  const own = OPERATOR_WORDING[err.code];
  return [t(own ?? `errors:detail.${err.code}`, params), ...details];
}
