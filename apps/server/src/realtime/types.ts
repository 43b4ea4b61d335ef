import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@crossroads/shared';
import type { Server, Socket } from 'socket.io';

/** The socket.io server, typed with the shared wire contract. Every gateway uses this. */
export type TypedServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** One connected client, typed with the shared wire contract. */
export type TypedSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Name of an event a client may send (a key of ClientToServerEvents). */
export type ClientEventName = keyof ClientToServerEvents;

/** The payload type a client event carries, per the shared contract. */
export type ClientEventPayload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];

/** What a handler must answer with: the argument type of the event's ack callback. */
export type ClientEventAck<E extends ClientEventName> = Parameters<
  Parameters<ClientToServerEvents[E]>[1]
>[0];
