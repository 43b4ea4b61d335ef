import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type CommandAck,
  type CommandName,
  type ServerNotice,
  type UpdateSessionRequest,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { queueBounds, type AppConfig } from '../config';
import { boundQueue, type SentCounter } from '../realtime/outbound-queue';
import { REDIS_FANOUT, type NodeRequests, type RedisFanout } from '../realtime/redis-fanout';
import { ByteBudget } from './rate-limit';
import { publicOriginFor } from '../public-origin';
import { InjectConfig } from '../config.module';
import type { TypedServer, TypedSocket } from '../realtime/types';
import type { Principal } from './principal';
import type { PresenceChange } from './ports';
import type { ParticipantRow } from './session-store';
import { SocketConnection, SocketIoBroadcaster } from './socket-io-broadcaster';

export { rooms } from './socket-io-broadcaster';

/** What the server knows about one session socket; `principal` is refreshed on every command. */
export interface SocketEntry {
  principal: Principal;
  sessionId: string;
  /** Staff sockets: the hash of the login token, looked up again on every command. */
  tokenHash?: string;
  /** Staff sockets: when the login token expires (ms since epoch). */
  expiresAt?: number;
}

/** What a socket's outbound side holds: its byte counter and its snapshot budget. */
interface Outbound {
  sent: SentCounter;
  snapshots: ByteBudget;
}

/** A command sent on to the process that owns its session (cluster only, see forward()). */
export interface ForwardedCommand {
  principal: Principal;
  sessionId: string;
  name: CommandName;
  payload: unknown;
}

/** The inter-server event that carries a forwarded command, and its answer. */
export const FORWARD_EVENT = 'crossroads:session.command';

/**
 * A REST write sent on to the process that owns its session (cluster only, see forwardWrite()):
 * what the controller checked and built on the receiving process, in a form that crosses Redis.
 * `writeId` (set by SessionsService.write() when the controller leaves it out) is recorded with
 * the write's event as its command id, so the log holds one write once however often it is sent
 * (to a slow owner and again after it, or to the process that took the session over).
 */
export type ForwardedWrite = { writeId?: string } & (
  | { kind: 'settings'; sessionId: string; actor: string; patch: UpdateSessionRequest }
  | { kind: 'end'; sessionId: string; actor: string }
  | { kind: 'join'; sessionId: string; row: ParticipantRow }
);

/** The owner's answer to a forwarded REST write: done, or refused as its AppError said. */
export type WriteAnswer =
  { status: 'done' } | { status: 'rejected'; code: ErrorCode; message: string };

/** The inter-server event that carries a forwarded REST write, and its answer. */
export const FORWARD_WRITE_EVENT = 'crossroads:session.write';

/**
 * The inter-server event that tells the other processes a participant's presence changed here
 * (fire and forget): each updates its copy of the session, so the owner's lobby updates and
 * snapshots, and the roles it counts as played, show trainees connected to other processes.
 */
export const PRESENCE_EVENT = 'crossroads:session.presence';

/**
 * socket.io's server-side events, untyped: the shared InterServerEvents contract is empty (these
 * messages never reach a client), so the presence event is typed here, at its two ends.
 */
interface ServerSideChannel {
  serverSideEmit(event: string, message: PresenceChange): unknown;
}

/** How long a principal cut off as a slow consumer is told so when it connects again. */
const FELL_BEHIND_NOTICE_MS = 10 * 60_000;

/** Told to a client on the connection after the one the server closed for falling behind. */
export const FELL_BEHIND_NOTICE: ServerNotice = {
  code: ErrorCode.SlowConsumer,
  message:
    'The connection fell too far behind the session, so the server closed it; the session has been reloaded.',
};

/**
 * The socket.io side of live sessions: which principal each socket is, what its outbound queue may
 * hold, its snapshot budget, and the Broadcaster and Connections session hosts emit through. The
 * server reference is set by the gateway once socket.io is up; before that (or in a CLI)
 * broadcasting is a no-op.
 */
