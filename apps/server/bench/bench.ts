/**
 * Load benchmark: fleets of socket.io trainees against the real server, each fleet also against a
 * bare socket.io echo server, with the same client harness, in one run.
 *
 *   npm run bench -w @crossroads/server -- [--json] [--steps 50,100,200,500,1000] [--seconds 15]
 *     [--warmup 4] [--interval 3-5] [--team-size 5] [--teams 4] [--scenario reefer-horgos]
 *     [--time-ratio 10] [--server source|dist] [--max-minutes 10] [--cpu-prof DIR]
 *     [--db sqlite|postgres] [--database-url postgres://postgres@127.0.0.1:5432/test]
 *     [--nodes 1] [--redis-url redis://127.0.0.1:6379] [--live-heap]
 *
 * The server runs with the node flags `npm start` gives it (SERVER_NODE_FLAGS: none, node's defaults,
 * see scripts/start.mjs), then those of CROSSROADS_BENCH_NODE_ARGS, which win over them.
 *
 * Child processes, so each is measured alone (Linux /proc): the server(s), the echo server, and
 * the client fleet (fleet.ts), which plays every trainee and facilitator. This process only
 * orchestrates, samples and reads the event log back. Sessions are classes of `--teams` teams of
 * `--team-size` trainees (5: the four agencies of the flagship, one of them twice) and one
 * facilitator; each step starts fresh sessions of the flagship scenario, reefer-horgos, at the
 * default time ratio, and every trainee acts on its own role view once every 3-5 s (uniformly
 * spread), see fleet.ts.
 *
 * Database and processes:
 * - `--db sqlite` (default): a fresh SQLite file in a temporary folder. `--db postgres`: a schema
 *   of its own in the database of `--database-url` (created at start, the servers' search path,
 *   dropped with everything in it at the end, as the PostgreSQL tests do), so runs on one database
 *   never see each other's data; the bench stops at once, saying so, when PostgreSQL does not
 *   answer.
 * - `--nodes N` starts N server processes (N > 1 needs `--db postgres` and Redis at `--redis-url`):
 *   NODE_ID bench-1..N, one fresh CROSSROADS_REDIS_PREFIX for the run (its keys deleted at the end),
 *   as in README "Deployment". The fleet logs in and creates the sessions on the first and spreads
 *   its clients round robin per client (facilitators, then trainees in seat order), so a session's
 *   members sit on different processes and commands reach the session's owner through another. The
 *   echo baseline stays one process.
 *
 * Figures per step, over the measured window after a warm-up. Server CPU and memory are the sums
 * over the server processes (`processes.serverFigures` says so; `perNode` gives each one's clients,
 * CPU, share of the CPU, resident memory and growth per client):
 * - decisionRtt: command → ack of accepted decisions, joint signatures and requests sent/answered;
 *   echoRtt: the same fleet, pace and payload against the echo server; ratioP99 = decision p99 /
 *   echo p99 (both at the same fleet size, in the same run);
 * - broadcastP99Ms: decision sent → the last session member allowed to see it received it;
 * - cpuPerDecisionUs: server CPU time in the window / trainee commands of the window the server
 *   processed (`processedCommands`): those acked, accepted or rejected, plus those that timed out at
 *   the client (10 s) but are in the event log all the same. A timed-out command the log lacks
 *   counts as not processed (rejected late, or never reached): its CPU, if any, stays in the
 *   numerator. Clock ticks, scores and the facilitators' commands are in the CPU, not the count;
 *   `timeouts` counts the server's timed-out commands, `timedOutApplied` those the log has,
 *   `echoTimeouts` the echo's. echoCpuPerMessageUs: echo CPU / echo messages acked;
 * - memPerTraineeKB / echoMemPerClientKB: resident memory with the fleet connected, less the
 *   processes' resident memory before the first fleet, per trainee (ended sessions are dropped from
 *   the server's memory once nobody is connected to them); memPerTraineeByStageKB: that growth
 *   split at the fleet's mark between the joins and the connections, per trainee: `join` up to the
 *   end of the trainees' REST joins, `connect` while they connected their sockets and got their
 *   first state (the echo's clients only connect, so echoMemPerClientKB compares with `connect`);
 * - `--live-heap` adds liveHeapPerTraineeKB / echoLiveHeapPerClientKB: what the processes' objects
 *   hold per trainee, without the collector's headroom and uncollected garbage that resident memory
 *   also counts. The server(s) and the echo server then run with --expose-gc and the probe (see
 *   server-probe.ts), which at the setup and connected marks (after the resident sizes were read,
 *   while the fleet waits) collects garbage fully and reports the V8 heap in use plus external
 *   memory; the figure is the growth between the two marks per trainee. The forced collections
 *   change the heap the measured window starts with: compare such runs' other figures with each
 *   other, not with runs without it;
 * - lostAcked / duplicatedAcked (both must be 0): after each step, every command the fleet saw
 *   acked `accepted` (warm-up, facilitators and session start/end included, `ackedCommands`) is
 *   looked up in the database's event log. The ack carries the seq of the command's last event, and
 *   the server stores the client's commandId on that event (UNIQUE per session); the events of one
 *   command are appended in one transaction, so the last one present means all are. Lost: no event
 *   with the command's id at the acked seq. A trainee's decision and chat line also carry a tag of
 *   their own (`b:<trainee>:<n>`, in the rationale or the text); for those the tagged event must be
 *   there once, which catches a command applied twice under another id as well. Duplicated: the id
 *   on more than one event, or the tag in more than one event.
 * - maxTraineesP99Under100ms: the largest step whose decision p99 stayed under 100 ms.
 * - where a round trip's tail comes from, over the same window (loop-probe.ts):
 *   serverLoopDelayP99Ms / serverLoopDelayMaxMs: how late the server's event loop ran a timer
 *   (perf_hooks monitorEventLoopDelay, sampled every 10 ms, the 10 ms taken off), p99 of the
 *   samples and the longest: a command arriving during a stall waits for it, so a max near the
 *   decision p99 says the server's own long tasks make the tail; p99 undercounts long stalls (one
 *   sample per stall). serverGcPauseMs: the collector's pauses of the server's main thread
 *   (PerformanceObserver 'gc'): total, max, count, and the totals of scavenges (`minor`) and of
 *   mark-compact with its incremental steps (`major`). fleetLoopDelayP99Ms /
 *   fleetLoopDelayMaxMs / fleetGcPauseMs: the same in the fleet, which times every round trip on
 *   its one loop: a busy fleet adds its own delay to them (the echo's round trips too). With
 *   several nodes, the server figures are the worst node's delays and the summed pauses (`perNode`
 *   has each one's). serverRunQueueWaitPercent / fleetRunQueueWaitPercent: the share of the
 *   window the main thread was ready to run but waited for a CPU (/proc/PID/schedstat; the worst
 *   server): what other processes on the machine (the fleet, the echo, anything else running)
 *   took from it; high values make every other figure a measure of the machine, not the code.
 *   The server side is measured by server-probe.ts, which the bench preloads
 *   into its server processes (`node -r`) and asks over their stdin: the server's code has no
 *   measuring hook, and a server started otherwise runs without it. null: a probe did not answer.
 * The summary fields are those of the largest step, except ackedCommands, lostAcked,
 * duplicatedAcked and timeouts: sums over every step.
 *
 * `--cpu-prof DIR` starts the server (with `--nodes N`, the first of them, bench-1) with node's
 * --cpu-prof (profile written to DIR/server.cpuprofile when it exits) and summarises self time by
 * function and by package over the measured windows only (setup and joins left out) in
 * DIR/server-summary.txt and .json; the report's `profile` field carries the top functions and the
 * long tasks (runs of 50 ms or more busy without a break, and what was on the stack in them: the
 * server's share of the tail).
 * Profiling slows the server: compare such runs with each other, not with unprofiled ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { createClient as createRedisClient } from 'redis';
import type { AckedCommand, FleetResult, RunSpec } from './fleet';
import type { LoopFigures } from './loop-probe';
import type { HeapFigures } from './server-probe';
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
  liveHeap: boolean;
  db: 'sqlite' | 'postgres';
  nodes: number;
  databaseUrl: string;
  redisUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** A usage error: printed as it is, without a stack. */
