import { randomUUID } from 'node:crypto';
import type { KnowledgeAnswer, KnowledgeCheck } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import { ErrorCode, type Account, type LogEvent, type TeamRef } from '@crossroads/shared';
import pino from 'pino';
import { AppError } from '../../src/auth/rest-error';
import { EngineRuntime } from '../../src/catalogue/engine-runtime';
import { loadConfig } from '../../src/config';
import { CoursesService, type CourseSessionSource } from '../../src/courses/courses.service';
import { PostgresSqlClient, type SqlClient } from '../../src/database/sql';
import { KnowledgeService } from '../../src/learning/knowledge.service';
import { PinoLogger } from '../../src/logging/logging.module';
import { LiveSession, STATUS_EVENT_TYPES } from '../../src/sessions/live-session';
import type { EventStore, NewParticipant } from '../../src/sessions/ports';
import { PostgresEventStore } from '../../src/sessions/postgres-event-store';
import type { ParticipantRow, SessionRow } from '../../src/sessions/session-repository';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * Courses and knowledge checks on PostgreSQL: the services the server runs on SQLite, on a
 * migrated PostgreSQL schema of their own, with the sessions' event log in the PostgreSQL event
 * store. Sessions are read back through the rows and the log as SessionsService.open does, so
 * what is under test is every statement of CoursesService and KnowledgeService on this engine.
 */

const runtimes = new Map(
  loadCatalogue().flatMap((entry) =>
    entry.ok ? [[entry.compiled.id, new EngineRuntime(entry.compiled)] as const] : [],
  ),
);
/** The scenario check of the catalogue and one scenario it lists (the check its sessions ask). */
const SCENARIO_CHECK = 'smuggling-investigation-basics';
/** A check written for courses (it lists no scenario). */
const COURSE_CHECK = 'route-course-core';

let schema: TestSchema;
let sql: SqlClient;
let events: EventStore;
let knowledge: KnowledgeService;
let courses: CoursesService;
let scenario: EngineRuntime;

const account = (role: Account['role'], username: string): Account => ({
  id: randomUUID(),
  username,
  role,
  createdAt: new Date().toISOString(),
});
const alice = account('facilitator', `alice-${randomUUID().slice(0, 8)}`);
const bob = account('facilitator', `bob-${randomUUID().slice(0, 8)}`);
const admin = account('admin', `admin-${randomUUID().slice(0, 8)}`);

/** SessionsService.session / eventLog over the PostgreSQL rows and event store. */
const sessions: CourseSessionSource = {
  async session(id: string) {
    const row = await sql.get<SessionRow>('SELECT * FROM sessions WHERE id = ?', [id]);
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such session.');
    const runtime = runtimes.get(row.scenario_id);
    if (!runtime) throw new AppError(ErrorCode.Internal, 'not in the catalogue');
    const teams = await sql.all<TeamRef>(
      'SELECT id, name FROM teams WHERE session_id = ? ORDER BY position',
      [id],
    );
    const live = new LiveSession(row, runtime, teams);
    for (const p of await sql.all<ParticipantRow>(
      'SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id',
      [id],
    ))
      live.participants.set(p.id, p);
    const checkpoint = await events.latestCheckpoint(id);
    live.restore({
      checkpoint,
      events: await events.readFrom(id, checkpoint?.seq ?? 0),
      head: await events.head(id),
      statusEvents: await events.readTypes(id, STATUS_EVENT_TYPES),
    });
    return live;
  },
  eventLog: (id: string) => events.readFrom(id, 0),
};

/** Appends one event at the head, with its participant row for a join. */
async function append(
  sessionId: string,
  type: LogEvent['type'],
  payload: unknown,
  participant?: NewParticipant,
): Promise<void> {
  const head = await events.head(sessionId);
  const event = {
    seq: head + 1,
    at: new Date().toISOString(),
    time: null,
    team: participant?.team_id ?? null,
    role: participant?.role ?? null,
    participant: participant?.id ?? null,
    type,
    payload,
  } as LogEvent;
  const result = await events.append({
    sessionId,
    expectedHead: head,
    events: [{ event, commandId: null, actor: 'test' }],
    ...(participant ? { participant } : {}),
  });
  expect(result).toEqual({ kind: 'appended' });
}

