import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, parseScenario } from '@crossroads/scenarios';
import {
  afterActionReportSchema,
  commandSchemas,
  ErrorCode,
  improvementItemSchema,
  participationReportSchema,
  type Account,
  type CommandName,
  type KnowledgeResults,
  type SessionSnapshot,
} from '@crossroads/shared';
import type { DataSource } from 'typeorm';
import { EngineRuntime } from '../../src/catalogue/engine-runtime';
import { PostgresSqlClient, type SqlClient } from '../../src/database/sql';
import type { KnowledgeService } from '../../src/learning/knowledge.service';
import type { PinoLogger } from '../../src/logging/logging.module';
import { AarService } from '../../src/reports/aar.service';
import { ParticipationService } from '../../src/reports/participation.service';
import { FakeClock } from '../../src/sessions/clock';
import { LiveSession } from '../../src/sessions/live-session';
import type { Broadcaster } from '../../src/sessions/ports';
import { PostgresEventStore } from '../../src/sessions/postgres-event-store';
import { MemoryPresence } from '../../src/sessions/presence-store';
import type { Principal } from '../../src/sessions/principal';
import {
  SqlSessionRepository,
  type ParticipantRow,
  type SessionRow,
} from '../../src/sessions/session-repository';
import { SessionStore } from '../../src/sessions/session-store';
import { SessionHost, type Projector } from '../../src/sessions/session-host';
import type { SessionsService } from '../../src/sessions/sessions.service';
import { createTestSchema, type TestSchema } from './test-schema';

/*
 * The after-action report, the improvement plan and the participation report on PostgreSQL: the
 * services the REST endpoints call, over the PostgresSqlClient and the PostgresEventStore, on a log
 * played by a real SessionHost with the mini scenario's engine (the SQLite path is covered end to
 * end by tests/integration/aar-reports.test.ts).
 */

const compiled = (() => {
  const parsed = parseScenario(
    readFileSync(
      path.resolve(__dirname, '../../../../packages/scenarios/test/fixtures/mini.yaml'),
      'utf8',
    ),
  );
  if (!parsed.ok) throw new Error('mini scenario does not parse');
  return compile(parsed.scenario);
})();
const runtime = new EngineRuntime(compiled);

/** Nobody is connected: the host computes no views and delivers nothing. */
const nobody: Broadcaster = { emit: () => {}, hasRecipients: () => false };
const noViews = {
  seatOf: (live: LiveSession, principal: Principal) => {
    if (principal.kind !== 'participant') return null;
    const row = live.participants.get(principal.participantId);
    return { team: row?.team_id ?? null, role: row?.role ?? null };
  },
  visibleToSeat: () => true,
  eventForSeat: (_live: LiveSession, _seat: unknown, event: unknown) => event,
  filter: (_live: LiveSession, _principal: Principal, events: unknown[]) => events,
  view: () => null,
  card: () => null,
  cards: () => [],
  lobby: () => ({ teams: [], unassigned: [] }),
  snapshot: (live: LiveSession) => ({ seq: live.head, view: null }) as unknown as SessionSnapshot,
  scoresStale: () => false,
  refreshScores: () => Promise.resolve([]),
} as unknown as Projector;

/** Knowledge answers still live in the learning module's SQLite statements: none here. */
const noKnowledgeCheck = {
  results: (live: LiveSession): KnowledgeResults => ({
    session: live.id,
    check: null,
    respondents: { pre: 0, post: 0 },
    overall: null,
    agencies: [],
  }),
} as unknown as KnowledgeService;

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

let schema: TestSchema;
let db: DataSource;
let sql: SqlClient;
let aar: AarService;
let participation: ParticipationService;
const flushed: string[] = [];

const facilitatorAccount: Account = {
  id: randomUUID(),
  username: 'fac-pg',
  role: 'facilitator',
  createdAt: iso(START),
};
const editor: Account = { ...facilitatorAccount, id: randomUUID(), username: 'editor-pg' };
const facilitator: Principal = {
  kind: 'facilitator',
  account: facilitatorAccount,
  memberRole: 'owner',
};

