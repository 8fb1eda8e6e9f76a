import type { ErrorDetail } from '../../domain/errors.js';
import { parseTraceRequest, type ParsedTraceRequest } from '../../domain/tracing/request.js';
import {
  findRequestsForGuns,
  unrequestedRecoveredGuns,
  type RecoveredGunRow,
} from '../../storage/trace-requests.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { requireTraceRole, writeRequests } from './submit-traces.js';

export interface RecoveredSummary {
  submitted: number;
  ids: string[];
  /** Recovered guns that could not make a request, each with why. */
  skipped: { firearmId: string; problems: ErrorDetail[] }[];
}

const first = (p: Record<string, string[]>, name: string) => p[name]?.[0];

function inputOf(g: RecoveredGunRow) {
  const f = g.firearm;
  const r = g.recovery;
  return {
    firearm: {
      make: first(f, 'make'),
      model: first(f, 'model'),
      type: first(f, 'type'),
      caliber: first(f, 'caliber'),
      serialNumber: first(f, 'serialNumber'),
      obliterated: first(f, 'obliterated'),
      importer: first(f, 'importer'),
      countryOfManufacture: first(f, 'countryOfManufacture'),
    },
    recovery: {
      date: first(r, 'date'),
      country: first(r, 'country'),
      state: first(r, 'state'),
      place: first(r, 'place'),
      circumstances: first(r, 'circumstances'),
      caseNumber: first(r, 'caseNumber'),
    },
    recoveryId: g.recovery_id,
    firearmId: g.firearm_id,
    people: g.people.map((p) => ({ role: 'possessor', name: p.caption, recordId: p.id })),
  };
}

/**
 * Requests a trace of every gun the viewer's agency recorded as recovered and has not asked
 * about yet: what a partner does after importing its seizures. Guns whose records cannot make a
 * valid request (an unknown maker, an impossible serial) or repeat a gun already asked about
 * are set aside with the reason; the rest go in one batch.
 */
export async function submitRecoveredGuns(
  call: Call,
  opts: { limit?: number; now?: Date } = {},
): Promise<RecoveredSummary> {
  return audited(
    call,
    'trace.submit_recovered',
    { limit: opts.limit ?? null },
    async (tx) => {
      const viewer = call.viewer!;
      await requireTraceRole(tx, viewer.agency, 'requester');
      const now = opts.now ?? new Date();
      const today = now.toISOString().slice(0, 10);
      const guns = await unrequestedRecoveredGuns(tx, viewer.agency, opts.limit ?? 100_000);
      const skipped: RecoveredSummary['skipped'] = [];
      const ready: { gun: RecoveredGunRow; parsed: ParsedTraceRequest }[] = [];
      for (const gun of guns) {
        const r = parseTraceRequest(inputOf(gun), today);
        if (r.ok) ready.push({ gun, parsed: r.value });
        else skipped.push({ firearmId: gun.firearm_id, problems: r.errors });
      }
      const keyOf = (p: ParsedTraceRequest) =>
        p.serial.kind === 'full' ? `${p.maker.name}\u0000${p.serial.key}` : null;
      const asked = new Set(
        (
          await findRequestsForGuns(
            tx,
            viewer.agency,
            ready.flatMap(({ parsed: p }) =>
              p.serial.kind === 'full' ? [{ maker: p.maker.name, key: p.serial.key }] : [],
            ),
          )
        ).map((q) => `${q.maker}\u0000${q.serial_key}`),
      );
      const batch: ParsedTraceRequest[] = [];
      for (const { gun, parsed } of ready) {
        const key = keyOf(parsed);
        if (key && asked.has(key)) {
          skipped.push({
            firearmId: gun.firearm_id,
            problems: [{ code: 'duplicate_request', field: 'firearm.serialNumber' }],
          });
          continue;
        }
        if (key) asked.add(key);
        batch.push(parsed);
      }
      const ids = await writeRequests(tx, call, batch, undefined, now);
      return { result: { submitted: ids.length, ids, skipped }, ids };
    },
    { permission: 'records:write' },
  );
}
