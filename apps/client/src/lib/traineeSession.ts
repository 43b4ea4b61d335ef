import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  REVOKE_NOTICE_CODES,
  type CommandAck,
  type Handshake,
  type LobbyUpdated,
  type ServerNotice,
  type SessionEvents,
  type SessionRescored,
  type SessionSnapshot,
  type SessionUpdate,
} from '@crossroads/shared';
import { newCommandId } from './commandId';
import { watchLiveness } from './liveness';
import type { CrossroadsSocket } from './socket';
import { DraftStore } from './traineeDrafts';
import {
  Outbox,
  type CommandBody,
  type OutboxEntry,
  type OutboxTransport,
  type TraineeCommandName,
} from './traineeOutbox';
import {
  announcementsBetween,
  clockMoving,
  initialTraineeState,
  traineeReducer,
  type Announcement,
  type TraineeAction,
  type TraineeState,
} from './traineeState';
import type { KeyValueStorage, StoredCredential } from './traineeStorage';
import { sessionStore } from './traineeStorage';

/**
 * Codes of the notices with which the server closes a socket whose rights ended (the trainee's
 * place was removed): the trainee cannot get back in with this credential, so the store stops as
 * for a refused handshake instead of offering to reconnect.
 */
const REVOKING_CODES: ReadonlySet<string> = new Set(REVOKE_NOTICE_CODES);

/** How long to wait for an ack before sending the command again (same id). */
export const ACK_TIMEOUT_MS = 10_000;

/** The session socket as seen by the trainee, from their point of view. */
export type TraineeConnection =
  | { phase: 'connecting' }
  | { phase: 'connected' }
  | { phase: 'reconnecting'; attempt: number }
  /**
   * The server refused the credential (no automatic retry): `code` is the handshake error, or the
   * code of the notice the server closed an open socket with because its rights ended (`revoked`:
   * the trainee was removed from the session).
   */
  | { phase: 'refused'; code: string; message: string; revoked?: boolean }
  /** The socket stopped trying (closed by the server, or gave up): `reconnect()` tries again. */
  | { phase: 'stopped' };

/** One answered command, for feedback next to its form and in the live region. */
export interface Feedback {
  /** Increasing per session store, so the UI can tell a new answer from an old one. */
  id: number;
  commandId: string;
  name: TraineeCommandName;
  subject: string;
  ack: CommandAck;
  /** The chat text, for putting a refused message back in the box. */
  text?: string;
}

export interface TraineeSessionSnapshot {
  state: TraineeState;
  connection: TraineeConnection;
  pending: readonly OutboxEntry[];
  /** Latest answer per subject. */
  feedback: Readonly<Record<string, Feedback>>;
  /** Latest answer of all (what the live region announces). */
  lastFeedback: Feedback | null;
  /**
   * Latest server notice of this connection (forgotten on the next connect): the slow-consumer
   * reload, why the server closed the socket (see REVOKING_CODES), or a refusal without an ack.
   */
  notice: ServerNotice | null;
  /** What the last server message brought that is worth announcing (`id` increases). */
  announcement: { id: number; items: Announcement[] } | null;
}

/** The socket surface the store uses (a real socket.io socket, or a fake in tests). */
export type TraineeSocket = Pick<
  CrossroadsSocket,
  | 'on'
  | 'off'
  | 'onAny'
  | 'offAny'
  | 'io'
  | 'connect'
  | 'disconnect'
  | 'connected'
  | 'active'
  | 'timeout'
>;

export type AuthCallback = (cb: (auth: Handshake) => void) => void;
export type TraineeSocketFactory = (auth: AuthCallback) => TraineeSocket;

/**
 * A dedicated socket for the session (the app's shared socket stays anonymous for the status
 * line). `auth` is a function, so every reconnect sends the current `lastSeq`.
 */
export const createTraineeSocket: TraineeSocketFactory = (auth) =>
  io({ path: '/socket.io', forceNew: true, autoConnect: false, auth });

export interface TraineeSessionOptions {
  credential: StoredCredential;
  socketFactory?: TraineeSocketFactory;
  /** sessionStorage for drafts and the outbox. */
  storage?: KeyValueStorage | undefined;
  newId?: () => string;
  ackTimeoutMs?: number;
}

