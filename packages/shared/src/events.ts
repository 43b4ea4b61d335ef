import type { PingAck, PingPayload, ServerNotice } from './protocol';
import type { CommandAck, CommandName, CommandPayload } from './session/commands';
import type { Credential } from './session/handshake';
import type {
  LobbyUpdated,
  PresenceUpdated,
  SessionEvents,
  SessionRescored,
  SessionSnapshot,
  SessionUpdate,
} from './session/server-events';

/** One socket.io event per session command; the event name is the command name. */
export type SessionCommandEvents = {
  [N in CommandName]: (payload: CommandPayload<N>, ack: (response: CommandAck) => void) => void;
};

/**
 * Commands a client may send. Every command is acknowledged through the callback.
 * The server validates each payload against its zod schema before acting on it.
 */
export interface ClientToServerEvents extends SessionCommandEvents {
  ping: (payload: PingPayload, ack: (response: PingAck) => void) => void;
}

/** Messages the server pushes to clients. */
export interface ServerToClientEvents {
  /** A problem with the connection or the last message that has no ack to answer it. */
  notice: (notice: ServerNotice) => void;
  /** Everything the recipient may know; replaces the client's state. */
  'session.snapshot': (snapshot: SessionSnapshot) => void;
  /** One committed event (filtered for the recipient) and what it changed for them. */
  'session.update': (update: SessionUpdate) => void;
  /** What a recomputation of the live scores changed for the recipient (no event). */
  'session.rescored': (rescored: SessionRescored) => void;
  /** Catch-up after a reconnect with lastSeq. */
  'session.events': (batch: SessionEvents) => void;
  'lobby.updated': (lobby: LobbyUpdated) => void;
  'presence.updated': (presence: PresenceUpdated) => void;
}

/** Server-internal messages between server processes (socket.io adapter). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- none yet; kept so both sides name the full generic set
export interface InterServerEvents {}

/** Per-socket data the server attaches after authenticating the handshake. */
export interface SocketData {
  connectedAt: number;
  /** Set by the session handshake middleware; absent on sockets that only ping. */
  session?: {
    sessionId: string;
    kind: Credential['kind'];
    /** Account id (staff) or participant id (trainee). */
    principalId: string;
    lastSeq?: number;
  };
}