class BenchUsageError extends Error {}

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
    liveHeap: false,
    db: 'sqlite',
    nodes: 1,
    databaseUrl: DEFAULT_DATABASE_URL,
    redisUrl: DEFAULT_REDIS_URL,
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
    else if (a === '--live-heap') args.liveHeap = true;
    else if (a === '--server') {
      const mode = next();
      if (mode === 'dist' || mode === 'source') args.server = mode;
    } else if (a === '--db') {
      const db = next();
      if (db !== 'sqlite' && db !== 'postgres') {
        throw new BenchUsageError(`--db must be sqlite or postgres, not ${JSON.stringify(db)}`);
      }
      args.db = db;
    } else if (a === '--nodes') {
      args.nodes = Number(next());
      if (!Number.isInteger(args.nodes) || args.nodes < 1) {
        throw new BenchUsageError('--nodes must be a whole number, 1 or more');
      }
    } else if (a === '--database-url') args.databaseUrl = next();
    else if (a === '--redis-url') args.redisUrl = next();
  }
  if (args.nodes > 1 && args.db !== 'postgres') {
    throw new BenchUsageError(
      '--nodes above 1 needs --db postgres (the processes share one PostgreSQL database and Redis)',
    );
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

interface Usage {
  cpuUs: number;
  rssKB: number;
  /**
   * Time the process's main thread (its JavaScript) was ready to run but waited for a CPU (µs,
   * /proc/PID/schedstat; NaN without schedstats): what other processes on the machine cost it.
   */
  waitUs: number;
}

/** CPU time, resident memory and run-queue wait of a process, from /proc (Linux). */
function usage(pid: number): Usage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  let waitUs = NaN;
  try {
    waitUs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1000;
  } catch {
    // No schedstats in this kernel: the figure stays NaN (null in the report).
  }
  return { cpuUs: (ticks * 1e6) / 100, rssKB: rss, waitUs };
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
  /** The server's loop probe (server-probe.ts), for the servers only. */
  probe?: ProbeClient;
}

