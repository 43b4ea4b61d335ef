import type { JoinResponse, Lobby, SessionMeta, SessionSnapshot } from '@crossroads/shared';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import { useCluster } from './support';

/*
 * Issue 10: a trainee's presence when their socket is on a process that does not own the session.
 * Two server processes on one SQLite file and one Redis prefix; node-a owns the session and holds
 * the facilitator's socket, the trainee connects to node-b. The facilitator sees the trainee come
 * and go, and the lobbies and snapshots the owner computes from its copy show the trainee online.
 */

const cluster = useCluster('presence', {
  // A closed socket's trainee is "away" for a second, then "left".
  CROSSROADS_AWAY_TO_LEFT_MS: '1000',
});
const clients: SessionClient[] = [];

jest.setTimeout(60_000);

afterAll(async () => {
  for (const c of clients) c.close();
});

function presenceIn(lobby: Lobby | null, participant: string): string | undefined {
  return [...(lobby?.teams.flatMap((t) => t.members) ?? []), ...(lobby?.unassigned ?? [])].find(
    (m) => m.id === participant,
  )?.presence;
}

it("shows the owner's staff a trainee connected to another process, in its updates and lobbies", async () => {
  const a = await cluster.start('node-a');
  const b = await cluster.start('node-b');
  const admin = await login(a.url, 'admin', 'admin-password-1');
  const meta = await api<SessionMeta>(
    a.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 2 },
    admin.token,
  );
  // Joined on node-a: node-a claims the session's lease.
  const joined = await api<JoinResponse>(a.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'border team-a',
    team: 'team-a',
    role: 'border_police',
  });
  const id = joined.participant.id;
  const facilitator = new SessionClient(
    a.url,
    { kind: 'facilitator', token: admin.token },
    meta.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  await facilitator.until(() => facilitator.snapshot !== null, 10_000, 'the facilitator snapshot');
  expect(presenceIn(facilitator.lobby, id)).toBe('left');

  const trainee = new SessionClient(b.url, { kind: 'participant', token: joined.participantToken });
  clients.push(trainee);
  await trainee.connected();
  // The presence message of node-b reaches the facilitator on node-a through Redis.
  await facilitator.until(
    () => presenceIn(facilitator.lobby, id) === 'online',
    10_000,
    'the trainee online for the facilitator',
  );

  // The owner's next lobby (another trainee joins there) is computed from its own copy.
  await api<JoinResponse>(a.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'border team-b',
    team: 'team-b',
    role: 'border_police',
  });
  await facilitator.until(
    () => facilitator.lobby?.teams.some((t) => t.members.length > 0 && t.id === 'team-b') === true,
    10_000,
    "the owner's lobby after the second join",
  );
  expect(presenceIn(facilitator.lobby, id)).toBe('online');

  // And so is a snapshot the owner sends (the facilitator asks for one).
  facilitator.snapshot = null;
  expect(await facilitator.send('session.sync', {}, 10_000)).toMatchObject({ status: 'accepted' });
  await facilitator.until(() => facilitator.snapshot !== null, 10_000, 'the synced snapshot');
  // Assigned by the socket handler meanwhile: TypeScript still narrows it to null here.
  const synced = facilitator.snapshot as SessionSnapshot | null;
  expect(presenceIn(synced?.lobby ?? null, id)).toBe('online');

  // The trainee leaves node-b: away, then left, for the facilitator on node-a.
  trainee.close();
  await facilitator.until(
    () => presenceIn(facilitator.lobby, id) === 'left',
    10_000,
    'the trainee left for the facilitator',
  );
});
