import {
  connectionReducer,
  connectionStatus,
  initialConnectionState,
  offlineReason,
  type ConnectionEvent,
  type ConnectionState,
} from '../src/lib/connection';

const run = (state: ConnectionState, ...events: ConnectionEvent[]) =>
  events.reduce(connectionReducer, state);

const online = initialConnectionState(true, false);

describe('connection state', () => {
  test('starts connecting, or connected when the socket already is', () => {
    expect(connectionStatus(online)).toBe('connecting');
    expect(connectionStatus(initialConnectionState(true, true))).toBe('connected');
    expect(connectionStatus(initialConnectionState(false, false))).toBe('offline');
  });

  test('a failed first attempt stays "connecting" until socket.io starts retrying', () => {
    const state = run(online, { type: 'socket/connect_error', willRetry: true });
    expect(connectionStatus(state)).toBe('connecting');
    const retrying = run(state, { type: 'socket/reconnect_attempt', attempt: 1 });
    expect(connectionStatus(retrying)).toBe('reconnecting');
  });

  test('a dropped connection is "reconnecting" and counts attempts until it connects again', () => {
    const dropped = run(
      online,
      { type: 'socket/connect' },
      { type: 'socket/disconnect', willReconnect: true },
    );
    expect(connectionStatus(dropped)).toBe('reconnecting');
    expect(dropped.socket).toEqual({ phase: 'reconnecting', attempt: 0 });

    const third = run(
      dropped,
      { type: 'socket/reconnect_attempt', attempt: 1 },
      { type: 'socket/connect_error', willRetry: true },
      { type: 'socket/reconnect_attempt', attempt: 2 },
      { type: 'socket/connect_error', willRetry: true },
      { type: 'socket/reconnect_attempt', attempt: 3 },
    );
    expect(third.socket).toEqual({ phase: 'reconnecting', attempt: 3 });

    expect(connectionStatus(run(third, { type: 'socket/connect' }))).toBe('connected');
  });

  test.each([
    ['the server closes the socket', { type: 'socket/disconnect', willReconnect: false }, 'closed'],
    [
      'the server refuses the handshake',
      { type: 'socket/connect_error', willRetry: false },
      'refused',
    ],
    ['socket.io gives up retrying', { type: 'socket/reconnect_failed' }, 'gaveUp'],
  ] as const)('offline with a reason when %s', (_what, event, reason) => {
    const state = run(online, { type: 'socket/connect' }, event);
    expect(connectionStatus(state)).toBe('offline');
    expect(offlineReason(state)).toBe(reason);
  });

  test('asking to reconnect after a stop goes back to "connecting"', () => {
    const stopped = run(online, { type: 'socket/disconnect', willReconnect: false });
    const asked = run(stopped, { type: 'socket/connect_requested' });
    expect(connectionStatus(asked)).toBe('connecting');
    expect(offlineReason(asked)).toBeUndefined();
  });

  test('the browser going offline shows "offline" even while socket.io keeps retrying', () => {
    const state = run(
      online,
      { type: 'socket/connect' },
      { type: 'browser/offline' },
      { type: 'socket/disconnect', willReconnect: true },
      { type: 'socket/reconnect_attempt', attempt: 4 },
    );
    expect(connectionStatus(state)).toBe('offline');
    expect(offlineReason(state)).toBe('browser');

    const back = run(state, { type: 'browser/online' });
    expect(connectionStatus(back)).toBe('reconnecting');
    expect(connectionStatus(run(back, { type: 'socket/connect' }))).toBe('connected');
  });

  test('a live socket counts as connected even if the browser claims to be offline', () => {
    // Browsers report "offline" on a LAN without internet, where the server is still reachable.
    const state = run(online, { type: 'browser/offline' }, { type: 'socket/connect' });
    expect(connectionStatus(state)).toBe('connected');
    expect(offlineReason(state)).toBeUndefined();
  });

  test('a socket open before the browser went offline is not "connected" until it answers', () => {
    // socket.io notices a dead network only when its heartbeat times out, 25-45 s later.
    const state = run(online, { type: 'socket/connect' }, { type: 'browser/offline' });
    expect(connectionStatus(state)).toBe('offline');
    expect(offlineReason(state)).toBe('browser');
    // The server answered a ping: the browser's flag was wrong (a LAN without internet).
    expect(connectionStatus(run(state, { type: 'socket/alive' }))).toBe('connected');
    // The network came back: the socket still counts as connected until it says otherwise.
    expect(connectionStatus(run(state, { type: 'browser/online' }))).toBe('connected');
  });

  test('an event that changes nothing returns the same state object', () => {
    const connected = run(online, { type: 'socket/connect' });
    expect(connectionReducer(connected, { type: 'browser/online' })).toBe(connected);
    expect(connectionReducer(connected, { type: 'socket/connect_requested' })).toBe(connected);
  });
});
