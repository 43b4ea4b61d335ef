import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ErrorCode,
  healthResponseSchema,
  livenessResponseSchema,
  type ClientToServerEvents,
  type ServerNotice,
  type ServerToClientEvents,
} from '@crossroads/shared';
import { createApp, RealtimeGateway, type RunningApp, type TypedServer } from '@crossroads/server';
import { io, type Socket } from 'socket.io-client';
import { TEST_REDIS_URL } from '../../apps/server/test/support/services';
import { dropPrefix, eventually, RedisRelay, uniquePrefix } from './support';

/*
 * Scale-out: several server processes share the database and Redis, and socket.io fans out
 * through the Redis Streams adapter. Each "process" here is a createApp of its own (its own
 * socket.io server, adapter and Redis connections) on one SQLite file, as two processes would be.
 */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let dataDir: string;
const started: RunningApp[] = [];
const clients: Client[] = [];
const prefixes: string[] = [];

// Two or three in-process servers per test on a loaded CI machine: more than the project's 60 s.
jest.setTimeout(120_000);

/**
 * Deadline for what takes milliseconds on an idle machine (a start, a broadcast through Redis)
 * and seconds when CI runs this beside other suites on two loaded cores; a deadline, not a sleep.
 */
const PATIENCE_MS = 30_000;

async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const app = await createApp({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, 'crossroads.sqlite'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      CROSSROADS_DEMO: 'false',
      ...env,
    },
  });
  started.push(app);
  return app;
}

/**
 * Waits for readiness, as a load balancer would before sending traffic: the adapter connects its
 * reader and subscriber just after start, and a broadcast sent before then would pass it by.
 */
async function ready(app: RunningApp): Promise<void> {
  await eventually(
    async () => (await fetch(`${app.url}/api/health/ready`)).status === 200,
    PATIENCE_MS,
    `${app.url} ready`,
  );
}

function withRedis(prefix: string, url = TEST_REDIS_URL): Record<string, string> {
  if (!prefixes.includes(prefix)) prefixes.push(prefix);
  return { REDIS_URL: url, CROSSROADS_REDIS_PREFIX: prefix };
}

function ioOf(app: RunningApp): TypedServer {
  return app.app.get(RealtimeGateway).server;
}

async function connect(app: RunningApp): Promise<Client> {
  const client: Client = io(app.url, { reconnection: false, forceNew: true, timeout: PATIENCE_MS });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', (error) => reject(error));
  });
  return client;
}

function nextNotice(client: Client, timeoutMs = PATIENCE_MS): Promise<ServerNotice> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notice arrived')), timeoutMs);
    client.once('notice', (notice) => {
      clearTimeout(timer);
      resolve(notice);
    });
  });
}

/** Puts the server-side socket of `client` (connected to `app`) in `room`, on that process. */
async function join(app: RunningApp, client: Client, room: string): Promise<void> {
  const socket = ioOf(app).sockets.sockets.get(client.id ?? '');
  if (!socket) throw new Error(`socket ${client.id} is not on ${app.url}`);
  await socket.join(room);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-redis-'));
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const app of started) await app.close();
  for (const prefix of prefixes) await dropPrefix(prefix);
  await rm(dataDir, { recursive: true, force: true });
});