/** Talks to a child's server-probe.ts over its stdin and stdout. */
class ProbeClient {
  private readonly waiting = new Map<number, (answer: ProbeAnswer) => void>();
  private next = 0;

  constructor(private readonly child: ChildProcess) {}

  /** A line of the child's stdout: an answer of the probe, or something else. */
  line(text: string): void {
    if (!text.startsWith('{"probe":')) return;
    const answer = (JSON.parse(text) as { probe: ProbeAnswer & { id: number } }).probe;
    this.waiting.get(answer.id)?.(answer);
    this.waiting.delete(answer.id);
  }

  reset(): void {
    this.child.stdin?.write('reset\n');
  }

  /** The figures since reset(); undefined when the server does not answer within 10 s. */
  async report(): Promise<LoopFigures | undefined> {
    return (await this.ask('report'))?.figures;
  }

  /** The live heap after full collections (`--live-heap` runs only: needs --expose-gc). */
  async heap(): Promise<HeapFigures | undefined> {
    return (await this.ask('heap'))?.heap ?? undefined;
  }

  private ask(command: string): Promise<ProbeAnswer | undefined> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, 10_000);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.child.stdin?.write(`${command} ${id}\n`);
    });
  }
}

interface ProbeAnswer {
  figures?: LoopFigures;
  /** null: the process runs without --expose-gc. */
  heap?: HeapFigures | null;
}

