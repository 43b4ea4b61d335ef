import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type Env, type RunningApp } from '@crossroads/server';
import type { ClientToServerEvents, ServerToClientEvents } from '@crossroads/shared';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/** A socket.io client typed with the shared contract (note the reversed maps on the client side). */
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The origin the test server accepts (also the server's default PUBLIC_ORIGIN). */
export const TEST_ORIGIN = 'http://localhost:3000';

export interface TestServer extends RunningApp {
  /** Temporary folder holding the SQLite file; removed by close() unless keepFiles was set. */
  dataDir: string;
  databasePath: string;
  /** Every JSON log line the server wrote, parsed (only when captureLogs was set). */
  logs: LogLine[];
  /** Closes every client opened with connectClient, then the server; removes the temp folder. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extra or overriding environment variables (PORT, NODE_ENV, CLIENT_DIST, …). */
  env?: Env;
  /** Collect log lines in `logs` (LOG_LEVEL becomes info unless env sets it). */
  captureLogs?: boolean;
  /** Leave the temp folder in place after close() (to inspect the database file). */
  keepFiles?: boolean;
}

export interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  [field: string]: unknown;
}

/** The little of better-sqlite3 the tests use (its type package is not installed). */
export interface SqliteFile {
  prepare(sql: string): {
    all(...params: unknown[]): unknown[];
    get(...params: unknown[]): unknown;
    run(...params: unknown[]): unknown;
  };
  pragma(source: string, options?: { simple?: boolean }): unknown;
  close(): void;
}

/**
 * Opens a SQLite file directly, outside the server (to inspect what the server wrote).
 * Close it before deleting the file.
 */
export function openSqliteFile(file: string, options: { readonly?: boolean } = {}): SqliteFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CJS package, typed by SqliteFile
  const Database = require('better-sqlite3') as new (
    file: string,
    options: { readonly?: boolean; fileMustExist?: boolean },
  ) => SqliteFile;
  return new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
}

const openClients = new WeakMap<TestServer, Set<TestClient>>();

/**
 * Boots the real server in-process on a random port with a fresh SQLite file in os.tmpdir(),
 * silent logs and NODE_ENV=test. Always pair with `await server.close()` (afterAll/afterEach).
 */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-it-'));
  const databasePath = path.join(dataDir, 'crossroads.sqlite');
  const logs: LogLine[] = [];
  const env: Env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: options.captureLogs ? 'info' : 'silent',
    NODE_ENV: 'test',
    PUBLIC_ORIGIN: TEST_ORIGIN,
    ...options.env,
  };

  let running: RunningApp;
  try {
    running = await createApp({
      env,
      ...(options.captureLogs ? { logDestination: captureInto(logs) } : {}),
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const clients = new Set<TestClient>();
  const server: TestServer = {
    ...running,
    dataDir,
    databasePath: running.config.databasePath,
    logs,
    close: async () => {
      for (const client of clients) client.disconnect();
      clients.clear();
      await running.close();
      if (!options.keepFiles) await rm(dataDir, { recursive: true, force: true });
    },
  };
  openClients.set(server, clients);
  return server;
}

function captureInto(lines: LogLine[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      }
      callback();
    },
  });
}

/**
 * Opens a typed socket.io client to the test server (not connected yet unless awaited with
 * `connected`). Reconnection is off so a refused or dropped connection stays dropped.
 * Tracked so server.close() disconnects it.
 */
export function connectClient(
  server: TestServer,
  options: Partial<ManagerOptions & SocketOptions> = {},
): TestClient {
  const client: TestClient = io(server.url, {
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    ...options,
  });
  openClients.get(server)?.add(client);
  return client;
}

/** Resolves once the client is connected; rejects with the connect_error. */
export function connected(client: TestClient): Promise<void> {
  if (client.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', (error) => reject(error));
  });
}

/** Resolves with the reason of the client's next disconnect. */
export function disconnected(client: TestClient): Promise<string> {
  return new Promise((resolve) => client.once('disconnect', (reason) => resolve(reason)));
}

/** Polls `check` until it returns true or the time runs out (for effects seen only in logs). */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
