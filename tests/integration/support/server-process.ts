/**
 * Real server processes for tests that need what an in-process server cannot give: SIGKILL in
 * the middle of a burst, a restart on the same files, several processes on one database.
 *
 * Each process runs serve.ts from the TypeScript sources (register-ts.cjs, no build), prints its
 * ready line `{"url": …}` and is stopped with SIGKILL. Its output (stdout and stderr) is kept, and
 * shown when it fails to start or exits without being killed by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const REGISTER_TS = path.join(__dirname, 'register-ts.cjs');
const SERVE = path.join(__dirname, 'serve.ts');

/** The engine's small complete scenario: the catalogue of every server process. */
export const MINI_SCENARIO = path.join(ROOT, 'packages/scenarios/test/fixtures/mini.yaml');
/** The administrator every server process creates at start. */
export const PROCESS_ADMIN = { username: 'admin', password: 'admin-password-1' } as const;

/** Past this the oldest output is dropped: a process logging at warn stays far below it. */
const MAX_OUTPUT_CHARS = 256 * 1024;

/** The folders one test's server processes share: data (the SQLite file) and the catalogue. */
export interface ServerFiles {
  dataDir: string;
  /** The SQLite file of a process started without `databaseUrl`. */
  databasePath: string;
  /** Holds only the mini scenario. */
  catalogueDir: string;
  /** Deletes both folders (kill the processes first). */
  remove(): void;
}

/** Fresh temporary folders for one test's server processes; `label` names them in os.tmpdir(). */
export function serverFiles(label: string): ServerFiles {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `crossroads-${label}-`));
  const catalogueDir = mkdtempSync(path.join(os.tmpdir(), `crossroads-${label}-cat-`));
  copyFileSync(MINI_SCENARIO, path.join(catalogueDir, 'mini.yaml'));
  return {
    dataDir,
    databasePath: path.join(dataDir, 'crossroads.sqlite'),
    catalogueDir,
    remove: () => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(catalogueDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcessOptions {
  /** Becomes NODE_ID (session leases) and names the process in errors and echoed output. */
  nodeId?: string;
  /** A postgres:// URL; without it the process uses the SQLite file `files.databasePath`. */
  databaseUrl?: string;
  /** Settings added to (or, with undefined, removed from) the defaults below. */
  env?: Record<string, string | undefined>;
  /** How long to wait for the ready line; generous because CI starts it on two loaded cores. */
  startTimeoutMs?: number;
  /** Copies the process's output to stderr as it comes (set DEBUG_SERVER_PROCESSES=1 for all). */
  echo?: boolean;
}

export interface ServerProcess {
  url: string;
  /** The NODE_ID, or "server" when there is none. */
  name: string;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGKILL (no shutdown hooks run, as in a crash); resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts a server process on `files` and resolves once it listens. */
export function startServerProcess(
  files: ServerFiles,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const name = options.nodeId ?? 'server';
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: files.dataDir,
    ...(options.databaseUrl === undefined
      ? { DATABASE_PATH: files.databasePath }
      : { DATABASE_URL: options.databaseUrl }),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...(options.nodeId === undefined ? {} : { NODE_ID: options.nodeId }),
    CROSSROADS_CATALOGUE_DIR: files.catalogueDir,
    CROSSROADS_ADMIN_USERNAME: PROCESS_ADMIN.username,
    CROSSROADS_ADMIN_PASSWORD: PROCESS_ADMIN.password,
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    ['--conditions=@crossroads/source', '-r', REGISTER_TS, SERVE],
    {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const echo = options.echo ?? Boolean(process.env.DEBUG_SERVER_PROCESSES);
  let output = '';
  const record = (chunk: Buffer) => {
    const text = chunk.toString();
    if (echo) process.stderr.write(`[${name}] ${text}`);
    output = (output + text).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let killedByTest = false;
  const kill = async () => {
    killedByTest = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const timeoutMs = options.startTimeoutMs ?? 120_000;

  return new Promise((resolve, reject) => {
    let stdout = '';
    let ready = false;
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start within ${timeoutMs} ms; its output:\n${output}`));
      void kill();
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready) return;
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        name,
        child,
        output: () => output,
        kill,
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const how = `${name} exited (code ${code}, signal ${signal})`;
      if (!ready) reject(new Error(`${how} before it listened; its output:\n${output}`));
      // A crash the test did not cause: its output says why, and the test's failure will not.
      else if (!killedByTest) process.stderr.write(`${how} while in use; its output:\n${output}\n`);
    });
  });
}
