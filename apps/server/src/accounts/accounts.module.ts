import { Module } from '@nestjs/common';
import { AuthController } from '../auth/auth.controller';
import { BearerAuth } from '../auth/bearer';
import { Sqlite } from '../sessions/sqlite';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountsBootstrap } from './bootstrap';

/** Staff accounts, login tokens and the synchronous SQLite handle the session code shares. */
@Module({
  controllers: [AuthController, AccountsController],
  providers: [Sqlite, AccountsService, BearerAuth, AccountsBootstrap],
  exports: [Sqlite, AccountsService, BearerAuth],
})
export class AccountsModule {}
