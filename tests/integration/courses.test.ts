import { readFileSync } from 'node:fs';
import {
  compile,
  debrief,
  getRubric,
  parseScenario,
  type CompiledScenario,
  type Debrief,
} from '@crossroads/scenarios';
import {
  courseKnowledgeResultsSchema,
  courseSchema,
  courseTrendsSchema,
  ErrorCode,
  knowledgeCheckStatusSchema,
  type Course,
  type CourseKnowledgeResults,
  type CourseListItem,
  type CourseTrends,
  type JoinResponse,
  type KnowledgeCheckStatus,
  type LogEvent,
  type ReviewLink,
  type SessionMember,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, MINI_SCENARIO, startMiniServer } from './mini-server';
import { accepted } from '../acks';

jest.setTimeout(90_000);

/*
 * Courses (cohorts) and trends through the real server: sessions grouped in a course, trends
 * recomputed from the logs (checked here against the scoring package run on each exported log),
 * re-scoring under another rubric version, the course's own knowledge check asked in its sessions,
 * and need to know: trainees, review links and other facilitators never reach a course.
 */

/** A check written for courses (no scenario carries it). */
const COURSE_CHECK = `
format: crossroads.knowledge-check/1
id: cohort-check
version: 1.0.0
title: { en: Cohort check, sr-Latn: Provera grupe }
languages: [en, sr-Latn]
scenarios: []
questions:
  - id: q1
    kind: single
    prompt: { en: Q1?, sr-Latn: P1? }
    options:
      - { id: right, correct: true, text: { en: Right, sr-Latn: Tačno } }
      - { id: wrong, text: { en: Wrong, sr-Latn: Netačno } }
  - id: q2
    kind: single
    prompt: { en: Q2?, sr-Latn: P2? }
    options:
      - { id: right, correct: true, text: { en: Right, sr-Latn: Tačno } }
      - { id: wrong, text: { en: Wrong, sr-Latn: Netačno } }
  - id: sure
    kind: confidence
    prompt: { en: Sure?, sr-Latn: Sigurni? }
    scale: 5
    low: { en: No, sr-Latn: Ne }
    high: { en: Yes, sr-Latn: Da }
`;
/** The scenario's own check: what a session outside any course asks. */
const SCENARIO_CHECK = `
format: crossroads.knowledge-check/1
id: scenario-check
version: 1.0.0
title: { en: Scenario check, sr-Latn: Provera scenarija }
languages: [en, sr-Latn]
scenarios: [mini-kelebija]
questions:
  - id: only
    kind: single
    prompt: { en: Only?, sr-Latn: Jedino? }
    options:
      - { id: a, correct: true, text: { en: A, sr-Latn: A } }
      - { id: b, text: { en: B, sr-Latn: B } }
`;

type Play = 'careful' | 'careless' | 'middling';
const PLAYS: Record<Play, [string, string][]> = {
  careful: [
    ['open_van', 'open_and_triage'],
    ['interview_amir', 'certified'],
  ],
  careless: [['open_van', 'keep_closed']],
  middling: [
    ['open_van', 'open_and_triage'],
    ['interview_amir', 'passenger'],
    ['phone', 'browse'],
  ],
};
/** Three sessions, each with two teams playing differently. */
const SESSIONS: [Play, Play][] = [
  ['careful', 'careless'],
  ['middling', 'careful'],
  ['careless', 'middling'],
];

let server: TestServer;
let fac: Staff;
let other: Staff;
let admin: Staff;
let course: Course;
let compiled: CompiledScenario;
const sessions: SessionMeta[] = [];
const trainees: JoinResponse[] = [];
const clients: SessionClient[] = [];
let reviewLink: ReviewLink;
let outsider: SessionMeta;
let outsiderTrainee: JoinResponse;

