import { AppError } from '../domain/errors.js';

/**
 * Database refusals that reach us despite validation (a race, a policy) become application
 * errors; anything else stays an internal error and is never shown to clients.
 */
export function fromDatabaseError(err: unknown, kind: string, id: string): unknown {
  if (err instanceof AppError || typeof err !== 'object' || err === null) return err;
  const code = (err as { code?: unknown }).code;
  const message = String((err as { message?: unknown }).message ?? '');
  switch (code) {
    case '40001': // version moved on under us
    case '23505': // the same id or natural key twice
      return new AppError('conflict', { kind, id });
    case 'P0002':
      return new AppError('not_found', { kind, id });
    case '42501': // originator check, or a row-level security refusal
      return message.includes('originator')
        ? new AppError('not_originator', { kind, id })
        : new AppError('not_found', { kind, id });
    case '23503':
      return new AppError('validation_failed', {}, [
        { code: 'unknown_reference', expected: 'existing agency, user or record' },
      ]);
    default:
      return err;
  }
}
