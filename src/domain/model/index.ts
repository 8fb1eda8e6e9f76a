export type { PropertyError, ValidationResult, ValueResult } from './result.js';
export {
  normaliseValue,
  PROPERTY_TYPES,
  type PropertyDef,
  type PropertyType,
  type Searchable,
  type TypeName,
} from './types.js';
export { toDay } from './values/date.js';
export { ALPHA2_CODES, ALPHA3_TO_ALPHA2 } from './values/country-codes.js';
export { UNITS, type Unit } from './values/units.js';
export {
  COMMITMENT_STATUSES,
  DRUGS,
  FIREARM_TYPES,
  GENDERS,
  MEETING_FORMATS,
  OBLITERATION,
  SCHEMA_DEFS,
  type CaptionRule,
  type SchemaDef,
} from './schema-defs.js';
export { getSchema, isA, resolveSchemas, SCHEMA_NAMES, SCHEMAS, type Schema } from './schemas.js';
export { MAX_VALUES_PER_PROPERTY, validateProperties } from './validate.js';
export {
  allowsSchema,
  ANY_SCHEMA,
  getLinkType,
  LINK_PROPERTIES,
  LINK_TYPE_NAMES,
  LINK_TYPES,
  validateLink,
  type LinkTypeDef,
} from './links.js';
export { deriveCaption } from './caption.js';
export { deriveIndexFields, TEXT_TERMS_LIMIT, type IndexFields } from './index-fields.js';
