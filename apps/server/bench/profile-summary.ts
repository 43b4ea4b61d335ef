/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by where the code
 * lives (our packages, each node_modules package, node internals, GC), optionally only over a time
 * window. Used by the benchmark's `--cpu-prof DIR`, and on its own:
 *
 *   node dist-bench/bench/profile-summary.js FILE.cpuprofile [--top 30] [--from US --to US]
 *
 * `--from`/`--to` are the profile's own clock (CLOCK_MONOTONIC microseconds, which is what
 * `process.hrtime.bigint() / 1000n` reads in any process on the machine), so a caller can keep
 * only the samples of a measured window.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SummaryRow {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled in the window (idle included), and of them not idle. */
  sampledMs: number;
  busyMs: number;
  /** Self time per function (name, file:line), busiest first. */
  functions: SummaryRow[];
  /** Self time per place: src of a workspace, a node_modules package, node internals, GC, idle. */
  places: SummaryRow[];
  /** Inclusive time of our own functions (every sample whose stack holds the function once). */
  inclusive: SummaryRow[];
  /**
   * Long tasks: runs of busy samples (nothing idle between them) of LONG_TASK_MS or more, during
   * which the event loop answered nothing else, so every message arriving then waited. How many,
   * their time, the longest, and what was on the stack in them (inclusive time of our functions,
   * GC and native code, as a share of the long tasks' time).
   */
  longTasks: { count: number; ms: number; longestMs: number; inside: SummaryRow[] };
}

/** A task at least this long delays what arrives during it past the decision-latency target. */
export const LONG_TASK_MS = 50;

/** Where a frame's code lives, coarsely. */
function placeOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return '(program)';
  if (url === '') return `(native) ${name}`;
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const ws = /(apps|packages)\/([^/]+)\//.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}`;
  return url;
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const ws = /(apps|packages)\/.*$/.exec(url);
  return ws ? ws[0] : url;
}

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const ours = (url: string) => !url.includes('node_modules/') && /(apps|packages)\//.test(url);

export interface SummaryOptions {
  top?: number;
  /** Only the samples inside these [from, to] windows (profile clock, µs); all when absent. */
  windows?: [number, number][];
}

export function summarise(profile: CpuProfile, options: SummaryOptions = {}): ProfileSummary {
  const top = options.top ?? 30;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  /** Samples (id, µs) of the busy run going on, and of the long ones. */
  let run: [number, number][] = [];
  const long: [number, number][][] = [];
  const endRun = () => {
    if (sumOf(run.map(([, us]) => us)) >= LONG_TASK_MS * 1000) long.push(run);
    run = [];
  };
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (options.windows && !options.windows.some(([from, to]) => t >= from && t <= to)) {
      endRun();
      continue;
    }
    const id = profile.samples[i] ?? 0;
    // The delta before a sample is the time that sample stands for (V8's convention).
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
    if (isIdle(id)) endRun();
    else run.push([id, delta]);
  }
  endRun();
  const fn = new Map<string, number>();
  const place = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idle = 0;
  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
  };
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') idle += us;
    const where = placeOf(url, functionName);
    place.set(where, (place.get(where) ?? 0) + us);
    if (where !== 'idle') fn.set(label(node), (fn.get(label(node)) ?? 0) + us);
    // Inclusive time of our own functions: each distinct frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur);
      if (!frame || !ours(frame.callFrame.url)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const rows = (m: Map<string, number>, of: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        percent: Math.round((us / Math.max(1, of)) * 1000) / 10,
      }));
  // What the long tasks were made of: our frames (each once per sample), GC and native code.
  const inside = new Map<string, number>();
  for (const [id, us] of long.flat()) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur);
      if (!frame) continue;
      const { functionName, url } = frame.callFrame;
      const special = cur === id && functionName.startsWith('(');
      if (!special && !ours(url)) continue;
      const key = special ? functionName : label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inside.set(key, (inside.get(key) ?? 0) + us);
    }
  }
  const longUs = long.map((r) => sumOf(r.map(([, us]) => us)));
  return {
    sampledMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    functions: rows(fn, busy),
    places: rows(place, total),
    inclusive: rows(inclusive, busy),
    longTasks: {
      count: long.length,
      ms: Math.round(sumOf(longUs) / 1000),
      longestMs: Math.round(Math.max(0, ...longUs) / 1000),
      inside: rows(inside, sumOf(longUs)),
    },
  };
}

export function summariseFile(file: string, options: SummaryOptions = {}): ProfileSummary {
  return summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, options);
}

/** The summary as text (percentages of busy time; places as a share of all sampled time). */
export function formatSummary(s: ProfileSummary): string {
  const table = (title: string, rows: SummaryRow[]) =>
    [
      title,
      ...rows.map(
        (r) =>
          `  ${r.ms.toFixed(1).padStart(9)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.name}`,
      ),
    ].join('\n');
  return [
    `sampled ${s.sampledMs} ms, busy ${s.busyMs} ms`,
    table('self time by place (% of sampled):', s.places),
    table('self time by function (% of busy):', s.functions),
    table('inclusive time of our functions (% of busy):', s.inclusive),
    table(
      `long tasks (busy ${LONG_TASK_MS} ms or more at a stretch): ${s.longTasks.count}, ` +
        `${s.longTasks.ms} ms, the longest ${s.longTasks.longestMs} ms; in them (% of their time):`,
      s.longTasks.inside,
    ),
  ].join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const file = argv.find((a) => a.endsWith('.cpuprofile'));
  if (!file) {
    process.stderr.write('usage: profile-summary FILE.cpuprofile [--top N] [--from US --to US]\n');
    process.exit(2);
  }
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : undefined;
  };
  const options: SummaryOptions = {};
  const topN = opt('--top');
  if (topN !== undefined) options.top = topN;
  const from = opt('--from');
  const to = opt('--to');
  if (from !== undefined || to !== undefined) options.windows = [[from ?? 0, to ?? Infinity]];
  process.stdout.write(`${formatSummary(summariseFile(file, options))}\n`);
}
