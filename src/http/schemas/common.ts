import { Kind, Type, TypeRegistry, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { MAX_PAGE } from '../../services/paging.js';

/** The key on a path-parameter schema naming what its id points at (see validation.ts). */
export const PATH_KIND = 'x-puente-kind';

export const Uuid = Type.String({ format: 'uuid' });

TypeRegistry.Set<{ enum: string[] }>(
  'StringEnum',
  (schema, value) => typeof value === 'string' && schema.enum.includes(value),
);

/** A closed list of strings, written as one `enum` (a union of literals reads badly in OpenAPI). */
export const StringEnum = <T extends string>(
  values: readonly T[],
  options: { description?: string } = {},
): TUnsafe<T> =>
  Type.Unsafe<T>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `/…/:id` with a UUID; a malformed id answers 404 like an unknown one. */
export const IdParams = (kind: string) =>
  Type.Object(
    { id: Type.String({ format: 'uuid', description: `The ${kind} id (UUID)` }) },
    { additionalProperties: false, [PATH_KIND]: kind },
  );

/** A query parameter taking several values: repeated (`?country=US&country=MX`) or `US,MX`. */
export const QueryList = <T extends TSchema>(item: T, description: string) =>
  Type.Array(item, {
    maxItems: 50,
    description: `${description} Repeat the parameter or separate values with commas.`,
  });

export const Paging = {
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The nextCursor of the previous page.',
    }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE,
      description: `Page size, 1-${MAX_PAGE} (default 50).`,
    }),
  ),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(
      Type.String({ description: 'Pass back as cursor for the next page; null on the last page.' }),
    ),
  });

/** A calendar day, checked against the calendar (2024-02-30 is refused). */
export const Day = (description: string) => Type.String({ format: 'date', description });

export const ExpectedVersion = Type.Optional(
  Type.Integer({ minimum: 1, description: 'Refuse (409) if the current version is not this one.' }),
);

const CodeList = (description: string) =>
  Type.Array(Type.String({ maxLength: 64 }), { maxItems: 300, description });

/** Sharing rules as a contributor writes them; the service parses and checks them. */
export const SharingFields = {
  marking: Type.String({
    maxLength: 40,
    description: 'TLP 2.0 marking: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED.',
    examples: ['TLP:AMBER'],
  }),
  relCountries: Type.Optional(CodeList('Releasable to these countries (ISO 3166-1 alpha-2).')),
  relAgencies: Type.Optional(CodeList('Releasable to these agencies (codes).')),
  recipientAgencies: Type.Optional(CodeList('TLP:AMBER+STRICT: the agencies named.')),
  recipientUsers: Type.Optional(
    Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 300,
      description: 'TLP:RED: the user ids named.',
    }),
  ),
};

export const SharingView = {
  marking: Type.String(),
  relCountries: Type.Array(Type.String()),
  relAgencies: Type.Array(Type.String()),
  recipientAgencies: Type.Array(Type.String()),
  recipientUsers: Type.Array(Type.String()),
};

/** Who contributed a record or link, under which rules, and who changed it last. */
export const ProvenanceView = {
  agency: Type.String(),
  sourceRef: Nullable(Type.String()),
  retracted: Type.Boolean(),
  ...SharingView,
  changedBy: Type.String({ format: 'uuid' }),
  changedAt: Type.String({ format: 'date-time' }),
};

export const CreatedView = {
  createdBy: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
};

/** Property values as submitted: a list of strings, or one string for a one-value list. */
export const PropertiesInput = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Array(Type.String())]),
  { description: 'Property name → values; the schema decides which properties exist.' },
);

export const PropertiesView = Type.Record(Type.String(), Type.Array(Type.String()));
