/**
 * A SessionHost driven without Nest, socket.io or SQLite: an in-memory event store, a fake clock,
 * fake connections on a fake network, and a catalogue scenario's real engine. What the host owns
 * (ordering, the append contract, catch-up, presence, the scenario clock) is checked through its
 * public methods and what the connections receive.
 */
import { randomUUID } from 'node:crypto';
import {
  commandSchemas,
  ErrorCode,
  type CommandName,
  type FeedbackPolicy,
  type LogEvent,
  type ServerNotice,
  type RoleView,
  type SessionEvents,
  type SessionRescored,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
  applyTeamPatch,
  applyViewPatch,
  type VersionedView,
} from '@crossroads/shared';
import { eventForTrainee } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { FakeClock } from '../src/sessions/clock';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { LiveSession } from '../src/sessions/live-session';
import type {
  Broadcaster,
  Connection,
  Recipients,
  ServerEventName,
  ServerEventPayload,
} from '../src/sessions/ports';
import { recipientList } from '../src/sessions/ports';
import { MemoryPresence } from '../src/sessions/presence-store';
import type { Principal } from '../src/sessions/principal';
import {
  phaseOf,
  SessionHost,
  slotFrom,
  type HostOwnership,
  type Projector,
} from '../src/sessions/session-host';
import { playContext } from '../bench/host-play';
import { SCORE_REFRESH_MS } from '../src/sessions/session-views';
import type { ParticipantRow, SessionRow } from '../src/sessions/session-store';

const compiled = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []))[0];
if (!compiled) throw new Error('the scenario catalogue has no valid scenario');
const runtime = new EngineRuntime(compiled);
const role = runtime.agencies.find((a) => a.playable !== 'facilitator')?.id ?? 'none';

const key = (to: Recipients) => JSON.stringify(to);

/** A connection that records what it was sent. */
class FakeConnection implements Connection {
  readonly id = randomUUID();
  readonly origin = 'http://crossroads.test';
  readonly received: { event: ServerEventName; payload: unknown }[] = [];
  sets = new Set<string>();
  closed = false;

  send<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    this.received.push({ event, payload });
  }
  setRecipients(_sessionId: string, sets: Recipients[]): void {
    this.sets = new Set(sets.map(key));
  }
  close(notice?: ServerNotice): void {
    if (notice) this.received.push({ event: 'notice', payload: notice });
    this.closed = true;
  }
  /** The seqs of the events this connection saw, in order (updates and catch-up batches). */
  seqs(): number[] {
    return this.received.flatMap(({ event, payload }) => {
      if (event === 'session.update') {
        const e = (payload as { event: LogEvent | null }).event;
        return e ? [e.seq] : [];
      }
      if (event === 'session.events') {
        return (payload as { events: LogEvent[] }).events.map((e) => e.seq);
      }
      return [];
    });
  }
}

/** Delivers to the connected fakes whose recipient sets include the target. */
class FakeNetwork implements Broadcaster {
  readonly connections = new Set<FakeConnection>();
  emit<E extends ServerEventName>(
    _s: string,
    to: Recipients | readonly Recipients[],
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    const sets = recipientList(to).map(key);
    for (const c of this.connections) if (sets.some((k) => c.sets.has(k))) c.send(event, payload);
  }
  hasRecipients(_s: string, to: Recipients): boolean {
    return [...this.connections].some((c) => c.sets.has(key(to)));
  }
}

/**
 * The need-to-know projections reduced to what the host's own logic depends on: trainees see
 * session-wide events and their team's; staff see everything. (SessionViews has its own tests.)
 */
const views: Projector = {
  seatOf: (live, principal) => {
    if (principal.kind !== 'participant') return null;
    const row = live.participants.get(principal.participantId);
    return { team: row?.team_id ?? null, role: row?.role ?? null };
  },
  visibleToSeat: (_live, seat, event) => event.team === null || event.team === seat.team,
  eventForSeat: (_live, _seat, event) => event,
  filter: (live, principal, events) => {
    const seat = views.seatOf(live, principal);
    return seat === null ? events : events.filter((e) => views.visibleToSeat(live, seat, e));
  },
  view: () => null,
  card: () => null,
  cardJson: (_live, card) => JSON.stringify(card),
  cards: () => [],
  lobby: () => ({ teams: [], unassigned: [] }) as unknown as ReturnType<Projector['lobby']>,
  // The host only forwards the snapshot and reads its view.
  snapshot: (live) =>
    Promise.resolve({ seq: live.head, view: null, teams: [] } as unknown as SessionSnapshot),
  scoresStale: () => false,
  refreshScores: () => Promise.resolve([]),
  freshenScores: () => Promise.resolve(),
};

