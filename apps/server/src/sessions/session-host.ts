import { hash } from 'node:crypto';
import {
  ErrorCode,
  LIMITS,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type LogEvent,
  type Presence as PresenceStatus,
  type RoleView,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
  type TeamPatch,
} from '@crossroads/shared';
import { AppError, rejectedAck } from '../auth/rest-error';
import type { TeamState } from '../catalogue/runtime';
import { checkDisplayNameFree } from './display-name';
import { isEngineEvent, type HeldView, type LiveSession } from './live-session';
import type {
  Broadcaster,
  Checkpoint,
  Clock,
  Connection,
  EventStore,
  Fence,
  NewParticipant,
  Presence,
  Recipients,
  RecordedCommand,
} from './ports';
import { actorId, type Principal } from './principal';
import { checkStatus, plan, type Draft } from './session-plan';
import type { ClockLease, SessionOptions } from './session-options';
import { SCORE_REFRESH_MS, type SessionViews } from './session-views';
import { diffCards } from './card-diff';
import { diffViews } from './view-diff';
import {
  cardVersion,
  localViewVersion,
  patchIfSmaller,
  smallerPatchJson,
  viewVersion,
} from './view-versions';
import { rememberJson } from '../realtime/known-json';

export type { Draft } from './session-plan';

/** How a group's changed view travels in its `session.update`. */
type ViewChange = Pick<SessionUpdate, 'view' | 'viewVersion' | 'viewPatch'>;

/** How the changed team cards travel in the staff's `session.update`. */
type CardChange = Pick<SessionUpdate, 'teams' | 'teamVersions' | 'teamPatches'>;

/** The card the staff last got for a team, and its version. */
interface HeldCard {
  card: TeamCard;
  version: string;
  /**
   * A snapshot or catch-up batch gave one staff connection this card under a new version: the
   * others still hold the card before, so the team's next update carries it whole.
   */
  resend: boolean;
}

/** What `commit` did. */
export interface Committed {
  events: LogEvent[];
  /** Set when the command id had been applied before (nothing new was written). */
  duplicateSeq?: number;
}

export interface CommitOptions {
  commandId?: string;
  /** Stored with the command id: see commandDigest(). */
  commandDigest?: string;
  /**
   * The caller answers a command id that is in the log already itself: the store need not look
   * it up on the first attempt (its unique key still reports the repeat as `duplicate`).
   */
  checkedCommand?: boolean;
  actor?: string | null;
  /** A trainee joining: inserted with the events (see AppendRequest.participant). */
  participant?: NewParticipant;
  /** The clock ticker's minutes (advanceClocks): see publish(). */
  ticker?: boolean;
}

/** The projections a host needs from the need-to-know rules (SessionViews implements them). */
export type Projector = Pick<
  SessionViews,
  | 'seatOf'
  | 'visibleToSeat'
  | 'eventForSeat'
  | 'filter'
  | 'view'
  | 'card'
  | 'cardJson'
  | 'cards'
  | 'lobby'
  | 'snapshot'
  | 'scoresStale'
  | 'refreshScores'
  | 'freshenScores'
>;

/** The logger calls a host makes (pino's shape). */
export interface HostLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface HostPorts {
  store: EventStore;
  broadcaster: Broadcaster;
  clock: Clock;
  presence: Presence;
  views: Projector;
  logger: HostLogger;
  /** Which process runs this session's clock (always this one without a cluster). */
  lease?: ClockLease;
  /** The session lease the host writes under when processes share the store (see below). */
  ownership?: HostOwnership;
}

/**
 * The host's side of its session lease (session-leases.ts) in a cluster: every append carries the
 * lease's fence, and the store refuses it once another process took the session over. Without
 * ownership (one process) appends are not fenced.
 */
export interface HostOwnership {
  /** The fence of the lease this process holds, or null when it holds it no longer. */
  fence(): Fence | null;
  /** An append was refused as fenced: `holder` owns the session now (null: nobody). */
  lost(holder: Fence | null): void;
}

/**
 * A command reached a host whose process no longer owns the session: nothing was written, and the
 * command may be sent again (to the owner).
 */
export class SessionMoved extends AppError {
  constructor(readonly holder: Fence | null) {
    super(
      ErrorCode.Internal,
      'This session is now run by another server process; nothing was changed, send it again.',
    );
  }
}

/** Work the clock ticker found due for a session; run it in its own turn. */
export type TickWork = () => Promise<void>;

const MAX_ATTEMPTS = 8;

/** Event types after which every team's view may change (status, settings). */
const SESSION_WIDE = new Set([
  'session.started',
  'session.paused',
  'session.resumed',
  'session.ended',
  'settings.changed',
  'debrief.released',
]);

/**
 * In a session with hints, a decision (or a joint decision's signature) whose team has a trainee
 * connected brings the score refresh forward to this long after it (ms), so its findings reach the
 * deciding trainees within about a second of the ack instead of at the session's next score slot
 * (2.5 to 7.5 s away right after the briefing). Decisions within this wait share one refresh.
 */
export const HINT_REFRESH_DELAY_MS = 200;

/**
 * The least time (ms) from the start of one score refresh to that of a refresh a decision brought
 * forward: a session whose trainees decide without pause refreshes at most this often.
 */
export const HINT_REFRESH_SPACING_MS = 600;

/** The events that give a decision findings of its own: the hints' subjects. */
const DECIDING = new Set(['decision.made', 'joint.signed']);

/**
 * A session's offset (ms) within a period of `period` ms, the same every time (from its id):
 * periodic work of sessions that started together falls at different moments of the period.
 */
export function phaseOf(id: string, period: number): number {
  let hash = 2166136261; // FNV-1a
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) % period;
}

/** The first time (ms) at or after `time` that lies `phase` ms into a period of `period` ms. */
export function slotFrom(time: number, phase: number, period: number): number {
  return time + ((((phase - time) % period) + period) % period);
}

/**
 * JSON with object keys sorted (keys whose value is undefined left out, as JSON.stringify does),
 * so equal payloads give equal text whatever the key order; `skip` is a key left out of the
 * outermost object. Built by concatenation: it runs for every command, and the entries, filter,
 * sort and map arrays of each level were garbage at once.
 */