describe('two server processes with REDIS_URL', () => {
  const prefix = uniquePrefix();
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    // One after the other: the first start migrates the shared file, the second finds it done.
    a = await startApp(withRedis(prefix));
    b = await startApp(withRedis(prefix));
    await Promise.all([ready(a), ready(b)]);
  });

  it('a room broadcast on process A reaches the sockets in that room on A and on B', async () => {
    const onA = await connect(a);
    const onB = await connect(b);
    await join(a, onA, 'room:fan-out');
    await join(b, onB, 'room:fan-out');
    const notice: ServerNotice = { code: ErrorCode.RateLimited, message: 'from A' };
    const arrivals = Promise.all([nextNotice(onA), nextNotice(onB)]);
    ioOf(a).to('room:fan-out').emit('notice', notice);
    expect(await arrivals).toEqual([notice, notice]);
  });

  it("a process decodes the other processes' stream entries, never its own", async () => {
    // The adapter class keeps its entry decoder as a static method: watch every call of it.
    const adapterClass = ioOf(a).of('/').adapter.constructor as unknown as {
      decode(entry: { uid?: unknown; data?: unknown }): unknown;
    };
    const decode = jest.spyOn(adapterClass, 'decode');
    const uidOf = (app: RunningApp) =>
      (ioOf(app).of('/').adapter as unknown as { uid: string }).uid;
    try {
      const onA = await connect(a);
      const onB = await connect(b);
      await join(a, onA, 'room:own-entries');
      await join(b, onB, 'room:own-entries');
      const fromA: ServerNotice = { code: ErrorCode.RateLimited, message: 'own entry of A' };
      const fromB: ServerNotice = { code: ErrorCode.RateLimited, message: 'own entry of B' };
      let arrivals = Promise.all([nextNotice(onA), nextNotice(onB)]);
      ioOf(a).to('room:own-entries').emit('notice', fromA);
      expect(await arrivals).toEqual([fromA, fromA]);
      arrivals = Promise.all([nextNotice(onA), nextNotice(onB)]);
      ioOf(b).to('room:own-entries').emit('notice', fromB);
      expect(await arrivals).toEqual([fromB, fromB]);
      // Both processes read both entries; each decoded only the one the other wrote.
      const decoded = decode.mock.calls
        .map(([entry]) => entry)
        .filter((entry) => String(entry.data).includes('own entry of'));
      expect(decoded.map((entry) => entry.uid).sort()).toEqual([uidOf(a), uidOf(b)].sort());
    } finally {
      decode.mockRestore();
    }
  });

  it('a socket outside the room, on either process, gets nothing', async () => {
    const inRoom = await connect(b);
    const outside = await connect(b);
    await join(b, inRoom, 'room:only-some');
    const stray = jest.fn();
    outside.on('notice', stray);
    const arrived = nextNotice(inRoom);
    ioOf(a).to('room:only-some').emit('notice', { code: ErrorCode.RateLimited, message: 'x' });
    await arrived;
    // The same stream carried both; had the outsider been sent one, it would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stray).not.toHaveBeenCalled();
  });

  it('serverSideEmit on A reaches the other process, not itself', async () => {
    // InterServerEvents is empty in the wire contract: the server sends none yet; this checks
    // the channel a future one will use.
    type Untyped = {
      serverSideEmit(event: string, ...args: unknown[]): boolean;
      on(event: string, listener: (...args: unknown[]) => void): unknown;
    };
    const ioA = ioOf(a) as unknown as Untyped;
    const ioB = ioOf(b) as unknown as Untyped;
    const onA = jest.fn();
    ioA.on('test:hello', onA);
    const received = new Promise<unknown[]>((resolve) =>
      ioB.on('test:hello', (...args) => resolve(args)),
    );
    ioA.serverSideEmit('test:hello', { from: 'A' });
    expect(await received).toEqual([{ from: 'A' }]);
    expect(onA).not.toHaveBeenCalled();
  });

  it('fetchSockets on B sees the sockets of A (the room is one across processes)', async () => {
    const onA = await connect(a);
    await join(a, onA, 'room:census');
    const sockets = await ioOf(b).in('room:census').fetchSockets();
    expect(sockets.map((s) => s.id)).toEqual([onA.id]);
  });

  it('readiness reports the database and Redis; liveness answers without them', async () => {
    const ready = await fetch(`${b.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    const body = healthResponseSchema.parse(await ready.json());
    expect(body).toMatchObject({ status: 'ok', database: { ok: true }, redis: { ok: true } });
    expect(body.reason).toBeUndefined();
    const live = await fetch(`${b.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(livenessResponseSchema.parse(await live.json()).status).toBe('ok');
  });
});

