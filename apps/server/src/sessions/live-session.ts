import {
  compactSessionDetails,
  ENGINE_EVENT_TYPES,
  sessionDetailsSchema,
  type LogEvent,
  type SessionDetails,
  type RoleView,
  type Scores,
  type SessionSettings,
  type SessionStatus,
  type TeamRef,
} from '@crossroads/shared';
import type { LiveCase, LiveScorer, ScenarioRuntime, TeamState } from '../catalogue/runtime';
import type { Timer } from './ports';
import type { ParticipantRow, SessionRow } from './session-store';

/** The stored session details; a value that no longer passes the contract is left out, not fatal. */
function parseDetails(json: string | null | undefined): SessionDetails | undefined {
  if (!json) return undefined;
  try {
    const parsed = sessionDetailsSchema.safeParse(JSON.parse(json));
    return parsed.success ? compactSessionDetails(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

const engineTypes = new Set<string>(ENGINE_EVENT_TYPES);

/** How many decisions a team card lists (see SessionViews.card). */
export const RECENT_DECISIONS = 10;

export function isEngineEvent(event: LogEvent): boolean {
  return event.team !== null && engineTypes.has(event.type);
}

/** The events that start and stop the session's running time. */
export const STATUS_EVENT_TYPES = [
  'session.started',
  'session.paused',
  'session.resumed',
  'session.ended',
] as const;

/**
 * What a team/agency group was last sent: the view and what it was computed from. When the inputs
 * are the same objects again (engine states are copy-on-write), the view cannot have changed.
 */
export interface HeldView {
  state: TeamState | undefined;
  status: SessionStatus;
  settings: SessionSettings;
  scores: Scores | null;
  /** The team's case the view was computed with (its witnesses lost; null: none computed). */
  liveCase: LiveCase | null;
  view: RoleView;
  /** The view's version token (view-versions.ts): the base of the group's next patch. */
  version: string;
}

/** Real time the session has been running (pauses excluded), from its status events. */
export class RunningTime {
  /** Milliseconds of running time before `since`. */
  private before = 0;
  /** When the current running stretch began (ms since epoch), or null while not running. */
  private since: number | null = null;

  apply(event: Pick<LogEvent, 'type' | 'at'>): void {
    const at = Date.parse(event.at);
    if (event.type === 'session.started' || event.type === 'session.resumed') {
      this.since ??= at;
    } else if (event.type === 'session.paused' || event.type === 'session.ended') {
      if (this.since !== null) this.before += Math.max(0, at - this.since);
      this.since = null;
    }
  }

  /** Running milliseconds at `now`. */
  at(now: number): number {
    return this.before + (this.since === null ? 0 : Math.max(0, now - this.since));
  }
}

/**
 * The in-memory image of one session: its metadata and every team's engine state at `head`.
 * Always derived from the event log (checkpoint + later events), so it can be rebuilt at any time.
 */
export class LiveSession {
  status: SessionStatus;
  settings: SessionSettings;
  startedAt: string | null;
  endedAt: string | null;
  debriefReleased: boolean;
  /** Title, place, days, organisation, facilitators (fixed at creation). */
  readonly details: SessionDetails | undefined;
  /** Highest seq applied. */
  head = 0;
  lastCheckpoint = 0;
  states = new Map<string, TeamState>();
  participants = new Map<string, ParticipantRow>();
  /** What each team/agency group (key `team\u0000role`) holds, to push only real changes. */
  readonly heldViews = new Map<string, HeldView>();
  /**
   * Each team's record of released injects (ScenarioRuntime.releasedInjects, in `teams` order) and
   * the `releasedTo` lists last pushed to the staff, so inject controls are recomputed only when an
   * inject was released and sent only when a release changed.
   */
  heldInjects: { releases: (object | undefined)[]; releasedTo: string } | null = null;
  /** The last decision.made events of each team, oldest first (filled on first use). */
  readonly recentDecisions = new Map<string, LogEvent[]>();
  /** Running time, for the session's time limit. Rebuilt from the whole log when loaded. */
  running = new RunningTime();
  /** A scores refresh is scheduled (see SessionHost). */
  scoreRefresh: Timer | null = null;
  /**
   * Scores computed from the log at `seq` (recomputed at most every few seconds), and each team's
   * case with them (absent: not computed).
   */
  scoreCache: {
    seq: number;
    at: number;
    scores: Map<string, Scores>;
    cases?: Map<string, LiveCase>;
  } | null = null;
  /** The scorer the cache comes from, fed the log up to its seq (made on the first refresh). */
  scorer: LiveScorer | null = null;
  /** Real-time bookkeeping of the clock ticker. */
  pendingMinutes = 0;
  lastTickCheck: number;
  lastTickEmitted = 0;

  constructor(
    readonly row: SessionRow,
    readonly runtime: ScenarioRuntime,
    readonly teams: TeamRef[],
    /** The host's clock (a fake one in unit tests). */
    private readonly now: () => number = Date.now,
  ) {
    this.lastTickCheck = now();
    this.status = row.status;
    this.settings = JSON.parse(row.settings) as SessionSettings;
    this.startedAt = row.started_at;
    this.endedAt = row.ended_at;
    this.debriefReleased = row.debrief_released === 1;
    this.details = parseDetails(row.details);
  }

  get id(): string {
    return this.row.id;
  }

  hasTeam(team: string): boolean {
    return this.teams.some((t) => t.id === team);
  }

  team(team: string): TeamRef | undefined {
    return this.teams.find((t) => t.id === team);
  }

  private playable: string[] | null = null;

  /** Agencies trainees can play (the same array every time: do not modify it). */
  playableRoles(): string[] {
    this.playable ??= this.runtime.agencies
      .filter((a) => a.playable !== 'facilitator')
      .map((a) => a.id);
    return this.playable;
  }

  /**
   * Rebuilds the engine states from a checkpoint and the events after it (the metadata came from
   * the session row, which the store keeps in step with the log), and the running time from every
   * status event of the log (a checkpoint does not hold it). Returns the events the engine refused.
   */
  restore(parts: {
    checkpoint: { seq: number; teams: unknown } | undefined;
    /** The events after the checkpoint (after seq 0 without one), in seq order. */
    events: LogEvent[];
    head: number;
    statusEvents: LogEvent[];
  }): LogEvent[] {
    const { checkpoint } = parts;
    if (checkpoint) {
      this.states = new Map(Object.entries(checkpoint.teams as Record<string, TeamState>));
      this.head = checkpoint.seq;
      this.lastCheckpoint = checkpoint.seq;
    }
    const refused = parts.events.filter((event) => !this.apply(event));
    this.status = this.row.status;
    this.head = Math.max(this.head, parts.head);
    this.running = new RunningTime();
    for (const event of parts.statusEvents) this.running.apply(event);
    return refused;
  }

  /**
   * Applies a committed event to `states` (engine events) and to the metadata.
   * Returns false when the engine refused an event that the log holds (should not happen: every
   * event was checked before it was written); the state is left as it was then.
   */
  apply(event: LogEvent, states: Map<string, TeamState> = this.states): boolean {
    let ok = true;
    if (event.type === 'session.started') {
      for (const team of event.payload.teams) {
        if (!states.has(team.id)) states.set(team.id, this.runtime.initialState(team.id));
      }
    } else if (isEngineEvent(event) && event.team !== null) {
      const state = states.get(event.team);
      if (state !== undefined) {
        const outcome = this.runtime.step(state, event);
        if (outcome.ok) states.set(event.team, outcome.state);
        else ok = false;
      } else ok = false;
    }
    if (states === this.states) this.applyMeta(event);
    return ok;
  }

  applyMeta(event: LogEvent): void {
    if (event.type === 'decision.made' && event.team !== null) {
      const list = this.recentDecisions.get(event.team);
      if (list && !list.some((e) => e.seq === event.seq)) {
        list.push(event);
        if (list.length > RECENT_DECISIONS) list.shift();
      }
    }
    this.running.apply(event);
    switch (event.type) {
      case 'session.started':
        this.status = 'running';
        this.startedAt ??= event.at;
        break;
      case 'session.paused':
        this.status = 'paused';
        break;
      case 'session.resumed':
        this.status = 'running';
        this.lastTickCheck = this.now();
        break;
      case 'session.ended':
        this.status = 'ended';
        this.endedAt = event.at;
        break;
      case 'debrief.released':
        this.debriefReleased = true;
        break;
      case 'settings.changed':
        this.settings = event.payload.settings;
        break;
      default:
        break;
    }
    this.head = Math.max(this.head, event.seq);
  }
}
