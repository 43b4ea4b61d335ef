import { Body, Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ErrorCode,
  loginRequestSchema,
  type Account,
  type LoginResponse,
} from '@crossroads/shared';
import type { HttpRequest as Request } from './http';
import { AccountsService } from '../accounts/accounts.service';
import { BearerAuth, bearerToken } from './bearer';
import { AppError, parseOrThrow, RestErrorFilter } from './rest-error';

@UseFilters(RestErrorFilter)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: BearerAuth,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Req() request: Request, @Body() body: unknown): Promise<LoginResponse> {
    this.auth.throttle(request, 'login');
    const { username, password } = parseOrThrow(loginRequestSchema, body, 'login');
    const account = await this.accounts.verify(username, password);
    if (!account) throw new AppError(ErrorCode.Unauthenticated, 'Wrong username or password.');
    const { token, expiresAt } = this.accounts.issueToken(account.id);
    return { token, account, expiresAt };
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Req() request: Request): void {
    this.auth.account(request);
    const token = bearerToken(request);
    if (token) this.accounts.revokeToken(token);
  }

  @Get('me')
  me(@Req() request: Request): Account {
    return this.auth.account(request);
  }
}
