import { ByteBudget, RateLimiter, TokenBucket } from '../src/sessions/rate-limit';
import { SOCKET_LIMITS } from '../src/realtime/configured-io.adapter';

describe('TokenBucket', () => {
  it('allows the burst at once, then refills at its rate', () => {
    const bucket = new TokenBucket(5, 50, 0);
    expect(Array.from({ length: 6 }, () => bucket.take(0))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(10)).toBe(false); // half a token after 10 ms at 50/s
    expect(bucket.take(20)).toBe(true);
    expect(bucket.take(20)).toBe(false);
    // Never more than the burst, however long it rested.
    expect(Array.from({ length: 6 }, () => bucket.take(60_000)).filter(Boolean)).toHaveLength(5);
  });
});

describe('RateLimiter (new sockets per address)', () => {
  it('limits each key on its own', () => {
    const perAddress = new RateLimiter(2, SOCKET_LIMITS.newPerSecond);
    expect([perAddress.take('a', 0), perAddress.take('a', 0), perAddress.take('a', 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(perAddress.take('b', 0)).toBe(true);
    expect(perAddress.take('a', 1000 / SOCKET_LIMITS.newPerSecond)).toBe(true);
  });
});

describe('ByteBudget (snapshot bytes per socket)', () => {
  it('lets a message overdraw it, then refuses until the debt is refilled', () => {
    const budget = new ByteBudget(4096, 1024, 0);
    expect(budget.available(0)).toBe(true);
    budget.spend(6000, 0); // one large snapshot: 1904 bytes in debt
    expect(budget.available(0)).toBe(false);
    expect(budget.waitMs(0)).toBe(Math.ceil((1905 / 1024) * 1000));
    expect(budget.available(1000)).toBe(false);
    expect(budget.available(1900)).toBe(true);
    expect(budget.waitMs(1900)).toBe(0);
  });

  it('never holds more than its burst', () => {
    const budget = new ByteBudget(4096, 1024, 0);
    budget.spend(4096, 3_600_000);
    expect(budget.available(3_600_000)).toBe(false);
  });
});
