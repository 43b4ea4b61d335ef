import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type JoinResponse,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import type { HttpError } from '../../apps/server/bench/session-client';
import {
  api,
  joinSeat,
  login,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import { KEEP_ALIVE_TIMEOUT_MS } from '@crossroads/server';
import { openSqliteFile, type TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

/* Safe defaults: each low finding of the hardening review, tried through the public surfaces. */

jest.setTimeout(60_000);

let server: TestServer;
let admin: Staff;
let owner: Staff;
let watcher: Staff;
let meta: SessionMeta;
const clients: SessionClient[] = [];

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: HttpError) => ({ status: error.status, body: error.body }),
  );

beforeAll(async () => {
  server = await startMiniServer();
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  for (const username of ['owner2', 'watcher2']) {
    await api(
      server.url,
      'POST',
      '/api/accounts',
      { username, password: `${username}-password` },
      admin.token,
    );
  }
  owner = await login(server.url, 'owner2', 'owner2-password');
  watcher = await login(server.url, 'watcher2', 'watcher2-password');
  meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    owner.token,
  );
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/observers`,
    { username: 'watcher2' },
    owner.token,
  );
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

describe('security headers', () => {
  it('every response carries the CSP, framing, referrer, content-type and permissions headers', async () => {
    for (const path of ['/api/health', '/api/nope', '/socket.io/?EIO=4&transport=polling']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      if (path.startsWith('/api')) {
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
      } else expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      if (path.startsWith('/api')) {
        expect(response.headers.get('permissions-policy')).toContain('camera=()');
      }
      // Plain HTTP without a trusted TLS proxy: no HSTS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('keep-alive', () => {
  it('keeps an idle connection longer than a proxy in front keeps its upstream ones (60 s)', async () => {
    const response = await fetch(`${server.url}/api/health`);
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
  });
});

describe('error bodies are { code, message }', () => {
  it('for malformed JSON, a too large body and unknown routes', async () => {
    const malformed = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username": ',
    });
    expect(malformed.status).toBe(400);
    // Written for a person, not the parser's own words ("Unexpected end of JSON input").
    expect(await malformed.json()).toEqual({
      code: ErrorCode.InvalidPayload,
      message: 'The request body is not valid JSON.',
    });

    const large = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }),
    });
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({
      code: ErrorCode.PayloadTooLarge,
      message: 'The request body is too large.',
    });

    // JSON is the only body the API reads: a form post (which another site's page can send
    // without a preflight) or plain text is refused saying so, and joins nobody.
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `code=${meta.joinCode}&displayName=Form`],
      ['text/plain', JSON.stringify({ code: meta.joinCode, displayName: 'Text' })],
    ]) {
      const refused = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'Content-Type': type as string },
        body: body as string,
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        code: ErrorCode.InvalidPayload,
        message: expect.stringContaining('as a JSON body (Content-Type: application/json)'),
      });
    }

    const unknown = await fetch(`${server.url}/api/no/such/route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: ErrorCode.NotFound, message: expect.any(String) });
  });
});

describe('observers', () => {
  it('get no join code over REST or in the snapshot; facilitators do', async () => {
    const seen = await api<SessionMeta>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}`,
      undefined,
      watcher.token,
    );
    expect(seen.joinCode).toBeUndefined();
    expect(seen.joinLink).toBeUndefined();
    const own = await api<SessionMeta>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}`,
      undefined,
      owner.token,
    );
    expect(own.joinCode).toBe(meta.joinCode);

    const observer = new SessionClient(
      server.url,
      { kind: 'observer', token: watcher.token },
      meta.id,
    );
    clients.push(observer);
    await observer.connected();
    await observer.until(() => observer.snapshot !== null, 5000, 'snapshot');
    expect(observer.snapshot?.session.joinCode).toBeUndefined();
    const facilitator = new SessionClient(
      server.url,
      { kind: 'facilitator', token: owner.token },
      meta.id,
    );
    clients.push(facilitator);
    await facilitator.connected();
    await facilitator.until(() => facilitator.snapshot !== null, 5000, 'snapshot');
    expect(facilitator.snapshot?.session.joinCode).toBe(meta.joinCode);
  });
});

