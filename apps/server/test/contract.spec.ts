/**
 * The gateway must speak the shared wire contract. Most of this file is checked by the compiler
 * (`npm run typecheck -w @crossroads/server` includes test/): if the gateway's server or socket
 * types are loosened to plain socket.io types, or a handler's answer drifts from the ack type in
 * ClientToServerEvents, the assertions below stop compiling. The runtime part checks the same
 * wiring through Nest's metadata.
 */
import 'reflect-metadata';
import type {
  ClientToServerEvents,
  InterServerEvents,
  PingAck,
  ServerToClientEvents,
  SocketData,
} from '@crossroads/shared';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import { RealtimeGateway } from '../src/realtime/realtime.gateway';
import type { ClientEventAck, TypedServer, TypedSocket } from '../src/realtime/types';

/** Exact type equality (not mere assignability). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when T is exactly `true`. */
function assertType<T extends true>(_proof?: T): void {}

type GatewayServer = RealtimeGateway['server'];
type HandlerSocket = Parameters<RealtimeGateway['handleConnection']>[0];
type PingAnswer = ReturnType<RealtimeGateway['handlePing']>;

// The gateway's server is socket.io's Server typed with all four shared maps …
assertType<
  Equal<
    GatewayServer,
    Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
  >
>();
assertType<Equal<GatewayServer, TypedServer>>();
// … and not the untyped default. If someone loosens the type, this expectation stops failing
// and the unused @ts-expect-error becomes a compile error.
// @ts-expect-error: the gateway server must not be an untyped Server
assertType<Equal<GatewayServer, Server>>();
// @ts-expect-error: nor a Server typed only with the default event maps
assertType<Equal<GatewayServer, Server<DefaultEventsMap, DefaultEventsMap>>>();

// Connected sockets are typed with the same maps.
assertType<
  Equal<
    HandlerSocket,
    Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
  >
>();
assertType<Equal<HandlerSocket, TypedSocket>>();

// The ping handler answers exactly what the shared contract's ack callback expects.
assertType<Equal<PingAnswer, PingAck>>();
assertType<Equal<PingAnswer, ClientEventAck<'ping'>>>();

// Emitting through the typed server is checked against ServerToClientEvents.
export function emitsAreChecked(server: GatewayServer): void {
  server.emit('notice', { code: 'protocol/internal', message: 'typed' });
  // @ts-expect-error: 'notice' needs a code from ErrorCode
  server.emit('notice', { code: 'nonsense', message: 'untyped' });
  // @ts-expect-error: events not in ServerToClientEvents do not exist
  server.emit('no-such-event', {});
}

describe('gateway contract', () => {
  it('subscribes the ping handler to the "ping" event of the shared contract', () => {
    const pattern: unknown = Reflect.getMetadata(
      MESSAGE_METADATA,
      RealtimeGateway.prototype.handlePing,
    );
    const expected: keyof ClientToServerEvents = 'ping';
    expect(pattern).toBe(expected);
  });

  it('answers a valid ping with a pong and an invalid one with a rejection', () => {
    const logger = { info: () => undefined } as unknown as ConstructorParameters<
      typeof RealtimeGateway
    >[0];
    const gateway = new RealtimeGateway(logger);
    expect(gateway.handlePing({ sentAt: 5 })).toMatchObject({ status: 'accepted', sentAt: 5 });
    expect(() => gateway.handlePing({ sentAt: 'x' })).toThrow(/Invalid ping payload/);
  });
});
