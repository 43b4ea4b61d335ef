import type {
  ChatMessage,
  Identity,
  Lobby,
  LobbyUpdated,
  Language,
  LogEvent,
  RoleView,
  SessionEvents,
  SessionMeta,
  SessionRescored,
  SessionSnapshot,
  SessionStatus,
  SessionUpdate,
  Text,
} from '@crossroads/shared';
import { LIMITS, applyViewPatch } from '@crossroads/shared';

/** A facilitator broadcast as the trainee keeps it. */
export interface Broadcast {
  seq: number;
  at: string;
  team: string | null;
  message: string;
  /** The language it was written in; absent for older logs (the session's language). */
  lang?: Language | undefined;
}

/**
 * Titles of decisions and options, by decision id, to name the decision.made and joint.signed
 * events by: from the server's `decided` (the team's decisions of any phase this agency may see)
 * and the phase's decisions, of every view this page was given.
 */
export type LabelBook = Record<string, { title: Text; options: Record<string, Text> }>;

/**
 * What a trainee's client knows about its session. Built only from server messages:
 * `session.snapshot` replaces it, `session.update` and `session.events` advance it, and
 * `session.rescored` brings what the live scores changed in its view (no event).
 */
export interface TraineeState {
  /** Highest seq applied: the handshake's `lastSeq` on reconnect. 0 = nothing yet. */
  seq: number;
  /** Whether a snapshot has been applied (before that, nothing is known). */
  loaded: boolean;
  status: SessionStatus;
  session: SessionMeta | null;
  identity: Identity | null;
  lobby: Lobby | null;
  view: RoleView | null;
  /** The server's version of `view`: the base a `viewPatch` must name to be applied. */
  viewVersion: string | null;
  /**
   * The seq of the latest update whose view patch could not be applied (another base): the view
   * is behind until a snapshot replaces it, so the session asks for one. 0 = the view is current.
   */
  syncNeeded: number;
  chat: ChatMessage[];
  broadcasts: Broadcast[];
  /** The events this trainee may see, oldest first (at most LIMITS.catchUpEvents). */
  events: LogEvent[];
  labels: LabelBook;
}

export type TraineeAction =
  | { type: 'snapshot'; snapshot: SessionSnapshot }
  | { type: 'update'; update: SessionUpdate }
  | { type: 'events'; batch: SessionEvents }
  /** What the server's recomputation of the live scores changed in the view (hints, say). */
  | { type: 'rescored'; rescored: SessionRescored }
  | { type: 'lobby'; lobby: LobbyUpdated }
  /**
   * The scenario clock moved on its own (see `clockMoving`): the client counts the session's time
   * ratio between server messages, as the server's ticker does (it sends its minutes to a trainee
   * only with a changed view). `minutes` is the clock's new value; never backwards.
   */
  | { type: 'clock'; minutes: number };

export const initialTraineeState: TraineeState = {
  seq: 0,
  loaded: false,
  status: 'lobby',
  session: null,
  identity: null,
  lobby: null,
  view: null,
  viewVersion: null,
  syncNeeded: 0,
  chat: [],
  broadcasts: [],
  events: [],
  labels: {},
};

const MAX_EVENTS = LIMITS.catchUpEvents;
const MAX_MESSAGES = LIMITS.snapshotChat * 2;

function learnLabels(labels: LabelBook, view: RoleView | null): LabelBook {
  const decided = view?.decided ?? [];
  if (!view || (view.decisions.length === 0 && decided.length === 0)) return labels;
  let next = labels;
  // The server's words for the decisions taken last, so they are the ones kept.
  for (const decision of [...view.decisions, ...decided]) {
    const known = next[decision.id];
    if (
      known !== undefined &&
      known.title === decision.title &&
      decision.options.every((o) => known.options[o.id] === o.label)
    )
      continue;
    const options = { ...(known?.options ?? {}) };
    for (const option of decision.options) options[option.id] = option.label;
    if (next === labels) next = { ...labels };
    next[decision.id] = { title: decision.title, options };
  }
  return next;
}

