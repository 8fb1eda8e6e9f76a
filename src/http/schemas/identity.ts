import { Type } from '@sinclair/typebox';
import { ROLES } from '../../domain/identity/viewer.js';
import { IdParams, Nullable, StringEnum } from './common.js';

const Role = StringEnum(ROLES);

export const UserParams = IdParams('user');
export const TokenParams = IdParams('token');

export const AgencyView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  traceRole: Nullable(
    Type.String({ description: 'Its part in firearm tracing: requester, tracer, or null.' }),
  ),
});

export const MeView = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  agency: Type.String(),
  country: Type.String(),
  role: Role,
  tokenId: Type.Optional(Type.String({ format: 'uuid' })),
});

export const UserView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agency: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  role: Role,
  createdAt: Type.String({ format: 'date-time' }),
  disabled: Type.Boolean(),
});

export const CreateUserBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ maxLength: 320 })),
    role: Role,
    agency: Type.Optional(
      Type.String({ maxLength: 32, description: 'Your own agency (the default); no other.' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateTokenBody = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: 200 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const TokenView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.String({ format: 'uuid' }),
  label: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const NewTokenView = Type.Object({
  ...TokenView.properties,
  token: Type.String({ description: 'The secret: shown this once, never again.' }),
});
