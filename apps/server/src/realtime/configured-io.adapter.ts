import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import { ErrorCode, MAX_MESSAGE_BYTES } from '@crossroads/shared';
import { originAllowed } from '../public-origin';
import type { PinoLogger } from '../logging/logging.module';
import { Server, type ServerOptions } from 'socket.io';
import type { AppConfig } from '../config';
import { RateLimiter } from '../sessions/rate-limit';
import { jsonEventParser } from './json-parser';
import type { RedisFanout } from './redis-fanout';
import { coalesceTurnWrites, type EngineConnection } from './turn-writes';

/** Where socket.io listens on the HTTP server. The client must use the same path. */
export const SOCKET_IO_PATH = '/socket.io';

type IoAdapterServer = ReturnType<IoAdapter['createIOServer']>;
/** The socket type of the nested socket.io copy the base adapter is declared with. */
type IoAdapterSocket = Parameters<IoAdapter['bindMessageHandlers']>[0];

/**
 * The socket.io adapter for every gateway. Gateway decorators hold static options only, so the
 * options that come from the validated configuration are applied here:
 * - browsers must come from PUBLIC_ORIGIN (the handshake fails otherwise; clients that send no
 *   Origin header, such as Node scripts and tests, are let through);
 * - messages larger than MAX_MESSAGE_BYTES close that client's connection (engine.io / ws
 *   enforce it before anything is parsed), and the server goes on serving the others;
 * - with REDIS_URL, rooms span processes: the Redis Streams adapter carries every room broadcast
 *   and `serverSideEmit` to the other processes sharing the Redis prefix.
 *
 * The server is built from this workspace's own `socket.io` dependency: @nestjs/platform-socket.io
 * pins (and nests) a slightly older socket.io, and using one copy keeps the runtime and the
 * TypedServer/TypedSocket types the same.
 */
/** The peer address of a request (the proxy's, behind one: limits are then per proxy). */
function peerAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Sockets per address. A classroom behind one NAT address opens two sockets per trainee device
 * (status and session) and reconnects them together after a network blip, so the bounds are wide;
 * they stop one machine from opening thousands.
 */
export const SOCKET_LIMITS = {
  /** Engine.io connections open at once from one address (CROSSROADS_SOCKETS_PER_ADDRESS). */
  openPerAddress: 400,
  /** New connections from one address per second, after a burst of half the open limit. */
  newPerSecond: 50,
} as const;

