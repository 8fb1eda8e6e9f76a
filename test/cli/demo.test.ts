import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeed } from '../../src/demo/seed-demo.js';
import { viewerOf, type DemoUser } from '../../src/demo/seed-staff.js';
import { listLinks } from '../../src/services/links/read-links.js';
import { searchRecords } from '../../src/services/records/search-records.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { puente } from './harness.js';

let database: TestDatabase;
let seed: DemoSeed;

beforeAll(async () => {
  database = await openTestDatabase();
  seed = await seedDemo(database.db);
}, 180_000);
afterAll(() => database.close());

const callAs = (agency: string, role: DemoUser['role']) => {
  const u = seed.users.find((x) => x.agency === agency && x.role === role)!;
  return { db: database.db, viewer: viewerOf(u) };
};

describe('demo data', () => {
  it('creates agencies of three countries, four users each, and records with links', async () => {
    expect(seed).toMatchObject({ seeded: true, agencies: 12 });
    expect(seed.users).toHaveLength(48);
    expect(new Set(seed.users.map((u) => u.country))).toEqual(new Set(['US', 'MX', 'CA']));
    expect(seed.records).toBeGreaterThanOrEqual(55);
    expect(seed.links).toBeGreaterThanOrEqual(40);
    expect(seed.users.find((u) => u.agency === 'FGR' && u.role === 'analyst')?.name).toBe(
      'María Guadalupe Ortiz Peña',
    );
  });

  it('shares each record only as its marking allows', async () => {
    const cbp = await searchRecords(callAs('CBP', 'analyst'), { q: 'garcia', limit: 200 });
    const rcmp = await searchRecords(callAs('RCMP', 'analyst'), { q: 'garcia', limit: 200 });
    const names = (page: typeof cbp) => page.items.map((r) => r.caption);
    // REL TO MX, US: CBP sees it, RCMP does not.
    expect(names(cbp)).toContain('Ricardo García Loera');
    expect(names(rcmp)).not.toContain('Ricardo García Loera');
    expect(names(rcmp)).toContain('Efrain Garcia');

    const markings = async (agency: string, role: DemoUser['role']) =>
      new Set(
        (await searchRecords(callAs(agency, role), { limit: 200 })).items.map((r) => r.marking),
      );
    // The DEA supervisor is a named recipient of RED records; every marking appears in the demo.
    expect(await markings('DEA', 'supervisor')).toEqual(
      new Set(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']),
    );
    expect(await markings('FBI', 'analyst')).not.toContain('TLP:RED');
  });

  it('has links a partner sees only where it sees both ends', async () => {
    const all = await listLinks(callAs('SEMAR', 'analyst'), { limit: 200 });
    const hsi = await listLinks(callAs('HSI', 'analyst'), { limit: 200 });
    expect(all.items.length).toBeGreaterThan(0);
    expect(hsi.items.length).toBeGreaterThan(0);
    const seen = new Set(hsi.items.map((l) => l.id));
    // SEMAR's links on the Importadora (AMBER+STRICT for ANAM and CBSA) stay hidden from HSI.
    expect(
      all.items
        .filter((l) => l.type === 'involved_in' && l.agency === 'SEMAR')
        .some((l) => !seen.has(l.id)),
    ).toBe(true);
  });

  it('is skipped when the database already has agencies', async () => {
    const again = await seedDemo(database.db);
    expect(again).toMatchObject({ seeded: false, users: [], records: 0 });
    const agencies = await puente(database, ['agency', 'list', '--json']);
    expect(JSON.parse(agencies.stdout)).toHaveLength(12);
  });
});

describe('puente demo', () => {
  it('migrates, seeds, imports synthetic data, prints tokens, serves them, and stops on a signal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'puente-demo-'));
    try {
      let stop: (signal: string) => void = () => undefined;
      const stopSignal = () => new Promise<string>((resolve) => (stop = resolve));
      let stderrText = '';
      let listening: (url: string) => void = () => undefined;
      const url = new Promise<string>((resolve) => (listening = resolve));
      const stderr = {
        write(s: string) {
          stderrText += s;
          const m = /listening on (http:\/\/\S+) /.exec(stderrText);
          if (m) listening(m[1]!);
          return true;
        },
      };
      // PUENTE_DATA alone: the embedded database on disk, whatever DATABASE_URL the suite runs with.
      const env = { PUENTE_LANG: 'en', PUENTE_DATA: dataDir };
      const run = puente(undefined, ['demo', '--scale', '400', '--port', '0'], env, {
        stderr,
        stopSignal,
      });
      const base = await url;

      const file = join(dataDir, 'demo-tokens.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const users = JSON.parse(readFileSync(file, 'utf8')) as DemoUser[];
      const cbp = users.find((u) => u.agency === 'CBP' && u.role === 'analyst')!;
      const res = await fetch(`${base}/api/v1/records?q=garcia`, {
        headers: { authorization: `Bearer ${cbp.token}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { caption: string }[] };
      expect(body.items.map((r) => r.caption)).toContain('Efrain Garcia');
      expect(stderrText).toMatch(/Try it: curl -H "Authorization: Bearer pnt_/);
      expect(stderrText).toMatch(/imported fgr-\S+\.csv: \d+ records/);
      const seizures = await fetch(`${base}/api/v1/records?schema=Seizure&limit=5`, {
        headers: { authorization: `Bearer ${cbp.token}` },
      });
      expect(((await seizures.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

      stop('SIGTERM');
      const result = await run;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(cbp.token);
      expect(stderrText).toContain('Received SIGTERM');

      // A second start keeps the data and says where the tokens are.
      const second = await puente(undefined, ['demo', '--scale', '400', '--port', '0'], env, {
        stopSignal: async () => 'SIGINT',
      });
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('already has agencies');
      expect(second.stderr).toContain(file);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
