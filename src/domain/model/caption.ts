import type { CaptionRule } from './schema-defs.js';
import type { Schema } from './schemas.js';

export const MAX_CAPTION_LENGTH = 200;

function first(properties: Readonly<Record<string, readonly string[]>>, name: string): string {
  return properties[name]?.[0]?.trim() ?? '';
}

function apply(rule: CaptionRule, properties: Readonly<Record<string, readonly string[]>>): string {
  if (typeof rule === 'string') return first(properties, rule);
  return rule.join
    .map((name) => first(properties, name))
    .filter((v) => v !== '')
    .join(rule.separator ?? ' ');
}

function clip(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  const chars = [...flat];
  return chars.length > MAX_CAPTION_LENGTH
    ? `${chars.slice(0, MAX_CAPTION_LENGTH - 1).join('')}…`
    : flat;
}

/** Display name of a record: the first caption rule that yields text, else the schema label. */
export function deriveCaption(
  schema: Schema,
  properties: Readonly<Record<string, readonly string[]>>,
): string {
  for (const rule of schema.caption) {
    const text = apply(rule, properties);
    if (text !== '') return clip(text);
  }
  return schema.label;
}
