import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Db } from '../storage/database.js';
import { PURPOSE_HEADER, requireToken } from './auth.js';
import { routeNotFound } from './errors.js';
import type { SessionSettings } from './session-cookies.js';
import { auditRoutes } from './routes/audit.js';
import { entityRoutes } from './routes/entities.js';
import { traceRoutes } from './routes/traces.js';
import { cooperationRoutes } from './routes/cooperation.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { networkRoutes } from './routes/network.js';
import { identityRoutes } from './routes/identity.js';
import { importRoutes, type ImportRouteOptions } from './routes/imports.js';
import { linkReadRoutes } from './routes/links-read.js';
import { linkWriteRoutes } from './routes/links-write.js';
import { recordReadRoutes } from './routes/records-read.js';
import { recordWriteRoutes } from './routes/records-write.js';
import { sessionRoutes } from './routes/session.js';
import { tokenRoutes } from './routes/tokens.js';
import { problemResponses } from './schemas/problem.js';

const PurposeHeader = Type.Object({
  [PURPOSE_HEADER]: Type.Optional(
    Type.String({
      maxLength: 500,
      description: 'Why you need this (need to know); recorded in the audit log.',
    }),
  ),
});

/**
 * Everything under /api/v1: a bearer token or session on every route but sign-in, the purpose
 * header, problem answers.
 */
export const api: FastifyPluginAsyncTypebox<{
  db: Db;
  sessions: SessionSettings;
  imports: ImportRouteOptions;
}> = async (app, { db, sessions, imports }) => {
  requireToken(app, db, sessions);
  // Shared intelligence and one-time token secrets must not linger in browser or proxy caches.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || schema.hide) return;
    const hasBody = schema.body !== undefined;
    route.schema = {
      ...schema,
      headers: PurposeHeader,
      response: {
        ...problemResponses(400, 401, 422, 500, ...(hasBody ? [413, 415] : [])),
        ...(schema.response as object),
      },
    };
  });
  // A route the API does not have, asked with a valid token, is audited like any refusal.
  app.setNotFoundHandler(async (req) => {
    throw routeNotFound(req);
  });

  await app.register(recordReadRoutes);
  await app.register(recordWriteRoutes);
  await app.register(linkReadRoutes);
  await app.register(linkWriteRoutes);
  await app.register(entityRoutes);
  await app.register(traceRoutes);
  await app.register(cooperationRoutes);
  await app.register(networkRoutes);
  await app.register(dashboardRoutes);
  await app.register(identityRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(importRoutes, imports);
  await app.register(sessionRoutes, { db, sessions });
};
