import type {
  AgencySummary,
  Debrief,
  ErrorCode,
  EvidenceTaint,
  HintFinding,
  JsonValue,
  LogEvent,
  LostWitnessView,
  ResourceWait,
  RoleView,
  ScenarioSummary,
  Scores,
  SessionSettings,
  TeamCard,
  TeamRef,
  Text,
} from '@crossroads/shared';

/** One team's engine state: serialisable JSON owned by the scenario engine. */
export type TeamState = JsonValue;

/**
 * A refused step says why: `message` in English, and `text` (when the scenario's words allow) the
 * same in every language, as the acting agency's view explains the action (its `whyNot`), with
 * what it waits for (`wait`) when that is a scarce resource.
 */
export type StepOutcome =
  | { ok: true; state: TeamState }
  | { ok: false; code: ErrorCode; message: string; text?: Text; wait?: ResourceWait };

/** A request instance as the server needs it for authorisation. */
export interface RequestInstanceInfo {
  instance: string;
  request: string;
  from: string;
  to: string;
  status: 'pending' | 'granted' | 'refused';
}

/**
 * Live scores of one session (see ScenarioRuntime.liveScores): keeps each team's replay between
 * calls, so a refresh costs the new events and the teams they reached, not the whole log.
 */
export interface LiveScorer {
  /** The seq of the last event fed (0 before any). */
  readonly seq: number;
  /** Feeds events in seq order; those at or before `seq` were fed already and are skipped. */
  add(events: readonly LogEvent[]): void;
  /** Every team's scores; a team whose scores did not change keeps the same object. */
  scores(): Map<string, Scores>;
  /**
   * Every team's case as of the last scores() (call it first): what the debrief's case file holds
   * against its evidence, and the witnesses it lost. A team whose case did not change keeps the
   * same object.
   */
  cases(): Map<string, LiveCase>;
}

/** A team's case, live (see LiveScorer.cases): for staff whole, for an agency what it knows. */
export interface LiveCase {
  taints: EvidenceTaint[];
  witnessesLost: LostWitnessView[];
  /** The legal model's findings on the decisions taken (absent: none): the views' hints. */
  decisions?: readonly DecisionFindingView[];
}

/** A finding on one decision, with what need to know reads (who answers for it, whom it concerns). */
export interface DecisionFindingView extends HintFinding {
  seq: number;
  decision: string;
  option: string;
  roles: readonly string[];
  persons: readonly string[];
  evidence: readonly string[];
}

export interface ViewContext {
  team: TeamRef;
  settings: SessionSettings;
  running: boolean;
  /** The team's current scores, if computed (shown to trainees only when the settings allow). */
  scores?: Scores | null;
  /**
   * The team's witnesses lost, if computed (from the live scores, whatever the settings): the
   * view shows the agency those it knows of.
   */
  witnessesLost?: readonly LostWitnessView[];
  /**
   * The legal model's findings on the team's decisions, if computed (from the live scores): a
   * session with hints shows the agency those on its own decisions that it may know of.
   */
  decisions?: readonly DecisionFindingView[];
}

/**
 * A compiled scenario version as the server uses it. Implemented over the pure engine in
 * '@crossroads/scenarios' (see engine-runtime.ts); everything here is pure and synchronous.
 */
export interface ScenarioRuntime {
  readonly id: string;
  readonly version: string;
  readonly title: Text;
  /** Time of day at scenario minute 0 (Day 1), when the scenario gives one. */
  readonly startTime?: string | undefined;
  readonly rubricVersion: string | null;
  /**
   * Whether the scenario has witnesses the teams may lose: the live scores then run for trainees
   * too (the witnesses lost reach their views), whether or not they see the scores.
   */
  readonly hasWitnesses: boolean;
  readonly agencies: AgencySummary[];
  /** Catalogue card: no restricted content. */
  summary(versions: string[]): ScenarioSummary;
  initialState(team: string): TeamState;
  step(state: TeamState, event: LogEvent): StepOutcome;
  /** The team's scenario clock (minutes). */
  clock(state: TeamState): number;
  ended(state: TeamState): boolean;
  request(state: TeamState, instance: string): RequestInstanceInfo | undefined;
  /** The agency a request is addressed to (undefined: no such request). */
  requestTarget(request: string): string | undefined;
  /** Agencies an inject is addressed to (undefined: no such inject). */
  injectTargets(inject: string): string[] | undefined;
  /** Agencies that must sign a joint decision ([] when not joint; undefined: no such decision). */
  decisionAgencies(decision: string): { agencies: string[]; joint: string[] } | undefined;
  /** Whether `role` may see this engine event of its own team (need to know). */
  visibleTo(state: TeamState, event: LogEvent, role: string): boolean;
  view(state: TeamState, role: string, context: ViewContext): RoleView;
  /** The parts of a team card that come from the engine state. */
  card(
    state: TeamState,
    context: ViewContext,
  ): Pick<TeamCard, 'phase' | 'clock' | 'pendingRequests' | 'ended'>;
  decisionLabels(decision: string, option: string): { decision: Text; option: Text };
  /**
   * Staff only: the titles of every decision (`decision:<id>`), option (`option:<decision>:<id>`)
   * and request (`request:<id>`) of the scenario, to name them in the console's timeline.
   */
  labels(): Record<string, Text>;
  /** A short label of an engine event for timelines (decision and option, inject, request). */
  eventLabel(event: LogEvent): Text | null;
  /**
   * The team's record of released injects. Engine states are copy-on-write, so it is the same
   * object for as long as nothing is released to the team: comparing it by reference says whether
   * injectControls' `releasedTo` may have changed without computing it.
   */
  releasedInjects(state: TeamState): object;
  injectControls(states: Map<string, TeamState>): {
    id: string;
    title: Text;
    to: string[];
    release: 'facilitator' | 'timed' | 'conditional' | 'effect';
    releasedTo: string[];
  }[];
  /** Every team's scores from the event log (quick: no counterfactuals). */
  scores(events: readonly LogEvent[], rubricVersion: string | null): Map<string, Scores>;
  /** A scorer fed the log as it grows, whose scores always equal scores() of the log fed so far. */
  liveScores(rubricVersion: string | null): LiveScorer;
  /**
   * debrief() of `events` (only `team`'s) and `team`'s case as a live scorer holds it once fed the
   * same events (null when it has none): what the views and cards of the team carried live after
   * the score refresh at the last of them. One replay of the log gives both (the replay frame's);
   * the case is whole, whoever the debrief is for.
   */
  debriefWithCase(
    events: readonly LogEvent[],
    options: {
      rubricVersion: string | null;
      team: string;
      recipient?: { team: string; role: string };
      counterfactuals?: boolean;
    },
  ): { debrief: Debrief; liveCase: LiveCase | null };
  /**
   * The scoring package's debrief of the session; with `recipient`, only what that trainee's agency
   * could know. `teams` limits the teams included.
   */
  debrief(
    events: readonly LogEvent[],
    options: {
      rubricVersion: string | null;
      recipient?: { team: string; role: string };
      teams?: string[];
      /** Evaluate the options not taken (comparison, best path). Default true. */
      counterfactuals?: boolean;
    },
  ): Debrief;
}