@Injectable()
export class SessionHub {
  server: TypedServer | null = null;
  /** The authenticated principal of each session socket. */
  readonly principals = new Map<string, SocketEntry>();
  private readonly outbound = new Map<string, Outbound>();
  /** Principals (session/kind/id) whose socket was closed for falling behind, and when. */
  private readonly fellBehind = new Map<string, number>();
  /**
   * Snapshot bytes per principal, across all of its sockets (as commands are limited per socket
   * and per participant): opening more sockets does not buy more snapshots.
   */
  private readonly principalSnapshots = new Map<string, ByteBudget>();
  private readonly bounds: ReturnType<typeof queueBounds>;
  /**
   * Fan-out to the session rooms: of this server, or with NODE_ID set (a cluster, where the
   * socket.io adapter carries room messages to every process) of every server.
   */
  readonly broadcaster: SocketIoBroadcaster;
  /**
   * Where forwarded commands and writes travel in a cluster (REDIS_URL and NODE_ID): the Redis
   * request channel, on connections of its own, not the socket.io adapter's (see NodeRequests).
   */
  private readonly requests: NodeRequests | null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectPinoLogger('SessionHub') private readonly logger: PinoLogger,
    @Inject(REDIS_FANOUT) redis: RedisFanout | null,
  ) {
    this.bounds = queueBounds(config);
    this.broadcaster = new SocketIoBroadcaster(() => this.server, config.nodeId !== undefined);
    this.requests = redis?.requests ?? null;
  }

  /**
   * Sends a command to the process `owner` (its NODE_ID) and answers its ack, or null when it did
   * not answer (it is gone, stalled past the request timeout, or there is no Redis to reach it).
   * One process's forwards reach the owner in the order they were made (see NodeRequests).
   */
  forward(owner: string, command: ForwardedCommand): Promise<CommandAck | null> {
    return this.ask<CommandAck>(FORWARD_EVENT, owner, command, {
      session: command.sessionId,
      command: command.name,
    });
  }

  /** Sends a REST write to the process `owner`, as forward() does a command (null: no answer). */
  forwardWrite(owner: string, write: ForwardedWrite): Promise<WriteAnswer | null> {
    return this.ask<WriteAnswer>(FORWARD_WRITE_EVENT, owner, write, {
      session: write.sessionId,
      write: write.kind,
    });
  }

  private async ask<Answer>(
    event: string,
    owner: string,
    request: object,
    context: Record<string, string>,
  ): Promise<Answer | null> {
    if (!this.requests) return null;
    // Sent before the first await: forwards leave in the order they were asked for.
    const answer = (await this.requests.request(owner, event, request)) as Answer | null;
    if (answer === null)
      this.logger.warn({ owner, ...context }, 'no answer from the session owner');
    return answer;
  }

  /** Tells the other processes of a presence change here (cluster only; see PRESENCE_EVENT). */
  sharePresence(change: PresenceChange): void {
    const server = this.server;
    // Without Redis the in-memory adapter reaches no other process (and warns on every emit).
    if (!server || this.config.redisUrl === undefined) return;
    try {
      (server as unknown as ServerSideChannel).serverSideEmit(PRESENCE_EVENT, change);
    } catch (error) {
      this.logger.warn({ err: error, session: change.sessionId }, 'presence not shared');
    }
  }

  /** Calls `apply` with every presence change another process shares. */
  onSharedPresence(server: TypedServer, apply: (change: PresenceChange) => void): void {
    (
      server as unknown as {
        on(event: string, listener: (change: PresenceChange) => void): unknown;
      }
    ).on(PRESENCE_EVENT, apply);
  }

  /** Answers the commands other processes forward to this one with `run`'s ack. */
  answerForwarded(run: (command: ForwardedCommand) => Promise<CommandAck>): void {
    this.answer(FORWARD_EVENT, run);
  }

  /** Answers the REST writes other processes forward to this one with `run`'s answer. */
  answerForwardedWrites(run: (write: ForwardedWrite) => Promise<WriteAnswer>): void {
    this.answer(FORWARD_WRITE_EVENT, run);
  }

  private answer<Request extends { sessionId: string }, Answer>(
    event: string,
    run: (request: Request) => Promise<Answer>,
  ): void {
    this.requests?.serve(event, (body) => {
      // The request is this file's own message (see ask()), from a process of the same build.
      const typed = body as Request;
      return run(typed).catch((error: unknown) => {
        this.logger.error({ err: error, session: typed.sessionId, event }, 'forwarded work failed');
        return null;
      });
    });
  }

  /**
   * Bounds what may be queued for a socket (CROSSROADS_QUEUE_BYTES / _MESSAGES): past either, the
   * connection is closed, and its principal is told why when it connects again (a client that does
   * not read cannot be told on the connection it does not read).
   */
  watch(socket: TypedSocket): void {
    const sent = boundQueue(socket, this.bounds, (queued) => {
      const session = socket.data.session;
      this.logger.warn(
        { socketId: socket.id, session: session?.sessionId, ...queued, bounds: this.bounds },
        'socket closed: slow consumer',
      );
      if (session) {
        const now = Date.now();
        for (const [key, at] of this.fellBehind) {
          if (now - at > FELL_BEHIND_NOTICE_MS) this.fellBehind.delete(key);
        }
        this.fellBehind.set(principalKey(session), now);
      }
    });
    this.outbound.set(socket.id, {
      sent,
      snapshots: new ByteBudget(this.bounds.snapshotBurstBytes, this.bounds.snapshotBytesPerSecond),
    });
    socket.once('disconnect', () => this.outbound.delete(socket.id));
  }

  /** Sends the slow-consumer notice when this principal's previous socket was closed as one. */
  noticeIfFellBehind(socket: TypedSocket): void {
    const session = socket.data.session;
    if (!session) return;
    const key = principalKey(session);
    const at = this.fellBehind.get(key);
    if (at === undefined) return;
    this.fellBehind.delete(key);
    if (Date.now() - at <= FELL_BEHIND_NOTICE_MS) socket.emit('notice', FELL_BEHIND_NOTICE);
  }

  /**
   * Milliseconds until the socket may pull another snapshot (0: now). Snapshots are budgeted in
   * bytes, not counted: a large session costs more of the budget than a small one.
   */
  snapshotWaitMs(socket: TypedSocket): number {
    const own = this.outbound.get(socket.id)?.snapshots.waitMs() ?? 0;
    return Math.max(own, this.principalBudget(socket)?.waitMs() ?? 0);
  }

  private principalBudget(socket: TypedSocket): ByteBudget | null {
    const session = socket.data.session;
    if (!session) return null;
    const key = principalKey(session);
    let budget = this.principalSnapshots.get(key);
    if (!budget) {
      if (this.principalSnapshots.size > 1000) {
        for (const [k, b] of this.principalSnapshots)
          if (b.idle()) this.principalSnapshots.delete(k);
      }
      budget = new ByteBudget(this.bounds.snapshotBurstBytes, this.bounds.snapshotBytesPerSecond);
      this.principalSnapshots.set(key, budget);
    }
    return budget;
  }

  /**
   * The socket as a host Connection: snapshots it is sent are charged to its byte budgets (and
   * its principal's), which `snapshotWaitMs` then enforces.
   */
  connection(socket: TypedSocket): SocketConnection {
    const origin = publicOriginFor(this.config, socket.handshake.headers);
    return new SocketConnection(socket, origin, {
      measure: (event, send) => {
        const outbound = this.outbound.get(socket.id);
        if (event !== 'session.snapshot' || !outbound) return send();
        const before = outbound.sent.sentBytes();
        const result = send();
        const bytes = outbound.sent.sentBytes() - before;
        outbound.snapshots.spend(bytes);
        this.principalBudget(socket)?.spend(bytes);
        return result;
      },
    });
  }

  /**
   * Ends a socket's session rights at once: it leaves every room (so nothing more reaches it), is
   * told why in a `notice`, and is disconnected (the disconnect handler forgets its principal).
   * The client shows the notice's message.
   */
  revoke(socket: TypedSocket, notice: ServerNotice): void {
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    socket.emit('notice', notice);
    this.logger.info({ socketId: socket.id, code: notice.code }, 'socket rights revoked');
    socket.disconnect(true);
  }
}

function principalKey(session: { sessionId: string; kind: string; principalId: string }): string {
  return `${session.sessionId}\u0000${session.kind}\u0000${session.principalId}`;
}
