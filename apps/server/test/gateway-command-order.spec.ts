import { COMMAND_NAMES, type CommandAck, type CommandName } from '@crossroads/shared';
import type { PinoLogger } from '../src/logging/logging.module';
import type { TypedSocket } from '../src/realtime/types';
import type { Principal } from '../src/sessions/principal';
import type { SessionHub, SocketEntry } from '../src/sessions/session-hub';
import { SessionsGateway } from '../src/sessions/sessions.gateway';
import type { SessionsService } from '../src/sessions/sessions.service';

const principal: Principal = {
  kind: 'observer',
  account: {
    id: 'a1',
    username: 'ana',
    role: 'facilitator',
    author: false,
    createdAt: '2026-12-04T09:00:00.000Z',
  },
};

/**
 * The re-check of a socket's rights awaits the database (the login lookup). On PostgreSQL two
 * lookups may answer out of order; the commands must still reach the session in arrival order.
 */
describe('SessionsGateway: one socket’s commands', () => {
  // `seated`: what SessionsService.seatedNow answers for each command in turn (true: a trainee the
  // session in memory seats, admitted without the re-check chain; false: the chain, as for staff).
  it.each([
    ['every command through the re-check', [false, false, false]],
    ['the first admitted at once, the rest through the re-check', [true, false, true]],
    ['the first through the re-check, the rest seated', [false, true, true]],
  ])('reach the session in the order they arrived: %s', async (_case, seated) => {
    const rechecks: Array<() => void> = [];
    const executed: CommandName[] = [];
    const answers = [...seated];
    const sessions = {
      seatedNow: () => answers.shift() ?? false,
      recheck: () => new Promise<Principal>((resolve) => rechecks.push(() => resolve(principal))),
      execute: (_p: Principal, _s: string, name: CommandName): Promise<CommandAck> => {
        executed.push(name);
        return Promise.resolve({ status: 'accepted' } as CommandAck);
      },
    } as unknown as SessionsService;
    const entry: SocketEntry = { principal, sessionId: 's1' };
    const hub = {
      principals: new Map<string, SocketEntry>(),
      watch: () => undefined,
      connection: () => ({}),
      noticeIfFellBehind: () => undefined,
      snapshotWaitMs: () => 0,
    } as unknown as SessionHub;
    const gateway = new SessionsGateway(sessions, hub, console as unknown as PinoLogger);

    type Listener = (this: TypedSocket, payload: unknown, ack?: (r: CommandAck) => void) => void;
    const handlers = new Map<string, Listener>();
    const socket = {
      id: 'socket-1',
      data: {},
      on: (name: string, handler: Listener) => handlers.set(name, handler),
      onAny: () => undefined,
    } as unknown as TypedSocket;
    // The handshake's entry is set after the handlers are on: this test is about commands only,
    // not about connecting the socket to its session's host.
    gateway.handleConnection(socket);
    hub.principals.set('socket-1', entry);

    const names = COMMAND_NAMES.filter((n) => n !== 'chat.send' && n !== 'session.sync').slice(
      0,
      3,
    );
    const acks = names.map(
      (name) =>
        // As an event emitter calls its listeners: with the socket as `this`.
        new Promise<CommandAck>((resolve) =>
          handlers.get(name)!.call(socket, {}, (ack) => resolve(ack)),
        ),
    );
    // Answer the re-checks last-asked first, as a pool of connections may.
    for (let i = 0; i < 20 && rechecks.length < names.length; i++) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    while (rechecks.length > 0) {
      rechecks.pop()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(acks);
    expect(executed).toEqual(names);
  });
});
