import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { createApp, type RunningApp } from '@crossroads/server';
import { TEST_REDIS_URL } from '../../apps/server/test/support/services';

/**
 * A Redis prefix of its own for one test file's run, so parallel runs (and other helpers' tests on
 * the same Redis) never read each other's stream.
 */
export function uniquePrefix(): string {
  return `crossroads-test:${process.pid}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes the keys a run left in Redis (the adapter's stream) under `prefix`. */
export async function dropPrefix(prefix: string, url: string = TEST_REDIS_URL): Promise<void> {
  const { hostname, port } = new URL(url);
  // One inline Lua call: SCAN-free because a test prefix holds a handful of keys at most.
  const script = "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end";
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  const args = ['EVAL', script, '0', pattern];
  const command = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    socket.setTimeout(3000, () => socket.destroy(new Error('Redis did not answer in time')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(command));
    socket.once('data', (chunk) => {
      socket.end();
      const answer = chunk.toString('utf8');
      if (answer.startsWith('-')) reject(new Error(`Redis answered ${answer.trim()}`));
      else resolve();
    });
  });
}

/**
 * A TCP relay in front of Redis that the test can cut and restore: the servers behind it see
 * Redis go away and come back without touching the Redis other tests share.
 */
export class RedisRelay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private relayed = 0;
  port = 0;

  /**
   * @param relayFirst relay only this many connections; later ones are accepted and left
   *   hanging (Redis "answers" the first client, never the adapter's extra connections).
   */
  constructor(
    private readonly relayFirst = Infinity,
    private readonly target: string = TEST_REDIS_URL,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts relaying (on the same port as before after a cut). */
  async open(): Promise<void> {
    const { hostname, port } = new URL(this.target);
    const server = net.createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      if (this.relayed >= this.relayFirst) return;
      this.relayed++;
      const upstream = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Redis "goes down": no new connections, every open one cut. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Polls `check` until it resolves true, or fails after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Where one test file's in-process cluster nodes keep their files and meet in Redis. */
export interface ClusterFiles {
  dataDir: string;
  catalogueDir: string;
  prefix: string;
}

/**
 * Starts an in-process server as cluster node `nodeId` (NODE_ID, REDIS_URL and the file's Redis
 * prefix) on the file's shared SQLite database and catalogue, and waits until it reports ready.
 * `env` adds settings or overrides these.
 */
export async function startClusterNode(
  files: ClusterFiles,
  nodeId: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const app = await createApp({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: files.dataDir,
      DATABASE_PATH: path.join(files.dataDir, 'crossroads.sqlite'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      NODE_ID: nodeId,
      REDIS_URL: TEST_REDIS_URL,
      CROSSROADS_REDIS_PREFIX: files.prefix,
      CROSSROADS_CATALOGUE_DIR: files.catalogueDir,
      CROSSROADS_ADMIN_USERNAME: 'admin',
      CROSSROADS_ADMIN_PASSWORD: 'admin-password-1',
      CROSSROADS_DEMO: 'false',
      ...env,
    },
  });
  await eventually(
    async () => (await fetch(`${app.url}/api/health/ready`)).status === 200,
    15_000,
    `${nodeId} ready`,
  ).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return app;
}

const MINI = path.resolve(__dirname, '../../packages/scenarios/test/fixtures/mini.yaml');

/** A test file's in-process cluster: its files, its Redis prefix, and the nodes it started. */
export interface Cluster extends ClusterFiles {
  apps: RunningApp[];
  /** Starts node `nodeId` with the cluster's settings plus `env` (see startClusterNode). */
  start(nodeId: string, env?: Record<string, string>): Promise<RunningApp>;
  /** The SQLite file every node of the cluster shares. */
  databasePath(): string;
}

/**
 * Registers beforeAll/afterAll hooks for one test file's cluster: fresh data and catalogue
 * directories (the catalogue holds the mini scenario), a Redis prefix of its own, and at the end
 * every node closed, the prefix's keys dropped and the directories removed. `env` goes to every
 * node it starts.
 */
export function useCluster(name: string, env: Record<string, string> = {}): Cluster {
  const cluster: Cluster = {
    dataDir: '',
    catalogueDir: '',
    prefix: uniquePrefix(),
    apps: [],
    async start(nodeId, extra = {}) {
      const app = await startClusterNode(cluster, nodeId, { ...env, ...extra });
      cluster.apps.push(app);
      return app;
    },
    databasePath: () => path.join(cluster.dataDir, 'crossroads.sqlite'),
  };
  beforeAll(async () => {
    cluster.dataDir = await mkdtemp(path.join(os.tmpdir(), `crossroads-${name}-`));
    cluster.catalogueDir = await mkdtemp(path.join(os.tmpdir(), `crossroads-${name}-cat-`));
    copyFileSync(MINI, path.join(cluster.catalogueDir, 'mini.yaml'));
  });
  afterAll(async () => {
    for (const app of cluster.apps) await app.close();
    await dropPrefix(cluster.prefix);
    await rm(cluster.dataDir, { recursive: true, force: true });
    await rm(cluster.catalogueDir, { recursive: true, force: true });
  });
  return cluster;
}
