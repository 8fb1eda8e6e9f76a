import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_LEVELS } from '../../src/domain/resolution/features.js';
import { LOCALES } from '../../src/i18n/index.js';
import { addUser } from '../../src/services/identity/users.js';
import { createRecord } from '../../src/services/records/create-record.js';
import type { ResolutionLine } from '../../src/services/resolution/export-resolution.js';
import { VERDICTS } from '../../src/services/resolution/judge-pair.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';
import { puente } from './harness.js';

let database: TestDatabase;
let dir: string;
let fgr: TestUser;
const ids = { A: '', B: '', C: '' };
const RCMP_EMAIL = 'c.tremblay@rcmp.example';
const run = (...args: string[]) => puente(database, args);

// Unrelated people, so that pairs drawn at random are nearly all strangers (as in real data)
// and the model fitted by `puente resolve` means something: 60, each their own entity.
const GIVEN = ['Aurelio', 'Benigno', 'Cástulo', 'Delfino', 'Eleuterio'];
const GIVEN2 = ['Fausto', 'Gumaro', 'Hilario', 'Isidro'];
const SURNAMES = ['Alcántara', 'Bustamante', 'Cervantes', 'Duarte', 'Escobedo', 'Figueroa'];
const STRANGERS = 60;
const stranger = (i: number) => ({
  name: [
    `${GIVEN[i % 5]} ${GIVEN2[Math.floor(i / 5) % 4]} ${SURNAMES[i % 6]} ${SURNAMES[(Math.floor(i / 6) + 1 + (i % 6)) % 6]}`,
  ],
  birthDate: [
    `${1940 + i}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  ],
});
const RECORDS = STRANGERS + 3;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'puente-resolve-'));
  fgr = await buildUser(database.db, await buildAgency(database.db, 'FGR', 'MX'));
  const cbp = await buildUser(database.db, await buildAgency(database.db, 'CBP', 'US'));
  await buildAgency(database.db, 'RCMP', 'CA');
  await addUser(operator(database.db), {
    agency: 'RCMP',
    name: 'Claire Tremblay',
    role: 'analyst',
    email: RCMP_EMAIL,
  });
  for (let i = 0; i < STRANGERS; i++)
    await createRecord(fgr.call, {
      schema: 'Person',
      properties: stranger(i),
      marking: 'TLP:GREEN',
    });
  // A is not releasable to Canada.
  ids.A = (
    await createRecord(fgr.call, {
      schema: 'Person',
      properties: { name: ['José Luis García Hernández'], birthDate: ['1970-05-02'] },
      marking: 'TLP:AMBER',
      relCountries: ['MX', 'US'],
      sourceRef: 'FGR-PER-001',
    })
  ).id;
  ids.B = (
    await createRecord(cbp.call, {
      schema: 'Person',
      properties: { name: ['GARCIA HERNANDEZ, JOSE L.'], birthDate: ['1970-05-02'] },
      marking: 'TLP:GREEN',
      sourceRef: 'CBP-TECS-77',
    })
  ).id;
  ids.C = (
    await createRecord(fgr.call, {
      schema: 'Person',
      properties: { name: ['José García'], birthDate: ['1985-11-20'] },
      marking: 'TLP:GREEN',
    })
  ).id;
});
afterAll(() => database.close());

const lastAudit = async () =>
  (
    await sql<{ action: string; user_id: string | null; purpose: string | null }>`
      SELECT action, user_id, purpose FROM puente.audit_entry ORDER BY seq DESC LIMIT 1`.execute(
      database.db,
    )
  ).rows[0];

describe('puente explain', () => {
  it('prints every feature’s evidence and the verdict, as the named user sees it', async () => {
    const r = await run(
      'explain',
      ids.A,
      ids.B,
      '--as',
      fgr.viewer.userId,
      '--purpose',
      'FGR/2025/017',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kind:\s+person$/m);
    expect(r.stdout).toMatch(/^FEATURE\s+LEVEL\s+M\s+U\s+BITS\s+FREQUENCY$/m);
    expect(r.stdout).toMatch(/^given names\s+nickname\s+[\d.e-]+\s+[\d.e-]+\s+[+-]\d+\.\d\d$/m);
    expect(r.stdout).toMatch(/^surnames\s+both\s+.*[+-]\d+\.\d\d \(garcia\|hernandez\)$/m);
    expect(r.stdout).toMatch(/^birth date\s+exact\s+/m);
    expect(r.stdout).toMatch(/^Evidence:\s+[+-]\d+\.\d\d bits \(prior [+-]\d+\.\d\d bits\)$/m);
    expect(r.stdout).toMatch(/^Probability:\s+\d+\.\d%$/m);
    expect(r.stdout).toMatch(/^Match from:\s+80\.0% \([+-]\d+\.\d\d bits\)$/m);
    expect(r.stdout).toMatch(/^Conflict:\s+none$/m);
    expect(r.stdout).toMatch(/^Decision:\s+none$/m);
    expect(r.stdout).toMatch(/^Same entity:\s+yes$/m);
    // Audited as the user, with the purpose given.
    expect(await lastAudit()).toEqual({
      action: 'entity.explain',
      user_id: fgr.viewer.userId,
      purpose: 'FGR/2025/017',
    });

    const json = JSON.parse(
      (await run('explain', ids.A, ids.C, '--as', fgr.viewer.userId, '--json')).stdout,
    );
    expect(json).toMatchObject({ a: ids.A, b: ids.C, conflict: 'birthDate', sameEntity: false });
    expect(json.features).toContainEqual(
      expect.objectContaining({ feature: 'birthDate', level: 'conflict' }),
    );

    const spanish = await puente(database, ['explain', ids.A, ids.C, '--as', fgr.viewer.userId], {
      PUENTE_LANG: 'es',
    });
    expect(spanish.stdout).toMatch(/^RASGO\s+NIVEL\s+M\s+U\s+BITS\s+FRECUENCIA$/m);
    expect(spanish.stdout).toMatch(
      /^Conflicto:\s+fechas de nacimiento que no pueden ser de la misma persona$/m,
    );
    expect(spanish.stdout).toMatch(/^Decisión:\s+ninguna$/m);
  });

  it('answers a record the user may not see exactly like an unknown one', async () => {
    const hidden = await run('explain', ids.A, ids.B, '--as', RCMP_EMAIL.toUpperCase());
    expect(hidden.code).toBe(4);
    const unknown = '0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12';
    const missing = await run('explain', unknown, ids.B, '--as', RCMP_EMAIL);
    expect(missing.code).toBe(4);
    expect(hidden.stderr.replace(ids.A, 'ID')).toBe(missing.stderr.replace(unknown, 'ID'));
  });

  it('refuses a record compared with itself, a malformed id and an unknown user', async () => {
    const same = await run('explain', ids.A, ids.A, '--as', fgr.viewer.userId);
    expect(same.code).toBe(3);
    expect(same.stderr).toContain(
      `B: “${ids.A}” — expected another record of the same kind (person or organization)`,
    );
    const malformed = await run('explain', ids.A, 'garcia', '--as', fgr.viewer.userId);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^Invalid value for b: expected an id/);
    const nobody = await run('explain', ids.A, ids.B, '--as', 'nobody@example.org');
    expect(nobody.code).toBe(4);
    expect(nobody.stderr.trim()).toBe('There is no user with id nobody@example.org.');
    const missingAs = await run('explain', ids.A, ids.B);
    expect(missingAs.code).toBe(2);
    expect(missingAs.stderr).toMatch(/Required option --as <email\|id> is missing/);
  });
});

describe('puente entity', () => {
  it('shows an entity’s records side by side with agency and marking', async () => {
    const r = await run('entity', 'show', ids.B, '--as', fgr.viewer.userId);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Id:\\s+${ids.A}$`, 'm'));
    expect(r.stdout).toMatch(/^Records:\s+2$/m);
    expect(r.stdout).toMatch(/^ID\s+AGENCY\s+MARKING\s+SCHEMA\s+NAME\s+SOURCE REF$/m);
    expect(r.stdout).toMatch(
      /FGR\s+TLP:AMBER \/\/ REL TO MX, US\s+Person\s+José Luis García Hernández\s+FGR-PER-001$/m,
    );
    expect(r.stdout).toMatch(
      /CBP\s+TLP:GREEN\s+Person\s+GARCIA HERNANDEZ, JOSE L\.\s+CBP-TECS-77$/m,
    );
    expect(r.stdout).toMatch(/^A\s+B\s+PROBABILITY\s+BITS\s+DECISION$/m);

    // Canada's analyst sees B alone; the notice goes to stderr.
    const canada = await run('entity', 'show', ids.B, '--as', RCMP_EMAIL, '--json');
    expect(canada.code).toBe(0);
    const entity = JSON.parse(canada.stdout);
    expect(entity).toMatchObject({ id: ids.B, records: [{ id: ids.B }], pairs: [] });
    expect(canada.stdout).not.toContain(ids.A);
    const french = await puente(database, ['entity', 'show', ids.B, '--as', RCMP_EMAIL], {
      PUENTE_LANG: 'fr',
    });
    expect(french.stdout).toMatch(/^Type:\s+personne$/m);
    expect(french.stderr).toBe('L’entité se compose d’un seul enregistrement.\n');
  });

  it('finds entities by a nickname, and refuses a bad kind or an empty query', async () => {
    const r = await run('entity', 'search', 'Pepe Garcia', '--as', fgr.viewer.userId);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+KIND\s+NAME\s+RECORDS\s+SCORE\s+MATCHED RECORD$/m);
    expect(r.stdout).toMatch(
      new RegExp(`^${ids.A}\\s+person\\s+José Luis García Hernández\\s+2\\s+\\d+\\.\\d%`, 'm'),
    );
    const json = JSON.parse(
      (
        await run(
          'entity',
          'search',
          'Pepe Garcia',
          '--as',
          fgr.viewer.userId,
          '--json',
          '--limit',
          '1',
        )
      ).stdout,
    );
    expect(json).toHaveLength(1);
    const none = await run(
      'entity',
      'search',
      'Pepe Garcia',
      '--as',
      fgr.viewer.userId,
      '--kind',
      'organization',
    );
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('No entity answers this name.\n');

    const kind = await run('entity', 'search', 'x', '--as', fgr.viewer.userId, '--kind', 'vessel');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/expected one of: person, organization/);
    const blank = await run('entity', 'search', '  ', '--as', fgr.viewer.userId);
    expect(blank.code).toBe(3);
    expect(blank.stderr).toContain('QUERY: “” — expected a name of 1 to 200 characters');
  });
});

