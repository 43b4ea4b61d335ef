import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  LIMITS,
  type LogEvent,
  type Presence,
  type ServerNotice,
  type RoleView,
  type SessionSnapshot,
  type SessionUpdate,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { queueBounds, type AppConfig } from '../config';
import { boundQueue, type SentCounter } from '../realtime/outbound-queue';
import { ByteBudget } from './rate-limit';
import { publicOriginFor } from '../public-origin';
import { InjectConfig } from '../config.module';
import type { TypedServer, TypedSocket } from '../realtime/types';
import type { LiveSession } from './live-session';
import type { Principal } from './principal';
import { SessionStore } from './session-store';
import { SCORE_REFRESH_MS, sameView, SessionViews } from './session-views';

/** socket.io room names of a session. */
export const rooms = {
  all: (s: string) => `s:${s}`,
  staff: (s: string) => `s:${s}:staff`,
  team: (s: string, team: string) => `s:${s}:t:${team}`,
  group: (s: string, team: string, role: string) => `s:${s}:g:${team}:${role}`,
  unassigned: (s: string) => `s:${s}:u`,
  participant: (s: string, p: string) => `s:${s}:p:${p}`,
};

/** What the server knows about one session socket; `principal` is refreshed on every command. */
export interface SocketEntry {
  principal: Principal;
  sessionId: string;
  /** Staff sockets: the hash of the login token, looked up again on every command. */
  tokenHash?: string;
  /** Staff sockets: when the login token expires (ms since epoch). */
  expiresAt?: number;
}

/** What a socket's outbound side holds: its byte counter and its snapshot budget. */
interface Outbound {
  sent: SentCounter;
  snapshots: ByteBudget;
}

/** How long a principal cut off as a slow consumer is told so when it connects again. */
const FELL_BEHIND_NOTICE_MS = 10 * 60_000;

/** Told to a client on the connection after the one the server closed for falling behind. */
export const FELL_BEHIND_NOTICE: ServerNotice = {
  code: ErrorCode.SlowConsumer,
  message:
    'The connection fell too far behind the session, so the server closed it; the session has been reloaded.',
};

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
 * Pushes committed events to the sockets allowed to see them. The server reference is set by the
 * gateway once socket.io is up; before that (or in a CLI) publishing is a no-op.
 */
@Injectable()
export class SessionHub {
  server: TypedServer | null = null;
  /** The authenticated principal of each session socket. */
  readonly principals = new Map<string, SocketEntry>();
  private readonly outbound = new Map<string, Outbound>();
  /** Principals (session/kind/id) whose socket was closed for falling behind, and when. */
  private readonly fellBehind = new Map<string, number>();
  /**
   * Snapshot bytes per principal, across all of its sockets (as commands are limited per socket
   * and per participant): opening more sockets does not buy more snapshots.
   */
  private readonly principalSnapshots = new Map<string, ByteBudget>();
  private readonly bounds: ReturnType<typeof queueBounds>;

  constructor(
    private readonly views: SessionViews,
    private readonly store: SessionStore,
    @InjectConfig() private readonly config: AppConfig,
    @InjectPinoLogger('SessionHub') private readonly logger: PinoLogger,
  ) {
    this.bounds = queueBounds(config);
  }

  /**
   * Bounds what may be queued for a socket (CROSSROADS_QUEUE_BYTES / _MESSAGES): past either, the
   * connection is closed, and its principal is told why when it connects again (a client that does
   * not read cannot be told on the connection it does not read).
   */
  watch(socket: TypedSocket): void {
    const sent = boundQueue(socket, this.bounds, (queued) => {
      const session = socket.data.session;
      this.logger.warn(
        { socketId: socket.id, session: session?.sessionId, ...queued, bounds: this.bounds },
        'socket closed: slow consumer',
      );
      if (session) {
        const now = Date.now();
        for (const [key, at] of this.fellBehind) {
          if (now - at > FELL_BEHIND_NOTICE_MS) this.fellBehind.delete(key);
        }
        this.fellBehind.set(principalKey(session), now);
      }
    });
    this.outbound.set(socket.id, {
      sent,
      snapshots: new ByteBudget(this.bounds.snapshotBurstBytes, this.bounds.snapshotBytesPerSecond),
    });
    socket.once('disconnect', () => this.outbound.delete(socket.id));
  }