function displayNameOf(lobby: Lobby | null, participant: string | null): string {
  if (!participant || !lobby) return '';
  for (const team of lobby.teams) {
    const member = team.members.find((m) => m.id === participant);
    if (member) return member.displayName;
  }
  return '';
}

function keepLast<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}

/**
 * Applies one visible event on top of `state` (seq already checked). Chat and broadcasts are
 * kept as lists; a clock tick moves the view's clock unless the same message brings a new view.
 */
function applyEvent(state: TraineeState, event: LogEvent, viewIncluded: boolean): TraineeState {
  let next: TraineeState = { ...state, events: keepLast([...state.events, event], MAX_EVENTS) };
  switch (event.type) {
    case 'chat.message':
      if (event.team !== null && !state.chat.some((m) => m.seq === event.seq)) {
        const message: ChatMessage = {
          seq: event.seq,
          at: event.at,
          team: event.team,
          role: event.role,
          participant: event.participant,
          displayName: displayNameOf(state.lobby, event.participant),
          text: event.payload.text,
          time: event.time,
        };
        next = { ...next, chat: keepLast([...state.chat, message], MAX_MESSAGES) };
      }
      break;
    case 'broadcast.sent':
      if (!state.broadcasts.some((b) => b.seq === event.seq)) {
        const broadcast: Broadcast = {
          seq: event.seq,
          at: event.at,
          team: event.team,
          message: event.payload.message,
          ...(event.payload.lang ? { lang: event.payload.lang } : {}),
        };
        next = { ...next, broadcasts: keepLast([...state.broadcasts, broadcast], MAX_MESSAGES) };
      }
      break;
    case 'clock.ticked':
      if (!viewIncluded && next.view) {
        const minutes = next.view.clock.minutes + event.payload.minutes;
        next = { ...next, view: { ...next.view, clock: { ...next.view.clock, minutes } } };
      }
      break;
    case 'settings.changed':
      if (next.session)
        next = { ...next, session: { ...next.session, settings: event.payload.settings } };
      break;
    case 'debrief.released':
      if (next.session) next = { ...next, session: { ...next.session, debriefReleased: true } };
      break;
    default:
      break;
  }
  return next;
}

function withStatus(state: TraineeState, status: SessionStatus): TraineeState {
  if (state.status === status && state.session?.status === status) return state;
  return { ...state, status, session: state.session ? { ...state.session, status } : null };
}

/**
 * The trainee's state machine. Rules (from the wire contract):
 * - a snapshot replaces everything;
 * - an update or a catch-up batch whose seq is not above what was applied is a duplicate and is
 *   ignored; events inside a batch are applied in seq order, skipping any already applied;
 * - a whole view, when sent, replaces the held one; a view patch is applied only to the version
 *   it names as its base, else the view is kept and `syncNeeded` asks for a snapshot (the rest of
 *   the update is applied all the same);
 * - a rescored view or patch (`session.rescored`) follows the same rules unless its seq is below
 *   the one applied (stale), and leaves the seq as it is: no event came with it;
 * - nothing but a snapshot is applied before the first snapshot.
 */
