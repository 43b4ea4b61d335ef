import { Injectable } from '@nestjs/common';
import { ErrorCode, RATE_LIMITS, type Account } from '@crossroads/shared';
import type { HttpRequest as Request } from './http';
import { AccountsService } from '../accounts/accounts.service';
import { RateLimiter } from '../sessions/rate-limit';
import { AppError } from './rest-error';

/** How many times one user's login allowance a whole address gets (a class behind one NAT). */
const LOGIN_ADDRESS_FACTOR = 20;

/** The bearer token of a request, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** Resolves REST credentials and applies the login/join rate limit. */
@Injectable()
export class BearerAuth {
  private readonly loginLimiter = new RateLimiter(
    RATE_LIMITS.restLogin.burst,
    RATE_LIMITS.restLogin.perMinute / 60,
  );
  private readonly joinLimiter = new RateLimiter(
    RATE_LIMITS.restJoin.burst,
    RATE_LIMITS.restJoin.perMinute / 60,
  );

  constructor(private readonly accounts: AccountsService) {}

  /** The account of the request's bearer token, or throws auth/unauthenticated. */
  account(request: Request): Account {
    const token = bearerToken(request);
    const account = token ? this.accounts.resolveToken(token) : undefined;
    if (!account)
      throw new AppError(
        ErrorCode.Unauthenticated,
        'Log in first (Authorization: Bearer <token>).',
      );
    return account;
  }

  admin(request: Request): Account {
    const account = this.account(request);
    if (account.role !== 'admin') throw new AppError(ErrorCode.Forbidden, 'Administrators only.');
    return account;
  }

  /**
   * A whole class behind one NAT address may log in at once: besides the per-(address, username)
   * limit, the address as a whole gets this many times the allowance.
   */
  private readonly loginAddressLimiter = new RateLimiter(
    RATE_LIMITS.restLogin.burst * LOGIN_ADDRESS_FACTOR,
    (RATE_LIMITS.restLogin.perMinute * LOGIN_ADDRESS_FACTOR) / 60,
  );

  /**
   * Throttles the unauthenticated endpoints. Logins count per (address, username), so wrong
   * guesses at one account do not lock out a colleague on the same network; joins per address.
   */
  throttle(request: Request, kind: 'login' | 'join', username?: string): void {
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const ok =
      kind === 'login'
        ? this.loginLimiter.take(`${address}\u0000${(username ?? '').trim().toLowerCase()}`) &&
          this.loginAddressLimiter.take(address)
        : this.joinLimiter.take(address);
    if (!ok) throw new AppError(ErrorCode.RateLimited, 'Too many attempts; wait a minute.');
  }
}
