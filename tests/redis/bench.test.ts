import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import {
  requirePostgres,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
} from '../../apps/server/test/support/services';

/*
 * The load benchmark as a program, at toy size, on two server processes sharing one PostgreSQL
 * schema and one Redis prefix (`npm run bench -w @crossroads/server -- --nodes 2 --db postgres`
 * runs the same file after building it): every figure of the report is there with a sane value,
 * the clients were spread over both processes, no acked command is missing from or doubled in the
 * event log, and the run left no schema and no Redis keys behind.
 */

// Three server processes' starts (two nodes, one echo) from the TypeScript sources, on a loaded
// machine: far more than the project's 60 s. An idle machine needs about 40 s.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  pid: number;
}

function runBench(args: string[]): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@crossroads/source',
      '-r',
      path.join(ROOT, 'apps/server/bench/register-ts.cjs'),
      path.join(ROOT, 'apps/server/bench/bench.ts'),
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, stdout, stderr, pid: child.pid ?? 0 }));
  });
}

/** Keys matching `pattern` in the test Redis (KEYS: a bench prefix holds a handful at most). */
function redisKeys(pattern: string): Promise<number> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const args = ['KEYS', pattern];
  const command = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    socket.setTimeout(3000, () => socket.destroy(new Error('Redis did not answer in time')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(command));
    socket.once('data', (chunk) => {
      socket.end();
      const count = /^\*(\d+)/.exec(chunk.toString('utf8'));
      if (count?.[1] === undefined) reject(new Error(`Redis answered ${chunk.toString('utf8')}`));
      else resolve(Number(count[1]));
    });
  });
}

async function schemasNamed(prefix: string): Promise<string[]> {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  try {
    const rows = await db.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)',
      [prefix],
    );
    return rows.rows.map((r) => r.nspname);
  } finally {
    await db.end();
  }
}

interface StepReport {
  trainees: number;
  decisions: number;
  processedCommands: number;
  byKind: Record<string, number>;
  timeouts: number;
  timedOutApplied: number;
  ackedCommands: number;
  lostAcked: number;
  duplicatedAcked: number;
  cpuPerDecisionUs: number;
  perNode: {
    node: string;
    clients: number;
    cpuPercent: number;
    rssMB: number;
    loopDelayP99Ms: number | null;
    loopDelayMaxMs: number | null;
    gcPauseMs: number | null;
  }[];
}

interface GcPauses {
  total: number;
  max: number;
  count: number;
  minor: number;
  major: number;
}

interface Report {
  trainees: number;
  db: string;
  nodes: number;
  decisionRtt: { p50: number; p99: number };
  echoRtt: { p50: number; p99: number };
  ratioP99: number;
  cpuPerDecisionUs: number;
  echoCpuPerMessageUs: number;
  memPerTraineeKB: number;
  echoMemPerClientKB: number;
  memPerTraineeByStageKB: { join: number; connect: number };
  liveHeapPerTraineeKB?: number | null;
  echoLiveHeapPerClientKB?: number | null;
  ackedCommands: number;
  lostAcked: number;
  duplicatedAcked: number;
  timeouts: number;
  serverLoopDelayP99Ms: number | null;
  serverLoopDelayMaxMs: number | null;
  serverGcPauseMs: GcPauses | null;
  fleetLoopDelayP99Ms: number | null;
  fleetLoopDelayMaxMs: number | null;
  fleetGcPauseMs: GcPauses | null;
  serverRunQueueWaitPercent: number | null;
  fleetRunQueueWaitPercent: number | null;
  perNode: StepReport['perNode'];
  steps: StepReport[];
}

beforeAll(async () => {
  await requirePostgres();
});

