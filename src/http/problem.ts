import type { TFunction } from 'i18next';
import { AppError, type ErrorDetail } from '../domain/errors.js';
import { invalidFileMessage } from '../i18n/index.js';
import { InvalidRequest, type Expectation, type Issue } from './validation.js';

/**
 * A problem before translation: catalogue keys and their parameters. `title`/`detail` default
 * to errors:title.<code> / errors:detail.<code>.
 */
export interface ProblemSpec {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  params?: Record<string, string | number>;
  /** Service details carry their own `expected` text; schema issues carry catalogue keys. */
  errors?: (ErrorDetail | Issue)[];
}

/** A problem the HTTP layer raises itself (unknown route, database unreachable). */
export class HttpProblem extends Error {
  constructor(readonly spec: ProblemSpec) {
    super(spec.code);
    this.name = 'HttpProblem';
  }
}

const badRequest = (reason: string): ProblemSpec => ({
  status: 400,
  code: 'bad_request',
  params: { reason },
});

/** Fastify's own refusals, by their error code. */
const FRAMEWORK: Record<string, (limit: number) => ProblemSpec> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => badRequest('invalid_json'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => badRequest('empty_json'),
  FST_ERR_CTP_BODY_TOO_LARGE: (limit) => ({
    status: 413,
    code: 'payload_too_large',
    params: { limit },
  }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({ status: 415, code: 'unsupported_media_type' }),
};

/** Maps anything thrown while answering a request to a problem; unknown errors are internal. */
export function toProblem(err: unknown, bodyLimit: number): ProblemSpec {
  if (err instanceof HttpProblem) return err.spec;
  if (err instanceof InvalidRequest)
    return { status: 422, code: 'validation_failed', errors: err.issues };
  if (err instanceof AppError) {
    return {
      status: err.status,
      code: err.code,
      params: err.params,
      errors: err.details.length ? err.details : undefined,
    };
  }
  const fastify = err as { code?: unknown; statusCode?: unknown };
  const known = typeof fastify.code === 'string' ? FRAMEWORK[fastify.code] : undefined;
  if (known) return known(bodyLimit);
  if (
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    return badRequest('unreadable');
  }
  return { status: 500, code: 'internal' };
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  reference?: string;
  errors?: ErrorDetail[];
}

/** The RFC 9457 document in the reader's language. */
export function renderProblem(
  spec: ProblemSpec,
  t: TFunction,
  instance: string,
  reference: string,
): ProblemDocument {
  const params: Record<string, string | number> = { ...spec.params };
  if (typeof params.kind === 'string')
    params.kind = t(`kind.${params.kind}`, { defaultValue: params.kind });
  if (spec.code === 'bad_request') params.reason = t(`api:reason.${params.reason ?? 'unreadable'}`);
  if (spec.code === 'internal') params.reference = reference;
  return {
    type: `urn:puente:problem:${spec.code}`,
    title: t(spec.title ?? `title.${spec.code}`),
    status: spec.status,
    detail:
      spec.code === 'invalid_file'
        ? invalidFileMessage(t, params)
        : t(spec.detail ?? `detail.${spec.code}`, params),
    instance,
    code: spec.code,
    ...(spec.status >= 500 ? { reference } : {}),
    ...(spec.errors ? { errors: spec.errors.map((e) => renderError(e, t)) } : {}),
  };
}

function renderError(e: ErrorDetail | Issue, t: TFunction): ErrorDetail {
  const expected = Array.isArray(e.expected)
    ? e.expected.map((x) => phrase(x, t)).join(t('api:or'))
    : e.expected;
  return {
    code: e.code,
    ...('line' in e && e.line !== undefined ? { line: e.line } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
    ...(expected !== undefined ? { expected } : {}),
  };
}

const phrase = (x: Expectation, t: TFunction): string =>
  t(`api:${x.key}`, { ...x.params, defaultValue: x.key });
