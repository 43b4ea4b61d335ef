/**
 * Injects released by the scenario itself (timed, conditional, by an option's effect) happen
 * inside another event's engine step and have no `inject.released` event: the staff learn of them
 * from the `injects` list carried by `session.update` when a release changed.
 */
import type { JoinResponse, SessionMeta, SessionUpdate } from '@crossroads/shared';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';
import { accepted } from '../acks';

const ADMIN = MINI_ADMIN;

jest.setTimeout(30_000);

let server: TestServer;
const clients: SessionClient[] = [];

beforeAll(async () => {
  server = await startMiniServer();
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
});

test('a staff socket sees an automatically released inject in a session.update', async () => {
  const admin = await login(server.url, ADMIN.username, ADMIN.password);
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 2, timeRatio: 0 },
    admin.token,
  );
  const staff = new SessionClient(server.url, { kind: 'facilitator', token: admin.token }, meta.id);
  clients.push(staff);
  const updates: SessionUpdate[] = [];
  staff.socket.on('session.update', (u) => updates.push(u));
  await staff.connected();
  await staff.until(() => staff.snapshot !== null, 5000, 'snapshot');
  const timed = staff.snapshot?.injects.find((i) => i.id === 'group_plans');
  expect(timed).toMatchObject({ release: 'timed', releasedTo: [] });

  const start = accepted(await staff.send('session.start', {}));
  await staff.until(() => staff.lastSeq >= start.seq, 5000, 'start');
  // Starting creates the team states; nothing has been released yet.
  const injectsAfterStart = updates.flatMap((u) => u.injects ?? []);
  for (const inject of injectsAfterStart.filter((i) => i.id === 'group_plans')) {
    expect(inject.releasedTo).toEqual([]);
  }

  // A change that releases nothing does not resend the list.
  updates.length = 0;
  const small = accepted(await staff.send('clock.advance', { minutes: 5, team: 'team-a' }));
  await staff.until(() => staff.lastSeq >= small.seq, 5000, 'small advance');
  expect(updates.length).toBeGreaterThan(0);
  expect(updates.some((u) => u.injects !== undefined)).toBe(false);

  // The inject is due at minute 240: reaching it on one team's clock releases it there only.
  updates.length = 0;
  const advance = accepted(await staff.send('clock.advance', { minutes: 235, team: 'team-a' }));
  await staff.until(() => staff.lastSeq >= advance.seq, 5000, 'clock advance');
  const carrying = updates.filter((u) => u.injects !== undefined);
  expect(carrying).toHaveLength(1);
  expect(carrying[0]?.injects?.find((i) => i.id === 'group_plans')?.releasedTo).toEqual(['team-a']);
  // No inject.released event told the staff: the list is the only way they learn of it.
  expect(
    updates.some((u) => u.event?.type === 'inject.released' && u.event.team === 'team-a'),
  ).toBe(false);

  // The other team's release arrives the same way, and matches a fresh snapshot.
  updates.length = 0;
  const other = accepted(await staff.send('clock.advance', { minutes: 240, team: 'team-b' }));
  await staff.until(() => staff.lastSeq >= other.seq, 5000, 'other advance');
  const latest = updates.filter((u) => u.injects !== undefined).at(-1)?.injects;
  expect(latest?.find((i) => i.id === 'group_plans')?.releasedTo.sort()).toEqual([
    'team-a',
    'team-b',
  ]);
  const fresh = new SessionClient(server.url, { kind: 'facilitator', token: admin.token }, meta.id);
  clients.push(fresh);
  await fresh.connected();
  await fresh.until(() => fresh.snapshot !== null, 5000, 'fresh snapshot');
  expect(fresh.snapshot?.injects).toEqual(latest);
});

test("a trainee's view says which event released each inject, a timed one included", async () => {
  const admin = await login(server.url, ADMIN.username, ADMIN.password);
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    admin.token,
  );
  const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'Milica',
    team: 'team-a',
    role: 'border_police',
  });
  const staff = new SessionClient(server.url, { kind: 'facilitator', token: admin.token }, meta.id);
  const trainee = new SessionClient(server.url, {
    kind: 'participant',
    token: joined.participantToken,
  });
  clients.push(staff, trainee);
  await staff.connected();
  await trainee.connected();
  await staff.until(() => staff.snapshot !== null, 5000, 'staff snapshot');
  await trainee.until(() => trainee.snapshot !== null, 5000, 'trainee snapshot');
  // Staff get every title once, to name answered requests and old decisions; trainees get none.
  expect(staff.snapshot?.labels?.['request:search_order']).toEqual({
    en: "Order to search the driver's phone",
    'sr-Latn': 'Naredba za pretragu telefona vozača',
  });
  expect(Object.keys(staff.snapshot?.labels ?? {})).toContain('decision:open_van');
  expect(trainee.snapshot?.labels).toBeUndefined();
  accepted(await staff.send('session.start', {}));
  const manual = accepted(
    await staff.send('inject.release', { inject: 'journalist', team: 'team-a' }),
  );
  const tick = accepted(await staff.send('clock.advance', { minutes: 240, team: 'team-a' }));
  await trainee.until(
    () => (trainee.view?.injects.length ?? 0) >= 2 && trainee.lastSeq >= tick.seq,
    5000,
    'both injects',
  );
  const byId = new Map(trainee.view?.injects.map((i) => [i.id, i]));
  // The manual release has its own event; the timed one was released inside the tick's step.
  expect(byId.get('journalist')).toMatchObject({ releasedSeq: manual.seq });
  expect(byId.get('group_plans')).toMatchObject({ releasedAt: 240, releasedSeq: tick.seq });
});
