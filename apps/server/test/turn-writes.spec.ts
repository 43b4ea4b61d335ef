import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server, type Socket as IoSocket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { coalesceTurnWrites, type EngineConnection } from '../src/realtime/turn-writes';

/**
 * A socket.io server whose engine connections write once per turn (as ConfiguredIoAdapter sets it
 * up), with each connection's TCP writes counted: `writes` counts the calls that reach the kernel
 * (one `_write` or `_writev` per system call).
 */
async function startServer(coalesce: boolean) {
  const http: HttpServer = createServer();
  const server = new Server(http, { serveClient: false });
  const writes = new Map<string, number>();
  server.engine.on('connection', (conn: EngineConnection & { id: string }) => {
    if (coalesce) coalesceTurnWrites(conn);
  });
  const sockets: IoSocket[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    const transport = socket.conn.transport as unknown as {
      name: string;
      socket?: { _socket?: NetSocket };
    };
    const tcp = transport.socket?._socket;
    if (!tcp) return;
    // Count at the stream's implementation: corked or not, each call is one system call.
    const counted = tcp as unknown as {
      _write: (...args: unknown[]) => void;
      _writev: (...args: unknown[]) => void;
    };
    const write = counted._write.bind(tcp);
    const writev = counted._writev.bind(tcp);
    writes.set(socket.id, 0);
    counted._write = (...args) => {
      writes.set(socket.id, (writes.get(socket.id) ?? 0) + 1);
      write(...args);
    };
    counted._writev = (...args) => {
      writes.set(socket.id, (writes.get(socket.id) ?? 0) + 1);
      writev(...args);
    };
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    server,
    sockets,
    writes,
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type TestServer = Awaited<ReturnType<typeof startServer>>;

function client(url: string, transports: ('websocket' | 'polling')[]): Promise<ClientSocket> {
  const socket = connect(url, { transports, forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function received(socket: ClientSocket, count: number): Promise<unknown[]> {
  const got: unknown[] = [];
  return new Promise((resolve) => {
    socket.on('m', (value: unknown) => {
      got.push(value);
      if (got.length === count) resolve(got);
    });
  });
}

/** Waits until the server's pending writes have gone out (two turns: flush, then callbacks). */
const turns = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(() => setTimeout(resolve, 20))));

describe('one write per connection per turn', () => {
  const running: TestServer[] = [];
  const clients: ClientSocket[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    // A polling client posts its close packet: let it arrive before the server goes.
    await turns();
    for (const s of running.splice(0)) await s.close();
  });

  async function setUp(coalesce: boolean, transports: ('websocket' | 'polling')[] = ['websocket']) {
    const s = await startServer(coalesce);
    running.push(s);
    const c = await client(s.url, transports);
    clients.push(c);
    await turns();
    const socket = s.sockets[0];
    if (!socket) throw new Error('no server socket');
    return { s, c, socket };
  }

  it('sends what one turn emits in one system call, every message in order', async () => {
    const { s, c, socket } = await setUp(true);
    const before = s.writes.get(socket.id) ?? 0;
    const got = received(c, 5);
    for (let i = 0; i < 5; i += 1) socket.emit('m', { i, text: 'x'.repeat(i * 1000) });
    expect(await got).toEqual([0, 1, 2, 3, 4].map((i) => ({ i, text: 'x'.repeat(i * 1000) })));
    expect((s.writes.get(socket.id) ?? 0) - before).toBe(1);
  });

  it('took one system call per message before (the counter sees what it claims to)', async () => {
    const { s, c, socket } = await setUp(false);
    const before = s.writes.get(socket.id) ?? 0;
    const got = received(c, 5);
    for (let i = 0; i < 5; i += 1) socket.emit('m', { i });
    await got;
    expect((s.writes.get(socket.id) ?? 0) - before).toBe(5);
  });

  it('writes each turn once: messages of a later turn go in a later write', async () => {
    const { s, c, socket } = await setUp(true);
    const before = s.writes.get(socket.id) ?? 0;
    const got = received(c, 4);
    socket.emit('m', 1);
    socket.emit('m', 2);
    setImmediate(() => {
      setImmediate(() => {
        socket.emit('m', 3);
        socket.emit('m', 4);
      });
    });
    expect(await got).toEqual([1, 2, 3, 4]);
    expect((s.writes.get(socket.id) ?? 0) - before).toBe(2);
  });

  it('keeps acks, room broadcasts and direct emits in the order they were made', async () => {
    const { s, c, socket } = await setUp(true);
    await socket.join('room');
    socket.on('ask', (n: number, ack: (answer: number) => void) => {
      s.server.to('room').emit('m', `before ${n}`);
      ack(n * 2);
      socket.emit('m', `after ${n}`);
    });
    const seen: string[] = [];
    c.on('m', (m: string) => seen.push(m));
    // A callback ack runs as its packet is decoded (a promise's continuation would run after
    // every packet of the same read), so `seen` is the order the packets arrived in.
    await new Promise<void>((resolve) => {
      c.emit('ask', 21, (answer: number) => {
        seen.push(`ack ${answer}`);
        resolve();
      });
    });
    await turns();
    expect(seen).toEqual(['before 21', 'ack 42', 'after 21']);
  });

  it('delivers a message emitted just before the server disconnects the socket', async () => {
    const { c, socket } = await setUp(true);
    const notice = new Promise<unknown>((resolve) => c.once('notice', resolve));
    const closed = new Promise<string>((resolve) => c.once('disconnect', resolve));
    socket.emit('notice', { reason: 'bye' });
    socket.disconnect(true);
    expect(await notice).toEqual({ reason: 'bye' });
    expect(await closed).toBe('io server disconnect');
  });

  it('leaves long-polling connections as they were', async () => {
    const { c, socket } = await setUp(true, ['polling']);
    expect(socket.conn.transport.name).toBe('polling');
    const got = received(c, 3);
    for (let i = 0; i < 3; i += 1) socket.emit('m', i);
    expect(await got).toEqual([0, 1, 2]);
  });
});
