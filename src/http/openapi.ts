import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Problem } from './schemas/problem.js';

const TAGS = [
  {
    name: 'records',
    description: 'Records (persons, organizations, seizures, firearms…) under sharing rules',
  },
  { name: 'links', description: 'Links between records, with their own marking' },
  {
    name: 'entities',
    description:
      "Entity resolution: the records of every agency that describe one person or organization, why they match, and analysts' decisions",
  },
  { name: 'identity', description: 'Who you are, which agencies take part' },
  { name: 'users', description: "Your agency's users and their API tokens (admins)" },
  { name: 'audit', description: 'The access log (supervisors and admins)' },
  { name: 'imports', description: 'Bulk import of partner files, run in the background' },
  { name: 'session', description: 'Browser sign-in: a session cookie instead of the token' },
  { name: 'operations', description: 'Health and metrics (no token)' },
];

/**
 * The OpenAPI document is generated from the same TypeBox schemas that validate requests and
 * serialise responses. Swagger UI is served from the package's own files: nothing is fetched
 * from the internet.
 */
export async function describeApi(app: FastifyInstance, version: string) {
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Puente API',
        version,
        description:
          'Trilateral information sharing. Every /api/v1 route takes `Authorization: Bearer <token>`; ' +
          'add `X-Puente-Purpose` to record why you need the data. Errors are RFC 9457 problem documents.',
      },
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (pnt_…)' },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
}

export async function serveDocs(app: FastifyInstance) {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, validatorUrl: null },
    staticCSP:
      "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; " +
      "script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'",
  });
}
