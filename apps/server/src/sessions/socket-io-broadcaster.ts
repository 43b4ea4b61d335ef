import type { TypedServer, TypedSocket } from '../realtime/types';
import type {
  Broadcaster,
  Connection,
  Recipients,
  ServerEventName,
  ServerEventPayload,
} from './ports';

/** socket.io room names of a session. */
export const rooms = {
  all: (s: string) => `s:${s}`,
  staff: (s: string) => `s:${s}:staff`,
  team: (s: string, team: string) => `s:${s}:t:${team}`,
  group: (s: string, team: string, role: string) => `s:${s}:g:${team}:${role}`,
  unassigned: (s: string) => `s:${s}:u`,
  participant: (s: string, p: string) => `s:${s}:p:${p}`,
};

/**
 * Group room names by session, team and role. A commit asks for the room of every agency of the
 * team (is anyone there? then emit to it), so building each name anew, a string the room map then
 * has to flatten and hash, cost more than the lookups here, whose keys are the same strings each
 * time (their hashes are kept). Closed sessions are not told apart here, so the whole map is
 * cleared once it names MAX_SESSIONS_NAMED sessions (a few MB at most; names are rebuilt on demand):
 * more than one process hosts at once.
 */
const groupRooms = new Map<string, Map<string, Map<string, string>>>();
const MAX_SESSIONS_NAMED = 1_000;

function groupRoom(sessionId: string, team: string, role: string): string {
  let teams = groupRooms.get(sessionId);
  if (teams === undefined) {
    if (groupRooms.size >= MAX_SESSIONS_NAMED) groupRooms.clear();
    teams = new Map();
    groupRooms.set(sessionId, teams);
  }
  let roles = teams.get(team);
  if (roles === undefined) {
    roles = new Map();
    teams.set(team, roles);
  }
  let room = roles.get(role);
  if (room === undefined) {
    room = rooms.group(sessionId, team, role);
    roles.set(role, room);
  }
  return room;
}

/** The socket.io room of a recipient set: one room per set, so a message is serialised once. */
export function roomOf(sessionId: string, to: Recipients): string {
  switch (to.kind) {
    case 'all':
      return rooms.all(sessionId);
    case 'staff':
      return rooms.staff(sessionId);
    case 'team':
      return rooms.team(sessionId, to.team);
    case 'group':
      return groupRoom(sessionId, to.team, to.role);
    case 'unassigned':
      return rooms.unassigned(sessionId);
    case 'participant':
      return rooms.participant(sessionId, to.participant);
  }
}

/**
 * Fan-out through socket.io rooms. The server is read through a getter because the gateway only
 * receives it once socket.io is up; before that (or in a CLI) emitting is a no-op. Room sizes are
 * this process's: with a cross-process adapter `hasRecipients` must answer for every process.
 */
export class SocketIoBroadcaster implements Broadcaster {
  /** `everywhere`: rooms span processes (a cluster adapter), so local room sizes prove nothing. */
  constructor(
    private readonly server: () => TypedServer | null,
    private readonly everywhere = false,
  ) {}

  emit<E extends ServerEventName>(
    sessionId: string,
    to: Recipients | readonly Recipients[],
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    const server = this.server();
    if (!server) return;
    // Several rooms in one emit: socket.io encodes the packet once and sends it once to each socket
    // in any of them (the cluster adapter forwards the room list with the one packet).
    const room = server.to(
      'kind' in to ? roomOf(sessionId, to) : to.map((set) => roomOf(sessionId, set)),
    );
    // socket.io's typed emit cannot follow a generic event name to its argument list.
    (room.emit as (e: E, p: ServerEventPayload<E>) => boolean).call(room, event, payload);
  }

  hasRecipients(sessionId: string, to: Recipients): boolean {
    if (this.everywhere) return this.server() !== null;
    return (this.server()?.sockets.adapter.rooms.get(roomOf(sessionId, to))?.size ?? 0) > 0;
  }
}

/**
 * A socket as a host Connection. `beforeSend`/`afterSend` let the transport account for what a
 * message cost (snapshot byte budgets) without the host knowing about bytes.
 */
export class SocketConnection implements Connection {
  constructor(
    readonly socket: TypedSocket,
    readonly origin: string,
    private readonly accounting?: {
      measure<T>(event: ServerEventName, send: () => T): T;
    },
  ) {}

  get id(): string {
    return this.socket.id;
  }

  send<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    const emit = () =>
      (this.socket.emit as (e: E, p: ServerEventPayload<E>) => boolean).call(
        this.socket,
        event,
        payload,
      );
    if (this.accounting) this.accounting.measure(event, emit);
    else emit();
  }

  setRecipients(sessionId: string, sets: Recipients[]): void {
    for (const room of this.socket.rooms) if (room !== this.socket.id) void this.socket.leave(room);
    void this.socket.join(sets.map((to) => roomOf(sessionId, to)));
  }

  close(notice?: ServerEventPayload<'notice'>): void {
    for (const room of this.socket.rooms) if (room !== this.socket.id) void this.socket.leave(room);
    if (notice) this.socket.emit('notice', notice);
    this.socket.disconnect(true);
  }
}
