import {
  ErrorCode,
  type Course,
  type ImprovementItem,
  type JoinResponse,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, type Staff } from '../../apps/server/bench/session-client';
import { MINI_ADMIN, startMiniSession, type MiniSession } from './mini-server';

jest.setTimeout(60_000);

/*
 * Session ids cannot be probed over REST: whoever has no right to know a session (no credentials, a
 * forged token, a review link's token, staff who are not its members, another session's trainee)
 * gets the same answer for it as for a session that does not exist. Those who know it (its members,
 * its own trainees) are still told 403 when they ask for what they may not do.
 */

/** Well formed, and no session's. */
const NO_SESSION = '00000000-0000-4000-8000-000000000000';
const NO_ITEM = '00000000-0000-4000-8000-000000000001';

let mini: MiniSession;
let admin: Staff;
let outsider: Staff;
let observer: Staff;
let reviewToken: string;
let ownTrainee: string;
let otherTrainee: string;
let outsiderCourse: Course;
let item: ImprovementItem;

type Route = [method: string, path: (id: string) => string, body?: unknown];

/** Every REST route that names a session (by :id, or a course's :sessionId). */
const ROUTES: Route[] = [
  ['GET', (id) => `/api/sessions/${id}`],
  ['PATCH', (id) => `/api/sessions/${id}`, { timeRatio: 5 }],
  ['POST', (id) => `/api/sessions/${id}/end`],
  ['GET', (id) => `/api/sessions/${id}/members`],
  ['POST', (id) => `/api/sessions/${id}/observers`, { username: 'fac1' }],
  ['POST', (id) => `/api/sessions/${id}/facilitators`, { username: 'fac1' }],
  ['DELETE', (id) => `/api/sessions/${id}/members/${NO_ITEM}`],
  ['GET', (id) => `/api/sessions/${id}/teams/team-a/views/border_police`],
  ['GET', (id) => `/api/sessions/${id}/events.jsonl`],
  ['GET', (id) => `/api/sessions/${id}/decisions.csv`],
  ['GET', (id) => `/api/sessions/${id}/scores.csv`],
  ['GET', (id) => `/api/sessions/${id}/debrief`],
  ['GET', (id) => `/api/sessions/${id}/replay?team=team-a&seq=1`],
  ['POST', (id) => `/api/sessions/${id}/review-links`, {}],
  ['DELETE', (id) => `/api/sessions/${id}/review-links`, {}],
  ['GET', (id) => `/api/sessions/${id}/aar`],
  ['PUT', (id) => `/api/sessions/${id}/aar`, { baseRevision: 0 }],
  ['GET', (id) => `/api/sessions/${id}/aar/revisions`],
  ['GET', (id) => `/api/sessions/${id}/aar.csv`],
  [
    'POST',
    (id) => `/api/sessions/${id}/improvement-items`,
    {
      capability: 'life-safety',
      agency: 'border_police',
      issue: 'x',
      action: 'y',
      owner: 'z',
      dueDate: '2027-01-31',
    },
  ],
  ['GET', (id) => `/api/sessions/${id}/participation`],
  ['GET', (id) => `/api/sessions/${id}/participation.csv`],
  ['GET', (id) => `/api/sessions/${id}/knowledge-check`],
  ['POST', (id) => `/api/sessions/${id}/knowledge-check/answers`, { phase: 'pre', answers: [] }],
  ['GET', (id) => `/api/sessions/${id}/knowledge-results`],
  ['PUT', (id) => `/api/courses/${outsiderCourse.id}/sessions/${id}`],
];

