import {
  ErrorCode,
  type CommandAck,
  type JoinResponse,
  type LogEvent,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

/*
 * A write that would change nothing (settings patched to the values they have, a trainee moved to
 * the seat they sit in) appends no event and tells nobody of a change: the log records what
 * happened, and every update costs each connected client a repaint.
 */

jest.setTimeout(30_000);

let server: TestServer;
let fac: Staff;
let meta: SessionMeta;
let trainee: JoinResponse;
let facilitator: SessionClient;

const accepted = (ack: CommandAck) => {
  if (ack.status !== 'accepted') throw new Error(`rejected: ${ack.code} ${ack.message}`);
  return ack;
};

async function log(): Promise<LogEvent[]> {
  const response = await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
    headers: { authorization: `Bearer ${fac.token}` },
  });
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEvent);
}

const patch = (body: object) =>
  api<SessionMeta>(server.url, 'PATCH', `/api/sessions/${meta.id}`, body, fac.token);

beforeAll(async () => {
  server = await startMiniServer();
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  await api(
    server.url,
    'POST',
    '/api/accounts',
    { username: 'fac1', password: 'fac1-password' },
    admin.token,
  );
  fac = await login(server.url, 'fac1', 'fac1-password');
  meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 2, timeRatio: 0 },
    fac.token,
  );
  trainee = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'Ana',
    team: 'team-a',
    role: 'border_police',
  });
  facilitator = new SessionClient(server.url, { kind: 'facilitator', token: fac.token }, meta.id);
  await facilitator.connected();
  accepted(await facilitator.send('session.start', {}));
});

afterAll(async () => {
  facilitator?.socket.close();
  await server?.close();
});

test('settings patched to the values they have append nothing', async () => {
  const before = await log();
  expect((await patch({})).settings).toEqual(meta.settings);
  expect(
    (await patch({ scoresVisibleToTrainees: meta.settings.scoresVisibleToTrainees })).settings,
  ).toEqual(meta.settings);
  expect(await log()).toEqual(before);

  const changed = await patch({ scoresVisibleToTrainees: !meta.settings.scoresVisibleToTrainees });
  expect(changed.settings.scoresVisibleToTrainees).toBe(!meta.settings.scoresVisibleToTrainees);
  const after = await log();
  expect(after.slice(before.length).map((e) => e.type)).toEqual(['settings.changed']);
});

test('moving a trainee to the seat they have is refused, changing nothing', async () => {
  const before = await log();
  const participant = trainee.participant.id;
  const ack = await facilitator.send('participant.move', {
    participant,
    team: 'team-a',
    role: 'border_police',
  });
  expect(ack).toMatchObject({ status: 'rejected', code: ErrorCode.InvalidPayload });
  expect(ack.status === 'rejected' && ack.message).toMatch(/already plays border_police/);
  expect(await log()).toEqual(before);

  accepted(
    await facilitator.send('participant.move', {
      participant,
      team: 'team-b',
      role: 'border_police',
    }),
  );
  expect((await log()).slice(before.length).map((e) => e.type)).toEqual(['participant.moved']);
});