const account = {
  id: randomUUID(),
  username: 'fac',
  role: 'facilitator' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const facilitator: Principal = { kind: 'facilitator', account, memberRole: 'owner' };

function participantRow(sessionId: string, team: string | null): ParticipantRow {
  return {
    id: randomUUID(),
    session_id: sessionId,
    display_name: 'Ana',
    team_id: team,
    role: team === null ? null : role,
    token_hash: randomUUID(),
    presence: 'left',
    joined_at: '2026-01-05T08:00:00.000Z',
    last_seen_at: null,
  };
}

/** The row of a session in its lobby (feedback hints, scores hidden from trainees, time ratio 0 unless given). */
function lobbyRow(
  id: string,
  scenario: { id: string; version: string },
  settings: {
    timeRatio?: number;
    timeLimitMinutes?: number;
    language?: 'en' | 'sr-Latn';
    feedbackPolicy?: FeedbackPolicy;
  } = {},
): SessionRow {
  return {
    id,
    scenario_id: scenario.id,
    scenario_version: scenario.version,
    rubric_version: null,
    settings: JSON.stringify({
      feedbackPolicy: settings.feedbackPolicy ?? 'hints',
      scoresVisibleToTrainees: false,
      timeRatio: settings.timeRatio ?? 0,
      language: settings.language ?? 'en',
      ...(settings.timeLimitMinutes ? { timeLimitMinutes: settings.timeLimitMinutes } : {}),
    }),
    status: 'lobby',
    join_code: 'ABCD12',
    owner_id: account.id,
    debrief_released: 0,
    created_at: '2026-01-05T08:00:00.000Z',
    started_at: null,
    ended_at: null,
    details: null,
  };
}

function setup(
  settings: { timeRatio?: number; timeLimitMinutes?: number; language?: 'en' | 'sr-Latn' } = {},
  ownership?: HostOwnership,
  projector: Projector = views,
) {
  const clock = new FakeClock();
  const store = new InMemoryEventStore();
  const network = new FakeNetwork();
  const presence = new MemoryPresence();
  const errors: unknown[] = [];
  const sessionId = randomUUID();
  const row = lobbyRow(sessionId, runtime, settings);
  const teams = [
    { id: 't1', name: 'Team 1' },
    { id: 't2', name: 'Team 2' },
  ];
  const newHost = () =>
    new SessionHost(
      new LiveSession(row, runtime, teams, () => clock.now()),
      {
        store,
        broadcaster: network,
        clock,
        presence,
        views: projector,
        logger: { info: () => {}, warn: () => {}, error: (f) => errors.push(f) },
        ...(ownership ? { ownership } : {}),
      },
      { tickMs: 1000, minTickMs: 0, checkpointEvery: 3, awayToLeftMs: 30_000 },
    );
  const host = newHost();
  const connect = async (principal: Principal, lastSeq?: number, into = host) => {
    const conn = new FakeConnection();
    network.connections.add(conn);
    await into.connect(conn, principal, lastSeq);
    return conn;
  };
  const drop = (conn: FakeConnection, from = host) => {
    network.connections.delete(conn);
    from.disconnect(conn.id);
  };
  const send = <N extends CommandName>(principal: Principal, name: N, body: object = {}) =>
    host.execute(
      principal,
      name,
      commandSchemas[name].parse({ commandId: randomUUID(), ...body }) as never,
    );
  return {
    clock,
    store,
    network,
    presence,
    errors,
    host,
    newHost,
    connect,
    drop,
    send,
    sessionId,
    row,
    teams,
  };
}

describe('SessionHost commands', () => {
  it('accepts a command, appends its events and tells every connection that may see them', async () => {
    const { host, store, connect, send, sessionId } = setup();
    const staff = await connect(facilitator);
    await expect(send(facilitator, 'session.start')).resolves.toEqual({
      status: 'accepted',
      seq: 1,
    });
    expect(host.live.status).toBe('running');
    expect(store.row(sessionId).status).toBe('running');
    await expect(
      send(facilitator, 'broadcast.send', { message: 'hi', team: 't2' }),
    ).resolves.toEqual({ status: 'accepted', seq: 2 });
    expect(staff.seqs()).toEqual([1, 2]);
    expect((await store.readFrom(sessionId, 0)).map((e) => e.type)).toEqual([
      'session.started',
      'broadcast.sent',
    ]);
  });

  it('rejects what the session state does not allow, writing nothing', async () => {
    const { store, send, sessionId } = setup();
    await expect(send(facilitator, 'session.pause')).resolves.toMatchObject({
      status: 'rejected',
      code: ErrorCode.SessionNotRunning,
    });
    await expect(
      send(facilitator, 'broadcast.send', { message: 'x', team: 'nope' }),
    ).resolves.toMatchObject({ status: 'rejected', code: ErrorCode.NotFound });
    expect(await store.head(sessionId)).toBe(0);
  });

  it('records a pause as a kind code, with the note apart in the session language', async () => {
    const { send, store, sessionId } = setup({ language: 'sr-Latn' });
    await send(facilitator, 'session.start');
    await send(facilitator, 'session.pause', { kind: 'wellbeing', note: 'nazad u 11' });
    await send(facilitator, 'session.resume');
    await send(facilitator, 'session.pause', { kind: 'break' });
    await send(facilitator, 'session.resume');
    // An older console's one text is still taken, and marked with the language it came in.
    await send(facilitator, 'session.pause', { reason: 'Pauza' });
    const pauses = (await store.readFrom(sessionId, 0)).filter((e) => e.type === 'session.paused');
    expect(pauses.map((e) => e.payload)).toEqual([
      { kind: 'wellbeing', note: 'nazad u 11', lang: 'sr-Latn' },
      { kind: 'break' },
      { reason: 'Pauza', lang: 'sr-Latn' },
    ]);
    // Only the presets are codes.
    expect(() =>
      commandSchemas['session.pause'].parse({ commandId: randomUUID(), kind: 'lunch' }),
    ).toThrow();
  });

  it("records a pause note with the language the console wrote it in, not the session's", async () => {
    const { send, store, sessionId } = setup({ language: 'sr-Latn' });
    await send(facilitator, 'session.start');
    await send(facilitator, 'session.pause', { kind: 'break', note: 'back at 11', lang: 'en' });
    await send(facilitator, 'session.resume');
    // A language with nothing to mark is not recorded.
    await send(facilitator, 'session.pause', { kind: 'break', lang: 'en' });
    const pauses = (await store.readFrom(sessionId, 0)).filter((e) => e.type === 'session.paused');
    expect(pauses.map((e) => e.payload)).toEqual([
      { kind: 'break', note: 'back at 11', lang: 'en' },
      { kind: 'break' },
    ]);
    // Only the client's languages are taken.
    for (const lang of ['de', 'sr', '', 'EN']) {
      expect(() =>
        commandSchemas['session.pause'].parse({ commandId: randomUUID(), note: 'x', lang }),
      ).toThrow();
    }
  });

  it("records a broadcast with the language the console wrote it in, else the session's", async () => {
    const { send, store, sessionId } = setup({ language: 'sr-Latn' });
    await send(facilitator, 'session.start');
    await send(facilitator, 'broadcast.send', { message: 'back at 11', lang: 'en' });
    // An older console names none: the message is taken to be in the session's language.
    await send(facilitator, 'broadcast.send', { message: 'nazad u 11', team: 't2' });
    const sent = (await store.readFrom(sessionId, 0)).filter((e) => e.type === 'broadcast.sent');
    expect(sent.map((e) => e.payload)).toEqual([
      { message: 'back at 11', lang: 'en' },
      { message: 'nazad u 11', lang: 'sr-Latn' },
    ]);
    // Only the client's languages are taken.
    for (const lang of ['de', 'sr', '', 'EN']) {
      expect(() =>
        commandSchemas['broadcast.send'].parse({ commandId: randomUUID(), message: 'x', lang }),
      ).toThrow();
    }
  });

  it('answers a repeated command id with its first seq, and refuses the id for another command', async () => {
    const { send, host, store, sessionId } = setup();
    const commandId = randomUUID();
    const start = commandSchemas['session.start'].parse({ commandId });
    await expect(host.execute(facilitator, 'session.start', start)).resolves.toEqual({
      status: 'accepted',
      seq: 1,
    });
    await expect(host.execute(facilitator, 'session.start', start)).resolves.toEqual({
      status: 'accepted',
      seq: 1,
      duplicate: true,
    });
    const other = commandSchemas['broadcast.send'].parse({ commandId, message: 'x' });
    await expect(host.execute(facilitator, 'broadcast.send', other)).resolves.toMatchObject({
      status: 'rejected',
      code: ErrorCode.CommandIdReused,
    });
    await send(facilitator, 'broadcast.send', { message: 'y' });
    expect(await store.head(sessionId)).toBe(2);
  });

  it('looks a command id up only for a command that does not append, answering repeats the same', async () => {
    const { host, store, send, sessionId } = setup();
    const lookup = store.command.bind(store);
    let lookups = 0;
    store.command = (s, id) => {
      lookups += 1;
      return lookup(s, id);
    };
    await send(facilitator, 'session.start');
    const message = commandSchemas['broadcast.send'].parse({
      commandId: randomUUID(),
      message: 'm',
    });
    await expect(host.execute(facilitator, 'broadcast.send', message)).resolves.toEqual({
      status: 'accepted',
      seq: 2,
    });
    // New ids: planned and appended without a lookup.
    expect(lookups).toBe(0);
    // A repeat the plan accepts again: the unique key turns it into the first seq.
    await expect(host.execute(facilitator, 'broadcast.send', message)).resolves.toEqual({
      status: 'accepted',
      seq: 2,
      duplicate: true,
    });
    expect(lookups).toBe(1);
    // A repeat the session would refuse now (it has ended since): still the first seq.
    await send(facilitator, 'session.end');
    await expect(host.execute(facilitator, 'broadcast.send', message)).resolves.toEqual({
      status: 'accepted',
      seq: 2,
      duplicate: true,
    });
    // The same id from someone else is refused.
    const colleague: Principal = {
      kind: 'facilitator',
      account: { ...account, id: randomUUID(), username: 'colleague' },
      memberRole: 'facilitator',
    };
    await expect(host.execute(colleague, 'broadcast.send', message)).resolves.toMatchObject({
      status: 'rejected',
      code: ErrorCode.CommandIdReused,
    });
    expect(await store.head(sessionId)).toBe(3);
  });

  it('answers a command another process recorded first with that seq, not a second copy', async () => {
    const { host, store, sessionId } = setup();
    const commandId = randomUUID();
    // The command reaches this host and, through another process, the store at the same time:
    // the other writer appends after this host planned but before its append.
    const append = store.append.bind(store);
    store.append = async (request) => {
      store.append = append;
      await append({
        sessionId,
        expectedHead: 0,
        commandId,
        events: [
          {
            event: {
              seq: 1,
              at: new Date().toISOString(),
              time: null,
              team: null,
              role: null,
              participant: null,
              type: 'broadcast.sent',
              payload: { message: 'x' },
            },
            commandId,
            actor: `account:${account.id}`,
          },
        ],
      });
      return append(request);
    };
    const payload = commandSchemas['broadcast.send'].parse({ commandId, message: 'x' });
    await expect(host.execute(facilitator, 'broadcast.send', payload)).resolves.toEqual({
      status: 'accepted',
      seq: 1,
      duplicate: true,
    });
    expect(await store.head(sessionId)).toBe(1);
  });

  it('catches up and plans again when another writer moved the head', async () => {
    const { host, newHost, store, send, sessionId, connect } = setup();
    await send(facilitator, 'session.start');
    // A second host on the same store plays another process serving the same session: its
    // in-memory head is 0, so its first append is stale; it catches up and lands at seq 2.
    const other = newHost();
    const appendsBefore = store.appends;
    await expect(
      other.commit(() => [
        {
          type: 'broadcast.sent',
          payload: { message: 'from the other' },
          team: null,
          role: null,
          participant: null,
        },
      ]),
    ).resolves.toMatchObject({ events: [{ seq: 2 }] });
    expect(store.appends - appendsBefore).toBe(2);
    expect(other.live.status).toBe('running');
    // This host's head is 1; its next command is stale once, then lands after the other's.
    const staff = await connect(facilitator, 1);
    await expect(send(facilitator, 'broadcast.send', { message: 'mine' })).resolves.toEqual({
      status: 'accepted',
      seq: 3,
    });
    expect(host.live.head).toBe(3);
    expect((await store.readFrom(sessionId, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(staff.seqs()).toEqual([2, 3]);
  });

  it('runs commands one at a time: each plans against everything accepted before it', async () => {
    const { host, store, send, sessionId } = setup();
    const append = store.append.bind(store);
    // A slow database: each append resolves only after a macrotask.
    store.append = (request) =>
      new Promise((resolve) => setImmediate(() => resolve(append(request))));
    // Two facilitators start at once: the second must see the first's start, not plan against
    // the lobby and land after it on a retry.
    const acks = await Promise.all([
      send(facilitator, 'session.start'),
      send(facilitator, 'session.start'),
      send(facilitator, 'broadcast.send', { message: 'a' }),
      send(facilitator, 'broadcast.send', { message: 'b' }),
    ]);
    expect(acks.map((a) => (a.status === 'accepted' ? a.seq : a.code))).toEqual([
      1,
      ErrorCode.SessionNotRunning,
      2,
      3,
    ]);
    expect((await store.readFrom(sessionId, 0)).map((e) => e.payload)).toMatchObject([
      {},
      { message: 'a' },
      { message: 'b' },
    ]);
    expect(host.live.head).toBe(3);
  });
});

describe('SessionHost ownership (session lease)', () => {
  /** This process's lease as the host sees it, and what the host was told when it lost it. */
  const ownedBy = (owner: string, token: number) => {
    const state = { fence: { owner, token } as { owner: string; token: number } | null };
    const lost: unknown[] = [];
    const ownership: HostOwnership = {
      fence: () => state.fence,
      lost: (holder) => {
        lost.push(holder);
        state.fence = null;
      },
    };
    return { state, lost, ownership };
  };

  it('fences its appends with the lease, and stops writing and ticking once taken over', async () => {
    const mine = ownedBy('A', 1);
    const { host, store, send, sessionId, clock } = setup({ timeRatio: 60 }, mine.ownership);
    store.leases.set(sessionId, { owner: 'A', token: 1 });
    await expect(send(facilitator, 'session.start')).resolves.toMatchObject({ status: 'accepted' });
    // Process B takes the session over (its token is higher).
    store.leases.set(sessionId, { owner: 'B', token: 2 });
    const refused = await send(facilitator, 'broadcast.send', { message: 'late', team: 't1' });
    expect(refused).toMatchObject({ status: 'rejected', code: ErrorCode.Internal });
    expect(mine.lost).toEqual([{ owner: 'B', token: 2 }]);
    expect(await store.head(sessionId)).toBe(1);
    expect(host.live.head).toBe(1);
    // No clock here any more: the owner runs it.
    clock.advance(5 * 60_000);
    expect(host.tick(clock.now())).toBeNull();
    const appends = store.appends;
    await expect(
      send(facilitator, 'broadcast.send', { message: 'later', team: 't1' }),
    ).resolves.toMatchObject({ status: 'rejected' });
    // Not even tried: the host knows it holds no lease.
    expect(store.appends).toBe(appends);
  });
});

describe('SessionHost fan-out of the same update', () => {
  it('emits the update once for every agency group of the team it is the same for, and to no one else', async () => {
    const { host, network, connect, send, sessionId } = setup();
    const other = runtime.agencies.find((a) => a.playable !== 'facilitator' && a.id !== role)?.id;
    if (other === undefined) throw new Error('the scenario needs two agencies');
    await send(facilitator, 'session.start');
    const seat = (team: string, agency: string, name: string) => ({
      ...participantRow(sessionId, team),
      role: agency,
      display_name: name,
    });
    const rows = [seat('t1', role, 'Ana'), seat('t1', other, 'Bo'), seat('t2', role, 'Cy')];
    for (const row of rows) await host.join(row);
    const [ana, bo, cy] = await Promise.all(
      rows.map((row) => connect({ kind: 'participant', participantId: row.id, sessionId })),
    );
    const emits: unknown[] = [];
    const emit = network.emit.bind(network);
    network.emit = (s, to, event, payload) => {
      if (event === 'session.update') emits.push(to);
      emit(s, to, event, payload);
    };
    // No view changes here (this file's projector has none): every group's update is the event.
    await send(facilitator, 'broadcast.send', { message: 'hi', team: 't1' });
    expect(emits).toEqual([
      [
        { kind: 'group', team: 't1', role },
        { kind: 'group', team: 't1', role: other },
      ],
    ]);
    for (const conn of [ana, bo]) {
      expect(updatesOf(conn as FakeConnection).map((u) => u.event?.type)).toEqual([
        'broadcast.sent',
      ]);
    }
    expect(updatesOf(cy as FakeConnection)).toEqual([]);
  });

  it('splits the update only where the event differs: the groups that may not read its rationale share one copy', async () => {
    // The real need-to-know rule for typed reasons; every group of the team may see the event.
    const projector: Projector = {
      ...views,
      eventForSeat: (_live, seat, event) => eventForTrainee(seat, event, () => undefined),
    };
    const { host, network, connect, send, sessionId } = setup({}, undefined, projector);
    const agencies = runtime.agencies.filter((a) => a.playable !== 'facilitator').map((a) => a.id);
    const [author, second, third] = agencies;
    if (author === undefined || second === undefined || third === undefined)
      throw new Error('the scenario needs three agencies');
    await send(facilitator, 'session.start');
    const rows = [author, second, third].map((agency) => ({
      ...participantRow(sessionId, 't1'),
      role: agency,
      display_name: agency,
    }));
    for (const row of rows) await host.join(row);
    const conns = (await Promise.all(
      rows.map((row) => connect({ kind: 'participant', participantId: row.id, sessionId })),
    )) as FakeConnection[];
    const staff = await connect(facilitator);
    const emits: { to: unknown; event: LogEvent | null }[] = [];
    const emit = network.emit.bind(network);
    network.emit = (s, to, name, payload) => {
      if (name === 'session.update' && !recipientList(to).some((r) => r.kind === 'staff'))
        emits.push({ to, event: (payload as SessionUpdate).event });
      emit(s, to, name, payload);
    };
    const decided: LogEvent = {
      seq: host.live.head + 1,
      at: '2026-01-05T09:00:00.000Z',
      time: 0,
      team: 't1',
      role: author,
      participant: rows[0]?.id ?? null,
      type: 'decision.made',
      payload: { decision: 'd', option: 'o', rationale: 'RATIONALE-OWN' },
    };
    await host.publish([decided]);
    const withoutRationale = { ...decided, payload: { decision: 'd', option: 'o' } };
    expect(emits).toEqual([
      { to: [{ kind: 'group', team: 't1', role: author }], event: decided },
      {
        to: [
          { kind: 'group', team: 't1', role: second },
          { kind: 'group', team: 't1', role: third },
        ],
        event: withoutRationale,
      },
    ]);
    // The author's group gets the stored event itself; the stored event keeps its rationale.
    expect(emits[0]?.event).toBe(decided);
    expect(decided.payload).toMatchObject({ rationale: 'RATIONALE-OWN' });
    const last = (c: FakeConnection) => updatesOf(c).at(-1)?.event;
    expect(last(conns[0] as FakeConnection)).toEqual(decided);
    expect(last(conns[1] as FakeConnection)).toEqual(withoutRationale);
    expect(last(conns[2] as FakeConnection)).toEqual(withoutRationale);
    expect(last(staff)).toEqual(decided);

    // An event with no typed reasons is one message for every group, as before.
    emits.length = 0;
    await host.publish([
      { ...decided, seq: decided.seq + 1, payload: { decision: 'd', option: 'o' } },
    ]);
    expect(emits.map((e) => e.to)).toEqual([
      [author, second, third].map((agency) => ({ kind: 'group', team: 't1', role: agency })),
    ]);
  });
});

describe('SessionHost join', () => {
  it('lets in one of two trainees joining one team at once under one name (case, accents aside)', async () => {
    const { host, store, sessionId } = setup();
    const append = store.append.bind(store);
    // A slow database: the second join is queued while the first is still being written.
    store.append = (request) =>
      new Promise((resolve) => setImmediate(() => resolve(append(request))));
    const first = { ...participantRow(sessionId, 't1'), display_name: 'Ana Đurić' };
    const second = { ...participantRow(sessionId, 't1'), display_name: 'ana djuric' };
    const otherTeam = { ...participantRow(sessionId, 't2'), display_name: 'Ana Djuric' };
    const results = await Promise.allSettled([
      host.join(first),
      host.join(second),
      host.join(otherTeam),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: ErrorCode.NameTaken } });
    const joined = (await store.readFrom(sessionId, 0)).map((e) => e.participant);
    expect(joined).toEqual([first.id, otherTeam.id]);
    expect(store.participant(sessionId, second.id)).toBeUndefined();
    expect([...host.live.participants.keys()].sort()).toEqual([first.id, otherTeam.id].sort());
  });

  it('refuses a name another process let in first, once the append finds it stale', async () => {
    const { host, newHost, store, sessionId } = setup();
    // Another process's host takes the name; this host has not seen that join yet.
    await newHost().join({ ...participantRow(sessionId, 't1'), display_name: 'Marko' });
    expect(host.live.participants.size).toBe(0);
    await expect(
      host.join({ ...participantRow(sessionId, 't1'), display_name: 'MARKO' }),
    ).rejects.toMatchObject({ code: ErrorCode.NameTaken });
    expect(await store.head(sessionId)).toBe(1);
  });
});

describe('SessionHost connections', () => {
  it('sends a snapshot on first connect and exactly the missed events on reconnect', async () => {
    const { host, connect, drop, send } = setup();
    const first = await connect(facilitator);
    expect(first.received.map((m) => m.event)).toEqual(['session.snapshot']);
    await send(facilitator, 'session.start');
    await send(facilitator, 'broadcast.send', { message: 'one' });
    drop(first);
    await send(facilitator, 'broadcast.send', { message: 'two' });
    await send(facilitator, 'broadcast.send', { message: 'three' });
    const again = await connect(facilitator, 2);
    expect(again.received[0]?.event).toBe('session.events');
    expect(again.received[0]?.payload).toMatchObject({ seq: 4, fromSeq: 2 });
    expect(again.seqs()).toEqual([3, 4]);
    expect(host.live.head).toBe(4);
  });

  it('marks a trainee online, away when the last connection drops, left after the grace time', async () => {
    const { host, connect, drop, clock, presence, store, sessionId } = setup();
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    expect(store.participant(sessionId, row.id)).toMatchObject({ team_id: 't1' });
    const trainee: Principal = { kind: 'participant', participantId: row.id, sessionId };
    const a = await connect(trainee);
    const b = await connect(trainee);
    drop(a);
    expect(presence.changes.map((c) => c.presence)).toEqual(['online']);
    drop(b);
    clock.advance(29_000);
    expect(presence.changes.map((c) => c.presence)).toEqual(['online', 'away']);
    // Back within the grace time: never "left".
    const c = await connect(trainee);
    clock.advance(60_000);
    drop(c);
    clock.advance(30_000);
    expect(presence.changes.map((change) => change.presence)).toEqual([
      'online',
      'away',
      'online',
      'away',
      'left',
    ]);
  });

  it('forgets a connection that dropped while its connect waited behind a slow command', async () => {
    const { host, store, network, presence, send, sessionId } = setup();
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const append = store.append.bind(store);
    store.append = (request) =>
      new Promise((resolve) => setImmediate(() => resolve(append(request))));
    const started = send(facilitator, 'session.start');
    const conn = new FakeConnection();
    network.connections.add(conn);
    const connected = host.connect(conn, { kind: 'participant', participantId: row.id, sessionId });
    network.connections.delete(conn);
    host.disconnect(conn.id);
    await Promise.all([started, connected]);
    expect(presence.changes).toEqual([]);
    expect(conn.received).toEqual([]);
  });

  it('shows a trainee only the events of their own team', async () => {
    const { host, connect, send, sessionId } = setup();
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const trainee = await connect({ kind: 'participant', participantId: row.id, sessionId });
    await send(facilitator, 'session.start');
    await send(facilitator, 'broadcast.send', { message: 'to t2', team: 't2' });
    await send(facilitator, 'broadcast.send', { message: 'to t1', team: 't1' });
    expect(trainee.seqs()).toEqual([2, 4]);
  });
});

describe('SessionHost clock', () => {
  it('advances the scenario clock once per due minute, however often the ticker visits', async () => {
    const { host, clock, send, store, sessionId } = setup({ timeRatio: 1 });
    await send(facilitator, 'session.start');
    const minutes = () =>
      host.live.teams.map((t) => {
        const state = host.live.states.get(t.id);
        return state === undefined ? null : runtime.clock(state);
      });
    const before = minutes();
    clock.advance(30_000);
    expect(host.tick(clock.now())).toBeNull(); // half a minute: nothing due yet
    clock.advance(31_000);
    const due = host.tick(clock.now());
    // The ticker visits again before the work ran: the minute is claimed already.
    expect(host.tick(clock.now())).toBeNull();
    await due?.();
    expect(minutes()).toEqual(before.map((m) => (m === null ? null : m + 1)));
    const ticks = (await store.readFrom(sessionId, 0)).filter((e) => e.type === 'clock.ticked');
    expect(ticks.map((e) => [e.team, e.payload])).toEqual([
      ['t1', { minutes: 1 }],
      ['t2', { minutes: 1 }],
    ]);
  });

  it("sends the ticker's minutes to the staff, and to a trainee group only when its view changed", async () => {
    // A view that shows the team's scenario minutes and, from minute 3 on, something more.
    const projector: Projector = {
      ...views,
      view: (live, team) => {
        const state = live.states.get(team);
        if (state === undefined) return null;
        const minutes = runtime.clock(state);
        return {
          clock: { minutes, running: live.status === 'running', limitMinutes: null },
          late: minutes >= 3,
        } as unknown as RoleView;
      },
    };
    const { host, clock, connect, send, sessionId } = setup({ timeRatio: 1 }, undefined, projector);
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const staff = await connect(facilitator);
    const trainee = await connect({ kind: 'participant', participantId: row.id, sessionId });
    await send(facilitator, 'session.start');
    const seen = (conn: FakeConnection) =>
      updatesOf(conn).map((u) => [u.event?.type ?? null, u.view?.clock.minutes ?? null]);
    const start = runtime.clock(host.live.states.get('t1') ?? runtime.initialState('t1'));
    expect(seen(trainee)).toEqual([['session.started', start]]);

    // Minute 1: only the minutes moved; the trainee's client moves its clock itself.
    clock.advance(60_000);
    await host.tick(clock.now())?.();
    expect(seen(trainee)).toEqual([['session.started', start]]);
    expect(seen(staff).slice(-2)).toEqual([
      ['clock.ticked', null],
      ['clock.ticked', null],
    ]);

    // The facilitator's clock moves reach everyone of the team, as the event alone.
    await send(facilitator, 'clock.advance', { minutes: 1, team: 't1' });
    expect(seen(trainee).at(-1)).toEqual(['clock.ticked', null]);
    expect(seen(staff).at(-1)).toEqual(['clock.ticked', null]);

    // Minute 3: the view changed by more than the minutes, so the tick goes with it.
    clock.advance(60_000);
    await host.tick(clock.now())?.();
    const patch = updatesOf(trainee).at(-1);
    expect(patch?.event?.type).toBe('clock.ticked');
    expect(patch?.viewPatch?.ops).toEqual(
      expect.arrayContaining([{ op: 'replace', path: '/clock/minutes', value: start + 3 }]),
    );
    expect(
      updatesOf(staff)
        .slice(-2)
        .map((u) => u.event?.type),
    ).toEqual(['clock.ticked', 'clock.ticked']);
  });

  it('ends the session once its running time reaches the limit, pauses excluded', async () => {
    const { host, clock, send } = setup({ timeLimitMinutes: 2 });
    await send(facilitator, 'session.start');
    clock.advance(60_000);
    await send(facilitator, 'session.pause');
    clock.advance(10 * 60_000);
    await send(facilitator, 'session.resume');
    clock.advance(59_000);
    expect(host.tick(clock.now())).toBeNull();
    clock.advance(1_000);
    await host.tick(clock.now())?.();
    expect(host.live.status).toBe('ended');
    expect(host.tick(clock.now())).toBeNull();
  });
});

describe('SessionHost live scores', () => {
  it('rescores each session at its own phase of the period, one period apart', async () => {
    const period = 5000;
    const refreshes = new Map<string, number[]>();
    let now = () => 0;
    const projector: Projector = {
      ...views,
      refreshScores: (live) => {
        const times = refreshes.get(live.id) ?? [];
        times.push(now());
        refreshes.set(live.id, times);
        live.scoreCache = { seq: live.head, at: now(), scores: new Map() };
        return Promise.resolve([]);
      },
    };
    const sessions = Array.from({ length: 6 }, () => setup({}, undefined, projector));
    for (const { clock, connect, send } of sessions) {
      now = () => clock.now();
      await connect(facilitator);
      await send(facilitator, 'session.start');
      // A command every 0.7 s for 30 s (each session on its own fake clock, all from the same time).
      for (let i = 0; i < 43; i += 1) {
        clock.advance(700);
        await send(facilitator, 'broadcast.send', { message: `m${i}`, team: 't1' });
      }
    }
    const start = sessions[0]?.clock.now() ?? 0;
    const phases = new Set<number>();
    for (const { host } of sessions) {
      const times = refreshes.get(host.live.id) ?? [];
      // The first at the start (no scores yet), then on the session's slots, one period apart.
      expect(times.length).toBeGreaterThanOrEqual(6);
      const [first, second, ...rest] = times;
      expect(first).toBe(start - 43 * 700);
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(period / 2);
      const phase = (second ?? 0) % period;
      for (const [i, t] of rest.entries()) {
        expect(t % period).toBe(phase);
        expect(t - (times[i + 1] ?? 0)).toBe(period);
      }
      phases.add(phase);
    }
    // Sessions started at the same moment do not rescore at the same moments.
    expect(phases.size).toBeGreaterThan(3);
  });
  it('rescores for trainees alone only while one of them is connected', async () => {
    // The catalogue scenario has witnesses: trainees' views show those lost, from the live scores.
    expect(runtime.hasWitnesses).toBe(true);
    let refreshes = 0;
    const projector: Projector = {
      ...views,
      refreshScores: (live) => {
        refreshes += 1;
        live.scoreCache = { seq: live.head, at: 0, scores: new Map() };
        return Promise.resolve([]);
      },
    };
    const { host, clock, connect, send, sessionId } = setup({}, undefined, projector);
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    await send(facilitator, 'session.start');
    await send(facilitator, 'broadcast.send', { message: 'nobody here', team: 't1' });
    clock.advance(20_000);
    expect(refreshes).toBe(0);
    await connect({ kind: 'participant', participantId: row.id, sessionId });
    await send(facilitator, 'broadcast.send', { message: 'one trainee here', team: 't1' });
    clock.advance(20_000);
    expect(refreshes).toBeGreaterThan(0);
  });
});

describe('SessionHost restore', () => {
  it('rebuilds from the latest checkpoint and the later events the state the host holds', async () => {
    const { host, clock, send, store, sessionId, row, teams } = setup({ timeRatio: 1 });
    await send(facilitator, 'session.start');
    for (let minute = 0; minute < 7; minute += 1) {
      clock.advance(60_000);
      await host.tick(clock.now())?.();
      if (minute === 3) await send(facilitator, 'session.pause');
      if (minute === 4) await send(facilitator, 'session.resume');
    }
    const checkpoint = await store.latestCheckpoint(sessionId);
    // checkpointEvery is 3: a checkpoint exists, and events follow it.
    expect(checkpoint?.seq).toBeGreaterThan(1);
    expect(checkpoint?.seq).toBeLessThan(host.live.head);

    const rebuilt = new LiveSession(
      { ...row, status: store.row(sessionId).status },
      runtime,
      teams,
      () => clock.now(),
    );
    const refused = rebuilt.restore({
      checkpoint,
      events: await store.readFrom(sessionId, checkpoint?.seq ?? 0),
      head: await store.head(sessionId),
      statusEvents: await store.readTypes(sessionId, [
        'session.started',
        'session.paused',
        'session.resumed',
        'session.ended',
      ]),
    });
    expect(refused).toEqual([]);
    expect(rebuilt.head).toBe(host.live.head);
    expect(rebuilt.status).toBe('running');
    expect(Object.fromEntries(rebuilt.states)).toEqual(Object.fromEntries(host.live.states));
    expect(rebuilt.running.at(clock.now())).toBe(host.live.running.at(clock.now()));
  });
});

/**
 * A role view reduced to what the patch logic looks at (JSON, a clock, lists): built anew on every
 * call like the real one, so equal views are equal objects only structurally.
 */
function fakeView(minutes: number, inbox: string[], documents: string[] = []): RoleView {
  return {
    team: { id: 't1', name: 'Team 1' },
    role: { id: role, name: 'Role' },
    clock: { minutes, running: true, limitMinutes: 120 },
    inbox: inbox.map((title, i) => ({ id: `m${i}`, title: { en: title, mk: `${title} (mk)` } })),
    documents: documents.map((text, i) => ({ id: `d${i}`, text })),
  } as unknown as RoleView;
}

/** Views that show whatever `shown.view()` builds (the host decides when to ask). */
function showing(shown: { view: () => RoleView }): Projector {
  return {
    ...views,
    view: () => shown.view(),
    snapshot: (live) =>
      Promise.resolve({ seq: live.head, view: shown.view() } as unknown as SessionSnapshot),
  };
}

/** What one trainee connection holds after applying its messages the way a client does. */
function heldBy(conn: FakeConnection): VersionedView & { resyncs: number } {
  let held: VersionedView = { view: null, viewVersion: null };
  let resyncs = 0;
  for (const { event, payload } of conn.received) {
    if (event === 'session.snapshot' || event === 'session.events') {
      const whole = payload as SessionSnapshot | SessionEvents;
      held = { view: whole.view, viewVersion: whole.viewVersion };
    } else if (event === 'session.update' || event === 'session.rescored') {
      const update = payload as SessionUpdate | SessionRescored;
      if (update.view) held = { view: update.view, viewVersion: update.viewVersion ?? null };
      else if (update.viewPatch) {
        const patched = applyViewPatch(held, update.viewPatch);
        if (patched) held = patched;
        else resyncs += 1;
      }
    }
  }
  return { ...held, resyncs };
}

/** The view version of the connection's (first) snapshot. */
function versionSentTo(conn: FakeConnection): string | null | undefined {
  const snapshot = conn.received.find((m) => m.event === 'session.snapshot');
  return (snapshot?.payload as SessionSnapshot | undefined)?.viewVersion;
}

function updatesOf(conn: FakeConnection): SessionUpdate[] {
  return conn.received.flatMap(({ event, payload }) =>
    event === 'session.update' ? [payload as SessionUpdate] : [],
  );
}

describe('SessionHost view patches', () => {
  it('sends a group its first view whole, then patches against the version it holds', async () => {
    let current = fakeView(0, ['Arrest report']);
    const shown = { view: () => current };
    const { host, connect, send, sessionId } = setup({}, undefined, showing(shown));
    await send(facilitator, 'session.start');
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const trainee = await connect({ kind: 'participant', participantId: row.id, sessionId });
    const sent = versionSentTo(trainee);
    expect(sent).toEqual(expect.any(String));

    current = fakeView(12, ['Arrest report', 'Lab results']);
    await send(facilitator, 'session.pause');
    const [paused] = updatesOf(trainee);
    expect(paused?.view).toBeUndefined();
    expect(paused?.viewPatch?.base).toBe(sent);
    // Only what changed: the new message, and the minutes as an absolute value.
    expect(paused?.viewPatch?.ops).toHaveLength(2);
    expect(paused?.viewPatch?.ops).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/clock/minutes', value: 12 },
        {
          op: 'add',
          path: '/inbox/1',
          value: { id: 'm1', title: { en: 'Lab results', mk: 'Lab results (mk)' } },
        },
      ]),
    );
    const held = heldBy(trainee);
    expect(held.resyncs).toBe(0);
    expect(held.viewVersion).toBe(paused?.viewPatch?.version);
    expect(held.view).toEqual(current);

    // A view that differs only in its minutes is not sent at all.
    current = fakeView(30, ['Arrest report', 'Lab results']);
    await send(facilitator, 'session.resume');
    expect(updatesOf(trainee)[1]).toMatchObject({ seq: 4, event: { type: 'session.resumed' } });
    expect(updatesOf(trainee)[1]?.viewPatch).toBeUndefined();
    expect(updatesOf(trainee)[1]?.view).toBeUndefined();
  });

  it('sends the view whole when a patch would not be smaller', async () => {
    const long = (tag: string) => Array.from({ length: 40 }, (_, i) => `${tag} ${i} `.repeat(20));
    let current = fakeView(0, [], long('first'));
    const { host, connect, send, sessionId } = setup(
      {},
      undefined,
      showing({ view: () => current }),
    );
    await send(facilitator, 'session.start');
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const trainee = await connect({ kind: 'participant', participantId: row.id, sessionId });
    current = fakeView(0, [], long('second'));
    await send(facilitator, 'session.pause');
    const [update] = updatesOf(trainee);
    expect(update?.viewPatch).toBeUndefined();
    expect(update?.view).toEqual(current);
    expect(update?.viewVersion).not.toBe(versionSentTo(trainee));
    expect(heldBy(trainee).view).toEqual(current);
  });

  it('gives a snapshot that differs from the held view a new version: the others resync', async () => {
    let current = fakeView(0, ['Arrest report']);
    const { host, connect, send, sessionId } = setup(
      {},
      undefined,
      showing({ view: () => current }),
    );
    await send(facilitator, 'session.start');
    const first = participantRow(sessionId, 't1');
    const second = { ...participantRow(sessionId, 't1'), display_name: 'Bo' };
    await host.join(first);
    await host.join(second);
    const ana = await connect({ kind: 'participant', participantId: first.id, sessionId });
    // Something the view shows changed without an update (live scores refreshed, say).
    current = fakeView(0, ['Arrest report (scored)']);
    const bo = await connect({ kind: 'participant', participantId: second.id, sessionId });
    const anaVersion = versionSentTo(ana);
    const boVersion = versionSentTo(bo);
    expect(boVersion).not.toBe(anaVersion);

    current = fakeView(0, ['Arrest report (scored)', 'Lab results']);
    await send(facilitator, 'session.pause');
    expect(updatesOf(ana)[0]?.viewPatch?.base).toBe(boVersion);
    // Ana's view is not the base: she keeps hers and asks for a snapshot; Bo is current.
    expect(heldBy(ana)).toMatchObject({ viewVersion: anaVersion, resyncs: 1 });
    expect(heldBy(bo)).toMatchObject({ view: current, resyncs: 0 });
    await host.sync(ana, { kind: 'participant', participantId: first.id, sessionId });
    expect(heldBy(ana)).toMatchObject({ view: current, viewVersion: heldBy(bo).viewVersion });
  });

  it('hands out the version of an equal view on any host in a cluster (a snapshot from another process fits)', async () => {
    const current = () => fakeView(0, ['Arrest report']);
    const lease: HostOwnership = { fence: () => ({ owner: 'node-a', token: 1 }), lost: () => {} };
    const { host, newHost, connect, send, sessionId, store } = setup(
      {},
      lease,
      showing({ view: current }),
    );
    store.leases.set(sessionId, { owner: 'node-a', token: 1 });
    await send(facilitator, 'session.start');
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const principal: Principal = { kind: 'participant', participantId: row.id, sessionId };
    const here = await connect(principal);
    const other = newHost();
    await other.refresh();
    const there = await connect(principal, undefined, other);
    expect(versionSentTo(here)).toEqual(expect.any(String));
    expect(versionSentTo(there)).toBe(versionSentTo(here));
  });

  it('hands out local versions without a cluster, one per changed view', async () => {
    let titles = ['Arrest report'];
    const { host, connect, send, sessionId } = setup(
      {},
      undefined,
      showing({ view: () => fakeView(0, titles) }),
    );
    await send(facilitator, 'session.start');
    const row = participantRow(sessionId, 't1');
    await host.join(row);
    const principal: Principal = { kind: 'participant', participantId: row.id, sessionId };
    const first = versionSentTo(await connect(principal));
    expect(versionSentTo(await connect(principal))).toBe(first);
    titles = ['Arrest report', 'Lab results'];
    await send(facilitator, 'clock.advance', { minutes: 5 });
    const second = versionSentTo(await connect(principal));
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });
});