export function traineeReducer(state: TraineeState, action: TraineeAction): TraineeState {
  switch (action.type) {
    case 'snapshot': {
      const s = action.snapshot;
      return {
        seq: s.seq,
        loaded: true,
        status: s.session.status,
        session: s.session,
        identity: s.identity,
        lobby: s.lobby,
        view: s.view,
        viewVersion: s.viewVersion,
        syncNeeded: 0,
        chat: keepLast(
          [...s.chat].sort((a, b) => a.seq - b.seq),
          MAX_MESSAGES,
        ),
        broadcasts: keepLast(
          [...s.broadcasts].sort((a, b) => a.seq - b.seq),
          MAX_MESSAGES,
        ),
        events: keepLast(
          [...s.events].sort((a, b) => a.seq - b.seq),
          MAX_EVENTS,
        ),
        labels: learnLabels(state.labels, s.view),
      };
    }
    case 'update': {
      const u = action.update;
      if (!state.loaded || u.seq <= state.seq) return state;
      let next: TraineeState = state;
      let viewBrought = u.view !== undefined;
      if (u.view) {
        const viewVersion = u.viewVersion ?? null;
        next = { ...next, view: u.view, viewVersion, labels: learnLabels(next.labels, u.view) };
      } else if (u.viewPatch) {
        const patched = applyViewPatch(next, u.viewPatch);
        viewBrought = patched !== null;
        next = patched
          ? { ...next, ...patched, labels: learnLabels(next.labels, patched.view) }
          : { ...next, syncNeeded: u.seq };
      }
      // A view or a patch brings the clock's minutes (absolute) when they changed: ticks in the
      // same update are counted in them already.
      if (u.event) next = applyEvent(next, u.event, viewBrought);
      // A clock move not the ticker's (a teammate's decision that took time, say) without a view
      // or patch for this group: the team's absolute minutes, with or without the event.
      if (u.minutes !== undefined && !viewBrought && next.view) {
        const clock = next.view.clock;
        if (clock.minutes !== u.minutes) {
          next = { ...next, view: { ...next.view, clock: { ...clock, minutes: u.minutes } } };
        }
      }
      next = withStatus(next, u.status);
      return { ...next, seq: u.seq };
    }
    case 'events': {
      const b = action.batch;
      if (!state.loaded) return state;
      const fresh = [...b.events].filter((e) => e.seq > state.seq).sort((a, c) => a.seq - c.seq);
      let next: TraineeState = state;
      let last = state.seq;
      for (const event of fresh) {
        if (event.seq <= last) continue; // the same event twice in one batch
        // The batch's view is current: clock ticks in the batch are already counted in it.
        next = applyEvent(next, event, true);
        last = event.seq;
      }
      if (b.seq > state.seq || fresh.length > 0) {
        next = {
          ...next,
          view: b.view,
          viewVersion: b.viewVersion,
          syncNeeded: 0,
          labels: learnLabels(next.labels, b.view),
        };
        next = withStatus(next, b.status);
      }
      return { ...next, seq: Math.max(last, b.seq, state.seq) };
    }
    case 'rescored': {
      const r = action.rescored;
      if (!state.loaded || r.seq < state.seq) return state;
      if (r.view) {
        const viewVersion = r.viewVersion ?? null;
        return { ...state, view: r.view, viewVersion, labels: learnLabels(state.labels, r.view) };
      }
      if (!r.viewPatch) return state;
      const patched = applyViewPatch(state, r.viewPatch);
      return patched
        ? { ...state, ...patched, labels: learnLabels(state.labels, patched.view) }
        : { ...state, syncNeeded: r.seq };
    }
    case 'clock': {
      const view = state.view;
      if (!clockMoving(state) || view === null) return state;
      const limit = view.clock.limitMinutes;
      const minutes = limit === null ? action.minutes : Math.min(action.minutes, limit);
      if (minutes <= view.clock.minutes) return state;
      return { ...state, view: { ...view, clock: { ...view.clock, minutes } } };
    }
    case 'lobby': {
      if (!state.loaded) return state;
      // The lobby's seq is the session head, which may be ahead of events this trainee sees;
      // it is deliberately not taken as lastSeq (a catch-up from a lower seq is always safe).
      const lobby = action.lobby.lobby;
      const chat = state.chat.map((m) =>
        m.displayName === '' ? { ...m, displayName: displayNameOf(lobby, m.participant) } : m,
      );
      return { ...state, lobby, chat };
    }
  }
}

