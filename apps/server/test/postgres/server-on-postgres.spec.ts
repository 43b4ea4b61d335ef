import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  ErrorCode,
  sessionSnapshotSchema,
  type CommandAck,
  type HealthResponse,
  type JoinResponse,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../bench/session-client';
import { createApp, type RunningApp } from '../../src/index';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * The whole server with DATABASE_URL=postgres://…: it migrates PostgreSQL at start, answers
 * /api/health, and runs a session end to end through the real socket.io client (the same steps
 * as the SQLite integration tests: create, join two teams, start, decide, end, debrief), with
 * every write in PostgreSQL.
 */
/** The engine's small complete scenario (tests/integration's mini server serves it too). */
const MINI_SCENARIO = path.resolve(
  __dirname,
  '../../../../packages/scenarios/test/fixtures/mini.yaml',
);
const MINI_ADMIN = { username: 'admin', password: 'admin-password-1' };

describe('the server with DATABASE_URL=postgres://…', () => {
  let schema: TestSchema;
  let server: RunningApp;
  let folder: string;
  const clients: SessionClient[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('server');
    // Only the catalogue and data folder are files; the database is PostgreSQL.
    folder = mkdtempSync(path.join(os.tmpdir(), 'crossroads-pg-'));
    const catalogue = path.join(folder, 'catalogue');
    mkdirSync(catalogue);
    copyFileSync(MINI_SCENARIO, path.join(catalogue, 'mini.yaml'));
    // The search path in the URL puts the tables in this run's schema (libpq's `options`).
    const url = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    server = await createApp({
      env: {
        DATABASE_URL: url,
        DATA_DIR: folder,
        CROSSROADS_CATALOGUE_DIR: catalogue,
        CROSSROADS_ADMIN_USERNAME: MINI_ADMIN.username,
        CROSSROADS_ADMIN_PASSWORD: MINI_ADMIN.password,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        PUBLIC_ORIGIN: 'http://localhost:3000',
      },
    });
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    await schema?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** A query on this run's schema, outside the server. */
  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: schema.url });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schema.name}"`);
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('migrates PostgreSQL at start and answers /api/health', async () => {
    const migrations = await query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(migrations.map((r) => r.name)).toContain('PostgresBaseline1765065600000');
    const health = await api<HealthResponse>(server.url, 'GET', '/api/health');
    expect(health).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('runs a session: create, two teams join, start, decisions, end, debrief', async () => {
    const accepted = (ack: CommandAck) => {
      if (ack.status !== 'accepted') throw new Error(`rejected: ${ack.code} ${ack.message}`);
      return ack;
    };
    const client = (...args: ConstructorParameters<typeof SessionClient>) => {
      const c = new SessionClient(...args);
      clients.push(c);
      return c;
    };
    const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
    await api(
      server.url,
      'POST',
      '/api/accounts',
      { username: 'fac1', password: 'fac1-password' },
      admin.token,
    );
    const fac: Staff = await login(server.url, 'fac1', 'fac1-password');
    const meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: ['Novi Sad', 'Subotica'], timeRatio: 0 },
      fac.token,
    );
    const facilitator = client(server.url, { kind: 'facilitator', token: fac.token }, meta.id);
    await facilitator.connected();
    await facilitator.until(() => facilitator.snapshot !== null, 5000, 'facilitator snapshot');

    const seats = new Map<string, SessionClient>();
    for (const [team, role] of [
      ['team-a', 'border_police'],
      ['team-a', 'prosecutor'],
      ['team-b', 'border_police'],
    ] as const) {
      const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName: `${role}@${team}`,
        team,
        role,
      });
      const c = client(server.url, { kind: 'participant', token: joined.participantToken });
      await c.connected();
      await c.until(() => c.snapshot !== null, 5000, 'trainee snapshot');
      sessionSnapshotSchema.parse(c.snapshot);
      seats.set(`${team}/${role}`, c);
    }
    const seat = (key: string) => seats.get(key) as SessionClient;
    await facilitator.until(
      () => {
        const members = facilitator.lobby?.teams.flatMap((t) => t.members) ?? [];
        return members.length === 3 && members.every((m) => m.presence === 'online');
      },
      5000,
      'three trainees online in the lobby',
    );

    accepted(await facilitator.send('session.start', {}));
    for (const c of seats.values()) await c.until(() => c.view !== null, 5000, 'first view');
    const bpA = seat('team-a/border_police');
    const bpB = seat('team-b/border_police');
    accepted(
      await bpA.send('decision.submit', {
        decision: 'open_van',
        option: 'open_and_triage',
        rationale: 'People first.',
        confidence: 5,
      }),
    );
    await bpA.until(() => bpA.view?.phase.id === 'screening', 5000, 'screening');
    accepted(await bpB.send('decision.submit', { decision: 'open_van', option: 'keep_closed' }));
    // The other team's decision never reaches team A; the facilitator's cards carry both.
    await facilitator.until(
      () =>
        ['team-a', 'team-b'].every(
          (t) => (facilitator.cards.get(t)?.lastDecisions.length ?? 0) > 0,
        ),
      5000,
      'both teams decided on the facilitator cards',
    );
    expect(bpA.events.filter((e) => e.team === 'team-b')).toEqual([]);
    accepted(await bpA.send('chat.send', { text: 'Van open.' }));
    await seat('team-a/prosecutor').until(
      () => seat('team-a/prosecutor').events.some((e) => e.type === 'chat.message'),
      5000,
      'team chat',
    );

    accepted(await facilitator.send('session.end', {}));
    expect(await bpA.send('chat.send', { text: 'still there?' })).toMatchObject({
      status: 'rejected',
      code: ErrorCode.SessionNotRunning,
    });
    accepted(await facilitator.send('debrief.release', {}));
    const traineeToken = (bpA.credential as { token: string }).token;
    const traineeDebrief = await api<{ teams: { id: string }[]; debrief: unknown }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      traineeToken,
    );
    expect(traineeDebrief.teams.map((t) => t.id)).toEqual(['team-a']);
    const staffDebrief = await api<{ teams: { id: string }[]; debrief: { format: string } }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      fac.token,
    );
    expect(staffDebrief.teams.map((t) => t.id)).toEqual(['team-a', 'team-b']);
    expect(staffDebrief.debrief.format).toBe('crossroads.debrief/1');

    // Everything went to PostgreSQL: the log, the session row the log drives, the participants.
    const [row] = await query<{ status: string; debrief_released: number; ended_at: string }>(
      'SELECT status, debrief_released, ended_at FROM sessions WHERE id = $1',
      [meta.id],
    );
    expect(row).toMatchObject({ status: 'ended', debrief_released: 1 });
    expect(row?.ended_at).toEqual(expect.any(String));
    const types = await query<{ type: string }>(
      'SELECT type FROM events WHERE session_id = $1 ORDER BY seq',
      [meta.id],
    );
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        'participant.joined',
        'session.started',
        'decision.made',
        'chat.message',
        'session.ended',
        'debrief.released',
      ]),
    );
    const participants = await query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM participants WHERE session_id = $1',
      [meta.id],
    );
    expect(participants[0]?.n).toBe(3);
  });
});
