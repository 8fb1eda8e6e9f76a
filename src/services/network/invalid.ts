import { AppError } from '../../domain/errors.js';

/** A parameter out of range, answered as the HTTP layer answers one (422, field and expectation). */
export const invalid = (field: string, expected: string, value?: unknown) =>
  new AppError('validation_failed', {}, [
    {
      code: 'invalid_value',
      field,
      expected,
      ...(value === undefined ? {} : { value: String(value) }),
    },
  ]);
