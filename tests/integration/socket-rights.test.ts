import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  REVOKE_NOTICE_CODES,
  type JoinResponse,
  type ServerNotice,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import { openSqliteFile, type TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

/*
 * Who a socket is gets decided for every command from the current state, and changes of that state
 * (removal, role change, logout, token expiry) reach sockets that are already open: they are closed
 * at once with a notice saying why.
 */

jest.setTimeout(30_000);

let server: TestServer;
let admin: Staff;
let owner: Staff;
const clients: SessionClient[] = [];

async function account(username: string): Promise<Staff> {
  const password = `${username}-password`;
  await api(server.url, 'POST', '/api/accounts', { username, password }, admin.token);
  return login(server.url, username, password);
}

async function session(): Promise<{ meta: SessionMeta; trainee: SessionClient }> {
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    owner.token,
  );
  const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'Trainee',
    team: 'team-a',
    role: 'prosecutor',
  });
  const trainee = await connect({ kind: 'participant', token: joined.participantToken });
  return { meta, trainee };
}

async function connect(
  credential: SessionClient['credential'],
  sessionId?: string,
): Promise<SessionClient> {
  const c = new SessionClient(server.url, credential, sessionId);
  clients.push(c);
  await c.connected();
  await c.until(() => c.snapshot !== null, 5000, 'snapshot');
  return c;
}

/**
 * Resolves with the notice the server sent and the reason of the disconnect that followed. Its
 * code is one of REVOKE_NOTICE_CODES: clients tell by them that the same credential will not get
 * back in (the trainee page shows its refused screen rather than a reconnect button).
 */
function closedWith(c: SessionClient): Promise<{ notice: ServerNotice | null; reason: string }> {
  return new Promise((resolve) => {
    let notice: ServerNotice | null = null;
    c.socket.on('notice', (n) => {
      notice = n;
    });
    c.socket.once('disconnect', (reason) => {
      const told: ServerNotice | null = notice;
      if (told !== null) expect(REVOKE_NOTICE_CODES).toContain(told.code);
      resolve({ notice, reason });
    });
  });
}

async function addMember(meta: SessionMeta, who: string, as: 'facilitators' | 'observers') {
  await api(server.url, 'POST', `/api/sessions/${meta.id}/${as}`, { username: who }, owner.token);
}

beforeAll(async () => {
  server = await startMiniServer();
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  owner = await account('owner1');
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
});

describe('socket rights follow the current state', () => {
  it('a removed co-facilitator is disconnected at once with the reason, and REST refuses too', async () => {
    const { meta } = await session();
    const co = await account('cofac1');
    await addMember(meta, 'cofac1', 'facilitators');
    const socket = await connect({ kind: 'facilitator', token: co.token }, meta.id);
    expect((await socket.send('session.start', {})).status).toBe('accepted');

    const closed = closedWith(socket);
    await api(
      server.url,
      'DELETE',
      `/api/sessions/${meta.id}/members/${co.accountId}`,
      undefined,
      owner.token,
    );
    const { notice, reason } = await closed;
    expect(reason).toBe('io server disconnect');
    // No longer staff, the session is answered as one that does not exist (as at the handshake
    // and over REST), so the console offers no other view of it.
    expect(notice).toEqual({
      code: ErrorCode.NotFound,
      message: "You were removed from this session's staff.",
    });
    // Reconnecting with the same login is refused at the handshake, as for no session: no longer
    // staff, they have no right to know it.
    const again = new SessionClient(server.url, { kind: 'facilitator', token: co.token }, meta.id);
    clients.push(again);
    await expect(again.connected()).rejects.toMatchObject({ message: ErrorCode.NotFound });
  });

  it('re-checks the membership on every command, even when no push happened', async () => {
    const { meta } = await session();
    const co = await account('cofac2');
    await addMember(meta, 'cofac2', 'facilitators');
    const socket = await connect({ kind: 'facilitator', token: co.token }, meta.id);
    expect((await socket.send('session.start', {})).status).toBe('accepted');
    // Changed behind the server's back (another process, an admin tool): only the command sees it.
    const db = openSqliteFile(server.databasePath);
    try {
      (
        db.prepare(
          'DELETE FROM session_members WHERE session_id = ? AND account_id = ?',
        ) as unknown as {
          run(...params: unknown[]): unknown;
        }
      ).run(meta.id, co.accountId);
    } finally {
      db.close();
    }
    const closed = closedWith(socket);
    const ack = await socket.send('broadcast.send', { message: 'still here?' });
    expect(ack).toMatchObject({ status: 'rejected', code: ErrorCode.NotFound });
    expect((await closed).notice?.code).toBe(ErrorCode.NotFound);
    const rest = await api<{ events: unknown[] }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      co.token,
    ).catch((error: { status: number }) => error.status);
    // No longer staff, REST answers them as for a session that does not exist.
    expect(rest).toBe(404);
  });

  it('a facilitator made observer loses the console at once', async () => {
    const { meta } = await session();
    const co = await account('cofac3');
    await addMember(meta, 'cofac3', 'facilitators');
    const socket = await connect({ kind: 'facilitator', token: co.token }, meta.id);
    const closed = closedWith(socket);
    await addMember(meta, 'cofac3', 'observers');
    const { notice } = await closed;
    expect(notice?.code).toBe(ErrorCode.Forbidden);
    expect(notice?.message).toMatch(/now an observer/);
    // As an observer it may connect again, and may not command.
    const observer = await connect({ kind: 'observer', token: co.token }, meta.id);
    expect(await observer.send('session.start', {})).toMatchObject({
      status: 'rejected',
      code: ErrorCode.Forbidden,
    });
  });

  it("a logged-out token's open socket is closed and gets nothing more", async () => {
    const { meta } = await session();
    const co = await account('cofac4');
    await addMember(meta, 'cofac4', 'facilitators');
    const socket = await connect({ kind: 'facilitator', token: co.token }, meta.id);
    const closed = closedWith(socket);
    await api(server.url, 'POST', '/api/auth/logout', undefined, co.token);
    const { notice, reason } = await closed;
    expect(reason).toBe('io server disconnect');
    expect(notice?.code).toBe(ErrorCode.Unauthenticated);
    expect(notice?.message).toMatch(/login has ended/);
  });

  it('a removed observer stops receiving the staff feed (team chat)', async () => {
    const { meta, trainee } = await session();
    const watcher = await account('obs9');
    await addMember(meta, 'obs9', 'observers');
    const socket = await connect({ kind: 'observer', token: watcher.token }, meta.id);
    await trainee.send('chat.send', { text: 'before removal' });
    await socket.until(
      () => socket.events.some((e) => e.type === 'chat.message'),
      5000,
      'chat before removal',
    );
    const closed = closedWith(socket);
    await api(
      server.url,
      'DELETE',
      `/api/sessions/${meta.id}/members/${watcher.accountId}`,
      undefined,
      owner.token,
    );
    expect((await closed).notice).toEqual({
      code: ErrorCode.NotFound,
      message: "You were removed from this session's staff.",
    });
    const seen = socket.events.length;
    await trainee.send('chat.send', { text: 'after removal' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.events).toHaveLength(seen);
    expect(socket.socket.connected).toBe(false);
  });

  it('an expiring login closes its socket when the token expires', async () => {
    const { meta } = await session();
    const co = await account('cofac5');
    await addMember(meta, 'cofac5', 'facilitators');
    const db = openSqliteFile(server.databasePath);
    try {
      const expires = new Date(Date.now() + 1500).toISOString();
      (
        db.prepare('UPDATE auth_tokens SET expires_at = ? WHERE account_id = ?') as unknown as {
          run(...params: unknown[]): unknown;
        }
      ).run(expires, co.accountId);
    } finally {
      db.close();
    }
    const socket = await connect({ kind: 'facilitator', token: co.token }, meta.id);
    const closed = closedWith(socket);
    const started = Date.now();
    const { notice } = await closed;
    expect(notice?.code).toBe(ErrorCode.Unauthenticated);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a trainee socket keeps working (the re-check passes for members still there)', async () => {
    const { trainee } = await session();
    expect((await trainee.send('chat.send', { text: `hello ${randomUUID()}` })).status).toBe(
      'accepted',
    );
  });
});

