/**
 * The ports a SessionHost runs on. A host owns one live session (plan → apply → append → project
 * → emit, and the connect / drop / reconnect / leave lifecycle); everything it needs from the
 * outside world comes through these interfaces, so the same host runs on SQLite in one process,
 * on PostgreSQL behind several processes, and on in-memory fakes in unit tests.
 *
 * Every storage method returns a Promise even where today's SQLite adapter answers synchronously:
 * a network database cannot, and a host written against a synchronous store would silently rely
 * on nothing else running between its read and its write. Hosts therefore serialise their own
 * commands (one at a time per session, in memory) and let the store serialise writers across
 * processes (expected head, see EventStore.append).
 */
import type {
  LogEvent,
  Presence as PresenceStatus,
  ServerToClientEvents,
  SessionSettings,
  SessionStatus,
} from '@crossroads/shared';

// ---- event store ------------------------------------------------------------------------------

/** An event about to be stored, with who sent it (for idempotency and audit). */
export interface StoredEvent {
  /** Fully formed: seq (head + 1, + 2, …), at, time, team, role, participant, type, payload. */
  event: LogEvent;
  commandId: string | null;
  actor: string | null;
  /** Set on the event that carries the command id: see commandDigest() in sessions.service. */
  commandDigest?: string | null;
}

/** A participant row written in the same transaction as its `participant.joined` event. */
export interface NewParticipant {
  id: string;
  session_id: string;
  display_name: string;
  team_id: string | null;
  role: string | null;
  /** SHA-256 of the participant's token: the log never holds it, so it travels beside the event. */
  token_hash: string;
  presence: PresenceStatus;
  joined_at: string;
  last_seen_at: string | null;
}

/** Team engine states at a seq, so a restart does not replay the whole log. */
export interface Checkpoint {
  seq: number;
  /** Team id → engine state, JSON-serialisable; opaque to the store. */
  teams: unknown;
  /** When it was taken (ISO time), normally the `at` of the event at `seq`. */
  at: string;
}

export interface AppendRequest {
  sessionId: string;
  /**
   * The seq of the last event the writer planned against. The append succeeds only if it is still
   * the session's head; the events must then carry seq expectedHead + 1, + 2, … in order.
   */
  expectedHead: number;
  /** At least one event. */
  events: StoredEvent[];
  /**
   * The client's command id, also set as `commandId` on the last event (so a repeat is answered
   * with the last seq). When given, the store looks it up inside the transaction: a command that
   * was already applied is reported as `duplicate` and nothing is written. A writer that looked the
   * id up itself just before may leave this out: the unique (session, command id) key still guards
   * the events' own commandId, and the store answers a violation with `duplicate` all the same.
   */
  commandId?: string;
  /** Stored with the command id (see StoredEvent.commandDigest); informative for the store. */
  commandDigest?: string;
  /** Saved in the same transaction; stores keep at least the latest two per session. */
  checkpoint?: Checkpoint;
  /** A trainee joining: the participant row is inserted together with its joined event. */
  participant?: NewParticipant;
  /**
   * The writer's session lease (see session-leases.ts), when processes share the store: the
   * append is refused as `fenced` unless the session's lease is still this owner's with this
   * token, checked inside the transaction. Without it nothing is checked (one process).
   */
  fence?: Fence;
}

/** The owner and fencing token of a session lease, as an append carries them. */
export interface Fence {
  owner: string;
  token: number;
}

/**
 * What an append did. `stale`: another writer moved the head first (the writer catches up from
 * `head` and plans again). `duplicate`: the command id was applied before, at `seq`. `fenced`:
 * the writer's lease was taken over (`holder`, null when there is no lease): it no longer owns the
 * session and must stop writing; nothing was written.
 */
export type AppendResult =
  | { kind: 'appended' }
  | { kind: 'stale'; head: number }
  | { kind: 'duplicate'; seq: number }
  | { kind: 'fenced'; holder: Fence | null };

/** The event that recorded a command id. */
export interface RecordedCommand {
  seq: number;
  actor: string | null;
  /** Null for commands recorded before digests were stored. */
  digest: string | null;
}

/**
 * The session event log: the truth every live session is rebuilt from.
 *
 * `append` is the only write and it is atomic: in one transaction it
 *  0. if `fence` is given, checks that the session's lease is still the fence's, else answers
 *     `fenced` (the lease row stays locked until commit, so a takeover waits for this append);
 *  1. checks that the session's head (highest seq) equals `expectedHead`, else answers `stale`
 *     (a unique (session, seq) key must back this up: two processes that both read the same head
 *     must not both insert);
 *  2. if `commandId` is given, looks it up, and answers `duplicate` with its seq if present (a
 *     unique (session, command id) key backs this up; a violation of either key is a `stale` or
 *     a `duplicate`, never an error);
 *  3. inserts the events and the participant, if any;
 *  4. applies the session-row projections of the events (see sessionRowChanges below: status with
 *     started_at/ended_at, settings, debrief released, participant team/role), so the REST reads
 *     of the session row never disagree with the log;
 *  5. saves the checkpoint, if any.
 * Nothing is written unless everything is. Any other failure rejects the promise.
 */
