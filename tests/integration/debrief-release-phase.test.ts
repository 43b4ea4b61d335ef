import {
  ErrorCode,
  type CommandAck,
  type JoinResponse,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

/*
 * The debrief (scores, red lines, the best path, every option's feedback) is released to trainees
 * only once the session has ended: the server refuses `debrief.release` in the lobby, while running
 * and while paused, so a stray or scripted release cannot hand trainees their scores mid-play.
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

const traineeDebrief = () =>
  api(server.url, 'GET', `/api/sessions/${meta.id}/debrief`, undefined, trainee.participantToken);

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
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
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
});

afterAll(async () => {
  facilitator?.socket.close();
  await server?.close();
});

test('debrief.release is refused until the session has ended', async () => {
  const refused = { status: 'rejected', code: ErrorCode.SessionNotRunning };
  expect(await facilitator.send('debrief.release', {})).toMatchObject(refused); // lobby
  accepted(await facilitator.send('session.start', {}));
  expect(await facilitator.send('debrief.release', {})).toMatchObject(refused); // running
  accepted(await facilitator.send('session.pause', {}));
  expect(await facilitator.send('debrief.release', {})).toMatchObject(refused); // paused
  accepted(await facilitator.send('session.resume', {}));
  await expect(traineeDebrief()).rejects.toMatchObject({ status: 403 });

  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
  await expect(traineeDebrief()).resolves.toMatchObject({ session: meta.id });
});