describe('SessionHost staff cards', () => {
  /** Cards built anew on every call, from the team's scenario clock and a score the test sets. */
  function cardsShowing(scores: Map<string, number>): Projector {
    const card: Projector['card'] = (live, team) => {
      const state = live.states.get(team);
      if (state === undefined) return null;
      const score = scores.get(team);
      return {
        team: { id: team, name: `Team ${team}` },
        clock: {
          minutes: runtime.clock(state),
          running: live.status === 'running',
          limitMinutes: null,
        },
        lastDecisions: [],
        pendingRequests: [],
        members: [],
        scores: score === undefined ? null : { evidence: score },
        ended: null,
      } as unknown as TeamCard;
    };
    return {
      ...views,
      card,
      cards: (live) => live.teams.flatMap((t) => card(live, t.id) ?? []),
      snapshot: (live) =>
        Promise.resolve({
          seq: live.head,
          view: null,
          teams: live.teams.flatMap((t) => card(live, t.id) ?? []),
        } as unknown as SessionSnapshot),
    };
  }

  /** The cards a staff client holds after its messages, merged as the console does. */
  function cardsHeldBy(conn: FakeConnection): TeamCard[] {
    let cards: TeamCard[] = [];
    let versions: Record<string, string> = {};
    for (const { event, payload } of conn.received) {
      if (event === 'session.snapshot') {
        ({ teams: cards, teamVersions: versions } = payload as SessionSnapshot);
      }
      if (event !== 'session.update') continue;
      const update = payload as SessionUpdate;
      const ticked = update.event?.type === 'clock.ticked' ? update.event : null;
      if (ticked) {
        cards = cards.map((c) =>
          c.team.id === ticked.team
            ? { ...c, clock: { ...c.clock, minutes: c.clock.minutes + ticked.payload.minutes } }
            : c,
        );
      }
      for (const card of update.teams ?? []) {
        const i = cards.findIndex((c) => c.team.id === card.team.id);
        if (i >= 0) cards[i] = card;
        else cards.push(card);
        versions = { ...versions, [card.team.id]: update.teamVersions?.[card.team.id] ?? '' };
      }
      for (const patch of update.teamPatches ?? []) {
        const i = cards.findIndex((c) => c.team.id === patch.team);
        const patched = applyTeamPatch({ card: cards[i], version: versions[patch.team] }, patch);
        if (patched === null) throw new Error(`the card patch of seq ${update.seq} did not apply`);
        cards[i] = patched.card;
        versions = { ...versions, [patch.team]: patched.version };
      }
    }
    return cards;
  }

  /** The teams whose card an update carries, whole or as a patch. */
  const cardTeams = (update: SessionUpdate | undefined) => {
    const teams = [
      ...(update?.teams?.map((c) => c.team.id) ?? []),
      ...(update?.teamPatches?.map((p) => p.team) ?? []),
    ];
    return teams.length > 0 ? teams.sort() : undefined;
  };

  it('sends a team card only when it differs from the one the staff last got', async () => {
    const scores = new Map<string, number>();
    const projector = cardsShowing(scores);
    const { host, clock, connect, send } = setup({ timeRatio: 1 }, undefined, projector);
    const staff = await connect(facilitator);
    const current = () => projector.cards(host.live);
    await send(facilitator, 'session.start');
    expect(cardTeams(updatesOf(staff).at(-1))).toEqual(['t1', 't2']);

    // Nothing on the cards changed: the update carries the event only.
    await send(facilitator, 'broadcast.send', { message: 'hi', team: 't2' });
    expect(updatesOf(staff).at(-1)?.event?.type).toBe('broadcast.sent');
    expect(cardTeams(updatesOf(staff).at(-1))).toBeUndefined();
    await send(facilitator, 'session.pause');
    expect(cardTeams(updatesOf(staff).at(-1))).toEqual(['t1', 't2']); // not running any more
    scores.set('t1', 3);
    await send(facilitator, 'session.resume');
    expect(cardTeams(updatesOf(staff).at(-1))).toEqual(['t1', 't2']);
    scores.set('t2', 5);
    await send(facilitator, 'broadcast.send', { message: 'again', team: 't2' });
    expect(cardTeams(updatesOf(staff).at(-1))).toEqual(['t2']);
    expect(cardsHeldBy(staff)).toEqual(current());

    // A tick moves the minutes, which the client adds itself: no card, unless more changed.
    clock.advance(61_000);
    await host.tick(clock.now())?.();
    const ticks = updatesOf(staff).slice(-2);
    expect(ticks.map((u) => [u.event?.type, cardTeams(u)])).toEqual([
      ['clock.ticked', undefined],
      ['clock.ticked', undefined],
    ]);
    expect(cardsHeldBy(staff)).toEqual(current());
    scores.set('t1', 4);
    clock.advance(61_000);
    await host.tick(clock.now())?.();
    expect(updatesOf(staff).slice(-2).map(cardTeams)).toEqual([['t1'], undefined]);
    expect(cardsHeldBy(staff)).toEqual(current());

    // A staff snapshot in between (scores rescored, then back as they were): the next update of
    // the team whose card it gave differently carries the card whole, for the other connection.
    scores.set('t2', 6);
    const second = await connect(facilitator);
    scores.set('t2', 5);
    await send(facilitator, 'broadcast.send', { message: 'last', team: 't2' });
    expect(
      updatesOf(second)
        .at(-1)
        ?.teams?.map((c) => c.team.id),
    ).toEqual(['t2']);
    expect(cardsHeldBy(second)).toEqual(current());
    expect(cardsHeldBy(staff)).toEqual(current());
  });
});

