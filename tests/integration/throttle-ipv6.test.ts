/**
 * Join-code and password guessing are throttled per client network, not per address: an IPv6
 * client owns a whole /64 and can send every request from a fresh address in it. The server runs
 * behind a trusted proxy on loopback here, so the client address is the X-Forwarded-For one.
 */
import { RATE_LIMITS } from '@crossroads/shared';
import { MINI_ADMIN, startMiniServer } from './mini-server';
import type { TestServer } from './helpers';

// Twenty wrong passwords are twenty bcrypt comparisons: seconds on a busy machine.
jest.setTimeout(60_000);

let server: TestServer;

beforeAll(async () => {
  server = await startMiniServer({ env: { CROSSROADS_TRUST_PROXY: 'loopback' } });
});

afterAll(async () => {
  await server.close();
});

/** The address number `n` inside one /64 (2001:db8:1:2::/64). */
const inNetwork = (n: number) => `2001:db8:1:2::${(n + 1).toString(16)}`;

function guessCode(from: string): Promise<number> {
  return fetch(`${server.url}/api/join/ZZZZZZ`, { headers: { 'X-Forwarded-For': from } }).then(
    (r) => r.status,
  );
}

function guessPassword(from: string, password: string): Promise<number> {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ username: MINI_ADMIN.username, password }),
  }).then((r) => r.status);
}

/**
 * Guesses from fresh addresses (`guess(n)` for the n-th) until the first 429, at most `limit` of
 * them. Returns how many were answered before it (null when none was refused) and the seconds
 * that took: the bucket refills meanwhile, so a slow machine gets a few more answers than the
 * burst, never fewer.
 */
async function guessUntilRefused(
  guess: (n: number) => Promise<number>,
  limit: number,
  answered: number,
): Promise<{ before: number | null; seconds: number; others: number[] }> {
  const started = performance.now();
  const others: number[] = [];
  for (let n = 0; n < limit; n += 1) {
    const status = await guess(n);
    if (status === 429) return { before: n, seconds: (performance.now() - started) / 1000, others };
    if (status !== answered) others.push(status);
  }
  return { before: null, seconds: (performance.now() - started) / 1000, others };
}

it('counts join-code guesses from every address of one IPv6 /64 together', async () => {
  const { burst, perMinute } = RATE_LIMITS.restJoin;
  const run = await guessUntilRefused((n) => guessCode(inNetwork(n)), burst + 200, 404);
  // The burst is answered (no such code), then the network waits, whichever address it uses.
  expect(run.others).toEqual([]);
  expect(run.before).not.toBeNull();
  expect(run.before).toBeGreaterThanOrEqual(burst);
  expect(run.before).toBeLessThanOrEqual(burst + Math.floor((run.seconds * perMinute) / 60) + 1);
  // Another network (and an IPv4 client) still has its own allowance.
  expect(await guessCode('2001:db8:1:3::1')).toBe(404);
  expect(await guessCode('203.0.113.9')).toBe(404);
});

it('counts password guesses at one account from every address of one IPv6 /64 together', async () => {
  const { burst, perMinute } = RATE_LIMITS.restLogin;
  const run = await guessUntilRefused(
    (n) => guessPassword(`2001:db8:9:9::${(n + 1).toString(16)}`, `wrong-guess-${n}`),
    burst + 20,
    401,
  );
  expect(run.others).toEqual([]);
  expect(run.before).not.toBeNull();
  expect(run.before).toBeGreaterThanOrEqual(burst);
  expect(run.before).toBeLessThanOrEqual(burst + Math.floor((run.seconds * perMinute) / 60) + 1);
  // The right password from another network still logs in.
  expect(await guessPassword('2001:db8:9:a::1', MINI_ADMIN.password)).toBe(200);
});
