import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readDashboard } from '../../services/dashboard/read-dashboard.js';
import { callOf } from '../auth.js';
import { DashboardQuery, DashboardView } from '../schemas/dashboard.js';
import { answered } from './cooperation-problems.js';

/** The landing page's figures: seizures by month, drug, port and country; recent records. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Seizures by month, drug, port of entry and country, and the newest records',
        description:
          'Computed in your own transaction: seizures and records not shared with you are neither counted nor listed.',
        querystring: DashboardQuery,
        response: { 200: DashboardView },
      },
    },
    // The month window's refusals are worded like the cooperation indicators' (same checks).
    (req) => answered(req, () => readDashboard(callOf(req), req.query)),
  );
};
