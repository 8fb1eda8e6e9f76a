import { AppError } from '../../domain/errors.js';
import { deriveIndexFields } from '../../domain/model/index-fields.js';
import { validateProperties } from '../../domain/model/validate.js';

/** Validates a record's properties for its schema and derives what is indexed for search. */
export function validateRecord(schema: string, properties: unknown) {
  const checked = validateProperties(schema, properties);
  if (!checked.ok) {
    throw new AppError(
      'validation_failed',
      {},
      checked.errors.map((e) => ({
        code: e.code,
        field: e.property ? `properties.${e.property}` : 'schema',
        value: e.value,
        expected: e.expected,
      })),
    );
  }
  const index = deriveIndexFields(schema, checked.properties);
  return {
    properties: checked.properties,
    caption: index.caption,
    event_date: index.eventDate,
    countries: index.countries,
    terms: index.terms,
  };
}
