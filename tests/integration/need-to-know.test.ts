/**
 * Need to know, end to end, for a scenario none of the server's code was written for: each agency
 * holds something the others must never receive, each team writes rationales, justifications and
 * answers of its own, all carrying unique markers. One trainee (team A, Border Police) then collects
 * everything it can receive — every socket message, catch-up after a reconnect, every command ack
 * and every REST route open to a trainee, before and after the debrief is released — and none of
 * the others' markers may appear in it. Disabled actions are checked too: a reason shown to the
 * trainee must not tell it about a request it neither sent nor received.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, type JoinResponse, type RoleView } from '@crossroads/shared';
import {
  api,
  login,
  newStaff,
  openSession,
  publishScenario,
  SessionClient,
} from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const SCENARIO = readFileSync(path.join(__dirname, 'support', 'need-to-know-probe.yaml'), 'utf8');
const TEAMS = ['team-a', 'team-b'] as const;
const ROLES = ['police', 'prosecutor', 'social_work'] as const;

/** What only the observed trainee (team A, Border Police) or its whole team may hold. */
const OWN = [
  'SECRET-POLICE-7731',
  'SECRET-DOC-POLICE-TITLE-7731',
  'SECRET-PERSON-POLICE-4455',
  'RATIONALE-A-POLICE-1001',
  'CHAT-A-1006',
];
/** Everything else: other agencies' restricted items, team B's words, staff notes. */
const FOREIGN = [
  'SECRET-PROSECUTOR-4410',
  'SECRET-DOC-PROS-TITLE-4410',
  'SECRET-SOCIAL-9902',
  'SECRET-DOC-SOCIAL-TITLE-9902',
  'SECRET-FACT-SOCIAL-8181',
  'SECRET-EVIDENCE-PROS-2277',
  'SECRET-INJECT-PROS-5521',
  'SECRET-INJECT-BODY-5521',
  'JUSTIFY-A-SOCIAL-1002',
  'RATIONALE-A-SOCIAL-1003',
  'RATIONALE-A-PROS-1004',
  'ANSWER-A-PROS-1005',
  'RATIONALE-B-POLICE-2001',
  'JUSTIFY-B-SOCIAL-2002',
  'CHAT-B-2003',
  'ANSWER-B-PROS-2004',
  'RATIONALE-B-PROS-2005',
  'NOTE-STAFF-3001',
  'BROADCAST-B-3002',
];

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** A trainee client that also keeps every message the server sent it, as received. */
function recordingClient(token: string, received: string[], lastSeq?: number): SessionClient {
  const c = new SessionClient(
    server.url,
    { kind: 'participant', token },
    undefined,
    lastSeq === undefined ? {} : { lastSeq },
  );
  c.socket.onAny((event: string, ...args: unknown[]) =>
    received.push(JSON.stringify([event, args])),
  );
  clients.push(c);
  return c;
}

/** A REST answer as text, whatever its status (an error body is something the trainee receives too). */
async function fetched(route: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${route}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, text: await response.text() };
}

function foreignIn(texts: readonly string[]): string[] {
  const all = texts.join('\n');
  return FOREIGN.filter((marker) => all.includes(marker));
}

