import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { getRecord, listVersions } from '../../services/records/get-record.js';
import { searchRecords, type SearchRecordsInput } from '../../services/records/search-records.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  ListRecordsQuery,
  RecordPage,
  RecordParams,
  RecordVersionView,
  RecordView,
  SearchQuery,
} from '../schemas/records.js';

const tags = ['records'];

/** Agency and country codes are upper-case; clients need not be. */
const searchInput = (q: Static<typeof ListRecordsQuery>): SearchRecordsInput => ({
  ...q,
  agency: q.agency?.map((a) => a.toUpperCase()),
  country: q.country?.map((c) => c.toUpperCase()),
});

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
    (req) => searchRecords(callOf(req), searchInput(req.query)),
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
    (req) => searchRecords(callOf(req), searchInput(req.query)),
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
