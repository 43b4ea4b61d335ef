import type { LogEvent, ReplayFrame, ReplayMark, ScoredItem, Scores } from '@crossroads/shared';
import type { LiveCase, TeamState } from '../catalogue/runtime';
import { isEngineEvent, type LiveSession } from './live-session';

/** Session-level events that change what a team can do (shown as moments on the slider). */
const SESSION_MARKS = new Set([
  'session.started',
  'session.paused',
  'session.resumed',
  'session.ended',
]);

export interface ReplayRequest {
  team: string;
  role: string;
  /** Omitted: the end of the log. */
  seq?: number | undefined;
  /**
   * Scope the scored items to what this agency may know (trainees); staff and review links see every
   * item of the team, as in their debrief.
   */
  redact: boolean;
}

/**
 * What one agency of one team saw at a moment of the log: the engine replays the team's events up
 * to `seq` from the initial state (the same reducer that built the live state), the agency's view is
 * computed from that state, and the scoring package scores the log prefix. Nothing is stored.
 */
export function replayFrame(
  live: LiveSession,
  events: readonly LogEvent[],
  request: ReplayRequest,
): ReplayFrame {
  const { team, role } = request;
  const runtime = live.runtime;
  const head = events.length > 0 ? (events[events.length - 1]?.seq ?? 0) : 0;
  const target = Math.min(request.seq ?? head, head);
  const marks: ReplayMark[] = [];
  let state: TeamState | undefined;
  let stateAtTarget: TeamState | undefined;
  let prefixEnd = 0;

  for (const event of events) {
    let visible = false;
    if (event.type === 'session.started') {
      if (state === undefined && event.payload.teams.some((t) => t.id === team)) {
        state = runtime.initialState(team);
      }
      visible = true;
    } else if (event.team === team && isEngineEvent(event) && state !== undefined) {
      const outcome = runtime.step(state, event);
      if (outcome.ok) state = outcome.state;
      visible = event.type !== 'clock.ticked' && runtime.visibleTo(state, event, role);
    } else if (event.team === null || event.team === team) {
      // Session-wide events that change what the team can do, and the facilitator's broadcasts
      // the team received (to every team, or to this one).
      visible = SESSION_MARKS.has(event.type) || event.type === 'broadcast.sent';
    }
    if (event.seq <= target) {
      stateAtTarget = state;
      prefixEnd += 1;
    }
    if (visible) {
      marks.push({
        seq: event.seq,
        at: event.at,
        time: event.time,
        type: event.type,
        role: event.role,
        label: isEngineEvent(event) ? runtime.eventLabel(event) : null,
        ...(event.type === 'session.paused' ? { pause: event.payload } : {}),
        ...(event.type === 'broadcast.sent'
          ? {
              broadcast: {
                message: event.payload.message,
                ...(event.payload.lang ? { lang: event.payload.lang } : {}),
                team: event.team,
              },
            }
          : {}),
      });
    }
  }

  const teamRef = live.team(team);
  let scores: Scores | null = null;
  let items: ScoredItem[] = [];
  // The witnesses the team lost and the findings on its decisions (the hints), as the live scores
  // held them after a refresh at `target` (the view filters them by what the agency knows, as
  // live). One replay of the prefix gives them and the debrief.
  let liveCase: LiveCase | null = null;
  if (stateAtTarget !== undefined && teamRef !== undefined) {
    const scored = runtime.debriefWithCase(events.slice(0, prefixEnd), {
      rubricVersion: live.row.rubric_version,
      team,
      counterfactuals: false,
      ...(request.redact ? { recipient: { team, role } } : {}),
    });
    const mine = scored.debrief.teams.find((t) => t.team === team);
    if (mine) {
      scores = {
        evidence: mine.evidenceScore.value,
        rights: mine.rightsScore.value,
        redLines: mine.redLines.map((r) => r.ruleId),
      };
      items = mine.items;
    }
    liveCase = scored.liveCase;
  }

  return {
    session: live.id,
    team,
    role,
    seq: target,
    head,
    agencies: runtime.agencies,
    marks,
    view:
      stateAtTarget !== undefined && teamRef !== undefined
        ? runtime.view(stateAtTarget, role, {
            team: teamRef,
            settings: live.settings,
            running: false,
            scores: null,
            witnessesLost: liveCase?.witnessesLost ?? [],
            decisions: liveCase?.decisions ?? [],
          })
        : null,
    scores,
    items,
  };
}
