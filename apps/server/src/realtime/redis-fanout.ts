import { performance } from 'node:perf_hooks';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { redactRedisUrl } from '../config';
import type { PinoLogger } from '../logging/logging.module';

/**
 * The part of node-redis' client this file uses. node-redis' own client type carries its module
 * and RESP generics through `duplicate()`, which do not survive being passed around; this shape
 * is all the server needs (the adapter takes the client untyped).
 */
interface RedisClient {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  ping(): Promise<string>;
  close(): Promise<void>;
  destroy(): void;
  duplicate(): RedisClient;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/** Injection token of the RedisFanout, or null when REDIS_URL is unset. */
export const REDIS_FANOUT = Symbol('REDIS_FANOUT');

/** What the readiness check says about Redis. */
export interface RedisCheck {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * At start, how many times a refused or timed-out connection is retried (200 ms apart) before
 * the server gives up: a wrong REDIS_URL should stop it within seconds, not hang it.
 */
const START_RETRIES = 5;
const CONNECT_TIMEOUT_MS = 5000;
/** Longest pause between two reconnection attempts after a working connection dropped. */
const MAX_RECONNECT_DELAY_MS = 3000;
/** A readiness PING that takes longer than this counts as Redis not answering. */
const PING_TIMEOUT_MS = 1000;
/** How long shutdown lets the last queued commands drain before cutting the connection. */
const CLOSE_GRACE_MS = 1000;

/**
 * The server's connection to Redis (REDIS_URL) and the socket.io adapter built on it: the Redis
 * Streams adapter, so `io.to(room).emit` and `serverSideEmit` reach the sockets of every process
 * sharing the prefix, and socket.io's connection-state recovery (were it enabled) would find a
 * disconnected socket's missed packets in the stream whichever process it comes back to.
 *
 * The adapter opens its own connections (one blocking XREAD reader, one PUB/SUB subscriber) by
 * duplicating the client; they are tracked here so readiness can see them and shutdown can cut
 * them at once instead of waiting for the reader's blocking XREAD to time out.
 */
export class RedisFanout {
  private readonly duplicates: RedisClient[] = [];
  /** The connection is (believed) down: log its loss once, and its return. */
  private down = false;
  private closing: Promise<void> | undefined;
  private factory: ReturnType<typeof createAdapter> | undefined;

  private constructor(
    private readonly client: RedisClient,
    readonly url: string,
    readonly prefix: string,
    private readonly log: PinoLogger,
  ) {}

  /**
   * Connects to Redis and waits for it to answer.
   *
   * @throws Error naming REDIS_URL (password hidden) when Redis does not answer at start.
   */
  static async connect(url: string, prefix: string, log: PinoLogger): Promise<RedisFanout> {
    let everReady = false;
    const client: RedisClient = createClient({
      url,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        // Before the first success, give up after a few tries (connect() then rejects with the
        // cause); after it, keep trying with a capped backoff: a Redis restart must not need a
        // server restart. The adapter's duplicates copy these options and this closure.
        // A new Error, not `cause`: node-redis tells "give up" by `instanceof Error`, which a
        // socket error from another realm (jest's sandbox) would fail.
        reconnectStrategy: (retries: number, cause: Error) => {
          if (!everReady) return retries < START_RETRIES ? 200 : new Error(reasonOf(cause));
          return Math.min(100 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS);
        },
      },
    });
    const fanout = new RedisFanout(client, url, prefix, log);
    client.on('error', (error: unknown) => fanout.lost(error));
    client.on('ready', () => fanout.back());
    try {
      await client.connect();
      everReady = true;
    } catch (error) {
      client.destroy();
      throw new Error(
        `Redis at ${redactRedisUrl(url)} (REDIS_URL) did not answer: ${reasonOf(error)}. ` +
          'Start Redis, fix REDIS_URL, or unset it to run a single process without Redis.',
      );
    }
    log.info({ redis: redactRedisUrl(url), prefix }, 'connected to Redis: socket.io fans out');
    return fanout;
  }

  /** The socket.io adapter factory: `server.adapter(fanout.adapter())` (built once). */
  adapter(): ReturnType<typeof createAdapter> {
    this.factory ??= this.createFactory();
    return this.factory;
  }

  private createFactory(): ReturnType<typeof createAdapter> {
    // The adapter opens its extra connections with `duplicate()`; this client's own copy of the
    // method records each one (nothing else on this client calls it).
    const duplicate = this.client.duplicate.bind(this.client);
    const tracked = () => {
      const copy = duplicate();
      this.duplicates.push(copy);
      // The adapter awaits the copy's first connect() and catches nothing. It only fails once
      // close() cut a copy Redis never let connect; nobody needs that answer any more, so it
      // never comes, rather than surfacing as an unhandled rejection during shutdown.
      const connect = copy.connect.bind(copy);
      copy.connect = () =>
        connect().catch((error: unknown) =>
          this.closing ? new Promise<never>(() => undefined) : Promise.reject(error),
        );
      return copy;
    };
    Object.assign(this.client, { duplicate: tracked });
    return createAdapter(this.client, {
      streamName: `${this.prefix}socket.io`,
      channelPrefix: `${this.prefix}socket.io`,
      sessionKeyPrefix: `${this.prefix}sio:session:`,
      // What crosses processes is JSON by contract (server-to-client events, as json-parser.ts
      // relies on, and forwarded commands that passed their zod schemas): skip the adapter's walk
      // of every payload looking for Buffers.
      onlyPlaintext: true,
    });
  }

  /** A real PING round trip, and every connection of the adapter up. */
  async check(): Promise<RedisCheck> {
    const started = performance.now();
    try {
      if (this.closing) throw new Error('The Redis connection is closed.');
      // While reconnecting, commands wait in the offline queue: say so instead of waiting.
      if (!this.client.isReady) throw new Error('Redis is not connected (reconnecting).');
      // Right after start, and after Redis came back, the adapter's own connections may still be
      // on their way: until they are, this process would miss broadcasts from the others.
      const lagging = this.duplicates.filter((c) => c.isOpen && !c.isReady).length;
      if (lagging > 0) {
        throw new Error(
          `${lagging} of the socket.io adapter's ${this.duplicates.length} Redis connections ` +
            'are not connected yet.',
        );
      }
      const pong = await withTimeout(this.client.ping(), PING_TIMEOUT_MS, 'PING');
      if (pong !== 'PONG') throw new Error(`PING answered ${JSON.stringify(pong)}.`);
      return { ok: true, latencyMs: elapsed(started) };
    } catch (error) {
      return {
        ok: false,
        latencyMs: elapsed(started),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /**
   * Closes every connection. Called after socket.io has closed (its adapter has stopped reading),
   * so cutting the adapter's connections loses nothing. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // destroy() is idempotent; the adapter's reader sees its XREAD fail and stops, as its
      // namespace adapter is closed.
      for (const copy of this.duplicates) copy.destroy();
      if (this.client.isReady) {
        await withTimeout(this.client.close(), CLOSE_GRACE_MS, 'close').catch(() => undefined);
      }
      this.client.destroy();
    })();
    return this.closing;
  }

  private lost(error: unknown): void {
    if (this.down || this.closing) return;
    this.down = true;
    this.log.warn(
      { err: error, redis: redactRedisUrl(this.url) },
      'Redis connection lost: messages for other processes are queued until it is back',
    );
  }

  private back(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info({ redis: redactRedisUrl(this.url) }, 'Redis connection back');
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ||
    (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message) || String(error)
    : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  // The loser of the race must not become an unhandled rejection.
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} got no answer in ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
