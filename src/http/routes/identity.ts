import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { listAgencies } from '../../services/identity/agencies.js';
import { addUser, listUsers } from '../../services/identity/users.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import { AgencyView, CreateUserBody, MeView, UserView } from '../schemas/identity.js';

/** Who is asking, what agencies exist, and (admins) the users of one's own agency. */
export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The user behind the token',
        response: { 200: MeView },
      },
    },
    async (req) => callOf(req).viewer!,
  );

  app.get(
    '/agencies',
    {
      schema: {
        tags: ['identity'],
        summary: 'Registered agencies',
        response: { 200: Type.Array(AgencyView) },
      },
    },
    (req) => listAgencies(callOf(req)),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: "Your agency's users (admins)",
        response: { 200: Type.Array(UserView), ...problemResponses(403) },
      },
    },
    (req) => listUsers(callOf(req)),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user to your agency (admins)',
        body: CreateUserBody,
        response: { 201: UserView, ...problemResponses(403) },
      },
    },
    async (req, reply) => reply.code(201).send(await addUser(callOf(req), req.body)),
  );
};