export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  /** Events with seq > afterSeq, in seq order; at most `limit` when given. */
  readFrom(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]>;
  /** Every event of the given types, in seq order (e.g. status events for the running time). */
  readTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]>;
  /** The highest seq of the session (0 before its first event). */
  head(sessionId: string): Promise<number>;
  latestCheckpoint(sessionId: string): Promise<Omit<Checkpoint, 'at'> | undefined>;
  /** The event that recorded this command id, if it was applied. */
  command(sessionId: string, commandId: string): Promise<RecordedCommand | undefined>;
}

/** One change to the session row (or a participant row) that an event implies. */
export type SessionRowChange =
  | { kind: 'status'; status: SessionStatus; at: string }
  | { kind: 'settings'; settings: SessionSettings }
  | { kind: 'debriefReleased' }
  | { kind: 'participantMoved'; participant: string; team: string; role: string };

/**
 * The session-row projections of one event, for EventStore implementations (step 4 of append).
 * A status of `running` sets started_at only if it is not set yet (a resume keeps the first
 * start); `ended` sets ended_at.
 */
export function sessionRowChanges(event: LogEvent): SessionRowChange[] {
  switch (event.type) {
    case 'session.started':
    case 'session.resumed':
      return [{ kind: 'status', status: 'running', at: event.at }];
    case 'session.paused':
      return [{ kind: 'status', status: 'paused', at: event.at }];
    case 'session.ended':
      return [{ kind: 'status', status: 'ended', at: event.at }];
    case 'debrief.released':
      return [{ kind: 'debriefReleased' }];
    case 'settings.changed':
      return [{ kind: 'settings', settings: event.payload.settings }];
    case 'participant.moved':
      return [
        {
          kind: 'participantMoved',
          participant: event.payload.participant,
          team: event.payload.team,
          role: event.payload.role,
        },
      ];
    default:
      return [];
  }
}

// ---- broadcaster ------------------------------------------------------------------------------

/**
 * Who a message goes to, within one session. The groups are those the need-to-know rules are
 * written for, so a view is computed once per group and serialised once per group.
 */
export type Recipients =
  | { kind: 'all' }
  | { kind: 'staff' }
  /** Every trainee of a team, whatever their agency (lobby, presence). */
  | { kind: 'team'; team: string }
  /** The trainees of one agency in one team: they share one view. */
  | { kind: 'group'; team: string; role: string }
  /** Trainees without a seat yet. */
  | { kind: 'unassigned' }
  | { kind: 'participant'; participant: string };

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** The recipient sets of a Broadcaster.emit, as a list. */
export function recipientList(to: Recipients | readonly Recipients[]): readonly Recipients[] {
  return 'kind' in to ? [to] : to;
}

/** One client connection as the host sees it (a socket, or a fake in tests). */
export interface Connection {
  /** Unique among live connections of this process. */
  readonly id: string;
  /** The public origin the client reached the server on: snapshots build join links with it. */
  readonly origin: string;
  send<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void;
  /** Replaces the connection's recipient sets in `sessionId` (it leaves any others). */
  setRecipients(sessionId: string, sets: Recipients[]): void;
  /** Closes the connection after telling it why (its rights ended). */
  close(notice?: ServerEventPayload<'notice'>): void;
}

/**
 * Fan-out of one session's messages to recipient sets. Cross-process implementations deliver to
 * the connections of every process; `hasRecipients` may then over-report (it only lets the host
 * skip computing a view nobody would receive), never under-report.
 */
export interface Broadcaster {
  /**
   * Sends to every connection in `to`; several sets (one message meant for each, all the same
   * JSON) reach each connection in any of them once, and the message is serialised once.
   */
  emit<E extends ServerEventName>(
    sessionId: string,
    to: Recipients | readonly Recipients[],
    event: E,
    payload: ServerEventPayload<E>,
  ): void;
  hasRecipients(sessionId: string, to: Recipients): boolean;
}

// ---- clock ------------------------------------------------------------------------------------

export interface Timer {
  cancel(): void;
}

/**
 * Time and timers. Hosts never read Date.now() or call setTimeout themselves, so a fake clock can
 * drive the scenario clock, presence timeouts and time limits in unit tests exactly.
 * Timers never keep the process alive.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  after(ms: number, fn: () => void): Timer;
  every(ms: number, fn: () => void): Timer;
  /** Runs `fn` in a later turn of the event loop, after pending I/O (setImmediate). */
  defer(fn: () => void): void;
}

// ---- presence ---------------------------------------------------------------------------------

export interface PresenceChange {
  sessionId: string;
  participantId: string;
  presence: PresenceStatus;
  at: string;
}

/**
 * Where presence changes are kept (participant row and presence log, for attendance reports).
 * Presence is not part of the event log: `record` may batch and lose the last fraction of a
 * second in a crash, never an event. Readers of the presence log call `flush` first.
 */
export interface Presence {
  record(change: PresenceChange): void;
  flush(): Promise<void>;
}
