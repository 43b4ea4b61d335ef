import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from '../auth/auth.controller';
import { BearerAuth, BearerGuard } from '../auth/bearer';
import { Sqlite } from '../sessions/sqlite';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountsBootstrap } from './bootstrap';

/**
 * Staff accounts, login tokens (resolved for every HTTP request by BearerGuard), and the
 * synchronous SQLite handle the code not yet on SqlClient still shares (remove it from here once
 * nothing injects `Sqlite`).
 */
@Module({
  controllers: [AuthController, AccountsController],
  providers: [
    Sqlite,
    AccountsService,
    BearerAuth,
    AccountsBootstrap,
    { provide: APP_GUARD, useClass: BearerGuard },
  ],
  exports: [Sqlite, AccountsService, BearerAuth],
})
export class AccountsModule {}
