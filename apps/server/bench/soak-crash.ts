/**
 * Crash soak: `runs` times, a class plays a burst of commands (trainees decide and chat, the
 * facilitator advances the clock four commands at a time), the server is killed with SIGKILL at a
 * random moment of the burst and restarted on the same database. Per run:
 * - ackedLost: acknowledged commands missing from the log (or at another seq than acknowledged);
 * - duplicated: commands in the log more than once after every client resent everything it sent
 *   (acknowledged ones must come back `duplicate: true` with their original seq);
 * - replayEqualsLive: every agency view the restarted server serves equals the engine's view of a
 *   replay of the exported log.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compile, parseScenario, replay, viewFor } from '@crossroads/scenarios';
import {
  logEventSchema,
  type CommandAck,
  type JoinResponse,
  type RoleView,
} from '@crossroads/shared';
import { api, login, openSession, SessionClient, type Staff } from './session-client';
import {
  miniScenarioFile,
  SOAK_ADMIN,
  soakFiles,
  startSoakServer,
  sleep,
  type SoakServer,
} from './soak-support';

const ROLES = ['border_police', 'prosecutor', 'social_work'] as const;
const TEAMS = ['team-a', 'team-b'] as const;

export interface CrashRun {
  run: number;
  sent: number;
  acked: number;
  inFlight: number;
  inFlightCommitted: number;
  ackedLost: number;
  duplicated: number;
  replayEqualsLive: boolean;
  ok: boolean;
  error?: string;
}

export interface CrashSoakResult {
  soak: 'crash';
  runs: number;
  passed: number;
  ackedLost: number;
  duplicated: number;
  replayMismatches: number;
  commandsSent: number;
  commandsAcked: number;
  seconds: number;
  target: string;
  targetMet: boolean;
  perRun: CrashRun[];
}

/** The little of better-sqlite3 used here (read-only checks of what the server wrote). */
interface Db {
  prepare(sql: string): { all(...p: unknown[]): unknown[]; get(...p: unknown[]): unknown };
  close(): void;
}
function openDb(file: string): Db {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CJS package, typed by Db
  const Database = require('better-sqlite3') as new (f: string, o: { readonly: boolean }) => Db;
  return new Database(file, { readonly: true });
}

type Step = [string, Record<string, unknown>];
const PLANS: Record<string, Step[]> = {
  border_police: [
    ['decision.submit', { decision: 'open_van', option: 'open_and_triage', rationale: 'Air.' }],
    ['request.send', { request: 'video_interpreter' }],
    ['decision.submit', { decision: 'phone', option: 'browse' }],
    ['decision.submit', { decision: 'interview_amir', option: 'passenger' }],
    ['decision.submit', { decision: 'hand_over', option: 'hand_over_now' }],
  ],
  prosecutor: [['joint.sign', { decision: 'plan', option: 'detain_all' }]],
  social_work: [['joint.sign', { decision: 'plan', option: 'detain_all' }]],
};

interface Sent {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  sender: string;
  ack?: CommandAck;
}

