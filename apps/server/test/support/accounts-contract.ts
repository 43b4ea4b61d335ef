import { ErrorCode } from '@crossroads/shared';
import { ACCOUNT_TOKEN_TTL_MS, type AccountsService } from '../../src/accounts/accounts.service';
import { AccountsBootstrap, DEMO_USERNAME } from '../../src/accounts/bootstrap';
import { AppError } from '../../src/auth/rest-error';
import { hashToken } from '../../src/auth/tokens';
import { loadConfig, type Env } from '../../src/config';
import type { SqlClient } from '../../src/database/sql';
import type { PinoLogger } from '../../src/logging/logging.module';

/** A migrated, empty database of one engine, and the AccountsService on it. */
export interface AccountsUnderTest {
  accounts: AccountsService;
  sql: SqlClient;
  close(): Promise<void>;
}

const PASSWORD = 'correct-horse-battery';

/** The start-up accounts for this environment, logging nowhere. */
function bootstrap(t: AccountsUnderTest, env: Env = {}): AccountsBootstrap {
  const quiet = { info: () => undefined, warn: () => undefined } as unknown as PinoLogger;
  return new AccountsBootstrap(
    t.accounts,
    t.sql,
    quiet,
    loadConfig({ LOG_LEVEL: 'silent', ...env }),
  );
}

async function appErrorCode(promise: Promise<unknown>): Promise<ErrorCode | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/**
 * What AccountsService (and the start-up accounts) must do on every engine: one suite, run on
 * SQLite (apps/server/test/accounts.spec.ts) and PostgreSQL (test/postgres/accounts.spec.ts).
 */
