import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgencyTraceRole } from '../../src/services/identity/agencies.js';
import { createCommitment } from '../../src/services/cooperation/create-commitment.js';
import { createMeeting } from '../../src/services/cooperation/create-meeting.js';
import { exportCommitmentsCsv } from '../../src/services/cooperation/export-commitments.js';
import { computeIndicator } from '../../src/services/cooperation/indicators.js';
import type { CommitmentView, MeetingView } from '../../src/services/cooperation/present.js';
import { getCommitment, listCommitments } from '../../src/services/cooperation/read-commitments.js';
import { getMeeting, listMeetings } from '../../src/services/cooperation/read-meetings.js';
import { updateCommitment } from '../../src/services/cooperation/update-commitment.js';
import {
  MX_ONLY,
  recordOf,
  refusal,
  storedRows,
  THIRD_SESSION,
  traceRequestRow,
  TRILATERAL,
  US_MX,
} from '../support/cooperation-fixtures.js';
import { asViewer } from '../../src/storage/session.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let fgr: TestUser;
let atf: TestUser;
let cbp: TestUser;
let rcmp: TestUser;
let meeting: MeetingView;
let deputy: string;
let traces: CommitmentView;
let precursors: CommitmentView;
const NOW = new Date('2025-07-15T12:00:00Z');

const commitment = (overrides: Record<string, unknown> = {}) => ({
  text: 'Trace requests for firearms recovered in Mexico are answered within 30 days.',
  topic: 'firearms',
  leadCountry: 'US',
  leadAgency: 'ATF',
  partnerCountries: ['MX'],
  meetingId: meeting.id,
  dueDate: '2025-06-30',
  ...TRILATERAL,
  ...overrides,
});

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const [mx, us, us2, ca] = [
    await buildAgency(db, 'FGR', 'MX'),
    await buildAgency(db, 'ATF', 'US'),
    await buildAgency(db, 'CBP', 'US'),
    await buildAgency(db, 'RCMP', 'CA'),
  ];
  await setAgencyTraceRole(operator(db), 'ATF', 'tracer');
  await setAgencyTraceRole(operator(db), 'FGR', 'requester');
  fgr = await buildUser(db, mx, 'liaison');
  atf = await buildUser(db, us, 'liaison');
  cbp = await buildUser(db, us2);
  rcmp = await buildUser(db, ca);
  deputy = await recordOf(cbp.call, 'Person', { name: 'Kevin Marsh Doyle', nationality: 'US' });
});
afterAll(() => database?.close());

describe('meetings', () => {
  it('records a trilateral meeting with its delegations and documents, in one write', async () => {
    const readout = await recordOf(fgr.call, 'Document', {
      title: 'Minuta de la tercera sesión',
      language: 'es',
      date: '2025-03-06',
    });
    meeting = await createMeeting(
      fgr.call,
      {
        ...THIRD_SESSION,
        ...TRILATERAL,
        participants: [
          { name: 'Ana Ruiz Beltrán', title: 'Fiscal Especializada', agency: 'fgr' },
          { personId: deputy, title: 'Deputy Attorney General', agency: 'Department of Justice' },
          { name: 'Claire Tremblay', title: 'Deputy Commissioner', agency: 'RCMP' },
        ],
        documents: [
          {
            kind: 'joint_statement',
            title: 'Joint statement of the third session',
            language: 'en',
            date: '2025-03-06',
            url: 'https://example.org/joint-statement',
          },
          { documentId: readout, kind: 'readout' },
        ],
      },
      NOW,
    );
    expect(meeting).toMatchObject({
      format: 'trilateral',
      countries: ['MX', 'US', 'CA'],
      topics: ['fentanyl_precursors', 'firearms'],
      agency: 'FGR',
      marking: 'TLP:GREEN',
      commitments: [],
    });
    expect(meeting.delegations.map((d) => [d.country, d.participants.map((p) => p.name)])).toEqual([
      ['MX', ['Ana Ruiz Beltrán']],
      ['US', ['Kevin Marsh Doyle']],
      ['CA', ['Claire Tremblay']],
    ]);
    expect(meeting.participants[0]).toMatchObject({ title: 'Fiscal Especializada', agency: 'FGR' });
    expect(meeting.documents.map((d) => [d.kind, d.language, d.title])).toEqual([
      ['joint_statement', 'en', 'Joint statement of the third session'],
      ['readout', 'es', 'Minuta de la tercera sesión'],
    ]);
    const asRcmp = await getMeeting(rcmp.call, meeting.id, NOW);
    expect(asRcmp.participants).toHaveLength(3);
    const page = await listMeetings(cbp.call, { topic: ['Firearms trafficking'], country: ['CA'] });
    expect(page.items.map((m) => m.id)).toEqual([meeting.id]);
    expect((await listMeetings(cbp.call, { from: '2025-04-01' })).items).toEqual([]);
  });

  it('refuses a bilateral meeting of three parties and a participant it cannot see, writing nothing', async () => {
    const hidden = await recordOf(fgr.call, 'Person', { name: 'Testigo Protegido' }, MX_ONLY);
    const before = await storedRows(database.db);
    const bad = await refusal(
      createMeeting(cbp.call, {
        ...THIRD_SESSION,
        ...TRILATERAL,
        format: 'bilateral',
        participants: [{ personId: hidden }],
      }),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details.map((d) => d.code)).toEqual(['parties_mismatch']);
    const unseen = await refusal(
      createMeeting(cbp.call, {
        ...THIRD_SESSION,
        ...TRILATERAL,
        participants: [{ personId: hidden }],
      }),
    );
    expect(unseen.details).toMatchObject([
      { code: 'unknown_record', field: 'participants[0].personId' },
    ]);
    expect(await storedRows(database.db)).toBe(before);
  });
});