function spawnChild(args: string[], env: NodeJS.ProcessEnv, probed = false): Promise<Child> {
  const child = spawn(process.execPath, args, {
    env,
    stdio: [probed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const probe = probed ? new ProbeClient(child) : undefined;
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error(`child did not start:\n${stderr}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        probe?.line(line);
        const match = started ? null : /"url":"([^"]+)"/.exec(line);
        if (match?.[1]) {
          started = true;
          clearTimeout(timer);
          resolve({
            process: child,
            url: match[1],
            pid: child.pid ?? 0,
            ...(probe ? { probe } : {}),
          });
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
  /** The database (DATABASE_PATH or DATABASE_URL) and, with several nodes, NODE_ID and Redis. */
  backend: Record<string, string>,
  liveHeap: boolean,
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
  // Node flags as `npm start` gives them (scripts/start.mjs), then CROSSROADS_BENCH_NODE_ARGS, whose
  // V8 flags win over these (the last of a flag counts).
  const extra = [
    ...SERVER_NODE_FLAGS,
    ...(process.env.CROSSROADS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  if (cpuProf) {
    extra.push('--cpu-prof', `--cpu-prof-dir=${cpuProf}`, `--cpu-prof-name=${PROFILE_NAME}`);
  }
  return spawnChild(
    [...extra, ...probeArgs(root, liveHeap), ...args],
    {
      ...process.env,
      PORT: '0',
      // All interfaces, so clients can connect from several loopback addresses (one per session).
      HOST: '0.0.0.0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...backend,
      CROSSROADS_CATALOGUE_DIR: catalogueDir ?? '',
      CROSSROADS_ADMIN_USERNAME: ADMIN.username,
      CROSSROADS_ADMIN_PASSWORD: ADMIN.password,
      CROSSROADS_DEMO: 'false',
      // The fleet opens thousands of sockets from few addresses on purpose.
      CROSSROADS_SOCKETS_PER_ADDRESS: '0',
    },
    true,
  );
}

const PROFILE_NAME = 'server.cpuprofile';

/**
 * Node arguments that preload the probe (server-probe.ts: compiled next to this file, or its
 * TypeScript through swc); with `liveHeap`, also --expose-gc, for its `heap` answers.
 */
function probeArgs(root: string, liveHeap: boolean): string[] {
  const compiledProbe = path.join(__dirname, 'server-probe.js');
  const preload = existsSync(compiledProbe)
    ? ['-r', compiledProbe]
    : [
        '-r',
        path.join(root, 'apps/server/bench/register-ts.cjs'),
        '-r',
        path.join(root, 'apps/server/bench/server-probe.ts'),
      ];
  return liveHeap ? ['--expose-gc', ...preload] : preload;
}

/**
 * The node flags the server runs with in production (scripts/start.mjs, README "Deployment"):
 * none today, node's defaults, as the echo server has.
 */
const SERVER_NODE_FLAGS: readonly string[] = [];

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
  private onMark: (name: string) => void | Promise<void> = () => undefined;
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
          // The fleet waits for the ack, so what the mark asks of the targets happens in between.
          void Promise.resolve(this.onMark(msg.name ?? '')).then(() =>
            this.child.send({ type: 'ack' }),
          );
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

  run(spec: RunSpec, onMark: (name: string) => void | Promise<void>): Promise<FleetResult> {
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

/** CPU and memory of one target process over a fleet run. */
interface ProcessSample {
  cpuUs: number;
  /**
   * Resident memory before the trainees joined, once they had joined over REST (before they
   * connected; the echo's clients do not join) and once they all had their first state.
   */
  setupRssKB: number;
  joinedRssKB: number;
  connectedRssKB: number;
  /** Run-queue wait of the main thread over the window, see Usage. */
  waitUs: number;
  /** The process's loop delay and GC pauses over the window (servers only, see server-probe.ts). */
  loop?: LoopFigures | undefined;
  /** `--live-heap`: live heap and external memory (KB) at the setup and connected marks. */
  setupLiveKB?: number | undefined;
  connectedLiveKB?: number | undefined;
}

interface Sampled extends ProcessSample {
  result: FleetResult;
  /** Per target process, in order; the fields above are their sums. */
  perProcess: ProcessSample[];
  fleetCpuUs: number;
  fleetWaitUs: number;
  windowMs: number;
  /** The measured window on the profile clock (see monotonicUs). */
  windowUs: [number, number];
}

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** µs as a percentage of a window in ms; null when unknown (no schedstats). */
const percentOf = (us: number, windowMs: number) =>
  Number.isFinite(us) ? round((us / 1000 / windowMs) * 100, 1) : null;

/**
 * The servers' loop figures as one (see the header): the worst process's delays, GC pauses summed
 * (max: the longest anywhere); null when a server's probe did not answer.
 */
function serversLoop(samples: ProcessSample[]) {
  const loops = samples.map((s) => s.loop);
  if (loops.length === 0 || loops.some((l) => l === undefined)) return null;
  const all = loops as LoopFigures[];
  const worst = (f: (l: LoopFigures) => number) => Math.max(...all.map(f));
  const total = (f: (l: LoopFigures) => number) => round(sumOf(all.map(f)));
  return {
    loopDelayP99Ms: worst((l) => l.loopDelayP99Ms),
    loopDelayMaxMs: worst((l) => l.loopDelayMaxMs),
    gcPauseMs: {
      total: total((l) => l.gcPauseMs.total),
      max: worst((l) => l.gcPauseMs.max),
      count: total((l) => l.gcPauseMs.count),
      minor: total((l) => l.gcPauseMs.minor),
      major: total((l) => l.gcPauseMs.major),
    },
  };
}

/** One fleet run against `targets`, sampling each of their processes at the fleet's marks. */
async function measure(
  fleet: Fleet,
  targets: Child[],
  spec: RunSpec,
  liveHeap = false,
): Promise<Sampled> {
  const marks = new Map<string, { usage: Usage[]; fleet: Usage; at: number; monoUs: number }>();
  const live = new Map<string, (HeapFigures | undefined)[]>();
  let reports: Promise<LoopFigures | undefined>[] = [];
  const result = await fleet.run(spec, async (name) => {
    if (name === 'measure-start') for (const t of targets) t.probe?.reset();
    if (name === 'measure-end') {
      reports = targets.map((t) => t.probe?.report() ?? Promise.resolve(undefined));
    }
    marks.set(name, {
      usage: targets.map((t) => usage(t.pid)),
      fleet: usage(fleet.pid),
      at: performance.now(),
      monoUs: monotonicUs(),
    });
    // After the resident sizes were read: the forced collections must not change them.
    if (liveHeap && (name === 'setup' || name === 'connected')) {
      live.set(name, await Promise.all(targets.map((t) => t.probe?.heap())));
    }
  });
  const get = (name: string) => {
    const m = marks.get(name);
    if (!m) throw new Error(`the fleet did not report ${name}`);
    return m;
  };
  const start = get('measure-start');
  const end = get('measure-end');
  const at = (name: string, i: number) =>
    get(name).usage[i] ?? { cpuUs: NaN, rssKB: NaN, waitUs: NaN };
  const loops = await Promise.all(reports);
  const perProcess = targets.map((_, i) => ({
    cpuUs: at('measure-end', i).cpuUs - at('measure-start', i).cpuUs,
    setupRssKB: at('setup', i).rssKB,
    joinedRssKB: at('joined', i).rssKB,
    connectedRssKB: at('connected', i).rssKB,
    waitUs: at('measure-end', i).waitUs - at('measure-start', i).waitUs,
    loop: loops[i],
    setupLiveKB: liveKB(live.get('setup')?.[i]),
    connectedLiveKB: liveKB(live.get('connected')?.[i]),
  }));
  return {
    result,
    perProcess,
    cpuUs: sumOf(perProcess.map((p) => p.cpuUs)),
    setupRssKB: sumOf(perProcess.map((p) => p.setupRssKB)),
    joinedRssKB: sumOf(perProcess.map((p) => p.joinedRssKB)),
    connectedRssKB: sumOf(perProcess.map((p) => p.connectedRssKB)),
    waitUs: sumOf(perProcess.map((p) => p.waitUs)),
    fleetCpuUs: end.fleet.cpuUs - start.fleet.cpuUs,
    fleetWaitUs: end.fleet.waitUs - start.fleet.waitUs,
    windowMs: end.at - start.at,
    windowUs: [start.monoUs, end.monoUs],
  };
}

const liveKB = (heap: HeapFigures | undefined) =>
  heap === undefined ? undefined : heap.usedKB + heap.externalKB;

/** Growth of the live heap between two marks per client, KB; null when a probe did not answer. */
function livePerClient(samples: ProcessSample[], clients: number): number | null {
  let total = 0;
  for (const s of samples) {
    if (s.setupLiveKB === undefined || s.connectedLiveKB === undefined) return null;
    total += s.connectedLiveKB - s.setupLiveKB;
  }
  return Math.round(total / Math.max(1, clients));
}

/** `host:port` of a service URL, for messages (never the credentials). */
function hostPort(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || '127.0.0.1'}:${parsed.port || defaultPort}`;
  } catch {
    return 'an unparsable URL';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message || String(code);
  }
  return String(error);
}

/** One row of the events table, as the ack check reads it. */
interface EventRow {
  session_id: string;
  seq: number;
  command_id: string | null;
  type: string;
  payload: string;
}

/** Where the servers keep their data, and how the bench reads their event log back. */
interface Database {
  kind: Args['db'];
  /** The environment that points a server at it. */
  env: Record<string, string>;
  /** Every event of these sessions. */
  events(sessions: string[]): Promise<EventRow[]>;
  /** Removes what the run left (after the servers are gone). */
  drop(): Promise<void>;
}

/** The little of better-sqlite3 used here (read-only reads of what the server wrote). */
interface SqliteDb {
  prepare(sql: string): { all(...p: unknown[]): unknown[] };
  close(): void;
}

function sqliteDatabase(file: string): Database {
  let db: SqliteDb | undefined;
  return {
    kind: 'sqlite',
    env: { DATABASE_PATH: file },
    events(sessions) {
      if (!db) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CJS package, typed by SqliteDb
        const Sqlite = require('better-sqlite3') as new (
          f: string,
          o: { readonly: boolean },
        ) => SqliteDb;
        db = new Sqlite(file, { readonly: true });
      }
      const statement = db.prepare(
        `SELECT session_id, seq, command_id, type, payload FROM events WHERE session_id IN (${sessions.map(() => '?').join(', ')})`,
      );
      return Promise.resolve(
        sessions.length === 0 ? [] : (statement.all(...sessions) as EventRow[]),
      );
    },
    drop() {
      db?.close();
      db = undefined;
      return Promise.resolve();
    },
  };
}

/**
 * A PostgreSQL schema of its own for this run, in the database of `url`, the way the PostgreSQL
 * tests get theirs (apps/server/test/postgres/test-schema.ts): runs on one database never see
 * each other's data. The servers' URL sets the schema as their search path (the migrations name
 * their tables unqualified); dropped with everything in it by drop().
 */
async function postgresDatabase(url: string): Promise<Database> {
  const client = new PgClient({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BenchUsageError(
      `--db postgres: PostgreSQL is not reachable at ${hostPort(url, 5432)} (${reasonOf(error)}). ` +
        'Start it (`pg_ctlcluster <version> main start`), or point --database-url at a server and ' +
        'database where the bench may create a schema.',
    );
  }
  const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const quoted = `"${schema}"`;
  await client.query(`CREATE SCHEMA ${quoted}`);
  const serverUrl = new URL(url);
  serverUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: serverUrl.toString() },
    async events(sessions) {
      const rows = await client.query<EventRow>(
        `SELECT session_id, seq, command_id, type, payload FROM ${quoted}.events WHERE session_id = ANY($1)`,
        [sessions],
      );
      return rows.rows;
    },
    async drop() {
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

/**
 * Redis for several nodes: checked before any server starts, a key prefix of its own for this
 * run (as tests/redis does), and that prefix's keys deleted at the end.
 */
async function redisForRun(url: string): Promise<{ prefix: string; drop(): Promise<void> }> {
  const client = createRedisClient({
    url,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  // Errors surface through the awaited calls; without a listener node-redis would throw them.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.destroy();
    throw new BenchUsageError(
      `--nodes: Redis is not reachable at ${hostPort(url, 6379)} (${reasonOf(error)}). Start it ` +
        '(`redis-server --daemonize yes --save "" --appendonly no`), or point --redis-url at one.',
    );
  }
  const prefix = `crossroads-bench:${process.pid}:${randomBytes(4).toString('hex')}:`;
  return {
    prefix,
    async drop() {
      try {
        const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
        for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 100 })) {
          if (keys.length > 0) await client.del(keys);
        }
      } finally {
        client.destroy();
      }
    },
  };
}

/** What the event log says about the commands a step's fleet saw acked, see the header. */
interface AckCheck {
  acked: number;
  lostAcked: number;
  duplicatedAcked: number;
  /** Trainee commands of the window that timed out, and those of them the log has anyway. */
  timedOutApplied: number;
}

/** The tag of a tagged event (a trainee's decision rationale or chat line), see fleet.ts. */
function eventTag(row: EventRow): string | undefined {
  if (row.type !== 'decision.made' && row.type !== 'chat.message') return undefined;
  const payload = JSON.parse(row.payload) as { rationale?: unknown; text?: unknown };
  const text = row.type === 'decision.made' ? payload.rationale : payload.text;
  return typeof text === 'string' ? /b:\d+:\d+/.exec(text)?.[0] : undefined;
}

async function checkAcks(db: Database, result: FleetResult): Promise<AckCheck> {
  const sessions = [...new Set([...result.acked, ...result.timedOut].map((c) => c.session))];
  const rows = await db.events(sessions);
  const byCommand = new Map<string, number[]>();
  const tags = new Map<string, number>();
  for (const row of rows) {
    if (row.command_id !== null) {
      const key = `${row.session_id} ${row.command_id}`;
      byCommand.set(key, [...(byCommand.get(key) ?? []), Number(row.seq)]);
    }
    const tag = eventTag(row);
    if (tag !== undefined) {
      const key = `${row.session_id} ${tag}`;
      tags.set(key, (tags.get(key) ?? 0) + 1);
    }
  }
  let lostAcked = 0;
  let duplicatedAcked = 0;
  for (const c of result.acked as AckedCommand[]) {
    const seqs = byCommand.get(`${c.session} ${c.commandId}`) ?? [];
    const tagged = c.tag === undefined ? 1 : (tags.get(`${c.session} ${c.tag}`) ?? 0);
    if (!seqs.includes(c.seq) || tagged === 0) lostAcked += 1;
    else if (seqs.length > 1 || tagged > 1) duplicatedAcked += 1;
  }
  const timedOutApplied = result.timedOut.filter((c) =>
    byCommand.has(`${c.session} ${c.commandId}`),
  ).length;
  return { acked: result.acked.length, lostAcked, duplicatedAcked, timedOutApplied };
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

  const servers: Child[] = [];
  let echo: Child | undefined;
  let fleet: Fleet | undefined;
  let db: Database | undefined;
  let redis: Awaited<ReturnType<typeof redisForRun>> | undefined;
  const loadBefore = loadAverage();
  try {
    if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
    db =
      args.db === 'postgres'
        ? await postgresDatabase(args.databaseUrl)
        : sqliteDatabase(path.join(dataDir, 'bench.sqlite'));
    if (args.nodes > 1) redis = await redisForRun(args.redisUrl);
    const nodeIds = Array.from({ length: args.nodes }, (_, i) => `bench-${i + 1}`);
    const backend = (nodeId: string): Record<string, string> => ({
      ...(db?.env ?? {}),
      ...(redis
        ? { NODE_ID: nodeId, REDIS_URL: args.redisUrl, CROSSROADS_REDIS_PREFIX: redis.prefix }
        : {}),
    });
    // One profile file per directory: with several nodes, the first one is profiled.
    const start = (nodeId: string) =>
      startServer(
        root,
        dataDir,
        catalogueDir,
        args.server,
        nodeId === nodeIds[0] ? args.cpuProf : undefined,
        backend(nodeId),
        args.liveHeap,
      );
    // The first alone (it migrates the database and creates the admin account), then the others.
    const [first, ...others] = nodeIds;
    servers.push(await start(first ?? 'bench-1'));
    servers.push(...(await Promise.all(others.map(start))));
    const socketIoPath = require.resolve('socket.io', { paths: [path.join(root, 'apps/server')] });
    echo = await spawnChild(
      [
        // With --live-heap the echo gets the probe too, for the same live-heap figure.
        ...(args.liveHeap ? probeArgs(root, true) : []),
        '-e',
        ECHO_SOURCE.replace("require('socket.io')", `require(${JSON.stringify(socketIoPath)})`),
      ],
      process.env,
      args.liveHeap,
    );
    fleet = new Fleet(root);
    const steps = [];
    const windows: [number, number][] = [];
    // Memory per client is measured against each server's resident size before the first fleet
    // (growth between two marks of one step is blurred by the collection of the previous step).
    let serverBaseKB: number[] | undefined;
    let echoBaseKB: number | undefined;
    const urls = servers.map((s) => s.url.replace('localhost', '127.0.0.1'));
    for (const trainees of args.steps) {
      const stepStarted = Date.now();
      const spec: RunSpec = {
        target: 'server',
        url: urls[0] ?? '',
        urls,
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
      const real = await measure(fleet, servers, spec, args.liveHeap);
      windows.push(real.windowUs);
      const acks = await checkAcks(db, real.result);
      const base = await measure(
        fleet,
        [echo],
        {
          ...spec,
          target: 'echo',
          url: echo.url,
          urls: [echo.url],
        },
        args.liveHeap,
      );
      const r = real.result;
      const commands = Math.max(1, r.commands);
      // What the server processed of the trainees' commands in the window: every ack (accepted or
      // rejected) and the timed-out commands the log has anyway, see the header.
      const processed = r.commands + acks.timedOutApplied;
      serverBaseKB ??= real.perProcess.map((p) => p.setupRssKB);
      echoBaseKB ??= base.setupRssKB;
      const baseKB = sumOf(serverBaseKB);
      const serverLoop = serversLoop(real.perProcess);
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
        processedCommands: processed,
        updatesPerCommand: round(r.updatesReceived / commands),
        viewsPerCommand: round(r.viewsReceived / commands),
        rescoredPerCommand: round(r.rescoredReceived / commands),
        cardMismatches: r.cardMismatches,
        cpuPerDecisionUs: Math.round(real.cpuUs / Math.max(1, processed)),
        echoCpuPerMessageUs: Math.round(base.cpuUs / Math.max(1, base.result.commands)),
        serverCpuPercent: round((real.cpuUs / 1000 / real.windowMs) * 100, 1),
        fleetCpuPercent: round((real.fleetCpuUs / 1000 / real.windowMs) * 100, 1),
        serverRunQueueWaitPercent: percentOf(
          Math.max(...real.perProcess.map((p) => p.waitUs)),
          real.windowMs,
        ),
        fleetRunQueueWaitPercent: percentOf(real.fleetWaitUs, real.windowMs),
        serverLoopDelayP99Ms: serverLoop?.loopDelayP99Ms ?? null,
        serverLoopDelayMaxMs: serverLoop?.loopDelayMaxMs ?? null,
        serverGcPauseMs: serverLoop?.gcPauseMs ?? null,
        fleetLoopDelayP99Ms: r.loop?.loopDelayP99Ms ?? null,
        fleetLoopDelayMaxMs: r.loop?.loopDelayMaxMs ?? null,
        fleetGcPauseMs: r.loop?.gcPauseMs ?? null,
        memPerTraineeKB: Math.round((real.connectedRssKB - baseKB) / trainees),
        echoMemPerClientKB: Math.round((base.connectedRssKB - echoBaseKB) / trainees),
        // From the same baseline as memPerTraineeKB, so the stages add up to it at every step.
        memPerTraineeByStageKB: {
          join: Math.round((real.joinedRssKB - baseKB) / trainees),
          connect: Math.round((real.connectedRssKB - real.joinedRssKB) / trainees),
        },
        ...(args.liveHeap
          ? {
              liveHeapPerTraineeKB: livePerClient(real.perProcess, trainees),
              echoLiveHeapPerClientKB: livePerClient(base.perProcess, trainees),
            }
          : {}),
        serverRssMB: round(real.connectedRssKB / 1024, 1),
        perNode: real.perProcess.map((p, i) => ({
          node: nodeIds[i] ?? String(i),
          clients: r.clientsPerNode[i] ?? 0,
          cpuPercent: round((p.cpuUs / 1000 / real.windowMs) * 100, 1),
          cpuShare: round(p.cpuUs / Math.max(1, real.cpuUs)),
          rssMB: round(p.connectedRssKB / 1024, 1),
          memPerClientKB: Math.round(
            (p.connectedRssKB - (serverBaseKB?.[i] ?? 0)) / Math.max(1, r.clientsPerNode[i] ?? 0),
          ),
          loopDelayP99Ms: p.loop?.loopDelayP99Ms ?? null,
          loopDelayMaxMs: p.loop?.loopDelayMaxMs ?? null,
          gcPauseMs: p.loop?.gcPauseMs.total ?? null,
        })),
        byKind: r.byKind,
        rejected: r.rejected,
        timeouts: r.timeouts,
        timedOutApplied: acks.timedOutApplied,
        echoTimeouts: base.result.timeouts,
        ackedCommands: acks.acked,
        lostAcked: acks.lostAcked,
        duplicatedAcked: acks.duplicatedAcked,
        seconds: round((Date.now() - stepStarted) / 1000, 1),
      };
      steps.push(step);
      log(
        `${trainees} trainees: decision p50 ${step.decisionRtt.p50} / p99 ${step.decisionRtt.p99} ms, ` +
          `echo p50 ${step.echoRtt.p50} / p99 ${step.echoRtt.p99} ms, ratio ${step.ratioP99}, ` +
          `broadcast p99 ${step.broadcastP99Ms} ms, ${step.cpuPerDecisionUs} µs CPU/command, ` +
          `server ${step.serverCpuPercent}% CPU, fleet ${step.fleetCpuPercent}% CPU, ` +
          `run-queue wait server ${step.serverRunQueueWaitPercent}%, fleet ${step.fleetRunQueueWaitPercent}%, ` +
          `loop delay p99/max server ${step.serverLoopDelayP99Ms}/${step.serverLoopDelayMaxMs} ms, ` +
          `fleet ${step.fleetLoopDelayP99Ms}/${step.fleetLoopDelayMaxMs} ms, ` +
          `server GC ${step.serverGcPauseMs?.total ?? null} ms, ` +
          `${step.lostAcked} of ${step.ackedCommands} acked lost, ${step.duplicatedAcked} doubled, ` +
          `${step.timeouts} timed out (${step.seconds} s)`,
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
      db: args.db,
      nodes: args.nodes,
      decisionRtt: reference.decisionRtt,
      echoRtt: reference.echoRtt,
      ratioP99: reference.ratioP99,
      broadcastP99Ms: reference.broadcastP99Ms,
      cpuPerDecisionUs: reference.cpuPerDecisionUs,
      echoCpuPerMessageUs: reference.echoCpuPerMessageUs,
      memPerTraineeKB: reference.memPerTraineeKB,
      echoMemPerClientKB: reference.echoMemPerClientKB,
      memPerTraineeByStageKB: reference.memPerTraineeByStageKB,
      ...(args.liveHeap
        ? {
            liveHeapPerTraineeKB: reference.liveHeapPerTraineeKB,
            echoLiveHeapPerClientKB: reference.echoLiveHeapPerClientKB,
          }
        : {}),
      serverRunQueueWaitPercent: reference.serverRunQueueWaitPercent,
      fleetRunQueueWaitPercent: reference.fleetRunQueueWaitPercent,
      serverLoopDelayP99Ms: reference.serverLoopDelayP99Ms,
      serverLoopDelayMaxMs: reference.serverLoopDelayMaxMs,
      serverGcPauseMs: reference.serverGcPauseMs,
      fleetLoopDelayP99Ms: reference.fleetLoopDelayP99Ms,
      fleetLoopDelayMaxMs: reference.fleetLoopDelayMaxMs,
      fleetGcPauseMs: reference.fleetGcPauseMs,
      maxTraineesP99Under100ms: under.length > 0 ? Math.max(...under) : 0,
      // Over every step, not only the largest: one acked command lost anywhere is a defect.
      ackedCommands: sumOf(steps.map((s) => s.ackedCommands)),
      lostAcked: sumOf(steps.map((s) => s.lostAcked)),
      duplicatedAcked: sumOf(steps.map((s) => s.duplicatedAcked)),
      timeouts: sumOf(steps.map((s) => s.timeouts)),
      perNode: reference.perNode,
      scenario: args.scenario,
      teamSize: args.teamSize,
      teamsPerSession: args.teams,
      timeRatio: args.timeRatio ?? 'default',
      intervalSeconds: [args.intervalMin, args.intervalMax],
      secondsPerStep: { warmup: args.warmup, measured: args.seconds },
      processes: {
        server:
          `${args.nodes === 1 ? 'one child process' : `${args.nodes} child processes (NODE_ID ${nodeIds.join(', ')}, Redis fan-out)`}` +
          ` (${args.server === 'dist' ? 'dist build' : 'TS sources via swc'}) on ${args.db === 'postgres' ? 'PostgreSQL (a schema of its own)' : 'SQLite'}`,
        serverFigures:
          args.nodes === 1
            ? 'of the one server process'
            : `CPU and memory summed over the ${args.nodes} server processes (perNode: each one)`,
        echo: 'one child process',
        fleet: `child process (every trainee and facilitator socket${args.nodes > 1 ? ', round robin over the nodes' : ''})`,
        orchestrator: 'this process (samples /proc, reads the event log back)',
      },
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: loadAverage() },
      totalSeconds: round((Date.now() - began) / 1000, 1),
      steps,
    };
    const server = servers[0];
    if (args.cpuProf && server) {
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
          longTasks: { ...summary.longTasks, inside: summary.longTasks.inside.slice(0, 15) },
        },
      });
    }
    process.stdout.write(`${JSON.stringify(report, null, args.json ? 0 : 2)}\n`);
  } finally {
    fleet?.close();
    for (const s of servers) s.process.kill('SIGTERM');
    echo?.process.kill('SIGTERM');
    await sleep(500);
    // The schema is dropped once no server holds a connection to it.
    for (const s of servers) {
      if (!(await exited(s.process, 15_000))) s.process.kill('SIGKILL');
    }
    await db?.drop().catch((error: unknown) => {
      process.stderr.write(`bench: could not drop the run's database schema: ${reasonOf(error)}\n`);
    });
    await redis?.drop().catch((error: unknown) => {
      process.stderr.write(`bench: could not delete the run's Redis keys: ${reasonOf(error)}\n`);
    });
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      error instanceof BenchUsageError
        ? `bench: ${error.message}\n`
        : `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