export function accountsContract(engine: string, open: () => Promise<AccountsUnderTest>): void {
  describe(`AccountsService on ${engine}`, () => {
    // Every account is a bcrypt hash (60-100 ms each on an idle core, see accounts.service): a test making
    // several took over jest's 5 s default on a machine busy with other suites.
    jest.setTimeout(30_000);
    let t: AccountsUnderTest;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.close();
    });

    it('creates accounts and finds them by id and by username, case-insensitively', async () => {
      expect(await t.accounts.count()).toBe(0);
      const lead = await t.accounts.create(' Lead ', PASSWORD, 'admin');
      const ana = await t.accounts.create('ana', PASSWORD, 'facilitator', true);
      const bo = await t.accounts.create('bo', PASSWORD, 'facilitator');
      expect(lead).toMatchObject({ username: 'Lead', role: 'admin', author: true });
      expect(ana).toMatchObject({ username: 'ana', role: 'facilitator', author: true });
      expect(bo).toMatchObject({ username: 'bo', role: 'facilitator', author: false });
      expect(await t.accounts.count()).toBe(3);
      expect(await t.accounts.byId(ana.id)).toEqual(ana);
      expect(await t.accounts.byUsername('LEAD')).toEqual(lead);
      expect(await t.accounts.byUsername('nobody')).toBeUndefined();
      // The username is unique whatever its case (NOCASE on SQLite, the ICU collation on PostgreSQL).
      expect(await appErrorCode(t.accounts.create('ANA', PASSWORD, 'facilitator'))).toBe(
        ErrorCode.InvalidPayload,
      );
      expect(await appErrorCode(t.accounts.create('cy', 'short', 'facilitator'))).toBe(
        ErrorCode.InvalidPayload,
      );
      expect(await t.accounts.count()).toBe(3);
    });

    it('verifies passwords', async () => {
      const ana = await t.accounts.create('ana', PASSWORD, 'facilitator');
      expect(await t.accounts.verify('Ana', PASSWORD)).toEqual(ana);
      expect(await t.accounts.verify('ana', 'wrong-horse-battery')).toBeUndefined();
      expect(await t.accounts.verify('nobody', PASSWORD)).toBeUndefined();
    });

    it('issues tokens that resolve until they expire or are revoked (revoking notifies once)', async () => {
      const ana = await t.accounts.create('ana', PASSWORD, 'facilitator');
      const changed: string[] = [];
      t.accounts.onCredentialsChanged((id) => changed.push(id));
      const now = Date.UTC(2026, 11, 4, 9, 0);
      const { token, expiresAt } = await t.accounts.issueToken(ana.id, now);
      expect(Date.parse(expiresAt)).toBe(now + ACCOUNT_TOKEN_TTL_MS);
      expect(await t.accounts.resolveToken(token, now + 1000)).toEqual(ana);
      expect(await t.accounts.resolveToken(token, now + ACCOUNT_TOKEN_TTL_MS)).toBeUndefined();
      expect(await t.accounts.resolveToken('not-a-token', now)).toBeUndefined();

      const live = await t.accounts.issueToken(ana.id);
      // The socket handshake looks logins up by the token's hash.
      expect(await t.accounts.login(hashToken(live.token))).toEqual({
        account: ana,
        expiresAt: Date.parse(live.expiresAt),
      });
      await Promise.all([t.accounts.revokeToken(live.token), t.accounts.revokeToken(live.token)]);
      expect(await t.accounts.resolveToken(live.token)).toBeUndefined();
      expect(changed).toEqual([ana.id]);
    });

    it('ends every open login when the password changes, and keeps it when the new one is refused', async () => {
      const ana = await t.accounts.create('ana', PASSWORD, 'facilitator');
      const bo = await t.accounts.create('bo', PASSWORD, 'facilitator');
      const first = await t.accounts.issueToken(ana.id);
      const second = await t.accounts.issueToken(ana.id);
      const other = await t.accounts.issueToken(bo.id);
      const changed: string[] = [];
      t.accounts.onCredentialsChanged((id) => changed.push(id));

      expect(await appErrorCode(t.accounts.setPassword(ana.id, 'ana'))).toBe(
        ErrorCode.InvalidPayload,
      );
      expect(await t.accounts.resolveToken(first.token)).toEqual(ana);
      expect(changed).toEqual([]);

      await t.accounts.setPassword(ana.id, 'another-long-passphrase');
      expect(await t.accounts.resolveToken(first.token)).toBeUndefined();
      expect(await t.accounts.resolveToken(second.token)).toBeUndefined();
      expect(await t.accounts.resolveToken(other.token)).toEqual(bo);
      expect(await t.accounts.verify('ana', PASSWORD)).toBeUndefined();
      expect(await t.accounts.verify('ana', 'another-long-passphrase')).toEqual(ana);
      expect(changed).toEqual([ana.id]);
    });

    it('treats a disabled account as absent: no lookup, no login, no live token', async () => {
      const ana = await t.accounts.create('ana', PASSWORD, 'facilitator');
      const { token } = await t.accounts.issueToken(ana.id);
      // No endpoint disables accounts yet; an operator does it in the database.
      await t.sql.run('UPDATE accounts SET disabled = 1 WHERE id = ?', [ana.id]);
      expect(await t.accounts.byId(ana.id)).toBeUndefined();
      expect(await t.accounts.byUsername('ana')).toBeUndefined();
      expect(await t.accounts.verify('ana', PASSWORD)).toBeUndefined();
      expect(await t.accounts.resolveToken(token)).toBeUndefined();
      expect(await t.accounts.count()).toBe(1);
    });

    it('creates the demo account once and shows its generated password until it is changed', async () => {
      // A stale value under the key: the start-up write replaces it (ON CONFLICT … DO UPDATE).
      await t.sql.run('INSERT INTO server_meta (key, value, updated_at) VALUES (?, ?, ?)', [
        'demo_password',
        'stale',
        new Date(0).toISOString(),
      ]);
      // Two servers starting on one database at once make one account and neither fails.
      const starts = [bootstrap(t), bootstrap(t)];
      await Promise.all(starts.map((b) => b.onApplicationBootstrap()));
      expect(await t.accounts.count()).toBe(1);
      const shown = await starts[0]!.demoCredentials();
      expect(shown).toEqual({ username: DEMO_USERNAME, password: expect.any(String) as string });
      expect(shown?.password).not.toBe('stale');
      expect(await t.accounts.verify(DEMO_USERNAME, shown!.password)).toMatchObject({
        role: 'facilitator',
        author: true,
      });

      await bootstrap(t).onApplicationBootstrap();
      expect(await t.accounts.count()).toBe(1);
      const demo = await t.accounts.byUsername(DEMO_USERNAME);
      await t.accounts.setPassword(demo!.id, 'a-password-of-my-own');
      expect(await starts[1]!.demoCredentials()).toBeUndefined();
    });

    it('creates the configured admin once, and no demo account beside it', async () => {
      const env = {
        CROSSROADS_ADMIN_USERNAME: 'lead',
        CROSSROADS_ADMIN_PASSWORD: 'lead-password-long',
      };
      await Promise.all(
        [bootstrap(t, env), bootstrap(t, env)].map((b) => b.onApplicationBootstrap()),
      );
      await bootstrap(t, {
        ...env,
        CROSSROADS_ADMIN_PASSWORD: 'a-different-password',
      }).onApplicationBootstrap();
      expect(await t.accounts.count()).toBe(1);
      expect(await t.accounts.verify('lead', 'lead-password-long')).toMatchObject({
        role: 'admin',
      });
      expect(await t.accounts.byUsername(DEMO_USERNAME)).toBeUndefined();
    });
  });
}