describe('commitments', () => {
  it('records commitments agreed at the meeting, with owners and an indicator', async () => {
    traces = await createCommitment(
      atf.call,
      commitment({
        name: 'Trace results within 30 days',
        owners: [{ recordId: deputy, role: 'reports progress' }],
        indicator: { name: 'traces_answered_30d', target: 0.9 },
      }),
      NOW,
    );
    expect(traces).toMatchObject({
      name: 'Trace results within 30 days',
      status: 'planned',
      overdue: true,
      closed: false,
      scope: 'bilateral',
      meeting: { id: meeting.id, date: '2025-03-05' },
      owners: [{ recordId: deputy, name: 'Kevin Marsh Doyle', role: 'reports progress' }],
      indicator: { name: 'traces_answered_30d', target: 0.9 },
      history: [{ version: 1, change: 'create', status: 'planned', note: null }],
    });
    expect(traces.trend?.months[0]!.month).toBe('2024-03');
    expect(traces.trend?.months.at(-1)!.month).toBe('2025-07');

    precursors = await createCommitment(
      fgr.call,
      commitment({
        text: 'ANAM and CBSA share precursor shipment alerts within 72 hours of detection.',
        topic: 'precursor chemicals',
        leadCountry: 'MX',
        leadAgency: 'ANAM',
        partnerCountries: ['US', 'CA'],
        dueDate: '2025-12-31',
        status: 'on_track',
      }),
      NOW,
    );
    expect(precursors).toMatchObject({
      topic: 'fentanyl_precursors',
      status: 'on track',
      overdue: false,
      scope: 'trilateral',
      trend: null,
    });
    const shown = await getMeeting(cbp.call, meeting.id, NOW);
    expect(shown.commitments.map((c) => [c.id, c.overdue])).toEqual([
      [traces.id, true],
      [precursors.id, false],
    ]);
  });

  it('lists by status, lead, due date, topic and meeting, soonest due first, in pages', async () => {
    const ids = async (input: Parameters<typeof listCommitments>[1]) =>
      (await listCommitments(cbp.call, input, NOW)).items.map((c) => c.id);
    expect(await ids({})).toEqual([traces.id, precursors.id]);
    expect(await ids({ overdue: true })).toEqual([traces.id]);
    expect(await ids({ leadCountry: ['mx'] })).toEqual([precursors.id]);
    expect(await ids({ leadAgency: ['atf'] })).toEqual([traces.id]);
    expect(await ids({ status: ['on track'] })).toEqual([precursors.id]);
    expect(await ids({ dueBefore: '2025-06-30' })).toEqual([traces.id]);
    expect(await ids({ dueAfter: '2025-07-01' })).toEqual([precursors.id]);
    expect(await ids({ topic: ['firearms'] })).toEqual([traces.id]);
    expect(await ids({ meetingId: meeting.id, atRisk: true })).toEqual([]);
    // The overdue flag follows today: the same commitment was not overdue on its due day.
    const early = await listCommitments(
      cbp.call,
      { overdue: true },
      new Date('2025-06-30T20:00:00Z'),
    );
    expect(early.items).toEqual([]);

    const first = await listCommitments(cbp.call, { limit: 1 }, NOW);
    expect(first.items.map((c) => c.id)).toEqual([traces.id]);
    const second = await listCommitments(cbp.call, { limit: 1, cursor: first.nextCursor! }, NOW);
    expect(second.items.map((c) => c.id)).toEqual([precursors.id]);
    expect(second.nextCursor).toBeNull();

    const bad = await refusal(
      listCommitments(cbp.call, { status: ['stalled'], dueBefore: 'soon' }),
    );
    expect(bad.details.map((d) => `${d.field}:${d.code}`)).toEqual([
      'status:invalid_choice',
      'dueBefore:invalid_date',
    ]);
  });

  it('exports the list as CSV', async () => {
    const csv = await exportCommitmentsCsv(cbp.call, {}, NOW);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,topic,status,overdue,lead_country,lead_agency,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `${traces.id},Trace results within 30 days,firearms,planned,yes,US,ATF,MX,`,
    );
    expect(lines[2]).toContain('on track,no,MX,ANAM,US;CA,trilateral,2025-12-31');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'without a lead',
      { leadCountry: undefined, leadAgency: undefined },
      ['leadCountry:lead_required', 'leadAgency:lead_required'],
    ],
    ['due before its meeting', { dueDate: '2025-03-01' }, ['dueDate:due_before_meeting']],
    ['with a lead that was not at the meeting', { leadCountry: 'GT' }, ['leadCountry:not_a_party']],
    [
      'with an owner that is not a person',
      { owners: [{ recordId: 'MEETING' }] },
      ['owners[0].recordId:wrong_schema'],
    ],
    [
      'with an unknown indicator',
      { indicator: { name: 'arrests', target: 1 } },
      ['indicator.name:unknown_indicator'],
    ],
  ])('refuses a commitment %s and writes nothing', async (_, overrides, expected) => {
    const input: Record<string, unknown> = commitment(overrides);
    if (overrides.owners) input.owners = [{ recordId: meeting.id }];
    const before = await storedRows(database.db);
    const err = await refusal(createCommitment(atf.call, input, NOW));
    expect(err.code).toBe('validation_failed');
    expect(err.details.map((d) => `${d.field}:${d.code}`)).toEqual(expected);
    expect(await storedRows(database.db)).toBe(before);
  });
});