interface Played {
  live: LiveSession;
  seats: Map<string, ParticipantRow>;
  seqs: Record<string, number>;
}

/** A session row, its owner as a member and its teams, as the sessions REST endpoint writes them. */
async function createSession(teams: { id: string; name: string }[]): Promise<SessionRow> {
  const row: SessionRow = {
    id: randomUUID(),
    scenario_id: runtime.id,
    scenario_version: runtime.version,
    rubric_version: null,
    settings: JSON.stringify({
      feedbackPolicy: 'hints',
      scoresVisibleToTrainees: false,
      timeRatio: 0,
      language: 'en',
    }),
    status: 'lobby',
    join_code: randomUUID().slice(0, 8),
    owner_id: facilitatorAccount.id,
    debrief_released: 0,
    created_at: iso(START),
    started_at: null,
    ended_at: null,
    details: null,
  };
  // The same statements the sessions REST endpoint runs (row, owner as member, teams in order).
  await new SqlSessionRepository(
    new SessionStore(sql, console as unknown as PinoLogger),
  ).createSession(row, teams);
  return row;
}

/**
 * Team A triages (a strength), team B keeps the van closed (a red line): four trainees join, play
 * 20 minutes of wall-clock time, the session ends.
 */
async function play(): Promise<Played> {
  const teams = [
    { id: 'team-a', name: 'Novi Sad' },
    { id: 'team-b', name: 'Subotica' },
  ];
  const row = await createSession(teams);
  const clock = new FakeClock(START);
  const host = new SessionHost(
    new LiveSession(row, runtime, teams, () => clock.now()),
    {
      store: new PostgresEventStore(db),
      broadcaster: nobody,
      clock,
      presence: new MemoryPresence(),
      views: noViews,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    },
    { tickMs: 1000, minTickMs: 0, checkpointEvery: 50, awayToLeftMs: 30_000 },
  );
  const send = async <N extends CommandName>(who: Principal, name: N, body: object = {}) => {
    const ack = await host.execute(
      who,
      name,
      commandSchemas[name].parse({ commandId: randomUUID(), ...body }) as never,
    );
    if (ack.status !== 'accepted') throw new Error(`${name} rejected: ${JSON.stringify(ack)}`);
    return ack.seq;
  };
  const seats = new Map<string, ParticipantRow>();
  for (const [key, team, role, name] of [
    ['bp-a', 'team-a', 'border_police', 'Jelena Petrović'],
    ['pr-a', 'team-a', 'prosecutor', 'Marko Ilić'],
    ['bp-b', 'team-b', 'border_police', 'Ardit Krasniqi'],
    ['pr-b', 'team-b', 'prosecutor', 'Ana Stojanovska'],
  ] as const) {
    const seat: ParticipantRow = {
      id: randomUUID(),
      session_id: row.id,
      display_name: name,
      team_id: team,
      role,
      token_hash: randomUUID(),
      presence: 'left',
      joined_at: iso(clock.now()),
      last_seen_at: null,
    };
    await host.join(seat);
    seats.set(key, seat);
    clock.advance(1000);
  }
  const trainee = (key: string): Principal => ({
    kind: 'participant',
    participantId: seats.get(key)?.id ?? '',
    sessionId: row.id,
  });
  const seqs: Record<string, number> = {};
  await send(facilitator, 'session.start');
  clock.advance(5 * 60_000);
  seqs.triage = await send(trainee('bp-a'), 'decision.submit', {
    decision: 'open_van',
    option: 'open_and_triage',
  });
  seqs.keepClosed = await send(trainee('bp-b'), 'decision.submit', {
    decision: 'open_van',
    option: 'keep_closed',
  });
  clock.advance(15 * 60_000);
  await send(facilitator, 'session.end');
  host.close();
  return { live: host.live, seats, seqs };
}

let first: Played;

