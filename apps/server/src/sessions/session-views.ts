import { Injectable } from '@nestjs/common';
import { eventForTrainee, mayTraineeSee } from '@crossroads/scenarios';
import {
  LIMITS,
  requestAnswerer,
  type ChatMessage,
  type Identity,
  type LogEvent,
  type LostWitnessView,
  type Lobby,
  type Participant,
  type RoleView,
  type Scores,
  type SessionMeta,
  type SessionSnapshot,
  type TeamCard,
} from '@crossroads/shared';
import { AccountsService } from '../accounts/accounts.service';
import { RECENT_DECISIONS, type LiveSession } from './live-session';
import type { DecisionFindingView, LiveCase } from '../catalogue/runtime';
import { equalJson } from './view-diff';
import type { Principal } from './principal';
import type { ParticipantRow } from './session-store';
import { SessionStore } from './session-store';

/** Where a trainee sits: the recipient group for filtering. */
export interface TraineeSeat {
  team: string | null;
  role: string | null;
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    displayName: row.display_name,
    team: row.team_id,
    role: row.role,
    presence: row.presence,
    joinedAt: row.joined_at,
  };
}

interface CardMemo {
  card: TeamCard;
  /** The runtime's pending requests the card's were made from. */
  pending: TeamCard['pendingRequests'];
  /** The team's list of recent decisions, with its length and last event then (it grows in place). */
  recent: LogEvent[] | undefined;
  recentLength: number | undefined;
  recentLast: LogEvent | undefined;
  /** The team's participant rows, in the session's order. */
  rows: ParticipantRow[];
  /** The card's pending requests by the runtime's items they were made from (see card). */
  pendingItems: Map<object, TeamCard['pendingRequests'][number]>;
  /** JSON texts of the card's parts, and of its last decisions one by one (see cardJson). */
  texts: Map<unknown, string>;
}

