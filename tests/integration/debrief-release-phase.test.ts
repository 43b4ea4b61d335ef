import { ErrorCode, type JoinResponse } from '@crossroads/shared';
import { api } from '../../apps/server/bench/session-client';
import { accepted, startMiniSession, type MiniSession } from './mini-server';

/*
 * The debrief (scores, red lines, the best path, every option's feedback) is released to trainees
 * only once the session has ended: the server refuses `debrief.release` in the lobby, while running
 * and while paused, so a stray or scripted release cannot hand trainees their scores mid-play.
 */

jest.setTimeout(30_000);

let mini: MiniSession;
let trainee: JoinResponse;

const traineeDebrief = () =>
  api(
    mini.server.url,
    'GET',
    `/api/sessions/${mini.meta.id}/debrief`,
    undefined,
    trainee.participantToken,
  );

beforeAll(async () => {
  mini = await startMiniSession();
  trainee = await mini.join('Ana', 'team-a', 'border_police');
});

afterAll(() => mini?.close());

test('debrief.release is refused until the session has ended', async () => {
  const { facilitator, meta } = mini;
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