/**
 * One trainee's live session: the socket, the state built from server messages (see
 * `traineeReducer`), the outbox of pending commands and the drafts. Framework-free; React reads
 * it with `useSyncExternalStore(session.subscribe, session.getSnapshot)`.
 */
export class TraineeSession {
  readonly drafts: DraftStore;
  readonly outbox: Outbox;
  private socket: TraineeSocket | null = null;
  private snapshot: TraineeSessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private feedbackCounter = 0;
  private announcementCounter = 0;
  /** A `session.sync` is on its way (see requestSync). */
  private syncPending = false;
  /** Undoes what `start` attached (socket and window listeners). */
  private readonly detach: Array<() => void> = [];
  /**
   * The scenario clock counted here between server messages (see runClock): from `minutes` at
   * `at` (Date.now()) at `ratio`; `shown` is the value last dispatched or seen from the server.
   */
  private clock: {
    at: number;
    minutes: number;
    ratio: number;
    shown: number;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;

  constructor(private readonly options: TraineeSessionOptions) {
    const storage = 'storage' in options ? options.storage : sessionStore();
    this.drafts = new DraftStore(options.credential.session, storage);
    const transport: OutboxTransport = {
      connected: () => this.socket?.connected ?? false,
      send: (name, payload, onAck) => this.emit(name, payload, onAck),
    };
    this.outbox = new Outbox({
      session: options.credential.session,
      transport,
      storage,
      ...(options.newId ? { newId: options.newId } : {}),
    });
    this.snapshot = {
      state: initialTraineeState,
      connection: { phase: 'connecting' },
      pending: this.outbox.pending(),
      feedback: {},
      lastFeedback: null,
      notice: null,
      announcement: null,
    };
    this.outbox.subscribe(() => this.patch({ pending: this.outbox.pending() }));
    this.outbox.onSettled(({ entry, ack }) => this.settled(entry, ack));
  }

  get session(): string {
    return this.options.credential.session;
  }

  getSnapshot = (): TraineeSessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Opens the socket. The first handshake has no lastSeq, so the server sends a snapshot.
   * `stop()` then `start()` again is fine (React runs effects twice in development).
   */
  start(): void {
    if (this.socket) return;
    const factory = this.options.socketFactory ?? createTraineeSocket;
    const socket = factory((cb) => cb(this.handshake()));
    this.socket = socket;

    const on = <A extends unknown[]>(event: string, handler: (...args: A) => void) => {
      (socket.on as (e: string, h: (...args: A) => void) => unknown)(event, handler);
      this.detach.push(() =>
        (socket.off as (e: string, h: (...args: A) => void) => unknown)(event, handler),
      );
    };
    const onManager = <A extends unknown[]>(event: string, handler: (...args: A) => void) => {
      (socket.io.on as (e: string, h: (...args: A) => void) => unknown)(event, handler);
      this.detach.push(() =>
        (socket.io.off as (e: string, h: (...args: A) => void) => unknown)(event, handler),
      );
    };

    on('connect', () => {
      // A notice belongs to the connection it came on (the slow-consumer one comes after this).
      this.patch({ connection: { phase: 'connected' }, notice: null });
      this.outbox.flush();
    });
    on('disconnect', (reason: string) => {
      this.outbox.connectionLost();
      const notice = this.snapshot.notice;
      if (
        !socket.active &&
        reason === 'io server disconnect' &&
        notice !== null &&
        REVOKING_CODES.has(notice.code)
      ) {
        this.patch({
          connection: {
            phase: 'refused',
            code: notice.code,
            message: notice.message,
            revoked: true,
          },
        });
        return;
      }
      this.patch({
        connection: socket.active ? { phase: 'reconnecting', attempt: 0 } : { phase: 'stopped' },
      });
    });
    on('connect_error', (error: Error & { data?: Partial<ServerNotice> }) => {
      if (socket.active) {
        if (this.snapshot.connection.phase === 'connected') {
          this.patch({ connection: { phase: 'reconnecting', attempt: 0 } });
        }
        return;
      }
      this.patch({
        connection: {
          phase: 'refused',
          code: error.data?.code ?? error.message,
          message: error.data?.message ?? error.message,
        },
      });
    });
    onManager('reconnect_attempt', (attempt: number) =>
      this.patch({ connection: { phase: 'reconnecting', attempt } }),
    );
    onManager('reconnect_failed', () => this.patch({ connection: { phase: 'stopped' } }));
    on('session.snapshot', (snapshot: SessionSnapshot) =>
      this.dispatch({ type: 'snapshot', snapshot }),
    );
    on('session.update', (update: SessionUpdate) => this.dispatch({ type: 'update', update }));
    on('session.events', (batch: SessionEvents) => this.dispatch({ type: 'events', batch }));
    on('session.rescored', (rescored: SessionRescored) =>
      this.dispatch({ type: 'rescored', rescored }),
    );
    on('lobby.updated', (lobby: LobbyUpdated) => this.dispatch({ type: 'lobby', lobby }));
    on('notice', (notice: ServerNotice) => this.patch({ notice }));

    // Without this the trainee would see "sending" and no word of an outage until socket.io's
    // heartbeat times out.
    this.detach.push(
      watchLiveness(socket, {
        suspect: () => this.patch({ connection: { phase: 'reconnecting', attempt: 0 } }),
        alive: () => {
          if (this.snapshot.connection.phase === 'reconnecting') {
            this.patch({ connection: { phase: 'connected' } });
          }
        },
      }),
    );
    if (typeof window !== 'undefined') {
      // A socket that gave up would stay down although the network is back.
      const wake = () => this.reconnect();
      const onVisible = () => {
        if (document.visibilityState === 'visible') wake();
      };
      window.addEventListener('online', wake);
      document.addEventListener('visibilitychange', onVisible);
      this.detach.push(() => {
        window.removeEventListener('online', wake);
        document.removeEventListener('visibilitychange', onVisible);
      });
    }
    socket.connect();
  }

  /** Asks a socket that stopped trying to connect again (not one the server refused). */
  reconnect(): void {
    const socket = this.socket;
    if (!socket || socket.connected || socket.active) return;
    if (this.snapshot.connection.phase === 'refused') return;
    this.patch({ connection: { phase: 'connecting' } });
    socket.connect();
  }

  /** Forgets the last notice once the trainee has read it. */
  dismissNotice(): void {
    if (this.snapshot.notice !== null) this.patch({ notice: null });
  }

  /** Closes the socket. Pending commands stay in the outbox (and in sessionStorage). */
  stop(): void {
    this.stopClock();
    for (const undo of this.detach.splice(0)) undo();
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
    this.outbox.connectionLost();
  }

  /** Queues a command; it is sent now, or when the connection is back. */
  send<N extends TraineeCommandName>(
    name: N,
    body: CommandBody<N>,
    meta: { subject: string; clearDrafts?: string[] },
  ): Promise<CommandAck> {
    // The seat it is made from goes with it: if the facilitator moves the trainee before it
    // arrives (queued offline, say), the server refuses it rather than apply it elsewhere.
    const identity = this.snapshot.state.identity;
    const me = identity?.kind === 'participant' ? identity.participant : null;
    const seated =
      me?.team && me.role && !('seat' in body)
        ? { ...body, seat: { team: me.team, role: me.role } }
        : body;
    return this.outbox.submit(name, seated, meta).result;
  }

  /** Whether a command about `subject` is still waiting for its ack. */
  isPending(subject: string): boolean {
    return this.snapshot.pending.some((entry) => entry.subject === subject);
  }

  private handshake(): Handshake {
    const state = this.snapshot.state;
    return {
      protocol: PROTOCOL_VERSION,
      credential: { kind: 'participant', token: this.options.credential.token },
      session: this.options.credential.session,
      ...(state.loaded ? { lastSeq: state.seq } : {}),
    };
  }

  private emit(
    name: TraineeCommandName,
    payload: OutboxEntry['payload'],
    onAck: (error: Error | null, ack?: unknown) => void,
  ): void {
    const socket = this.socket;
    if (!socket) {
      onAck(new Error('not connected'));
      return;
    }
    const timed = socket.timeout(this.options.ackTimeoutMs ?? ACK_TIMEOUT_MS);
    // The typed emit cannot take a name chosen at run time; the payload was built from the
    // command's own schema type by `send`.
    const emit = timed.emit as unknown as (
      event: string,
      payload: unknown,
      ack: (error: Error | null, response?: unknown) => void,
    ) => void;
    emit.call(timed, name, payload, onAck);
  }

  /**
   * Asks for a snapshot after a view patch did not fit the held view. One at a time: a later
   * mismatch while none is pending asks again (a refused sync, rate-limited say, is retried so).
   */
  private requestSync(): void {
    const socket = this.socket;
    if (!socket?.connected || this.syncPending) return;
    this.syncPending = true;
    const timed = socket.timeout(this.options.ackTimeoutMs ?? ACK_TIMEOUT_MS);
    // The typed emit cannot be narrowed to one command here; the payload is sessionSyncSchema's.
    const emit = timed.emit as unknown as (
      event: string,
      payload: unknown,
      ack: (error: Error | null, response?: unknown) => void,
    ) => void;
    emit.call(timed, 'session.sync', { commandId: (this.options.newId ?? newCommandId)() }, () => {
      this.syncPending = false;
    });
  }

  private settled(entry: OutboxEntry, ack: CommandAck): void {
    if (ack.status === 'accepted') this.drafts.clear(entry.clearDrafts);
    this.feedbackCounter += 1;
    const text = typeof entry.payload.text === 'string' ? entry.payload.text : undefined;
    const feedback: Feedback = {
      id: this.feedbackCounter,
      commandId: entry.commandId,
      name: entry.name,
      subject: entry.subject,
      ack,
      ...(text !== undefined ? { text } : {}),
    };
    this.patch({
      feedback: { ...this.snapshot.feedback, [entry.subject]: feedback },
      lastFeedback: feedback,
    });
  }

  private dispatch(action: TraineeAction): void {
    const before = this.snapshot.state;
    const state = traineeReducer(before, action);
    if (state === before) return;
    if (state.syncNeeded !== 0 && state.syncNeeded !== before.syncNeeded) this.requestSync();
    const items = announcementsBetween(before, state);
    if (items.length === 0) {
      this.patch({ state });
    } else {
      this.announcementCounter += 1;
      this.patch({ state, announcement: { id: this.announcementCounter, items } });
    }
    this.runClock();
  }

  /**
   * Moves the scenario clock between server messages while it runs (`clockMoving`): the server's
   * ticker sends its minutes to a trainee only with a changed view (or its update's patch), so the
   * client adds whole minutes at the session's time ratio itself, counted from the last value the
   * server gave (or the moment the clock started running). A value from the server (a view, a
   * patch of the minutes, a facilitator's clock move) counts from anew; a pause, the session's
   * end or the team's ending stops it. It lags the server's count by less than a minute (the
   * server's fraction of a minute is not sent), and the next view or patch sets it right.
   */
  private runClock(): void {
    const state = this.snapshot.state;
    const ratio = state.session?.settings.timeRatio ?? 0;
    const minutes = state.view?.clock.minutes ?? 0;
    if (!clockMoving(state)) {
      this.stopClock();
      return;
    }
    const held = this.clock;
    if (held !== null && held.shown === minutes && held.ratio === ratio) return;
    if (held !== null) clearTimeout(held.timer);
    const at = Date.now();
    this.clock = { at, minutes, ratio, shown: minutes, timer: this.clockTimer(at, ratio) };
  }

  /** The timer of the clock's next whole minute (at most one a second at high ratios). */
  private clockTimer(at: number, ratio: number): ReturnType<typeof setTimeout> {
    const perMinute = 60_000 / ratio;
    const counted = Math.floor((Date.now() - at) / perMinute);
    const due = Math.max(at + (counted + 1) * perMinute, Date.now() + 1000);
    return setTimeout(() => {
      const clock = this.clock;
      if (clock === null) return;
      const next = clock.minutes + Math.floor((Date.now() - clock.at) / perMinute);
      clock.shown = next;
      this.dispatch({ type: 'clock', minutes: next });
      // Still the same count (not stopped, nor set anew from a capped value): the next minute.
      if (this.clock === clock) {
        clock.shown = this.snapshot.state.view?.clock.minutes ?? next;
        clock.timer = this.clockTimer(clock.at, clock.ratio);
      }
    }, due - Date.now());
  }

  private stopClock(): void {
    if (this.clock !== null) clearTimeout(this.clock.timer);
    this.clock = null;
  }

  private patch(change: Partial<TraineeSessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
