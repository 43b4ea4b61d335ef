import {
  applyTeamPatch,
  requestAnswerer,
  type AgencySummary,
  type ChatMessage,
  type Identity,
  type LobbyUpdated,
  type LogEvent,
  type Lobby,
  type Participant,
  type PresenceUpdated,
  type SessionEvents,
  type SessionMeta,
  type SessionPausedPayload,
  type SessionRescored,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
  type TeamPatch,
  type TeamRef,
  type Text,
} from '@crossroads/shared';

/*
 * The console's picture of a session, built from the server's messages. Pure: the hook feeds the
 * socket's messages in, tests do the same.
 *
 * Rules (packages/shared/README.md §3):
 * - a snapshot replaces everything;
 * - an update or catch-up batch whose seq is not above the last applied seq is a duplicate or
 *   arrived out of order, and is ignored;
 * - staff see every event, so a jump of more than one in seq means something was missed: the
 *   update is still applied and `gap` asks the hook for a fresh snapshot;
 * - a team card comes whole (replacing the held one and its version) or as a patch against the
 *   version held for its team; a patch for another version is not applied (the card held stays)
 *   and `gap` asks for a snapshot;
 * - `injects` in an update or batch replaces the inject list (older servers send none: the
 *   `inject.released` events then keep it up to date for facilitator releases);
 * - `session.rescored` (what a recomputation of the live scores changed: scores, taints) merges its
 *   cards by the same rules unless its seq is below the one applied, and moves no seq (no event).
 */

export type InjectControl = SessionSnapshot['injects'][number];
export type BroadcastMessage = SessionSnapshot['broadcasts'][number];
/** A pinned note; `author` is null when it arrived live (the event does not name its author). */
export type ConsoleNote = Omit<SessionSnapshot['notes'][number], 'author'> & {
  author: string | null;
};

/** Timeline length kept in memory (the full log is in the events export). */
export const MAX_EVENTS = 1000;

/**
 * Events kept for the timeline. The server's ticker writes a `clock.ticked` per team every few
 * seconds while running; they update the cards but would drown the timeline, so they are not kept.
 */
export function timelineEvent(event: LogEvent): boolean {
  return event.type !== 'clock.ticked';
}

export interface ConsoleState {
  /** A snapshot has been applied. */
  ready: boolean;
  /** Highest seq applied. */
  seq: number;
  /** Seq of the lobby held (lobby.updated carries the head seq). */
  lobbySeq: number;
  session: SessionMeta | null;
  identity: Identity | null;
  lobby: Lobby;
  teams: TeamCard[];
  /** The version of each card of `teams`, by team id: the base the team's next patch must match. */
  teamVersions: Record<string, string>;
  injects: InjectControl[];
  chat: ChatMessage[];
  broadcasts: BroadcastMessage[];
  notes: ConsoleNote[];
  /** Oldest first. */
  events: LogEvent[];
  /** What the last pause said (its kind, the facilitator's note), while paused. */
  pause: SessionPausedPayload | null;
  /** Events were missed, or a card patch did not apply: the hook should ask for a snapshot. */
  gap: boolean;
  /**
   * Titles of decisions, options and requests, from the staff snapshot's `labels` and the team
   * cards, to name them in the timeline (events carry ids only). Keys: `decision:<id>`, `option:<decision>:<id>`,
   * `request:<id or instance>`.
   */
  labels: Record<string, Text>;
}

export type ConsoleAction =
  | { type: 'snapshot'; snapshot: SessionSnapshot }
  | { type: 'update'; update: SessionUpdate }
  | { type: 'events'; batch: SessionEvents }
  | { type: 'rescored'; rescored: SessionRescored }
  | { type: 'lobby'; message: LobbyUpdated }
  | { type: 'presence'; message: PresenceUpdated };

export const initialConsoleState: ConsoleState = {
  ready: false,
  seq: 0,
  lobbySeq: 0,
  session: null,
  identity: null,
  lobby: { teams: [], unassigned: [] },
  teams: [],
  teamVersions: {},
  injects: [],
  chat: [],
  broadcasts: [],
  notes: [],
  events: [],
  pause: null,
  gap: false,
  labels: {},
};

