import { randomInt } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { demoAccountAllowed, type AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { Sqlite } from '../sessions/sqlite';
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
    private readonly sqlite: Sqlite,
    @InjectPinoLogger('Accounts') private readonly logger: PinoLogger,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const username = this.config.adminUsername;
    const password = this.config.adminPassword;
    if (username !== undefined && password !== undefined) {
      if (!this.accounts.byUsername(username)) {
        await this.accounts.create(username, password, 'admin');
        this.logger.info({ username }, 'admin account created from CROSSROADS_ADMIN_USERNAME');
      }
      return;
    }
    if (this.accounts.count() > 0 || !demoAccountAllowed(this.config)) return;
    const chosen = this.config.demoPassword;
    const demoPassword = chosen ?? generateDemoPassword();
    await this.accounts.create(DEMO_USERNAME, demoPassword, 'facilitator', true);
    if (chosen === undefined) {
      this.sqlite
        .sql('INSERT OR REPLACE INTO server_meta (key, value, updated_at) VALUES (?, ?, ?)')
        .run(DEMO_PASSWORD_KEY, demoPassword, new Date().toISOString());
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
    const row = this.sqlite
      .sql('SELECT value FROM server_meta WHERE key = ?')
      .get(DEMO_PASSWORD_KEY) as { value: string } | undefined;
    if (!row) return undefined;
    const account = await this.accounts.verify(DEMO_USERNAME, row.value);
    return account ? { username: DEMO_USERNAME, password: row.value } : undefined;
  }
}
