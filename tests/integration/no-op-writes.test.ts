import { ErrorCode, type JoinResponse, type LogEvent, type SessionMeta } from '@crossroads/shared';
import { api } from '../../apps/server/bench/session-client';
import { accepted, startMiniSession, type MiniSession } from './mini-server';

/*
 * A write that would change nothing (settings patched to the values they have, a trainee moved to
 * the seat they sit in) appends no event and tells nobody of a change: the log records what
 * happened, and every update costs each connected client a repaint.
 */

jest.setTimeout(30_000);

let mini: MiniSession;
let trainee: JoinResponse;

async function log(): Promise<LogEvent[]> {
  const response = await fetch(`${mini.server.url}/api/sessions/${mini.meta.id}/events.jsonl`, {
    headers: { authorization: `Bearer ${mini.fac.token}` },
  });
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEvent);
}

const patch = (body: object) =>
  api<SessionMeta>(mini.server.url, 'PATCH', `/api/sessions/${mini.meta.id}`, body, mini.fac.token);

beforeAll(async () => {
  mini = await startMiniSession(2);
  trainee = await mini.join('Ana', 'team-a', 'border_police');
  accepted(await mini.facilitator.send('session.start', {}));
});

afterAll(() => mini?.close());

test('settings patched to the values they have append nothing', async () => {
  const { meta } = mini;
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
  const { facilitator } = mini;
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
