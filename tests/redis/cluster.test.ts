/**
 * The scale-out scenario of issue 10: three server processes on one PostgreSQL schema and one
 * Redis prefix, a facilitator and two teams connected to different processes. Commands reaching a
 * process that does not own the session are forwarded to the owner; its updates reach every
 * process's sockets through the Redis adapter. The owner is killed with SIGKILL in the middle of a
 * burst: another process takes the session over within the lease time, nothing acknowledged is
 * lost or doubled, clients resume on the others with nothing missed, and the state served equals
 * a replay of the log. The session is then played to its end.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compile, parseScenario, replay, viewFor } from '@crossroads/scenarios';
import {
  type CommandAck,
  type JoinResponse,
  type RoleView,
  type SessionMeta,
} from '@crossroads/shared';
import { api, exportedLog, login, SessionClient } from '../../apps/server/bench/session-client';
import { TEST_REDIS_URL } from '../../apps/server/test/support/services';
import { Client } from 'pg';
import { requirePostgres } from '../../apps/server/test/support/services';
import { createTestSchema, type TestSchema } from '../../apps/server/test/postgres/test-schema';
import {
  MINI_SCENARIO,
  PROCESS_ADMIN,
  serverFiles,
  startServerProcess,
  type ServerFiles,
  type ServerProcess,
} from '../integration/support/server-process';
import { dropPrefix, uniquePrefix } from './support';

// Generous: CI runs this beside other suites on two loaded cores; the waits below are deadlines
// for conditions, not sleeps, so a healthy run stays short.
jest.setTimeout(300_000);

// Renewed every third of it (~1.3 s): a live owner starved of CPU for longer than two thirds of
// the lease would lose it; 4 s leaves room for a loaded machine and keeps the takeover short.
const LEASE_MS = 4000;
/** Deadline for conditions that take a moment on an idle machine and longer on a loaded one. */
const PATIENCE_MS = 60_000;
/**
 * How long a client waits for an ack before taking its server for dead: long enough that a
 * loaded but live process is never mistaken for the killed one (a send without an ack ends its
 * burst, and an unacked command proves nothing).
 */
const ACK_TIMEOUT_MS = 15_000;

