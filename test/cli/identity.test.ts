import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/services/identity/authenticate.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { puente } from './harness.js';

let database: TestDatabase;
const run = (...args: string[]) => puente(database, args);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('puente agency, user and token', () => {
  it('adds and lists agencies, as a table and as JSON', async () => {
    const added = await run(
      'agency',
      'add',
      'fgr',
      '--name',
      'Fiscalía General de la República',
      '--country',
      'mx',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      code: 'FGR',
      country: 'MX',
      name: 'Fiscalía General de la República',
    });
    expect(
      (
        await run(
          'agency',
          'add',
          'RCMP',
          '--name',
          'Gendarmerie royale du Canada',
          '--country',
          'CA',
        )
      ).stdout,
    ).toMatch(/Added agency RCMP/);

    const json = await run('agency', 'list', '--json');
    // Ordered by country, then code.
    expect(JSON.parse(json.stdout).map((a: { code: string }) => a.code)).toEqual(['RCMP', 'FGR']);
    const table = await run('agency', 'list');
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^CODE\s+COUNTRY\s+NAME\s+CREATED$/);
    expect(rows).toHaveLength(2);
    // Columns line up even with accented names.
    expect(rows[1]!.indexOf('Fiscalía')).toBe(header!.indexOf('NAME'));
  });

  it('refuses a bad country with exit 3 and names the field', async () => {
    const r = await run(
      'agency',
      'add',
      'CBP',
      '--name',
      'U.S. Customs and Border Protection',
      '--country',
      'XX',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Invalid input:');
    expect(r.stderr).toMatch(/--country: “XX” — expected an ISO 3166-1 alpha-2 country code/);
    expect(r.stderr).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it('says it in the operator language', async () => {
    const r = await puente(database, ['agency', 'add', 'CBP', '--name', 'x', '--country', 'XX'], {
      PUENTE_LANG: 'es',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /Datos no válidos:\n {2}- --country: «XX»; se esperaba un código de país ISO 3166-1 alfa-2/,
    );
  });

  it('reports a duplicate as a conflict (5) and an unknown id as not found (4)', async () => {
    const dup = await run('agency', 'add', 'FGR', '--name', 'Otra', '--country', 'MX');
    expect(dup.code).toBe(5);
    expect(dup.stderr).toMatch(/FGR already exists/);
    const missing = await run('token', 'revoke', '0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12');
    expect(missing.code).toBe(4);
    expect(missing.stderr.trim()).toBe(
      'There is no token with id 0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12.',
    );
  });

  it('adds a user, whose token authenticates until it is revoked', async () => {
    const user = await run(
      'user',
      'add',
      '--agency',
      'FGR',
      '--name',
      'María Guadalupe Ortiz Peña',
      '--role',
      'analyst',
      '--email',
      'm.ortiz@fgr.example',
      '--json',
    );
    expect(user.code).toBe(0);
    const { id: userId } = JSON.parse(user.stdout) as { id: string };

    const listed = await run('user', 'list', '--agency', 'fgr');
    expect(listed.stdout).toMatch(/María Guadalupe Ortiz Peña\s+m\.ortiz@fgr\.example\s+active/);
    expect(JSON.parse((await run('user', 'list', '--agency', 'RCMP', '--json')).stdout)).toEqual(
      [],
    );

    const created = await run(
      'token',
      'create',
      '--user',
      userId,
      '--label',
      'laptop',
      '--expires-in-days',
      '30',
      '--json',
    );
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as { id: string; token: string; expiresAt: string };
    expect(token.token).toMatch(/^pnt_/);
    expect(created.stderr).toMatch(/will not be shown again/);
    const viewer = await authenticate(database.db, token.token);
    expect(viewer).toMatchObject({ userId, agency: 'FGR', country: 'MX', role: 'analyst' });

    const human = await run('token', 'create', '--user', userId);
    expect(human.stdout).toMatch(/^Token:\s+pnt_\S{43}$/m);
    expect(human.stdout).toMatch(/^Expires:\s+never$/m);

    const revoked = await run('token', 'revoke', token.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`Token ${token.id} is revoked`));
    await expect(authenticate(database.db, token.token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('validates a role through the service (3) and flag shapes itself (2)', async () => {
    const role = await run('user', 'add', '--agency', 'FGR', '--name', 'Nadie', '--role', 'boss');
    expect(role.code).toBe(3);
    expect(role.stderr).toMatch(
      /--role: “boss” — expected one of analyst, supervisor, liaison, admin/,
    );
    const agency = await run(
      'user',
      'add',
      '--agency',
      'NOPE',
      '--name',
      'Nadie',
      '--role',
      'admin',
    );
    expect(agency.code).toBe(3);
    expect(agency.stderr).toMatch(/--agency: “NOPE” — expected a registered agency code/);

    const badId = await run('token', 'create', '--user', 'not-an-id');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/Invalid value for --user <id>: expected an id/);
    const days = await run(
      'token',
      'create',
      '--user',
      '0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12',
      '--expires-in-days',
      'soon',
    );
    expect(days.code).toBe(2);
  });
});

describe('puente migrate', () => {
  it('reports a current schema', async () => {
    const r = await run('migrate');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Nothing to do: .+ is at schema version \d+\.$/m);
    expect(JSON.parse((await run('migrate', '--json')).stdout)).toMatchObject({ applied: [] });
  });
});

describe('puente usage', () => {
  it('lists every command in --help, with examples', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const name of ['serve', 'migrate', 'agency', 'user', 'token', 'audit'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toContain('Examples:');
    for (const path of [
      ['serve'],
      ['migrate'],
      ['agency', 'add'],
      ['agency', 'list'],
      ['user', 'add'],
      ['user', 'list'],
      ['token', 'create'],
      ['token', 'revoke'],
      ['audit', 'verify'],
    ]) {
      const help = await run(...path, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`$ puente ${path.join(' ')}`);
      if (path[0] !== 'serve') expect(help.stdout).toContain('--json');
    }
  });

  it('translates help', async () => {
    const r = await puente(database, ['agency', 'add', '--help'], { PUENTE_LANG: 'fr' });
    expect(r.stdout).toMatch(/^Utilisation : puente agency add/);
    expect(r.stdout).toContain('Exemples :');
  });

  it('exits 2 on usage errors, with a hint', async () => {
    const unknown = await run('agency', 'lst');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “lst”.');
    expect(unknown.stderr).toContain('Did you mean list?');
    expect(unknown.stderr).toContain('See “puente agency --help”.');
    expect((await run('agency', 'list', '--colour')).code).toBe(2);
    expect((await run('agency', 'add', 'CBP', '--country', 'US')).stderr).toMatch(
      /Required option --name <name> is missing/,
    );
    expect((await run('serve', '--port', '99999')).code).toBe(2);
    expect((await run('agency')).code).toBe(2);
  });

  it('exits 10 when the database cannot be reached', async () => {
    const r = await puente(undefined, ['agency', 'list'], {
      PUENTE_LANG: 'en',
      DATABASE_URL: 'postgres://puente:secret@127.0.0.1:1/puente',
    });
    expect(r.code).toBe(10);
    expect(r.stderr).toMatch(
      /^Cannot open the database at 127\.0\.0\.1:1\/puente \(ECONNREFUSED\)/,
    );
    expect(r.stderr).not.toContain('secret');
  });
});