function canonical(value: unknown, skip?: string): string {
  if (value === null || typeof value !== 'object') {
    // undefined (and functions) give '' in an array, as `[undefined].join()` does.
    return (JSON.stringify(value) as string | undefined) ?? '';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += canonical(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Own keys are distinct, so the default (UTF-16 code unit) order is the a < b order.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined || key === skip) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonical(field)}`;
  }
  return `${out}}`;
}

/** SHA-256 of a command's name and validated payload without its commandId. */
export function commandDigest(name: CommandName, payload: object): string {
  // One-shot hash: no Hash object per command.
  return hash('sha256', `${name}\u0000${canonical(payload, 'commandId')}`, 'hex');
}

/** The recipient sets a principal's connection belongs to. */
function recipientsOf(live: LiveSession, principal: Principal): Recipients[] {
  const sets: Recipients[] = [{ kind: 'all' }];
  if (principal.kind !== 'participant') return [...sets, { kind: 'staff' }];
  const row = live.participants.get(principal.participantId);
  sets.push({ kind: 'participant', participant: principal.participantId });
  if (row?.team_id && row.role) {
    sets.push(
      { kind: 'team', team: row.team_id },
      { kind: 'group', team: row.team_id, role: row.role },
    );
  } else {
    sets.push({ kind: 'unassigned' });
  }
  return sets;
}

/**
 * The authority over one live session: plan → apply → append → project per recipient → emit, and
 * the connect / drop / reconnect / leave lifecycle of its connections.
 *
 * Commands run one at a time (`exclusive`): each plans against the in-memory state, appends with
 * the head it planned against, and applies only what the store accepted. The store decides
 * between writers of different processes (a `stale` answer: catch up from the log, plan again);
 * the queue decides between the callers of this host, because an asynchronous store lets other
 * JavaScript run between the plan and the append.
 */
export class SessionHost {
  private queue: Promise<unknown> = Promise.resolve();
  /** The host's connections and who each one is (refreshed on every sync). */
  private readonly connections = new Map<string, { conn: Connection; principal: Principal }>();
  /** Open connections per participant (presence), and the pending away→left timers. */
  private readonly openPerParticipant = new Map<string, number>();
  private readonly leftTimers = new Map<string, { cancel(): void }>();
  /** Connections whose connect waits in the queue, and those of them that dropped meanwhile. */
  private readonly connecting = new Set<string>();
  private readonly droppedWhileConnecting = new Set<string>();
  private closed = false;
  /** The card the staff last got for each team, with its version (see changedCards). */
  private readonly staffCards = new Map<string, HeldCard>();
  /** When the pending score timer (live.scoreRefresh) fires (clock ms). */
  private scoreDue = 0;
  /** A timer's refresh is under way, from its start to its push: none other starts meanwhile. */
  private refreshing = false;
  /** When the last timer's refresh started (clock ms). */
  private lastRefresh = Number.NEGATIVE_INFINITY;
  /** By when the decisions since that start want their findings (hints), or null. */
  private hintsDue: number | null = null;

  constructor(
    readonly live: LiveSession,
    private readonly ports: HostPorts,
    private readonly options: SessionOptions,
  ) {}

  get id(): string {
    return this.live.id;
  }

  /** Runs `work` after every earlier command of this host has finished (failed or not). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- commands -----------------------------------------------------------------------------

  /**
   * Runs one validated command of an authorised principal. Never rejects: errors become rejected
   * acks. A command id seen before is answered with its first seq (same sender, same command) or
   * refused (see duplicate()).
   */
  execute<N extends CommandName>(
    principal: Principal,
    name: N,
    payload: CommandPayload<N>,
  ): Promise<CommandAck> {
    return this.exclusive(async () => {
      try {
        const live = this.live;
        if (name === 'session.sync') return { status: 'accepted', seq: live.head };
        const digest = commandDigest(name, payload);
        // The command id is looked up only when the command does not append: nearly every id is
        // new, and a repeat that plans again is caught by the store's unique key (duplicateSeq).
        // A repeat is answered as one even when it would be refused now (the session ended since).
        const repeat = async (): Promise<CommandAck | undefined> => {
          const prior = await this.ports.store.command(live.id, payload.commandId);
          return prior ? this.duplicate(principal, prior, digest) : undefined;
        };
        let committed: Committed;
        try {
          checkStatus(live, principal, name);
          committed = await this.commitNow(() => plan(live, principal, name, payload), {
            commandId: payload.commandId,
            commandDigest: digest,
            checkedCommand: true,
            actor: actorId(principal),
          });
        } catch (error) {
          if (error instanceof AppError) {
            const ack = await repeat();
            if (ack) return ack;
          }
          throw error;
        }
        if (committed.duplicateSeq !== undefined) {
          // The log holds this id: the same checks as for any repeat.
          return (
            (await repeat()) ?? { status: 'accepted', seq: committed.duplicateSeq, duplicate: true }
          );
        }
        const last = committed.events[committed.events.length - 1];
        if (!last) {
          const ack = await repeat();
          if (ack) return ack;
          throw new AppError(ErrorCode.ConditionNotMet, 'Nothing to do.');
        }
        await this.publish(committed.events);
        await this.afterCommit(committed.events);
        return { status: 'accepted', seq: last.seq };
      } catch (error) {
        if (error instanceof AppError) {
          return rejectedAck(error);
        }
        this.ports.logger.error(
          { err: error, command: name, session: this.live.id },
          'command failed',
        );
        return {
          status: 'rejected',
          code: ErrorCode.Internal,
          message: 'Something failed on the server; nothing was changed.',
        };
      }
    });
  }

  /**
   * A command id seen before: the same sender with the same command is a harmless repeat (acked
   * with the first seq); anything else reusing the id is refused, and nothing is changed.
   */
  private duplicate(principal: Principal, prior: RecordedCommand, digest: string): CommandAck {
    if (prior.actor !== actorId(principal)) {
      throw new AppError(
        ErrorCode.CommandIdReused,
        'This commandId was already used by someone else; send the command with a new id.',
      );
    }
    // Commands recorded before digests were stored (digest null) count as the same.
    if (prior.digest !== null && prior.digest !== digest) {
      throw new AppError(
        ErrorCode.CommandIdReused,
        'This commandId was already used for a different command; send it with a new id.',
      );
    }
    return { status: 'accepted', seq: prior.seq, duplicate: true };
  }

  /**
   * Plans `build()` against the current state, appends its events atomically and publishes them.
   * `build` may throw AppError (nothing is written); the promise then rejects with it.
   */
  commit(build: () => Draft[], options: CommitOptions = {}): Promise<Committed> {
    return this.exclusive(async () => {
      const committed = await this.commitNow(build, options);
      if (committed.events.length > 0) await this.publish(committed.events, options.ticker);
      return committed;
    });
  }

  /**
   * A trainee joins: the participant row and its participant.joined event in one append. Rejects
   * (AppError, nothing written) when a teammate already uses the display name: checked in the
   * plan, so against every join before it, this process's or (after a stale append) another's.
   */
  join(row: NewParticipant, commandId?: string): Promise<LogEvent[]> {
    return this.exclusive(async () => {
      const committed = await this.commitNow(
        () => {
          // This very join is in the log already (sent again after its owner did not answer):
          // nothing to add, and its name is its own.
          if (this.live.participants.has(row.id)) return [];
          checkDisplayNameFree(this.live.participants.values(), row.display_name, row.team_id);
          return [
            {
              type: 'participant.joined',
              payload: { displayName: row.display_name, team: row.team_id, role: row.role },
              team: row.team_id,
              role: row.role,
              participant: row.id,
            },
          ];
        },
        { participant: row, ...(commandId !== undefined ? { commandId } : {}) },
      );
      if (committed.events.length === 0) return committed.events;
      await this.publish(committed.events);
      this.live.participants.set(row.id, row);
      this.publishLobby();
      return committed.events;
    });
  }

  private prepare(drafts: Draft[]): { events: LogEvent[]; states: Map<string, TeamState> } {
    const live = this.live;
    const states = new Map(live.states);
    const events: LogEvent[] = [];
    const at = new Date(this.ports.clock.now()).toISOString();
    let seq = live.head;
    for (const draft of drafts) {
      const state = draft.team === null ? undefined : states.get(draft.team);
      const event = {
        seq: seq + 1,
        at,
        time: state === undefined ? null : live.runtime.clock(state),
        team: draft.team,
        role: draft.role,
        participant: draft.participant,
        type: draft.type,
        payload: draft.payload,
      } as LogEvent;
      if (event.type === 'session.started') {
        for (const team of event.payload.teams)
          states.set(team.id, live.runtime.initialState(team.id));
      } else if (isEngineEvent(event)) {
        if (state === undefined) {
          if (draft.optional) continue;
          throw new AppError(ErrorCode.SessionNotRunning, 'The team has no scenario state yet.');
        }
        const outcome = live.runtime.step(state, event);
        if (!outcome.ok) {
          if (draft.optional) continue;
          throw AppError.told(outcome.code, outcome.message, outcome.text, outcome.wait);
        }
        states.set(event.team as string, outcome.state);
      }
      events.push(event);
      seq += 1;
    }
    return { events, states };
  }

  /** The commit itself; callers hold the queue. */
  private async commitNow(build: () => Draft[], options: CommitOptions): Promise<Committed> {
    const live = this.live;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      // The store checks the head; reading it here too only saves a wasted plan when another
      // process wrote, so the first attempt trusts the in-memory head.
      if (attempt > 0) await this.catchUp();
      const prepared = this.prepare(build());
      const last = prepared.events[prepared.events.length - 1];
      if (!last) return { events: [] };
      const checkpoint: Checkpoint | undefined =
        prepared.states.size > 0 && last.seq - live.lastCheckpoint >= this.options.checkpointEvery
          ? { seq: last.seq, teams: Object.fromEntries(prepared.states), at: last.at }
          : undefined;
      const ownership = this.ports.ownership;
      const fence = ownership ? ownership.fence() : undefined;
      if (fence === null) throw new SessionMoved(null);
      const result = await this.ports.store.append({
        sessionId: live.id,
        expectedHead: live.head,
        ...(fence ? { fence } : {}),
        events: prepared.events.map((event) => ({
          event,
          // The last event carries the command id, so a repeat is answered with the last seq.
          commandId: event === last ? (options.commandId ?? null) : null,
          commandDigest: event === last ? (options.commandDigest ?? null) : null,
          actor: options.actor ?? null,
        })),
        // execute() answers a repeat itself; only a retry (another writer got in first, maybe
        // with this very command) has the store look the id up.
        ...(options.commandId !== undefined && (attempt > 0 || options.checkedCommand !== true)
          ? { commandId: options.commandId }
          : {}),
        ...(options.commandDigest !== undefined ? { commandDigest: options.commandDigest } : {}),
        ...(checkpoint ? { checkpoint } : {}),
        ...(options.participant ? { participant: options.participant } : {}),
      });
      if (result.kind === 'stale') continue;
      if (result.kind === 'fenced') {
        ownership?.lost(result.holder);
        throw new SessionMoved(result.holder);
      }
      if (result.kind === 'duplicate') return { events: [], duplicateSeq: result.seq };
      live.states = prepared.states;
      for (const event of prepared.events) live.applyMeta(event);
      if (checkpoint) live.lastCheckpoint = checkpoint.seq;
      return { events: prepared.events };
    }
    throw new AppError(ErrorCode.Internal, 'The session is busy; try again.');
  }

  /**
   * Brings the state up to the log (after this process took the session over from another, or
   * before a process that does not own it sends a snapshot), in the command queue.
   */
  refresh(): Promise<void> {
    return this.exclusive(() => this.catchUp());
  }

  /** Whether this process may write the session (always, without a cluster). */
  private get owned(): boolean {
    return this.ports.ownership?.fence() !== null;
  }

  /** Applies the events another writer committed since our head. */
  private async catchUp(): Promise<void> {
    const live = this.live;
    const head = await this.ports.store.head(live.id);
    if (head === live.head) return;
    for (const event of await this.ports.store.readFrom(live.id, live.head)) {
      live.apply(event);
      this.trackParticipant(event);
    }
  }

  /** Participant rows follow their events (the token hash stays with the store). */
  private trackParticipant(event: LogEvent): void {
    const live = this.live;
    if (event.type === 'participant.joined' && event.participant !== null) {
      if (live.participants.has(event.participant)) return;
      live.participants.set(event.participant, {
        id: event.participant,
        session_id: live.id,
        display_name: event.payload.displayName,
        team_id: event.payload.team,
        role: event.payload.role,
        token_hash: '',
        presence: 'left',
        joined_at: event.at,
        last_seen_at: null,
      });
    } else if (event.type === 'participant.moved') {
      const row = live.participants.get(event.payload.participant);
      if (row) {
        live.participants.set(row.id, {
          ...row,
          team_id: event.payload.team,
          role: event.payload.role,
        });
      }
    }
  }

  /** Side effects of committed commands beyond `session.update` (lobby, reseating). */
  private async afterCommit(events: LogEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'participant.moved') {
        this.trackParticipant(event);
        await this.reseat(event.payload.participant);
        this.publishLobby();
      }
    }
  }

  // ---- projection and fan-out ------------------------------------------------------------------

  private has(to: Recipients): boolean {
    return this.ports.broadcaster.hasRecipients(this.live.id, to);
  }

  /**
   * After a commit: one `session.update` per event to each recipient group it concerns, each
   * serialised once per group (not per connection). Emits synchronously unless the session ended
   * with stale scores (its update carries the final scores, computed from the log first).
   *
   * The clock ticker's `clock.ticked` events (`ticker`) go to the staff and to the groups whose
   * view they changed (by more than the minutes), not to the others: trainee clients move the
   * clock themselves while the session runs (the view's `clock.running`), and the next view or
   * patch carries the absolute minutes. At the load bench's pace (a time ratio of 10: a tick per
   * team every 6 s, to its five trainees; each trainee acting every 3-5 s) such ticks were about
   * 0.7 of the 5.85 `session.update` the fleet got per command. The facilitator's clock moves
   * (clock.advance) go to every group as before.
   *
   * An event that moved its team's clock otherwise (a decision's or a request's time cost, the
   * facilitator's clock move) gives every group of the team the clock's absolute minutes
   * (`minutes`): with its view or patch when that changed, else with the event when the group may
   * see it, else with no event (the group learns that time passed, not why). Without them, a group
   * whose view changed by the minutes alone kept its old clock until its next view change.
   */
  async publish(events: LogEvent[], ticker = false): Promise<void> {
    const live = this.live;
    const { views } = this.ports;
    const roles = live.playableRoles();
    const staff = this.has({ kind: 'staff' });
    if (events.some((e) => e.type === 'session.ended') && views.scoresStale(live)) {
      await views.refreshScores(live);
    }
    const moved = ticker ? null : this.clockMoves(events);
    for (const event of events) {
      const wide = SESSION_WIDE.has(event.type);
      const teams = event.team !== null ? [event.team] : live.teams.map((t) => t.id);
      const changesViews = event.team !== null || wide;
      const minutes = moved?.get(event);

      if (staff) {
        const update: SessionUpdate = { seq: event.seq, status: live.status, event };
        if (changesViews && live.states.size > 0) {
          Object.assign(update, this.changedCards(teams, event));
          const injects = this.changedInjects();
          if (injects) update.injects = injects;
        }
        this.ports.broadcaster.emit(live.id, { kind: 'staff' }, 'session.update', update);
      }

      for (const team of teams) {
        // The groups whose update is the event alone (a chat line, a tick that changed no view):
        // the same message for each, serialised and emitted once for all of them.
        const bare: Recipients[] = [];
        // The same for groups that get the event without reasons another agency typed (see
        // SessionViews.eventForSeat): one message per distinct copy, made only when one is.
        let bareCopies: Map<LogEvent, Recipients[]> | null = null;
        // The groups that may not see the event but must learn the clock's minutes it moved to.
        const unseen: Recipients[] = [];
        for (const role of roles) {
          const group: Recipients = { kind: 'group', team, role };
          if (!this.has(group)) continue;
          const seat = { team, role };
          const visible = views.visibleToSeat(live, seat, event);
          const view = changesViews ? this.changedView(team, role) : null;
          if (!visible && view === null) {
            if (minutes !== undefined) unseen.push(group);
            continue;
          }
          const shown = visible ? views.eventForSeat(live, seat, event) : null;
          if (view === null) {
            if (ticker && event.type === 'clock.ticked') continue;
            if (shown === event) {
              bare.push(group);
            } else if (shown !== null) {
              bareCopies ??= new Map();
              const groups = bareCopies.get(shown);
              if (groups === undefined) bareCopies.set(shown, [group]);
              else groups.push(group);
            }
            continue;
          }
          const update: SessionUpdate = {
            seq: event.seq,
            status: live.status,
            event: shown,
            ...view,
          };
          this.ports.broadcaster.emit(live.id, group, 'session.update', update);
        }
        if (bare.length > 0) {
          const update: SessionUpdate = { seq: event.seq, status: live.status, event };
          if (minutes !== undefined) update.minutes = minutes;
          this.ports.broadcaster.emit(live.id, bare, 'session.update', update);
        }
        if (bareCopies !== null) {
          for (const [shown, groups] of bareCopies) {
            const update: SessionUpdate = { seq: event.seq, status: live.status, event: shown };
            if (minutes !== undefined) update.minutes = minutes;
            this.ports.broadcaster.emit(live.id, groups, 'session.update', update);
          }
        }
        if (unseen.length > 0 && minutes !== undefined) {
          const update: SessionUpdate = {
            seq: event.seq,
            status: live.status,
            event: null,
            minutes,
          };
          this.ports.broadcaster.emit(live.id, unseen, 'session.update', update);
        }
      }
      if (event.team === null && event.type !== 'note.pinned') {
        this.ports.broadcaster.emit(live.id, { kind: 'unassigned' }, 'session.update', {
          seq: event.seq,
          status: live.status,
          event: views.eventForSeat(live, { team: null, role: null }, event),
        });
      }
    }
    this.scheduleScores(staff, events);
  }

  /**
   * The team events of a commit that moved their team's scenario clock, each with the team's
   * clock now (the minutes its views are computed with; never less than an earlier update of the
   * commit gave). An event's `time` is its team's clock before it (prepare), so the clock after it
   * is the `time` of the team's next event, or the team's clock now for its last one.
   */
  private clockMoves(events: readonly LogEvent[]): Map<LogEvent, number> {
    const live = this.live;
    const moves = new Map<LogEvent, number>();
    const now = new Map<string, number>();
    const after = new Map<string, number>();
    for (let i = events.length - 1; i >= 0; i -= 1) {
      const event = events[i] as LogEvent;
      if (event.team === null || event.time === null) continue;
      let current = now.get(event.team);
      if (current === undefined) {
        const state = live.states.get(event.team);
        if (state === undefined) continue;
        current = live.runtime.clock(state);
        now.set(event.team, current);
      }
      if ((after.get(event.team) ?? current) !== event.time) moves.set(event, current);
      after.set(event.team, event.time);
    }
    return moves;
  }

  /** Lobby to staff and to each team (its own members only). */
  publishLobby(): void {
    const live = this.live;
    const { broadcaster, views } = this.ports;
    broadcaster.emit(live.id, { kind: 'staff' }, 'lobby.updated', {
      seq: live.head,
      lobby: views.lobby(live, null),
    });
    for (const team of live.teams) {
      const to: Recipients = { kind: 'team', team: team.id };
      if (!this.has(to)) continue;
      broadcaster.emit(live.id, to, 'lobby.updated', {
        seq: live.head,
        lobby: views.lobby(live, { team: team.id, role: null }),
      });
    }
  }

  private publishPresence(participant: string, presence: PresenceStatus, at: string): void {
    const row = this.live.participants.get(participant);
    const message = { participant, presence, at };
    this.ports.broadcaster.emit(this.live.id, { kind: 'staff' }, 'presence.updated', message);
    if (row?.team_id) {
      this.ports.broadcaster.emit(
        this.live.id,
        { kind: 'team', team: row.team_id },
        'presence.updated',
        message,
      );
    }
  }

  /**
   * Remembers the view a trainee group now holds (after a snapshot or catch-up) and returns its
   * version. A view that differs from the group's held one (scores refreshed in between, say)
   * replaces it under another version: the group's other members then cannot apply the next
   * patch and ask for a snapshot, instead of drifting apart from this one.
   */
  private noteView(principal: Principal, view: RoleView | null): string | null {
    if (!view) return null;
    const seat = this.ports.views.seatOf(this.live, principal);
    const held = seat?.team && seat.role ? this.hold(seat.team, seat.role, view) : null;
    return held?.version ?? this.versionOf(view);
  }

  /**
   * Holds `view` for the group with the inputs it was computed from. When only the clock's minutes
   * changed, the view last sent stays held with its version: the members' minutes moved with the
   * clock.ticked events, and the next patch replaces them with the absolute value if they differ.
   * `changed` is whether `view` differs from the held one by more than the minutes, when the caller
   * has diffed them already.
   */
  private hold(team: string, role: string, view: RoleView, changed?: boolean): HeldView {
    const live = this.live;
    const key = `${team}\u0000${role}`;
    const before = live.heldViews.get(key);
    const same = before !== undefined && !(changed ?? diffViews(before.view, view).changed);
    const held: HeldView = {
      state: live.states.get(team),
      status: live.status,
      settings: live.settings,
      scores: this.viewScores(team),
      liveCase: this.viewCase(team),
      view: same ? before.view : view,
      version: same ? before.version : this.versionOf(view),
    };
    live.heldViews.set(key, held);
    return held;
  }

  /**
   * A new version token for `view`: a digest of its content in a cluster (a trainee's snapshot may
   * come from another process than the owner's patches, and equal views must get equal tokens on
   * both), a local counter otherwise (digesting every changed view cost about 15 % of the server's
   * CPU at 1,000 trainees).
   */
  private versionOf(view: RoleView): string {
    return this.ports.ownership ? viewVersion(view) : localViewVersion();
  }

  /** The team's case a view of `team` is computed with right now (its witnesses lost). */
  private viewCase(team: string) {
    return this.live.scoreCache?.cases?.get(team) ?? null;
  }

  /** The scores object a view of `team` is computed with right now (null when not shown). */
  private viewScores(team: string) {
    const live = this.live;
    return live.settings.scoresVisibleToTrainees
      ? (live.scoreCache?.scores.get(team) ?? null)
      : null;
  }

  /**
   * The new view of a team/agency group, or null when it holds an equal one already. Skips the
   * computation entirely when the view's inputs (engine state, status, settings, scores) are the
   * same objects as when it was last computed; otherwise computes it and diffs it with the held
   * one in one structural walk, which says both whether it changed (the clock's minutes aside) and
   * how. A changed view goes as a patch against the held one, or whole when the group held none or
   * the patch would not be smaller.
   *
   * Skipping, from the records an event changed, the agencies whose view it cannot change was
   * weighed and left: in the flagship's host bench (bench:host) 44 % of the views computed here
   * came out equal to the held one or different by the clock's minutes alone, but they were the
   * cheap ones (about a third of the time computing views), and with an oracle that skipped exactly
   * those (recorded in a first round, the messages' digest unchanged) the CPU per command did not
   * move beyond this machine's noise (rounds alternating in one process, 15 each, three runs:
   * median 511/512/499 µs without, 518/527/476 µs with). A rule that knew it soundly would have to
   * follow every record each agency's view, actions and hints read.
   */
  private changedView(team: string, role: string): ViewChange | null {
    const live = this.live;
    const held = live.heldViews.get(`${team}\u0000${role}`);
    if (
      held !== undefined &&
      held.state === live.states.get(team) &&
      held.status === live.status &&
      held.settings === live.settings &&
      held.scores === this.viewScores(team) &&
      held.liveCase === this.viewCase(team)
    ) {
      return null;
    }
    const view = this.ports.views.view(live, team, role);
    if (!view) return null;
    if (held === undefined) return { view, viewVersion: this.hold(team, role, view).version };
    const diff = diffViews(held.view, view);
    const next = this.hold(team, role, view, diff.changed);
    if (next.version === held.version) return null;
    const ops = patchIfSmaller(diff.ops, view);
    if (ops === null) return { view, viewVersion: next.version };
    return { viewPatch: { base: held.version, version: next.version, ops } };
  }

  /**
   * The cards of `teams` that differ from the card the staff last got for that team (in an update,
   * a snapshot or a catch-up batch), in order: each as a patch against the card last got (named
   * by its version), or whole when the staff held none or the patch would not be smaller. Clients
   * merge cards by team, so an unchanged card need not travel again; and after a clock.ticked
   * event they add its minutes to the team's card themselves (as they do to views), so a card
   * whose only change is those minutes stays home too, and versions leave the minutes out. Every
   * update of a team's event used to carry its card whole: a card weighs about 8 KB (5.4 KB of it
   * the ten last decisions in five languages), a new decision's patch a few hundred bytes.
   *
   * What the staff got can only differ from the team's current card between updates by presence
   * (clients apply presence.updated to cards themselves; the next patch replaces those values) and
   * by rescored scores and taints, which publishRescored pushes once the score timer's refresh is
   * done (`event` null: no tick to count in), or else the next update whose card differs carries
   * (a refresh of a snapshot or an end of session). A staff connection of
   * another process (a cluster) gets its snapshot there: its cards' versions are digests of their
   * content as here, so the owner's patches apply to them when the cards are equal, and otherwise
   * that client asks for a snapshot.
   */
  private changedCards(teams: string[], event: LogEvent | null): CardChange {
    const live = this.live;
    const whole: TeamCard[] = [];
    const versions: Record<string, string> = {};
    const patches: TeamPatch[] = [];
    let patchesJson = '';
    for (const team of teams) {
      const card = this.ports.views.card(live, team);
      if (card === null) continue;
      let held = this.staffCards.get(team);
      if (held !== undefined && event?.type === 'clock.ticked' && event.team === team) {
        const clock = held.card.clock;
        held = {
          ...held,
          card: {
            ...held.card,
            clock: { ...clock, minutes: clock.minutes + event.payload.minutes },
          },
        };
      }
      if (held === undefined || held.resend) {
        // None held, or the card one connection got in its snapshot: the others need it whole.
        const version =
          held !== undefined && diffCards(held.card, card).length === 0
            ? held.version
            : this.cardVersionOf(card);
        this.staffCards.set(team, { card, version, resend: false });
        whole.push(card);
        versions[team] = version;
        continue;
      }
      const ops = diffCards(held.card, card);
      if (ops.length === 0) {
        // The clients' card, their minutes moved with the ticks, stays the base of the next patch.
        this.staffCards.set(team, held);
        continue;
      }
      const version = this.cardVersionOf(card);
      this.staffCards.set(team, { card, version, resend: false });
      const json = smallerPatchJson(ops, card, 0);
      if (json === null) {
        whole.push(card);
        versions[team] = version;
        continue;
      }
      const patch: TeamPatch = { team, base: held.version, version, ops };
      patches.push(patch);
      // JSON.stringify(patch), key for key, with the ops' text from patchJson.
      patchesJson +=
        `${patchesJson === '' ? '' : ','}{"team":${JSON.stringify(team)},` +
        `"base":${JSON.stringify(patch.base)},"version":${JSON.stringify(version)},"ops":${json}}`;
    }
    const change: CardChange = {};
    // The update carrying them is emitted next: its encoder copies these texts (known-json.ts).
    if (whole.length > 0) {
      rememberJson(whole, `[${whole.map((c) => this.ports.views.cardJson(live, c)).join(',')}]`);
      change.teams = whole;
      change.teamVersions = versions;
    }
    if (patches.length > 0) {
      rememberJson(patches, `[${patchesJson}]`);
      change.teamPatches = patches;
    }
    return change;
  }

  /**
   * Notes the cards one staff connection got whole (a snapshot or a catch-up batch) and returns
   * their versions by team. A card that differs from the one held for the team (scores rescored in
   * between, say) is held instead under a new version, and goes whole with the team's next update:
   * the other staff connections hold the card before. Trainees get no cards.
   */
  private holdCards(principal: Principal, cards: readonly TeamCard[]): Record<string, string> {
    const versions: Record<string, string> = {};
    if (principal.kind === 'participant') return versions;
    for (const card of cards) {
      const team = card.team.id;
      const held = this.staffCards.get(team);
      if (held !== undefined && diffCards(held.card, card).length === 0) {
        versions[team] = held.version;
        continue;
      }
      const version = this.cardVersionOf(card);
      this.staffCards.set(team, { card, version, resend: true });
      versions[team] = version;
    }
    return versions;
  }

  /** A card's version token: a digest in a cluster, a local counter otherwise (see versionOf). */
  private cardVersionOf(card: TeamCard): string {
    return this.ports.ownership ? cardVersion(card) : localViewVersion();
  }

  /**
   * The staff's inject control list when some inject's `releasedTo` changed since it was last
   * pushed (automatic releases happen inside another event's engine step), else null. `releasedTo`
   * depends on the teams' records of released injects alone, which are copy-on-write: the list is
   * recomputed only when one of them is another object (an inject was released, or a team
   * started), not after every engine step (that cost 2 % of the server's CPU at 1,000 trainees).
   */
  private changedInjects(): SessionSnapshot['injects'] | null {
    const live = this.live;
    const held = live.heldInjects;
    const releases = live.teams.map((t) => {
      const state = live.states.get(t.id);
      return state === undefined ? undefined : live.runtime.releasedInjects(state);
    });
    if (held !== null && releases.every((release, i) => release === held.releases[i])) return null;
    const injects = live.runtime.injectControls(live.states);
    const releasedTo = JSON.stringify(injects.map((i) => i.releasedTo));
    live.heldInjects = { releases, releasedTo };
    return held !== null && held.releasedTo === releasedTo ? null : injects;
  }

  /**
   * Live scores are computed from the whole log, so not on the command path: when the cached scores
   * lag the log, a timer recomputes them at the session's next score slot (slots are
   * SCORE_REFRESH_MS apart, at the session's own phase), at least half a period after the last
   * computation, and pushes what they changed at once (publishRescored); later updates carry them
   * too (cards always, views when the settings show scores). The end of the session rescores at
   * once, so its update carries the final scores.
   *
   * Without the phase, the sessions of a class started together rescored in the same second of
   * every period (at 1,000 trainees about 130 ms of work every 5 s, bunched into about a second),
   * and the commands arriving then queued behind it; a late timer kept the bunch together.
   *
   * In a session with hints, `events` holding a decision of a team with a trainee connected bring
   * the timer forward (hintsWanted): the findings on a decision are what its trainees wait for.
   * One refresh runs at a time: what is committed while one is under way is scheduled when it is
   * done (two used to run side by side when the log was slow to read).
   */
  private scheduleScores(staff: boolean, events: readonly LogEvent[] = []): void {
    const live = this.live;
    if (this.closed || live.states.size === 0) return;
    const wanted = this.hintsWanted(events);
    if (wanted !== null) this.hintsDue = Math.min(this.hintsDue ?? wanted, wanted);
    if (this.refreshing) return;
    const hints = this.hintsDue ?? Number.POSITIVE_INFINITY;
    if (live.scoreRefresh !== null && this.scoreDue <= hints) return;
    // Without staff, only connected trainees need them: when they see the scores, when a witness
    // may be lost (their views show the witnesses lost that they know of), or when their views
    // give the legal model's findings on their decisions (hints).
    const forTrainees =
      live.settings.scoresVisibleToTrainees ||
      live.runtime.hasWitnesses ||
      live.settings.feedbackPolicy === 'hints';
    if (!staff && !(forTrainees && this.hasAudience())) return;
    const cache = live.scoreCache;
    if (cache !== null && cache.seq === live.head) return;
    const phase = phaseOf(live.id, SCORE_REFRESH_MS);
    const slot =
      cache === null ? 0 : slotFrom(cache.at + SCORE_REFRESH_MS / 2, phase, SCORE_REFRESH_MS);
    const now = this.ports.clock.now();
    const due = Math.max(now, Math.min(slot, hints));
    live.scoreRefresh?.cancel();
    this.scoreDue = due;
    live.scoreRefresh = this.ports.clock.after(due - now, () => this.refreshScores());
  }

  /**
   * When a commit's `events` want the live scores recomputed for hints: a session with hints, a
   * decision (or signature) whose team has a trainee connected, HINT_REFRESH_DELAY_MS from now and
   * HINT_REFRESH_SPACING_MS from the start of the last refresh; else null (the slots decide).
   */
  private hintsWanted(events: readonly LogEvent[]): number | null {
    if (this.live.settings.feedbackPolicy !== 'hints') return null;
    const deciding = events.some(
      (e) => DECIDING.has(e.type) && e.team !== null && this.has({ kind: 'team', team: e.team }),
    );
    if (!deciding) return null;
    return Math.max(
      this.ports.clock.now() + HINT_REFRESH_DELAY_MS,
      this.lastRefresh + HINT_REFRESH_SPACING_MS,
    );
  }

  /** The score timer's work: refresh, push what changed, then schedule what came meanwhile. */
  private refreshScores(): void {
    const live = this.live;
    live.scoreRefresh = null;
    if (live.scoreCache?.seq === live.head) {
      this.hintsDue = null;
      return;
    }
    this.refreshing = true;
    this.lastRefresh = this.ports.clock.now();
    this.hintsDue = null;
    this.ports.views
      .refreshScores(live)
      .then(() => this.exclusive(async () => this.publishRescored()))
      .catch((error: unknown) =>
        this.ports.logger.error({ err: error, session: live.id }, 'live scores refresh failed'),
      )
      .finally(() => {
        this.refreshing = false;
        this.scheduleScores(this.has({ kind: 'staff' }));
      });
  }

  /**
   * After the score timer's refresh, in the command queue: a `session.rescored` to each trainee
   * group whose view the new scores changed (its hints, witnesses lost or scores) and one to the
   * staff with the team cards they changed (scores, taints), as patches against what each holds,
   * so none waits for its next update. Commands published between the refresh and this turn carry
   * the changes already (their views and cards were computed with the new scores): nothing is sent
   * twice. A group whose view's inputs are the same objects costs one comparison of them, a team
   * whose scores and taints are the objects the staff's card was made from costs nothing.
   */
  private publishRescored(): void {
    const live = this.live;
    // Another process took the session over: its host pushes what it rescores.
    if (this.closed || !this.owned || live.states.size === 0) return;
    const { broadcaster } = this.ports;
    const seq = live.head;
    const roles = live.playableRoles();
    for (const team of live.teams) {
      for (const role of roles) {
        const group: Recipients = { kind: 'group', team: team.id, role };
        if (!this.has(group)) continue;
        const view = this.changedView(team.id, role);
        if (view !== null) broadcaster.emit(live.id, group, 'session.rescored', { seq, ...view });
      }
    }
    if (!this.has({ kind: 'staff' })) return;
    const rescored = live.teams.flatMap((team) => {
      const held = this.staffCards.get(team.id);
      if (held === undefined) return [];
      const taints = this.viewCase(team.id)?.taints;
      return held.card.scores === (live.scoreCache?.scores.get(team.id) ?? null) &&
        held.card.taints === (taints?.length ? taints : undefined)
        ? []
        : [team.id];
    });
    if (rescored.length === 0) return;
    const cards = this.changedCards(rescored, null);
    if (cards.teams !== undefined || cards.teamPatches !== undefined) {
      broadcaster.emit(live.id, { kind: 'staff' }, 'session.rescored', { seq, ...cards });
    }
  }

  // ---- connections ----------------------------------------------------------------------------

  /**
   * A connection of `principal` opens (first time or reconnect): it joins its recipient sets,
   * the participant shows as online, and it receives the events it missed since `lastSeq` (when
   * the client sent a usable one and few enough are visible to it), else a full snapshot. Runs in
   * the command queue, so no update is published between reading the missed events and sending
   * them.
   */
  connect(conn: Connection, principal: Principal, lastSeq?: number): Promise<void> {
    this.connecting.add(conn.id);
    return this.exclusive(async () => {
      this.connecting.delete(conn.id);
      // Gone before its turn came: registering it now would leave it "online" for good.
      if (this.droppedWhileConnecting.delete(conn.id)) return;
      // The owner (another process) wrote what this copy has not seen: read it before sending.
      if (!this.owned) await this.catchUp();
      const live = this.live;
      this.connections.set(conn.id, { conn, principal });
      conn.setRecipients(live.id, recipientsOf(live, principal));
      if (principal.kind === 'participant') this.opened(principal.participantId);
      await this.sendInitial(conn, principal, lastSeq);
    });
  }

  private async sendInitial(conn: Connection, principal: Principal, lastSeq?: number) {
    const live = this.live;
    const { views } = this.ports;
    if (
      lastSeq === undefined ||
      lastSeq > live.head ||
      live.head - lastSeq > LIMITS.catchUpEvents * 20
    ) {
      await this.sendSnapshot(conn, principal);
      return;
    }
    const missed = views.filter(live, principal, await this.ports.store.readFrom(live.id, lastSeq));
    if (missed.length > LIMITS.catchUpEvents) {
      await this.sendSnapshot(conn, principal);
      return;
    }
    await views.freshenScores(live);
    const seat = views.seatOf(live, principal);
    const view = seat?.team && seat.role ? views.view(live, seat.team, seat.role) : null;
    const teams = seat === null ? views.cards(live) : [];
    conn.send('session.events', {
      seq: live.head,
      fromSeq: lastSeq,
      status: live.status,
      events: missed,
      view,
      viewVersion: this.noteView(principal, view),
      teams,
      teamVersions: this.holdCards(principal, teams),
      ...(seat === null ? { injects: live.runtime.injectControls(live.states) } : {}),
    });
    conn.send('lobby.updated', { seq: live.head, lobby: views.lobby(live, seat) });
  }

  private async sendSnapshot(conn: Connection, principal: Principal): Promise<void> {
    const snapshot = await this.ports.views.snapshot(this.live, principal, conn.origin);
    conn.send('session.snapshot', {
      ...snapshot,
      viewVersion: this.noteView(principal, snapshot.view),
      teamVersions: this.holdCards(principal, snapshot.teams),
    });
  }

  /** `session.sync`: a full snapshot for this connection, consistent with the queue. */
  sync(conn: Connection, principal: Principal): Promise<void> {
    return this.exclusive(async () => {
      if (!this.owned) await this.catchUp();
      const entry = this.connections.get(conn.id);
      if (entry) entry.principal = principal;
      await this.sendSnapshot(conn, principal);
    });
  }

  /** A participant's seat changed: move their connections to the new sets and resend a snapshot. */
  private async reseat(participant: string): Promise<void> {
    for (const { conn, principal } of [...this.connections.values()]) {
      if (principal.kind === 'participant' && principal.participantId === participant) {
        conn.setRecipients(this.live.id, recipientsOf(this.live, principal));
        await this.sendSnapshot(conn, principal);
      }
    }
  }

  /** A connection dropped (or was closed): away at once, left after awayToLeftMs with none open. */
  disconnect(connId: string): void {
    if (this.connecting.has(connId)) this.droppedWhileConnecting.add(connId);
    const entry = this.connections.get(connId);
    this.connections.delete(connId);
    // A shutdown drops every connection; the trainees are not "away", and nothing may be written.
    if (this.closed || entry?.principal.kind !== 'participant') return;
    const id = entry.principal.participantId;
    const open = Math.max(0, (this.openPerParticipant.get(id) ?? 1) - 1);
    if (open > 0) {
      this.openPerParticipant.set(id, open);
      return;
    }
    this.openPerParticipant.delete(id);
    this.setPresence(id, 'away');
    const timer = this.ports.clock.after(this.options.awayToLeftMs, () => {
      this.leftTimers.delete(id);
      if (!this.openPerParticipant.has(id)) this.setPresence(id, 'left');
    });
    this.leftTimers.set(id, timer);
  }

  private opened(id: string): void {
    const open = (this.openPerParticipant.get(id) ?? 0) + 1;
    this.openPerParticipant.set(id, open);
    this.leftTimers.get(id)?.cancel();
    this.leftTimers.delete(id);
    if (open === 1) this.setPresence(id, 'online');
  }

  private setPresence(id: string, presence: PresenceStatus): void {
    if (this.closed) return;
    const live = this.live;
    const row = live.participants.get(id);
    if (!row || row.presence === presence) return;
    const at = new Date(this.ports.clock.now()).toISOString();
    this.ports.presence.record({ sessionId: live.id, participantId: id, presence, at });
    live.participants.set(id, { ...row, presence, last_seen_at: at });
    this.publishPresence(id, presence, at);
  }

  /** Whether anybody (in any process) listens to this session. */
  hasAudience(): boolean {
    return this.has({ kind: 'all' });
  }

  // ---- clock --------------------------------------------------------------------------------

  /**
   * The clock ticker's visit at `now`: whether the time limit has passed (the session ends) or
   * whole scenario minutes are due by the time ratio (one clock.ticked per team). The minutes are
   * claimed here, synchronously, so a second visit before the work ran cannot schedule them again.
   *
   * In a cluster only the lease holder's host counts minutes (the fence makes its clock.ticked the
   * only ones the log accepts); every other copy keeps moving lastTickCheck to now. So a takeover
   * skips the outage: the new owner counts from its takeover, and the scenario clock stands still
   * from the dead owner's last tick until then (at most the lease plus a tick, as if paused; the
   * dead owner's fraction of a minute is lost), while the time limit, which the log's status
   * events measure, counts it. Neither replayed nor ticked twice.
   */
  tick(now: number): TickWork | null {
    const live = this.live;
    if (
      this.closed ||
      live.status !== 'running' ||
      !(this.ports.lease?.holds(live.id) ?? true) ||
      // Another process owns the session: its clock runs there, once.
      this.ports.ownership?.fence() === null
    ) {
      live.lastTickCheck = now;
      return null;
    }
    if (this.timeLimitReached(now)) return () => this.endForTimeLimit(now);
    if (live.settings.timeRatio <= 0) {
      live.lastTickCheck = now;
      return null;
    }
    live.pendingMinutes += ((now - live.lastTickCheck) / 60_000) * live.settings.timeRatio;
    live.lastTickCheck = now;
    const minutes = Math.floor(live.pendingMinutes);
    if (minutes < 1 || now - live.lastTickEmitted < this.options.minTickMs) return null;
    live.pendingMinutes -= minutes;
    live.lastTickEmitted = now;
    return () => this.advanceClocks(minutes);
  }

  /** Whether the session has run (pauses excluded) for its settings' timeLimitMinutes. */
  private timeLimitReached(now: number): boolean {
    const limit = this.live.settings.timeLimitMinutes;
    return limit !== undefined && this.live.running.at(now) >= limit * 60_000;
  }

  /** Writes session.ended { reason: 'time_limit' }: every team stops where it is. */
  private async endForTimeLimit(now: number): Promise<void> {
    const live = this.live;
    try {
      const committed = await this.commit(() =>
        live.status === 'running' && this.timeLimitReached(now)
          ? [
              {
                type: 'session.ended',
                payload: { reason: 'time_limit' },
                team: null,
                role: null,
                participant: null,
              },
            ]
          : [],
      );
      if (committed.events.length === 0) return;
      this.ports.logger.info(
        { session: live.id, seq: committed.events[0]?.seq, limit: live.settings.timeLimitMinutes },
        'session ended: time limit reached',
      );
    } catch (error) {
      this.ports.logger.error(
        { err: error, session: live.id },
        'time limit could not end the session',
      );
    }
  }

  /** One clock.ticked per team that has not reached an ending, in one append. */
  private async advanceClocks(minutes: number): Promise<void> {
    const live = this.live;
    try {
      await this.commit(
        () =>
          live.status !== 'running'
            ? []
            : live.teams
                .filter((t) => {
                  const state = live.states.get(t.id);
                  return state !== undefined && !live.runtime.ended(state);
                })
                .map((t) => ({
                  type: 'clock.ticked' as const,
                  payload: { minutes },
                  team: t.id,
                  role: null,
                  participant: null,
                  optional: true,
                })),
        { ticker: true },
      );
    } catch (error) {
      live.pendingMinutes += minutes; // try again at the next tick
      this.ports.logger.error({ err: error, session: live.id }, 'clock tick failed');
    }
  }

  /** Stops the host's timers; later disconnects change no presence (the server is closing). */
  close(): void {
    this.closed = true;
    for (const timer of this.leftTimers.values()) timer.cancel();
    this.leftTimers.clear();
    this.live.scoreRefresh?.cancel();
    this.live.scoreRefresh = null;
  }
}