/** A view's context without witnesses lost, or without findings: one empty list for all. */
const NONE_LOST: readonly LostWitnessView[] = [];
const NO_FINDINGS: readonly DecisionFindingView[] = [];

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The teams whose scores differ between two refreshes (a missing team's scores are null). */
export function changedTeams(
  teams: readonly string[],
  before: ReadonlyMap<string, Scores> | undefined,
  after: ReadonlyMap<string, Scores>,
): string[] {
  return teams.filter((t) => !equalJson(before?.get(t) ?? null, after.get(t) ?? null));
}

/**
 * Live scores are recomputed from the log about this often while it grows, each session at its own
 * phase of the period (SessionHost.scheduleScores).
 */
export const SCORE_REFRESH_MS = 5000;

/**
 * Builds what each recipient may see: snapshots, views, cards, lobby, and the event filter.
 * Every read path (live update, catch-up, snapshot, REST) goes through `visibleToSeat`, and hands
 * a trainee each event it may see through `eventForSeat`.
 */
@Injectable()
export class SessionViews {
  /** Each session's teams' last cards, with what their parts came from (see card). */
  private readonly cardMemos = new WeakMap<LiveSession, Map<string, CardMemo>>();

  constructor(
    private readonly store: SessionStore,
    private readonly accounts: AccountsService,
  ) {}

  /** Whether a trainee in `seat` may see `event` (staff see everything). */
  visibleToSeat(live: LiveSession, seat: TraineeSeat, event: LogEvent): boolean {
    // The rules are the scenario package's need-to-know module; the scenario's runtime answers
    // for engine events of the trainee's own team.
    return mayTraineeSee(seat, event, (engineEvent, role) => {
      const state = seat.team === null ? undefined : live.states.get(seat.team);
      return state !== undefined && live.runtime.visibleTo(state, engineEvent, role);
    });
  }

  /**
   * `event` (one the trainee may see: `visibleToSeat`) as a trainee in `seat` receives it: without
   * the reasons other agencies typed (the need-to-know module's `eventForTrainee`). The event
   * itself when nothing is left out; else a copy, the same object for every seat that gets it.
   */
  eventForSeat(live: LiveSession, seat: TraineeSeat, event: LogEvent): LogEvent {
    return eventForTrainee(seat, event, (request) => live.runtime.requestTarget(request));
  }

  seatOf(live: LiveSession, principal: Principal): TraineeSeat | null {
    if (principal.kind !== 'participant') return null;
    const row = live.participants.get(principal.participantId);
    return { team: row?.team_id ?? null, role: row?.role ?? null };
  }

  /** The events `principal` may receive, as it receives them (staff: all, unchanged). */
  filter(live: LiveSession, principal: Principal, events: LogEvent[]): LogEvent[] {
    const seat = this.seatOf(live, principal);
    if (seat === null) return events;
    const out: LogEvent[] = [];
    for (const e of events)
      if (this.visibleToSeat(live, seat, e)) out.push(this.eventForSeat(live, seat, e));
    return out;
  }

  meta(live: LiveSession, staff: boolean, publicOrigin: string): SessionMeta {
    return {
      id: live.id,
      scenario: {
        id: live.runtime.id,
        version: live.runtime.version,
        title: live.runtime.title,
        ...(live.runtime.startTime !== undefined ? { startTime: live.runtime.startTime } : {}),
      },
      status: live.status,
      settings: live.settings,
      teams: live.teams,
      agencies: live.runtime.agencies,
      createdAt: live.row.created_at,
      startedAt: live.startedAt,
      endedAt: live.endedAt,
      debriefReleased: live.debriefReleased,
      seq: live.head,
      ...(live.runtime.rubricVersion ? { rubricVersion: live.runtime.rubricVersion } : {}),
      ...(live.details ? { details: live.details } : {}),
      ...(staff
        ? {
            joinCode: live.row.join_code,
            joinLink: `${publicOrigin}/join/${live.row.join_code}`,
          }
        : {}),
    };
  }

  identity(live: LiveSession, principal: Principal): Identity {
    if (principal.kind === 'facilitator') {
      return { kind: 'facilitator', account: principal.account, memberRole: principal.memberRole };
    }
    if (principal.kind === 'observer') return { kind: 'observer', account: principal.account };
    const row = live.participants.get(principal.participantId);
    if (!row) throw new Error(`participant ${principal.participantId} not in session ${live.id}`);
    return { kind: 'participant', participant: toParticipant(row) };
  }

  /** Staff see every team; a trainee sees their own team's members (other teams empty). */
  lobby(live: LiveSession, seat: TraineeSeat | null): Lobby {
    const members = [...live.participants.values()].map(toParticipant);
    return {
      teams: live.teams.map((team) => ({
        ...team,
        members:
          seat === null || seat.team === team.id ? members.filter((p) => p.team === team.id) : [],
      })),
      unassigned: seat === null ? members.filter((p) => p.team === null || p.role === null) : [],
    };
  }

  /**
   * A team's scores as last computed (null before the first computation). Scores come from the
   * scoring package's replay of the log, so they are never computed on the way to a view: callers
   * that want them current await freshenScores() first, and the host refreshes them off the
   * command path (at most every SCORE_REFRESH_MS); between refreshes cards show the previous ones.
   */
  scores(live: LiveSession, team: string): Scores | null {
    return live.scoreCache?.scores.get(team) ?? null;
  }

  /**
   * A team's case as last computed with the scores (null before the first computation, or when it
   * has none): what the debrief would hold against its evidence, and the witnesses it lost.
   */
  liveCase(live: LiveSession, team: string): LiveCase | null {
    return live.scoreCache?.cases?.get(team) ?? null;
  }

  /** Rescores the log if the cached scores lag it and are old enough (or were never computed). */
  async freshenScores(live: LiveSession): Promise<void> {
    if (this.scoresStale(live) || (live.scoreCache === null && live.states.size > 0)) {
      await this.refreshScores(live);
    }
  }

  /** True when the cached scores lag the log and are old enough (or the session ended). */
  scoresStale(live: LiveSession, now = Date.now()): boolean {
    const cache = live.scoreCache;
    if (live.states.size === 0) return false;
    return (
      cache === null ||
      (cache.seq !== live.head && (now - cache.at >= SCORE_REFRESH_MS || live.status === 'ended'))
    );
  }

  /**
   * Rescores the log now: the session's scorer is fed the events after the last one it scored, read
   * from the store, and rescores the teams they reached. Returns the teams whose scores changed. The
   * cache records the seq of the last event scored, so events committed while the log was read leave
   * it stale.
   */
  async refreshScores(live: LiveSession): Promise<string[]> {
    const before = live.scoreCache?.scores;
    const now = Date.now();
    const head = live.head;
    const scorer = (live.scorer ??= live.runtime.liveScores(live.row.rubric_version));
    try {
      // Two refreshes at once read overlapping events: the scorer skips those it was fed already.
      scorer.add(await this.store.eventsAfter(live.id, scorer.seq));
      const scores = scorer.scores();
      live.scoreCache = { seq: scorer.seq, at: now, scores, cases: scorer.cases() };
    } catch {
      // The scorer may have been fed part of the events: the next refresh starts from the log again.
      if (live.scorer === scorer) live.scorer = null;
      live.scoreCache = { seq: head, at: now, scores: new Map() };
    }
    return changedTeams(
      live.teams.map((t) => t.id),
      before,
      live.scoreCache.scores,
    );
  }

  /** A team/agency view, with the last computed scores (see scores()). */
  view(live: LiveSession, team: string, role: string): RoleView | null {
    const state = live.states.get(team);
    const teamRef = live.team(team);
    if (state === undefined || teamRef === undefined) return null;
    const liveCase = this.liveCase(live, team);
    return live.runtime.view(state, role, {
      team: teamRef,
      settings: live.settings,
      running: live.status === 'running',
      scores: live.settings.scoresVisibleToTrainees ? this.scores(live, team) : null,
      // Filtered by need to know in the view: only what the agency knows of reaches it. One empty
      // list for every view without (the runtime keeps what it filtered while the list is the same
      // object).
      witnessesLost: liveCase?.witnessesLost ?? NONE_LOST,
      decisions: liveCase?.decisions ?? NO_FINDINGS,
    });
  }

  /**
   * Loads each team's last decisions from the log into the live session, once, when it is opened;
   * LiveSession.applyMeta keeps the lists current after that.
   */
  async loadRecentDecisions(live: LiveSession): Promise<void> {
    for (const team of live.teams) {
      if (live.recentDecisions.has(team.id)) continue;
      const list = await this.store.lastEventsOfTeam(
        live.id,
        team.id,
        ['decision.made'],
        RECENT_DECISIONS,
      );
      if (!live.recentDecisions.has(team.id)) live.recentDecisions.set(team.id, list);
    }
  }

  /**
   * A team's staff card. Each part is reused from the team's card before while what it comes from
   * is unchanged (the engine's parts are the runtime's; the last decisions while the team's list
   * holds the same events; the members while the team's participant rows are the same objects,
   * which rows are, being replaced on every change), and the whole card while every part is: an
   * event that changed nothing a card shows (a chat line, say) gives the very card before.
   */
  card(live: LiveSession, team: string): TeamCard | null {
    const state = live.states.get(team);
    const teamRef = live.team(team);
    if (state === undefined || teamRef === undefined) return null;
    let memos = this.cardMemos.get(live);
    if (memos === undefined) {
      memos = new Map();
      this.cardMemos.set(live, memos);
    }
    const memo = memos.get(team);
    const before = memo?.card;
    const context = { team: teamRef, settings: live.settings, running: live.status === 'running' };
    const engine = live.runtime.card(state, context);
    const clock =
      before !== undefined &&
      before.clock.minutes === engine.clock.minutes &&
      before.clock.running === engine.clock.running &&
      before.clock.limitMinutes === engine.clock.limitMinutes
        ? before.clock
        : engine.clock;
    const recent = live.recentDecisions.get(team);
    const last = recent?.[recent.length - 1];
    const lastDecisions =
      memo !== undefined &&
      memo.recent === recent &&
      memo.recentLength === recent?.length &&
      memo.recentLast === last
        ? memo.card.lastDecisions
        : this.lastDecisions(live, recent, memo?.card.lastDecisions);
    const rows: ParticipantRow[] = [];
    for (const row of live.participants.values()) if (row.team_id === team) rows.push(row);
    const members =
      memo !== undefined && sameItems(memo.rows, rows)
        ? memo.card.members
        : rows.map((p) => ({
            id: p.id,
            displayName: p.display_name,
            role: p.role,
            presence: p.presence,
          }));
    let pendingRequests: TeamCard['pendingRequests'];
    let pendingItems = memo?.pendingItems ?? new Map<object, TeamCard['pendingRequests'][number]>();
    if (
      memo !== undefined &&
      memo.pending === engine.pendingRequests &&
      before?.members === members
    ) {
      pendingRequests = memo.card.pendingRequests;
    } else {
      // An item depends on its engine item and the members alone: the card before's item while
      // both are the same, and the card before's list while it holds the very same items.
      const reuse = memo !== undefined && before?.members === members ? memo.pendingItems : null;
      pendingItems = new Map();
      const list: TeamCard['pendingRequests'] = [];
      for (const request of engine.pendingRequests) {
        let item = reuse?.get(request);
        if (item === undefined) {
          const agency = live.runtime.agencies.find((a) => a.id === request.to);
          const answerer = requestAnswerer(agency, members, request.to);
          item = {
            ...request,
            facilitatorAnswers: answerer !== 'trainees',
            agencyAbsent: answerer === 'absent',
          };
        }
        pendingItems.set(request, item);
        list.push(item);
      }
      pendingRequests =
        before !== undefined && sameItems(before.pendingRequests, list)
          ? before.pendingRequests
          : list;
    }
    const scores = this.scores(live, team);
    const taints = this.liveCase(live, team)?.taints;
    const card: TeamCard =
      before !== undefined &&
      before.taints === (taints?.length ? taints : undefined) &&
      before.team === teamRef &&
      before.phase === engine.phase &&
      before.clock === clock &&
      before.pendingRequests === pendingRequests &&
      before.ended === engine.ended &&
      before.lastDecisions === lastDecisions &&
      before.members === members &&
      before.scores === scores
        ? before
        : {
            team: teamRef,
            phase: engine.phase,
            clock,
            pendingRequests,
            ended: engine.ended,
            lastDecisions,
            members,
            scores,
            // Staff only (cards go to staff alone); absent when there is none.
            ...(taints?.length ? { taints } : {}),
          };
    memos.set(team, {
      card,
      pending: engine.pendingRequests,
      recent,
      recentLength: recent?.length,
      recentLast: last,
      rows,
      pendingItems,
      texts: memo?.texts ?? new Map(),
    });
    return card;
  }

  /**
   * `JSON.stringify(card)`, character for character, for a card card() just returned: the texts of
   * the parts (and last decisions) it shares with the team's cards before are reused. A card goes
   * to the staff whenever it changed, and most of its 8 KB (ten last decisions with their texts in
   * five languages, the pending requests) is the same objects as in the card before. The texts are
   * kept for the parts of the current card only.
   */
  cardJson(live: LiveSession, card: TeamCard): string {
    const memo = this.cardMemos.get(live)?.get(card.team.id);
    if (memo === undefined || memo.card !== card) return JSON.stringify(card);
    const before = memo.texts;
    const texts = new Map<unknown, string>();
    const textOf = (value: object): string => {
      let text = before.get(value);
      if (text === undefined) text = JSON.stringify(value);
      texts.set(value, text);
      return text;
    };
    let json = '{';
    for (const key of Object.keys(card)) {
      const value = (card as Record<string, unknown>)[key];
      if (value === undefined) continue;
      let text: string;
      if (key === 'lastDecisions' && Array.isArray(value)) {
        let cached = before.get(value);
        if (cached === undefined) {
          cached = '[';
          for (let i = 0; i < value.length; i += 1) {
            cached += (i === 0 ? '' : ',') + textOf(value[i] as object);
          }
          cached += ']';
        } else {
          for (const item of value) textOf(item as object);
        }
        texts.set(value, cached);
        text = cached;
      } else {
        text = typeof value === 'object' && value !== null ? textOf(value) : JSON.stringify(value);
      }
      json += `${json.length > 1 ? ',' : ''}${JSON.stringify(key)}:${text}`;
    }
    memo.texts = texts;
    return `${json}}`;
  }

  /** The card's list of a team's last decisions, newest first (see loadRecentDecisions). */
  private lastDecisions(
    live: LiveSession,
    recent: LogEvent[] | undefined,
    before: TeamCard['lastDecisions'] = [],
  ): TeamCard['lastDecisions'] {
    const out: TeamCard['lastDecisions'] = [];
    // An event's item depends on the event and the scenario alone: the items of the list before
    // are kept (and so are their texts, see cardJson), only a new decision's is built.
    const kept = new Map(before.map((item) => [item.seq, item]));
    for (let i = (recent?.length ?? 0) - 1; i >= 0; i -= 1) {
      const e = recent?.[i];
      if (e?.type !== 'decision.made') continue;
      const item = kept.get(e.seq);
      if (
        item !== undefined &&
        item.decision === e.payload.decision &&
        item.option === e.payload.option
      ) {
        out.push(item);
        continue;
      }
      const labels = live.runtime.decisionLabels(e.payload.decision, e.payload.option);
      out.push({
        seq: e.seq,
        at: e.at,
        time: e.time,
        role: e.role,
        participant: e.participant,
        decision: e.payload.decision,
        decisionTitle: labels.decision,
        option: e.payload.option,
        optionLabel: labels.option,
      });
    }
    return out;
  }

  cards(live: LiveSession): TeamCard[] {
    return live.teams.flatMap((t) => this.card(live, t.id) ?? []);
  }

  chat(live: LiveSession, events: LogEvent[]): ChatMessage[] {
    return events.flatMap((e) => {
      if (e.type !== 'chat.message' || e.team === null) return [];
      const who = e.participant ? live.participants.get(e.participant) : undefined;
      return [
        {
          seq: e.seq,
          at: e.at,
          team: e.team,
          role: e.role,
          participant: e.participant,
          displayName: who?.display_name ?? '',
          text: e.payload.text,
          time: e.time,
        },
      ];
    });
  }

  /**
   * Everything a connection needs to start: the log is read and the scores freshened first, then
   * the snapshot is built from memory in one synchronous step (nothing changes the session while
   * it is built).
   */
  async snapshot(
    live: LiveSession,
    principal: Principal,
    publicOrigin: string,
  ): Promise<Omit<SessionSnapshot, 'viewVersion' | 'teamVersions'>> {
    const seat = this.seatOf(live, principal);
    const staff = seat === null;
    const [chatEvents, broadcastEvents, noteEvents, recent] = await Promise.all([
      seat === null
        ? this.store.lastEventsOfTypes(live.id, ['chat.message'], LIMITS.snapshotChat)
        : seat.team === null
          ? Promise.resolve([])
          : this.store.lastEventsOfTeam(live.id, seat.team, ['chat.message'], LIMITS.snapshotChat),
      this.store.lastEventsOfTypes(live.id, ['broadcast.sent'], LIMITS.snapshotChat),
      staff ? this.store.notes(live.id, 500) : Promise.resolve([]),
      this.store.lastEventsExcept(live.id, ['clock.ticked'], LIMITS.catchUpEvents * 2),
    ]);
    const authors = new Map<string, string>();
    for (const { actor } of noteEvents) {
      if (actor?.startsWith('account:') && !authors.has(actor)) {
        authors.set(actor, await this.accountName(actor.slice(8)));
      }
    }
    await this.freshenScores(live);
    const broadcasts = broadcastEvents
      .filter((e) => seat === null || e.team === null || e.team === seat.team)
      .flatMap((e) =>
        e.type === 'broadcast.sent'
          ? [
              {
                seq: e.seq,
                at: e.at,
                team: e.team,
                message: e.payload.message,
                ...(e.payload.lang ? { lang: e.payload.lang } : {}),
              },
            ]
          : [],
      );
    const notes = noteEvents.map(({ event, actor }) => ({
      seq: event.seq,
      at: event.at,
      about: event.payload.seq,
      author: (actor && authors.get(actor)) ?? '',
      text: event.payload.text,
    }));
    const timeline = this.filter(live, principal, recent).slice(-LIMITS.catchUpEvents);
    return {
      seq: live.head,
      // The join code lets people in: facilitators see it, observers and trainees do not.
      session: this.meta(live, principal.kind === 'facilitator', publicOrigin),
      identity: this.identity(live, principal),
      lobby: this.lobby(live, seat),
      view: seat?.team && seat.role ? this.view(live, seat.team, seat.role) : null,
      teams: staff ? this.cards(live) : [],
      injects: staff ? live.runtime.injectControls(live.states) : [],
      ...(staff ? { labels: live.runtime.labels() } : {}),
      chat: this.chat(live, chatEvents),
      broadcasts,
      notes,
      events: timeline,
    };
  }

  async accountName(id: string): Promise<string> {
    return (await this.accounts.byId(id))?.username ?? '';
  }
}
