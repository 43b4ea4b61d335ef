import { Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accountSchema,
  demoCredentialsSchema,
  ErrorCode,
  loginRequestSchema,
  loginResponseSchema,
  type Account,
  type DemoCredentials,
  type LoginResponse,
} from '@crossroads/shared';
import type { HttpRequest as Request } from './http';
import { AccountsService } from '../accounts/accounts.service';
import { AccountsBootstrap } from '../accounts/bootstrap';
import { BearerAuth, bearerToken } from './bearer';
import { ApiRoute } from '../openapi/api-route';
import { AppError, RestErrorFilter } from './rest-error';
import { ZodBody, type Valid } from './zod-params';

/** From this machine: a loopback peer address and no proxy in between (no forwarding header). */
export function isLoopbackRequest(request: Request): boolean {
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || /^127\./.test(address) || /^::ffff:127\./i.test(address);
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return loopback && !forwarded;
}

@UseFilters(RestErrorFilter)
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: BearerAuth,
    private readonly bootstrap: AccountsBootstrap,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Log in with a staff account',
    response: loginResponseSchema,
    description: 'token',
    errors: [400, 401, 429],
  })
  async login(
    @Req() request: Request,
    @ZodBody(loginRequestSchema, 'login') body: Valid<typeof loginRequestSchema>,
  ): Promise<LoginResponse> {
    const { username, password } = body.value;
    this.auth.throttle(request, 'login', username);
    const account = await this.accounts.verify(username, password);
    if (!account) throw new AppError(ErrorCode.Unauthenticated, 'Wrong username or password.');
    const { token, expiresAt } = await this.accounts.issueToken(account.id);
    return { token, account, expiresAt };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Revoke this token',
    bearer: true,
    status: 204,
    response: null,
    description: 'done',
    errors: [401],
  })
  async logout(@Req() request: Request): Promise<void> {
    this.auth.account(request);
    const token = bearerToken(request);
    if (token) await this.accounts.revokeToken(token);
  }

  /**
   * The demo account's generated password, for the login page, only when asked from the server's
   * own machine (a loopback address, not through a proxy). `{ shown: false }` otherwise or when
   * there is none: a 200 rather than a 404, so a login page on another machine logs no error.
   */
  @Get('demo')
  @ApiRoute({
    summary: "The demo facilitator's generated login, to a browser on the server's machine only",
    response: demoCredentialsSchema,
    description: 'credentials',
  })
  async demo(@Req() request: Request): Promise<DemoCredentials> {
    if (!isLoopbackRequest(request)) return { shown: false };
    const credentials = await this.bootstrap.demoCredentials();
    return credentials ? { shown: true, ...credentials } : { shown: false };
  }

  @Get('me')
  @ApiRoute({
    summary: 'The account of this token',
    bearer: true,
    response: accountSchema,
    description: 'account',
    errors: [401],
  })
  me(@Req() request: Request): Account {
    return this.auth.account(request);
  }
}