describe('puente resolve', () => {
  it('resolves everything and prints a summary, as JSON too', async () => {
    const r = await run('resolve', '--workers', '2', '--json');
    // Only plain progress lines (on a slow machine), never an error.
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      records: RECORDS,
      persons: RECORDS,
      organizations: 0,
      entities: expect.any(Number),
      mergedEntities: expect.any(Number),
      skippedBlocks: 0,
      export: null,
      models: {
        person: { lambda: expect.any(Number), trainedOn: { pairs: expect.any(Number) } },
        organization: { trainedOn: { pairs: 0 } },
      },
    });
    // The strangers stay apart, whatever the model fitted to so few records says of A and B.
    expect(summary.entities).toBeGreaterThanOrEqual(RECORDS - 1);
    expect(summary.entities).toBeLessThanOrEqual(RECORDS);
    expect(summary.seconds).toBeGreaterThan(0);
    expect((await lastAudit())?.action).toBe('entity.resolve');

    const text = await run('resolve');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `^Resolved ${RECORDS} records \\(${RECORDS} persons, 0 organizations\\) into ${summary.entities} entities \\(${summary.mergedEntities} with several records\\) in [\\d.]+ s\\.$`,
        'm',
      ),
    );
    expect(text.stdout).toMatch(/^KIND\s+PRIOR\s+PAIRS\s+JUDGED\s+ITERATIONS$/m);
    expect(text.stdout).toMatch(/^person\s+[\d.]+\s+\d+\s+0\s+\d+$/m);
  });

  it('writes each record’s entity to an NDJSON file', async () => {
    const file = join(dir, 'entities.ndjson');
    const r = await run('resolve', '--export', file, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.export).toEqual({ file, lines: RECORDS });
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as ResolutionLine);
    expect(lines).toHaveLength(RECORDS);
    for (const line of lines)
      expect(Object.keys(line)).toEqual(['record', 'agency', 'sourceRef', 'entity']);
    const byRecord = new Map(lines.map((l) => [l.record, l]));
    expect(byRecord.get(ids.A)).toMatchObject({ agency: 'FGR', sourceRef: 'FGR-PER-001' });
    expect(byRecord.get(ids.B)).toMatchObject({ agency: 'CBP', sourceRef: 'CBP-TECS-77' });
    expect(byRecord.get(ids.C)).toMatchObject({ agency: 'FGR', sourceRef: null });
    // Conflicting birth dates keep the other José García apart under any model.
    expect(byRecord.get(ids.C)!.entity).not.toBe(byRecord.get(ids.A)!.entity);
    expect(byRecord.get(ids.C)!.entity).not.toBe(byRecord.get(ids.B)!.entity);
    // The file and the summary tell the same clustering; every entity is one of its records.
    const sizes = new Map<string, number>();
    for (const l of lines) sizes.set(l.entity, (sizes.get(l.entity) ?? 0) + 1);
    expect(sizes.size).toBe(summary.entities);
    expect([...sizes.values()].filter((n) => n > 1)).toHaveLength(summary.mergedEntities);
    for (const entity of sizes.keys()) expect(byRecord.has(entity)).toBe(true);
    expect((await lastAudit())?.action).toBe('entity.export');

    const text = await run('resolve', '--export', file);
    // Plain progress lines may come first on a slow machine; the last line is the summary.
    expect(text.stderr.trimEnd().split('\n').at(-1)).toBe(
      `Wrote ${RECORDS} records' entities to ${file}.`,
    );
    // A path that cannot be written fails before the run, not after it.
    const bad = await run('resolve', '--export', join(dir, 'missing', 'x.ndjson'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
  });

  it('shows progress on stderr: redrawn on a terminal, plain lines in a log', async () => {
    const tty = { text: '', isTTY: true, write: (s: string) => (tty.text += s) };
    const r = await puente(database, ['resolve'], { PUENTE_LANG: 'en' }, { stderr: tty });
    expect(r.code).toBe(0);
    expect(tty.text).toContain(
      `\r\x1b[Kreading persons and organizations: ${RECORDS} of ${RECORDS}`,
    );
    expect(tty.text.split('\r\x1b[K')).toContainEqual(
      expect.stringMatching(/^scoring \d+ candidate pairs$/),
    );
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^Resolved ${RECORDS} records`));

    const log = await puente(database, ['resolve'], { PUENTE_LANG: 'en', PUENTE_PROGRESS_MS: '1' });
    expect(log.stderr).not.toContain('\r');
    expect(log.stderr).toMatch(/^(reading persons|comparing|scoring|writing)/m);
  });

  it('refuses a bad worker count as a usage error', async () => {
    const r = await run('resolve', '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers <n>: expected a whole number of at least 1/);
  });
});

describe('help and messages', () => {
  it('documents each command with examples, in the operator’s language', async () => {
    for (const args of [['resolve'], ['explain'], ['entity', 'show'], ['entity', 'search']]) {
      const r = await run(...args, '--help');
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: puente ${args.join(' ')}`);
      expect(r.stdout).toMatch(/\nExamples:\n {2}\$ puente /);
    }
    const resolve = (await run('resolve', '--help')).stdout;
    expect(resolve).toMatch(/--export <file>/);
    expect(resolve).toMatch(/--workers <n>/);
    expect(resolve).toMatch(/--json/);
    expect((await run('explain', '--help')).stdout).toMatch(/--as <email\|id>/);
    const spanish = await puente(database, ['entity', '--help'], { PUENTE_LANG: 'es' });
    expect(spanish.stdout).toMatch(/Muestra y busca entidades/);
    expect((await run('--help')).stdout).toMatch(/^\s+resolve \[options\]/m);
  });

  it('has a word for every feature, level, phase, verdict and conflict in every language', () => {
    const keys = [
      ...Object.values(FEATURE_LEVELS).flatMap((features) =>
        Object.entries(features as Record<string, readonly string[]>).flatMap(([f, levels]) => [
          `feature.${f}`,
          ...levels.map((l) => `level.${l}`),
        ]),
      ),
      ...['read', 'compare', 'train', 'score', 'cluster', 'write'].map((p) => `resolve.phase.${p}`),
      ...VERDICTS.map((v) => `verdict.${v}`),
      'conflict.curp',
      'conflict.birthDate',
      'kind.person',
      'kind.organization',
    ];
    for (const lng of LOCALES) {
      type Tree = { [key: string]: Tree | string | undefined };
      const tree = JSON.parse(readFileSync(`src/i18n/locales/${lng}/cli.json`, 'utf8')) as Tree;
      const leaf = (key: string) =>
        key
          .split('.')
          .reduce<Tree | string | undefined>((n, p) => (n as Tree | undefined)?.[p], tree);
      const missing = keys.filter((k) => typeof leaf(k) !== 'string');
      expect(missing, lng).toEqual([]);
    }
  });
});
