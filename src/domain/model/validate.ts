import { validatePropertyMap } from './property-values.js';
import type { ValidationResult } from './result.js';
import { getSchema, SCHEMA_NAMES } from './schemas.js';

export { MAX_VALUES_PER_PROPERTY } from './property-values.js';

/** Validates and normalises a record's properties for a concrete schema. */
export function validateProperties(schemaName: string, input: unknown): ValidationResult {
  const schema = getSchema(schemaName);
  if (!schema) {
    return {
      ok: false,
      errors: [
        {
          code: 'unknown_schema',
          value: schemaName,
          expected: `one of: ${SCHEMA_NAMES.join(', ')}`,
        },
      ],
    };
  }
  if (schema.abstract) {
    return {
      ok: false,
      errors: [
        {
          code: 'abstract_schema',
          value: schemaName,
          expected: `a concrete schema, one of: ${SCHEMA_NAMES.join(', ')}`,
        },
      ],
    };
  }
  return validatePropertyMap(schema.name, schema.properties, input);
}