const get = <T>(path: string, token?: string) => api<T>(server.url, 'GET', path, undefined, token);
const trends = async (query = '') =>
  courseTrendsSchema.parse(
    await get<CourseTrends>(`/api/courses/${course.id}/trends${query}`, fac.token),
  );

async function seat(meta: SessionMeta, team: string, role: string): Promise<JoinResponse> {
  const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: `${role} ${team} ${sessions.length}`,
    team,
    role,
  });
  trainees.push(joined);
  return joined;
}

async function answer(meta: SessionMeta, who: JoinResponse, phase: 'pre' | 'post', right: number) {
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/knowledge-check/answers`,
    {
      phase,
      answers: [
        { question: 'q1', options: [right >= 1 ? 'right' : 'wrong'] },
        { question: 'q2', options: [right >= 2 ? 'right' : 'wrong'] },
        { question: 'sure', value: phase === 'pre' ? 2 : 4 },
      ],
    },
    who.participantToken,
  );
}

/** Runs one session in the course: pre check, two teams' plays, end, release, post check. */
async function runSession(index: number, plays: [Play, Play]): Promise<SessionMeta> {
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 2, timeRatio: 0 },
    fac.token,
  );
  sessions.push(meta);
  course = courseSchema.parse(
    await api<Course>(
      server.url,
      'PUT',
      `/api/courses/${course.id}/sessions/${meta.id}`,
      undefined,
      fac.token,
    ),
  );
  const facilitator = new SessionClient(
    server.url,
    { kind: 'facilitator', token: fac.token },
    meta.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  const seats: { team: string; bp: JoinResponse; pr: JoinResponse; client: SessionClient }[] = [];
  for (const team of ['team-a', 'team-b']) {
    const bp = await seat(meta, team, 'border_police');
    const pr = await seat(meta, team, 'prosecutor');
    const status = knowledgeCheckStatusSchema.parse(
      await get<KnowledgeCheckStatus>(
        `/api/sessions/${meta.id}/knowledge-check`,
        bp.participantToken,
      ),
    );
    // The course's check replaces the scenario's.
    expect(status.check?.id).toBe('cohort-check');
    // Pre: nobody right in the first session, more later (the cohort learns).
    await answer(meta, bp, 'pre', index === 0 ? 0 : 1);
    await answer(meta, pr, 'pre', 1);
    const client = new SessionClient(server.url, {
      kind: 'participant',
      token: bp.participantToken,
    });
    clients.push(client);
    await client.connected();
    seats.push({ team, bp, pr, client });
  }
  accepted(await facilitator.send('session.start', {}));
  for (const [i, s] of seats.entries()) {
    await s.client.until(() => s.client.view !== null, 5000, 'first view');
    for (const [decision, option] of PLAYS[plays[i] ?? 'careful']) {
      accepted(await s.client.send('decision.submit', { decision, option }));
    }
  }
  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
  for (const s of seats) {
    await answer(meta, s.bp, 'post', 2);
    await answer(meta, s.pr, 'post', 2);
  }
  return meta;
}

/** What the scoring package says of a session's exported log, under a rubric version. */
async function offline(meta: SessionMeta, rubric: string): Promise<Debrief> {
  const response = await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
    headers: { Authorization: `Bearer ${fac.token}` },
  });
  // The export as it is (non-engine events carry time null), read the way the server reads its log.
  const events = (await response.text())
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogEvent);
  expect(events.length).toBeGreaterThan(5);
  const r = getRubric(rubric);
  if (!r) throw new Error(`no rubric ${rubric}`);
  return debrief(compiled, events as never, r, { counterfactuals: false });
}

beforeAll(async () => {
  const parsed = parseScenario(readFileSync(MINI_SCENARIO, 'utf8'), { file: 'mini.yaml' });
  if (!parsed.ok) throw new Error('mini.yaml does not parse');
  compiled = compile(parsed.scenario);
  server = await startMiniServer({
    knowledgeChecks: { 'course.yaml': COURSE_CHECK, 'scenario.yaml': SCENARIO_CHECK },
  });
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  for (const username of ['fac1', 'fac2']) {
    await api(
      server.url,
      'POST',
      '/api/accounts',
      { username, password: `${username}-password` },
      admin.token,
    );
  }
  fac = await login(server.url, 'fac1', 'fac1-password');
  other = await login(server.url, 'fac2', 'fac2-password');
  course = courseSchema.parse(
    await api<Course>(
      server.url,
      'POST',
      '/api/courses',
      {
        name: 'Subotica cohort, spring',
        description: 'Border police and prosecutors, three mornings.',
        knowledgeCheck: { id: 'cohort-check' },
      },
      fac.token,
    ),
  );
  for (const [i, plays] of SESSIONS.entries()) await runSession(i, plays);
  const last = sessions[sessions.length - 1];
  if (!last) throw new Error('no session');
  reviewLink = await api<ReviewLink>(
    server.url,
    'POST',
    `/api/sessions/${last.id}/review-links`,
    {},
    fac.token,
  );
  outsider = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    other.token,
  );
  outsiderTrainee = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: outsider.joinCode,
    displayName: 'Outside trainee',
  });
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await server?.close();
});

describe('courses', () => {
  it('groups sessions in a course pinned to a knowledge check version', async () => {
    expect(course.knowledgeCheck).toMatchObject({ id: 'cohort-check', version: '1.0.0' });
    course = courseSchema.parse(await get<Course>(`/api/courses/${course.id}`, fac.token));
    expect(course.sessions.map((s) => s.id)).toEqual(sessions.map((s) => s.id));
    expect(course.sessions.every((s) => s.status === 'ended' && s.teams === 2)).toBe(true);
    const list = await get<CourseListItem[]>('/api/courses', fac.token);
    expect(list).toEqual([expect.objectContaining({ id: course.id, sessions: 3 })]);
    const renamed = courseSchema.parse(
      await api<Course>(
        server.url,
        'PATCH',
        `/api/courses/${course.id}`,
        { name: 'Subotica cohort' },
        fac.token,
      ),
    );
    expect(renamed.name).toBe('Subotica cohort');
    expect(renamed.sessions).toHaveLength(3);
  });

  it('refuses bad input and unknown checks, changing nothing', async () => {
    for (const body of [{}, { name: '' }, { name: 'x', extra: 1 }, { name: 'x\u0007' }]) {
      await expect(api(server.url, 'POST', '/api/courses', body, fac.token)).rejects.toMatchObject({
        status: 400,
      });
    }
    await expect(
      api(
        server.url,
        'POST',
        '/api/courses',
        { name: 'x', knowledgeCheck: { id: 'nope' } },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      get(`/api/courses/${course.id}/trends?rubric=9.9.9`, fac.token),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      get(`/api/courses/${course.id}/trends?rubric=latest`, fac.token),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect(await get<CourseListItem[]>('/api/courses', fac.token)).toHaveLength(1);
  });

  it('offers the library checks, including those written for courses', async () => {
    const checks = await get<{ id: string; scenarios: string[] }[]>(
      '/api/courses/knowledge-checks',
      fac.token,
    );
    expect(checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'cohort-check', scenarios: [] }),
        expect.objectContaining({ id: 'scenario-check', scenarios: ['mini-kelebija'] }),
      ]),
    );
  });
});

describe('trends', () => {
  it('recomputes both axes, red lines and missed obligations of every session from its log', async () => {
    const t = await trends();
    expect(t.sessions.map((s) => s.session)).toEqual(sessions.map((s) => s.id));
    // Sessions pin the newest rubric when they start: 2.1.0 since it added the rules on help given
    // for nothing (which these sessions, charging no such person, score as 2.0.0 did; below).
    expect(t.rubricVersions).toEqual(['2.1.0']);
    expect(t.rubrics.map((r) => r.version)).toEqual(['1.0.0', '1.1.0', '2.0.0', '2.1.0']);
    for (const [i, s] of t.sessions.entries()) {
      const meta = sessions[i];
      if (!meta) throw new Error('no session');
      const d = await offline(meta, '2.1.0');
      const evidence = d.teams.map((x) => x.evidenceScore.value);
      const rights = d.teams.map((x) => x.rightsScore.value);
      expect(s.teams).toBe(2);
      expect(s.evidence?.min).toBe(Math.min(...evidence));
      expect(s.evidence?.max).toBe(Math.max(...evidence));
      expect(s.rights?.mean).toBeCloseTo(rights.reduce((a, b) => a + b, 0) / 2, 2);
      expect(s.redLines).toBe(d.teams.reduce((n, x) => n + x.redLines.length, 0));
      const missed = d.teams.flatMap((x) => x.items.filter((it) => it.undischarged && it.counted));
      expect(s.missedObligations).toBe(missed.length);
      // Per agency: the agencies' points add up to the teams' points.
      const evidencePoints = d.teams.reduce(
        (n, x) => n + x.byAgency.reduce((m, b) => m + b.evidence, 0),
        0,
      );
      expect(s.agencies.reduce((n, a) => n + a.evidence, 0) * 2).toBeCloseTo(evidencePoints, 1);
    }
    // Every session had one careless team that kept the van closed: a red line in each.
    expect(t.sessions.map((s) => s.teamsWithRedLine)).toEqual([1, 0, 1]);
    const red = t.redLines[0];
    expect(red?.count).toBe(2);
    expect(red?.sessions).toBe(2);
    expect(red?.agencies).toEqual([{ agency: 'border_police', count: 2 }]);
    expect(t.missedObligations.length).toBeGreaterThan(0);
    const counts = t.missedObligations.map((m) => m.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(t.missedObligations.reduce((n, m) => n + m.count, 0)).toBe(
      t.sessions.reduce((n, s) => n + s.missedObligations, 0),
    );
  });

  it('re-scores every session under a chosen rubric version, as a pure function of the log', async () => {
    const pinned = await trends();
    const rescored = await trends('?rubric=1.1.0');
    expect(rescored.filters.rubric).toBe('1.1.0');
    expect(rescored.rubricVersions).toEqual(['1.1.0']);
    expect(
      rescored.sessions.every(
        (s) => s.rubricVersion === '1.1.0' && s.pinnedRubricVersion === '2.1.0',
      ),
    ).toBe(true);
    for (const [i, s] of rescored.sessions.entries()) {
      const meta = sessions[i];
      if (!meta) throw new Error('no session');
      const d = await offline(meta, '1.1.0');
      expect(s.evidence?.min).toBe(Math.min(...d.teams.map((x) => x.evidenceScore.value)));
      expect(s.evidence?.max).toBe(Math.max(...d.teams.map((x) => x.evidenceScore.value)));
      expect(s.rights?.min).toBe(Math.min(...d.teams.map((x) => x.rightsScore.value)));
    }
    // 1.1.0 weighs a certified interpreter at +2 evidence (2.x: +1): the careful teams of the
    // first two sessions score higher, the third session (no certified interpreter) the same.
    const best = (x: CourseTrends) => x.sessions.map((s) => s.evidence?.max);
    const [a, b, c] = best(pinned);
    expect(best(rescored)).toEqual([(a ?? 0) + 2, (b ?? 0) + 2, c]);
    const figures = (x: CourseTrends) => x.sessions.map((s) => [s.evidence, s.rights, s.agencies]);
    // The same question twice gives the same figures (the log has not moved), and naming the
    // pinned version is the same as naming none.
    expect(figures(await trends('?rubric=1.1.0'))).toEqual(figures(rescored));
    expect(figures(await trends('?rubric=2.1.0'))).toEqual(figures(pinned));
    // 2.1.0 only added the rules on help given for nothing, which none of these sessions meets.
    expect(figures(await trends('?rubric=2.0.0'))).toEqual(figures(pinned));
    // The figures of the pinned rubric are unchanged by having asked for another.
    expect(figures(await trends())).toEqual(figures(pinned));
  });

  it('filters by scenario', async () => {
    expect((await trends('?scenario=mini-kelebija')).sessions).toHaveLength(3);
    const none = await trends('?scenario=reefer-horgos');
    expect(none.sessions).toEqual([]);
    expect(none.scenarios.map((s) => s.id)).toEqual(['mini-kelebija']);
  });

  it('follows knowledge gain by agency over the sessions, never one person', async () => {
    const t = await trends();
    const [first, second] = t.sessions;
    expect(first?.knowledge.check).toEqual({ id: 'cohort-check', version: '1.0.0' });
    expect(first?.knowledge.respondents).toEqual({ pre: 4, post: 4 });
    const bp1 = first?.knowledge.agencies.find((a) => a.agency === 'border_police');
    const bp2 = second?.knowledge.agencies.find((a) => a.agency === 'border_police');
    // Border police: 0 of 2 before, 2 of 2 after in the first session; 1 of 2 before in the second.
    expect(bp1).toMatchObject({ pre: { n: 2, value: 0 }, post: { n: 2, value: 1 }, gain: 1 });
    expect(bp2).toMatchObject({ pre: { n: 2, value: 0.5 }, gain: 0.5 });
    const text = JSON.stringify(t);
    for (const trainee of trainees) {
      expect(text).not.toContain(trainee.participant.id);
      expect(text).not.toContain(trainee.participant.displayName);
    }
  });
});

describe("the course's knowledge check", () => {
  it('aggregates over every session per agency and per question, with the gain', async () => {
    const r = courseKnowledgeResultsSchema.parse(
      await get<CourseKnowledgeResults>(`/api/courses/${course.id}/knowledge-results`, fac.token),
    );
    expect(r.check).toMatchObject({ id: 'cohort-check', version: '1.0.0' });
    expect(r.sessions).toBe(3);
    expect(r.respondents).toEqual({ pre: 12, post: 12 });
    const bp = r.agencies.find((a) => a.agency === 'border_police');
    // Six border police answers before: 0, 0, 1/2 ×4 → 1/3; after: all right.
    expect(bp?.pre.value).toBeCloseTo(1 / 3);
    expect(bp?.post.value).toBe(1);
    expect(bp?.gain).toBeCloseTo(2 / 3);
    expect(bp?.confidencePre.value).toBe(2);
    expect(bp?.confidencePost.value).toBe(4);
    const q2 = bp?.questions.find((q) => q.question === 'q2');
    expect(q2).toMatchObject({ pre: { n: 6, value: 0 }, post: { n: 6, value: 1 }, gain: 1 });
    const text = JSON.stringify(r);
    for (const trainee of trainees) expect(text).not.toContain(trainee.participant.id);
  });

  it('leaves a session outside the course with its scenario check', async () => {
    const s = knowledgeCheckStatusSchema.parse(
      await get<KnowledgeCheckStatus>(
        `/api/sessions/${outsider.id}/knowledge-check`,
        outsiderTrainee.participantToken,
      ),
    );
    expect(s.check?.id).toBe('scenario-check');
  });
});

describe('need to know', () => {
  it('keeps trainees and review links away from courses and trends', async () => {
    const trainee = trainees[0]?.participantToken;
    for (const path of [
      '/api/courses',
      `/api/courses/${course.id}`,
      `/api/courses/${course.id}/trends`,
      `/api/courses/${course.id}/knowledge-results`,
      '/api/courses/knowledge-checks',
    ]) {
      await expect(get(path, trainee)).rejects.toMatchObject({
        status: 403,
        body: { code: ErrorCode.Forbidden },
      });
      await expect(get(path, reviewLink.token)).rejects.toMatchObject({ status: 401 });
      await expect(get(path)).rejects.toMatchObject({ status: 401 });
    }
    await expect(
      api(server.url, 'POST', '/api/courses', { name: 'Mine' }, trainee),
    ).rejects.toMatchObject({ status: 403 });
    await expect(get(`/api/reviews/${reviewLink.token}/trends`)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("keeps another facilitator's courses and sessions apart", async () => {
    for (const path of [`/api/courses/${course.id}`, `/api/courses/${course.id}/trends`]) {
      await expect(get(path, other.token)).rejects.toMatchObject({
        status: 404,
        body: { code: ErrorCode.NotFound },
      });
    }
    expect(await get<CourseListItem[]>('/api/courses', other.token)).toEqual([]);
    // fac1 may not put fac2's session in a course; fac2 may not put it in fac1's.
    await expect(
      api(
        server.url,
        'PUT',
        `/api/courses/${course.id}/sessions/${outsider.id}`,
        undefined,
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(
        server.url,
        'PUT',
        `/api/courses/${course.id}/sessions/${outsider.id}`,
        undefined,
        other.token,
      ),
    ).rejects.toMatchObject({ status: 404 });
    // A session is in one course at most.
    const second = await api<Course>(
      server.url,
      'POST',
      '/api/courses',
      { name: 'Other' },
      fac.token,
    );
    await expect(
      api(
        server.url,
        'PUT',
        `/api/courses/${second.id}/sessions/${sessions[0]?.id}`,
        undefined,
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400 });
    // An administrator sees every course.
    const all = await get<CourseListItem[]>('/api/courses', admin.token);
    expect(all.map((c) => c.id).sort()).toEqual([course.id, second.id].sort());
    await api(server.url, 'DELETE', `/api/courses/${second.id}`, undefined, fac.token);
    expect(await get<CourseListItem[]>('/api/courses', fac.token)).toHaveLength(1);
  });

  it("takes a session out of a co-facilitator's course when the owner removes them", async () => {
    const shared = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
      fac.token,
    );
    const member = await api<SessionMember>(
      server.url,
      'POST',
      `/api/sessions/${shared.id}/facilitators`,
      { username: 'fac2' },
      fac.token,
    );
    const borrowed = await api<Course>(
      server.url,
      'POST',
      '/api/courses',
      { name: 'Borrowed' },
      other.token,
    );
    const path = (c: Course) => `/api/courses/${c.id}/sessions/${shared.id}`;
    const filed = await api<Course>(server.url, 'PUT', path(borrowed), undefined, other.token);
    expect(filed.sessions.map((x) => x.id)).toEqual([shared.id]);

    await api(
      server.url,
      'DELETE',
      `/api/sessions/${shared.id}/members/${member.account.id}`,
      undefined,
      fac.token,
    );
    const after = courseSchema.parse(await get<Course>(`/api/courses/${borrowed.id}`, other.token));
    expect(after.sessions).toEqual([]);
    const trends = courseTrendsSchema.parse(
      await get<CourseTrends>(`/api/courses/${borrowed.id}/trends`, other.token),
    );
    expect(trends.sessions).toEqual([]);
    // The owner can file it in a course of their own again.
    const mine = await api<Course>(server.url, 'PUT', path(course), undefined, fac.token);
    expect(mine.sessions.map((x) => x.id)).toContain(shared.id);

    await api(server.url, 'DELETE', path(course), undefined, fac.token);
    await api(server.url, 'DELETE', `/api/courses/${borrowed.id}`, undefined, other.token);
  });

  it('documents the course endpoints in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/courses',
        '/api/courses/{id}',
        '/api/courses/{id}/sessions/{sessionId}',
        '/api/courses/{id}/trends',
        '/api/courses/{id}/knowledge-results',
      ]),
    );
  });
});
