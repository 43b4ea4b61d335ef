/**
 * Load benchmark: fleets of socket.io trainees against the real server, each fleet also against a
 * bare socket.io echo server, with the same client harness, in one run.
 *
 *   npm run bench -w @crossroads/server -- [--json] [--steps 50,100,200,500,1000] [--seconds 15]
 *     [--warmup 4] [--interval 3-5] [--team-size 5] [--teams 4] [--scenario reefer-horgos]
 *     [--time-ratio 10] [--server source|dist] [--max-minutes 10] [--cpu-prof DIR]
 *
 * Three child processes, so each is measured alone (Linux /proc): the server, the echo server, and
 * the client fleet (fleet.ts), which plays every trainee and facilitator. This process only
 * orchestrates and samples. Sessions are classes of `--teams` teams of `--team-size` trainees
 * (5: the four agencies of the flagship, one of them twice) and one facilitator; each step starts
 * fresh sessions of the flagship scenario, reefer-horgos, at the default time ratio, and every
 * trainee acts on its own role view once every 3-5 s (uniformly spread), see fleet.ts.
 *
 * Figures per step, over the measured window after a warm-up:
 * - decisionRtt: command → ack of accepted decisions, joint signatures and requests sent/answered;
 *   echoRtt: the same fleet, pace and payload against the echo server; ratioP99 = decision p99 /
 *   echo p99 (both at the same fleet size, in the same run);
 * - broadcastP99Ms: decision sent → the last session member allowed to see it received it;
 * - cpuPerDecisionUs: server CPU time in the window / trainee commands in the window (clock ticks,
 *   scores and the facilitators' commands included); echoCpuPerMessageUs likewise for the echo;
 * - memPerTraineeKB / echoMemPerClientKB: resident memory with the fleet connected, less the
 *   process's resident memory before the first fleet, per connected client (ended sessions are
 *   dropped from the server's memory once nobody is connected to them);
 * - maxTraineesP99Under100ms: the largest step whose decision p99 stayed under 100 ms.
 * The summary fields are those of the largest step.
 *
 * `--cpu-prof DIR` starts the server with node's --cpu-prof (profile written to
 * DIR/server.cpuprofile when it exits) and summarises self time by function and by package over
 * the measured windows only (setup and joins left out) in DIR/server-summary.txt and .json; the
 * report's `profile` field carries the top functions. Profiling slows the server: compare such
 * runs with each other, not with unprofiled ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FleetResult, RunSpec } from './fleet';
import { formatSummary, summariseFile } from './profile-summary';

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
  warmup: number;
  intervalMin: number;
  intervalMax: number;
  teamSize: number;
  teams: number;
  scenario: string;
  timeRatio: number | undefined;
  server: 'dist' | 'source';
  maxMinutes: number;
  cpuProf: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    steps: [50, 100, 200, 500, 1000],
    seconds: 15,
    warmup: 4,
    intervalMin: 3,
    intervalMax: 5,
    teamSize: 5,
    teams: 4,
    scenario: 'reefer-horgos',
    timeRatio: undefined,
    server: 'source',
    maxMinutes: 10,
    cpuProf: undefined,
  };
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
    else if (a === '--warmup') args.warmup = Number(next());
    else if (a === '--interval') {
      const [min, max] = next().split('-').map(Number);
      args.intervalMin = min ?? 3;
      args.intervalMax = max ?? min ?? 5;
    } else if (a === '--team-size') args.teamSize = Number(next());
    else if (a === '--teams') args.teams = Number(next());
    else if (a === '--scenario') args.scenario = next();
    else if (a === '--time-ratio') args.timeRatio = Number(next());
    else if (a === '--max-minutes') args.maxMinutes = Number(next());
    else if (a === '--cpu-prof') args.cpuProf = path.resolve(next());
    else if (a === '--server') {
      const mode = next();
      if (mode === 'dist' || mode === 'source') args.server = mode;
    }
  }
  return args;
}

const ROLES = ['border_police', 'prosecutor', 'social_work', 'cso_legal_aid'];
const ADMIN = { username: 'bench', password: 'bench-password' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? NaN) * 100) / 100;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

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
 * The real server, in its own process: the TypeScript sources through serve.ts (default, so the
 * bench measures the code as it is now), or the build (dist/index.js) with `--server dist`.
 */
