import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { parseEncoding } from '../../import/encoding.js';
import { compileMapping } from '../../import/mapping/compile-mapping.js';
import { FORMATS } from '../../import/read-file.js';
import type { ImportQueue } from '../../services/imports/job-queue.js';
import {
  getImportJob,
  getImportRejects,
  listImports,
  submitImport,
  type ImportJobOptions,
  type ImportJobView as JobView,
} from '../../services/imports/jobs.js';
import { invalidFileMessage, negotiateLocale, translator } from '../../i18n/index.js';
import { callOf } from '../auth.js';
import { ImportJobPage, ImportJobView, ImportListQuery, ImportParams } from '../schemas/imports.js';
import { problemResponses } from '../schemas/problem.js';

const MAX_MAPPING_BYTES = 256 * 1024;
const OPTION_FIELDS = [
  'marking',
  'rel',
  'recipients',
  'format',
  'encoding',
  'delimiter',
  'skipInvalid',
];

interface Upload {
  fileName: string;
  sizeBytes: number;
  spoolPath: string;
  options: ImportJobOptions;
}

const invalid = (field: string, value: string, expected: string) =>
  new AppError('validation_failed', {}, [{ code: 'invalid_value', field, value, expected }]);

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function readOptions(fields: Map<string, string>, mapping: string | undefined): ImportJobOptions {
  const o: ImportJobOptions = {};
  const get = (k: string) => fields.get(k)?.trim() || undefined;
  const format = get('format');
  if (format && !(FORMATS as readonly string[]).includes(format))
    throw invalid('format', format, FORMATS.join(', '));
  const encoding = get('encoding');
  if (encoding && !parseEncoding(encoding))
    throw invalid('encoding', encoding, 'utf-8, windows-1252, utf-16le, utf-16be');
  const delimiter = fields.get('delimiter');
  if (delimiter !== undefined && delimiter.length !== 1)
    throw invalid('delimiter', delimiter, 'one character');
  const skip = get('skipInvalid');
  if (skip && !['true', 'false'].includes(skip))
    throw invalid('skipInvalid', skip, 'true or false');
  if (format) o.format = format;
  if (encoding) o.encoding = encoding;
  if (delimiter) o.delimiter = delimiter;
  if (get('marking')) o.marking = get('marking');
  if (get('rel')) o.rel = list(get('rel')!);
  if (get('recipients')) o.recipients = list(get('recipients')!);
  if (skip === 'true') o.skipInvalid = true;
  if (mapping !== undefined) {
    // Refused now, with its own message, rather than failing the job later.
    compileMapping(mapping);
    o.mapping = mapping;
  }
  return o;
}

/** Streams the upload to a spool file; the mapping and options come as the other parts. */
async function receive(req: FastifyRequest, spoolDir: string): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('bad_request', { reason: 'multipart_required' });
  const fields = new Map<string, string>();
  let mapping: string | undefined;
  let upload: { fileName: string; sizeBytes: number; spoolPath: string } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'mapping') mapping = String(part.value);
        else if (OPTION_FIELDS.includes(part.fieldname))
          fields.set(part.fieldname, String(part.value));
        else
          throw invalid(part.fieldname, '', `one of: file, mapping, ${OPTION_FIELDS.join(', ')}`);
      } else if (part.fieldname === 'mapping') {
        const buf = await part.toBuffer();
        if (buf.length > MAX_MAPPING_BYTES)
          throw new AppError('payload_too_large', { limit: MAX_MAPPING_BYTES });
        mapping = buf.toString('utf8');
      } else if (part.fieldname === 'file' && !upload) {
        const spoolPath = join(spoolDir, randomUUID());
        upload = { fileName: part.filename || 'upload', sizeBytes: 0, spoolPath };
        await pipeline(part.file, createWriteStream(spoolPath));
        upload.sizeBytes = part.file.bytesRead;
      } else {
        throw invalid(
          part.fieldname,
          part.filename,
          'one file part named "file" (and optionally "mapping")',
        );
      }
    }
    if (!upload) throw invalid('file', '', 'a file part named "file"');
    return { ...upload, options: readOptions(fields, mapping) };
  } catch (err) {
    if (upload) await rm(upload.spoolPath, { force: true });
    const code = (err as { code?: string }).code;
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_PARTS_LIMIT' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_FIELDS_LIMIT'
    )
      throw new AppError('payload_too_large', { limit: (err as { limit?: number }).limit ?? 0 });
    throw err;
  }
}

/** A failed job's problem in the reader's language, beside its code and parameters. */
function withMessage(req: FastifyRequest, job: JobView): JobView & { message?: string } {
  if (!job.problem) return job;
  const t = translator(negotiateLocale(req.headers['accept-language']));
  const params = job.problem.params ?? {};
  const message =
    job.problem.code === 'invalid_file'
      ? invalidFileMessage(t, params)
      : t(`detail.${job.problem.code}`, { ...params, reference: job.id });
  return { ...job, message };
}

export interface ImportRouteOptions {
  queue: ImportQueue;
  /** Largest file an upload may carry. */
  maxFileBytes: number;
}

export const importRoutes: FastifyPluginAsyncTypebox<ImportRouteOptions> = async (
  app,
  { queue, maxFileBytes },
) => {
  const spoolDir = join(tmpdir(), 'puente-imports');
  await mkdir(spoolDir, { recursive: true });
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: maxFileBytes,
      files: 2,
      fields: 20,
      fieldSize: MAX_MAPPING_BYTES,
      parts: 24,
    },
  });
  const tags = ['imports'];

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a partner file to import (multipart/form-data: file, mapping, options)',
        description:
          'Parts: `file` (CSV, NDJSON or JSON array), optional `mapping` (YAML or JSON), and fields ' +
          '`marking`, `rel`, `recipients`, `format`, `encoding`, `delimiter`, `skipInvalid`. The file is ' +
          'imported in the background, all or nothing; follow the Location header for its status.',
        response: { 202: ImportJobView, ...problemResponses(403, 413) },
      },
    },
    async (req, reply) => {
      const call = callOf(req);
      const upload = await receive(req, spoolDir);
      try {
        const job = await submitImport(call, upload);
        queue.enqueue(call.viewer!, job, upload.spoolPath);
        return reply.code(202).header('location', `/api/v1/imports/${job.id}`).send(job);
      } catch (err) {
        await rm(upload.spoolPath, { force: true });
        throw err;
      }
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: "Your agency's imports, newest first",
        querystring: ImportListQuery,
        response: { 200: ImportJobPage },
      },
    },
    async (req) => {
      const page = await listImports(callOf(req), req.query, queue.progressOf);
      return { ...page, items: page.items.map((job) => withMessage(req, job)) };
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Where an import stands: status, progress, counts, or why it failed',
        params: ImportParams,
        response: { 200: ImportJobView, ...problemResponses(404) },
      },
    },
    async (req) =>
      withMessage(req, await getImportJob(callOf(req), req.params.id, queue.progressOf)),
  );

  app.get(
    '/imports/:id/rejects',
    {
      schema: {
        tags,
        summary: 'The rows an import set aside (NDJSON: line, problem, raw)',
        params: ImportParams,
        response: {
          200: {
            description: 'One rejected row per line: its line number, problem and original text.',
            content: { 'application/x-ndjson': { schema: Type.String() } },
          },
          ...problemResponses(404),
        },
      },
    },
    async (req, reply) => {
      const rejects = await getImportRejects(callOf(req), req.params.id);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .send(rejects.map((r) => JSON.stringify(r)).join('\n') + (rejects.length ? '\n' : ''));
    },
  );
};
