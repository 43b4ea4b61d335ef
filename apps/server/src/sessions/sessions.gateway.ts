import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  COMMAND_NAMES,
  ErrorCode,
  handshakeSchema,
  PROTOCOL_VERSION,
  type CommandAck,
  type CommandName,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { AppError, rejectedAck } from '../auth/rest-error';
import type { TypedServer, TypedSocket } from '../realtime/types';
import { CommandLimits } from './command-limits';
import type { SessionHost } from './session-host';
import { SessionHub, type SocketEntry } from './session-hub';
import { SessionsService } from './sessions.service';

type Next = (err?: Error) => void;

/** An Error socket.io turns into the client's `connect_error` (message = code, data = notice). */
function handshakeError(code: ErrorCode, message: string): Error {
  const error = new Error(code) as Error & { data: { code: ErrorCode; message: string } };
  error.data = { code, message };
  return error;
}

/**
 * The session socket surface, and only that: authenticates the handshake (socket.io middleware, so
 * a refusal is a `connect_error`), hands each authenticated socket to its session's host (which
 * sends the first snapshot or catch-up and keeps presence), and forwards every command, after the
 * socket's rights are checked again and the rate limits allow it, to SessionsService, which
 * validates it against the shared contract and has the host run it. Sockets without an `auth`
 * payload stay anonymous (they may only `ping`).
 */
