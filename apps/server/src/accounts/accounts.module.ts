import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from '../auth/auth.controller';
import { BearerAuth, BearerGuard } from '../auth/bearer';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountsBootstrap } from './bootstrap';

/** Staff accounts and login tokens (resolved for every HTTP request by BearerGuard). */
@Module({
  controllers: [AuthController, AccountsController],
  providers: [
    AccountsService,
    BearerAuth,
    AccountsBootstrap,
    { provide: APP_GUARD, useClass: BearerGuard },
  ],
  exports: [AccountsService, BearerAuth],
})
export class AccountsModule {}
