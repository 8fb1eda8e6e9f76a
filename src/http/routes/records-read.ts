import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { exportRecords } from '../../services/records/export-records.js';
import { facetRecords } from '../../services/records/facet-records.js';
import { getRecord, listVersions } from '../../services/records/get-record.js';
import { searchRecords } from '../../services/records/search-records.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  ExportQuery,
  FacetQuery,
  FacetResult,
  ListRecordsQuery,
  RecordPage,
  RecordParams,
  RecordVersionView,
  RecordView,
  SearchQuery,
} from '../schemas/records.js';

const tags = ['records'];

export const recordReadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: 'List records, newest first (q to search)',
        querystring: ListRecordsQuery,
        response: { 200: RecordPage },
      },
    },
    (req) => searchRecords(callOf(req), req.query),
  );

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Search records (accent- and case-insensitive)',
        querystring: SearchQuery,
        response: { 200: RecordPage },
      },
    },
    (req) => searchRecords(callOf(req), req.query),
  );

  app.get(
    '/records/facets',
    {
      schema: {
        tags,
        summary: 'Counts by schema, agency, marking, country and year, over what you may see',
        querystring: FacetQuery,
        response: { 200: FacetResult },
      },
    },
    (req) => facetRecords(callOf(req), req.query),
  );

  app.get(
    '/records/export',
    {
      schema: {
        tags,
        summary: 'Export records as FollowTheMoney entities (NDJSON), a page per request',
        description:
          'One entity per line, with its sharing rules under `puente`. The `Puente-Next-Cursor` header continues the export.',
        querystring: ExportQuery,
        response: {
          200: {
            description: 'FollowTheMoney entities, one JSON object per line.',
            content: { 'application/x-ndjson': { schema: Type.String() } },
          },
        },
      },
    },
    async (req, reply) => {
      const page = await exportRecords(callOf(req), req.query);
      if (page.nextCursor) reply.header('puente-next-cursor', page.nextCursor);
      reply.type('application/x-ndjson; charset=utf-8');
      return page.items.map((e) => JSON.stringify(e) + '\n').join('');
    },
  );

  app.get(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'Get a record',
        params: RecordParams,
        response: { 200: RecordView, ...problemResponses(404) },
      },
    },
    (req) => getRecord(callOf(req), req.params.id),
  );

  app.get(
    '/records/:id/versions',
    {
      schema: {
        tags,
        summary: 'The versions of a record you may see, oldest first',
        params: RecordParams,
        response: { 200: Type.Array(RecordVersionView), ...problemResponses(404) },
      },
    },
    (req) => listVersions(callOf(req), req.params.id),
  );
};