async function startServer(
  root: string,
  dataDir: string,
  catalogueDir: string | undefined,
  mode: Args['server'],
  cpuProf: string | undefined,
): Promise<Child> {
  const built = path.join(root, 'apps/server/dist/index.js');
  const serve = process.env.CROSSROADS_BENCH_SERVE ?? path.join(root, 'apps/server/bench/serve.ts');
  const args =
    mode === 'dist'
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
  if (cpuProf) {
    extra.push('--cpu-prof', `--cpu-prof-dir=${cpuProf}`, `--cpu-prof-name=${PROFILE_NAME}`);
  }
  return spawnChild([...extra, ...args], {
    ...process.env,
    PORT: '0',
    // All interfaces, so clients can connect from several loopback addresses (one per session).
    HOST: '0.0.0.0',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, 'bench.sqlite'),
    CROSSROADS_CATALOGUE_DIR: catalogueDir ?? '',
    CROSSROADS_ADMIN_USERNAME: ADMIN.username,
    CROSSROADS_ADMIN_PASSWORD: ADMIN.password,
    CROSSROADS_DEMO: 'false',
    // The fleet opens thousands of sockets from few addresses on purpose.
    CROSSROADS_SOCKETS_PER_ADDRESS: '0',
  });
}

const PROFILE_NAME = 'server.cpuprofile';

