import { AppError } from '../../domain/errors.js';
import { validateLink } from '../../domain/model/links.js';

export function validateLinkInput(type: string, sourceSchema: string, targetSchema: string, properties: unknown) {
  const checked = validateLink(type, sourceSchema, targetSchema, properties ?? {});
  if (!checked.ok) {
    throw new AppError(
      'validation_failed',
      {},
      checked.errors.map((e) => ({
        code: e.code,
        field: e.property ? `properties.${e.property}` : 'type',
        value: e.value,
        expected: e.expected,
      })),
    );
  }
  return checked.properties;
}