describe('progress updates', () => {
  let seizure: string;
  let usOnly: string;

  it('appends each update as a version with its note and evidence', async () => {
    seizure = await recordOf(
      atf.call,
      'Seizure',
      { date: '2025-05-02', place: 'Nogales, Sonora', drug: 'cocaine', quantity: '3 kg' },
      US_MX,
    );
    usOnly = await recordOf(
      atf.call,
      'Document',
      { title: 'ATF internal staffing memo' },
      {
        marking: 'TLP:AMBER',
        relCountries: ['US'],
      },
    );
    const v2 = await updateCommitment(
      atf.call,
      traces.id,
      { status: 'at_risk', note: 'Backlog of 1,200 requests.', evidence: [seizure, usOnly] },
      NOW,
    );
    expect(v2.status).toBe('at risk');
    expect(v2.history.map((h) => [h.version, h.change, h.status, h.note])).toEqual([
      [1, 'create', 'planned', null],
      [2, 'update', 'at risk', 'Backlog of 1,200 requests.'],
    ]);
    expect(v2.history[1]!.evidence.map((e) => e.recordId).sort()).toEqual([seizure, usOnly].sort());
    await updateCommitment(atf.call, traces.id, { note: 'Two analysts added.' }, NOW);

    // Mexico sees every update, and the evidence it may see: not the US-only memo.
    const asFgr = await getCommitment(fgr.call, traces.id, { now: NOW });
    expect(asFgr.history.map((h) => h.note)).toEqual([
      null,
      'Backlog of 1,200 requests.',
      'Two analysts added.',
    ]);
    expect(asFgr.history[1]!.evidence.map((e) => e.recordId)).toEqual([seizure]);
    expect(asFgr.status).toBe('at risk');
    const atRisk = await listCommitments(rcmp.call, { atRisk: true }, NOW);
    expect(atRisk.items.map((c) => c.id)).toEqual([traces.id]);
  });

  it('takes updates only from the originator, with a note and evidence it can see', async () => {
    const before = await storedRows(database.db);
    const other = await refusal(updateCommitment(fgr.call, traces.id, { note: 'x' }, NOW));
    expect(other).toMatchObject({ code: 'not_originator', params: { kind: 'commitment' } });
    const noNote = await refusal(updateCommitment(atf.call, traces.id, { status: 'done' }, NOW));
    expect(noNote.details.map((d) => d.code)).toEqual(['required']);
    const hidden = await recordOf(fgr.call, 'Seizure', { date: '2025-05-03' }, MX_ONLY);
    const unseen = await refusal(
      updateCommitment(atf.call, traces.id, { note: 'x', evidence: [hidden] }, NOW),
    );
    expect(unseen.details).toMatchObject([{ code: 'unknown_record', field: 'evidence[0]' }]);
    const stale = await refusal(
      updateCommitment(atf.call, traces.id, { note: 'x', expectedVersion: 1 }, NOW),
    );
    expect(stale.code).toBe('conflict');
    expect(await storedRows(database.db)).toBe(before + 1); // the hidden seizure only
  });

  it('refuses any update to a closed commitment, writing nothing', async () => {
    const done = await updateCommitment(
      atf.call,
      traces.id,
      { status: 'done', note: 'Median answer time 21 days.', evidence: [seizure] },
      NOW,
    );
    expect(done).toMatchObject({ status: 'done', closed: true, overdue: false });
    const before = await storedRows(database.db);
    for (const input of [{ note: 'Reopened.', status: 'on track' }, { note: 'One more.' }]) {
      const err = await refusal(updateCommitment(atf.call, traces.id, input, NOW));
      expect(err).toMatchObject({
        code: 'conflict',
        params: { kind: 'commitment', id: traces.id },
        details: [{ code: 'commitment_closed', field: 'status', value: 'done' }],
      });
    }
    expect(await storedRows(database.db)).toBe(before);
  });
});