/** Status and body of one call, whatever the status. */
async function answer(method: string, path: string, body: unknown, token: string | undefined) {
  const response = await fetch(`${mini.server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

beforeAll(async () => {
  mini = await startMiniSession();
  const url = mini.server.url;
  admin = await login(url, MINI_ADMIN.username, MINI_ADMIN.password);
  for (const username of ['outsider', 'observer'])
    await api(
      url,
      'POST',
      '/api/accounts',
      { username, password: `${username}-password` },
      admin.token,
    );
  outsider = await login(url, 'outsider', 'outsider-password');
  observer = await login(url, 'observer', 'observer-password');
  await api(
    url,
    'POST',
    `/api/sessions/${mini.meta.id}/observers`,
    { username: 'observer' },
    mini.fac.token,
  );
  reviewToken = (
    await api<ReviewLink>(
      url,
      'POST',
      `/api/sessions/${mini.meta.id}/review-links`,
      {},
      mini.fac.token,
    )
  ).token;
  ownTrainee = (await mini.join('Ana', 'team-a', 'border_police')).participantToken;
  const other = await api<SessionMeta>(
    url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    admin.token,
  );
  otherTrainee = (
    await api<JoinResponse>(url, 'POST', '/api/join', { code: other.joinCode, displayName: 'Bo' })
  ).participantToken;
  outsiderCourse = await api<Course>(url, 'POST', '/api/courses', { name: 'Mine' }, outsider.token);
  item = await api<ImprovementItem>(
    url,
    'POST',
    `/api/sessions/${mini.meta.id}/improvement-items`,
    ROUTES.find(([, path]) => path('x').endsWith('/improvement-items'))?.[2],
    mini.fac.token,
  );
});

afterAll(async () => {
  await mini?.close();
});

describe('a caller with no right to know a session', () => {
  const callers: [string, () => string | undefined][] = [
    ['no credentials', () => undefined],
    ['a forged token', () => 'forged-token-0123456789'],
    ["a review link's token", () => reviewToken],
    ['staff who are not its members', () => outsider.token],
    ["another session's trainee", () => otherTrainee],
  ];

  it.each(callers)(
    'with %s gets the same answer for it as for no session, on every route',
    async (_who, token) => {
      for (const [method, path, body] of ROUTES) {
        const existing = await answer(method, path(mini.meta.id), body, token());
        const missing = await answer(method, path(NO_SESSION), body, token());
        expect([method, path(':id'), existing]).toEqual([method, path(':id'), missing]);
        expect(existing.status).toBeGreaterThanOrEqual(400);
      }
    },
  );

  it('is told "no such session", as for one that does not exist', async () => {
    for (const token of [outsider.token, otherTrainee]) {
      const { status, body } = await answer(
        'GET',
        `/api/sessions/${mini.meta.id}/aar`,
        undefined,
        token,
      );
      expect([status, body]).toEqual([
        404,
        { code: ErrorCode.NotFound, message: 'No such session.' },
      ]);
    }
  });

  it('cannot tell an improvement item of a session it may not see from no item', async () => {
    for (const token of [outsider.token, otherTrainee, undefined]) {
      const patch = { status: 'done' };
      const existing = await answer('PATCH', `/api/improvement-items/${item.id}`, patch, token);
      const missing = await answer('PATCH', `/api/improvement-items/${NO_ITEM}`, patch, token);
      expect(existing).toEqual(missing);
      expect(existing.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('a caller who knows the session', () => {
  it('is still refused with 403 what it may not do there', async () => {
    const id = mini.meta.id;
    // An observer: a member, not a facilitator.
    for (const [method, path, body] of [
      ['PATCH', `/api/sessions/${id}`, { timeRatio: 5 }],
      ['POST', `/api/sessions/${id}/review-links`, {}],
      ['PUT', `/api/sessions/${id}/aar`, { baseRevision: 0 }],
    ] as const)
      expect(await answer(method, path, body, observer.token)).toMatchObject({
        status: 403,
        body: { code: ErrorCode.Forbidden },
      });
    expect(
      await answer(
        'PATCH',
        `/api/improvement-items/${item.id}`,
        { status: 'done' },
        observer.token,
      ),
    ).toMatchObject({ status: 403, body: { code: ErrorCode.Forbidden } });
    // Its own trainee asking for what only staff see.
    for (const path of [`/api/sessions/${id}`, `/api/sessions/${id}/aar`])
      expect(await answer('GET', path, undefined, ownTrainee)).toMatchObject({
        status: 403,
        body: { code: ErrorCode.Forbidden },
      });
    // An administrator may see every session: a missing one is simply not found.
    expect(
      await answer('GET', `/api/sessions/${NO_SESSION}`, undefined, admin.token),
    ).toMatchObject({ status: 404, body: { code: ErrorCode.NotFound } });
  });
});
