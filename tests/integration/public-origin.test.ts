import http from 'node:http';
import type { ReviewLink, SessionMeta } from '@crossroads/shared';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@crossroads/shared';
import { api, login, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(30_000);

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost<T>(url: string, host: string, token: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { host, authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(JSON.parse(body) as T) : reject(new Error(body)),
        );
      },
    );
    request.on('error', reject);
  });
}

/** Opens a facilitator socket with the given Origin; resolves with the snapshot's join link. */
function snapshotJoinLink(server: TestServer, origin: string, token: string, session: string) {
  const socket = io(server.url, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    extraHeaders: { Origin: origin },
    auth: { protocol: PROTOCOL_VERSION, credential: { kind: 'facilitator', token }, session },
  });
  return new Promise<string | undefined>((resolve, reject) => {
    socket.once('session.snapshot', (s) => resolve(s.session.joinLink ?? undefined));
    socket.once('connect_error', reject);
  }).finally(() => socket.close());
}

describe('links given to people follow the address the server is reached on', () => {
  let server: TestServer;
  let fac: Staff;
  let meta: SessionMeta;

  beforeAll(async () => {
    // No PUBLIC_ORIGIN: what `npm start` does on a laptop with PORT=3100.
    server = await startMiniServer({ env: { PUBLIC_ORIGIN: undefined } });
    fac = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
    meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: ['A'], timeRatio: 0 },
      fac.token,
    );
  });
  afterAll(() => server?.close());

  it('puts the request host and port in the join link and the review link', async () => {
    expect(server.url).not.toMatch(/:3000$/);
    expect(meta.joinLink).toBe(`${server.url}/join/${meta.joinCode}`);
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    expect(link.url).toBe(`${server.url}/review/${link.token}`);
  });

  it('uses the host name the facilitator typed (a classroom network address)', async () => {
    const port = new URL(server.url).port;
    const seen = await getWithHost<SessionMeta>(
      `${server.url}/api/sessions/${meta.id}`,
      `192.168.1.20:${port}`,
      fac.token,
    );
    expect(seen.joinLink).toBe(`http://192.168.1.20:${port}/join/${meta.joinCode}`);
  });

  it('accepts a socket from a page it served itself and links to that origin', async () => {
    await expect(snapshotJoinLink(server, server.url, fac.token, meta.id)).resolves.toBe(
      `${server.url}/join/${meta.joinCode}`,
    );
  });

  it('still refuses a socket from a foreign site', async () => {
    await expect(
      snapshotJoinLink(server, 'http://evil.example', fac.token, meta.id),
    ).rejects.toThrow();
  });
});

describe('with PUBLIC_ORIGIN set (behind a proxy)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startMiniServer({ env: { PUBLIC_ORIGIN: 'https://crossroads.example.org' } });
  });
  afterAll(() => server?.close());

  it('links always use PUBLIC_ORIGIN, whatever host the request named', async () => {
    const fac = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
    const meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: ['A'], timeRatio: 0 },
      fac.token,
    );
    expect(meta.joinLink).toBe(`https://crossroads.example.org/join/${meta.joinCode}`);
    await expect(snapshotJoinLink(server, server.url, fac.token, meta.id)).rejects.toThrow();
  });
});
