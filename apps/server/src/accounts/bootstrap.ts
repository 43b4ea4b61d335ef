import { randomInt } from 'node:crypto';
import type { AccountRole } from '@crossroads/shared';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { demoAccountAllowed, type AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { AccountsService } from './accounts.service';

export const DEMO_USERNAME = 'facilitator';
/** server_meta key of a generated demo password (shown to loopback requests only). */
const DEMO_PASSWORD_KEY = 'demo_password';
/** Letters and digits that cannot be mistaken for each other when read off a screen. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A generated demo password: four groups of four, e.g. `k7mq-2xpz-9wte-h4rn` (~79 bits). */
export function generateDemoPassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'a').join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * First accounts:
 * - CROSSROADS_ADMIN_USERNAME + CROSSROADS_ADMIN_PASSWORD: an admin with that name is created if it
 *   does not exist yet (the password is not changed afterwards);
 * - otherwise, when there are no accounts at all and CROSSROADS_DEMO is not 'false': the demo
 *   account `facilitator`, with CROSSROADS_DEMO_PASSWORD or else a password generated for this
 *   database, printed once in the start log and kept so the login page can show it to someone at
 *   the server's own keyboard (loopback requests only, see demoCredentials).
 */
@Injectable()
export class AccountsBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @InjectPinoLogger('Accounts') private readonly logger: PinoLogger,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const username = this.config.adminUsername;
    const password = this.config.adminPassword;
    if (username !== undefined && password !== undefined) {
      if (!(await this.accounts.byUsername(username))) {
        if (!(await this.createUnlessRaced(username, password, 'admin', false))) return;
        this.logger.info({ username }, 'admin account created from CROSSROADS_ADMIN_USERNAME');
      }
      return;
    }
    if ((await this.accounts.count()) > 0 || !demoAccountAllowed(this.config)) return;
    const chosen = this.config.demoPassword;
    const demoPassword = chosen ?? generateDemoPassword();
    if (!(await this.createUnlessRaced(DEMO_USERNAME, demoPassword, 'facilitator', true))) return;
    if (chosen === undefined) {
      await this.sql.run(
        `INSERT INTO server_meta (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [DEMO_PASSWORD_KEY, demoPassword, new Date().toISOString()],
      );
    }
    this.logger.warn(
      { username: DEMO_USERNAME },
      `DEMO ACCOUNT CREATED: log in as "${DEMO_USERNAME}" with password ` +
        `${chosen === undefined ? `"${demoPassword}" (generated for this database; the login page shows it on this computer only)` : 'from CROSSROADS_DEMO_PASSWORD'}. ` +
        'Create your own accounts (npm run admin:create -w @crossroads/server -- <name>) ' +
        'and start with CROSSROADS_DEMO=false before real use.',
    );
  }

  /**
   * The demo credentials while the generated password still opens the demo account, else
   * undefined (changed, removed, or set through CROSSROADS_DEMO_PASSWORD, which is never shown).
   */
  async demoCredentials(): Promise<{ username: string; password: string } | undefined> {
    const row = await this.sql.get<{ value: string }>(
      'SELECT value FROM server_meta WHERE key = ?',
      [DEMO_PASSWORD_KEY],
    );
    if (!row) return undefined;
    const account = await this.accounts.verify(DEMO_USERNAME, row.value);
    return account ? { username: DEMO_USERNAME, password: row.value } : undefined;
  }

  /**
   * Creates the account; false when another server process on the same database created that
   * username between our check and our insert (PostgreSQL lets several start at once), which is
   * as good as done. Anything else (a password the policy refuses) still fails the start.
   */
  private async createUnlessRaced(
    username: string,
    password: string,
    role: AccountRole,
    author: boolean,
  ): Promise<boolean> {
    try {
      await this.accounts.create(username, password, role, author);
      return true;
    } catch (error) {
      if (await this.accounts.byUsername(username)) return false;
      throw error;
    }
  }
}