function startServer(
  nodeId: string,
  files: ServerFiles,
  prefix: string,
  databaseUrl: string,
): Promise<ServerProcess> {
  return startServerProcess(files, {
    nodeId,
    databaseUrl,
    env: {
      REDIS_URL: TEST_REDIS_URL,
      CROSSROADS_REDIS_PREFIX: prefix,
      CROSSROADS_LEASE_MS: String(LEASE_MS),
      CROSSROADS_TICK_MS: '100',
      CROSSROADS_CHECKPOINT_EVERY: '7',
    },
    echo: Boolean(process.env.DEBUG_CLUSTER || process.env.DEBUG_SERVER_PROCESSES),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a cluster of three server processes', () => {
  let files: ServerFiles;
  let schema: TestSchema | undefined;
  const prefix = uniquePrefix();
  const servers: ServerProcess[] = [];
  const clients: SessionClient[] = [];

  beforeAll(async () => {
    await requirePostgres();
    files = serverFiles('cluster');
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await s.kill();
    await dropPrefix(prefix);
    await schema?.drop();
    files.remove();
  });

  it('plays across processes, survives a SIGKILL of the owner mid-burst, and ends', async () => {
    // One after the other: the first runs the migrations, the others find them done.
    // One PostgreSQL schema of its own for the three processes.
    schema = await createTestSchema('cluster');
    const url = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    const a = await startServer('node-a', files, prefix, url);
    servers.push(a);
    const b = await startServer('node-b', files, prefix, url);
    servers.push(b);
    const c = await startServer('node-c', files, prefix, url);
    servers.push(c);
    const db = new Client({ connectionString: schema.url });
    await db.connect();
    const q = async <T>(sql: string, params: unknown[]): Promise<T[]> =>
      (await db.query(sql.replaceAll('{s}', `"${schema?.name ?? ''}"`), params)).rows as T[];
    const lease = async (sessionId: string) =>
      (
        await q<{ owner: string; token: number }>(
          'SELECT owner, token FROM {s}.session_leases WHERE session_id = $1',
          [sessionId],
        )
      )[0];
    const head = async (sessionId: string) =>
      Number(
        (
          await q<{ head: number }>(
            'SELECT COALESCE(MAX(seq), 0) AS head FROM {s}.events WHERE session_id = $1',
            [sessionId],
          )
        )[0]?.head ?? 0,
      );
    /** Command id → the seqs of the events that carry it. */
    const recorded = async (sessionId: string) => {
      const rows = await q<{ command_id: string; seq: number }>(
        'SELECT command_id, seq FROM {s}.events WHERE session_id = $1 AND command_id IS NOT NULL',
        [sessionId],
      );
      const seqs = new Map<string, number[]>();
      for (const row of rows)
        seqs.set(row.command_id, [...(seqs.get(row.command_id) ?? []), row.seq]);
      return seqs;
    };

    try {
      const admin = await login(a.url, PROCESS_ADMIN.username, PROCESS_ADMIN.password);
      const meta = await api<SessionMeta>(
        a.url,
        'POST',
        '/api/sessions',
        { scenario: 'mini-kelebija', teams: 2, timeRatio: 0 },
        admin.token,
      );
      // Both trainees join through node-a (REST writes go to the owner), then connect elsewhere.
      const tokens: Record<string, string> = {};
      for (const team of ['team-a', 'team-b']) {
        const joined = await api<JoinResponse>(a.url, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `border ${team}`,
          team,
          role: 'border_police',
        });
        tokens[team] = joined.participantToken;
      }
      expect(await lease(meta.id)).toMatchObject({ owner: 'node-a', token: 1 });
      const trainee = (url: string, team: string, lastSeq?: number) => {
        const client = new SessionClient(
          url,
          { kind: 'participant', token: tokens[team] ?? '' },
          undefined,
          lastSeq === undefined ? {} : { lastSeq },
        );
        clients.push(client);
        return client;
      };
      const teamA = trainee(b.url, 'team-a');
      const teamB = trainee(c.url, 'team-b');
      const facilitator = new SessionClient(
        a.url,
        { kind: 'facilitator', token: admin.token },
        meta.id,
      );
      clients.push(facilitator);
      await Promise.all([teamA.connected(), teamB.connected(), facilitator.connected()]);

      // Forwarded: the start from node-a's socket runs there; the trainees' commands on node-b
      // and node-c reach node-a, and every update reaches them back through Redis.
      expect(await facilitator.send('session.start', {}, ACK_TIMEOUT_MS)).toMatchObject({
        status: 'accepted',
      });
      const first = await teamA.send('chat.send', { text: 'from node-b' }, ACK_TIMEOUT_MS);
      expect(first).toMatchObject({ status: 'accepted' });
      const second = await teamB.send('chat.send', { text: 'from node-c' }, ACK_TIMEOUT_MS);
      expect(second).toMatchObject({ status: 'accepted' });
      await teamA.until(
        () => teamA.events.some((e) => e.seq === (first as { seq: number }).seq),
        PATIENCE_MS,
        'team-a sees its chat through the adapter',
      );
      await facilitator.until(
        () => facilitator.lastSeq >= (second as { seq: number }).seq,
        PATIENCE_MS,
        'the facilitator on node-a sees node-c’s chat',
      );
      expect(await lease(meta.id)).toMatchObject({ owner: 'node-a', token: 1 });

      // The burst: the facilitator moves the clock on node-a, the trainees chat from node-b and
      // node-c (forwarded to node-a); node-a is killed in its middle.
      type Sent = { id: string; sessionId: string; ack?: CommandAck };
      const sent: Sent[] = [];
      let stop = false;
      const burst = async (send: (id: string) => Promise<CommandAck>, pauseMs: number) => {
        while (!stop) {
          const entry: Sent = { id: randomUUID(), sessionId: meta.id };
          sent.push(entry);
          try {
            entry.ack = await send(entry.id);
          } catch {
            return; // no ack: its process died with it in flight
          }
          await sleep(pauseMs);
        }
      };
      const runs = [
        // Chat is limited to a burst of 5 and one per 2 s: the trainees send slowly.
        burst((id) => teamA.send('chat.send', { text: 'a', commandId: id }, ACK_TIMEOUT_MS), 2100),
        burst((id) => teamB.send('chat.send', { text: 'b', commandId: id }, ACK_TIMEOUT_MS), 2100),
        burst(
          (id) => facilitator.send('clock.advance', { minutes: 1, commandId: id }, ACK_TIMEOUT_MS),
          30,
        ),
      ];
      let ended = 0;
      for (const run of runs) void run.then(() => ended++);
      const burstStarted = Date.now();
      while (sent.filter((s) => s.ack?.status === 'accepted').length < 30) {
        // A burst ends only when an ack timed out: with node-a alive that is a failure, not a hang.
        if (ended === runs.length || Date.now() - burstStarted > PATIENCE_MS) {
          throw new Error(`burst stalled before node-a was killed: ${JSON.stringify(sent)}`);
        }
        await sleep(5);
      }
      await a.kill();
      const killedAt = Date.now();
      // The trainees keep going on node-b and node-c through the takeover: until a survivor
      // owns the session (on an idle machine about two leases: expiry, then a sweep; the deadline
      // is far longer because a starved survivor sweeps late, which is slow, not wrong) and a
      // little beyond, so some of their commands run at the new owner.
      while (!['node-b', 'node-c'].includes((await lease(meta.id))?.owner ?? '')) {
        if (Date.now() - killedAt > PATIENCE_MS) throw new Error('nobody took the session over');
        await sleep(50);
      }
      const takeoverMs = Date.now() - killedAt;
      await sleep(LEASE_MS);
      stop = true;
      await Promise.all(runs);
      const owner = await lease(meta.id);
      expect(owner).toMatchObject({ token: 2 });
      const survivor = owner?.owner === 'node-b' ? b : c;

      // The facilitator resumes on a survivor from its last seq and misses nothing.
      const resumed = new SessionClient(
        survivor.url,
        { kind: 'facilitator', token: admin.token },
        meta.id,
        { lastSeq: facilitator.lastSeq },
      );
      clients.push(resumed);
      await resumed.connected();
      const seen = new Set([...facilitator.events, ...resumed.events].map((e) => e.seq));
      const headAfter = await head(meta.id);
      await resumed.until(() => resumed.lastSeq >= headAfter, PATIENCE_MS, 'catch-up');
      for (const e of resumed.events) seen.add(e.seq);
      // Everything after the snapshot it started from (the joins before it are in the snapshot).
      const from = facilitator.snapshot?.seq ?? 0;
      const missed = Array.from({ length: headAfter - from }, (_, i) => from + i + 1).filter(
        (seq) => !seen.has(seq),
      );
      expect(missed).toEqual([]);

      // Every acknowledged command exactly once; a refused one never.
      const acked = sent.filter((s) => s.ack?.status === 'accepted');
      const refused = sent.filter((s) => s.ack?.status === 'rejected');
      const log = await recorded(meta.id);
      const copies = (id: string) => log.get(id)?.length ?? 0;
      const lost = acked.filter((s) => copies(s.id) === 0).length;
      const duplicated = sent.filter((s) => copies(s.id) > 1).length;
      for (const s of acked) expect(log.get(s.id)).toEqual([(s.ack as { seq: number }).seq]);
      for (const s of refused) expect(copies(s.id)).toBe(0);
      const refusals = (list: Sent[]) =>
        list.reduce<Record<string, number>>((counts, s) => {
          const code = s.ack?.status === 'rejected' ? s.ack.code : 'none';
          counts[code] = (counts[code] ?? 0) + 1;
          return counts;
        }, {});

      // The state the survivor serves equals a replay of the log.
      const adminOnSurvivor = await login(
        survivor.url,
        PROCESS_ADMIN.username,
        PROCESS_ADMIN.password,
      );
      const events = await exportedLog(survivor.url, meta.id, adminOnSurvivor.token);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const parsed = parseScenario(readFileSync(MINI_SCENARIO, 'utf8'), { file: 'mini.yaml' });
      if (!parsed.ok) throw new Error('fixture does not parse');
      const compiled = compile(parsed.scenario);
      const replayed = replay(compiled, events);
      for (const team of ['team-a', 'team-b']) {
        const served = await api<RoleView>(
          survivor.url,
          'GET',
          `/api/sessions/${meta.id}/teams/${team}/views/border_police`,
          undefined,
          adminOnSurvivor.token,
        );
        const state = replayed.teams[team];
        if (!state) throw new Error(`no replayed state for ${team}`);
        const engine = viewFor(compiled, state, 'border_police');
        expect({
          phase: served.phase.id,
          clock: served.clock.minutes,
          documents: served.documents.map((d) => d.id),
          ended: served.ended?.id ?? null,
        }).toEqual({
          phase: engine.phase.id,
          clock: engine.clock,
          documents: engine.documents.map((d) => d.id),
          ended: engine.ended?.ending ?? null,
        });
      }

      // Played to its end from the resumed facilitator; both teams hear it where they are.
      const endAck = await resumed.send('session.end', {}, ACK_TIMEOUT_MS);
      expect(endAck).toMatchObject({ status: 'accepted' });
      for (const t of [teamA, teamB]) {
        await t.until(() => t.status === 'ended', PATIENCE_MS, 'the end reaches the trainees');
      }
      process.stdout.write(
        `cluster: ${sent.length} sent, ${acked.length} acked, ${refused.length} refused ` +
          `${JSON.stringify(refusals(refused))}, ${lost} lost, ` +
          `${duplicated} duplicated, ${missed.length} missed; ${survivor.name} took over after ${takeoverMs} ms\n`,
      );
      expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    } finally {
      await db.end();
    }
  });
});