/** A host of Reefer at Horgoš with the real projections, one trainee per playable agency. */
async function reeferSession(feedbackPolicy: FeedbackPolicy = 'hints') {
  const reefer = loadCatalogue()
    .flatMap((entry) => (entry.ok ? [entry.compiled] : []))
    .find((c) => c.id === 'reefer-horgos');
  if (!reefer) throw new Error('the catalogue has no valid reefer-horgos');
  const { runtime: engine, store, views: real } = playContext(reefer);
  const clock = new FakeClock();
  const network = new FakeNetwork();
  const sessionId = randomUUID();
  const row = lobbyRow(sessionId, engine, { feedbackPolicy });
  const host = new SessionHost(
    new LiveSession(row, engine, [{ id: 't1', name: 'Team 1' }], () => clock.now()),
    {
      store,
      broadcaster: network,
      clock,
      presence: new MemoryPresence(),
      views: real,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    },
    { tickMs: 1000, minTickMs: 0, checkpointEvery: 50, awayToLeftMs: 30_000 },
  );
  const connect = async (principal: Principal) => {
    const conn = new FakeConnection();
    network.connections.add(conn);
    await host.connect(conn, principal);
    return conn;
  };
  const trainees = new Map<string, { principal: Principal; conn: FakeConnection }>();
  for (const agency of reefer.playable) {
    const participant = {
      ...participantRow(sessionId, 't1'),
      role: agency,
      display_name: agency,
    };
    await host.join(participant);
    const principal: Principal = {
      kind: 'participant',
      participantId: participant.id,
      sessionId,
    };
    trainees.set(agency, { principal, conn: await connect(principal) });
  }
  const staff = await connect(facilitator);
  const send = <N extends CommandName>(principal: Principal, name: N, body: object = {}) =>
    host.execute(
      principal,
      name,
      commandSchemas[name].parse({ commandId: randomUUID(), ...body }) as never,
    );
  return { host, engine, real, trainees, staff, send, clock };
}

