import { AppError } from '../domain/errors.js';
import type { ValidationResult } from '../domain/model/result.js';

/** Unwraps a model validation, or raises validation_failed with one detail per bad value. */
export function orValidationError(
  checked: ValidationResult,
  fieldWithoutProperty: string,
): Record<string, string[]> {
  if (checked.ok) return checked.properties;
  throw new AppError(
    'validation_failed',
    {},
    checked.errors.map((e) => ({
      code: e.code,
      field: e.property ? `properties.${e.property}` : fieldWithoutProperty,
      value: e.value,
      expected: e.expected,
    })),
  );
}