/** Adds the titles found on `cards` to `labels` (returns the same object when nothing is new). */
export function collectLabels(
  labels: Record<string, Text>,
  cards: readonly TeamCard[],
): Record<string, Text> {
  let next = labels;
  const add = (key: string, text: Text) => {
    if (next[key] !== undefined) return;
    if (next === labels) next = { ...labels };
    next[key] = text;
  };
  for (const card of cards) {
    for (const d of card.lastDecisions) {
      add(`decision:${d.decision}`, d.decisionTitle);
      add(`option:${d.decision}:${d.option}`, d.optionLabel);
    }
    for (const r of card.pendingRequests) {
      add(`request:${r.request}`, r.title);
      add(`request:${r.instance}`, r.title);
    }
  }
  return next;
}

function lastPause(events: readonly LogEvent[]): SessionPausedPayload | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === 'session.paused') return event.payload;
    if (event?.type === 'session.resumed' || event?.type === 'session.started') return null;
  }
  return null;
}

function fromSnapshot(snapshot: SessionSnapshot): ConsoleState {
  return {
    ready: true,
    seq: snapshot.seq,
    lobbySeq: snapshot.seq,
    session: snapshot.session,
    identity: snapshot.identity,
    lobby: snapshot.lobby,
    teams: snapshot.teams,
    teamVersions: snapshot.teamVersions,
    injects: snapshot.injects,
    chat: snapshot.chat,
    broadcasts: snapshot.broadcasts,
    notes: snapshot.notes,
    events: snapshot.events.filter(timelineEvent).slice(-MAX_EVENTS),
    pause: snapshot.session.status === 'paused' ? lastPause(snapshot.events) : null,
    gap: false,
    // Every title the staff snapshot names (older servers send none), then the cards' own.
    labels: collectLabels({ ...snapshot.labels }, snapshot.teams),
  };
}

function displayNameOf(lobby: Lobby, participant: string | null): string {
  if (!participant) return '';
  const everyone = [...lobby.unassigned, ...lobby.teams.flatMap((t) => t.members)];
  return everyone.find((p) => p.id === participant)?.displayName ?? '';
}

/** What one event changes besides the timeline (session status, injects, chat, notes...). */
function applyEvent(state: ConsoleState, event: LogEvent): ConsoleState {
  const session = state.session;
  switch (event.type) {
    case 'session.started':
      return session
        ? {
            ...state,
            session: { ...session, status: 'running', startedAt: session.startedAt ?? event.at },
            pause: null,
          }
        : state;
    case 'session.paused':
      return {
        ...state,
        session: session ? { ...session, status: 'paused' } : session,
        pause: event.payload,
      };
    case 'session.resumed':
      return {
        ...state,
        session: session ? { ...session, status: 'running' } : session,
        pause: null,
      };
    case 'session.ended':
      return {
        ...state,
        session: session ? { ...session, status: 'ended', endedAt: event.at } : session,
        pause: null,
      };
    case 'debrief.released':
      return session ? { ...state, session: { ...session, debriefReleased: true } } : state;
    case 'settings.changed':
      return session
        ? { ...state, session: { ...session, settings: event.payload.settings } }
        : state;
    case 'inject.released': {
      const team = event.team;
      if (!team) return state;
      return {
        ...state,
        injects: state.injects.map((inject) =>
          inject.id === event.payload.inject && !inject.releasedTo.includes(team)
            ? { ...inject, releasedTo: [...inject.releasedTo, team] }
            : inject,
        ),
      };
    }
    case 'chat.message':
      if (!event.team) return state;
      return {
        ...state,
        chat: [
          ...state.chat,
          {
            seq: event.seq,
            at: event.at,
            team: event.team,
            role: event.role,
            participant: event.participant,
            displayName: displayNameOf(state.lobby, event.participant),
            text: event.payload.text,
            time: event.time,
          },
        ].slice(-MAX_EVENTS),
      };
    case 'broadcast.sent':
      return {
        ...state,
        broadcasts: [
          ...state.broadcasts,
          {
            seq: event.seq,
            at: event.at,
            team: event.team,
            message: event.payload.message,
            ...(event.payload.lang ? { lang: event.payload.lang } : {}),
          },
        ],
      };
    case 'note.pinned':
      return {
        ...state,
        notes: [
          ...state.notes,
          {
            seq: event.seq,
            at: event.at,
            about: event.payload.seq,
            author: null,
            text: event.payload.text,
          },
        ],
      };
    case 'clock.ticked':
      // The server sends no card when a tick changed only its minutes: they are counted here.
      return {
        ...state,
        teams: state.teams.map((card) =>
          card.team.id === event.team
            ? {
                ...card,
                clock: { ...card.clock, minutes: card.clock.minutes + event.payload.minutes },
              }
            : card,
        ),
      };
    default:
      return state;
  }
}