describe('sharing', () => {
  let secret: CommitmentView;

  it('hides a commitment marked for Mexico only from a US analyst, like an unknown id', async () => {
    secret = await createCommitment(
      fgr.call,
      commitment({
        text: 'SEMAR inspects every container from the flagged consignee at Manzanillo.',
        topic: 'fentanyl_precursors',
        leadCountry: 'MX',
        leadAgency: 'SEMAR',
        partnerCountries: [],
        dueDate: '2025-05-31',
        indicator: { name: 'precursor_pacific_seizures', target: 4 },
        ...MX_ONLY,
      }),
      NOW,
    );
    const readout = await recordOf(fgr.call, 'Document', { title: 'Informe SEMAR, mayo' });
    await updateCommitment(
      fgr.call,
      secret.id,
      { note: 'Inspecciones al 60 %.', evidence: [readout] },
      NOW,
    );
    expect((await getCommitment(fgr.call, secret.id, { now: NOW })).overdue).toBe(true);
    const hidden = await refusal(getCommitment(cbp.call, secret.id, { now: NOW }));
    const unknown = await refusal(
      getCommitment(cbp.call, '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f', { now: NOW }),
    );
    expect(hidden.code).toBe('not_found');
    expect({ ...hidden.params, id: '' }).toEqual({ ...unknown.params, id: '' });
    expect(await refusal(updateCommitment(cbp.call, secret.id, { note: 'x' }))).toMatchObject({
      code: 'not_found',
    });
    const ids = (await listCommitments(cbp.call, { overdue: true }, NOW)).items.map((c) => c.id);
    expect(ids).not.toContain(secret.id);
    expect(await exportCommitmentsCsv(cbp.call, {}, NOW)).not.toContain(secret.id);
    expect(
      (await getMeeting(cbp.call, meeting.id, NOW)).commitments.map((c) => c.id),
    ).not.toContain(secret.id);
    const mx = await listCommitments(fgr.call, { overdue: true }, NOW);
    expect(mx.items.map((c) => c.id)).toContain(secret.id);
  });

  it('keeps its indicator and evidence rows out of reach in the database itself', async () => {
    const rows = (who: TestUser) =>
      asViewer(database.db, who.viewer, async (tx) => {
        const { rows } = await sql<{ indicators: number; evidence: number }>`
          SELECT (SELECT count(*) FROM puente.commitment_indicator
                  WHERE commitment_id = ${secret.id}::uuid)::int AS indicators,
                 (SELECT count(*) FROM puente.commitment_evidence
                  WHERE commitment_id = ${secret.id}::uuid)::int AS evidence`.execute(tx);
        return rows[0];
      });
    expect(await rows(fgr)).toEqual({ indicators: 1, evidence: 1 });
    expect(await rows(cbp)).toEqual({ indicators: 0, evidence: 0 });
    // Another agency cannot cite evidence for, or bind an indicator to, a commitment it sees.
    const forged = asViewer(database.db, cbp.viewer, (tx) =>
      sql`INSERT INTO puente.commitment_indicator (commitment_id, indicator, target, agency,
          created_by) VALUES (${precursors.id}::uuid, 'fentanyl_poe_kg', 1, 'CBP',
          ${cbp.viewer.userId}::uuid)`.execute(tx),
    );
    await expect(forged).rejects.toMatchObject({ code: '42501' });
  });
});

