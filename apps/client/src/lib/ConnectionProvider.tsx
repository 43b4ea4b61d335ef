import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useState,
  type ReactNode,
} from 'react';
import {
  connectionReducer,
  connectionStatus,
  initialConnectionState,
  offlineReason,
  type ConnectionState,
  type ConnectionStatus,
  type OfflineReason,
} from './connection';
import { browserOnline, watchLiveness } from './liveness';
import { measureRtt } from './ping';
import type { CrossroadsSocket } from './socket';

export const PING_INTERVAL_MS = 15_000;
export const FIRST_PING_DELAY_MS = 1_500;

export interface ConnectionInfo {
  status: ConnectionStatus;
  /** Reconnection attempt number while reconnecting (0 before the first retry). */
  attempt: number;
  offlineReason: OfflineReason | undefined;
  /** Last measured round trip of the `ping` command, or null while unknown. */
  rttMs: number | null;
  /** Asks a socket that stopped trying to connect again. */
  reconnect: () => void;
}

const SocketContext = createContext<CrossroadsSocket | null>(null);
const ConnectionContext = createContext<ConnectionInfo | null>(null);

/** Feeds socket.io and browser events into the connection reducer; returns the state. */
function useConnectionState(socket: CrossroadsSocket): [ConnectionState, () => void] {
  const [state, dispatch] = useReducer(connectionReducer, undefined, () =>
    initialConnectionState(browserOnline(), socket.connected),
  );

  useEffect(() => {
    const onConnect = () => dispatch({ type: 'socket/connect' });
    const onDisconnect = () =>
      dispatch({ type: 'socket/disconnect', willReconnect: socket.active });
    const onConnectError = () =>
      dispatch({ type: 'socket/connect_error', willRetry: socket.active });
    const onAttempt = (attempt: number) => dispatch({ type: 'socket/reconnect_attempt', attempt });
    const onFailed = () => dispatch({ type: 'socket/reconnect_failed' });
    const onOnline = () => {
      dispatch({ type: 'browser/online' });
      // A socket that gave up would otherwise stay down although the network is back.
      if (!socket.active) {
        dispatch({ type: 'socket/connect_requested' });
        socket.connect();
      }
    };
    const onOffline = () => dispatch({ type: 'browser/offline' });

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.io.on('reconnect_attempt', onAttempt);
    socket.io.on('reconnect_failed', onFailed);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    // The browser may be wrong (a LAN without internet): the server heard on the open socket
    // says so. Registered after onOffline, so its word comes after the browser's.
    const stopWatching = watchLiveness(socket, { alive: () => dispatch({ type: 'socket/alive' }) });
    // The socket may have connected between the first render and this effect.
    if (socket.connected) onConnect();

    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.io.off('reconnect_attempt', onAttempt);
      socket.io.off('reconnect_failed', onFailed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      stopWatching();
    };
  }, [socket]);

  const reconnect = useCallback(() => {
    if (socket.connected) return;
    dispatch({ type: 'socket/connect_requested' });
    socket.connect();
  }, [socket]);

  return [state, reconnect];
}

/** Measures the ping round trip now and every `intervalMs` while connected. */
function useRtt(
  socket: CrossroadsSocket,
  connected: boolean,
  intervalMs: number,
  firstDelayMs: number,
): number | null {
  const [rttMs, setRttMs] = useState<number | null>(null);

  useEffect(() => {
    if (!connected) return;
    let disposed = false;
    const measure = () => {
      measureRtt(socket).then(
        (ms) => {
          if (!disposed) setRttMs(ms);
        },
        () => {
          if (!disposed) setRttMs(null);
        },
      );
    };
    // The first sample waits for socket.io to finish upgrading from long-polling to a
    // WebSocket, so it shows the latency the session will actually have.
    const first = setTimeout(measure, firstDelayMs);
    const timer = setInterval(measure, intervalMs);
    return () => {
      disposed = true;
      clearTimeout(first);
      clearInterval(timer);
      // A figure from a previous connection would mislead.
      setRttMs(null);
    };
  }, [socket, connected, intervalMs, firstDelayMs]);

  return rttMs;
}

export interface ConnectionProviderProps {
  socket: CrossroadsSocket;
  pingIntervalMs?: number;
  firstPingDelayMs?: number;
  children: ReactNode;
}

/** Makes the app's socket and its connection state available to every page. */
export function ConnectionProvider({
  socket,
  pingIntervalMs = PING_INTERVAL_MS,
  firstPingDelayMs = FIRST_PING_DELAY_MS,
  children,
}: ConnectionProviderProps) {
  const [state, reconnect] = useConnectionState(socket);
  const status = connectionStatus(state);
  const rttMs = useRtt(socket, status === 'connected', pingIntervalMs, firstPingDelayMs);
  const attempt = state.socket.phase === 'reconnecting' ? state.socket.attempt : 0;
  const reason = offlineReason(state);

  const info = useMemo<ConnectionInfo>(
    () => ({ status, attempt, offlineReason: reason, rttMs, reconnect }),
    [status, attempt, reason, rttMs, reconnect],
  );

  return (
    <SocketContext.Provider value={socket}>
      <ConnectionContext.Provider value={info}>{children}</ConnectionContext.Provider>
    </SocketContext.Provider>
  );
}

/** The app's typed socket: `useSocket().timeout(5000).emitWithAck('command', payload)`. */
export function useSocket(): CrossroadsSocket {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('useSocket must be used inside <ConnectionProvider>');
  return socket;
}

/** Connection status, reconnection attempt and ping round trip, for any component. */
export function useConnection(): ConnectionInfo {
  const info = useContext(ConnectionContext);
  if (!info) throw new Error('useConnection must be used inside <ConnectionProvider>');
  return info;
}
