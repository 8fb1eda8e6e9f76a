import { SCHEMA_DEFS, type CaptionRule, type SchemaDef } from './schema-defs.js';
import type { PropertyDef } from './types.js';

/** A schema with its inheritance resolved: `properties` includes every inherited one. */
export interface Schema {
  name: string;
  label: string;
  abstract: boolean;
  extends: string | null;
  /** This schema first, then its parent, up to the root. */
  ancestors: readonly string[];
  /** By property name; own and inherited, in declaration order from the root down. */
  properties: Readonly<Record<string, PropertyDef>>;
  caption: readonly CaptionRule[];
  eventDate: string | null;
}

function samePropertyDef(a: PropertyDef, b: PropertyDef): boolean {
  return (
    a.type === b.type &&
    a.min === b.min &&
    a.max === b.max &&
    (a.enum ?? []).join('\u0000') === (b.enum ?? []).join('\u0000')
  );
}

function checkDef(def: PropertyDef, schema: string): void {
  if (def.type === 'enum' && (def.enum === undefined || def.enum.length === 0)) {
    throw new Error(`${schema}.${def.name}: an enum property needs its options`);
  }
}

/** Resolves inheritance and checks the definitions; throws on a broken table. */
export function resolveSchemas(defs: readonly SchemaDef[]): Map<string, Schema> {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const resolved = new Map<string, Schema>();

  const visit = (name: string, path: readonly string[]): Schema => {
    const done = resolved.get(name);
    if (done) return done;
    if (path.includes(name))
      throw new Error(`schema inheritance cycle: ${[...path, name].join(' -> ')}`);
    const def = byName.get(name);
    if (!def) throw new Error(`unknown schema ${name} (extended by ${path.at(-1) ?? '?'})`);

    const parent = def.extends === undefined ? null : visit(def.extends, [...path, name]);
    // A null prototype keeps names such as "constructor" or "__proto__" from
    // resolving to something when looked up.
    const properties: Record<string, PropertyDef> = Object.create(null);
    if (parent) Object.assign(properties, parent.properties);
    for (const prop of def.properties) {
      checkDef(prop, name);
      const inherited = properties[prop.name];
      if (inherited && !samePropertyDef(inherited, prop)) {
        throw new Error(`${name}.${prop.name} redefines an inherited property with another type`);
      }
      properties[prop.name] = inherited ?? prop;
    }

    const caption = def.caption ?? parent?.caption ?? [];
    const eventDate = def.eventDate ?? parent?.eventDate ?? null;
    for (const rule of caption) {
      for (const prop of typeof rule === 'string' ? [rule] : rule.join) {
        if (!properties[prop]) throw new Error(`${name} caption uses unknown property ${prop}`);
      }
    }
    if (eventDate !== null && properties[eventDate]?.type !== 'date') {
      throw new Error(`${name}.eventDate must name a date property`);
    }

    const schema: Schema = Object.freeze({
      name,
      label: def.label,
      abstract: def.abstract === true,
      extends: parent?.name ?? null,
      ancestors: [name, ...(parent?.ancestors ?? [])],
      properties: Object.freeze(properties),
      caption,
      eventDate,
    });
    resolved.set(name, schema);
    return schema;
  };

  for (const def of defs) visit(def.name, []);
  return resolved;
}

export const SCHEMAS: ReadonlyMap<string, Schema> = resolveSchemas(SCHEMA_DEFS);

/** Schemas a record can be created with, in declaration order. */
export const SCHEMA_NAMES: readonly string[] = [...SCHEMAS.values()]
  .filter((s) => !s.abstract)
  .map((s) => s.name);

export function getSchema(name: string): Schema | undefined {
  return SCHEMAS.get(name);
}

/** True when `schema` is `ancestor` or inherits from it. */
export function isA(schema: string, ancestor: string): boolean {
  return SCHEMAS.get(schema)?.ancestors.includes(ancestor) ?? false;
}
