import { SCHEMA_NAMES } from '../../domain/model/index.js';
import { kindOfSchema, type EntityKind } from '../../domain/resolution/profile.js';

/** The schemas whose records are resolved into entities: persons and organizations. */
export const RESOLVED_SCHEMAS: readonly string[] = SCHEMA_NAMES.filter(
  (s) => kindOfSchema(s) !== null,
);

export function kindOf(schema: string): EntityKind {
  const kind = kindOfSchema(schema);
  if (!kind) throw new Error(`${schema} records are not resolved`);
  return kind;
}
