/**
 * The session setting `timeLimitMinutes` (real minutes of running time, pauses excluded): when the
 * session has run that long, the server ends it with a `session.ended { reason: 'time_limit' }`
 * event in the log, pushed to everyone like any other end.
 *
 * Waiting real minutes would make the test slow, so it drives the server's clock ticker with a
 * later "now" (SessionsService.tick(now)), exactly as the interval timer calls it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode, type LogEvent, type SessionMeta } from '@crossroads/shared';
import { SessionsService } from '@crossroads/server';
import {
  api,
  exportedLog,
  joinSeat,
  login,
  openSession,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import { startTestServer, type TestServer } from './helpers';
import { accepted } from '../acks';

const ROOT = path.resolve(__dirname, '../..');
const MINI = path.join(ROOT, 'packages/scenarios/test/fixtures/mini.yaml');
const ADMIN = { username: 'timekeeper', password: 'timekeeper-password' };
const MINUTE = 60_000;

jest.setTimeout(30_000);

let catalogueDir: string;
let server: TestServer;
let admin: Staff;
const clients: SessionClient[] = [];

beforeAll(async () => {
  catalogueDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-time-limit-'));
  copyFileSync(MINI, path.join(catalogueDir, 'mini.yaml'));
  // The CROSSROADS_* settings are part of the validated configuration: passed in, not via process.env.
  server = await startTestServer({
    env: {
      CROSSROADS_CATALOGUE_DIR: catalogueDir,
      CROSSROADS_ADMIN_USERNAME: ADMIN.username,
      CROSSROADS_ADMIN_PASSWORD: ADMIN.password,
    },
  });
  admin = await login(server.url, ADMIN.username, ADMIN.password);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
  rmSync(catalogueDir, { recursive: true, force: true });
});

/** A started session with a time limit, its facilitator and one trainee, both connected. */
async function startedSession(timeLimitMinutes: number) {
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0, timeLimitMinutes },
    admin.token,
  );
  expect(meta.settings.timeLimitMinutes).toBe(timeLimitMinutes);
  const facilitator = new SessionClient(
    server.url,
    { kind: 'facilitator', token: admin.token },
    meta.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  const { client: trainee } = await joinSeat(
    server.url,
    meta,
    {
      displayName: 'Ana',
    },
    clients,
  );
  await trainee.until(() => trainee.snapshot !== null, 5000, 'snapshot');
  accepted(await facilitator.send('session.start', {}));
  await trainee.until(() => trainee.status === 'running', 5000, 'running');
  return { meta, facilitator, trainee };
}

function ticker(): SessionsService {
  return server.app.get(SessionsService);
}

/**
 * A round trip through the server, so anything it pushed before has arrived (the sync snapshot,
 * which carries the status, comes before the ack).
 */
async function settled(c: SessionClient): Promise<void> {
  accepted(await c.send('session.sync', {}));
}

function exported(meta: SessionMeta): Promise<LogEvent[]> {
  return exportedLog(server.url, meta.id, admin.token);
}

const endEvents = (events: LogEvent[]) => events.filter((e) => e.type === 'session.ended');

describe('the session time limit', () => {
  it('ends the session with a time_limit event once it has run for timeLimitMinutes', async () => {
    const { meta, facilitator, trainee } = await startedSession(1);

    // Half a minute in: nothing happens.
    ticker().tick(Date.now() + 0.5 * MINUTE);
    await settled(facilitator);
    expect(facilitator.status).toBe('running');
    expect(endEvents(await exported(meta))).toEqual([]);

    // Past the minute: the server ends the session itself, through the log.
    ticker().tick(Date.now() + 1.1 * MINUTE);
    await trainee.until(() => trainee.status === 'ended', 5000, 'ended (trainee)');
    await facilitator.until(() => facilitator.status === 'ended', 5000, 'ended (facilitator)');
    const seen = endEvents(trainee.events);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ team: null, payload: { reason: 'time_limit' } });
    expect(endEvents(facilitator.events)).toEqual(seen);

    const log = endEvents(await exported(meta));
    expect(log).toEqual(seen);
    const session = await api<SessionMeta>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}`,
      undefined,
      admin.token,
    );
    expect(session.status).toBe('ended');
    expect(session.endedAt).toBe(seen[0]?.at);

    // Ended for everyone: trainee commands are refused, and later ticks write nothing more.
    const ack = await trainee.send('chat.send', { text: 'Still there?' });
    expect(ack).toMatchObject({ status: 'rejected', code: ErrorCode.SessionNotRunning });
    ticker().tick(Date.now() + 5 * MINUTE);
    await settled(facilitator);
    expect(endEvents(await exported(meta))).toHaveLength(1);
  });

  it('does not count paused time, and ends a resumed session when its running time is up', async () => {
    const { meta, facilitator, trainee } = await startedSession(1);
    accepted(await facilitator.send('session.pause', { reason: 'Coffee' }));
    await trainee.until(() => trainee.status === 'paused', 5000, 'paused');

    // Paused for "two minutes": the limit does not apply while paused.
    ticker().tick(Date.now() + 2 * MINUTE);
    await settled(facilitator);
    expect(facilitator.status).toBe('paused');

    accepted(await facilitator.send('session.resume', {}));
    await trainee.until(() => trainee.status === 'running', 5000, 'resumed');
    ticker().tick(Date.now() + 0.5 * MINUTE);
    await settled(facilitator);
    expect(facilitator.status).toBe('running');

    ticker().tick(Date.now() + 1.1 * MINUTE);
    await trainee.until(() => trainee.status === 'ended', 5000, 'ended');
    expect(endEvents(await exported(meta))).toEqual([
      expect.objectContaining({ payload: { reason: 'time_limit' } }),
    ]);
  });

  it('leaves sessions without a time limit running', async () => {
    const { meta, facilitator } = await openSession(
      server.url,
      admin.token,
      { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
      clients,
    );
    accepted(await facilitator.send('session.start', {}));
    ticker().tick(Date.now() + 24 * 60 * MINUTE);
    await settled(facilitator);
    expect(facilitator.status).toBe('running');
    expect(endEvents(await exported(meta))).toEqual([]);
  });
});
