import type { PingAck, PingPayload, ServerNotice } from './protocol';

/**
 * Commands a client may send. Every command is acknowledged through the callback.
 * The server validates each payload against its zod schema before acting on it.
 */
export interface ClientToServerEvents {
  ping: (payload: PingPayload, ack: (response: PingAck) => void) => void;
}

/** Messages the server pushes to clients. */
export interface ServerToClientEvents {
  /** A problem with the connection or the last message that has no ack to answer it. */
  notice: (notice: ServerNotice) => void;
}

/** Server-internal messages between server processes (socket.io adapter). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- none yet; kept so both sides name the full generic set
export interface InterServerEvents {}

/** Per-socket data the server attaches after authenticating the handshake. */
export interface SocketData {
  connectedAt: number;
}