describe("SessionHost clock moves that are not the ticker's", () => {
  /** The clock a trainee client shows after its messages (no ticker runs: a ratio of 0). */
  function minutesHeldBy(conn: FakeConnection): number | null {
    let held: VersionedView = { view: null, viewVersion: null };
    const setMinutes = (minutes: (now: number) => number) => {
      const view = held.view;
      if (view !== null) {
        const clock = { ...view.clock, minutes: minutes(view.clock.minutes) };
        held = { ...held, view: { ...view, clock } };
      }
    };
    for (const { event, payload } of conn.received) {
      if (event === 'session.snapshot') {
        const snapshot = payload as SessionSnapshot;
        held = { view: snapshot.view, viewVersion: snapshot.viewVersion };
      } else if (event === 'session.update') {
        const update = payload as SessionUpdate;
        const ticked = update.event?.type === 'clock.ticked' ? update.event : null;
        if (update.view) held = { view: update.view, viewVersion: update.viewVersion ?? null };
        else if (update.viewPatch) {
          const patched = applyViewPatch(held, update.viewPatch);
          if (patched === null) throw new Error(`the patch of seq ${update.seq} did not apply`);
          held = patched;
        } else {
          if (ticked) setMinutes((now) => now + ticked.payload.minutes);
          const minutes = update.minutes;
          if (minutes !== undefined) setMinutes(() => minutes);
        }
      }
    }
    return held.view?.clock.minutes ?? null;
  }

  it("moves every agency's clock when one agency's decision takes time, telling them no more", async () => {
    const { host, engine, real, trainees, staff, send } = await reeferSession();
    await send(facilitator, 'session.start');
    const teamClock = () => engine.clock(host.live.states.get('t1') ?? engine.initialState('t1'));
    const start = teamClock();
    for (const { conn } of trainees.values()) expect(minutesHeldBy(conn)).toBe(start);
    const border = trainees.get('border_police');
    if (!border) throw new Error('no border police in Reefer at Horgoš');
    const sent = new Map([...trainees].map(([agency, t]) => [agency, t.conn.received.length]));

    // Keeping the doors sealed costs the border police 40 minutes.
    const ack = await send(border.principal, 'decision.submit', {
      decision: 'd_open',
      option: 'o_keep_closed',
      rationale: 'Wait for the prosecutor.',
      confidence: 3,
    });
    expect(ack.status).toBe('accepted');
    expect(teamClock()).toBe(start + 40);

    for (const [agency, { conn }] of trainees) {
      expect([agency, minutesHeldBy(conn)]).toEqual([agency, start + 40]);
      // Need-to-know: an agency that may not see the decision learns only that time passed.
      const got = conn.received
        .slice(sent.get(agency))
        .flatMap(({ event, payload }) =>
          event === 'session.update' ? [(payload as SessionUpdate).event?.type ?? null] : [],
        );
      if (agency !== 'border_police') expect(got).not.toContain('decision.made');
    }
    // Some agencies may not see the border police's decision (legal aid, say): the case at issue.
    const decision = updatesOf(staff).find((u) => u.event?.type === 'decision.made')?.event;
    if (!decision) throw new Error('the staff got no decision.made');
    const blind = [...trainees.keys()].filter(
      (agency) => !real.visibleToSeat(host.live, { team: 't1', role: agency }, decision),
    );
    expect(blind).toContain('cso_legal_aid');
    // The staff's card of the team shows the clock too.
    const cards: TeamCard[] = [];
    let versions: Record<string, string> = {};
    for (const { event, payload } of staff.received) {
      if (event === 'session.snapshot') {
        const snapshot = payload as SessionSnapshot;
        cards.splice(0, cards.length, ...snapshot.teams);
        versions = { ...snapshot.teamVersions };
      } else if (event === 'session.update') {
        const update = payload as SessionUpdate;
        for (const card of update.teams ?? []) {
          cards.splice(0, cards.length, ...cards.filter((c) => c.team.id !== card.team.id), card);
          versions[card.team.id] = update.teamVersions?.[card.team.id] ?? '';
        }
        for (const patch of update.teamPatches ?? []) {
          const i = cards.findIndex((c) => c.team.id === patch.team);
          const patched = applyTeamPatch({ card: cards[i], version: versions[patch.team] }, patch);
          if (patched === null)
            throw new Error(`the card patch of seq ${update.seq} did not apply`);
          cards[i] = patched.card;
          versions[patch.team] = patched.version;
        }
      }
    }
    expect(cards.find((c) => c.team.id === 't1')?.clock.minutes).toBe(start + 40);
  });
});

