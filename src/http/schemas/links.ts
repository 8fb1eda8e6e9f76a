import { Type } from '@sinclair/typebox';
import { LINK_TYPE_NAMES } from '../../domain/model/index.js';
import {
  CreatedView,
  ExpectedVersion,
  IdParams,
  Page,
  Paging,
  PropertiesInput,
  PropertiesView,
  ProvenanceView,
  QueryList,
  SharingFields,
  StringEnum,
  Uuid,
} from './common.js';

export const LinkParams = IdParams('link');

export const CreateLinkBody = Type.Object(
  {
    type: Type.String({ maxLength: 64, description: `One of: ${LINK_TYPE_NAMES.join(', ')}.` }),
    sourceId: Uuid,
    targetId: Uuid,
    properties: Type.Optional(PropertiesInput),
    ...SharingFields,
    sourceRef: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const UpdateLinkBody = Type.Object(
  { properties: PropertiesInput, expectedVersion: ExpectedVersion },
  { additionalProperties: false, description: 'Replaces all properties with these.' },
);

const LinkType = StringEnum(LINK_TYPE_NAMES);

export const ListLinksQuery = Type.Object(
  {
    recordId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Links of this record (either end).' }),
    ),
    type: Type.Optional(QueryList(LinkType, 'Only these link types.')),
    includeRetracted: Type.Optional(
      Type.Boolean({ description: 'Include withdrawn links (default false).' }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

export const LinkView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String(),
  sourceId: Type.String({ format: 'uuid' }),
  targetId: Type.String({ format: 'uuid' }),
  version: Type.Integer(),
  properties: PropertiesView,
  ...ProvenanceView,
  ...CreatedView,
});

export const LinkVersionView = Type.Object({
  version: Type.Integer(),
  change: Type.String(),
  properties: PropertiesView,
  ...ProvenanceView,
});

export const LinkPage = Page(LinkView);
