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
  RATE_LIMITS,
  type CommandAck,
  type CommandName,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { AppError } from '../auth/rest-error';
import type { TypedServer, TypedSocket } from '../realtime/types';
import { RateLimiter } from './rate-limit';
import { SessionHub } from './session-hub';
import { SessionsService } from './sessions.service';

type Next = (err?: Error) => void;

/** An Error socket.io turns into the client's `connect_error` (message = code, data = notice). */
function handshakeError(code: ErrorCode, message: string): Error {
  const error = new Error(code) as Error & { data: { code: ErrorCode; message: string } };
  error.data = { code, message };
  return error;
}

/**
 * The session socket surface: authenticates the handshake (socket.io middleware, so a refusal is a
 * `connect_error`), puts each socket in its session rooms, sends the first snapshot or catch-up,
 * and routes every session command through SessionsService with per-socket and per-participant
 * rate limits. Sockets without an `auth` payload stay anonymous (they may only `ping`).
 */
@WebSocketGateway()
export class SessionsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly perSocket = new RateLimiter(
    RATE_LIMITS.commands.burst,
    RATE_LIMITS.commands.perSecond,
  );
  private readonly perParticipant = new RateLimiter(
    RATE_LIMITS.commands.burst,
    RATE_LIMITS.commands.perSecond,
  );
  private readonly chat = new RateLimiter(RATE_LIMITS.chat.burst, RATE_LIMITS.chat.perSecond);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly hub: SessionHub,
    @InjectPinoLogger('SessionsGateway') private readonly logger: PinoLogger,
  ) {}

  afterInit(server: TypedServer): void {
    this.hub.server = server;
    server.use((socket, next) => this.authenticate(socket, next));
  }

  private authenticate(socket: TypedSocket, next: Next): void {
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
          `This server speaks protocol ${PROTOCOL_VERSION}; the client sent ${String(auth.protocol)}.`,
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
      const { principal, live, login } = this.sessions.authenticate(parsed.data);
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

  handleConnection(socket: TypedSocket): void {
    this.hub.watch(socket);
    for (const name of COMMAND_NAMES) {
      socket.on(name, (payload: unknown, ack?: unknown) => {
        const response = this.command(socket, name, payload);
        if (typeof ack === 'function') (ack as (r: CommandAck) => void)(response);
        else if (response.status === 'rejected') {
          socket.emit('notice', { code: response.code, message: response.message });
        }
      });
    }
    const entry = this.hub.principals.get(socket.id);
    if (!entry) return;
    if (entry.expiresAt !== undefined) this.closeAtExpiry(socket, entry.expiresAt);
    try {
      const live = this.sessions.load(entry.sessionId);
      this.hub.joinRooms(socket, live, entry.principal);
      this.sessions.connected(live, entry.principal);
      this.hub.sendInitial(socket, live, entry.principal, socket.data.session?.lastSeq);
      this.hub.noticeIfFellBehind(socket);
    } catch (error) {
      this.logger.error({ err: error, socketId: socket.id }, 'session connect failed');
      socket.emit('notice', { code: ErrorCode.Internal, message: 'Could not load the session.' });
      socket.disconnect(true);
    }
  }

  /** A staff socket is closed when its login token expires, not only at its next command. */
  private closeAtExpiry(socket: TypedSocket, expiresAt: number): void {
    // setTimeout holds at most 2^31-1 ms (~24.8 days); a longer wait re-arms itself.
    const wait = Math.min(Math.max(0, expiresAt - Date.now()) + 50, 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.expiryTimers.delete(socket.id);
      if (Date.now() < expiresAt) this.closeAtExpiry(socket, expiresAt);
      else this.sessions.recheckSockets((entry) => entry === this.hub.principals.get(socket.id));
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
    try {
      this.sessions.disconnected(this.sessions.load(entry.sessionId), entry.principal);
    } catch (error) {
      this.logger.warn({ err: error, socketId: socket.id }, 'presence update failed');
    }
  }

  private command(socket: TypedSocket, name: CommandName, payload: unknown): CommandAck {
    const entry = this.hub.principals.get(socket.id);
    if (!entry) {
      return {
        status: 'rejected',
        code: ErrorCode.Unauthenticated,
        message: 'Connect with a credential in the handshake `auth` to send session commands.',
      };
    }
    // Who the socket is gets decided again for every command, from the current state.
    try {
      entry.principal = this.sessions.recheck(entry);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const notice = { code: error.code, message: error.message };
      // After the ack of this command has gone out.
      setImmediate(() => {
        if (socket.connected) this.hub.revoke(socket, notice);
      });
      return { status: 'rejected', ...notice };
    }
    const now = Date.now();
    const limited =
      !this.perSocket.take(socket.id, now) ||
      (entry.principal.kind === 'participant' &&
        !this.perParticipant.take(entry.principal.participantId, now)) ||
      (name === 'chat.send' &&
        !this.chat.take(
          entry.principal.kind === 'participant' ? entry.principal.participantId : socket.id,
          now,
        ));
    if (limited) {
      return {
        status: 'rejected',
        code: ErrorCode.RateLimited,
        message: 'Too many commands; slow down.',
      };
    }
    if (name === 'session.sync') {
      const wait = this.hub.snapshotWaitMs(socket);
      if (wait > 0) {
        return {
          status: 'rejected',
          code: ErrorCode.RateLimited,
          message: `Snapshots are limited in size per second; ask again in ${Math.ceil(wait / 1000)} s.`,
        };
      }
    }
    const ack = this.sessions.execute(entry.principal, entry.sessionId, name, payload);
    if (name === 'session.sync' && ack.status === 'accepted') {
      const live = this.sessions.load(entry.sessionId);
      this.hub.sendSnapshot(socket, live, entry.principal);
    }
    return ack;
  }
}
