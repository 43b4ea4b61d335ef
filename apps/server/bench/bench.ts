/**
 * Load benchmark: a fleet of socket.io trainees against the real server, and the same fleet
 * against a bare socket.io echo server, in one run.
 *
 *   npm run bench -w @crossroads/server -- [--json] [--steps 10,30,60,100] [--seconds 5] [--rate 1]
 *
 * Both servers run in their own child process, so their CPU and memory are measured alone
 * (Linux /proc). The real server plays a generated scenario whose one decision is repeatable and
 * visible to every agency, so each decision runs the whole path: validation, authorisation, engine
 * step, SQLite commit, view recomputation for the team and a push to every teammate.
 *
 * Figures (at the reference size, the largest step ≤ 60 trainees):
 * - decisionRtt / echoRtt: command → ack round trip (ms, p50/p99); ratioP99 = decision p99 / echo p99;
 * - broadcastP99Ms: command sent → the last teammate received the update;
 * - cpuPerDecisionUs / echoCpuPerMessageUs: server CPU time per command;
 * - memPerTraineeKB / echoMemPerClientKB: resident memory growth per connected client;
 * - maxTraineesP99Under100ms: the largest step whose decision p99 stayed under 100 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JoinResponse, SessionMeta } from '@crossroads/shared';
import { io, type Socket } from 'socket.io-client';
import { api, HttpError, login, SessionClient } from './session-client';

const ROLES = ['border_police', 'prosecutor', 'social_work', 'cso_legal_aid'] as const;

const BENCH_SCENARIO = `
id: bench-loop
version: 1.0.0
title: Benchmark loop
summary: One repeatable decision that every agency sees, for load tests.
durationMinutes: 10
languages: [en]
timeLimitMinutes: 10000
timeLimitEnding: done
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: Decide. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: Decide. }
  - { id: social_work, name: Social Work, playable: required, briefing: Decide. }
  - { id: cso_legal_aid, name: Legal Aid, playable: optional, briefing: Decide. }
facts:
  - { id: notes, type: counter, initial: 0, visibleTo: [border_police, prosecutor, social_work, cso_legal_aid] }
phases:
  - id: loop
    title: Loop
    description: Decide again and again.
    decisions:
      - id: note
        title: Log a note
        prompt: Once more?
        agencies: [border_police, prosecutor, social_work, cso_legal_aid]
        repeatable: true
        options:
          - { id: again, label: Again, timeCost: 0, effects: [{ inc: notes, by: 1 }] }
endings:
  - { id: done, title: Done, description: Done., kind: other }
`;

interface Args {
  json: boolean;
  steps: number[];
  seconds: number;
  rate: number;
  server: 'auto' | 'dist' | 'source';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, steps: [10, 30, 60, 100], seconds: 5, rate: 1, server: 'auto' };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--steps')
      args.steps = next()
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (a === '--seconds') args.seconds = Number(next());
    else if (a === '--rate') args.rate = Number(next());
    else if (a === '--server') {
      const mode = next();
      if (mode === 'dist' || mode === 'source' || mode === 'auto') args.server = mode;
    }
  }
  return args;
}

/** Unmeasured time at the start of each run. */
const WARMUP_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? NaN) * 100) / 100;
}

/** CPU time (µs) and resident memory (KB) of a process, from /proc (Linux). */
function usage(pid: number): { cpuUs: number; rssKB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return { cpuUs: (ticks * 1e6) / 100, rssKB: rss };
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'apps/server/package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

interface Child {
  process: ChildProcess;
  url: string;
  pid: number;
}

function spawnChild(args: string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`child did not start:\n${stderr}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      for (const line of out.split('\n')) {
        const match = /"url":"([^"]+)"/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve({ process: child, url: match[1], pid: child.pid ?? 0 });
          return;
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}:\n${stderr}`));
    });
  });
}

/**
 * The real server: the build (dist/index.js) when `--server dist` or when it exists, else the TS
 * sources through serve.ts (CROSSROADS_BENCH_SERVE may name another TS entry).
 */
async function startServer(
  root: string,
  dataDir: string,
  catalogueDir: string,
  mode: Args['server'],
): Promise<Child> {
  const built = path.join(root, 'apps/server/dist/index.js');
  const serve = process.env.CROSSROADS_BENCH_SERVE ?? path.join(root, 'apps/server/bench/serve.ts');
  const args = (mode === 'auto' ? existsSync(built) : mode === 'dist')
    ? [
        '-e',
        `require(${JSON.stringify(built)}).createApp({env: process.env, shutdownHooks: true}).then(a => console.log(JSON.stringify({url: a.url})))`,
      ]
    : [
        '--conditions=@crossroads/source',
        '-r',
        path.join(root, 'apps/server/bench/register-ts.cjs'),
        serve,
      ];
  const extra = process.env.CROSSROADS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawnChild([...extra, ...args], {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, 'bench.sqlite'),
    CROSSROADS_CATALOGUE_DIR: catalogueDir,
    CROSSROADS_ADMIN_USERNAME: 'bench',
    CROSSROADS_ADMIN_PASSWORD: 'bench-password',
  });
}