it('a trainee never receives another agency’s or team’s restricted data, on any path', async () => {
  server = await startMiniServer();
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  const author = await newStaff(server.url, admin.token, 'author', { author: true });
  await publishScenario(server.url, author.token, SCENARIO);

  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    {
      scenario: 'need-to-know-probe',
      teams: 2,
      timeRatio: 0,
      feedbackPolicy: 'hints',
      scoresVisibleToTrainees: true,
    },
    clients,
  );

  /** Everything the observed trainee received: socket messages, acks, REST bodies. */
  const received: string[] = [];
  const seats = new Map<string, { token: string; client: SessionClient }>();
  for (const team of TEAMS) {
    for (const role of ROLES) {
      const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName: `${role} of ${team}`,
        team,
        role,
      });
      const observed = team === 'team-a' && role === 'police';
      if (observed) received.push(JSON.stringify(joined));
      const client = observed
        ? recordingClient(joined.participantToken, received)
        : new SessionClient(server.url, { kind: 'participant', token: joined.participantToken });
      if (!observed) clients.push(client);
      await client.connected();
      seats.set(`${team}/${role}`, { token: joined.participantToken, client });
    }
  }
  const seat = (team: string, role: string) => {
    const s = seats.get(`${team}/${role}`);
    if (!s) throw new Error(`no seat ${team}/${role}`);
    return s;
  };
  const me = seat('team-a', 'police');
  const ack = async (
    c: SessionClient,
    name: Parameters<SessionClient['send']>[0],
    payload: object,
  ) => {
    const result = await c.send(name, payload as never);
    if (c === me.client) received.push(JSON.stringify(result));
    if (result.status === 'accepted') {
      const seq = result.seq;
      await c.until(() => c.lastSeq >= seq, 5000, `own event ${seq}`);
    }
    return result;
  };
  /** What the observed trainee can fetch from REST now (and, staff-only routes, the refusal). */
  const restNow = async () => {
    const base = `/api/sessions/${meta.id}`;
    const routes = [
      base,
      `${base}/debrief`,
      `${base}/members`,
      `${base}/events.jsonl`,
      `${base}/decisions.csv`,
      `${base}/scores.csv`,
      `${base}/aar`,
      `${base}/aar.csv`,
      `${base}/aar/revisions`,
      `${base}/participation`,
      `${base}/participation.csv`,
      `${base}/knowledge-check`,
      `${base}/knowledge-results`,
      `/api/join/${meta.joinCode}`,
      '/api/sessions',
      '/api/participation',
      '/api/improvement-items',
      '/api/courses',
    ];
    for (const team of TEAMS) {
      for (const role of ROLES) {
        routes.push(`${base}/teams/${team}/views/${role}`);
        for (let seq = 0; seq <= facilitator.lastSeq; seq += 1)
          routes.push(`${base}/replay?team=${team}&role=${role}&seq=${seq}`);
      }
    }
    const answers = new Map<string, number>();
    for (const route of routes) {
      const { status, text } = await fetched(route, me.token);
      received.push(text);
      answers.set(route, status);
    }
    return answers;
  };

  accepted(await facilitator.send('session.start', {}));
  for (const { client } of seats.values())
    await client.until(() => client.view !== null, 5000, 'first view');

  // Team A: social work asks for the interpreter (a request Border Police may send too, but did
  // not), and every agency decides with its own words.
  const a = (role: string) => seat('team-a', role).client;
  const b = (role: string) => seat('team-b', role).client;
  // Answering a request addressed to another agency is refused the same way whether or not
  // anyone sent it, and whether or not it was answered.
  const answerProbe = () =>
    ack(me.client, 'request.answer', {
      requestInstance: 'interpreter',
      granted: true,
      reason: 'probe',
    });
  const answerProbes = [await answerProbe()];
  accepted(
    await ack(a('social_work'), 'request.send', {
      request: 'interpreter',
      justification: 'JUSTIFY-A-SOCIAL-1002',
    }),
  );
  accepted(
    await ack(a('police'), 'decision.submit', {
      decision: 'patrol',
      option: 'care_first',
      rationale: 'RATIONALE-A-POLICE-1001',
    }),
  );
  accepted(await ack(a('police'), 'chat.send', { text: 'CHAT-A-1006' }));
  await me.client.until(() => me.client.view?.decisions.some((d) => d.id === 'press') ?? false);
  const pendingView: RoleView | null = me.client.view;
  answerProbes.push(await answerProbe());
  // Trying what is greyed out: the refusals are received too.
  const refusals = [await ack(me.client, 'request.send', { request: 'interpreter' })];
  for (const option of ['with_interpreter', 'on_records', 'on_news', 'on_disclosure'])
    refusals.push(await ack(me.client, 'decision.submit', { decision: 'press', option }));
  accepted(
    await ack(a('social_work'), 'decision.submit', {
      decision: 'assess',
      option: 'assess_now',
      rationale: 'RATIONALE-A-SOCIAL-1003',
    }),
  );

  // Team B, in the same session.
  accepted(
    await ack(b('police'), 'decision.submit', {
      decision: 'patrol',
      option: 'search_car',
      rationale: 'RATIONALE-B-POLICE-2001',
    }),
  );
  accepted(
    await ack(b('social_work'), 'request.send', {
      request: 'interpreter',
      justification: 'JUSTIFY-B-SOCIAL-2002',
    }),
  );
  accepted(await ack(b('police'), 'chat.send', { text: 'CHAT-B-2003' }));
  const requestB = b('prosecutor').view?.requests.find((r) => r.direction === 'incoming');
  accepted(
    await ack(b('prosecutor'), 'request.answer', {
      requestInstance: requestB?.instance ?? 'missing',
      granted: true,
      reason: 'ANSWER-B-PROS-2004',
    }),
  );
  accepted(
    await ack(facilitator, 'broadcast.send', { team: 'team-b', message: 'BROADCAST-B-3002' }),
  );
  accepted(
    await ack(facilitator, 'note.pin', { seq: facilitator.lastSeq, text: 'NOTE-STAFF-3001' }),
  );

  // A trainee reconnecting mid-session catches up from a sequence number, or from the start.
  const midSeq = me.client.lastSeq;
  const fromStart = recordingClient(me.token, received, 1);
  await fromStart.until(() => fromStart.view !== null, 5000, 'catch-up from the start');
  const beforeRelease = await restNow();
  expect(beforeRelease.get(`/api/sessions/${meta.id}/debrief`)).toBe(403);

  // Team A's prosecutor answers, gets the records, learns the news; then both teams close.
  const requestA = a('prosecutor').view?.requests.find((r) => r.direction === 'incoming');
  accepted(
    await ack(a('prosecutor'), 'request.answer', {
      requestInstance: requestA?.instance ?? 'missing',
      granted: true,
      reason: 'ANSWER-A-PROS-1005',
    }),
  );
  answerProbes.push(await answerProbe());
  accepted(
    await ack(a('prosecutor'), 'decision.submit', {
      decision: 'review',
      option: 'get_records',
      rationale: 'RATIONALE-A-PROS-1004',
    }),
  );
  accepted(await ack(facilitator, 'inject.release', { inject: 'tip_off', team: 'all' }));
  accepted(
    await ack(b('prosecutor'), 'decision.submit', {
      decision: 'review',
      option: 'close_case',
      rationale: 'RATIONALE-B-PROS-2005',
    }),
  );
  const fromMiddle = recordingClient(me.token, received, midSeq);
  await fromMiddle.until(() => fromMiddle.view !== null, 5000, 'catch-up from the middle');
  accepted(await ack(facilitator, 'session.end', {}));
  accepted(await ack(facilitator, 'debrief.release', {}));
  await me.client.until(() => me.client.status === 'ended', 5000, 'the end');
  const afterRelease = await restNow();
  expect(afterRelease.get(`/api/sessions/${meta.id}/debrief`)).toBe(200);
  expect(afterRelease.get(`/api/sessions/${meta.id}/replay?team=team-a&role=police&seq=1`)).toBe(
    200,
  );
  // Besides its own debrief, replay, knowledge check and the join page, everything is staff's.
  const own = (route: string) =>
    route.endsWith('/debrief') ||
    route.includes('replay?team=team-a&role=police&') ||
    route.endsWith('/knowledge-check') ||
    route.endsWith(`/join/${meta.joinCode}`);
  const unexpected = [...afterRelease].filter(([route, status]) =>
    own(route) ? status !== 200 : status !== 401 && status !== 403,
  );
  expect(unexpected).toEqual([]);
  // Nor can a trainee make itself a review link (which shows every team).
  const link = await fetch(`${server.url}/api/sessions/${meta.id}/review-links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${me.token}` },
  });
  expect(link.status).toBe(403);

  // The harness saw what it should: the trainee's own things reached it, on several paths.
  for (const marker of OWN) expect(received.join('\n')).toContain(marker);
  expect(foreignIn(received)).toEqual([]);

  // A request Border Police neither sent nor received (social work's, pending) is named by what
  // it needs, never by its state: not in the reasons of its view, nor in the refusals.
  const pendingNews = /waiting|already/i;
  const press = pendingView?.decisions.find((d) => d.id === 'press');
  const withInterpreter = press?.options.find((o) => o.id === 'with_interpreter');
  const sendable = pendingView?.sendableRequests.find((r) => r.id === 'interpreter');
  const reasons = [withInterpreter?.whyNot, sendable?.whyNot, ...refusals];
  expect(reasons.map((r) => r && 'code' in r && r.code)).toEqual(
    Array<string>(reasons.length).fill('engine/condition_not_met'),
  );
  for (const reason of reasons) expect(JSON.stringify(reason)).not.toMatch(pendingNews);
  // A refusal carries the reason in every language (its `text`): word for word what the agency's
  // view said of the same action, which the checks above hold to need to know, and nothing more.
  const viewed = [
    sendable?.whyNot,
    ...['with_interpreter', 'on_records', 'on_news', 'on_disclosure'].map(
      (option) => press?.options.find((o) => o.id === option)?.whyNot,
    ),
  ];
  expect(refusals).toEqual(viewed.map((whyNot) => ({ status: 'rejected', ...whyNot })));
  expect(refusals.every((r) => r.status === 'rejected' && typeof r.text === 'object')).toBe(true);
  expect(answerProbes[0]).toMatchObject({ status: 'rejected', code: ErrorCode.WrongRole });
  expect(new Set(answerProbes.map((r) => 'code' in r && `${r.code}: ${r.message}`)).size).toBe(1);
});
