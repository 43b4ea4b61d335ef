import { watchLiveness } from '../src/lib/liveness';
import { FakeSessionSocket, SESSION_ID } from './facilitator-fixtures';

const timedOut = () => new Error('operation has timed out');

function watched() {
  const socket = new FakeSessionSocket({
    kind: 'facilitator',
    token: 'staff-token',
    session: SESSION_ID,
    lastSeq: () => undefined,
  });
  const seen: string[] = [];
  const stop = watchLiveness(socket.asSocket(), {
    suspect: () => seen.push('suspect'),
    alive: () => seen.push('alive'),
  });
  socket.serverAccepts();
  return { socket, seen, stop };
}

/** The browser's word on its network, as the `offline` and `online` events carry it. */
function browserSays(online: boolean): void {
  jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

afterEach(() => jest.restoreAllMocks());

describe('watchLiveness', () => {
  test('the browser going offline under an open socket is reported at once and checked with a ping', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    expect(socket.connected).toBe(true);
    expect(seen).toEqual(['suspect']);
    expect(socket.pings).toHaveLength(1);
    // No answer while the browser says it is offline: no second ping, nothing more to report.
    socket.pings[0]?.(timedOut());
    expect(socket.pings).toHaveLength(1);
    expect(seen).toEqual(['suspect']);
    stop();
  });

  test('an answered ping overrules the browser (a LAN without internet)', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    socket.pings[0]?.(null);
    expect(seen).toEqual(['suspect', 'alive']);
    // Once settled, later messages have nothing to overrule.
    socket.fire('session.update', { seq: 11 });
    expect(seen).toEqual(['suspect', 'alive']);
    stop();
  });

  test('any server message overrules the browser, and a late ping answer adds nothing', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    socket.fire('presence.updated', { participants: [] });
    expect(seen).toEqual(['suspect', 'alive']);
    socket.pings[0]?.(null);
    expect(seen).toEqual(['suspect', 'alive']);
    stop();
  });

  test('messages while nothing is in doubt report nothing', () => {
    const { socket, seen, stop } = watched();
    socket.fire('session.update', { seq: 11 });
    socket.fire('notice', { code: 'x', message: 'y' });
    expect({ seen, pings: socket.pings.length }).toEqual({ seen: [], pings: 0 });
    stop();
  });

  test('back online, the open socket is pinged until it answers', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    socket.pings[0]?.(timedOut());
    browserSays(true);
    expect(socket.pings).toHaveLength(2);
    // Still no answer, though the browser says it is online: ask again.
    socket.pings[1]?.(timedOut());
    expect(socket.pings).toHaveLength(3);
    expect(seen).toEqual(['suspect']);
    socket.pings[2]?.(null);
    expect(seen).toEqual(['suspect', 'alive']);
    stop();
  });

  test('a reconnect settles the doubt: nothing more is pinged or reported', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    socket.drops();
    // An unanswered ping on a socket that dropped is not asked again.
    socket.pings[0]?.(timedOut());
    socket.serverAccepts();
    socket.fire('session.update', { seq: 11 });
    browserSays(true);
    expect(socket.pings).toHaveLength(1);
    expect(seen).toEqual(['suspect']);
    stop();
  });

  test('the browser going offline with the socket already down is left to socket.io', () => {
    const { socket, seen, stop } = watched();
    socket.drops();
    browserSays(false);
    expect({ seen, pings: socket.pings.length }).toEqual({ seen: [], pings: 0 });
    stop();
  });

  test('stopping removes its listeners and ignores an answer still on its way', () => {
    const { socket, seen, stop } = watched();
    browserSays(false);
    browserSays(true);
    expect(socket.pings).toHaveLength(2);
    stop();
    socket.pings[1]?.(timedOut());
    expect(socket.pings).toHaveLength(2);
    socket.pings[0]?.(null);
    socket.fire('session.update', { seq: 11 });
    browserSays(false);
    expect(seen).toEqual(['suspect']);
    expect(socket.countAny()).toBe(0);
    expect(socket.count('connect')).toBe(0);
  });
});
