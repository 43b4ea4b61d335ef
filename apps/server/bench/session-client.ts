/**
 * A small typed client of the Crossroads protocol, used by the integration tests and the benchmark.
 * It only uses the public surfaces: REST under /api and socket.io with the shared contract.
 */
import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  applyTeamPatch,
  applyViewPatch,
  logEventSchema,
  type ClientToServerEvents,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type CreateAccountRequest,
  type CreateSessionRequest,
  type Credential,
  type JoinRequest,
  type JoinResponse,
  type Lobby,
  type LogEvent,
  type RoleView,
  type ServerToClientEvents,
  type SessionMeta,
  type SessionRescored,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
  type TeamPatch,
} from '@crossroads/shared';
import { io, type Socket } from 'socket.io-client';

export type ProtocolSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

/** JSON over fetch; throws HttpError on a non-2xx status. */
export async function api<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : safeJson(text);
  if (!response.ok) throw new HttpError(response.status, parsed);
  return parsed as T;
}

/** A session's exported event log (GET …/events.jsonl), each line checked by the shared schema. */
export async function exportedLog(
  base: string,
  sessionId: string,
  token: string,
): Promise<LogEvent[]> {
  const response = await fetch(`${base}/api/sessions/${sessionId}/events.jsonl`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(response.status, safeJson(text));
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => logEventSchema.parse(JSON.parse(line)));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One connected protocol client. Keeps what the server told it: the last snapshot, the role view,
 * team cards, every event received (in seq order) and `lastSeq`, exactly as a real client would.
 */
export class SessionClient {
  readonly socket: ProtocolSocket;
  snapshot: SessionSnapshot | null = null;
  view: RoleView | null = null;
  /** The server's version of `view` (the base a view patch must name). */
  viewVersion: string | null = null;
  /** View patches that did not fit the held view (each asked for a snapshot). */
  viewMismatches = 0;
  cards = new Map<string, TeamCard>();
  /** The server's version of each card in `cards` (the base a team patch must name). */
  cardVersions = new Map<string, string>();
  /** Team card patches applied, and those that did not fit the held card (each asked for a snapshot). */
  cardPatches = 0;
  cardMismatches = 0;
  /** `session.rescored` messages received (pushes of what the live scores changed). */
  rescored = 0;
  lobby: Lobby | null = null;
  events: LogEvent[] = [];
  lastSeq = 0;
  status: string | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    readonly url: string,
    readonly credential: Credential,
    readonly session?: string,
    options: {
      lastSeq?: number;
      reconnection?: boolean;
      transports?: ('websocket' | 'polling')[];
    } = {},
  ) {
    if (options.lastSeq !== undefined) this.lastSeq = options.lastSeq;
    this.socket = io(url, {
      forceNew: true,
      reconnection: options.reconnection ?? false,
      transports: options.transports ?? ['websocket'],
      timeout: 5000,
      // A function, so every reconnect sends the current lastSeq.
      auth: (cb) =>
        cb({
          protocol: PROTOCOL_VERSION,
          credential: this.credential,
          ...(this.session ? { session: this.session } : {}),
          ...(this.lastSeq > 0 ? { lastSeq: this.lastSeq } : {}),
        }),
    });
    this.socket.on('session.snapshot', (s) => {
      this.snapshot = s;
      this.view = s.view;
      this.viewVersion = s.viewVersion;
      this.status = s.session.status;
      this.cards = new Map(s.teams.map((c) => [c.team.id, c]));
      this.cardVersions = new Map(Object.entries(s.teamVersions));
      this.lobby = s.lobby;
      this.seen(s.seq);
      this.notify();
    });
    this.socket.on('session.events', (batch) => {
      for (const e of batch.events) this.record(e);
      this.view = batch.view;
      this.viewVersion = batch.viewVersion;
      this.status = batch.status;
      this.takeCards(batch.teams, batch.teamVersions);
      this.seen(batch.seq);
      this.notify();
    });
    this.socket.on('session.update', (u) => {
      if (u.event) this.record(u.event);
      this.takeView(u);
      // A view or a patch brings the clock's minutes when they changed (ticks counted in them).
      if (!u.view && !u.viewPatch && u.event?.type === 'clock.ticked' && this.view) {
        this.view = {
          ...this.view,
          clock: { ...this.view.clock, minutes: this.view.clock.minutes + u.event.payload.minutes },
        };
      }
      // A clock move not the ticker's (a decision's time cost, say) brings the absolute minutes.
      if (!u.view && !u.viewPatch && u.minutes !== undefined && this.view) {
        this.view = { ...this.view, clock: { ...this.view.clock, minutes: u.minutes } };
      }
      // A team card is not sent when a tick changed only its minutes: they are counted here.
      const card = u.event?.type === 'clock.ticked' && u.event.team && this.cards.get(u.event.team);
      if (card && u.event?.type === 'clock.ticked') {
        this.cards.set(card.team.id, {
          ...card,
          clock: { ...card.clock, minutes: card.clock.minutes + u.event.payload.minutes },
        });
      }
      this.takeCards(u.teams ?? [], u.teamVersions ?? {});
      this.patchCards(u.teamPatches ?? []);
      this.status = u.status;
      this.seen(u.seq);
      this.notify();
    });
    // What a recomputation of the live scores changed (hints, witnesses lost, scores, taints): no
    // event, so lastSeq stays; one older than what was applied is stale.
    this.socket.on('session.rescored', (r) => {
      if (r.seq < this.lastSeq) return;
      this.takeView(r);
      this.takeCards(r.teams ?? [], r.teamVersions ?? {});
      this.patchCards(r.teamPatches ?? []);
      this.rescored += 1;
      this.notify();
    });
    this.socket.on('lobby.updated', (l) => {
      this.lobby = l.lobby;
      this.notify();
    });
    this.socket.on('presence.updated', (p) => {
      for (const member of [
        ...(this.lobby?.teams.flatMap((t) => t.members) ?? []),
        ...(this.lobby?.unassigned ?? []),
      ]) {
        if (member.id === p.participant) member.presence = p.presence;
      }
      this.notify();
    });
  }

  /** A whole view replaces the held one; a patch that does not fit it asks for a snapshot. */
  private takeView(u: SessionUpdate | SessionRescored): void {
    if (u.view) {
      this.view = u.view;
      this.viewVersion = u.viewVersion ?? null;
    } else if (u.viewPatch) {
      const patched = applyViewPatch(this, u.viewPatch);
      if (patched) ({ view: this.view, viewVersion: this.viewVersion } = patched);
      else {
        this.viewMismatches += 1;
        void this.send('session.sync', {}).catch(() => undefined);
      }
    }
  }

  /** Whole cards replace the held ones, with their versions (none: the next patch will not fit). */
  private takeCards(cards: readonly TeamCard[], versions: Record<string, string>): void {
    for (const c of cards) {
      this.cards.set(c.team.id, c);
      const version = versions[c.team.id];
      if (version === undefined) this.cardVersions.delete(c.team.id);
      else this.cardVersions.set(c.team.id, version);
    }
  }

  /** Applies team card patches; one that does not fit the held card asks for a snapshot. */
  private patchCards(patches: readonly TeamPatch[]): void {
    let mismatch = false;
    for (const patch of patches) {
      const patched = applyTeamPatch(
        { card: this.cards.get(patch.team), version: this.cardVersions.get(patch.team) },
        patch,
      );
      if (patched === null) {
        this.cardMismatches += 1;
        mismatch = true;
        continue;
      }
      this.cards.set(patch.team, patched.card);
      this.cardVersions.set(patch.team, patched.version);
      this.cardPatches += 1;
    }
    if (mismatch) void this.send('session.sync', {}).catch(() => undefined);
  }

  private record(event: LogEvent): void {
    if (this.events.some((e) => e.seq === event.seq)) return;
    this.events.push(event);
    this.events.sort((a, b) => a.seq - b.seq);
  }

  private seen(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  /** Resolves when `check()` holds after some server message (or already holds). */
  async until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send<N extends CommandName>(
    name: N,
    payload: Omit<CommandPayload<N>, 'commandId'> & { commandId?: string },
    timeoutMs = 5000,
  ): Promise<CommandAck> {
    const full = { commandId: randomUUID(), ...payload } as CommandPayload<N>;
    // socket.io's typed emit cannot follow a generic event name; the payload type is checked above.
    const timed = this.socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<CommandAck>;
    };
    return timed.emitWithAck(name, full);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface Staff {
  token: string;
  accountId: string;
}

export async function login(base: string, username: string, password: string): Promise<Staff> {
  const r = await api<{ token: string; account: { id: string } }>(base, 'POST', '/api/auth/login', {
    username,
    password,
  });
  return { token: r.token, accountId: r.account.id };
}

/**
 * A new session, created by the staff member of `token` (POST /api/sessions), with that staff
 * member's console connected to it. `clients`, when given, gets the console client, so the
 * caller's cleanup closes it.
 */
export async function openSession(
  base: string,
  token: string,
  request: CreateSessionRequest,
  clients?: SessionClient[],
): Promise<{ meta: SessionMeta; facilitator: SessionClient }> {
  const meta = await api<SessionMeta>(base, 'POST', '/api/sessions', request, token);
  const facilitator = new SessionClient(base, { kind: 'facilitator', token }, meta.id);
  clients?.push(facilitator);
  await facilitator.connected();
  return { meta, facilitator };
}

/**
 * A trainee who joined `session` with its code (POST /api/join) and connected; `clients`, when
 * given, gets the client, as openSession's does.
 */
export async function joinSeat(
  base: string,
  session: Pick<SessionMeta, 'joinCode'>,
  seat: Omit<JoinRequest, 'code'>,
  clients?: SessionClient[],
): Promise<{ joined: JoinResponse; client: SessionClient }> {
  if (session.joinCode === undefined)
    throw new Error('joinSeat: the session meta has no join code');
  const request: JoinRequest = { code: session.joinCode, ...seat };
  const joined = await api<JoinResponse>(base, 'POST', '/api/join', request);
  const client = new SessionClient(base, { kind: 'participant', token: joined.participantToken });
  clients?.push(client);
  await client.connected();
  return { joined, client };
}

/**
 * A staff account made by an administrator (POST /api/accounts) with the password
 * `<username>-password`, logged in.
 */
export async function newStaff(
  base: string,
  adminToken: string,
  username: string,
  rights: Partial<Omit<CreateAccountRequest, 'username' | 'password'>> = {},
): Promise<Staff> {
  const password = `${username}-password`;
  await api(base, 'POST', '/api/accounts', { username, password, ...rights }, adminToken);
  return login(base, username, password);
}

/**
 * A scenario source saved as a Studio draft and published (POST /api/studio/scenarios, then its
 * /publish) by the author of `authorToken`, so sessions can be created from it; the draft's id.
 */
export async function publishScenario(
  base: string,
  authorToken: string,
  source: string,
): Promise<string> {
  const draft = await api<{ id: string }>(
    base,
    'POST',
    '/api/studio/scenarios',
    { source },
    authorToken,
  );
  await api(base, 'POST', `/api/studio/scenarios/${draft.id}/publish`, undefined, authorToken);
  return draft.id;
}
