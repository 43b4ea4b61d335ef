import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import {
  ErrorCode,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type ServerNotice,
} from '@crossroads/shared';
import {
  CommandClient,
  createSessionSocket,
  type CommandLabel,
  type CommandRecord,
  type CommandSocket,
  type SessionSocketFactory,
  type StaffKind,
} from '../lib/facilitatorSocket';
import { watchLiveness } from '../lib/liveness';
import { consoleReducer, initialConsoleState, type ConsoleState } from './consoleState';

/** Which socket factory the console uses; tests provide a fake. */
export const SessionSocketFactoryContext = createContext<SessionSocketFactory>(createSessionSocket);

export type ConsoleConnection =
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'reconnecting' }
  /**
   * The server refused the handshake or closed the socket; it will not retry by itself. `revoked`:
   * it closed an open socket, with a notice, because the rights it was opened with ended.
   */
  | { status: 'refused'; code: string; message: string; revoked: boolean };

export type SendCommand = <N extends CommandName>(
  name: N,
  body: Omit<CommandPayload<N>, 'commandId'>,
  label: CommandLabel,
) => Promise<CommandAck>;

export interface SessionConsole {
  state: ConsoleState;
  connection: ConsoleConnection;
  /** Commands can be sent (the socket is connected and a snapshot is in). */
  canSend: boolean;
  send: SendCommand;
  /** Recent commands, newest first, with their ack state. */
  commands: CommandRecord[];
  /** Connect again after a refusal or a server-side close. */
  retry: () => void;
  /** The server had closed the console's previous connection for falling behind; now reloaded. */
  resynced: boolean;
  dismissResynced: () => void;
  /**
   * The latest other notice of this connection the server sent without closing it (a refusal
   * without an ack, say), until dismissed or the next connection; null when none. A notice the
   * server closes the socket after is the refusal's reason instead (`connection`).
   */
  notice: ServerNotice | null;
  dismissNotice: () => void;
}

const RECENT_COMMANDS = 6;

function upsert(list: CommandRecord[], record: CommandRecord): CommandRecord[] {
  const rest = list.filter((r) => r.commandId !== record.commandId);
  const index = list.findIndex((r) => r.commandId === record.commandId);
  if (index === -1) return [record, ...rest].slice(0, RECENT_COMMANDS);
  const next = [...list];
  next[index] = record;
  return next;
}

/**
 * Opens the staff socket of one session and keeps the console state from its messages. The socket
 * is closed when the component unmounts or the session/credential changes.
 */
export function useSessionConsole(options: {
  sessionId: string;
  kind: StaffKind;
  token: string;
}): SessionConsole {
  const { sessionId, kind, token } = options;
  const factory = useContext(SessionSocketFactoryContext);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const [connection, setConnection] = useState<ConsoleConnection>({ status: 'connecting' });
  const [commands, setCommands] = useState<CommandRecord[]>([]);
  const [attempt, setAttempt] = useState(0);
  const lastSeq = useRef<number | undefined>(undefined);
  const client = useRef<CommandClient | null>(null);
  const syncRequested = useRef(false);
  const [resynced, setResynced] = useState(false);
  const [shownNotice, setShownNotice] = useState<ServerNotice | null>(null);

  useEffect(() => {
    lastSeq.current = state.ready ? state.seq : undefined;
  }, [state.ready, state.seq]);

  useEffect(() => {
    // A new socket starts from a snapshot: its lastSeq belongs to the old one's stream.
    lastSeq.current = undefined;
    const socket = factory({ kind, token, session: sessionId, lastSeq: () => lastSeq.current });
    const commandClient = new CommandClient(socket as unknown as CommandSocket, {
      onChange: (record) => setCommands((list) => upsert(list, record)),
    });
    client.current = commandClient;

    // The server says why before it closes a socket whose rights ended (removed, made observer,
    // logged out, login expired); the refusal then shows that reason.
    let notice: ServerNotice | null = null;
    socket.on('notice', (n) => {
      notice = n;
      if (n.code === ErrorCode.SlowConsumer) setResynced(true);
      else setShownNotice(n);
    });
    socket.on('connect', () => {
      notice = null;
      setShownNotice(null);
      setConnection({ status: 'connected' });
    });
    socket.on('disconnect', (reason) => {
      if (socket.active) setConnection({ status: 'reconnecting' });
      else if (reason !== 'io client disconnect')
        setConnection(
          notice && reason === 'io server disconnect'
            ? { status: 'refused', code: notice.code, message: notice.message, revoked: true }
            : { status: 'refused', code: 'closed', message: reason, revoked: false },
        );
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      if (socket.active) {
        setConnection((c) => (c.status === 'connecting' ? c : { status: 'reconnecting' }));
        return;
      }
      setConnection({
        status: 'refused',
        code: error.data?.code ?? error.message,
        message: error.data?.message ?? error.message,
        revoked: false,
      });
    });
    // Without this the console would say "Live" on a laptop gone offline until socket.io's
    // heartbeat times out.
    const stopWatching = watchLiveness(socket, {
      suspect: () => setConnection({ status: 'reconnecting' }),
      alive: () =>
        setConnection((c) => (c.status === 'reconnecting' ? { status: 'connected' } : c)),
    });

    socket.on('session.snapshot', (snapshot) => {
      syncRequested.current = false;
      dispatch({ type: 'snapshot', snapshot });
    });
    socket.on('session.update', (update) => dispatch({ type: 'update', update }));
    socket.on('session.events', (batch) => dispatch({ type: 'events', batch }));
    socket.on('session.rescored', (rescored) => dispatch({ type: 'rescored', rescored }));
    socket.on('lobby.updated', (message) => dispatch({ type: 'lobby', message }));
    socket.on('presence.updated', (message) => dispatch({ type: 'presence', message }));
    socket.connect();

    return () => {
      stopWatching();
      commandClient.dispose();
      client.current = null;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [factory, kind, token, sessionId, attempt]);

  // Missed events: ask for a fresh snapshot once.
  useEffect(() => {
    if (!state.gap || syncRequested.current || connection.status !== 'connected') return;
    syncRequested.current = true;
    // Not the facilitator's doing: no label, so the command log leaves it out.
    void client.current?.send('session.sync', {});
  }, [state.gap, connection.status]);

  const send = useCallback<SendCommand>((name, body, label) => {
    const current = client.current;
    if (!current) {
      return Promise.resolve({
        status: 'rejected',
        code: 'protocol/internal',
        message: 'The console is not connected.',
      });
    }
    return current.send(name, body, label);
  }, []);

  const retry = useCallback(() => {
    setConnection({ status: 'connecting' });
    setAttempt((n) => n + 1);
  }, []);

  const dismissResynced = useCallback(() => setResynced(false), []);
  const dismissNotice = useCallback(() => setShownNotice(null), []);

  return {
    state,
    connection,
    canSend: connection.status === 'connected' && state.ready,
    send,
    commands,
    retry,
    resynced,
    dismissResynced,
    notice: shownNotice,
    dismissNotice,
  };
}