@WebSocketGateway()
export class SessionsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly limits = new CommandLimits();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  /** Per socket: settles when its latest command has been admitted (or refused). */
  private readonly admissions = new Map<string, Promise<void>>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly hub: SessionHub,
    @InjectPinoLogger('SessionsGateway') private readonly logger: PinoLogger,
  ) {}

  afterInit(server: TypedServer): void {
    this.hub.server = server;
    server.use((socket, next) => void this.authenticate(socket, next));
    if (this.sessions.ownership.enabled) {
      this.hub.answerForwarded((command) =>
        this.sessions.execute(
          command.principal,
          command.sessionId,
          command.name,
          command.payload,
          true,
        ),
      );
      this.hub.answerForwardedWrites((write) => this.sessions.answerWrite(write));
      this.hub.onSharedPresence(server, (change) => this.sessions.notePresence(change));
    }
  }

  private async authenticate(socket: TypedSocket, next: Next): Promise<void> {
    const auth: unknown = socket.handshake.auth;
    if (
      auth === undefined ||
      auth === null ||
      (typeof auth === 'object' && Object.keys(auth).length === 0)
    ) {
      next(); // anonymous: ping only
      return;
    }
    if (typeof auth === 'object' && 'protocol' in auth && auth.protocol !== PROTOCOL_VERSION) {
      next(
        handshakeError(
          ErrorCode.UnsupportedProtocol,
          `This server speaks protocol ${PROTOCOL_VERSION}; the client sent ${JSON.stringify(auth.protocol) ?? String(auth.protocol)}.`,
        ),
      );
      return;
    }
    const parsed = handshakeSchema.safeParse(auth);
    if (!parsed.success) {
      next(
        handshakeError(
          ErrorCode.InvalidPayload,
          `Invalid handshake: ${parsed.error.issues[0]?.message ?? ''}`,
        ),
      );
      return;
    }
    try {
      const { principal, live, login } = await this.sessions.authenticate(parsed.data);
      this.hub.principals.set(socket.id, {
        principal,
        sessionId: live.id,
        ...(login ? { tokenHash: login.tokenHash, expiresAt: login.expiresAt } : {}),
      });
      socket.data.session = {
        sessionId: live.id,
        kind: principal.kind,
        principalId:
          principal.kind === 'participant' ? principal.participantId : principal.account.id,
        ...(parsed.data.lastSeq !== undefined ? { lastSeq: parsed.data.lastSeq } : {}),
      };
      next();
    } catch (error) {
      if (error instanceof AppError) next(handshakeError(error.code, error.message));
      else {
        this.logger.error({ err: error }, 'handshake failed');
        next(handshakeError(ErrorCode.Internal, 'The server could not check the credential.'));
      }
    }
  }

  /**
   * One listener per command name, shared by every socket: the socket's event emitter calls it
   * with the socket as `this`. A closure per socket and command name would cost each connection
   * sixteen closures and their contexts (over 1 KB of heap per socket) for no information.
   */
  private readonly commandListeners = COMMAND_NAMES.map(
    (name) => [name, this.commandListener(name)] as const,
  );

  private commandListener(name: CommandName) {
    const onCommand = (socket: TypedSocket, payload: unknown, ack: unknown) => {
      this.command(socket, name, payload).then(
        (response) => {
          if (typeof ack === 'function') (ack as (r: CommandAck) => void)(response);
          else if (response.status === 'rejected') {
            socket.emit('notice', { code: response.code, message: response.message });
          }
        },
        (error: unknown) =>
          this.logger.error({ err: error, socketId: socket.id }, 'command failed'),
      );
    };
    return function (this: TypedSocket, ...args: unknown[]): void {
      // socket.io appends the ack callback after whatever the client sent: it is the last
      // argument, not necessarily the second (`emit(name, ack)` sends no payload at all).
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
      if (args.length > 1) {
        const refused: CommandAck = {
          status: 'rejected',
          code: ErrorCode.InvalidPayload,
          message: `${name} takes one payload object; ${args.length} arguments were sent.`,
        };
        if (typeof ack === 'function') (ack as (r: CommandAck) => void)(refused);
        else this.emit('notice', { code: refused.code, message: refused.message });
        return;
      }
      onCommand(this, args[0], ack);
    };
  }

  /** Client events of the contract (commands and `ping`); any other is answered as unknown. */
  private static readonly KNOWN_EVENTS: ReadonlySet<string> = new Set([...COMMAND_NAMES, 'ping']);

  /** An event the contract does not have: its ack (if any) says so, nothing else happens. */
  private static unknownEvent(this: TypedSocket, event: unknown, ...args: unknown[]): void {
    if (typeof event === 'string' && SessionsGateway.KNOWN_EVENTS.has(event)) return;
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    (ack as (r: CommandAck) => void)({
      status: 'rejected',
      code: ErrorCode.InvalidPayload,
      message: `Unknown event ${JSON.stringify(String(event)).slice(0, 80)}: see the protocol's ClientToServerEvents.`,
    });
  }

  handleConnection(socket: TypedSocket): void {
    this.hub.watch(socket);
    for (const [name, listener] of this.commandListeners) socket.on(name, listener);
    socket.onAny(SessionsGateway.unknownEvent);
    const entry = this.hub.principals.get(socket.id);
    if (!entry) return;
    if (entry.expiresAt !== undefined) this.closeAtExpiry(socket, entry.expiresAt);
    const failed = (error: unknown) => {
      this.logger.error({ err: error, socketId: socket.id }, 'session connect failed');
      socket.emit('notice', { code: ErrorCode.Internal, message: 'Could not load the session.' });
      socket.disconnect(true);
    };
    const connect = (host: SessionHost) =>
      host
        .connect(this.hub.connection(socket), entry.principal, socket.data.session?.lastSeq)
        .then(() => this.hub.noticeIfFellBehind(socket));
    // The handshake loaded the session, so its host is normally in memory: connecting at once
    // keeps a disconnect that follows from overtaking the connect.
    const host = this.sessions.loaded(entry.sessionId);
    if (host) {
      connect(host).catch(failed);
      return;
    }
    this.sessions
      .open(entry.sessionId)
      .then((opened) => (socket.connected ? connect(opened) : undefined))
      .catch(failed);
  }

  /** A staff socket is closed when its login token expires, not only at its next command. */
  private closeAtExpiry(socket: TypedSocket, expiresAt: number): void {
    // setTimeout holds at most 2^31-1 ms (~24.8 days); a longer wait re-arms itself.
    const wait = Math.min(Math.max(0, expiresAt - Date.now()) + 50, 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.expiryTimers.delete(socket.id);
      if (Date.now() < expiresAt) this.closeAtExpiry(socket, expiresAt);
      else {
        void this.sessions.recheckSockets((entry) => entry === this.hub.principals.get(socket.id));
      }
    }, wait);
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  handleDisconnect(socket: TypedSocket): void {
    const timer = this.expiryTimers.get(socket.id);
    if (timer) {
      clearTimeout(timer);
      this.expiryTimers.delete(socket.id);
    }
    const entry = this.hub.principals.get(socket.id);
    if (!entry) return;
    this.hub.principals.delete(socket.id);
    // A session no longer in memory has no presence to change (its host was closed).
    this.sessions.loaded(entry.sessionId)?.disconnect(socket.id);
  }

  /**
   * A command from a socket: who it is is decided again (from the current state), the rate limits
   * apply, then the service validates it against the contract and its host runs it. That
   * re-check awaits the database, so the commands of one socket pass it one after another (each
   * waits until the previous one is queued, not run): the host queues them in arrival order.
   */
  private command(socket: TypedSocket, name: CommandName, payload: unknown): Promise<CommandAck> {
    // The common case, without the chain below: nothing of this socket waits to be admitted, and
    // its principal is a trainee the live session still seats, whom the re-check answers from
    // memory. Admitted now, the command is queued in its host before any later one of the socket.
    if (!this.admissions.has(socket.id)) {
      const entry = this.hub.principals.get(socket.id);
      if (entry !== undefined && this.sessions.seatedNow(entry)) {
        return this.limited(socket, entry, name, payload);
      }
    }
    const previous = this.admissions.get(socket.id) ?? Promise.resolve();
    const admitted = previous.then(() => this.admit(socket, name, payload));
    const settled = admitted.then(
      () => undefined,
      () => undefined,
    );
    this.admissions.set(socket.id, settled);
    void settled.then(() => {
      if (this.admissions.get(socket.id) === settled) this.admissions.delete(socket.id);
    });
    return admitted.then(({ ack }) => ack);
  }

  /**
   * Re-checks the socket and applies the limits; `ack` (in an object, so awaiting the admission
   * does not wait for it) settles when the host has run the command.
   */
  private async admit(
    socket: TypedSocket,
    name: CommandName,
    payload: unknown,
  ): Promise<{ ack: Promise<CommandAck> }> {
    const entry = this.hub.principals.get(socket.id);
    if (!entry) {
      return {
        ack: Promise.resolve({
          status: 'rejected',
          code: ErrorCode.Unauthenticated,
          message: 'Connect with a credential in the handshake `auth` to send session commands.',
        }),
      };
    }
    try {
      entry.principal = await this.sessions.recheck(entry);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const notice = { code: error.code, message: error.message };
      // After the ack of this command has gone out.
      setImmediate(() => {
        if (socket.connected) this.hub.revoke(socket, notice);
      });
      return { ack: Promise.resolve(rejectedAck(error)) };
    }
    return { ack: this.limited(socket, entry, name, payload) };
  }

  /** The rate limits, then the command runs (see run()); answers its ack. */
  private limited(
    socket: TypedSocket,
    entry: SocketEntry,
    name: CommandName,
    payload: unknown,
  ): Promise<CommandAck> {
    const refused = this.limits.refusal(socket.id, entry.principal, name, this.hub, socket);
    if (refused) return Promise.resolve(refused);
    return this.run(socket, entry, name, payload);
  }

  /** Hands the command to the service, which queues it before its first await. */
  private run(
    socket: TypedSocket,
    entry: SocketEntry,
    name: CommandName,
    payload: unknown,
  ): Promise<CommandAck> {
    const ack = this.sessions.execute(entry.principal, entry.sessionId, name, payload);
    return name === 'session.sync' ? this.thenSync(socket, entry, ack) : ack;
  }

  /** After an accepted `session.sync`, the snapshot (in the host's queue). */
  private async thenSync(
    socket: TypedSocket,
    entry: SocketEntry,
    executed: Promise<CommandAck>,
  ): Promise<CommandAck> {
    const ack = await executed;
    if (ack.status === 'accepted') {
      const host =
        this.sessions.loaded(entry.sessionId) ?? (await this.sessions.open(entry.sessionId));
      await host.sync(this.hub.connection(socket), entry.principal);
    }
    return ack;
  }
}
