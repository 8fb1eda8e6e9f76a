import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/services/identity/authenticate.js';
import { TOKEN_TRUST_MS, TokenCache } from '../../src/services/identity/token-cache.js';
import { createToken, revokeToken } from '../../src/services/identity/tokens.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let analyst: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  analyst = await buildUser(database.db, await buildAgency(database.db, 'RCMP', 'CA'));
});
afterAll(() => database.close());

const newToken = () => createToken(operator(database.db), { userId: analyst.viewer.userId });

const revokeElsewhere = (id: string) =>
  // As the CLI or another server would: nothing in this process hears of it.
  sql`UPDATE puente.api_token SET revoked_at = now() WHERE id = ${id}`.execute(database.db);

describe('token cache', () => {
  it('refuses a token revoked elsewhere once the trust period has passed', async () => {
    let now = 0;
    const cache = new TokenCache(TOKEN_TRUST_MS, () => now);
    const { id, token } = await newToken();
    await expect(authenticate(database.db, token, cache)).resolves.toMatchObject({
      userId: analyst.viewer.userId,
    });
    await revokeElsewhere(id);
    now = TOKEN_TRUST_MS - 1;
    await expect(authenticate(database.db, token, cache)).resolves.toMatchObject({
      tokenId: id,
    });
    now = TOKEN_TRUST_MS;
    await expect(authenticate(database.db, token, cache)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('trusts at most five seconds', () => {
    expect(TOKEN_TRUST_MS).toBeLessThanOrEqual(5_000);
  });

  it('refuses a token revoked through this process at once', async () => {
    const { id, token } = await newToken();
    await authenticate(database.db, token);
    await revokeToken(analyst.call, id);
    await expect(authenticate(database.db, token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('does not keep an answer read before a revocation finished', async () => {
    const { id, token } = await newToken();
    const cache = new TokenCache();
    const ticket = cache.ticket();
    const viewer = await authenticate(database.db, token, new TokenCache(0));
    cache.forgetToken(id);
    cache.set('hash', viewer, ticket);
    expect(cache.get('hash')).toBeUndefined();
  });
});
