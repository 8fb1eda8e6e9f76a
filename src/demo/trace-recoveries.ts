import type { Call } from '../services/context.js';
import { setAgencyTraceRole } from '../services/identity/agencies.js';
import { importerFor } from '../services/imports/importer.js';
import { runTraces, type RunSummary } from '../services/tracing/run-traces.js';
import { submitRecoveredGuns } from '../services/tracing/submit-recovered.js';

/** The demo's tracing agency, and the agencies that recover guns and ask for traces. */
const TRACER = 'ATF';
const REQUESTERS = ['FGR', 'SEDENA', 'SSPC', 'SEMAR', 'RCMP', 'CBSA', 'CBP', 'HSI', 'FBI', 'DEA'];

export interface DemoTraces {
  submitted: number;
  skipped: number;
  run: RunSummary;
}

/** Gives the demo agencies their part in tracing (only those that exist). */
export async function seedTraceRoles(operator: Call, agencies: ReadonlySet<string>) {
  if (agencies.has(TRACER)) await setAgencyTraceRole(operator, TRACER, 'tracer');
  for (const code of REQUESTERS) {
    if (agencies.has(code)) await setAgencyTraceRole(operator, code, 'requester');
  }
}

/**
 * What the partners would do with the synthetic data: each requesting agency asks for a trace of
 * every gun it recorded as recovered, and the tracing agency runs them, so the queue, the
 * answers and the statistics have something to show.
 */
export async function traceDemoRecoveries(
  operator: Call,
  agencies: ReadonlySet<string>,
): Promise<DemoTraces> {
  let submitted = 0;
  let skipped = 0;
  for (const code of REQUESTERS.filter((c) => agencies.has(c))) {
    const viewer = await importerFor(operator, code);
    const out = await submitRecoveredGuns({ db: operator.db, viewer, purpose: 'demo data' });
    submitted += out.submitted;
    skipped += out.skipped.length;
  }
  const tracer = await importerFor(operator, TRACER);
  const run = await runTraces({ db: operator.db, viewer: tracer, purpose: 'demo data' });
  return { submitted, skipped, run };
}
