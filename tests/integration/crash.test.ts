/**
 * Crash recovery: the server runs in a child process, is killed with SIGKILL in the middle of a
 * burst of commands, and restarted on the same database. Nothing acknowledged may be lost or
 * doubled, and the restored sessions must equal a replay of the event log.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { compile, parseScenario, replay, viewFor } from '@crossroads/scenarios';
import { type CommandAck, type JoinResponse, type RoleView } from '@crossroads/shared';
import {
  api,
  exportedLog,
  login,
  openSession,
  SessionClient,
} from '../../apps/server/bench/session-client';
import { openSqliteFile } from './helpers';
import {
  MINI_SCENARIO,
  PROCESS_ADMIN,
  serverFiles,
  startServerProcess,
  type ServerFiles,
  type ServerProcess,
} from './support/server-process';

jest.setTimeout(120_000);

const ROLES = ['border_police', 'prosecutor', 'social_work'] as const;

function startServer(files: ServerFiles): Promise<ServerProcess> {
  return startServerProcess(files, {
    // Small, so the restart restores from a checkpoint plus a tail of events.
    env: { CROSSROADS_CHECKPOINT_EVERY: '7' },
    startTimeoutMs: 60_000,
  });
}

describe('crash recovery', () => {
  let files: ServerFiles;
  let server: ServerProcess | undefined;
  const clients: SessionClient[] = [];

  beforeAll(() => {
    files = serverFiles('crash');
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.kill();
    files.remove();
  });

  it('keeps every acknowledged command exactly once across a SIGKILL, and restores the replayed state', async () => {
    server = await startServer(files);
    const admin = await login(server.url, PROCESS_ADMIN.username, PROCESS_ADMIN.password);
    const { meta, facilitator } = await openSession(
      server.url,
      admin.token,
      { scenario: 'mini-kelebija', teams: 2, timeRatio: 0 },
      clients,
    );
    const tokens: { team: string; role: string; token: string }[] = [];
    const trainees: { team: string; role: string; client: SessionClient }[] = [];
    for (const team of ['team-a', 'team-b']) {
      for (const role of ROLES) {
        const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `${role} ${team}`,
          team,
          role,
        });
        tokens.push({ team, role, token: joined.participantToken });
        const c = new SessionClient(server.url, {
          kind: 'participant',
          token: joined.participantToken,
        });
        clients.push(c);
        await c.connected();
        trainees.push({ team, role, client: c });
      }
    }
    const started = await facilitator.send('session.start', {});
    expect(started.status).toBe('accepted');

    // The burst: every trainee plays its decisions and chats; the facilitator moves the clock.
    // Each command has its own id; acks are collected until the server dies.
    type Sent = {
      id: string;
      name: string;
      payload: Record<string, unknown>;
      sender: string;
      ack?: CommandAck;
    };
    const sent: Sent[] = [];
    const plans: Record<string, [string, Record<string, unknown>][]> = {
      border_police: [
        [
          'decision.submit',
          { decision: 'open_van', option: 'open_and_triage', rationale: 'Air and first aid.' },
        ],
        ['request.send', { request: 'video_interpreter' }],
        ['decision.submit', { decision: 'phone', option: 'browse' }],
        ['decision.submit', { decision: 'interview_amir', option: 'passenger' }],
        ['decision.submit', { decision: 'hand_over', option: 'hand_over_now' }],
      ],
      prosecutor: [['joint.sign', { decision: 'plan', option: 'detain_all' }]],
      social_work: [['joint.sign', { decision: 'plan', option: 'detain_all' }]],
    };
    let stop = false;
    /** Sends the steps in order, `width` commands in flight at a time, until the server dies. */
    const burst = async (
      sender: string,
      c: SessionClient,
      steps: [string, Record<string, unknown>][],
      width = 1,
      pauseMs = 60,
    ) => {
      for (let i = 0; !stop; i += width) {
        const batch = Array.from({ length: width }, (_, k) => {
          const [name, payload] = steps[i + k] ?? ['chat.send', { text: `message ${i + k}` }];
          const entry: Sent = { id: randomUUID(), name, payload, sender };
          sent.push(entry);
          return c
            .send(name as never, { ...payload, commandId: entry.id } as never, 3000)
            .then((ack) => (entry.ack = ack));
        });
        try {
          await Promise.all(batch);
        } catch {
          return; // no ack: the server died with these commands in flight
        }
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    };
    const runs = [
      ...trainees.map((t) => burst(`${t.team}/${t.role}`, t.client, plans[t.role] ?? [])),
      burst(
        'facilitator',
        facilitator,
        Array.from(
          { length: 1000 },
          () => ['clock.advance', { minutes: 1 }] as [string, Record<string, unknown>],
        ),
        4,
        0,
      ),
    ];
    // Kill the server mid-burst, once a good number of commands were acknowledged.
    const deadline = Date.now() + 30_000;
    const inFlight = () => sent.some((s) => s.ack === undefined);
    while (
      (sent.filter((s) => s.ack?.status === 'accepted').length < 40 || !inFlight()) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setImmediate(r));
    }
    await server.kill();
    stop = true;
    await Promise.all(runs);
    for (const c of clients.splice(0)) c.close();

    const acked = sent.filter((s) => s.ack?.status === 'accepted');
    const unacked = sent.filter((s) => s.ack === undefined);
    expect(acked.length).toBeGreaterThanOrEqual(40);

    // Restart on the same database.
    server = await startServer(files);
    const admin2 = await login(server.url, PROCESS_ADMIN.username, PROCESS_ADMIN.password);

    // 1. Every acknowledged command is in the log exactly once, at the acknowledged seq.
    const db = openSqliteFile(files.databasePath, { readonly: true });
    let ackedLost = 0;
    let inFlightCommitted = 0;
    try {
      const countOf = (id: string) =>
        (
          db
            .prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ? AND command_id = ?')
            .get(meta.id, id) as { n: number }
        ).n;
      ackedLost = acked.filter((s) => countOf(s.id) === 0).length;
      inFlightCommitted = unacked.filter((s) => countOf(s.id) === 1).length;
      for (const s of acked) {
        const rows = db
          .prepare('SELECT seq FROM events WHERE session_id = ? AND command_id = ?')
          .all(meta.id, s.id) as { seq: number }[];
        expect(rows).toEqual([{ seq: (s.ack as { seq: number }).seq }]);
      }
      const checkpoints = db
        .prepare('SELECT COUNT(*) AS n FROM checkpoints WHERE session_id = ?')
        .get(meta.id) as {
        n: number;
      };
      expect(checkpoints.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // 2. The restored session equals a replay of its exported log, for every agency of every team.
    const events = await exportedLog(server.url, meta.id, admin2.token);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const parsed = parseScenario(readFileSync(MINI_SCENARIO, 'utf8'), { file: 'mini.yaml' });
    if (!parsed.ok) throw new Error('fixture does not parse');
    const compiled = compile(parsed.scenario);
    const replayed = replay(compiled, events);
    expect(replayed.rejected.filter((r) => r.type !== 'participant.joined')).toEqual([]);
    for (const team of ['team-a', 'team-b']) {
      for (const role of ROLES) {
        const served = await api<RoleView>(
          server.url,
          'GET',
          `/api/sessions/${meta.id}/teams/${team}/views/${role}`,
          undefined,
          admin2.token,
        );
        const state = replayed.teams[team];
        if (!state) throw new Error(`no replayed state for ${team}`);
        const engine = viewFor(compiled, state, role);
        expect({
          phase: served.phase.id,
          clock: served.clock.minutes,
          documents: served.documents.map((d) => d.id),
          evidence: served.evidence.map((e) => [e.id, e.provenance]),
          injects: served.injects.map((i) => [i.id, i.releasedAt]),
          requests: served.requests.map((r) => [r.request, r.status]),
          ended: served.ended?.id ?? null,
        }).toEqual({
          phase: engine.phase.id,
          clock: engine.clock,
          documents: engine.documents.map((d) => d.id),
          evidence: engine.evidence.map((e) => [e.id, e.obtained]),
          injects: engine.injects.map((i) => [i.id, i.time]),
          requests: engine.requests.map((r) => [r.id, r.status]),
          ended: engine.ended?.ending ?? null,
        });
      }
    }

    // 3. Clients resend everything (as after a lost ack): acknowledged ones are duplicates with the
    //    original seq; the in-flight ones are applied at most once.
    const byToken = new Map(tokens.map((t) => [`${t.team}/${t.role}`, t.token]));
    const again = new Map<string, SessionClient>();
    const clientFor = async (sender: string) => {
      let c = again.get(sender);
      if (!c) {
        const token = byToken.get(sender);
        c =
          token === undefined
            ? new SessionClient(server!.url, { kind: 'facilitator', token: admin2.token }, meta.id)
            : new SessionClient(server!.url, { kind: 'participant', token });
        clients.push(c);
        again.set(sender, c);
        await c.connected();
      }
      return c;
    };
    for (const s of [...acked, ...unacked]) {
      const c = await clientFor(s.sender);
      let ack: CommandAck | undefined;
      for (let attempt = 0; attempt < 20; attempt += 1) {
        ack = await c.send(s.name as never, { ...s.payload, commandId: s.id } as never);
        if (ack.status !== 'rejected' || ack.code !== 'protocol/rate_limited') break;
        await new Promise((r) => setTimeout(r, 300));
      }
      if (s.ack?.status === 'accepted') {
        expect(ack).toEqual({ status: 'accepted', seq: s.ack.seq, duplicate: true });
      }
    }
    const db2 = openSqliteFile(files.databasePath, { readonly: true });
    try {
      const dupes = db2
        .prepare(
          'SELECT command_id, COUNT(*) AS n FROM events WHERE session_id = ? AND command_id IS NOT NULL GROUP BY command_id HAVING n > 1',
        )
        .all(meta.id);
      expect(dupes).toEqual([]);
      // The figures the issue asks for, printed so a run can be reported.
      process.stdout.write(
        `crash test: ${sent.length} commands sent, ${acked.length} acked before SIGKILL, ` +
          `${ackedLost} acked lost, ${unacked.length} in flight (${inFlightCommitted} committed ` +
          `before the kill), ${dupes.length} duplicated after resending all\n`,
      );
    } finally {
      db2.close();
    }
  });
});
