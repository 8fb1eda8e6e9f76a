/**
 * The one application error. `code` is stable (clients and translations key on it); `params`
 * fill the translated message; `details` carries per-field problems for validation errors.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'not_originator'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_file'
  | 'rate_limited'
  | 'cancelled'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_originator: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_file: 422,
  rate_limited: 429,
  // nginx's "client closed request": the asker left before the answer was ready.
  cancelled: 499,
  internal: 500,
};

export interface ErrorDetail {
  code: string;
  /** Where in an imported file (1-based line). */
  line?: number;
  field?: string;
  value?: string;
  expected?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const notFound = (kind: string, id: string) => new AppError('not_found', { kind, id });