test('bench --nodes 2 --db postgres --live-heap: full report, clients on both nodes, no acked command lost or doubled, nothing left behind', async () => {
  const run = await runBench([
    '--json',
    '--live-heap',
    '--steps',
    '10',
    '--seconds',
    '3',
    '--warmup',
    '2',
    '--nodes',
    '2',
    '--db',
    'postgres',
    '--database-url',
    TEST_DATABASE_URL,
    '--redis-url',
    TEST_REDIS_URL,
  ]);
  expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({
    code: 0,
    stderr: '',
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const report = JSON.parse(line) as Report;

  expect(report).toMatchObject({ trainees: 10, db: 'postgres', nodes: 2 });
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  for (const rtt of [report.decisionRtt, report.echoRtt]) {
    expect(positive(rtt.p50)).toBe(true);
    expect(rtt.p99).toBeGreaterThanOrEqual(rtt.p50);
  }
  expect(positive(report.ratioP99)).toBe(true);
  expect(positive(report.cpuPerDecisionUs)).toBe(true);
  // The bare echo answers ten clients' few dozen messages in less CPU than one /proc clock tick
  // (10 ms) now and then, so its CPU reads 0: only its presence is checked at this size.
  expect(report.echoCpuPerMessageUs).toBeGreaterThanOrEqual(0);
  // Memory growth at ten clients is within the collector's noise, so only its presence is checked.
  expect(Number.isFinite(report.memPerTraineeKB)).toBe(true);
  expect(Number.isFinite(report.echoMemPerClientKB)).toBe(true);
  // --live-heap: every probe (both servers and the echo) answered with its heap after collecting;
  // a process without --expose-gc or a probe that did not answer would make the figure null.
  expect(typeof report.liveHeapPerTraineeKB).toBe('number');
  expect(typeof report.echoLiveHeapPerClientKB).toBe('number');
  expect(Number.isFinite(report.liveHeapPerTraineeKB)).toBe(true);
  expect(Number.isFinite(report.echoLiveHeapPerClientKB)).toBe(true);
  // One step, so its stages split the same growth as the total (each part rounded on its own).
  const stages = report.memPerTraineeByStageKB;
  expect(Math.abs(stages.join + stages.connect - report.memPerTraineeKB)).toBeLessThanOrEqual(1);

  const [step] = report.steps;
  if (!step) throw new Error('no step in the report');
  // Ten trainees and the session's facilitator, round robin: six on one process, five on the other.
  expect(report.perNode.map((n) => n.clients)).toEqual([6, 5]);
  for (const node of report.perNode) {
    expect(positive(node.cpuPercent)).toBe(true);
    expect(positive(node.rssMB)).toBe(true);
  }
  const answered = Object.values(step.byKind).reduce((a, b) => a + b, 0);
  expect(answered).toBeGreaterThan(0);
  expect(step.processedCommands).toBe(answered + step.timedOutApplied);
  expect(step.timedOutApplied).toBeLessThanOrEqual(step.timeouts);
  expect(step.cpuPerDecisionUs).toBe(report.cpuPerDecisionUs);

  // At least the session start and every accepted decision of the window were checked in the log.
  expect(step.ackedCommands).toBeGreaterThan(step.decisions);
  expect(step).toMatchObject({ lostAcked: 0, duplicatedAcked: 0 });
  expect(report).toMatchObject({
    ackedCommands: step.ackedCommands,
    lostAcked: 0,
    duplicatedAcked: 0,
    timeouts: step.timeouts,
  });

  // Where a round trip's time can go: both servers' probes (preloaded from the TypeScript sources
  // here) and the fleet's answered, with delays and pauses that are consistent.
  const loops: [number | null, number | null][] = [
    [report.serverLoopDelayP99Ms, report.serverLoopDelayMaxMs],
    [report.fleetLoopDelayP99Ms, report.fleetLoopDelayMaxMs],
    ...report.perNode.map((n): [number | null, number | null] => [
      n.loopDelayP99Ms,
      n.loopDelayMaxMs,
    ]),
  ];
  for (const [p99, max] of loops) {
    expect(p99).toBeGreaterThanOrEqual(0);
    expect(max).toBeGreaterThanOrEqual(p99 ?? Infinity);
  }
  for (const gc of [report.serverGcPauseMs, report.fleetGcPauseMs]) {
    if (gc === null) throw new Error('no GC figures in the report');
    expect(gc.total).toBeGreaterThanOrEqual(gc.max);
    expect(gc.total).toBeGreaterThanOrEqual(gc.minor + gc.major - 0.02);
    expect(gc.count === 0).toBe(gc.total === 0);
  }
  expect(report.perNode.every((n) => n.gcPauseMs !== null)).toBe(true);
  // Linux kernels without schedstats give null; with them, a share of the window.
  for (const wait of [report.serverRunQueueWaitPercent, report.fleetRunQueueWaitPercent]) {
    if (wait !== null) expect(wait).toBeGreaterThanOrEqual(0);
  }

  expect(await schemasNamed(`bench_${run.pid}_`)).toEqual([]);
  expect(await redisKeys(`crossroads-bench:${run.pid}:*`)).toBe(0);
});