async function oneRun(
  run: number,
  server: SoakServer,
  admin: Staff,
  restart: () => Promise<{ server: SoakServer; admin: Staff }>,
): Promise<{ result: CrashRun; server: SoakServer; admin: Staff }> {
  const clients: SessionClient[] = [];
  const closeAll = () => {
    for (const c of clients.splice(0)) c.close();
  };
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'mini-kelebija', teams: TEAMS.length, timeRatio: 0 },
    clients,
  );
  const tokens = new Map<string, string>();
  const trainees: { sender: string; role: string; client: SessionClient }[] = [];
  for (const team of TEAMS) {
    for (const role of ROLES) {
      const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName: `${role} ${team}`,
        team,
        role,
      });
      const sender = `${team}/${role}`;
      tokens.set(sender, joined.participantToken);
      const c = new SessionClient(server.url, {
        kind: 'participant',
        token: joined.participantToken,
      });
      clients.push(c);
      await c.connected();
      trainees.push({ sender, role, client: c });
    }
  }
  const started = await facilitator.send('session.start', {});
  if (started.status !== 'accepted') throw new Error(`session.start: ${JSON.stringify(started)}`);

  const sent: Sent[] = [];
  let stop = false;
  const burst = async (
    sender: string,
    c: SessionClient,
    steps: Step[],
    width: number,
    pauseMs: number,
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
        return; // no ack: the server died with these in flight
      }
      await sleep(pauseMs);
    }
  };
  const clockSteps: Step[] = Array.from({ length: 1000 }, () => ['clock.advance', { minutes: 1 }]);
  const bursts = [
    ...trainees.map((t) => burst(t.sender, t.client, PLANS[t.role] ?? [], 1, 60)),
    burst('facilitator', facilitator, clockSteps, 4, 0),
  ];
  // Kill at a random point: after 10 to 60 acknowledged commands, with commands in flight.
  const killAfter = 10 + Math.floor(Math.random() * 51);
  const deadline = Date.now() + 30_000;
  while (
    (sent.filter((s) => s.ack?.status === 'accepted').length < killAfter ||
      !sent.some((s) => s.ack === undefined)) &&
    Date.now() < deadline
  ) {
    await new Promise((r) => setImmediate(r));
  }
  await server.kill();
  stop = true;
  await Promise.all(bursts);
  closeAll();

  const acked = sent.filter((s) => s.ack?.status === 'accepted');
  const unacked = sent.filter((s) => s.ack === undefined);
  const restarted = await restart();
  server = restarted.server;
  admin = restarted.admin;

  // 1. Every acknowledged command is in the log once, at its acknowledged seq.
  let ackedLost = 0;
  let inFlightCommitted = 0;
  const db = openDb(server.databasePath);
  try {
    const seqsOf = (id: string) =>
      (
        db
          .prepare('SELECT seq FROM events WHERE session_id = ? AND command_id = ?')
          .all(meta.id, id) as { seq: number }[]
      ).map((r) => r.seq);
    for (const s of acked) {
      const seqs = seqsOf(s.id);
      if (seqs.length !== 1 || seqs[0] !== (s.ack as { seq: number }).seq) ackedLost += 1;
    }
    inFlightCommitted = unacked.filter((s) => seqsOf(s.id).length === 1).length;
  } finally {
    db.close();
  }

  // 2. The restored session equals a replay of its exported log, for every agency of every team.
  const log = await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
    headers: { Authorization: `Bearer ${admin.token}` },
  });
  const events = (await log.text())
    .trim()
    .split('\n')
    .map((line) => logEventSchema.parse(JSON.parse(line)));
  const parsed = parseScenario(readFileSync(miniScenarioFile(), 'utf8'), { file: 'mini.yaml' });
  if (!parsed.ok) throw new Error('the mini scenario does not parse');
  const compiled = compile(parsed.scenario);
  const replayed = replay(compiled, events);
  let replayEqualsLive =
    events.every((e, i) => e.seq === i + 1) &&
    replayed.rejected.every((r) => r.type === 'participant.joined');
  for (const team of TEAMS) {
    for (const role of ROLES) {
      const served = await api<RoleView>(
        server.url,
        'GET',
        `/api/sessions/${meta.id}/teams/${team}/views/${role}`,
        undefined,
        admin.token,
      );
      const state = replayed.teams[team];
      if (!state) {
        replayEqualsLive = false;
        continue;
      }
      const engine = viewFor(compiled, state, role);
      const live = JSON.stringify({
        phase: served.phase.id,
        clock: served.clock.minutes,
        documents: served.documents.map((d) => d.id),
        evidence: served.evidence.map((e) => [e.id, e.provenance]),
        injects: served.injects.map((i) => [i.id, i.releasedAt]),
        requests: served.requests.map((r) => [r.request, r.status]),
        ended: served.ended?.id ?? null,
      });
      const replayedView = JSON.stringify({
        phase: engine.phase.id,
        clock: engine.clock,
        documents: engine.documents.map((d) => d.id),
        evidence: engine.evidence.map((e) => [e.id, e.obtained]),
        injects: engine.injects.map((i) => [i.id, i.time]),
        requests: engine.requests.map((r) => [r.id, r.status]),
        ended: engine.ended?.ending ?? null,
      });
      if (live !== replayedView) replayEqualsLive = false;
    }
  }

  // 3. Everyone resends everything with the same ids (as after lost acks).
  const again = new Map<string, SessionClient>();
  const clientFor = async (sender: string) => {
    let c = again.get(sender);
    if (!c) {
      const token = tokens.get(sender);
      c =
        token === undefined
          ? new SessionClient(server.url, { kind: 'facilitator', token: admin.token }, meta.id)
          : new SessionClient(server.url, { kind: 'participant', token });
      clients.push(c);
      again.set(sender, c);
      await c.connected();
    }
    return c;
  };
  for (const s of [...acked, ...unacked]) {
    const c = await clientFor(s.sender);
    let ack: CommandAck | undefined;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      ack = await c.send(s.name as never, { ...s.payload, commandId: s.id } as never);
      if (ack.status !== 'rejected' || ack.code !== 'protocol/rate_limited') break;
      await sleep(250);
    }
    if (s.ack?.status === 'accepted') {
      const same = ack?.status === 'accepted' && ack.seq === s.ack.seq && ack.duplicate === true;
      if (!same) ackedLost += 1;
    }
  }
  closeAll();
  const db2 = openDb(server.databasePath);
  let duplicated = 0;
  try {
    duplicated = (
      db2
        .prepare(
          'SELECT command_id, COUNT(*) AS n FROM events WHERE session_id = ? AND command_id IS NOT NULL GROUP BY command_id HAVING n > 1',
        )
        .all(meta.id) as unknown[]
    ).length;
  } finally {
    db2.close();
  }
  return {
    result: {
      run,
      sent: sent.length,
      acked: acked.length,
      inFlight: unacked.length,
      inFlightCommitted,
      ackedLost,
      duplicated,
      replayEqualsLive,
      ok: ackedLost === 0 && duplicated === 0 && replayEqualsLive && acked.length > 0,
    },
    server,
    admin,
  };
}