describe('a session id cannot be probed over the socket', () => {
  /** Well formed, and no session's. */
  const NO_SESSION = '00000000-0000-4000-8000-000000000000';

  /** What the handshake answers: the connect_error's code and notice, or that it connected. */
  async function refusal(
    credential: SessionClient['credential'],
    sessionId?: string,
  ): Promise<unknown> {
    const c = new SessionClient(server.url, credential, sessionId);
    clients.push(c);
    return c.connected().then(
      () => 'connected',
      (error: Error & { data?: unknown }) => ({ code: error.message, notice: error.data }),
    );
  }

  const notFound = {
    code: ErrorCode.NotFound,
    notice: { code: ErrorCode.NotFound, message: 'No such session.' },
  };

  it('staff who are not its members hear what a session that does not exist answers', async () => {
    const { meta } = await session();
    const outsider = await account('outsider1');
    for (const kind of ['facilitator', 'observer'] as const) {
      const credential = { kind, token: outsider.token };
      expect(await refusal(credential, NO_SESSION)).toEqual(notFound);
      expect(await refusal(credential, meta.id)).toEqual(notFound);
    }
  });

  it('staff removed from it hear the same when they connect again', async () => {
    const { meta } = await session();
    const removed = await account('removed1');
    await addMember(meta, 'removed1', 'observers');
    await api(
      server.url,
      'DELETE',
      `/api/sessions/${meta.id}/members/${removed.accountId}`,
      undefined,
      owner.token,
    );
    expect(await refusal({ kind: 'observer', token: removed.token }, meta.id)).toEqual(notFound);
  });

  it("another session's trainee is answered alike whether the id exists or not", async () => {
    const { meta } = await session();
    const other = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
      owner.token,
    );
    const { participantToken } = await api<JoinResponse>(server.url, 'POST', '/api/join', {
      code: other.joinCode,
      displayName: 'Elsewhere',
    });
    const credential = { kind: 'participant', token: participantToken } as const;
    expect(await refusal(credential, meta.id)).toEqual(await refusal(credential, NO_SESSION));
  });

  it('its members are still told what they may not do', async () => {
    const { meta } = await session();
    const watcher = await account('watcher1');
    await addMember(meta, 'watcher1', 'observers');
    expect(await refusal({ kind: 'facilitator', token: watcher.token }, meta.id)).toEqual({
      code: ErrorCode.Forbidden,
      notice: { code: ErrorCode.Forbidden, message: 'You are not a facilitator of this session.' },
    });
    // And an administrator may still learn that an id names no session.
    expect(await refusal({ kind: 'observer', token: admin.token }, NO_SESSION)).toEqual(notFound);
  });
});
