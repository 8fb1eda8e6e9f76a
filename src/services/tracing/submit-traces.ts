import { AppError, type ErrorDetail } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { parseTraceRequest, type ParsedTraceRequest } from '../../domain/tracing/request.js';
import type { TraceRequestInput } from '../../domain/tracing/request.js';
import { deadlineOf } from '../../domain/tracing/status.js';
import { findAgencies, listAgencies } from '../../storage/identity.js';
import { appendLinkVersions, type NewLinkVersion } from '../../storage/links.js';
import { appendRecordVersions, findRecords, type NewRecordVersion } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import {
  findRequestsForGuns,
  insertTraceRequests,
  type NewTraceRequest,
} from '../../storage/trace-requests.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { validateRecord } from '../records/validate-record.js';
import { resolveSharing } from '../sharing.js';

export interface SubmitOptions {
  /** Sharing rules of the Recovery and Firearm records the requests create; by default AMBER,
   * releasable to the requester's country and the tracing agencies' countries. */
  sharing?: SharingInput;
  /** The date "today" is for checking recovery dates (tests fix it). */
  now?: Date;
  /** The file line each input starts on, for problems to name (by default its 1-based position). */
  lines?: readonly number[];
}

export interface SubmitSummary {
  submitted: number;
  ids: string[];
}

/** Refuses an agency that has no part in tracing; returns the tracing agencies' countries. */
export async function requireTraceRole(
  tx: Tx,
  agency: string,
  role: 'requester' | 'tracer',
): Promise<void> {
  const [row] = await findAgencies(tx, [agency]);
  const ok = role === 'tracer' ? row?.trace_role === 'tracer' : row?.trace_role != null;
  if (!ok) throw new AppError('forbidden', { permission: `traces:${role}` });
}

const at = (line: number) => (d: ErrorDetail) => ({ ...d, line });

function parseAll(inputs: readonly TraceRequestInput[], today: string): ParsedTraceRequest[] {
  const errors: ErrorDetail[] = [];
  const parsed: ParsedTraceRequest[] = [];
  inputs.forEach((input, i) => {
    const r = parseTraceRequest(input, today);
    if (r.ok) parsed.push(r.value);
    else errors.push(...r.errors.map(at(i + 1)));
  });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return parsed;
}

/** A gun asked about twice, in this batch or before by the same agency, is refused. */
async function refuseDuplicates(tx: Tx, agency: string, parsed: readonly ParsedTraceRequest[]) {
  const guns = parsed.flatMap((p, i) =>
    p.serial.kind === 'full' ? [{ maker: p.maker.name, key: p.serial.key, line: i + 1 }] : [],
  );
  const seen = new Map<string, number>();
  const errors: ErrorDetail[] = [];
  for (const g of guns) {
    const k = `${g.maker}\u0000${g.key}`;
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({
        code: 'duplicate_in_batch',
        line: g.line,
        field: 'firearm.serialNumber',
        value: `line ${first}`,
        expected: 'one request per gun',
      });
    } else seen.set(k, g.line);
  }
  for (const found of await findRequestsForGuns(tx, agency, guns)) {
    const line = seen.get(`${found.maker}\u0000${found.serial_key}`)!;
    errors.push({
      code: 'duplicate_request',
      line,
      field: 'firearm.serialNumber',
      value: found.id,
      expected: 'a gun not already submitted by your agency (see the request named)',
    });
  }
  if (errors.length) {
    throw new AppError('conflict', { kind: 'trace', id: errors[0]!.value ?? '' }, errors);
  }
}

/** Referenced records must exist for the requester and be of the right kind. */
async function checkReferences(tx: Tx, parsed: readonly ParsedTraceRequest[]) {
  const ids = parsed.flatMap((p) => [
    p.recoveryId,
    p.firearmId,
    ...p.people.map((x) => x.recordId),
  ]);
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const found = new Map((await findRecords(tx, wanted)).map((r) => [r.id, r.schema]));
  const errors: ErrorDetail[] = [];
  parsed.forEach((p, i) => {
    const check = (id: string | null | undefined, schema: string | null, field: string) => {
      if (!id) return;
      const s = found.get(id);
      if (!s || (schema && s !== schema)) {
        errors.push({
          code: s ? 'wrong_schema' : 'unknown_record',
          line: i + 1,
          field,
          value: id,
          expected: schema ? `a ${schema} record you can see` : 'a record you can see',
        });
      }
    };
    check(p.recoveryId, 'Recovery', 'recoveryId');
    check(p.firearmId, 'Firearm', 'firearmId');
    p.people.forEach((x, j) => check(x.recordId, 'Person', `people[${j}].recordId`));
  });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
}

function recordVersion(
  call: Call,
  schema: string,
  properties: Record<string, string | undefined>,
  sharing: ReturnType<typeof sharingToColumns>,
  sourceRef: string | null,
): NewRecordVersion {
  const viewer = call.viewer!;
  const values = Object.fromEntries(
    Object.entries(properties)
      .filter((e): e is [string, string] => !!e[1])
      .map(([k, v]) => [k, [v]]),
  );
  return {
    record_id: newId(),
    version: 1,
    schema,
    agency: viewer.agency,
    created_by: viewer.userId,
    changed_by: viewer.userId,
    change: 'create',
    source_ref: sourceRef,
    retracted: false,
    ...validateRecord(schema, values),
    ...sharing,
  };
}

