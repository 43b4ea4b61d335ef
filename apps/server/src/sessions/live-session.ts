import {
  ENGINE_EVENT_TYPES,
  type LogEvent,
  type Scores,
  type SessionSettings,
  type SessionStatus,
  type TeamRef,
} from '@crossroads/shared';
import type { ScenarioRuntime, TeamState } from '../catalogue/runtime';
import type { ParticipantRow, SessionRow } from './session-store';

const engineTypes = new Set<string>(ENGINE_EVENT_TYPES);

export function isEngineEvent(event: LogEvent): boolean {
  return event.team !== null && engineTypes.has(event.type);
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
  /** Highest seq applied. */
  head = 0;
  lastCheckpoint = 0;
  states = new Map<string, TeamState>();
  participants = new Map<string, ParticipantRow>();
  /** Last JSON (clock left out) of each team/role view pushed, to push only real changes. */
  readonly viewCache = new Map<string, string>();
  /** Scores computed from the log at `seq` (recomputed at most every few seconds). */
  scoreCache: { seq: number; at: number; scores: Map<string, Scores> } | null = null;
  /** Real-time bookkeeping of the clock ticker. */
  pendingMinutes = 0;
  lastTickCheck = Date.now();
  lastTickEmitted = 0;

  constructor(
    readonly row: SessionRow,
    readonly runtime: ScenarioRuntime,
    readonly teams: TeamRef[],
  ) {
    this.status = row.status;
    this.settings = JSON.parse(row.settings) as SessionSettings;
    this.startedAt = row.started_at;
    this.endedAt = row.ended_at;
    this.debriefReleased = row.debrief_released === 1;
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

  /** Agencies trainees can play. */
  playableRoles(): string[] {
    return this.runtime.agencies.filter((a) => a.playable !== 'facilitator').map((a) => a.id);
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
        this.lastTickCheck = Date.now();
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
