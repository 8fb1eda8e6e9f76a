import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { csrfTokenFor } from '../../domain/identity/session-secret.js';
import { endSession, startSession } from '../../services/identity/sessions.js';
import type { Db } from '../../storage/database.js';
import { callOf } from '../auth.js';
import { HttpProblem } from '../problem.js';
import { problemResponses } from '../schemas/problem.js';
import { SessionView, SignInBody } from '../schemas/session.js';
import {
  clearSessionCookies,
  setSessionCookies,
  type SessionSettings,
} from '../session-cookies.js';

const tags = ['session'];

/** GET and DELETE concern the cookie session; a bearer token has none. */
function sessionOf(req: FastifyRequest) {
  if (!req.webSession)
    throw new HttpProblem({ status: 404, code: 'not_found', detail: 'api:detail.no_session' });
  return req.webSession;
}

/** Sign-in with an API token, the session it opens, and sign-out (the web app). */
export const sessionRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  sessions: SessionSettings;
}> = async (app, { db, sessions }) => {
  app.post(
    '/session',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in: exchange an API token for a session cookie',
        security: [],
        body: SignInBody,
        response: { 200: SessionView },
      },
    },
    async (req, reply) => {
      const session = await startSession(db, req.body.token);
      const csrfToken = setSessionCookies(req, reply, session.secret, sessions);
      return { user: session.viewer, csrfToken, idleTimeoutSeconds: sessions.idleSeconds };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The session of this browser',
        response: { 200: SessionView, ...problemResponses(404) },
      },
    },
    async (req) => {
      const { secret } = sessionOf(req);
      return {
        user: callOf(req).viewer!,
        csrfToken: csrfTokenFor(secret),
        idleTimeoutSeconds: sessions.idleSeconds,
      };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags,
        summary: 'Sign out: end the session of this browser',
        response: { 204: Type.Null(), ...problemResponses(403, 404) },
      },
    },
    async (req, reply) => {
      await endSession(callOf(req), sessionOf(req).id);
      clearSessionCookies(req, reply, sessions);
      return reply.code(204).send(null);
    },
  );
};
