import { randomUUID } from 'node:crypto';
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
  publish(channel: string, message: string): Promise<number>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
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
 * Commands a connection may hold unanswered or unsent (a stalled or reconnecting Redis): about 5 s
 * of room updates at 1,000 trainees, the most the 5 s command timeout this replaces let pile up.
 */
const COMMAND_QUEUE_MAX = 10_000;
/** Stream entries one XREAD of the socket.io adapter may take (its default is 100). */
const STREAM_READ_COUNT = 1000;
/**
 * How long a request to another process (a forwarded command or REST write) waits for its answer
 * before it counts as unanswered: the socket.io adapter's requestsTimeout, which carried them
 * before and which the forwarding's takeover rules were written for.
 */
export const NODE_REQUEST_TIMEOUT_MS = 5000;

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
  /** The request channel's own two connections (see NodeRequests), when NODE_ID is set. */
  private readonly direct: RedisClient[] = [];
  private nodeRequests: NodeRequests | null = null;
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

  /** Requests to one named process and their answers (cluster only: null without NODE_ID). */
  get requests(): NodeRequests | null {
    return this.nodeRequests;
  }

  /**
   * Connects to Redis and waits for it to answer.
   *
   * @throws Error naming REDIS_URL (password hidden) when Redis does not answer at start.
   */
  static async connect(
    url: string,
    prefix: string,
    log: PinoLogger,
    nodeId?: string,
  ): Promise<RedisFanout> {
    let everReady = false;
    const client: RedisClient = createClient({
      url,
      // node-redis gives every command a 5 s timeout by default, made with AbortSignal.timeout: a
      // timer per command that cannot be cleared, fires after the answer came anyway and builds
      // a DOMException then. At 1,000 trainees on two processes (an XADD per room update) that
      // was about 5 % of a process's busy time. Nothing here needs it: a dropped connection still
      // rejects its commands, a Redis that stops answering is seen by the readiness PING's own
      // timeout, and node requests time out on their own timers. The queue is bounded instead, so
      // a stalled Redis cannot grow it without limit (past it, a broadcast reaches this process's
      // sockets only, as when Redis is down).
      commandOptions: { timeout: 0 },
      commandsQueueMaxLength: COMMAND_QUEUE_MAX,
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
    // Duplicates of a client that connected: they share its settings and reconnection rules.
    if (nodeId !== undefined) fanout.nodeRequests = fanout.openRequests(nodeId);
    log.info({ redis: redactRedisUrl(url), prefix }, 'connected to Redis: socket.io fans out');
    return fanout;
  }

  /**
   * The request channel: a publishing and a subscribed connection of its own, not the adapter's.
   * On the adapter's connection a forwarded command and its answer queued behind every room
   * broadcast of the process (an XADD each, large views among them): on the busier of two nodes
   * at 1,000 trainees answers came back 0.7-3.4 s late. Each connection is opened in the
   * background like the adapter's; readiness waits for them, and node-redis queues what is sent
   * before and resubscribes after a reconnection.
   */
  private openRequests(nodeId: string): NodeRequests {
    const open = (): RedisClient => {
      const copy = this.client.duplicate();
      this.direct.push(copy);
      copy.on('error', () => undefined); // the main connection logs the outage once
      copy.connect().catch((error: unknown) => {
        if (!this.closing) this.log.warn({ err: error }, 'Redis request connection failed');
      });
      return copy;
    };
    return new NodeRequests(open(), open(), `${this.prefix}node#`, nodeId, this.log);
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
    const official = createAdapter(this.client, {
      streamName: `${this.prefix}socket.io`,
      channelPrefix: `${this.prefix}socket.io`,
      sessionKeyPrefix: `${this.prefix}sio:session:`,
      // What crosses processes is JSON by contract (server-to-client events, as json-parser.ts
      // relies on, and forwarded commands that passed their zod schemas): skip the adapter's walk
      // of every payload looking for Buffers.
      onlyPlaintext: true,
      // A process that fell behind (a burst, a pause) catches up in fewer round trips: each XREAD
      // waits for this process's event loop, and at the default 100 entries a second of a busy
      // cluster's broadcasts took a dozen of them while the backlog kept growing.
      readCount: STREAM_READ_COUNT,
    });
    // A function, not an arrow: socket.io calls it with `new` (the adapter object it returns is
    // what `new` gives).
    return function localFirstAdapter(nsp: Parameters<typeof official>[0]) {
      return skipOwnEntries(deliverLocallyFirst(official(nsp)));
    };
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
      // Forwarded commands would wait (in node-redis' offline queue) until these are up.
      const direct = this.direct.filter((c) => !c.isReady).length;
      if (direct > 0) {
        throw new Error(`${direct} of the 2 Redis connections for forwarded commands are not up.`);
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
      for (const copy of [...this.duplicates, ...this.direct]) copy.destroy();
      this.requests?.close();
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

/**
 * What the request channel carries: a request to the process whose channel it is sent on, or the
 * answer to one of its own requests (on the requester's channel).
 */
type NodeMessage =
  | { kind: 'request'; id: string; from: string; event: string; body: unknown }
  | { kind: 'answer'; id: string; answer: unknown };

/**
 * Requests to one named process (its NODE_ID) and their answers, over Redis PUB/SUB on two
 * connections of their own: each process subscribes to its channel (`<prefix>node#<NODE_ID>`),
 * and a request goes to the addressee's channel only (socket.io's serverSideEmitWithAck, used
 * before, asked Redis for the server count first and sent every request to every process, each
 * answering). What one process sends leaves on one connection in the order it was sent, and
 * Redis delivers a channel's messages in that order: the addressee sees one process's requests
 * (so one session's forwarded commands) in the order they were made, and hands each to its
 * handler as it arrives.
 *
 * A request answers null when nobody answered: no process subscribed to the addressee's channel
 * (it is gone: known at once, as Redis counts the receivers), no handler for the event there, an
 * error in it, or no answer within NODE_REQUEST_TIMEOUT_MS. Whether it ran is then unknown; the
 * callers' ids (commandId, writeId) make sending it again safe.
 */
export class NodeRequests {
  private readonly pending = new Map<string, (answer: unknown) => void>();
  private readonly handlers = new Map<string, (body: unknown) => Promise<unknown>>();
  /** Request ids are unique to this process's run (a restarted process may keep its NODE_ID). */
  private readonly run = randomUUID().slice(0, 8);
  private sent = 0;

  constructor(
    private readonly publisher: Pick<RedisClient, 'publish'>,
    subscriber: Pick<RedisClient, 'subscribe'>,
    private readonly channelPrefix: string,
    readonly nodeId: string,
    private readonly log: Pick<PinoLogger, 'warn' | 'error'>,
    private readonly timeoutMs = NODE_REQUEST_TIMEOUT_MS,
  ) {
    subscriber
      .subscribe(this.channel(nodeId), (message) => this.receive(message))
      .catch(
        // Only when the connection is cut for good (shutdown); a reconnection resubscribes.
        () => undefined,
      );
  }

  /** Sends `body` to process `node`'s handler of `event`; its answer, or null (see above). */
  request(node: string, event: string, body: unknown): Promise<unknown> {
    const id = `${this.run}:${++this.sent}`;
    return new Promise((resolve) => {
      const settle = (answer: unknown) => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        resolve(answer ?? null);
      };
      const timer = setTimeout(() => settle(null), this.timeoutMs);
      timer.unref();
      this.pending.set(id, settle);
      const message: NodeMessage = { kind: 'request', id, from: this.nodeId, event, body };
      this.publisher.publish(this.channel(node), JSON.stringify(message)).then(
        (receivers) => {
          if (receivers === 0) settle(null);
        },
        (error: unknown) => {
          this.log.warn({ err: error, node, event }, 'request to another process not sent');
          settle(null);
        },
      );
    });
  }

  /** Answers requests for `event` sent to this process with `handler`'s result. */
  serve(event: string, handler: (body: unknown) => Promise<unknown>): void {
    this.handlers.set(event, handler);
  }

  /** Unanswered requests answer null now (shutdown). */
  close(): void {
    for (const settle of [...this.pending.values()]) settle(null);
  }

  private channel(node: string): string {
    return `${this.channelPrefix}${node}`;
  }

  private receive(text: string): void {
    let message: NodeMessage;
    try {
      message = JSON.parse(text) as NodeMessage;
    } catch (error) {
      this.log.warn({ err: error }, 'unreadable message on the request channel');
      return;
    }
    if (message.kind === 'answer') {
      this.pending.get(message.id)?.(message.answer);
      return;
    }
    const handler = this.handlers.get(message.event);
    if (!handler) return;
    const answer = (value: unknown) => {
      const reply: NodeMessage = { kind: 'answer', id: message.id, answer: value ?? null };
      this.publisher
        .publish(this.channel(message.from), JSON.stringify(reply))
        .catch((error: unknown) =>
          this.log.warn({ err: error, to: message.from }, 'answer not sent'),
        );
    };
    let result: Promise<unknown>;
    try {
      result = handler(message.body);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(answer, (error: unknown) => {
      this.log.error({ err: error, event: message.event }, 'request from another process failed');
      answer(null);
    });
  }
}

/**
 * The socket.io adapter in its own shape, as far as deliverLocallyFirst() uses it: the official
 * adapter's class is not exported, and these members are protected in its declarations.
 */
interface ClusterBroadcaster {
  broadcast(packet: unknown, opts: BroadcastOptions): unknown;
  publish(message: { type: number; data: unknown }): void;
  nsp: { server: { opts: { connectionStateRecovery?: unknown } } };
}

interface BroadcastOptions {
  rooms: Set<string>;
  except?: Set<string>;
  flags?: { local?: boolean };
}

/** socket.io-adapter's MessageType.BROADCAST (a stable wire value: other processes decode it). */
const BROADCAST_MESSAGE = 3;

/**
 * Room broadcasts reach this process's sockets at once, not after Redis acknowledged them. The
 * official cluster adapter (socket.io-adapter's ClusterAdapter.broadcast, which the Redis Streams
 * adapter inherits) awaits its XADD before it writes to any local socket, so on the owner of a
 * session every update to its own trainees waited for a Redis round trip behind all the
 * process's other broadcasts (and for Redis to come back, during an outage). Here the message is
 * handed to the adapter's own publish (the same XADD, serialised at once) and then delivered
 * locally by the in-memory adapter the cluster adapter extends, in the same turn: the other
 * processes get exactly what they got before, local sockets get it in the order it was sent.
 *
 * Only without connection-state recovery, as configured here: with it, the official path adds the
 * stream offset to each local packet, which needs the XADD's answer first.
 */
function deliverLocallyFirst<A extends object>(adapter: A): A {
  const cluster = adapter as unknown as ClusterBroadcaster;
  if (cluster.nsp.server.opts.connectionStateRecovery) return adapter;
  // The class that defines the awaiting broadcast (ClusterAdapter), and the in-memory adapter it
  // extends: its broadcast writes to this process's sockets only.
  let owner: object | null = Object.getPrototypeOf(adapter) as object | null;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'broadcast')) {
    owner = Object.getPrototypeOf(owner) as object | null;
  }
  const local = owner && (Object.getPrototypeOf(owner) as Partial<ClusterBroadcaster> | null);
  if (!local?.broadcast) return adapter;
  const deliver = local.broadcast;
  cluster.broadcast = (packet, opts) => {
    if (!opts.flags?.local) {
      cluster.publish({
        type: BROADCAST_MESSAGE,
        data: {
          packet,
          opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags },
        },
      });
    }
    return deliver.call(cluster, packet, opts);
  };
  return adapter;
}

/** The stream side of the Redis Streams adapter, as far as skipOwnEntries() uses it. */
interface StreamReader {
  uid?: unknown;
  onRawMessage?: (entry: { uid?: unknown }, offset: string) => void;
}

/**
 * Stream entries this process wrote are dropped before they are decoded. Every process reads the
 * whole stream, its own entries included, and the adapter parses each entry's JSON (a room update
 * with its view patch) before ClusterAdapter.onMessage drops the ones whose uid is its own: on
 * two processes at 1,000 trainees that parse was about 3 % of a process's busy time, half of it
 * for nothing. The uid is a field of the entry beside the data, so it is compared first here.
 */
function skipOwnEntries<A extends object>(adapter: A): A {
  const reader = adapter as StreamReader;
  const decodeAndHandle = reader.onRawMessage;
  if (typeof decodeAndHandle !== 'function' || typeof reader.uid !== 'string') return adapter;
  reader.onRawMessage = (entry, offset) => {
    if (entry.uid === reader.uid) return;
    decodeAndHandle.call(reader, entry, offset);
  };
  return adapter;
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