  /** Sends the slow-consumer notice when this principal's previous socket was closed as one. */
  noticeIfFellBehind(socket: TypedSocket): void {
    const session = socket.data.session;
    if (!session) return;
    const key = principalKey(session);
    const at = this.fellBehind.get(key);
    if (at === undefined) return;
    this.fellBehind.delete(key);
    if (Date.now() - at <= FELL_BEHIND_NOTICE_MS) socket.emit('notice', FELL_BEHIND_NOTICE);
  }

  /**
   * Milliseconds until the socket may pull another snapshot (0: now). Snapshots are budgeted in
   * bytes, not counted: a large session costs more of the budget than a small one.
   */
  snapshotWaitMs(socket: TypedSocket): number {
    const own = this.outbound.get(socket.id)?.snapshots.waitMs() ?? 0;
    return Math.max(own, this.principalBudget(socket)?.waitMs() ?? 0);
  }

  private principalBudget(socket: TypedSocket): ByteBudget | null {
    const session = socket.data.session;
    if (!session) return null;
    const key = principalKey(session);
    let budget = this.principalSnapshots.get(key);
    if (!budget) {
      if (this.principalSnapshots.size > 1000) {
        for (const [k, b] of this.principalSnapshots)
          if (b.idle()) this.principalSnapshots.delete(k);
      }
      budget = new ByteBudget(this.bounds.snapshotBurstBytes, this.bounds.snapshotBytesPerSecond);
      this.principalSnapshots.set(key, budget);
    }
    return budget;
  }

  /** Whether any socket is connected to the session. */
  hasSockets(sessionId: string): boolean {
    return this.roomSize(rooms.all(sessionId)) > 0;
  }

