import { copyFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JoinResponse, Lobby, SessionMeta, SessionSnapshot } from '@crossroads/shared';
import type { RunningApp } from '@crossroads/server';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import { dropPrefix, startClusterNode, uniquePrefix } from './support';

/*
 * Issue 10: a trainee's presence when their socket is on a process that does not own the session.
 * Two server processes on one SQLite file and one Redis prefix; node-a owns the session and holds
 * the facilitator's socket, the trainee connects to node-b. The facilitator sees the trainee come
 * and go, and the lobbies and snapshots the owner computes from its copy show the trainee online.
 */

const ROOT = path.resolve(__dirname, '../..');
const MINI = path.join(ROOT, 'packages/scenarios/test/fixtures/mini.yaml');

let dataDir: string;
let catalogueDir: string;
const prefix = uniquePrefix();
const apps: RunningApp[] = [];
const clients: SessionClient[] = [];

jest.setTimeout(60_000);

async function start(nodeId: string): Promise<RunningApp> {
  const app = await startClusterNode({ dataDir, catalogueDir, prefix }, nodeId, {
    // A closed socket's trainee is "away" for a second, then "left".
    CROSSROADS_AWAY_TO_LEFT_MS: '1000',
  });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-presence-'));
  catalogueDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-presence-cat-'));
  copyFileSync(MINI, path.join(catalogueDir, 'mini.yaml'));
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const app of apps) await app.close();
  await dropPrefix(prefix);
  await rm(dataDir, { recursive: true, force: true });
  await rm(catalogueDir, { recursive: true, force: true });
});

function presenceIn(lobby: Lobby | null, participant: string): string | undefined {
  return [...(lobby?.teams.flatMap((t) => t.members) ?? []), ...(lobby?.unassigned ?? [])].find(
    (m) => m.id === participant,
  )?.presence;
}

it("shows the owner's staff a trainee connected to another process, in its updates and lobbies", async () => {
  const a = await start('node-a');
  const b = await start('node-b');
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