/**
 * The recovery and the recovered gun as records of the requester, so that a completed trace
 * joins them to the sale and the purchaser in the graph. Requests that name existing records
 * reuse them.
 */
function recordsFor(
  call: Call,
  p: ParsedTraceRequest,
  sharing: ReturnType<typeof sharingToColumns>,
) {
  const records: NewRecordVersion[] = [];
  const links: NewLinkVersion[] = [];
  let recoveryId = p.recoveryId;
  let firearmId = p.firearmId;
  if (!recoveryId) {
    const r = p.recovery;
    const v = recordVersion(
      call,
      'Recovery',
      {
        date: r.date,
        country: r.country,
        state: r.state,
        place: r.place,
        circumstances: r.circumstances,
        caseNumber: r.caseNumber,
      },
      sharing,
      null,
    );
    records.push(v);
    recoveryId = v.record_id;
  }
  if (!firearmId) {
    const f = p.firearm;
    const v = recordVersion(
      call,
      'Firearm',
      {
        make: f.make,
        model: f.model,
        type: f.type,
        caliber: f.caliber,
        serialNumber: f.serialNumber,
        importer: f.importer,
        countryOfManufacture: f.countryOfManufacture,
        obliterated: f.obliterated,
      },
      sharing,
      null,
    );
    records.push(v);
    firearmId = v.record_id;
    const viewer = call.viewer!;
    links.push({
      link_id: newId(),
      version: 1,
      link_type: 'recovered_in',
      source_id: firearmId,
      target_id: recoveryId,
      agency: viewer.agency,
      created_by: viewer.userId,
      changed_by: viewer.userId,
      change: 'create',
      source_ref: null,
      properties: {},
      retracted: false,
      ...sharing,
    });
  }
  return { records, links, recoveryId, firearmId };
}

/** Writes checked requests with their Recovery and Firearm records; returns their ids. */
export async function writeRequests(
  tx: Tx,
  call: Call,
  parsed: readonly ParsedTraceRequest[],
  sharingInput: SharingInput | undefined,
  now: Date,
): Promise<string[]> {
  const viewer = call.viewer!;
  const tracerCountries = (await listAgencies(tx))
    .filter((a) => a.trace_role === 'tracer')
    .map((a) => a.country);
  const sharing = sharingToColumns(
    await resolveSharing(
      tx,
      {
        relCountries: [...new Set([viewer.country, ...tracerCountries])],
        ...sharingInput,
      },
      'AMBER',
    ),
  );
  const records: NewRecordVersion[] = [];
  const links: NewLinkVersion[] = [];
  const requests: NewTraceRequest[] = parsed.map((p) => {
    const made = recordsFor(call, p, sharing);
    records.push(...made.records);
    links.push(...made.links);
    return {
      id: newId(),
      agency: viewer.agency,
      requested_by: viewer.userId,
      officer: p.officer || viewer.name,
      priority: p.priority,
      status: 'submitted',
      reason: { code: 'submitted' },
      firearm: p.firearm,
      maker: p.maker.name,
      serial_key:
        p.serial.kind === 'full'
          ? p.serial.key
          : p.serial.kind === 'partial'
            ? p.serial.pattern
            : '',
      serial_full: p.serial.kind === 'full',
      recovery: p.recovery,
      recovered_on: p.recovery.date,
      recovery_country: p.recovery.country,
      recovery_id: made.recoveryId,
      firearm_id: made.firearmId,
      people: p.people,
      case_number: p.recovery.caseNumber ?? '',
      submitted_at: now.toISOString(),
      deadline_at: deadlineOf(p.priority, now).toISOString(),
    };
  });
  await appendRecordVersions(tx, records);
  await appendLinkVersions(tx, links);
  await insertTraceRequests(tx, requests);
  return requests.map((r) => r.id);
}

/** Problems name the file line of their input, when the inputs came from a file. */
async function onLines<T>(lines: readonly number[] | undefined, check: () => Promise<T>) {
  try {
    return await check();
  } catch (err) {
    if (!lines || !(err instanceof AppError)) throw err;
    const details = err.details.map((d) => ({ ...d, line: d.line && lines[d.line - 1] }));
    throw new AppError(err.code, err.params, details);
  }
}

/**
 * Submits trace requests (one, or a batch from a file): all are checked first and the batch is
 * all-or-nothing. Each gets its deadline from its priority.
 */
export async function submitTraces(
  call: Call,
  inputs: readonly TraceRequestInput[],
  opts: SubmitOptions = {},
): Promise<SubmitSummary> {
  return audited(
    call,
    'trace.submit',
    { count: inputs.length },
    async (tx) => {
      const viewer = call.viewer!;
      await requireTraceRole(tx, viewer.agency, 'requester');
      const now = opts.now ?? new Date();
      const parsed = await onLines(opts.lines, async () => {
        const all = parseAll(inputs, now.toISOString().slice(0, 10));
        await refuseDuplicates(tx, viewer.agency, all);
        await checkReferences(tx, all);
        return all;
      });
      const ids = await writeRequests(tx, call, parsed, opts.sharing, now);
      return { result: { submitted: ids.length, ids }, ids };
    },
    { permission: 'records:write' },
  );
}
