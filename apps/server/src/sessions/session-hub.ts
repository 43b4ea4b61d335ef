import { Injectable } from '@nestjs/common';
import { LIMITS, type LogEvent, type Presence, type SessionUpdate } from '@crossroads/shared';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import type { TypedServer, TypedSocket } from '../realtime/types';
import type { LiveSession } from './live-session';
import type { Principal } from './principal';
import { SessionStore } from './session-store';
import { SessionViews, viewKey } from './session-views';

/** socket.io room names of a session. */
export const rooms = {
  all: (s: string) => `s:${s}`,
  staff: (s: string) => `s:${s}:staff`,
  team: (s: string, team: string) => `s:${s}:t:${team}`,
  group: (s: string, team: string, role: string) => `s:${s}:g:${team}:${role}`,
  unassigned: (s: string) => `s:${s}:u`,
  participant: (s: string, p: string) => `s:${s}:p:${p}`,
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
  readonly principals = new Map<string, { principal: Principal; sessionId: string }>();

  constructor(
    private readonly views: SessionViews,
    private readonly store: SessionStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

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
  noteView(live: LiveSession, principal: Principal): void {
    const seat = this.views.seatOf(live, principal);
    if (!seat?.team || !seat.role) return;
    const view = this.views.view(live, seat.team, seat.role);
    if (view) live.viewCache.set(`${seat.team}\u0000${seat.role}`, viewKey(view));
  }

  sendSnapshot(socket: TypedSocket, live: LiveSession, principal: Principal): void {
    const snapshot = this.views.snapshot(live, principal, this.config.publicOrigin);
    socket.emit('session.snapshot', snapshot);
    this.noteView(live, principal);
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
    socket.emit('session.events', {
      seq: live.head,
      fromSeq: lastSeq,
      status: live.status,
      events: missed,
      view: seat?.team && seat.role ? this.views.view(live, seat.team, seat.role) : null,
      teams: seat === null ? this.views.cards(live) : [],
    });
    socket.emit('lobby.updated', { seq: live.head, lobby: this.views.lobby(live, seat) });
    this.noteView(live, principal);
  }

  /** After a commit: one `session.update` per event to each recipient group it concerns. */
  publish(live: LiveSession, events: LogEvent[]): void {
    const server = this.server;
    if (!server) return;
    const roles = live.playableRoles();
    for (const event of events) {
      const wide = SESSION_WIDE.has(event.type);
      const teams = event.team !== null ? [event.team] : live.teams.map((t) => t.id);
      const changesViews = event.team !== null || wide;

      if (this.roomSize(rooms.staff(live.id)) > 0) {
        const update: SessionUpdate = { seq: event.seq, status: live.status, event };
        if (changesViews && live.states.size > 0) {
          update.teams = teams.flatMap((t) => this.views.card(live, t) ?? []);
        }
        server.to(rooms.staff(live.id)).emit('session.update', update);
      }

      for (const team of teams) {
        for (const role of roles) {
          const room = rooms.group(live.id, team, role);
          if (this.roomSize(room) === 0) continue;
          const visible = this.views.visibleToSeat(live, { team, role }, event);
          const update: SessionUpdate = {
            seq: event.seq,
            status: live.status,
            event: visible ? event : null,
          };
          if (changesViews) {
            const view = this.views.view(live, team, role);
            const key = `${team}\u0000${role}`;
            if (view) {
              const json = viewKey(view);
              if (live.viewCache.get(key) !== json) {
                live.viewCache.set(key, json);
                update.view = view;
              }
            }
          }
          if (visible || update.view) server.to(room).emit('session.update', update);
        }
      }
      if (event.team === null && event.type !== 'note.pinned') {
        server
          .to(rooms.unassigned(live.id))
          .emit('session.update', { seq: event.seq, status: live.status, event });
      }
    }
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
