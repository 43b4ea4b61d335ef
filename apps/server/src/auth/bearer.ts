import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode, RATE_LIMITS, type Account } from '@crossroads/shared';
import type { HttpRequest as Request } from './http';
import { AccountsService } from '../accounts/accounts.service';
import { RateLimiter } from '../sessions/rate-limit';
import { AppError } from './rest-error';
import { rateLimitKey } from './rate-limit-key';

/** How many times one user's login allowance a whole address gets (a class behind one NAT). */
const LOGIN_ADDRESS_FACTOR = 20;

/** The bearer token of a request, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** What the bearer token of one request resolved to, or the error the lookup failed with. */
type Resolution = { account: Account | undefined } | { error: unknown };

/**
 * Resolves REST credentials and applies the login/join rate limit.
 *
 * The token is looked up once per request, asynchronously, by BearerGuard (a global guard, so it
 * runs before every controller handler); `account()` and `admin()` then answer synchronously from
 * that lookup, so handlers check credentials wherever they need to without awaiting each time.
 */
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
  /** Keyed by the request object, so an answered request's entry goes with it. */
  private readonly resolutions = new WeakMap<Request, Resolution>();

  constructor(private readonly accounts: AccountsService) {}

  /**
   * Looks up the request's bearer token (no query without one). A failed lookup (the database
   * down) is kept and thrown by `account()`, so only handlers that need an account fail with it.
   */
  async resolve(request: Request): Promise<void> {
    const token = bearerToken(request);
    try {
      const account = token ? await this.accounts.resolveToken(token) : undefined;
      this.resolutions.set(request, { account });
    } catch (error) {
      this.resolutions.set(request, { error });
    }
  }

  /** The account of the request's bearer token, or throws auth/unauthenticated. */
  account(request: Request): Account {
    const resolution = this.resolutions.get(request);
    if (!resolution) {
      // A programming error, not the client's: the handler is not behind BearerGuard.
      throw new Error('BearerAuth.account: the request was not resolved by BearerGuard first');
    }
    if ('error' in resolution) throw resolution.error;
    if (!resolution.account)
      throw new AppError(
        ErrorCode.Unauthenticated,
        'Log in first (Authorization: Bearer <token>).',
      );
    return resolution.account;
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
   * An IPv6 address counts as its /64 network (see rateLimitKey).
   */
  throttle(request: Request, kind: 'login' | 'join', username?: string): void {
    const address = rateLimitKey(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    const ok =
      kind === 'login'
        ? this.loginLimiter.take(`${address}\u0000${(username ?? '').trim().toLowerCase()}`) &&
          this.loginAddressLimiter.take(address)
        : this.joinLimiter.take(address);
    if (!ok) throw new AppError(ErrorCode.RateLimited, 'Too many attempts; wait a minute.');
  }
}

/**
 * Resolves the bearer token of every HTTP request before its handler runs (registered as
 * APP_GUARD by AccountsModule). Never refuses: whether a route needs an account, and which, is
 * the handler's call through BearerAuth.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(private readonly auth: BearerAuth) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() === 'http') {
      await this.auth.resolve(context.switchToHttp().getRequest<Request>());
    }
    return true;
  }
}