describe('another deployment on the same Redis (another CROSSROADS_REDIS_PREFIX)', () => {
  it('never receives the first one’s broadcasts', async () => {
    const shared = uniquePrefix();
    const a = await startApp(withRedis(shared));
    const b = await startApp(withRedis(shared));
    const other = await startApp(withRedis(uniquePrefix()));
    await Promise.all([ready(a), ready(b), ready(other)]);
    const onB = await connect(b);
    const onOther = await connect(other);
    await join(b, onB, 'room:same-name');
    await join(other, onOther, 'room:same-name');
    const stray = jest.fn();
    onOther.on('notice', stray);
    const arrived = nextNotice(onB);
    ioOf(a).to('room:same-name').emit('notice', { code: ErrorCode.RateLimited, message: 'x' });
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stray).not.toHaveBeenCalled();
  });
});

describe('when Redis goes away', () => {
  it('readiness answers 503 naming Redis, liveness stays 200, and readiness recovers with Redis', async () => {
    const relay = new RedisRelay();
    await relay.open();
    const app = await startApp(withRedis(uniquePrefix(), relay.url));
    try {
      await ready(app);

      await relay.cut();
      // The server learns of the cut when its event loop gets to the closed sockets: on a loaded
      // machine a request may be served first, so wait for the 503 rather than expect it at once.
      await eventually(
        async () => (await fetch(`${app.url}/api/health/ready`)).status === 503,
        PATIENCE_MS,
        'readiness after Redis went away',
      );
      const down = await fetch(`${app.url}/api/health/ready`);
      expect(down.status).toBe(503);
      const body = healthResponseSchema.parse(await down.json());
      expect(body.status).toBe('degraded');
      expect(body.database.ok).toBe(true);
      expect(body.redis?.ok).toBe(false);
      expect(body.reason).toMatch(/^redis: /);
      // The older path the client's status line polls says the same.
      expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
      expect((await fetch(`${app.url}/api/health/live`)).status).toBe(200);

      await relay.open();
      await eventually(
        async () => (await fetch(`${app.url}/api/health/ready`)).status === 200,
        PATIENCE_MS,
        'readiness after Redis came back',
      );
    } finally {
      await relay.cut();
    }
  });

  it('a room broadcast still reaches the sockets of its own process, in order, while Redis is away', async () => {
    // The official cluster adapter writes to local sockets only once its XADD is answered: with
    // Redis away that XADD waits in node-redis' offline queue, and so did every local update.
    const relay = new RedisRelay();
    await relay.open();
    const app = await startApp(withRedis(uniquePrefix(), relay.url));
    try {
      await ready(app);
      const local = await connect(app);
      await join(app, local, 'room:local');
      await relay.cut();
      await eventually(
        async () => (await fetch(`${app.url}/api/health/ready`)).status === 503,
        PATIENCE_MS,
        'readiness after Redis went away',
      );
      const received: string[] = [];
      local.on('notice', (notice) => received.push(notice.message));
      for (const message of ['first', 'second', 'third']) {
        ioOf(app).to('room:local').emit('notice', { code: ErrorCode.RateLimited, message });
      }
      await eventually(() => received.length === 3, 10_000, 'the local broadcasts');
      expect(received).toEqual(['first', 'second', 'third']);
    } finally {
      await relay.cut();
    }
  });

  it('readiness waits for the adapter’s own connections, and shutdown does not wait for them', async () => {
    // Redis answers the server's first connection only: the adapter's reader and subscriber
    // hang in their handshake, as when Redis dies just after start.
    const relay = new RedisRelay(1);
    await relay.open();
    try {
      const app = await startApp(withRedis(uniquePrefix(), relay.url));
      const answer = await fetch(`${app.url}/api/health/ready`);
      expect(answer.status).toBe(503);
      const body = healthResponseSchema.parse(await answer.json());
      expect(body.reason).toBe(
        "redis: 2 of the socket.io adapter's 2 Redis connections are not connected yet.",
      );
      // An unhandled rejection from the cut connections would fail this file.
      await app.close();
    } finally {
      await relay.cut();
    }
  });

  it('a server started with REDIS_URL and no Redis stops at start, naming REDIS_URL', async () => {
    const port = await freePort();
    await expect(startApp({ REDIS_URL: `redis://:secret@127.0.0.1:${port}` })).rejects.toThrow(
      new RegExp(
        `Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/? \\(REDIS_URL\\) did not answer`,
      ),
    );
  });
});

/** A port nothing listens on (just released by the OS). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
