import type { TFunction } from 'i18next';
import { AppError } from '../../domain/errors.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { isAudited, markAudited } from '../audited.js';

/** The last name in a field path: `documents[2].title` → `title`. */
const lastName = (field: string | undefined) =>
  field
    ?.replace(/\[\d+\]/g, '')
    .split('.')
    .at(-1) ?? '';

/**
 * Words a refusal of the cooperation services in the reader's language: each problem's
 * `expected` from the catalogue (errors:cooperation.*), by code and field, with the values it
 * names; problems the catalogue does not know keep their English. The HTTP routes and the
 * command line call it on the way out, so the services stay free of languages. The audit entry
 * was written for the original refusal, and the reworded one says so.
 */
export function localizeProblem(err: unknown, t: TFunction): unknown {
  if (!(err instanceof AppError) || err.details.length === 0) return err;
  const details = err.details.map((d: Problem) => {
    const values = { value: d.value ?? '', ...d.params };
    const expected =
      t(`errors:cooperation.byField.${d.code}.${lastName(d.field)}`, {
        ...values,
        defaultValue: '',
      }) ||
      t(`errors:cooperation.expected.${d.code}`, { ...values, defaultValue: '' }) ||
      d.expected;
    // The values went into the words; the detail leaves as the API defines it.
    const rest: Problem = { ...d };
    delete rest.params;
    return { ...rest, ...(expected !== undefined ? { expected } : {}) };
  });
  const out = new AppError(err.code, err.params, details);
  if (isAudited(err)) markAudited(out);
  return out;
}

/** A progress update refused because the commitment is done or dropped. */
export const isClosedRefusal = (err: unknown): err is AppError =>
  err instanceof AppError &&
  err.code === 'conflict' &&
  err.details.some((d) => d.code === 'commitment_closed');