export class ConfiguredIoAdapter extends IoAdapter {
  private readonly open = new Map<string, number>();
  private readonly openLimit: number;
  private readonly newConnections: RateLimiter;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly log: PinoLogger,
    /** Set when REDIS_URL is: socket.io then fans out through it. */
    private readonly redis: RedisFanout | null = null,
  ) {
    super(app);
    this.openLimit = config.socketsPerAddress ?? SOCKET_LIMITS.openPerAddress;
    this.newConnections = new RateLimiter(
      Math.max(1, Math.ceil(this.openLimit / 2)),
      SOCKET_LIMITS.newPerSecond,
    );
  }

  // `options` are the static gateway decorator options (a plain object; none are set today).
  override createIOServer(port: number, options?: object): IoAdapterServer {
    const merged: Partial<ServerOptions> = {
      ...(options as Partial<ServerOptions> | undefined),
      path: SOCKET_IO_PATH,
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      cors: { origin: this.config.publicOrigin, credentials: true },
      allowRequest: (req, callback) => this.allowRequest(req, callback),
      // The default wire format, encoded without a search for binary in session events.
      parser: jsonEventParser,
      // No `connectionStateRecovery`, although the Redis Streams adapter supports it: it does not
      // fit the session's own catch-up. A recovered socket skips the handshake middleware (or,
      // with skipMiddlewares false, also gets the host's lastSeq catch-up: every missed update
      // twice); it is put back in the rooms it had, so a trainee reseated meanwhile would replay
      // another group's views; its missed packets come from one stream all sessions share and
      // the adapter trims (maxLen 10,000 entries: seconds to a minute of a busy cluster), where
      // the log holds everything. The client's handshake lastSeq works on any process, after any
      // outage, from the log.
    };
    const server =
      this.httpServer && port === 0
        ? new Server(this.httpServer as HttpServer, merged)
        : new Server(port, merged);
    if (this.redis) server.adapter(this.redis.adapter());
    // Engine.io answers its HTTP requests before express: the same protective headers there.
    const protect = (headers: Record<string, string>) => {
      headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'none'";
      headers['X-Content-Type-Options'] = 'nosniff';
      headers['X-Frame-Options'] = 'DENY';
      headers['Referrer-Policy'] = 'no-referrer';
    };
    server.engine.on('initial_headers', protect);
    server.engine.on('headers', protect);
    server.engine.on(
      'connection',
      (
        connection: EngineConnection & {
          request: IncomingMessage;
          once(e: 'close', f: () => void): unknown;
        },
      ) => {
        coalesceTurnWrites(connection);
        const address = peerAddress(connection.request);
        this.open.set(address, (this.open.get(address) ?? 0) + 1);
        connection.once('close', () => {
          const left = (this.open.get(address) ?? 1) - 1;
          if (left > 0) this.open.set(address, left);
          else this.open.delete(address);
        });
      },
    );
    // Same class and API as the copy nested under @nestjs/platform-socket.io; only the
    // declarations differ, so tell the compiler it is the type the base adapter expects.
    return server as unknown as IoAdapterServer;
  }

  /**
   * The gateways' `@SubscribeMessage` handlers as plain listeners. Nest's own binding builds an
   * rxjs pipeline per socket and handler (fromEvent, mergeMap, takeUntil a shared disconnect
   * stream: some forty closures and a dozen subscriber objects that live as long as the socket,
   * about 4 KB of heap per connection). Here each handler is one listener, and rxjs only runs per
   * message, for the handler's result. Same behaviour: the payload and ack are split as Nest
   * does, a nil result sends nothing, `{ event, data }` is emitted, anything else is the ack
   * (unless the handler acks itself), nothing is sent once the socket has disconnected, and a
   * handler that throws past its exception filter is logged, not fatal to the socket's later
   * messages.
   */
  override bindMessageHandlers(
    socket: IoAdapterSocket,
    handlers: MessageMappingProperties[],
    // Nest's signature: the handler's result, whatever it returned, as an Observable.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    transform: (data: any) => Observable<any>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        // What rxjs fromEvent hands on: one argument as is, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        let results: Observable<unknown>;
        try {
          results = transform(callback(data, ack));
        } catch (error) {
          this.logger.error(error);
          return;
        }
        results.subscribe({
          next: (response) => {
            if (response === null || response === undefined || !socket.connected) return;
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) socket.emit(reply.event, reply.data);
            else if (!isAckHandledManually && typeof ack === 'function') {
              (ack as (response: unknown) => void)(response);
            }
          },
          error: (error: unknown) => this.logger.error(error),
        });
      });
    }
  }

  private allowRequest(
    req: IncomingMessage,
    callback: (err: string | null | undefined, success: boolean) => void,
  ): void {
    const address = peerAddress(req);
    // Only a new connection's handshake counts: later polling requests carry its sid.
    const handshake = !(req.url ?? '').includes('sid=');
    if (handshake && this.openLimit > 0) {
      if ((this.open.get(address) ?? 0) >= this.openLimit) {
        this.log.warn({ address, open: this.open.get(address) }, 'socket refused: too many open');
        callback(`${ErrorCode.RateLimited}: too many connections from this address`, false);
        return;
      }
      if (!this.newConnections.take(address)) {
        this.log.warn({ address }, 'socket refused: connecting too fast');
        callback(`${ErrorCode.RateLimited}: too many new connections; wait a moment`, false);
        return;
      }
    }
    const origin = req.headers.origin;
    if (origin === undefined || originAllowed(this.config, origin, req.headers)) {
      callback(null, true);
      return;
    }
    this.log.warn(
      { origin, expected: this.config.publicOrigin, address: req.socket.remoteAddress },
      'socket refused: foreign origin',
    );
    callback(`${ErrorCode.ForeignOrigin}: origin ${origin} is not allowed`, false);
  }
}