export async function crashSoak(options: {
  runs: number;
  progress?: (line: string) => void;
}): Promise<CrashSoakResult> {
  const began = Date.now();
  const files = soakFiles('crash', [miniScenarioFile()]);
  // Small, so restarts restore from a checkpoint plus a tail of events.
  const env = { CROSSROADS_CHECKPOINT_EVERY: '7' };
  const boot = async () => {
    const server = await startSoakServer(files, env);
    const admin = await login(server.url, SOAK_ADMIN.username, SOAK_ADMIN.password);
    return { server, admin };
  };
  let { server, admin } = await boot();
  const perRun: CrashRun[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      try {
        const done = await oneRun(run, server, admin, boot);
        server = done.server;
        admin = done.admin;
        perRun.push(done.result);
      } catch (error) {
        perRun.push({
          run,
          sent: 0,
          acked: 0,
          inFlight: 0,
          inFlightCommitted: 0,
          ackedLost: 0,
          duplicated: 0,
          replayEqualsLive: false,
          ok: false,
          error: error instanceof Error ? error.message.slice(0, 500) : String(error),
        });
        await server.kill();
        ({ server, admin } = await boot());
      }
      const last = perRun[perRun.length - 1];
      options.progress?.(`crash run ${run}/${options.runs}: ${JSON.stringify(last)}`);
    }
  } finally {
    await server.kill();
    files.remove();
  }
  const sum = (f: (r: CrashRun) => number) => perRun.reduce((n, r) => n + f(r), 0);
  const passed = perRun.filter((r) => r.ok).length;
  const ackedLost = sum((r) => r.ackedLost);
  const duplicated = sum((r) => r.duplicated);
  return {
    soak: 'crash',
    runs: options.runs,
    passed,
    ackedLost,
    duplicated,
    replayMismatches: perRun.filter((r) => !r.replayEqualsLive).length,
    commandsSent: sum((r) => r.sent),
    commandsAcked: sum((r) => r.acked),
    seconds: Math.round((Date.now() - began) / 100) / 10,
    target: 'every run passes with 0 acked lost, 0 duplicated, replay equals live',
    targetMet: passed === options.runs && ackedLost === 0 && duplicated === 0,
    perRun,
  };
}
