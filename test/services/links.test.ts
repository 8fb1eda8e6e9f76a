import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { createLink } from '../../src/services/links/create-link.js';
import { getLink, listLinkHistory, listLinks } from '../../src/services/links/read-links.js';
import { remarkLink, retractLink, updateLink } from '../../src/services/links/change-link.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let atf: TestUser;
let fgr: TestUser;
let cbsa: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  atf = await buildUser(database.db, await buildAgency(database.db, 'ATF', 'US'));
  fgr = await buildUser(database.db, await buildAgency(database.db, 'FGR', 'MX'));
  cbsa = await buildUser(database.db, await buildAgency(database.db, 'CBSA', 'CA'));
});
afterAll(() => database.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${String(e)}`),
  );

describe('links', () => {
  it('joins two records, with its own marking, visible only where both ends are', async () => {
    const buyer = await createRecord(atf.call, {
      schema: 'Person',
      properties: { firstName: ['Dale'], lastName: ['Whitaker'], name: ['Dale Whitaker'] },
      marking: 'AMBER',
      relCountries: ['US', 'MX'],
    });
    const gun = await createRecord(atf.call, {
      schema: 'Firearm',
      properties: { make: ['Colt'], model: ['M4'], serialNumber: ['LW123456'], type: ['rifle'] },
      marking: 'GREEN',
    });
    const link = await createLink(atf.call, {
      type: 'purchased',
      sourceId: buyer.id,
      targetId: gun.id,
      properties: { date: ['2023-01-15'] },
      marking: 'GREEN',
    });
    expect(link).toMatchObject({
      type: 'purchased',
      sourceId: buyer.id,
      targetId: gun.id,
      marking: 'TLP:GREEN',
    });
    expect(await code(getLink(fgr.call, link.id))).toBe('ok');
    // The link is GREEN and the firearm too, but the buyer is not releasable to Canada.
    expect(await code(getLink(cbsa.call, link.id))).toBe('not_found');
    expect((await listLinks(cbsa.call, { recordId: gun.id })).items).toHaveLength(0);
    expect((await listLinks(fgr.call, { recordId: gun.id })).items.map((l) => l.id)).toEqual([
      link.id,
    ]);

    expect(
      await code(
        createLink(atf.call, {
          type: 'purchased',
          sourceId: gun.id,
          targetId: buyer.id,
          marking: 'GREEN',
        }),
      ),
    ).toBe('validation_failed');
    expect(
      await code(
        createLink(cbsa.call, {
          type: 'owns',
          sourceId: buyer.id,
          targetId: gun.id,
          marking: 'GREEN',
        }),
      ),
    ).toBe('not_found');

    await updateLink(atf.call, link.id, { properties: { date: ['2023-01-16'] } });
    expect(await code(retractLink(fgr.call, link.id, {}))).toBe('not_originator');
    await remarkLink(atf.call, link.id, { marking: 'AMBER+STRICT', recipientAgencies: ['ATF'] });
    expect(await code(getLink(fgr.call, link.id))).toBe('not_found');
    await retractLink(atf.call, link.id, { reason: 'entered twice' });
    const history = await listLinkHistory(atf.call, link.id);
    expect(history.map((v) => v.change)).toEqual(['create', 'update', 'remark', 'retract']);
    expect((await listLinks(atf.call, { recordId: gun.id })).items).toHaveLength(0);
    expect(
      (await listLinks(atf.call, { recordId: gun.id, includeRetracted: true })).items,
    ).toHaveLength(1);
  });
});
