import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@crossroads/shared';

/** The app's one socket, typed by the shared event maps. */
export type CrossroadsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: CrossroadsSocket | undefined;

/**
 * Returns the app's socket, creating and connecting it on first use.
 * It talks to the page's own origin (the server, or the Vite dev proxy), so the server's
 * origin check sees the public origin it expects.
 */
export function getSocket(): CrossroadsSocket {
  shared ??= io({ path: '/socket.io', autoConnect: true });
  return shared;
}
