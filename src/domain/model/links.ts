import { ANY_SCHEMA, LINK_PROPERTIES, LINK_TYPE_DEFS, type LinkTypeDef } from './link-types.js';
import { validatePropertyMap } from './property-values.js';
import type { PropertyError, ValidationResult } from './result.js';
import { getSchema, SCHEMA_NAMES } from './schemas.js';
import type { PropertyDef } from './types.js';

export { ANY_SCHEMA, LINK_PROPERTIES, type LinkTypeDef } from './link-types.js';

function checkTable(defs: readonly LinkTypeDef[]): ReadonlyMap<string, LinkTypeDef> {
  const byName = new Map<string, LinkTypeDef>();
  for (const def of defs) {
    if (byName.has(def.name)) throw new Error(`duplicate link type ${def.name}`);
    for (const schema of [...def.source, ...def.target]) {
      if (schema !== ANY_SCHEMA && !SCHEMA_NAMES.includes(schema)) {
        throw new Error(`link type ${def.name} names unknown or abstract schema ${schema}`);
      }
    }
    byName.set(def.name, Object.freeze(def));
  }
  return byName;
}

export const LINK_TYPES: ReadonlyMap<string, LinkTypeDef> = checkTable(LINK_TYPE_DEFS);

export const LINK_TYPE_NAMES: readonly string[] = [...LINK_TYPES.keys()];

const LINK_PROPERTY_MAP: Readonly<Record<string, PropertyDef>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, PropertyDef>,
    Object.fromEntries(LINK_PROPERTIES.map((p) => [p.name, p])),
  ),
);

export function getLinkType(name: string): LinkTypeDef | undefined {
  return LINK_TYPES.get(name);
}

/** Whether a concrete schema may stand at one end of a link. */
export function allowsSchema(allowed: readonly string[], schema: string): boolean {
  const known = getSchema(schema);
  if (!known || known.abstract) return false;
  return allowed.includes(ANY_SCHEMA) || allowed.includes(schema);
}

function describeEnd(allowed: readonly string[]): string {
  return allowed.includes(ANY_SCHEMA) ? 'any concrete schema' : `one of: ${allowed.join(', ')}`;
}

/**
 * Checks a link's kind, the schemas of both ends and its properties, reporting
 * every problem at once. The properties come back normalised as for records.
 */
export function validateLink(
  type: string,
  sourceSchema: string,
  targetSchema: string,
  properties: unknown,
): ValidationResult {
  const errors: PropertyError[] = [];
  const kind = LINK_TYPES.get(type);
  if (!kind) {
    errors.push({
      code: 'unknown_link_type',
      value: type,
      expected: `one of: ${LINK_TYPE_NAMES.join(', ')}`,
    });
  } else {
    if (!allowsSchema(kind.source, sourceSchema)) {
      errors.push({
        code: 'link_source_schema',
        value: sourceSchema,
        expected: `a source of ${describeEnd(kind.source)}`,
      });
    }
    if (!allowsSchema(kind.target, targetSchema)) {
      errors.push({
        code: 'link_target_schema',
        value: targetSchema,
        expected: `a target of ${describeEnd(kind.target)}`,
      });
    }
  }
  const props = validatePropertyMap('a link', LINK_PROPERTY_MAP, properties ?? {});
  if (!props.ok) errors.push(...props.errors);
  if (errors.length > 0 || !props.ok) return { ok: false, errors };
  return props;
}