/**
 * Whether the scenario clock moves on its own right now: the session runs, the team's clock runs
 * (the view's `clock.running`: not once the team reached an ending) and the time ratio is above 0.
 * The server's ticker then adds its minutes, and sends them to the trainee only with a changed
 * view; the client counts them in between (`clock` actions).
 */
export function clockMoving(state: TraineeState): boolean {
  return (
    state.loaded &&
    state.status === 'running' &&
    state.view !== null &&
    state.view.clock.running &&
    (state.session?.settings.timeRatio ?? 0) > 0
  );
}

/** Something worth telling a screen-reader user (and everyone else) when it happens. */
export type Announcement =
  | { kind: 'inject'; title: Text }
  | { kind: 'phase'; title: Text }
  | { kind: 'status'; status: SessionStatus }
  | { kind: 'request'; title: Text; status: 'pending' | 'granted' | 'refused'; incoming: boolean }
  | { kind: 'broadcast'; message: string; lang?: Language | undefined }
  | { kind: 'ending'; title: Text }
  /** Feedback on a decision of this agency (hints), with its title when this device knows it. */
  | { kind: 'hint'; title: Text | null }
  | { kind: 'debrief' }
  | { kind: 'moved' };

/**
 * What changed between two states that the trainee should be told about. A first snapshot
 * announces nothing (the screen shows it all); later changes announce new injects, a new phase,
 * pause/resume/end, requests answered or received, broadcasts, the scenario's ending and feedback
 * on a decision (a hint arrives after its decision, by a score refresh, with nothing to act on).
 */
export function announcementsBetween(before: TraineeState, after: TraineeState): Announcement[] {
  if (!before.loaded || !after.loaded || before === after) return [];
  const out: Announcement[] = [];
  if (before.status !== after.status) out.push({ kind: 'status', status: after.status });
  const beforeRole = before.view ? `${before.view.team.id}:${before.view.role.id}` : null;
  const afterRole = after.view ? `${after.view.team.id}:${after.view.role.id}` : null;
  if (beforeRole !== null && afterRole !== null && beforeRole !== afterRole) {
    out.push({ kind: 'moved' });
    return out;
  }
  const oldView = before.view;
  const newView = after.view;
  if (newView) {
    if (oldView && oldView.phase.id !== newView.phase.id) {
      out.push({ kind: 'phase', title: newView.phase.title });
    }
    const known = new Set(oldView?.injects.map((i) => i.id) ?? []);
    for (const inject of newView.injects) {
      if (oldView && !known.has(inject.id)) out.push({ kind: 'inject', title: inject.title });
    }
    const oldRequests = new Map(oldView?.requests.map((r) => [r.instance, r.status]) ?? []);
    for (const request of newView.requests) {
      const was = oldRequests.get(request.instance);
      const incoming = request.direction === 'incoming';
      if (oldView && was === undefined && incoming) {
        out.push({ kind: 'request', title: request.title, status: request.status, incoming });
      } else if (was !== undefined && was !== request.status) {
        out.push({ kind: 'request', title: request.title, status: request.status, incoming });
      }
    }
    if (oldView) {
      const hinted = new Set(oldView.hints.map((h) => h.seq));
      for (const hint of newView.hints) {
        if (!hinted.has(hint.seq)) {
          out.push({ kind: 'hint', title: after.labels[hint.decision]?.title ?? null });
        }
      }
    }
    if (newView.ended && !oldView?.ended) out.push({ kind: 'ending', title: newView.ended.title });
  }
  if (!before.session?.debriefReleased && after.session?.debriefReleased) {
    out.push({ kind: 'debrief' });
  }
  const seen = new Set(before.broadcasts.map((b) => b.seq));
  for (const broadcast of after.broadcasts) {
    if (!seen.has(broadcast.seq)) {
      out.push({ kind: 'broadcast', message: broadcast.message, lang: broadcast.lang });
    }
  }
  return out;
}