beforeAll(async () => {
  schema = await createTestSchema('reports');
  db = await schema.open(4);
  sql = new PostgresSqlClient(db);
  for (const account of [facilitatorAccount, editor])
    await sql.run(
      `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'facilitator', ?)`,
      [account.id, account.username, account.createdAt],
    );
  const events = new PostgresEventStore(db);
  aar = new AarService(sql, events);
  const sessions = {
    flushPresence: () => {
      flushed.push('flush');
      return Promise.resolve();
    },
  } as unknown as SessionsService;
  participation = new ParticipationService(sql, events, sessions, aar, noKnowledgeCheck);
  first = await play();
});

afterAll(async () => {
  await schema?.drop();
});

describe('the after-action report on PostgreSQL', () => {
  it('drafts from the log the store holds, per capability and agency', async () => {
    const report = afterActionReportSchema.parse(await aar.report(first.live));
    expect(report.revision).toBe(0);
    const life = report.capabilities.find((c) => c.id === 'life-safety');
    expect(life?.draftRating).toBe('U');
    expect(life?.strengths.some((e) => e.findings.some((f) => f.seq === first.seqs.triage))).toBe(
      true,
    );
    expect(life?.areasForImprovement.find((e) => e.redLine)?.teams).toEqual(['team-b']);
  });

  it('stores edits as numbered revisions and refuses a save based on an older one', async () => {
    const saved = await aar.save(first.live, facilitatorAccount, {
      baseRevision: 0,
      executiveSummary: 'First pass',
      capabilities: { 'life-safety': { rating: 'M', summary: 'Van opened late in team B' } },
    });
    expect(saved).toMatchObject({
      revision: 1,
      editedBy: 'fac-pg',
      executiveSummary: 'First pass',
    });
    expect(saved.capabilities.find((c) => c.id === 'life-safety')).toMatchObject({
      draftRating: 'U',
      rating: 'M',
      summary: 'Van opened late in team B',
    });
    await aar.save(first.live, editor, { baseRevision: 1, executiveSummary: 'Second pass' });
    await expect(
      aar.save(first.live, facilitatorAccount, { baseRevision: 1, executiveSummary: 'Late' }),
    ).rejects.toMatchObject({ code: ErrorCode.StaleRevision });
    expect((await aar.revisions(first.live)).map((r) => [r.revision, r.editedBy])).toEqual([
      [1, 'fac-pg'],
      [2, 'editor-pg'],
    ]);
    expect((await aar.report(first.live)).executiveSummary).toBe('Second pass');
  });

  it('lets one of two saves on the same revision through and answers the other as stale', async () => {
    const base = (await aar.report(first.live)).revision;
    // Both saves must read the same latest revision before either inserts (READ COMMITTED lets
    // them): a lock that stops inserts, not reads, holds them at their INSERT until both wait.
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE aar_revisions IN SHARE ROW EXCLUSIVE MODE');
    const saves = Promise.allSettled([
      aar.save(first.live, facilitatorAccount, { baseRevision: base, executiveSummary: 'A' }),
      aar.save(first.live, editor, { baseRevision: base, executiveSummary: 'B' }),
    ]);
    try {
      for (let waiting = 0; waiting < 2;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const [row] = (await db.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'aar_revisions'::regclass`,
        )) as { n: number }[];
        waiting = row?.n ?? 0;
      }
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const results = await saves;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : undefined).toMatchObject({
      code: ErrorCode.StaleRevision,
    });
    expect((await aar.revisions(first.live)).map((r) => r.revision)).toEqual([
      ...Array.from({ length: base }, (_, i) => i + 1),
      base + 1,
    ]);
  });
});

describe('the improvement plan on PostgreSQL', () => {
  it('keeps every change of an item in the order it was made, across sessions', async () => {
    const draft = await aar.draft(first.live);
    const redLine = draft.entries.find((e) => e.redLine);
    if (!redLine) throw new Error('no red-line entry in the draft');
    const created = improvementItemSchema.parse(
      await aar.createItem(first.live, facilitatorAccount, {
        capability: redLine.capability,
        entry: redLine.id,
        agency: 'border_police',
        issue: 'The van stayed closed',
        action: 'Train first aid at the border',
        owner: 'Border Police Directorate',
        dueDate: '2026-03-01',
      }),
    );
    expect(created).toMatchObject({ status: 'open', agencyName: expect.anything() });
    const next = (await play()).live;
    const row = await aar.item(created.id);
    if (!row) throw new Error('item not found by id');
    // Several changes within one millisecond: only the id column orders them.
    const changes = [
      { status: 'in_progress', note: 'Course booked' },
      { owner: 'Training Centre', note: 'Handed over' },
      { status: 'done', note: 'Reviewed in the next session', session: next.id },
    ] as const;
    let latest = row;
    for (const change of changes) {
      await aar.updateItem(latest, first.live, editor, change);
      const reread = await aar.item(created.id);
      if (!reread) throw new Error('item vanished');
      latest = reread;
    }
    const [item] = await aar.itemsOfSession(first.live);
    expect(item).toMatchObject({ status: 'done', owner: 'Training Centre' });
    expect(item?.history.map((h) => [h.status, h.by, h.note, h.session])).toEqual([
      ['open', 'fac-pg', null, first.live.id],
      ['in_progress', 'editor-pg', 'Course booked', null],
      ['in_progress', 'editor-pg', 'Handed over', null],
      ['done', 'editor-pg', 'Reviewed in the next session', next.id],
    ]);

    const lookup = (id: string) =>
      Promise.resolve([first.live, next].find((live) => live.id === id));
    const open = await aar.items(facilitatorAccount.id, { status: ['open'] }, lookup);
    expect(open).toEqual([]);
    const done = await aar.items(null, { status: ['done'], agency: 'border_police' }, lookup);
    expect(done.map((i) => [i.id, i.scenario.id])).toEqual([[created.id, runtime.id]]);
    expect((await aar.report(first.live)).improvementPlan.map((i) => i.id)).toEqual([created.id]);
  });
});

describe('lists across sessions on PostgreSQL', () => {
  const outsider: Account = { ...facilitatorAccount, id: randomUUID(), username: 'outsider-pg' };

  beforeAll(async () => {
    await sql.run(
      `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'facilitator', ?)`,
      [outsider.id, outsider.username, outsider.createdAt],
    );
    // The editor is staff of the first session and of 501 later ones (a month on, one a minute).
    await sql.run(
      `INSERT INTO sessions (id, scenario_id, scenario_version, settings, status, join_code, owner_id, created_at)
       SELECT 'filler-' || g, 'gone', '1.0.0', '{}', 'ended', 'F' || g, ?,
              to_char(timestamp '2026-02-05 09:00' + g * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
         FROM generate_series(1, 501) g`,
      [facilitatorAccount.id],
    );
    await sql.run(
      `INSERT INTO session_members (session_id, account_id, role, added_at)
       SELECT id, ?, 'observer', created_at FROM sessions WHERE id LIKE 'filler-%'`,
      [editor.id],
    );
    await sql.run(
      `INSERT INTO session_members (session_id, account_id, role, added_at) VALUES (?, ?, 'facilitator', ?)`,
      [first.live.id, editor.id, iso(START)],
    );
  });

  it('lists the improvement items of every session an account is staff of, however many it has', async () => {
    const lookup = (id: string) => Promise.resolve(id === first.live.id ? first.live : undefined);
    const [item] = await aar.itemsOfSession(first.live);
    if (!item) throw new Error('the improvement-plan test made no item');
    expect((await aar.items(editor.id, {}, lookup)).map((i) => i.id)).toEqual([item.id]);
    expect(
      (await aar.items(editor.id, { status: ['done'], agency: 'border_police' }, lookup)).map(
        (i) => i.id,
      ),
    ).toEqual([item.id]);
    expect(await aar.items(editor.id, { status: ['open', 'in_progress'] }, lookup)).toEqual([]);
    expect(await aar.items(editor.id, { agency: 'prosecutor' }, lookup)).toEqual([]);
    expect(await aar.items(outsider.id, {}, lookup)).toEqual([]);
    expect(await aar.items(null, { scenario: 'another-scenario' }, lookup)).toEqual([]);
  });

  it('picks the sessions of a date range by their start (or creation) day, for members or all', async () => {
    expect(await participation.sessionsInRange(editor.id, '2026-01-05', '2026-01-05')).toEqual([
      first.live.id,
    ]);
    expect(await participation.sessionsInRange(outsider.id, '2026-01-01', '2026-12-31')).toEqual(
      [],
    );
    // Created on 5 February from 09:01, one a minute: all 501 fall on that day.
    const february = await participation.sessionsInRange(editor.id, '2026-02-05', '2026-02-28');
    expect(february).toHaveLength(501);
    expect(february[0]).toBe('filler-1');
    expect(february.at(-1)).toBe('filler-501');
    const all = await participation.sessionsInRange(null, '2026-01-01', '2026-01-31');
    expect(all).toEqual(expect.arrayContaining([first.live.id]));
    expect(all).toHaveLength(2);
  });
});

describe('the participation report on PostgreSQL', () => {
  it('counts trainees, profiles, hours and attendance from the presence log in written order', async () => {
    const { live, seats } = first;
    const seat = (key: string) => {
      const s = seats.get(key);
      if (!s) throw new Error(`no seat ${key}`);
      return s;
    };
    await participation.saveProfile(seat('bp-a'), {
      institution: 'Border Police Directorate',
      country: 'RS',
      gender: 'woman',
    });
    await participation.saveProfile(seat('pr-b'), { country: 'MK' });
    await participation.saveProfile(seat('bp-b'), undefined);

    const started = Date.parse(live.startedAt ?? '');
    const ended = Date.parse(live.endedAt ?? '');
    expect(ended - started).toBe(20 * 60_000);
    const presence = async (key: string, state: string, at: number) =>
      sql.run(
        'INSERT INTO presence_log (session_id, participant_id, presence, "at") VALUES (?, ?, ?, ?)',
        [live.id, seat(key).id, state, iso(at)],
      );
    // bp-a: online the whole run, with a reconnect whose drop and return share one instant.
    await presence('bp-a', 'online', started);
    await presence('bp-a', 'away', started + 10 * 60_000);
    await presence('bp-a', 'online', started + 10 * 60_000);
    await presence('bp-a', 'left', ended);
    // pr-a: the first half only.
    await presence('pr-a', 'online', started);
    await presence('pr-a', 'left', started + 10 * 60_000);

    const report = participationReportSchema.parse(
      await participation.report([live], { kind: 'session', session: live.id }, 'staff'),
    );
    expect(flushed.length).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ sessions: 1, participants: 4, redLines: 1 });
    const person = (name: string) => report.participants.find((p) => p.name === name);
    expect(person('Jelena Petrović')).toMatchObject({
      institution: 'Border Police Directorate',
      country: 'RS',
      minutesConnected: 20,
      attendance: 1,
      decisions: 1,
    });
    expect(person('Marko Ilić')).toMatchObject({ minutesConnected: 10, attendance: 0.5 });
    expect(person('Ardit Krasniqi')).toMatchObject({ minutesConnected: 0, decisions: 1 });
    expect(report.sessions[0]).toMatchObject({ runningMinutes: 20, hoursOfPlay: 0.5 });
    expect(report.byCountry).toEqual([
      { country: null, participants: 2 },
      { country: 'MK', participants: 1 },
      { country: 'RS', participants: 1 },
    ]);
    expect(report.byGender).toEqual([
      { gender: null, participants: 3 },
      { gender: 'woman', participants: 1 },
    ]);
    expect(report.redLines.map((r) => [r.team, r.agency])).toEqual([['team-b', 'border_police']]);
    const bp = report.byAgency.find((a) => a.agency === 'border_police');
    expect(bp).toMatchObject({ participants: 2, hoursOfPlay: 0.333, redLines: 1 });

    const pseudonymised = await participation.report(
      [live],
      { kind: 'session', session: live.id },
      'pseudonymised',
    );
    expect(pseudonymised.participants.map((p) => p.name)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
});