describe('SessionHost live scores pushed when rescored', () => {
  /** Lets the score timer's refresh (an asynchronous read of the log) and its push finish. */
  const settle = async () => {
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const rescoredOf = (conn: FakeConnection, from = 0) =>
    conn.received
      .slice(from)
      .flatMap(({ event, payload }) =>
        event === 'session.rescored' ? [payload as SessionRescored] : [],
      );

  /** The cards a staff connection holds after its messages, rescored pushes included. */
  function staffCardsHeldBy(conn: FakeConnection): Map<string, TeamCard> {
    const cards = new Map<string, TeamCard>();
    const versions = new Map<string, string>();
    for (const { event, payload } of conn.received) {
      if (event === 'session.snapshot') {
        const snapshot = payload as SessionSnapshot;
        cards.clear();
        for (const card of snapshot.teams) cards.set(card.team.id, card);
        for (const [team, v] of Object.entries(snapshot.teamVersions)) versions.set(team, v);
      } else if (event === 'session.update' || event === 'session.rescored') {
        const update = payload as SessionUpdate | SessionRescored;
        const ticked =
          'event' in update && update.event?.type === 'clock.ticked' ? update.event : null;
        const card = ticked?.team ? cards.get(ticked.team) : undefined;
        if (ticked && card) {
          const minutes = card.clock.minutes + ticked.payload.minutes;
          cards.set(card.team.id, { ...card, clock: { ...card.clock, minutes } });
        }
        for (const whole of update.teams ?? []) {
          cards.set(whole.team.id, whole);
          versions.set(whole.team.id, update.teamVersions?.[whole.team.id] ?? '');
        }
        for (const patch of update.teamPatches ?? []) {
          const patched = applyTeamPatch(
            { card: cards.get(patch.team), version: versions.get(patch.team) },
            patch,
          );
          if (patched === null) throw new Error(`a card patch at seq ${update.seq} did not apply`);
          cards.set(patch.team, patched.card);
          versions.set(patch.team, patched.version);
        }
      }
    }
    return cards;
  }

  beforeEach(() => {
    // SessionViews dates the scores it computes by the wall clock: the fake clock's time here.
    jest.spyOn(Date, 'now').mockImplementation(() => now());
  });
  afterEach(() => jest.restoreAllMocks());
  let now = () => 0;

  /** Reefer at Horgoš started, with its first scores computed; the border police's seat in it. */
  async function startedWithScores() {
    const session = await reeferSession();
    now = () => session.clock.now();
    await session.send(facilitator, 'session.start');
    session.clock.advance(SCORE_REFRESH_MS);
    await settle();
    const border = session.trainees.get('border_police');
    if (!border) throw new Error('no border police in Reefer at Horgoš');
    return { ...session, border };
  }

  it("pushes a decision's hint to its group when the score timer has rescored, and nothing to the others", async () => {
    const { host, real, trainees, staff, send, clock, border } = await startedWithScores();
    const view = real.view(host.live, 't1', 'border_police');
    const decision = view?.decisions.find((d) => d.enabled && !d.joint);
    const option = decision?.options.find((o) => o.enabled);
    if (!decision || !option) throw new Error('the border police have no decision to take');
    const ack = await send(border.principal, 'decision.submit', {
      decision: decision.id,
      option: option.id,
      rationale: 'Open and ventilate.',
      confidence: 3,
    });
    expect(ack.status).toBe('accepted');
    const seq = host.live.head;
    // The update of the decision carries no hint yet: the live scores lag the log.
    expect(heldBy(border.conn).view?.hints.some((h) => h.seq === seq)).toBe(false);
    const sent = new Map([...trainees].map(([agency, t]) => [agency, t.conn.received.length]));
    const staffSent = staff.received.length;
    // What each group holds after the decision's update (views as computed before the rescoring).
    const before = new Map(
      [...trainees].map(([agency]) => [agency, real.view(host.live, 't1', agency)]),
    );

    clock.advance(SCORE_REFRESH_MS);
    await settle();
    expect(host.live.scoreCache?.seq).toBe(seq);

    // The deciding group: one message, no event, at the head, whose view holds the hint.
    const got = border.conn.received.slice(sent.get('border_police'));
    expect(got.map((m) => m.event)).toEqual(['session.rescored']);
    const [rescored] = rescoredOf(border.conn, sent.get('border_police'));
    expect(rescored?.seq).toBe(seq);
    expect(rescored).not.toHaveProperty('event');
    const held = heldBy(border.conn);
    expect(held.resyncs).toBe(0);
    expect(held.view?.hints.some((h) => h.seq === seq && h.decision === decision.id)).toBe(true);
    expect(held.view).toEqual(real.view(host.live, 't1', 'border_police'));

    // A group whose view the rescoring did not change gets nothing.
    const unchanged = [...trainees.keys()].filter(
      (agency) =>
        JSON.stringify(before.get(agency)) === JSON.stringify(real.view(host.live, 't1', agency)),
    );
    expect(unchanged.length).toBeGreaterThan(0);
    for (const agency of unchanged) {
      const conn = trainees.get(agency)?.conn;
      expect([agency, conn?.received.slice(sent.get(agency)).length]).toEqual([agency, 0]);
    }
    // The staff get the team's card as it is now, in one message.
    const staffGot = staff.received.slice(staffSent);
    expect(staffGot.map((m) => m.event)).toEqual(['session.rescored']);
    expect(staffCardsHeldBy(staff).get('t1')).toEqual(real.card(host.live, 't1'));

    // The next update's patch applies to the view the push left.
    await send(border.principal, 'chat.send', { text: 'Done.' });
    expect(heldBy(border.conn)).toMatchObject({ resyncs: 0 });
    expect(heldBy(border.conn).view).toEqual(real.view(host.live, 't1', 'border_police'));
  });

  it('pushes nothing when a refresh leaves every case and score as they were', async () => {
    const { host, trainees, staff, send, clock, border } = await startedWithScores();
    const conns = [staff, ...[...trainees.values()].map((t) => t.conn)];
    const sent = conns.map((c) => c.received.length);
    await send(border.principal, 'chat.send', { text: 'Anyone there?' });
    const afterChat = conns.map((c) => c.received.length);
    expect(afterChat).not.toEqual(sent);
    clock.advance(SCORE_REFRESH_MS);
    await settle();
    // The log was rescored (the chat line), and nothing it shows changed: no message.
    expect(host.live.scoreCache?.seq).toBe(host.live.head);
    expect(conns.map((c) => c.received.length)).toEqual(afterChat);
  });

  type Reefer = Awaited<ReturnType<typeof reeferSession>>;

  /** Reefer at Horgoš started and its first scores computed (at the start, as the host does). */
  async function started(feedbackPolicy: FeedbackPolicy = 'hints'): Promise<Reefer> {
    const session = await reeferSession(feedbackPolicy);
    now = () => session.clock.now();
    await session.send(facilitator, 'session.start');
    session.clock.advance(0);
    await settle();
    expect(session.host.live.scoreCache?.seq).toBe(session.host.live.head);
    return session;
  }

  /**
   * `agency`'s trainee takes decision `id`, else the first decision of its own (not joint) its view
   * offers, with its first option open: the decision's seq.
   */
  async function decide(session: Reefer, agency: string, id?: string): Promise<number> {
    const trainee = session.trainees.get(agency);
    const view = session.real.view(session.host.live, 't1', agency);
    const decision = view?.decisions.find((d) => d.enabled && !d.joint && (id ?? d.id) === d.id);
    const option = decision?.options.find((o) => o.enabled);
    if (!trainee || !decision || !option) throw new Error(`${agency} has no decision to take`);
    const ack = await session.send(trainee.principal, 'decision.submit', {
      decision: decision.id,
      option: option.id,
      rationale: 'As we were trained.',
      confidence: 3,
    });
    if (ack.status !== 'accepted') throw new Error(`${agency}: ${JSON.stringify(ack)}`);
    return ack.seq;
  }

  /**
   * Moves the fake clock 50 ms at a time until the view `agency`'s trainee holds has a hint on the
   * decision at `seq`: the ms that took (null: not within `limit`).
   */
  async function hintAfter(session: Reefer, agency: string, seq: number, limit = 15_000) {
    const conn = session.trainees.get(agency)?.conn;
    if (!conn) throw new Error(`no ${agency} in the session`);
    for (let waited = 0; ; waited += 50) {
      await settle();
      if (heldBy(conn).view?.hints.some((h) => h.seq === seq)) return waited;
      if (waited >= limit) return null;
      session.clock.advance(50);
    }
  }

  /** Records the (fake) time of each score refresh of the session from now on. */
  function refreshesOf(session: Reefer): number[] {
    const times: number[] = [];
    const refresh = session.real.refreshScores.bind(session.real);
    jest.spyOn(session.real, 'refreshScores').mockImplementation((live) => {
      times.push(session.clock.now());
      return refresh(live);
    });
    return times;
  }

  it("pushes a decision's hint to the deciding trainees within a second, right after the start as between slots", async () => {
    const session = await started();
    // Right after the briefing: the session's next score slot is 2.5 to 7.5 s away.
    session.clock.advance(300);
    const first = await decide(session, 'border_police');
    expect(await hintAfter(session, 'border_police', first)).toBeLessThanOrEqual(1000);
    // Later, at a moment that is no slot of the session, another agency's decision.
    session.clock.advance(1700);
    const second = await decide(session, 'prosecutor');
    expect(await hintAfter(session, 'prosecutor', second)).toBeLessThanOrEqual(1000);
    // The hints pushed are the hints as they are now, as patches that applied.
    for (const agency of ['border_police', 'prosecutor']) {
      const held = heldBy(session.trainees.get(agency)?.conn as FakeConnection);
      expect(held.resyncs).toBe(0);
      expect(held.view?.hints).toEqual(session.real.view(session.host.live, 't1', agency)?.hints);
    }
  });

  it('refreshes once for a burst of decisions, their hints all within the second', async () => {
    const session = await started();
    const times = refreshesOf(session);
    // Four decisions 40 ms apart, two agencies; the last (medical care) brings no finding.
    const burst: [string, string][] = [
      ['border_police', 'd_open'],
      ['prosecutor', 'd_prosecutor_call'],
      ['border_police', 'd_sort'],
      ['border_police', 'd_medical'],
    ];
    const seqs: number[] = [];
    for (const [agency, decision] of burst) {
      session.clock.advance(40);
      seqs.push(await decide(session, agency, decision));
    }
    for (const [i, [agency]] of burst.slice(0, 3).entries()) {
      expect(await hintAfter(session, agency, seqs[i] as number)).toBeLessThanOrEqual(1000);
    }
    expect(times).toHaveLength(1);
    expect(session.host.live.scoreCache?.seq).toBe(session.host.live.head);
  });

  it('starts no refresh while one is under way, nor right after it: the hint follows all the same', async () => {
    const session = await started();
    const times: number[] = [];
    let open = 0;
    let most = 0;
    const refresh = session.real.refreshScores.bind(session.real);
    jest.spyOn(session.real, 'refreshScores').mockImplementation(async (live) => {
      times.push(session.clock.now());
      open += 1;
      most = Math.max(most, open);
      try {
        // The refresh reads the log as it is, then takes 300 ms of the fake clock.
        const changed = await refresh(live);
        await new Promise<void>((resolve) => session.clock.after(300, resolve));
        return changed;
      } finally {
        open -= 1;
      }
    });
    session.clock.advance(300);
    const first = await decide(session, 'border_police', 'd_open');
    // The decision's refresh is under way when the next decision comes.
    while (open === 0) {
      session.clock.advance(50);
      await settle();
    }
    session.clock.advance(100);
    const second = await decide(session, 'prosecutor', 'd_prosecutor_call');
    const third = await decide(session, 'border_police', 'd_sort');
    expect(await hintAfter(session, 'border_police', first)).toBeLessThanOrEqual(1000);
    expect(await hintAfter(session, 'prosecutor', second)).toBeLessThanOrEqual(1000);
    // The two decisions taken together share the refresh after the one under way.
    const border = session.trainees.get('border_police')?.conn as FakeConnection;
    expect(heldBy(border).view?.hints.some((h) => h.seq === third)).toBe(true);
    expect(most).toBe(1);
    expect(times).toHaveLength(2);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(500);
  });

  it('keeps the score schedule of a session without hints: decisions bring no refresh forward', async () => {
    const session = await started('debrief_only');
    const start = session.clock.now();
    const times = refreshesOf(session);
    // Decisions within the first 2.5 s, the earliest the session's next slot can be.
    for (const [i, agency] of ['border_police', 'prosecutor', 'border_police'].entries()) {
      session.clock.advance(i === 0 ? 300 : 700);
      await decide(session, agency);
    }
    expect(session.clock.now() - start).toBeLessThan(SCORE_REFRESH_MS / 2);
    for (let i = 0; i < 40; i += 1) {
      session.clock.advance(500);
      await settle();
    }
    // One refresh, at the first slot of the session half a period after the start's.
    const phase = phaseOf(session.host.id, SCORE_REFRESH_MS);
    expect(times).toEqual([slotFrom(start + SCORE_REFRESH_MS / 2, phase, SCORE_REFRESH_MS)]);
  });
});