describe('indicators', () => {
  it('counts only what each viewer may see', async () => {
    await recordOf(cbp.call, 'Seizure', {
      date: '2025-05-10',
      portOfEntry: 'Nogales',
      drug: 'fentanyl powder',
      quantity: '2.5 kg',
    });
    await recordOf(
      fgr.call,
      'Seizure',
      {
        date: '2025-05-12',
        portOfEntry: 'Nogales, Sonora',
        drug: 'fentanyl pills',
        quantity: '4 kg',
      },
      MX_ONLY,
    );
    await recordOf(
      fgr.call,
      'Seizure',
      {
        date: '2025-04-20',
        place: 'Puerto de Manzanillo',
        drug: 'precursor chemical',
        quantity: '900 kg',
      },
      MX_ONLY,
    );
    const may = (t: { months: { month: string; value: number | null }[] }) =>
      t.months.find((m) => m.month === '2025-05')?.value;
    const window = { from: '2025-04', to: '2025-05', now: NOW };
    expect(may(await computeIndicator(fgr.call, 'fentanyl_poe_kg', window))).toBe(6.5);
    expect(may(await computeIndicator(cbp.call, 'fentanyl_poe_kg', window))).toBe(2.5);
    const pacific = async (who: TestUser) =>
      (await computeIndicator(who.call, 'precursor_pacific_seizures', window)).months[0]!.value;
    expect(await pacific(fgr)).toBe(1);
    expect(await pacific(cbp)).toBe(0);
    const unknown = await refusal(computeIndicator(cbp.call, 'arrests'));
    expect(unknown).toMatchObject({ code: 'not_found', params: { kind: 'indicator' } });
  });

  it('measures trace answers for the requester its own, for the tracing agency all', async () => {
    const mine = { agency: 'FGR', userId: fgr.viewer.userId };
    const theirs = { agency: 'ATF', userId: atf.viewer.userId };
    await traceRequestRow(database.db, mine, '2025-06-02T10:00:00Z', '2025-06-10T10:00:00Z');
    await traceRequestRow(database.db, mine, '2025-06-03T10:00:00Z', '2025-07-10T10:00:00Z');
    await traceRequestRow(database.db, theirs, '2025-06-04T10:00:00Z', '2025-06-05T10:00:00Z');
    await traceRequestRow(database.db, theirs, '2025-06-05T10:00:00Z', '2025-06-06T10:00:00Z');
    const june = async (who: TestUser) =>
      (await getCommitment(who.call, traces.id, { now: NOW, from: '2025-06', to: '2025-06' }))
        .trend!.months[0]!;
    expect(await june(fgr)).toMatchObject({ value: 0.5, basis: 2, met: false });
    expect(await june(atf)).toMatchObject({ value: 0.75, basis: 4, met: false });
    const cbpView = await june(cbp);
    expect(cbpView).toMatchObject({ value: null, basis: 0, met: null });
  });
});
