import { AppError } from '../../domain/errors.js';
import { isAgencyCode } from '../../domain/identity/agency-code.js';
import { isCountryCode } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import {
  insertAgency,
  listAgencies as selectAgencies,
  setTraceRole,
  type AgencyRow,
} from '../../storage/identity.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';

export const TRACE_ROLES = ['requester', 'tracer'] as const;
export type TraceRole = (typeof TRACE_ROLES)[number];

export interface AgencyView {
  code: string;
  name: string;
  country: string;
  createdAt: string;
  /** Its part in firearm tracing, if any. */
  traceRole: TraceRole | null;
}

const present = (a: AgencyRow): AgencyView => ({
  code: a.code,
  name: a.name,
  country: a.country,
  createdAt: a.created_at.toISOString(),
  traceRole: (a.trace_role as TraceRole | null) ?? null,
});

/** Agencies are registered by the operator; the platform hard-codes none of them. */
export async function addAgency(
  call: Call,
  input: { code: string; name: string; country: string },
): Promise<AgencyView> {
  const code = input.code.trim().toUpperCase();
  const country = input.country.trim().toUpperCase();
  const name = input.name.trim();
  return audited(
    call,
    'agency.add',
    { code, country },
    async (tx) => {
      const errors = [];
      if (!isAgencyCode(code))
        errors.push({
          code: 'invalid_agency_code',
          field: 'code',
          value: input.code,
          expected: '2-32 characters A-Z, 0-9, _ or -, e.g. CBP',
        });
      if (!isCountryCode(country))
        errors.push({
          code: 'invalid_country',
          field: 'country',
          value: input.country,
          expected: 'an ISO 3166-1 alpha-2 code such as US, MX, CA',
        });
      if (!name || name.length > 200)
        errors.push({
          code: 'invalid_name',
          field: 'name',
          value: input.name,
          expected: '1-200 characters',
        });
      if (errors.length) throw new AppError('validation_failed', {}, errors);
      try {
        await insertAgency(tx, { code, name, country });
      } catch (err) {
        throw fromDatabaseError(err, 'agency', code);
      }
      const row = (await selectAgencies(tx)).find((a) => a.code === code)!;
      return { result: present(row), count: 1 };
    },
    { permission: 'platform:administer', operatorAllowed: true },
  );
}

export async function listAgencies(call: Call): Promise<AgencyView[]> {
  return audited(
    call,
    'agency.list',
    {},
    async (tx) => {
      const rows = await selectAgencies(tx);
      return { result: rows.map(present), count: rows.length };
    },
    { operatorAllowed: true, readOnly: true },
  );
}

/**
 * Gives an agency its part in firearm tracing (the operator's decision, made once per partner):
 * a requester submits traces, a tracer holds the sales and answers them; null takes it away.
 */
export async function setAgencyTraceRole(
  call: Call,
  code: string,
  role: TraceRole | null,
): Promise<AgencyView> {
  return audited(
    call,
    'agency.trace_role',
    { code, role },
    async (tx) => {
      if (role !== null && !(TRACE_ROLES as readonly string[]).includes(role)) {
        throw new AppError('validation_failed', {}, [
          {
            code: 'invalid_choice',
            field: 'role',
            value: String(role),
            expected: 'requester, tracer',
          },
        ]);
      }
      const upper = code.trim().toUpperCase();
      if (!(await setTraceRole(tx, upper, role)))
        throw new AppError('not_found', { kind: 'agency', id: upper });
      const row = (await selectAgencies(tx)).find((a) => a.code === upper)!;
      return { result: present(row), count: 1 };
    },
    { permission: 'platform:administer', operatorAllowed: true },
  );
}
