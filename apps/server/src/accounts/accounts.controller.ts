import { Body, Controller, Post, Req, UseFilters } from '@nestjs/common';
import { createAccountRequestSchema, type Account } from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { BearerAuth } from '../auth/bearer';
import { parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { AccountsService } from './accounts.service';

@UseFilters(RestErrorFilter)
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: BearerAuth,
  ) {}

  /** Admins create facilitator (or admin) accounts, optionally with the author permission. */
  @Post()
  async create(@Req() request: Request, @Body() body: unknown): Promise<Account> {
    this.auth.admin(request);
    const input = parseOrThrow(createAccountRequestSchema, body, 'account');
    return this.accounts.create(input.username, input.password, input.role, input.author);
  }
}
