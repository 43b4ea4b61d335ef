/**
 * The client must speak the shared wire contract. This file is type-checked by
 * `npm run typecheck -w @crossroads/client` (test/ is included): if the app's socket type is
 * loosened to a plain socket.io-client Socket, the equality assertions stop compiling and the
 * `@ts-expect-error` lines become unused (also a compile error).
 */
import type { ClientToServerEvents, PingAck, ServerToClientEvents } from '@crossroads/shared';
import type { Socket } from 'socket.io-client';
import { getSocket, type CrossroadsSocket } from '../src/lib/socket';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

type AppSocket = ReturnType<typeof getSocket>;

assertType<Equal<AppSocket, Socket<ServerToClientEvents, ClientToServerEvents>>>();
assertType<Equal<AppSocket, CrossroadsSocket>>();
// @ts-expect-error: the app socket must not be the untyped default
assertType<Equal<AppSocket, Socket>>();

/** Commands and their acks are checked against ClientToServerEvents. */
export function commandsAreChecked(socket: AppSocket): void {
  socket.emit('ping', { sentAt: 1 }, (ack: PingAck) => void ack);
  // @ts-expect-error: a command that is not in the contract does not compile
  socket.emit('no.such.command', {});
  // @ts-expect-error: a payload of the wrong shape does not compile
  socket.emit('ping', { sentAt: 'yesterday' }, () => undefined);
  socket.on('notice', (notice) => void notice.code);
  // @ts-expect-error: a server event that is not in the contract does not compile
  socket.on('no.such.event', () => undefined);
}

describe('client wire contract', () => {
  it('creates one socket, typed by the shared maps, and reuses it', () => {
    const first = getSocket();
    const second = getSocket();
    expect(second).toBe(first);
    first.disconnect();
  });
});