/** Now on the clock of V8's CPU profiles (CLOCK_MONOTONIC, µs), the same in every process. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Resolves once the child has exited (at most `ms` later). */
function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
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
    socket.to(room).emit('session.update', {
      seq: 1, status: 'running',
      event: { seq: 1, at: new Date().toISOString(), time: 0, team: room, role: null, participant: null,
        type: 'decision.made', payload },
    });
  });
});
http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + http.address().port })));
`;

/** The client fleet: a child process with an IPC channel (see fleet.ts). */
class Fleet {
  private readonly child: ChildProcess;
  private onMark: (name: string) => void = () => undefined;
  private pending: { resolve: (r: FleetResult) => void; reject: (e: Error) => void } | null = null;

  constructor(root: string) {
    const compiled = path.join(__dirname, 'fleet.js');
    const args = existsSync(compiled)
      ? [compiled]
      : [
          '--conditions=@crossroads/source',
          '-r',
          path.join(root, 'apps/server/bench/register-ts.cjs'),
          path.join(root, 'apps/server/bench/fleet.ts'),
        ];
    this.child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on(
      'message',
      (msg: { type: string; name?: string; result?: FleetResult; message?: string }) => {
        if (msg.type === 'mark') {
          this.onMark(msg.name ?? '');
          this.child.send({ type: 'ack' });
        } else if (msg.type === 'result' && msg.result) {
          this.pending?.resolve(msg.result);
          this.pending = null;
        } else if (msg.type === 'error') {
          this.pending?.reject(new Error(msg.message));
          this.pending = null;
        }
      },
    );
    this.child.once('exit', (code) => {
      this.pending?.reject(new Error(`the client fleet exited with ${code}`));
      this.pending = null;
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  run(spec: RunSpec, onMark: (name: string) => void): Promise<FleetResult> {
    this.onMark = onMark;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send({ type: 'run', spec });
    });
  }

  close(): void {
    if (this.child.connected) this.child.send({ type: 'exit' });
    setTimeout(() => this.child.kill('SIGTERM'), 1000).unref();
  }
}

interface Sampled {
  result: FleetResult;
  cpuUs: number;
  fleetCpuUs: number;
  /** Resident memory before the clients connected and once they all had their first state. */
  setupRssKB: number;
  connectedRssKB: number;
  windowMs: number;
  /** The measured window on the profile clock (see monotonicUs). */
  windowUs: [number, number];
}

/** One fleet run against `target`, sampling its process at the fleet's marks. */
async function measure(fleet: Fleet, target: Child, spec: RunSpec): Promise<Sampled> {
  const marks = new Map<
    string,
    { cpuUs: number; rssKB: number; fleetCpuUs: number; at: number; monoUs: number }
  >();
  const result = await fleet.run(spec, (name) => {
    const u = usage(target.pid);
    marks.set(name, {
      ...u,
      fleetCpuUs: usage(fleet.pid).cpuUs,
      at: performance.now(),
      monoUs: monotonicUs(),
    });
  });
  const get = (name: string) => {
    const m = marks.get(name);
    if (!m) throw new Error(`the fleet did not report ${name}`);
    return m;
  };
  const start = get('measure-start');
  const end = get('measure-end');
  return {
    result,
    cpuUs: end.cpuUs - start.cpuUs,
    fleetCpuUs: end.fleetCpuUs - start.fleetCpuUs,
    setupRssKB: get('setup').rssKB,
    connectedRssKB: get('connected').rssKB,
    windowMs: end.at - start.at,
    windowUs: [start.monoUs, end.monoUs],
  };
}

function loadAverage(): number[] {
  return os.loadavg().map((n) => round(n));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const began = Date.now();
  const budgetMs = args.maxMinutes * 60_000;
  const root = repoRoot();
  const work = mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-'));
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir, { recursive: true });
  let catalogueDir: string | undefined;
  if (args.scenario === 'bench-loop') {
    catalogueDir = path.join(work, 'catalogue');
    mkdirSync(catalogueDir, { recursive: true });
    writeFileSync(path.join(catalogueDir, 'bench-loop.yaml'), BENCH_SCENARIO);
  }
  const log = (line: string) => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  // Whatever happens, stop in time (the fleet's own timeouts should make this unnecessary).
  const watchdog = setTimeout(() => {
    process.stderr.write('bench: over its time budget, stopping\n');
    process.exit(2);
  }, budgetMs + 60_000);
  watchdog.unref();

  let server: Child | undefined;
  let echo: Child | undefined;
  let fleet: Fleet | undefined;
  const loadBefore = loadAverage();
  try {
    if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
    server = await startServer(root, dataDir, catalogueDir, args.server, args.cpuProf);
    const socketIoPath = require.resolve('socket.io', { paths: [path.join(root, 'apps/server')] });
    echo = await spawnChild(
      [
        '-e',
        ECHO_SOURCE.replace("require('socket.io')", `require(${JSON.stringify(socketIoPath)})`),
      ],
      process.env,
    );
    fleet = new Fleet(root);
    const steps = [];
    const windows: [number, number][] = [];
    // Memory per client is measured against each server's resident size before the first fleet
    // (growth between two marks of one step is blurred by the collection of the previous step).
    let serverBaseKB: number | undefined;
    let echoBaseKB: number | undefined;
    for (const trainees of args.steps) {
      const stepStarted = Date.now();
      const spec: RunSpec = {
        target: 'server',
        url: server.url.replace('localhost', '127.0.0.1'),
        trainees,
        teamSize: args.teamSize,
        teamsPerSession: args.teams,
        scenario: args.scenario,
        roles: ROLES,
        ...(args.timeRatio !== undefined ? { timeRatio: args.timeRatio } : {}),
        warmupMs: args.warmup * 1000,
        measureMs: args.seconds * 1000,
        intervalMinMs: args.intervalMin * 1000,
        intervalMaxMs: args.intervalMax * 1000,
        admin: ADMIN,
      };
      const real = await measure(fleet, server, spec);
      windows.push(real.windowUs);
      const base = await measure(fleet, echo, { ...spec, target: 'echo', url: echo.url });
      const r = real.result;
      const commands = Math.max(1, r.commands);
      serverBaseKB ??= real.setupRssKB;
      echoBaseKB ??= base.setupRssKB;
      const step = {
        trainees,
        sessions: r.sessions,
        teams: r.teams,
        decisions: r.decisionRtts.length,
        decisionRtt: { p50: percentile(r.decisionRtts, 50), p99: percentile(r.decisionRtts, 99) },
        echoRtt: {
          p50: percentile(base.result.decisionRtts, 50),
          p99: percentile(base.result.decisionRtts, 99),
        },
        ratioP99: round(percentile(r.decisionRtts, 99) / percentile(base.result.decisionRtts, 99)),
        chatRtt: { p50: percentile(r.chatRtts, 50), p99: percentile(r.chatRtts, 99) },
        broadcastP99Ms: percentile(r.broadcast, 99),
        echoBroadcastP99Ms: percentile(base.result.broadcast, 99),
        commandsPerSecond: round(r.commands / (real.windowMs / 1000), 1),
        updatesPerCommand: round(r.updatesReceived / commands),
        viewsPerCommand: round(r.viewsReceived / commands),
        cpuPerDecisionUs: Math.round(real.cpuUs / commands),
        echoCpuPerMessageUs: Math.round(base.cpuUs / Math.max(1, base.result.commands)),
        serverCpuPercent: round((real.cpuUs / 1000 / real.windowMs) * 100, 1),
        fleetCpuPercent: round((real.fleetCpuUs / 1000 / real.windowMs) * 100, 1),
        memPerTraineeKB: Math.round((real.connectedRssKB - serverBaseKB) / trainees),
        echoMemPerClientKB: Math.round((base.connectedRssKB - echoBaseKB) / trainees),
        serverRssMB: round(real.connectedRssKB / 1024, 1),
        byKind: r.byKind,
        rejected: r.rejected,
        timeouts: r.timeouts + base.result.timeouts,
        seconds: round((Date.now() - stepStarted) / 1000, 1),
      };
      steps.push(step);
      log(
        `${trainees} trainees: decision p50 ${step.decisionRtt.p50} / p99 ${step.decisionRtt.p99} ms, ` +
          `echo p50 ${step.echoRtt.p50} / p99 ${step.echoRtt.p99} ms, ratio ${step.ratioP99}, ` +
          `broadcast p99 ${step.broadcastP99Ms} ms, ${step.cpuPerDecisionUs} µs CPU/command, ` +
          `server ${step.serverCpuPercent}% CPU, fleet ${step.fleetCpuPercent}% CPU (${step.seconds} s)`,
      );
      const elapsed = Date.now() - began;
      const perTrainee = (Date.now() - stepStarted) / trainees;
      const nextSize = args.steps[args.steps.indexOf(trainees) + 1];
      if (nextSize !== undefined && elapsed + perTrainee * nextSize * 1.2 > budgetMs) {
        log(`stopping before ${nextSize} trainees: the time budget would be exceeded`);
        break;
      }
    }
    const reference = steps[steps.length - 1];
    if (!reference) throw new Error('no steps');
    const under = steps.filter((s) => s.decisionRtt.p99 < 100).map((s) => s.trainees);
    const report = {
      trainees: reference.trainees,
      decisionRtt: reference.decisionRtt,
      echoRtt: reference.echoRtt,
      ratioP99: reference.ratioP99,
      broadcastP99Ms: reference.broadcastP99Ms,
      cpuPerDecisionUs: reference.cpuPerDecisionUs,
      echoCpuPerMessageUs: reference.echoCpuPerMessageUs,
      memPerTraineeKB: reference.memPerTraineeKB,
      echoMemPerClientKB: reference.echoMemPerClientKB,
      maxTraineesP99Under100ms: under.length > 0 ? Math.max(...under) : 0,
      scenario: args.scenario,
      teamSize: args.teamSize,
      teamsPerSession: args.teams,
      timeRatio: args.timeRatio ?? 'default',
      intervalSeconds: [args.intervalMin, args.intervalMax],
      secondsPerStep: { warmup: args.warmup, measured: args.seconds },
      processes: {
        server: `child process (${args.server === 'dist' ? 'dist build' : 'TS sources via swc'})`,
        echo: 'child process',
        fleet: 'child process (every trainee and facilitator socket)',
        orchestrator: 'this process (samples /proc only)',
      },
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: loadAverage() },
      totalSeconds: round((Date.now() - began) / 1000, 1),
      steps,
    };
    if (args.cpuProf) {
      // The profile is written when the server exits (gracefully: SIGTERM → process.exit).
      fleet.close();
      server.process.kill('SIGTERM');
      if (!(await exited(server.process, 120_000))) throw new Error('the server did not exit');
      const file = path.join(args.cpuProf, PROFILE_NAME);
      const summary = summariseFile(file, { top: 40, windows });
      writeFileSync(path.join(args.cpuProf, 'server-summary.json'), JSON.stringify(summary));
      writeFileSync(path.join(args.cpuProf, 'server-summary.txt'), `${formatSummary(summary)}\n`);
      log(formatSummary({ ...summary, functions: summary.functions.slice(0, 25) }));
      Object.assign(report, {
        profile: {
          file,
          summary: path.join(args.cpuProf, 'server-summary.txt'),
          measuredMs: summary.sampledMs,
          busyMs: summary.busyMs,
          places: summary.places.slice(0, 10),
          functions: summary.functions.slice(0, 15),
        },
      });
    }
    process.stdout.write(`${JSON.stringify(report, null, args.json ? 0 : 2)}\n`);
  } finally {
    fleet?.close();
    server?.process.kill('SIGTERM');
    echo?.process.kill('SIGTERM');
    await sleep(500);
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