function replaceCards(current: TeamCard[], changed: readonly TeamCard[]): TeamCard[] {
  if (changed.length === 0) return current;
  const byId = new Map(changed.map((card) => [card.team.id, card]));
  const next = current.map((card) => byId.get(card.team.id) ?? card);
  for (const card of changed) {
    if (!current.some((c) => c.team.id === card.team.id)) next.push(card);
  }
  return next;
}

/**
 * The cards and versions after whole cards (`changed`, with their versions) and patches: a patch
 * whose base is not the version held for its team leaves that card as it is and sets `mismatch`.
 */
export function mergeCards(
  current: { teams: TeamCard[]; teamVersions: Record<string, string> },
  changed: readonly TeamCard[] = [],
  versions: Record<string, string> = {},
  patches: readonly TeamPatch[] = [],
): { teams: TeamCard[]; teamVersions: Record<string, string>; mismatch: boolean } {
  let teams = replaceCards(current.teams, changed);
  const teamVersions = { ...current.teamVersions };
  for (const card of changed) {
    const version = versions[card.team.id];
    // A card without a version cannot take a patch: the next one asks for a snapshot.
    if (version === undefined) delete teamVersions[card.team.id];
    else teamVersions[card.team.id] = version;
  }
  let mismatch = false;
  for (const patch of patches) {
    const index = teams.findIndex((card) => card.team.id === patch.team);
    const patched = applyTeamPatch(
      { card: teams[index], version: teamVersions[patch.team] },
      patch,
    );
    if (patched === null) {
      mismatch = true;
      continue;
    }
    teams = teams.map((card, i) => (i === index ? patched.card : card));
    teamVersions[patch.team] = patched.version;
  }
  return { teams, teamVersions, mismatch };
}

function withStatus(state: ConsoleState, status: SessionMeta['status']): ConsoleState {
  if (!state.session || state.session.status === status) return state;
  return { ...state, session: { ...state.session, status } };
}

