import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { createCommitment } from '../../src/services/cooperation/create-commitment.js';
import { createMeeting } from '../../src/services/cooperation/create-meeting.js';
import { addUser } from '../../src/services/identity/users.js';
import { THIRD_SESSION, TRILATERAL, US_MX } from '../support/cooperation-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';
import { puente } from './harness.js';

let database: TestDatabase;
let dir: string;
let meetingId: string;
const FGR = 'm.ortiz@fgr.example';
const CBP = 'a.rivera@cbp.example';
const SHARED = 'Intercambio de alertas en garitas — Nogales y Tijuana';
const SECRET = 'Operativo reservado en Culiacán';
const run = (...args: string[]) => puente(database, args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puente-report-'));
  database = await openTestDatabase();
  const db = database.db;
  const calls: Record<string, { db: typeof db; viewer: Viewer }> = {};
  for (const [code, country, email] of [
    ['FGR', 'MX', FGR],
    ['CBP', 'US', CBP],
  ] as const) {
    await buildAgency(db, code, country);
    const u = await addUser(operator(db), {
      agency: code,
      name: `Liaison ${code}`,
      role: 'liaison',
      email,
    });
    calls[code] = {
      db,
      viewer: { userId: u.id, name: u.name, agency: code, country, role: 'liaison' },
    };
  }
  meetingId = (await createMeeting(calls.FGR!, { ...THIRD_SESSION, ...TRILATERAL })).id;
  const base = {
    text: 'What the committee agreed.',
    topic: 'fentanyl_precursors',
    meetingId,
    dueDate: '2025-06-30',
  };
  await createCommitment(calls.CBP!, {
    ...base,
    name: SHARED,
    leadCountry: 'US',
    leadAgency: 'CBP',
    partnerCountries: ['MX'],
    ...US_MX,
  });
  await createCommitment(calls.FGR!, {
    ...base,
    name: SECRET,
    leadCountry: 'MX',
    leadAgency: 'FGR',
    marking: 'TLP:AMBER+STRICT',
    recipientAgencies: ['FGR'],
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

describe('puente commitment report', () => {
  it('writes the HTML report of what the user may see to stdout', async () => {
    const r = await run('commitment', 'report', '--as', CBP);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain(SHARED);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).toContain('TLP:AMBER — most restrictive marking in this report');
  });

  it('writes CSV in the language asked, for one meeting', async () => {
    const r = await puente(
      database,
      ['commitment', 'report', '--format', 'csv', '--meeting', meetingId, '--as', FGR],
      { PUENTE_LANG: 'es' },
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.name, x.portion_marking])).toEqual([
      [SHARED, 'TLP:AMBER // DIVULGABLE A MX, US'],
      [SECRET, 'TLP:AMBER+STRICT // SOLO FGR'],
    ]);
  });

  it('writes a PDF to a file, and refuses to write one to stdout', async () => {
    const refused = await run('commitment', 'report', '--format', 'pdf', '--as', FGR);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('A PDF report is binary: give --out FILE');
    expect(refused.stdout).toBe('');
    const file = join(dir, 'rapport.pdf');
    const r = await run(
      'commitment',
      'report',
      '--format',
      'pdf',
      '--lang',
      'fr',
      '--out',
      file,
      '--as',
      FGR,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Wrote ${file} (banner TLP:AMBER+STRICT).`);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses an unknown format or language, and a meeting it cannot see', async () => {
    const format = await run('commitment', 'report', '--format', 'docx', '--as', CBP);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('html, pdf, csv');
    const lang = await run('commitment', 'report', '--lang', 'de', '--as', CBP);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('en, es, fr');
    const unknown = await run(
      'commitment',
      'report',
      '--meeting',
      '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f',
      '--as',
      CBP,
    );
    expect(unknown.code).toBe(4);
  });
});
