import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { demoAccountAllowed, type AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { AccountsService } from './accounts.service';

export const DEMO_USERNAME = 'facilitator';
export const DEMO_PASSWORD = 'crossroads-demo';

/**
 * First accounts:
 * - CROSSROADS_ADMIN_USERNAME + CROSSROADS_ADMIN_PASSWORD: an admin with that name is created if it
 *   does not exist yet (the password is not changed afterwards);
 * - otherwise, when there are no accounts at all and CROSSROADS_DEMO is not 'false': the demo
 *   account facilitator / crossroads-demo, announced loudly in the log.
 */
@Injectable()
export class AccountsBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountsService,
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
    await this.accounts.create(DEMO_USERNAME, DEMO_PASSWORD, 'facilitator', true);
    this.logger.warn(
      { username: DEMO_USERNAME },
      `DEMO ACCOUNT CREATED: log in as "${DEMO_USERNAME}" with password "${DEMO_PASSWORD}". ` +
        'This is a public demo credential: create your own accounts (npm run admin:create -w @crossroads/server -- <name>) ' +
        'and start with CROSSROADS_DEMO=false before real use.',
    );
  }
}