  private roomSize(room: string): number {
    return this.server?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  /** Puts a socket in the rooms its principal belongs to (leaving any old session rooms). */
  joinRooms(socket: TypedSocket, live: LiveSession, principal: Principal): void {
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    const target = [rooms.all(live.id)];
    if (principal.kind === 'participant') {
      const row = live.participants.get(principal.participantId);
      target.push(rooms.participant(live.id, principal.participantId));
      if (row?.team_id && row.role) {
        target.push(rooms.team(live.id, row.team_id), rooms.group(live.id, row.team_id, row.role));
      } else {
        target.push(rooms.unassigned(live.id));
      }
    } else {
      target.push(rooms.staff(live.id));
    }
    void socket.join(target);
  }

  /** Remembers the view a trainee group now holds (after a snapshot or catch-up). */
  noteView(live: LiveSession, principal: Principal, view: RoleView | null): void {
    const seat = this.views.seatOf(live, principal);
    if (!seat?.team || !seat.role || !view) return;
    this.hold(live, seat.team, seat.role, view);
  }

  private hold(live: LiveSession, team: string, role: string, view: RoleView): void {
    live.heldViews.set(`${team}\u0000${role}`, {
      state: live.states.get(team),
      status: live.status,
      settings: live.settings,
      scores: this.viewScores(live, team),
      view,
    });
  }

  /** The scores object a view of `team` is computed with right now (null when not shown). */
  private viewScores(live: LiveSession, team: string) {
    return live.settings.scoresVisibleToTrainees
      ? (live.scoreCache?.scores.get(team) ?? null)
      : null;
  }

  /**
   * The new view of a team/agency group, or null when it holds an equal one already. Skips the
   * computation entirely when the view's inputs (engine state, status, settings, scores) are the
   * same objects as when it was last computed; otherwise computes it and compares it with the held
   * one structurally, ignoring the clock's minutes.
   */
  private changedView(live: LiveSession, team: string, role: string): RoleView | null {
    const key = `${team}\u0000${role}`;
    const held = live.heldViews.get(key);
    const state = live.states.get(team);
    if (
      held !== undefined &&
      held.state === state &&
      held.status === live.status &&
      held.settings === live.settings &&
      held.scores === this.viewScores(live, team)
    ) {
      return null;
    }
    const view = this.views.view(live, team, role, 'cached');
    if (!view) return null;
    const same = held !== undefined && sameView(held.view, view);
    this.hold(live, team, role, view);
    return same ? null : view;
  }

  /**
   * The staff's inject control list when some inject's `releasedTo` changed since it was last
   * pushed (automatic releases happen inside another event's engine step), else null. Recomputed
   * only when an engine state changed (states are copy-on-write: a reference check suffices).
   */
  private changedInjects(live: LiveSession): SessionSnapshot['injects'] | null {
    const states = live.teams.map((t) => live.states.get(t.id));
    const held = live.heldInjects;
    if (held !== null && held.states.every((state, i) => state === states[i])) return null;
    const injects = live.runtime.injectControls(live.states);
    const releasedTo = JSON.stringify(injects.map((i) => i.releasedTo));
    live.heldInjects = { states, releasedTo };
    return held !== null && held.releasedTo === releasedTo ? null : injects;
  }

  sendSnapshot(socket: TypedSocket, live: LiveSession, principal: Principal): void {
    const origin = publicOriginFor(this.config, socket.handshake.headers);
    const snapshot = this.views.snapshot(live, principal, origin);
    const outbound = this.outbound.get(socket.id);
    const before = outbound?.sent.sentBytes() ?? 0;
    socket.emit('session.snapshot', snapshot);
    if (outbound) {
      const bytes = outbound.sent.sentBytes() - before;
      outbound.snapshots.spend(bytes);
      this.principalBudget(socket)?.spend(bytes);
    }
    this.noteView(live, principal, snapshot.view);
  }

  /**
   * First message after a (re)connect: the missed events when the client sent a usable lastSeq
   * and fewer than LIMITS.catchUpEvents are visible to it, else a full snapshot.
   */
  sendInitial(
    socket: TypedSocket,
    live: LiveSession,
    principal: Principal,
    lastSeq?: number,
  ): void {
    if (
      lastSeq === undefined ||
      lastSeq > live.head ||
      live.head - lastSeq > LIMITS.catchUpEvents * 20
    ) {
      this.sendSnapshot(socket, live, principal);
      return;
    }
    const missed = this.views.filter(live, principal, this.store.eventsAfter(live.id, lastSeq));
    if (missed.length > LIMITS.catchUpEvents) {
      this.sendSnapshot(socket, live, principal);
      return;
    }
    const seat = this.views.seatOf(live, principal);
    const view = seat?.team && seat.role ? this.views.view(live, seat.team, seat.role) : null;
    socket.emit('session.events', {
      seq: live.head,
      fromSeq: lastSeq,
      status: live.status,
      events: missed,
      view,
      teams: seat === null ? this.views.cards(live) : [],
      ...(seat === null ? { injects: live.runtime.injectControls(live.states) } : {}),
    });
    socket.emit('lobby.updated', { seq: live.head, lobby: this.views.lobby(live, seat) });
    this.noteView(live, principal, view);
  }

  /**
   * After a commit: one `session.update` per event to each recipient group it concerns. Each
   * update is emitted once per socket.io room, so it is serialised once per group, not per socket.
   */
  publish(live: LiveSession, events: LogEvent[]): void {
    const server = this.server;
    if (!server) return;
    const roles = live.playableRoles();
    const staffRoom = rooms.staff(live.id);
    const staff = this.roomSize(staffRoom) > 0;
    if (events.some((e) => e.type === 'session.ended') && this.views.scoresStale(live)) {
      this.views.refreshScores(live);
    }
    for (const event of events) {
      const wide = SESSION_WIDE.has(event.type);
      const teams = event.team !== null ? [event.team] : live.teams.map((t) => t.id);
      const changesViews = event.team !== null || wide;

      if (staff) {
        const update: SessionUpdate = { seq: event.seq, status: live.status, event };
        if (changesViews && live.states.size > 0) {
          update.teams = teams.flatMap((t) => this.views.card(live, t, 'cached') ?? []);
          const injects = this.changedInjects(live);
          if (injects) update.injects = injects;
        }
        server.to(staffRoom).emit('session.update', update);
      }

      for (const team of teams) {
        for (const role of roles) {
          const room = rooms.group(live.id, team, role);
          if (this.roomSize(room) === 0) continue;
          const visible = this.views.visibleToSeat(live, { team, role }, event);
          const view = changesViews ? this.changedView(live, team, role) : null;
          if (!visible && view === null) continue;
          const update: SessionUpdate = {
            seq: event.seq,
            status: live.status,
            event: visible ? event : null,
          };
          if (view) update.view = view;
          server.to(room).emit('session.update', update);
        }
      }
      if (event.team === null && event.type !== 'note.pinned') {
        server
          .to(rooms.unassigned(live.id))
          .emit('session.update', { seq: event.seq, status: live.status, event });
      }
    }
    this.scheduleScores(live, staff);
  }

  /**
   * Live scores are computed from the whole log, so not on the command path: when the cached scores
   * lag the log, a timer recomputes them once SCORE_REFRESH_MS has passed since the last
   * computation, and the next updates carry them (cards always, views when the settings show
   * scores). The end of the session rescores at once, so its update carries the final scores.
   */
  private scheduleScores(live: LiveSession, staff: boolean): void {
    if (live.scoreRefresh !== null || live.states.size === 0) return;
    if (!staff && !live.settings.scoresVisibleToTrainees) return;
    const cache = live.scoreCache;
    if (cache !== null && cache.seq === live.head) return;
    const wait = cache === null ? 0 : Math.max(0, cache.at + SCORE_REFRESH_MS - Date.now());
    live.scoreRefresh = setTimeout(() => {
      live.scoreRefresh = null;
      try {
        if (live.scoreCache?.seq !== live.head) this.views.refreshScores(live);
      } catch (error) {
        this.logger.error({ err: error, session: live.id }, 'live scores refresh failed');
      }
    }, wait);
    live.scoreRefresh.unref();
  }

  /** Lobby to staff and to each team (its own members only). */
  publishLobby(live: LiveSession): void {
    const server = this.server;
    if (!server) return;
    server
      .to(rooms.staff(live.id))
      .emit('lobby.updated', { seq: live.head, lobby: this.views.lobby(live, null) });
    for (const team of live.teams) {
      const room = rooms.team(live.id, team.id);
      if (this.roomSize(room) === 0) continue;
      server.to(room).emit('lobby.updated', {
        seq: live.head,
        lobby: this.views.lobby(live, { team: team.id, role: null }),
      });
    }
  }

  publishPresence(live: LiveSession, participant: string, presence: Presence): void {
    const server = this.server;
    if (!server) return;
    const row = live.participants.get(participant);
    const message = { participant, presence, at: new Date().toISOString() };
    server.to(rooms.staff(live.id)).emit('presence.updated', message);
    if (row?.team_id) server.to(rooms.team(live.id, row.team_id)).emit('presence.updated', message);
  }

  /**
   * Ends a socket's session rights at once: it leaves every room (so nothing more reaches it), is
   * told why in a `notice`, and is disconnected (the disconnect handler forgets its principal).
   * The client shows the notice's message.
   */
  revoke(socket: TypedSocket, notice: ServerNotice): void {
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    socket.emit('notice', notice);
    this.logger.info({ socketId: socket.id, code: notice.code }, 'socket rights revoked');
    socket.disconnect(true);
  }

  /** A participant's seat changed: move their sockets to the new rooms and resend a snapshot. */
  reseat(live: LiveSession, participant: string): void {
    const server = this.server;
    if (!server) return;
    for (const socket of server.sockets.sockets.values()) {
      const entry = this.principals.get(socket.id);
      if (
        entry?.sessionId === live.id &&
        entry.principal.kind === 'participant' &&
        entry.principal.participantId === participant
      ) {
        this.joinRooms(socket, live, entry.principal);
        this.sendSnapshot(socket, live, entry.principal);
      }
    }
  }
}

function principalKey(session: { sessionId: string; kind: string; principalId: string }): string {
  return `${session.sessionId}\u0000${session.kind}\u0000${session.principalId}`;
}
