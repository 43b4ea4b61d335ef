import net from 'node:net';
import {
  ErrorCode,
  PROTOCOL_VERSION,
  type JoinResponse,
  type ServerNotice,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

/*
 * What the server queues for one consumer is bounded (CROSSROADS_QUEUE_MESSAGES / _BYTES): a socket
 * whose client stops reading is closed once its queue passes the bound, and the client is told why
 * when it connects again and is resynchronised. Snapshots are budgeted in bytes per socket, and
 * REST requests from an address whose earlier responses are unread are refused.
 */

jest.setTimeout(60_000);

const clients: SessionClient[] = [];

async function connect(
  server: TestServer,
  credential: SessionClient['credential'],
  sessionId?: string,
): Promise<SessionClient> {
  const c = new SessionClient(server.url, credential, sessionId);
  clients.push(c);
  await c.connected();
  await c.until(() => c.snapshot !== null || c.lastSeq > 0, 5000, 'first message');
  return c;
}

async function lobbySession(server: TestServer, staff: Staff) {
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    staff.token,
  );
  const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'Trainee',
    team: 'team-a',
    role: 'prosecutor',
  });
  return { meta, participantToken: joined.participantToken };
}

/**
 * An engine.io client over HTTP long-polling that connects its session socket and then never polls
 * again: everything the server sends it stays queued in the server's write buffer.
 */