/** A bare socket.io server that acks every event at once, and echoes it to the sender's room. */
const ECHO_SOURCE = `
const { createServer } = require('node:http');
const { Server } = require('socket.io');
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 65536 });
io.on('connection', (socket) => {
  const room = String(socket.handshake.auth.room ?? 'r');
  socket.join(room);
  socket.onAny((event, payload, ack) => {
    if (typeof ack === 'function') ack({ status: 'accepted', seq: 1 });
    socket.to(room).emit('session.update', { seq: 1, status: 'running', event: payload });
  });
});
http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + http.address().port })));
`;

interface StepResult {
  trainees: number;
  decisions: number;
  decisionRtt: { p50: number; p99: number };
  broadcastP99Ms: number;
  cpuPerDecisionUs: number;
  memPerTraineeKB: number;
  rejected: number;
}

async function join(base: string, code: string, name: string, team: string, role: string) {
  for (;;) {
    try {
      return await api<JoinResponse>(base, 'POST', '/api/join', {
        code,
        displayName: name,
        team,
        role,
      });
    } catch (error) {
      if (error instanceof HttpError && error.status === 429) await sleep(1000);
      else throw error;
    }
  }
}

async function runStep(
  server: Child,
  token: string,
  trainees: number,
  args: Args,
): Promise<StepResult> {
  // Four trainees per team (one per agency) up to the 20-team limit, then agencies are shared.
  const teams = Math.min(20, Math.max(1, Math.ceil(trainees / ROLES.length)));
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'bench-loop', teams, timeRatio: 0 },
    token,
  );
  const facilitator = new SessionClient(server.url, { kind: 'facilitator', token }, meta.id);
  await facilitator.connected();
  const before = usage(server.pid);
  const clients: { client: SessionClient; team: string }[] = [];
  for (let i = 0; i < trainees; i += 1) {
    const team = `team-${String.fromCharCode(97 + (Math.floor(i / ROLES.length) % teams))}`;
    const role = ROLES[i % ROLES.length] as string;
    const joined = await join(server.url, meta.joinCode ?? '', `t${i}`, team, role);
    const c = new SessionClient(server.url, {
      kind: 'participant',
      token: joined.participantToken,
    });
    await c.connected();
    clients.push({ client: c, team: joined.participant.team ?? team });
  }
  await facilitator.send('session.start', {});
  await Promise.all(clients.map(({ client }) => client.until(() => client.view !== null, 10_000)));
  const connectedMem = usage(server.pid);

  // Who received which tagged decision, and when.
  const sentAt = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  const teamSize = new Map<string, number>();
  const seenCount = new Map<string, number>();
  for (const { team } of clients) teamSize.set(team, (teamSize.get(team) ?? 0) + 1);
  clients.forEach(({ client }) => {
    client.socket.on('session.update', (u) => {
      const e = u.event;
      if (e?.type !== 'decision.made' || !e.payload.rationale) return;
      const tag = e.payload.rationale;
      const now = performance.now();
      lastSeen.set(tag, Math.max(lastSeen.get(tag) ?? 0, now));
      seenCount.set(tag, (seenCount.get(tag) ?? 0) + 1);
    });
  });

  const rtts: number[] = [];
  let rejected = 0;
  const cpuStart = usage(server.pid).cpuUs;
  const end = Date.now() + args.seconds * 1000;
  const interval = 1000 / args.rate;
  await Promise.all(
    clients.map(async ({ client }, i) => {
      await sleep(Math.random() * interval);
      for (let n = 0; Date.now() < end; n += 1) {
        const tag = `${i}:${n}`;
        const t0 = performance.now();
        sentAt.set(tag, t0);
        const ack = await client.send('decision.submit', {
          decision: 'note',
          option: 'again',
          rationale: tag,
        });
        const rtt = performance.now() - t0;
        if (ack.status === 'accepted') rtts.push(rtt);
        else rejected += 1;
        await sleep(Math.max(0, interval - rtt));
      }
    }),
  );
  await sleep(300);
  const cpuEnd = usage(server.pid).cpuUs;

  const broadcast: number[] = [];
  for (const [tag, t0] of sentAt) {
    const last = lastSeen.get(tag);
    if (last !== undefined) broadcast.push(last - t0);
  }
  for (const { client } of clients) client.close();
  facilitator.close();
  await sleep(300);
  return {
    trainees,
    decisions: rtts.length,
    decisionRtt: { p50: percentile(rtts, 50), p99: percentile(rtts, 99) },
    broadcastP99Ms: percentile(broadcast, 99),
    cpuPerDecisionUs: Math.round((cpuEnd - cpuStart) / Math.max(1, rtts.length)),
    memPerTraineeKB: Math.round((connectedMem.rssKB - before.rssKB) / trainees),
    rejected,
  };
}

