import { Controller, Post, Req, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { accountSchema, createAccountRequestSchema, type Account } from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { BearerAuth } from '../auth/bearer';
import { RestErrorFilter } from '../auth/rest-error';
import { ZodBody, type Valid } from '../auth/zod-params';
import { ApiRoute } from '../openapi/api-route';
import { AccountsService } from './accounts.service';

@UseFilters(RestErrorFilter)
@ApiTags('auth')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: BearerAuth,
  ) {}

  /** Admins create facilitator (or admin) accounts, optionally with the author permission. */
  @Post()
  @ApiRoute({
    summary: 'Create an account (admin)',
    bearer: true,
    status: 201,
    response: accountSchema,
    description: 'created',
    errors: [400, 401, 403],
  })
  async create(
    @Req() request: Request,
    @ZodBody(createAccountRequestSchema, 'account') body: Valid<typeof createAccountRequestSchema>,
  ): Promise<Account> {
    this.auth.admin(request);
    const input = body.value;
    return this.accounts.create(input.username, input.password, input.role, input.author);
  }
}
