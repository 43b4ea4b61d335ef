/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. Used per socket and per participant for
 * socket commands, and per IP for login/join. (@nestjs/throttler guards HTTP requests; socket.io
 * commands arrive as events on one long-lived connection, so a bucket per key is simpler and exact.)
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket is full again (so its entry can be dropped). */
  idle(now = Date.now()): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.perSecond >= this.burst;
  }
}

/** Buckets by key, with idle ones swept out. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.perSecond, now);
      this.buckets.set(key, bucket);
    }
    const ok = bucket.take(now);
    if (now - this.lastSweep > 60_000) {
      this.lastSweep = now;
      for (const [k, b] of this.buckets) if (b.idle(now)) this.buckets.delete(k);
    }
    return ok;
  }
}

/**
 * A budget of bytes: `burst` bytes, refilled at `perSecond`. Spending may overdraw it (the size of
 * a message is known only once it is sent); nothing more is allowed until it is positive again.
 */
export class ByteBudget {
  private bytes: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.bytes = burst;
    this.last = now;
  }

  private refill(now: number): void {
    this.bytes = Math.min(this.burst, this.bytes + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Whether anything may be spent now. */
  available(now = Date.now()): boolean {
    this.refill(now);
    return this.bytes > 0;
  }

  spend(bytes: number, now = Date.now()): void {
    this.refill(now);
    this.bytes -= bytes;
  }

  /** True when the budget is full again (so its entry can be dropped). */
  idle(now = Date.now()): boolean {
    this.refill(now);
    return this.bytes >= this.burst;
  }

  /** Milliseconds until the budget is positive again (0 when it is). */
  waitMs(now = Date.now()): number {
    this.refill(now);
    return this.bytes > 0 ? 0 : Math.ceil(((1 - this.bytes) / this.perSecond) * 1000);
  }
}
