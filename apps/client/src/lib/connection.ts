/**
 * Connection state as the user should see it, derived from socket.io-client events and the
 * browser's online/offline events. Pure: the provider feeds events in, tests do the same.
 */

/** What the status line shows. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why the socket stopped trying; it then waits for `socket.connect()`. */
export type StopReason = 'refused' | 'closed' | 'gaveUp';

export type SocketPhase =
  | { phase: 'connecting' }
  | { phase: 'connected' }
  | { phase: 'reconnecting'; attempt: number }
  | { phase: 'stopped'; reason: StopReason };

export interface ConnectionState {
  socket: SocketPhase;
  browserOnline: boolean;
  /**
   * The socket has shown it works (connected, or answered a ping) since the browser last said it
   * was offline. An open socket proves nothing by itself: when the network goes, socket.io only
   * notices after its heartbeat times out, half a minute and more later.
   */
  socketProven: boolean;
}

export type ConnectionEvent =
  | { type: 'socket/connect' }
  /** `willReconnect` is `socket.active` after the event: false when the server or we closed it. */
  | { type: 'socket/disconnect'; willReconnect: boolean }
  | { type: 'socket/reconnect_attempt'; attempt: number }
  /** `willRetry` is `socket.active`: false when the server refused the handshake. */
  | { type: 'socket/connect_error'; willRetry: boolean }
  | { type: 'socket/reconnect_failed' }
  /** The user or the app asked the socket to connect again. */
  | { type: 'socket/connect_requested' }
  /** The server answered on the open socket (a ping came back). */
  | { type: 'socket/alive' }
  | { type: 'browser/online' }
  | { type: 'browser/offline' };

export function initialConnectionState(
  browserOnline: boolean,
  socketConnected: boolean,
): ConnectionState {
  return {
    browserOnline,
    socket: socketConnected ? { phase: 'connected' } : { phase: 'connecting' },
    socketProven: socketConnected,
  };
}

function nextSocketPhase(current: SocketPhase, event: ConnectionEvent): SocketPhase {
  switch (event.type) {
    case 'socket/connect':
      return { phase: 'connected' };
    case 'socket/disconnect':
      return event.willReconnect
        ? { phase: 'reconnecting', attempt: 0 }
        : { phase: 'stopped', reason: 'closed' };
    case 'socket/reconnect_attempt':
      return { phase: 'reconnecting', attempt: event.attempt };
    case 'socket/connect_error':
      if (!event.willRetry) return { phase: 'stopped', reason: 'refused' };
      // A failed first attempt keeps "connecting"; a failed retry keeps its attempt number.
      return current.phase === 'connected' || current.phase === 'stopped'
        ? { phase: 'reconnecting', attempt: 0 }
        : current;
    case 'socket/reconnect_failed':
      return { phase: 'stopped', reason: 'gaveUp' };
    case 'socket/connect_requested':
      return current.phase === 'connected' ? current : { phase: 'connecting' };
    case 'socket/alive':
    case 'browser/online':
    case 'browser/offline':
      return current;
  }
}

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  const socket = nextSocketPhase(state.socket, event);
  const browserOnline =
    event.type === 'browser/online'
      ? true
      : event.type === 'browser/offline'
        ? false
        : state.browserOnline;
  const socketProven =
    event.type === 'socket/connect' || event.type === 'socket/alive'
      ? true
      : event.type === 'browser/offline'
        ? false
        : state.socketProven;
  if (
    socket === state.socket &&
    browserOnline === state.browserOnline &&
    socketProven === state.socketProven
  )
    return state;
  return { socket, browserOnline, socketProven };
}

/**
 * A socket that has worked since the browser said it was offline is proof of a network, so
 * "connected" then wins over the browser's flag (which can be wrong on a LAN without internet).
 * Otherwise a browser that says it is offline means offline, whatever the socket is still trying
 * or has not yet noticed.
 */
export function connectionStatus(state: ConnectionState): ConnectionStatus {
  if (state.socket.phase === 'connected' && (state.browserOnline || state.socketProven))
    return 'connected';
  if (!state.browserOnline) return 'offline';
  if (state.socket.phase === 'stopped') return 'offline';
  return state.socket.phase;
}

export type OfflineReason = StopReason | 'browser';

/** Why the status is "offline", or undefined when it is not. */
export function offlineReason(state: ConnectionState): OfflineReason | undefined {
  if (connectionStatus(state) !== 'offline') return undefined;
  if (!state.browserOnline) return 'browser';
  return state.socket.phase === 'stopped' ? state.socket.reason : undefined;
}
