import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { computeIndicator, listIndicators } from '../../services/cooperation/indicators.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import { IndicatorList, IndicatorParams, IndicatorQuery, Trend } from '../schemas/cooperation.js';
import { answered } from './cooperation-problems.js';
import { commitmentRoutes } from './commitments.js';
import { meetingRoutes } from './meetings.js';
import { readoutRoutes } from './readouts.js';

const tags = ['cooperation'];

/**
 * The cooperation tracker: meetings, commitments and the indicators they are measured by, and
 * the readouts they are read from.
 */
export const cooperationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(meetingRoutes);
  await app.register(commitmentRoutes);
  await app.register(readoutRoutes);

  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators a commitment can be measured by',
        response: { 200: IndicatorList },
      },
    },
    async () => [...listIndicators()],
  );

  app.get(
    '/indicators/:name',
    {
      schema: {
        tags,
        summary: "An indicator's value by month, over what you may see",
        description:
          'Computed in your own transaction: seizures and trace requests not shared with you count for nothing.',
        params: IndicatorParams,
        querystring: IndicatorQuery,
        response: { 200: Trend, ...problemResponses(404) },
      },
    },
    (req) => answered(req, () => computeIndicator(callOf(req), req.params.name, req.query)),
  );
};
