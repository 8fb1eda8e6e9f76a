import { LINK_PROPERTIES } from '../../../src/domain/model/link-types.js';
import { SCHEMA_DEFS } from '../../../src/domain/model/schema-defs.js';
import type { PropertyDef, TypeName } from '../../../src/domain/model/types.js';

// The server's own schema definitions: one source for names and property types.
const BY_NAME = new Map(SCHEMA_DEFS.map((s) => [s.name, s]));

function findProperty(schema: string | undefined, name: string): PropertyDef | undefined {
  for (let s = schema ? BY_NAME.get(schema) : undefined; s;) {
    const p = s.properties.find((x) => x.name === name);
    if (p) return p;
    s = s.extends ? BY_NAME.get(s.extends) : undefined;
  }
  return undefined;
}

/** A property's type in a schema (records) or among link properties (schema undefined). */
export function propertyType(schema: string | undefined, name: string): TypeName | undefined {
  return (findProperty(schema, name) ?? LINK_PROPERTIES.find((p) => p.name === name))?.type;
}