async function runEcho(echo: Child, clientsCount: number, args: Args) {
  const before = usage(echo.pid);
  const sockets: Socket[] = [];
  for (let i = 0; i < clientsCount; i += 1) {
    const s = io(echo.url, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: { room: `r${Math.floor(i / ROLES.length)}` },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    sockets.push(s);
  }
  await sleep(300);
  const mem = usage(echo.pid);
  const rtts: number[] = [];
  const interval = 1000 / args.rate;
  const measureFrom = performance.now() + WARMUP_MS;
  const end = measureFrom + args.seconds * 1000;
  let cpuStart = NaN;
  const cpuTimer = setTimeout(() => (cpuStart = usage(echo.pid).cpuUs), WARMUP_MS);
  await Promise.all(
    sockets.map(async (s, i) => {
      await sleep(Math.random() * interval);
      for (let n = 0; performance.now() < end; n += 1) {
        const t0 = performance.now();
        await s.timeout(5000).emitWithAck('decision.submit', {
          decision: 'note',
          option: 'again',
          rationale: `${i}:${n}`,
        });
        const rtt = performance.now() - t0;
        if (t0 >= measureFrom) rtts.push(rtt);
        await sleep(Math.max(0, interval - rtt));
      }
    }),
  );
  clearTimeout(cpuTimer);
  const cpuEnd = usage(echo.pid).cpuUs;
  for (const s of sockets) s.disconnect();
  return {
    echoRtt: { p50: percentile(rtts, 50), p99: percentile(rtts, 99) },
    echoCpuPerMessageUs: Math.round((cpuEnd - cpuStart) / Math.max(1, rtts.length)),
    echoMemPerClientKB: Math.round((mem.rssKB - before.rssKB) / clientsCount),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const work = mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-'));
  const catalogueDir = path.join(work, 'catalogue');
  const dataDir = path.join(work, 'data');
  for (const dir of [catalogueDir, dataDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(catalogueDir, 'bench-loop.yaml'), BENCH_SCENARIO);
  const log = (line: string) => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };

  let server: Child | undefined;
  let echo: Child | undefined;
  try {
    server = await startServer(root, dataDir, catalogueDir, args.server);
    const socketIoPath = require.resolve('socket.io', { paths: [path.join(root, 'apps/server')] });
    echo = await spawnChild(
      [
        '-e',
        ECHO_SOURCE.replace("require('socket.io')", `require(${JSON.stringify(socketIoPath)})`),
      ],
      process.env,
    );
    const admin = await login(server.url, 'bench', 'bench-password');
    const steps: StepResult[] = [];
    for (const n of args.steps) {
      const result = await runStep(server, admin.token, n, args);
      steps.push(result);
      log(
        `${n} trainees: decision p50 ${result.decisionRtt.p50} ms, p99 ${result.decisionRtt.p99} ms, ` +
          `broadcast p99 ${result.broadcastP99Ms} ms, ${result.cpuPerDecisionUs} µs CPU/decision, ${result.memPerTraineeKB} KB/trainee`,
      );
    }
    const reference = [...steps].reverse().find((s) => s.trainees <= 60) ?? steps[0];
    if (!reference) throw new Error('no steps');
    const echoResult = await runEcho(echo, reference.trainees, args);
    log(
      `echo at ${reference.trainees} clients: p50 ${echoResult.echoRtt.p50} ms, p99 ${echoResult.echoRtt.p99} ms`,
    );
    const under = steps.filter((s) => s.decisionRtt.p99 < 100).map((s) => s.trainees);
    const report = {
      trainees: reference.trainees,
      decisionRtt: reference.decisionRtt,
      echoRtt: echoResult.echoRtt,
      ratioP99: Math.round((reference.decisionRtt.p99 / echoResult.echoRtt.p99) * 100) / 100,
      broadcastP99Ms: reference.broadcastP99Ms,
      cpuPerDecisionUs: reference.cpuPerDecisionUs,
      echoCpuPerMessageUs: echoResult.echoCpuPerMessageUs,
      memPerTraineeKB: reference.memPerTraineeKB,
      echoMemPerClientKB: echoResult.echoMemPerClientKB,
      maxTraineesP99Under100ms: under.length > 0 ? Math.max(...under) : 0,
      ratePerTraineePerSecond: args.rate,
      secondsPerStep: args.seconds,
      cpus: os.cpus().length,
      steps,
    };
    process.stdout.write(`${JSON.stringify(report, null, args.json ? 0 : 2)}\n`);
  } finally {
    server?.process.kill('SIGTERM');
    echo?.process.kill('SIGTERM');
    await sleep(500);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
