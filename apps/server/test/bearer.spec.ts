import { ErrorCode, type Account } from '@crossroads/shared';
import type { AccountsService } from '../src/accounts/accounts.service';
import { BearerAuth } from '../src/auth/bearer';
import type { HttpRequest } from '../src/auth/http';
import { AppError } from '../src/auth/rest-error';

const ana: Account = {
  id: 'a1',
  username: 'ana',
  role: 'facilitator',
  author: false,
  createdAt: '2026-12-04T09:00:00.000Z',
};

function request(authorization?: string): HttpRequest {
  return { headers: authorization ? { authorization } : {}, socket: {} };
}

/** BearerAuth over an accounts service that knows one token, or whose database is down. */
function bearer(resolveToken: (token: string) => Promise<Account | undefined>) {
  const lookups: string[] = [];
  const accounts = {
    resolveToken: (token: string) => {
      lookups.push(token);
      return resolveToken(token);
    },
  } as unknown as AccountsService;
  return { auth: new BearerAuth(accounts), lookups };
}

function codeOf(work: () => unknown): ErrorCode | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('BearerAuth (the token looked up once per request by BearerGuard)', () => {
  it('answers account() and admin() from the one lookup', async () => {
    const { auth, lookups } = bearer((token) => Promise.resolve(token === 't1' ? ana : undefined));
    const known = request('Bearer t1');
    await auth.resolve(known);
    expect(auth.account(known)).toEqual(ana);
    expect(auth.account(known)).toEqual(ana);
    expect(codeOf(() => auth.admin(known))).toBe(ErrorCode.Forbidden);
    expect(lookups).toEqual(['t1']);

    const unknown = request('Bearer t2');
    await auth.resolve(unknown);
    expect(codeOf(() => auth.account(unknown))).toBe(ErrorCode.Unauthenticated);
    const none = request();
    await auth.resolve(none);
    expect(codeOf(() => auth.account(none))).toBe(ErrorCode.Unauthenticated);
    expect(lookups).toEqual(['t1', 't2']); // no query without a token
  });

  it('keeps a failed lookup for the handlers that ask for the account', async () => {
    const { auth } = bearer(() => Promise.reject(new Error('database down')));
    const req = request('Bearer t1');
    await expect(auth.resolve(req)).resolves.toBeUndefined();
    expect(() => auth.account(req)).toThrow('database down');
  });

  it('refuses to answer for a request the guard did not resolve (a programming error)', () => {
    const { auth } = bearer(() => Promise.resolve(ana));
    expect(() => auth.account(request('Bearer t1'))).toThrow(/not resolved by BearerGuard/);
  });
});