describe('review links', () => {
  it('expire after the set time and can be revoked, answering 410 with a code', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      owner.token,
    );
    expect(Date.parse(link.expiresAt ?? '') - Date.parse(link.createdAt)).toBe(
      30 * 24 * 3600 * 1000,
    );
    await expect(api(server.url, 'GET', `/api/reviews/${link.token}`)).resolves.toBeTruthy();

    const db = openSqliteFile(server.databasePath);
    try {
      (
        db.prepare('UPDATE review_links SET expires_at = ? WHERE session_id = ?') as unknown as {
          run(...p: unknown[]): unknown;
        }
      ).run(new Date(Date.now() - 1000).toISOString(), meta.id);
    } finally {
      db.close();
    }
    expect(await status(api(server.url, 'GET', `/api/reviews/${link.token}`))).toEqual({
      status: 410,
      body: { code: ErrorCode.LinkGone, message: expect.stringMatching(/expired/) },
    });

    const second = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      owner.token,
    );
    // Observers may not revoke; facilitators may.
    expect(
      await status(
        api(
          server.url,
          'DELETE',
          `/api/sessions/${meta.id}/review-links`,
          { token: second.token },
          watcher.token,
        ),
      ),
    ).toMatchObject({ status: 403 });
    await expect(
      api(
        server.url,
        'DELETE',
        `/api/sessions/${meta.id}/review-links`,
        { token: second.token },
        owner.token,
      ),
    ).resolves.toEqual({ revoked: 1 });
    expect(await status(api(server.url, 'GET', `/api/reviews/${second.token}`))).toEqual({
      status: 410,
      body: { code: ErrorCode.LinkGone, message: expect.stringMatching(/revoked/) },
    });
  });
});

describe('display names', () => {
  const join = (displayName: string) =>
    api<JoinResponse>(server.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName,
      team: 'team-a',
      role: 'prosecutor',
    });

  it('are unique in a team (case, accents and spacing ignored) and cannot pass for staff', async () => {
    await join('Ana Petrović');
    for (const copy of ['ana petrovic', 'ANA  PETROVIĆ', 'Ana-Petrović']) {
      expect(await status(join(copy))).toMatchObject({
        status: 409,
        body: { code: ErrorCode.NameTaken },
      });
    }
    for (const staff of ['Facilitator (staff)', 'Observer', 'admin', 'Posmatrač', 'voditelj']) {
      expect(await status(join(staff))).toMatchObject({
        status: 400,
        body: { code: ErrorCode.InvalidPayload },
      });
    }
    await expect(join('Ana Petrović 2')).resolves.toMatchObject({
      participant: { displayName: 'Ana Petrović 2' },
    });
  });
});

describe('command ids', () => {
  it('a reused commandId with a different payload is refused with its own code; an exact repeat is a duplicate', async () => {
    const { client: trainee } = await joinSeat(
      server.url,
      meta,
      {
        displayName: `Chat ${randomUUID().slice(0, 6)}`,
        team: 'team-a',
        role: 'prosecutor',
      },
      clients,
    );
    await trainee.until(() => trainee.snapshot !== null, 5000, 'snapshot');
    const commandId = randomUUID();
    const first = await trainee.send('chat.send', { commandId, text: 'first text' });
    expect(first.status).toBe('accepted');
    await expect(
      trainee.send('chat.send', { commandId, text: 'first text' }),
    ).resolves.toMatchObject({
      status: 'accepted',
      duplicate: true,
    });
    await expect(trainee.send('chat.send', { commandId, text: 'another text' })).resolves.toEqual({
      status: 'rejected',
      code: ErrorCode.CommandIdReused,
      message: expect.stringMatching(/different command/),
    });
    const events = await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
      headers: { Authorization: `Bearer ${owner.token}` },
    }).then((r) => r.text());
    expect(events).not.toContain('another text');
  });
});

describe('passwords and logins', () => {
  const create = (username: string, password: string) =>
    status(api(server.url, 'POST', '/api/accounts', { username, password }, admin.token));

  it('refuses common passwords and the username, accepts a good phrase', async () => {
    for (const [username, password] of [
      ['maria', '1234567890'],
      ['maria', 'password1234'],
      ['maria', 'qwertyuiop'],
      ['maria.kovac', 'maria.kovac'],
      ['maria.kovac', 'Maria.Kovac1'],
    ] as const) {
      expect(await create(username, password)).toMatchObject({
        status: 400,
        body: { code: ErrorCode.InvalidPayload },
      });
    }
    expect(await create('maria', 'river-lamp-orchard-7')).toBe(200);
  });

  it('wrong guesses at one account do not lock out another user on the same address', async () => {
    await create('victim', 'victim-own-phrase-1');
    await create('colleague', 'colleague-phrase-2');
    let limited = false;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const r = await status(login(server.url, 'victim', `wrong-guess-${i}`));
      limited = typeof r === 'object' && r.status === 429;
    }
    expect(limited).toBe(true);
    await expect(login(server.url, 'colleague', 'colleague-phrase-2')).resolves.toMatchObject({
      token: expect.any(String),
    });
  });
});
