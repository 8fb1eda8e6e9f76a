import { Type } from '@sinclair/typebox';
import { MeView } from './identity.js';

export const SignInBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, description: 'Your API token (pnt_…).' }) },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  user: MeView,
  csrfToken: Type.String({
    description: `Send it back in the X-CSRF-Token header with every POST, PATCH and DELETE made with the session cookie (it is also in the puente_csrf cookie).`,
  }),
  idleTimeoutSeconds: Type.Integer({ description: 'The session ends after this long unused.' }),
});
