import { deriveIndexFields } from '../../domain/model/index-fields.js';
import { validateProperties } from '../../domain/model/validate.js';
import { orValidationError } from '../model-errors.js';

/** Validates a record's properties for its schema and derives what is indexed for search. */
export function validateRecord(schema: string, input: unknown) {
  const properties = orValidationError(validateProperties(schema, input), 'schema');
  const index = deriveIndexFields(schema, properties);
  return {
    properties,
    caption: index.caption,
    event_date: index.eventDate,
    countries: index.countries,
    terms: index.terms,
  };
}