async function neverReadingSocket(server: TestServer, auth: unknown): Promise<string> {
  const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
  const open = await (await fetch(base)).text();
  const sid = (JSON.parse(open.slice(open.indexOf('{'))) as { sid: string }).sid;
  const posted = await fetch(`${base}&sid=${sid}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: `40${JSON.stringify(auth)}`,
  });
  expect(await posted.text()).toBe('ok');
  return sid;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

describe('a consumer that stops reading', () => {
  let server: TestServer;
  let admin: Staff;

  beforeAll(async () => {
    server = await startMiniServer({ env: { CROSSROADS_QUEUE_MESSAGES: '12' } });
    admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  });
  afterAll(() => server.close());

  it('is disconnected once its queue passes the bound, is told why on reconnect, and resyncs', async () => {
    const { meta, participantToken } = await lobbySession(server, admin);
    const facilitator = await connect(server, { kind: 'facilitator', token: admin.token }, meta.id);
    const credential = { kind: 'participant' as const, token: participantToken };
    const sid = await neverReadingSocket(server, {
      protocol: PROTOCOL_VERSION,
      credential,
    });

    // Each broadcast is one more message queued for the trainee's socket.
    let sent = 0;
    const alive = async () => {
      const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        signal: AbortSignal.timeout(200),
      }).catch(() => null);
      // A poll answers at once with the queue while the socket lives (which is not reading
      // anymore, so only the status matters); 400 means the server dropped the session id.
      return poll === null || poll.status !== 400;
    };
    // The poll above would drain the queue, so the bound is passed before the first look.
    for (; sent < 14; sent += 1) {
      const ack = await facilitator.send('broadcast.send', { message: `Update ${sent}` });
      expect(ack.status).toBe('accepted');
    }
    // The cut follows the packet that passed the bound within the same turn of the event loop.
    await new Promise((r) => setTimeout(r, 100));
    expect(await alive()).toBe(false);

    // The trainee comes back: told why, and given the whole session again.
    const back = new SessionClient(server.url, credential);
    clients.push(back);
    const notices: ServerNotice[] = [];
    back.socket.on('notice', (n) => notices.push(n));
    await back.connected();
    await back.until(() => back.snapshot !== null && notices.length > 0, 5000, 'resync');
    expect(notices).toEqual([expect.objectContaining({ code: ErrorCode.SlowConsumer })]);
    expect(back.snapshot?.broadcasts.length).toBe(sent);
    expect(back.lastSeq).toBe(facilitator.lastSeq);

    // Only once: the next connection of the same trainee hears nothing about it.
    back.close();
    const again = new SessionClient(server.url, credential);
    clients.push(again);
    const later: ServerNotice[] = [];
    again.socket.on('notice', (n) => later.push(n));
    await again.connected();
    await again.until(() => again.snapshot !== null, 5000, 'snapshot');
    await new Promise((r) => setTimeout(r, 200));
    expect(later).toEqual([]);
  });

  it('keeps a consumer that reads connected through the same traffic', async () => {
    const { meta, participantToken } = await lobbySession(server, admin);
    const facilitator = await connect(server, { kind: 'facilitator', token: admin.token }, meta.id);
    const trainee = await connect(server, { kind: 'participant', token: participantToken });
    let disconnects = 0;
    trainee.socket.on('disconnect', () => (disconnects += 1));
    for (let i = 0; i < 14; i += 1) {
      await facilitator.send('broadcast.send', { message: `Update ${i}` });
    }
    await trainee.until(() => trainee.lastSeq === facilitator.lastSeq, 5000, 'all updates');
    expect(disconnects).toBe(0);
    expect(trainee.socket.connected).toBe(true);
  });
});

describe('snapshots by size', () => {
  let server: TestServer;
  let admin: Staff;

  beforeAll(async () => {
    // 1 KiB/s after a 4 KiB burst: less than one snapshot of the mini session.
    server = await startMiniServer({ env: { CROSSROADS_SNAPSHOT_BYTES_PER_SECOND: '1024' } });
    admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  });
  afterAll(() => server.close());

  it('refuses session.sync once the socket has pulled its byte budget, other commands still pass', async () => {
    const { meta, participantToken } = await lobbySession(server, admin);
    const facilitator = await connect(server, { kind: 'facilitator', token: admin.token }, meta.id);
    const trainee = await connect(server, { kind: 'participant', token: participantToken });
    // A lobby snapshot of the mini session is about 1.7 KB: the 4 KiB burst (its own first
    // snapshot included) allows a couple more, far fewer than the 20 commands of the count limit.
    let accepted = 0;
    let sync = await trainee.send('session.sync', {});
    while (sync.status === 'accepted' && accepted < 20) {
      accepted += 1;
      sync = await trainee.send('session.sync', {});
    }
    expect(accepted).toBeLessThanOrEqual(2);
    expect(sync).toEqual({
      status: 'rejected',
      code: ErrorCode.RateLimited,
      message: expect.stringMatching(
        /^Snapshots are limited in size per second; ask again in \d+ s\.$/,
      ),
    });
    // The refusal is about snapshot bytes, not the count of commands.
    const note = await facilitator.send('broadcast.send', { message: 'still here' });
    expect(note.status).toBe('accepted');
    // The budget refills with time: about 2 s per snapshot at 1 KiB/s.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await trainee.send('session.sync', {})).status).toBe('accepted');
  });

  it('counts the snapshots of all the sockets of one trainee together', async () => {
    const { participantToken } = await lobbySession(server, admin);
    const first = await connect(server, { kind: 'participant', token: participantToken });
    while ((await first.send('session.sync', {})).status === 'accepted');
    // A new socket has a budget of its own, but the trainee's is spent.
    const second = await connect(server, { kind: 'participant', token: participantToken });
    const sync = await second.send('session.sync', {});
    expect(sync).toMatchObject({ status: 'rejected', code: ErrorCode.RateLimited });
  });
});

describe('REST responses an address does not read', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startMiniServer({ env: { CROSSROADS_QUEUE_BYTES: '65536' } });
  });
  afterAll(() => server.close());

  it('answers 503 protocol/slow_consumer while earlier responses pile up unread, and serves again once they are read', async () => {
    const { port } = new URL(server.url);
    const raw = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
    raw.pause(); // never reads what the server writes
    const request = 'GET /api/docs-json HTTP/1.1\r\nHost: localhost\r\n\r\n';
    // Pipelined on one connection: each response is written behind the previous unread one.
    raw.write(request.repeat(60));

    let refused: Response | undefined;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const r = await fetch(`${server.url}/api/health`);
      if (r.status === 503) {
        refused = r;
        break;
      }
      await r.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('5');
    expect(await refused?.json()).toEqual({
      code: ErrorCode.SlowConsumer,
      message: expect.stringContaining('have not been read yet'),
    });

    raw.destroy();
    let status = 0;
    const until = Date.now() + 5000;
    while (Date.now() < until && status !== 200) {
      status = (await fetch(`${server.url}/api/health`)).status;
    }
    expect(status).toBe(200);
  });
});