function setPresence<T extends Pick<Participant, 'id' | 'presence'>>(
  list: T[],
  message: PresenceUpdated,
): T[] {
  return list.some((p) => p.id === message.participant && p.presence !== message.presence)
    ? list.map((p) => (p.id === message.participant ? { ...p, presence: message.presence } : p))
    : list;
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'snapshot':
      return fromSnapshot(action.snapshot);

    case 'update': {
      const { update } = action;
      // Nothing can be applied before the snapshot, and an old seq has been applied already.
      if (!state.ready || update.seq <= state.seq) return state;
      const gap = state.gap || update.seq > state.seq + 1;
      let next: ConsoleState = { ...state, seq: update.seq, gap };
      if (update.event) {
        next = applyEvent(next, update.event);
        if (timelineEvent(update.event)) {
          next = { ...next, events: [...next.events, update.event].slice(-MAX_EVENTS) };
        }
      }
      // Cards after the event's own effects: the server's cards are the truth (clock included).
      if (update.teams || update.teamPatches) {
        const merged = mergeCards(next, update.teams, update.teamVersions, update.teamPatches);
        next = {
          ...next,
          teams: merged.teams,
          teamVersions: merged.teamVersions,
          gap: next.gap || merged.mismatch,
          labels: collectLabels(next.labels, merged.teams),
        };
      }
      // The server's list (sent when a release changed, automatic ones included) is the truth.
      if (update.injects) next = { ...next, injects: update.injects };
      return withStatus(next, update.status);
    }

    case 'events': {
      const { batch } = action;
      if (!state.ready || batch.seq < state.seq) return state;
      let next: ConsoleState = { ...state };
      const fresh = batch.events.filter((event) => event.seq > state.seq);
      for (const event of fresh) next = applyEvent(next, event);
      next = {
        ...next,
        seq: Math.max(state.seq, batch.seq),
        events: [...next.events, ...fresh.filter(timelineEvent)].slice(-MAX_EVENTS),
        teams: batch.teams.length > 0 ? batch.teams : next.teams,
        teamVersions: batch.teams.length > 0 ? batch.teamVersions : next.teamVersions,
        injects: batch.injects ?? next.injects,
        labels: collectLabels(next.labels, batch.teams),
      };
      return withStatus(next, batch.status);
    }

    case 'rescored': {
      const { rescored } = action;
      // Stale (an update since) or before the snapshot: the cards held are as new or newer.
      if (!state.ready || rescored.seq < state.seq) return state;
      if (!rescored.teams && !rescored.teamPatches) return state;
      const merged = mergeCards(state, rescored.teams, rescored.teamVersions, rescored.teamPatches);
      return {
        ...state,
        teams: merged.teams,
        teamVersions: merged.teamVersions,
        gap: state.gap || merged.mismatch,
        labels: collectLabels(state.labels, merged.teams),
      };
    }

    case 'lobby': {
      const { message } = action;
      if (message.seq < state.lobbySeq) return state;
      return { ...state, lobby: message.lobby, lobbySeq: message.seq };
    }

    case 'presence': {
      const { message } = action;
      const lobby: Lobby = {
        unassigned: setPresence(state.lobby.unassigned, message),
        teams: state.lobby.teams.map((team) => {
          const members = setPresence(team.members, message);
          return members === team.members ? team : { ...team, members };
        }),
      };
      const teams = state.teams.map((card) => {
        const members = setPresence(card.members, message);
        return members === card.members ? card : { ...card, members };
      });
      return { ...state, lobby, teams };
    }
  }
}

/** Every participant the lobby knows, with the team they are in (null = not placed yet). */
export function allParticipants(lobby: Lobby): Participant[] {
  return [...lobby.teams.flatMap((team) => team.members), ...lobby.unassigned];
}

export type PendingRequest = TeamCard['pendingRequests'][number];

/** A pending request on the facilitator's queue, with what the queue shows about its team. */
export interface QueuedRequest {
  team: TeamRef;
  card: TeamCard;
  request: PendingRequest;
  /** Who answers it now (from the team's members as they are now: presence arrives live). */
  answerer: ReturnType<typeof requestAnswerer>;
  /** Scenario minutes it has been waiting (on the team's clock). */
  waited: number;
}

/** The same scenario request waiting in one or more teams: answered together or one by one. */
export interface RequestGroup {
  request: string;
  to: string;
  title: Text;
  /** What the request asks, in the scenario's words (the same in every team; absent: none). */
  body?: Text;
  items: QueuedRequest[];
}

/**
 * Pending requests across teams that the facilitator answers (with `includeTrainees`, also those
 * waiting for trainees), longest waiting first. An ended team's requests cannot be answered any
 * more and are left out (servers before this rule still listed them).
 */
export function requestsForFacilitator(
  teams: readonly TeamCard[],
  agencies: readonly AgencySummary[] = [],
  options: { includeTrainees?: boolean } = {},
): QueuedRequest[] {
  return teams
    .filter((card) => card.ended === null)
    .flatMap((card) =>
      card.pendingRequests.map((request) => ({
        team: card.team,
        card,
        request,
        answerer: requestAnswerer(
          agencies.find((a) => a.id === request.to),
          card.members,
          request.to,
        ),
        waited: Math.max(0, card.clock.minutes - request.sentAt),
      })),
    )
    .filter((item) => options.includeTrainees === true || item.answerer !== 'trainees')
    .sort((a, b) => b.waited - a.waited || a.request.sentAt - b.request.sentAt);
}

/** Groups queued requests by scenario request, the group waiting longest first. */
export function groupRequests(items: readonly QueuedRequest[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  for (const item of items) {
    const key = item.request.request;
    let group = groups.get(key);
    if (!group) {
      const { to, title, body } = item.request;
      group = { request: key, to, title, ...(body !== undefined ? { body } : {}), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  // Items arrive longest waiting first, so each group's first item is its longest wait.
  return [...groups.values()];
}