let created = 0;
/** A session row with two teams, owned by `owner` (created a second apart, in call order). */
async function newSession(owner: Account, scenarioId = scenario.id): Promise<string> {
  const id = randomUUID();
  const runtime = runtimes.get(scenarioId)!;
  created += 1;
  await sql.run(
    `INSERT INTO sessions (id, scenario_id, scenario_version, settings, status, join_code, owner_id, created_at)
     VALUES (?, ?, ?, ?, 'lobby', ?, ?, ?)`,
    [
      id,
      runtime.id,
      runtime.version,
      JSON.stringify({
        feedbackPolicy: 'hints',
        scoresVisibleToTrainees: false,
        timeRatio: 0,
        language: 'en',
      }),
      id.slice(0, 8),
      owner.id,
      new Date(Date.UTC(2026, 0, 5, 8, 0, created)).toISOString(),
    ],
  );
  for (const [position, team] of ['t1', 't2'].entries())
    await sql.run('INSERT INTO teams (session_id, id, name, "position") VALUES (?, ?, ?, ?)', [
      id,
      team,
      `Team ${position + 1}`,
      position,
    ]);
  return id;
}

/** A trainee of team t1 playing the scenario's first playable agency. */
async function join(sessionId: string): Promise<ParticipantRow> {
  const live = await sessions.session(sessionId);
  const role = live.runtime.agencies.find((a) => a.playable !== 'facilitator')!.id;
  const participant: NewParticipant = {
    id: randomUUID(),
    session_id: sessionId,
    display_name: 'Trainee',
    team_id: 't1',
    role,
    token_hash: randomUUID(),
    presence: 'online',
    joined_at: new Date().toISOString(),
    last_seen_at: null,
  };
  await append(
    sessionId,
    'participant.joined',
    { displayName: 'Trainee', team: 't1', role },
    participant,
  );
  return { ...participant };
}

async function start(sessionId: string): Promise<void> {
  const live = await sessions.session(sessionId);
  await append(sessionId, 'session.started', {
    scenario: live.runtime.id,
    version: live.runtime.version,
    teams: live.teams,
  });
}

