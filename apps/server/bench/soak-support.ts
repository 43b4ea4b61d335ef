/**
 * What the reliability soaks share: the real server in a child process on a temporary SQLite
 * file (the TypeScript sources through serve.ts, as the benchmark runs it), its resident memory
 * from /proc, loopback joins from chosen addresses, and small statistics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { JoinResponse } from '@crossroads/shared';

export const SOAK_ADMIN = { username: 'admin', password: 'admin-password-1' } as const;

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'apps/server/package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

/** The engine's small complete scenario (three required agencies). */
export function miniScenarioFile(): string {
  return path.join(repoRoot(), 'packages/scenarios/test/fixtures/mini.yaml');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? NaN) * 10) / 10;
}

/** Resident memory of a process in KiB (Linux /proc). */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

export interface SoakServer {
  process: ChildProcess;
  url: string;
  pid: number;
  dataDir: string;
  databasePath: string;
  /** SIGKILL, and resolve once the process is gone. */
  kill(): Promise<void>;
}

/** A folder for one soak: its database, and a catalogue when scenario files are given. */
export interface SoakFiles {
  dataDir: string;
  catalogueDir: string | undefined;
  remove(): void;
}

export function soakFiles(name: string, scenarioFiles: string[] = []): SoakFiles {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `crossroads-soak-${name}-`));
  let catalogueDir: string | undefined;
  if (scenarioFiles.length > 0) {
    catalogueDir = mkdtempSync(path.join(os.tmpdir(), `crossroads-soak-${name}-cat-`));
    for (const file of scenarioFiles)
      copyFileSync(file, path.join(catalogueDir, path.basename(file)));
  }
  return {
    dataDir,
    catalogueDir,
    remove: () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (catalogueDir) rmSync(catalogueDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the server in its own process on `files.dataDir` (the same folder again after a kill:
 * that is a restart on the same database). `env` adds or overrides settings.
 */
export function startSoakServer(
  files: SoakFiles,
  env: Record<string, string> = {},
): Promise<SoakServer> {
  const root = repoRoot();
  const databasePath = path.join(files.dataDir, 'crossroads.sqlite');
  // CROSSROADS_SOAK_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = process.env.CROSSROADS_SOAK_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [
      ...extra,
      '--conditions=@crossroads/source',
      '-r',
      path.join(root, 'apps/server/bench/register-ts.cjs'),
      path.join(root, 'apps/server/bench/serve.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: files.dataDir,
        DATABASE_PATH: databasePath,
        CROSSROADS_CATALOGUE_DIR: files.catalogueDir ?? '',
        CROSSROADS_ADMIN_USERNAME: SOAK_ADMIN.username,
        CROSSROADS_ADMIN_PASSWORD: SOAK_ADMIN.password,
        CROSSROADS_DEMO: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        out = '';
        resolve({
          process: child,
          url: (JSON.parse(line) as { url: string }).url,
          pid: child.pid ?? 0,
          dataDir: files.dataDir,
          databasePath,
          kill: async () => {
            // A profiled server ends with SIGTERM, so node can write the profile on its way out.
            const signal = extra.length > 0 ? 'SIGTERM' : 'SIGKILL';
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}):\n${stderr}`));
    });
  });
}

/** POST /api/join from a given loopback address (each "room" joins from its own address). */
export function joinFrom(
  base: string,
  localAddress: string,
  body: Record<string, unknown>,
): Promise<JoinResponse> {
  const url = new URL('/api/join', base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
      },
      (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => {
          if (response.statusCode !== 200 && response.statusCode !== 201) {
            reject(new Error(`join ${response.statusCode}: ${text}`));
          } else resolve(JSON.parse(text) as JoinResponse);
        });
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T, i);
    }
  });
  await Promise.all(workers);
  return results;
}