/** Every choice question answered wrongly (or rightly), confidence 3. */
function answersTo(check: KnowledgeCheck, right: boolean): KnowledgeAnswer[] {
  return check.questions.map((q) => {
    if (q.kind === 'confidence') return { question: q.id, value: 3 };
    const correct = q.options.filter((o) => o.correct === true).map((o) => o.id);
    const wrong = q.options.find((o) => o.correct !== true)!.id;
    return { question: q.id, options: right ? correct : [wrong] };
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  schema = await createTestSchema('courses');
  const dataSource = await schema.open();
  sql = new PostgresSqlClient(dataSource);
  events = new PostgresEventStore(dataSource);
  knowledge = new KnowledgeService(
    new PinoLogger(pino({ level: 'silent' })),
    loadConfig({ LOG_LEVEL: 'silent' }),
    sql,
  );
  knowledge.onModuleInit();
  courses = new CoursesService(sql, sessions, knowledge);
  const listed = knowledge.find(SCENARIO_CHECK)?.scenarios.find((id) => runtimes.has(id));
  if (!listed) throw new Error(`no catalogue scenario carries ${SCENARIO_CHECK}`);
  scenario = runtimes.get(listed)!;
  for (const a of [alice, bob, admin])
    await sql.run(
      'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
      [a.id, a.username, 'x', a.role, a.createdAt],
    );
});

afterAll(async () => {
  await schema?.drop();
});

describe('courses on PostgreSQL', () => {
  it('creates, lists, renames and removes courses, each seen by its owner and admins only', async () => {
    const first = await courses.create(alice, { name: 'Spring cohort', description: 'Belgrade' });
    const second = await courses.create(alice, {
      name: 'Autumn cohort',
      knowledgeCheck: { id: COURSE_CHECK },
    });
    expect(second).toMatchObject({
      owner: alice.username,
      knowledgeCheck: { id: COURSE_CHECK, version: '1.0.0' },
      sessions: [],
    });
    expect(first).toMatchObject({ description: 'Belgrade', knowledgeCheck: null });

    const mine = await courses.list(alice);
    expect(mine.map((c) => [c.name, c.owner, c.sessions])).toEqual(
      expect.arrayContaining([
        ['Spring cohort', alice.username, 0],
        ['Autumn cohort', alice.username, 0],
      ]),
    );
    expect(await courses.list(bob)).toEqual([]);
    expect((await courses.list(admin)).map((c) => c.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );

    expect((await rejection(courses.owned(first.id, bob))).code).toBe(ErrorCode.NotFound);
    expect((await rejection(courses.owned('not-a-uuid', alice))).code).toBe(ErrorCode.NotFound);
    const row = await courses.owned(first.id, admin);
    expect(row.owner_name).toBe(alice.username);

    const renamed = await courses.update(row, {
      name: 'Spring cohort (Novi Sad)',
      knowledgeCheck: { id: COURSE_CHECK, version: '1.0.0' },
    });
    expect(renamed).toMatchObject({
      name: 'Spring cohort (Novi Sad)',
      description: 'Belgrade',
      knowledgeCheck: { id: COURSE_CHECK },
    });
    expect((await courses.owned(first.id, alice)).check_id).toBe(COURSE_CHECK);
    expect(
      (await rejection(courses.update(row, { knowledgeCheck: { id: 'no-such-check' } }))).code,
    ).toBe(ErrorCode.NotFound);

    // A disabled owner is named '' (AccountsService.byId answers nothing for it).
    await sql.run('UPDATE accounts SET disabled = 1 WHERE id = ?', [alice.id]);
    expect((await courses.list(admin)).find((c) => c.id === first.id)?.owner).toBe('');
    await sql.run('UPDATE accounts SET disabled = 0 WHERE id = ?', [alice.id]);

    await courses.remove(await courses.owned(first.id, alice));
    await courses.remove(await courses.owned(second.id, alice));
    expect((await rejection(courses.owned(first.id, alice))).code).toBe(ErrorCode.NotFound);
    expect(await courses.list(alice)).toEqual([]);
  });

  it('attaches sessions (one course each), lists them in creation order and detaches them', async () => {
    const course = await courses.owned((await courses.create(bob, { name: 'Cohort B' })).id, bob);
    const other = await courses.owned((await courses.create(bob, { name: 'Other' })).id, bob);
    const early = await newSession(bob);
    const late = await newSession(bob);
    await join(early);

    await courses.addSession(course, await sessions.session(late));
    const view = await courses.addSession(course, await sessions.session(early));
    expect(view.sessions.map((s) => [s.id, s.status, s.teams, s.participants])).toEqual([
      [early, 'lobby', 2, 1],
      [late, 'lobby', 2, 0],
    ]);
    // Adding it again changes nothing; another course is refused.
    expect((await courses.addSession(course, await sessions.session(early))).sessions).toHaveLength(
      2,
    );
    const taken = await rejection(courses.addSession(other, await sessions.session(early)));
    expect(taken.code).toBe(ErrorCode.InvalidPayload);
    // Two courses adding one session at once: exactly one gets it.
    const contested = await sessions.session(await newSession(bob));
    const outcomes = await Promise.allSettled([
      courses.addSession(course, contested),
      courses.addSession(other, contested),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const counts = (await courses.list(bob)).map((c) => c.sessions);
    expect(counts.reduce((n, c) => n + c, 0)).toBe(3);

    const after = await courses.removeSession(course, late);
    expect(after.sessions.map((s) => s.id)).not.toContain(late);
    expect((await rejection(courses.removeSession(course, late))).code).toBe(ErrorCode.NotFound);

    // Removing the course unlinks its sessions; the sessions stay.
    await courses.remove(course);
    await courses.addSession(other, await sessions.session(early));
    expect((await sessions.session(early)).id).toBe(early);
  });

  it('computes trends from the PostgreSQL event log, per rubric and scenario', async () => {
    const course = await courses.owned((await courses.create(alice, { name: 'Trends' })).id, alice);
    const ended = await newSession(alice);
    const lobby = await newSession(alice);
    await join(ended);
    await start(ended);
    await append(ended, 'session.ended', {});
    for (const id of [ended, lobby]) await courses.addSession(course, await sessions.session(id));

    const trends = await courses.trends(course, {});
    expect(trends.course).toEqual({ id: course.id, name: 'Trends' });
    expect(trends.scenarios).toEqual([{ id: scenario.id, title: scenario.title }]);
    // The lobby session is listed among the scenarios but has no figures yet.
    expect(trends.sessions.map((s) => [s.session, s.status, s.teams, s.events])).toEqual([
      [ended, 'ended', 2, 3],
    ]);
    expect(trends.sessions[0]?.evidence).not.toBeNull();
    expect(trends.agencies.length).toBeGreaterThan(0);
    // The same figures again (cached by head and rubric), and under every published rubric.
    expect((await courses.trends(course, {})).sessions).toEqual(trends.sessions);
    for (const rubric of trends.rubrics) {
      const under = await courses.trends(course, { rubric: rubric.version });
      expect(under.rubricVersions).toEqual([rubric.version]);
    }
    expect((await rejection(courses.trends(course, { rubric: '0.0.0-none' }))).code).toBe(
      ErrorCode.NotFound,
    );
    expect((await courses.trends(course, { scenario: 'no-such-scenario' })).sessions).toEqual([]);
  });
});

describe('knowledge checks on PostgreSQL', () => {
  it('records pre and post answers once each and aggregates them per session and course', async () => {
    const sessionId = await newSession(alice);
    const trainee = await join(sessionId);
    let live = await sessions.session(sessionId);

    // Outside a course the session asks its scenario's check.
    expect((await knowledge.forSession(live))?.id).toBe(SCENARIO_CHECK);
    // In a course that carries a check, the course's check replaces it.
    const course = await courses.owned(
      (await courses.create(alice, { name: 'Checked', knowledgeCheck: { id: COURSE_CHECK } })).id,
      alice,
    );
    await courses.addSession(course, live);
    const check = (await knowledge.forSession(live))!;
    expect(check.id).toBe(COURSE_CHECK);

    const status = await knowledge.status(live, trainee);
    expect(status).toMatchObject({ open: 'pre', answered: { pre: false, post: false } });
    expect(JSON.stringify(status.check)).not.toContain('"correct"');

    // Two submissions at once: the key lets one in, the other is told it already answered.
    const pre = { phase: 'pre' as const, answers: answersTo(check, false) };
    const both = await Promise.allSettled([
      knowledge.submit(live, trainee, pre),
      knowledge.submit(live, trainee, pre),
    ]);
    expect(both.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = both.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({
      code: ErrorCode.AlreadyDecided,
    });
    expect((await knowledge.status(live, trainee)).answered).toEqual({ pre: true, post: false });
    expect((await rejection(knowledge.submit(live, trainee, { ...pre, phase: 'post' }))).code).toBe(
      ErrorCode.NotInPhase,
    );

    await start(sessionId);
    await append(sessionId, 'session.ended', {});
    await append(sessionId, 'debrief.released', {});
    live = await sessions.session(sessionId);
    expect((await knowledge.status(live, trainee)).open).toBe('post');
    const receipt = await knowledge.submit(live, trainee, {
      phase: 'post',
      answers: answersTo(check, true),
    });
    const choices = check.questions.filter((q) => q.kind !== 'confidence').length;
    expect(receipt.result).toEqual({ correct: choices, of: choices });

    const results = await knowledge.results(live);
    expect(results.check).toMatchObject({ id: COURSE_CHECK });
    expect(results.respondents).toEqual({ pre: 1, post: 1 });
    expect(results.overall).toMatchObject({
      pre: { n: 1, value: 0 },
      post: { n: 1, value: 1 },
      gain: 1,
    });
    expect(results.agencies.map((a) => a.agency)).toEqual([trainee.role]);

    const across = await courses.knowledgeResults(course);
    expect(across).toMatchObject({
      course: course.id,
      check: { id: COURSE_CHECK },
      sessions: 1,
      respondents: { pre: 1, post: 1 },
      overall: { gain: 1 },
    });
    const trend = (await courses.trends(course, {})).sessions[0]!;
    expect(trend.knowledge).toMatchObject({
      check: { id: COURSE_CHECK },
      respondents: { pre: 1, post: 1 },
      gain: 1,
    });

    // Without the course the session asks its scenario's check again; the answers stay with the
    // check they were given to.
    await courses.remove(course);
    expect((await knowledge.forSession(live))?.id).toBe(SCENARIO_CHECK);
    expect((await knowledge.results(live)).respondents).toEqual({ pre: 0, post: 0 });
  });
});
