import {
  debriefEnvelopeSchema,
  ErrorCode,
  reviewLinkSchema,
  type DebriefEnvelope,
  type JoinResponse,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, type Staff } from '../../apps/server/bench/session-client';
import { openSqliteFile, TEST_ORIGIN, type TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

const ADMIN = MINI_ADMIN;

jest.setTimeout(30_000);

let server: TestServer;
let admin: Staff;
let fac: Staff;
let coFac: Staff;
let obs: Staff;
let meta: SessionMeta;
let trainee: JoinResponse;

beforeAll(async () => {
  server = await startMiniServer();
  admin = await login(server.url, ADMIN.username, ADMIN.password);
  for (const username of ['fac1', 'fac2', 'obs1']) {
    await api(
      server.url,
      'POST',
      '/api/accounts',
      { username, password: `${username}-password` },
      admin.token,
    );
  }
  fac = await login(server.url, 'fac1', 'fac1-password');
  coFac = await login(server.url, 'fac2', 'fac2-password');
  obs = await login(server.url, 'obs1', 'obs1-password');
  meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: ['Novi Sad', 'Subotica'], timeRatio: 0 },
    fac.token,
  );
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/observers`,
    { username: 'obs1' },
    fac.token,
  );
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/facilitators`,
    { username: 'fac2' },
    fac.token,
  );
  trainee = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'Trainee One',
    team: 'team-a',
    role: 'prosecutor',
  });
});

afterAll(async () => {
  await server?.close();
});

const createLink = (token?: string, body: unknown = {}) =>
  api<ReviewLink>(server.url, 'POST', `/api/sessions/${meta.id}/review-links`, body, token);

describe('read-only review links', () => {
  it('only the session facilitators create links', async () => {
    await expect(createLink(undefined)).rejects.toMatchObject({
      status: 401,
      body: { code: ErrorCode.Unauthenticated },
    });
    await expect(createLink(trainee.participantToken)).rejects.toMatchObject({
      status: 403,
      body: { code: ErrorCode.Forbidden },
    });
    await expect(createLink(obs.token)).rejects.toMatchObject({
      status: 403,
      body: { code: ErrorCode.Forbidden },
    });
    const other = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
      admin.token,
    );
    await expect(
      api(server.url, 'POST', `/api/sessions/${other.id}/review-links`, {}, fac.token),
    ).rejects.toMatchObject({ status: 404 });
    await expect(createLink(fac.token, { label: 'x', extra: 1 })).rejects.toMatchObject({
      status: 400,
      body: { code: ErrorCode.InvalidPayload },
    });
    const link = reviewLinkSchema.parse(await createLink(coFac.token, { label: 'Co-facilitator' }));
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${TEST_ORIGIN}/review/${link.token}`);
  });

  it('opens the staff debrief without an account and shows nothing else', async () => {
    const link = await createLink(fac.token, { label: 'External reviewer' });
    const viaLink = debriefEnvelopeSchema.parse(
      await api<DebriefEnvelope>(server.url, 'GET', `/api/reviews/${link.token}`),
    );
    const staff = await api<DebriefEnvelope>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      obs.token,
    );
    expect(viaLink.session).toBe(meta.id);
    expect(viaLink.teams.map((t) => t.id)).toEqual(['team-a', 'team-b']);
    expect(viaLink.debrief).toEqual(staff.debrief);
    // The agencies' names, the times and the session's language (what typed words are in), but no
    // trainee's name: reviewers see pseudonyms.
    expect(viaLink.language).toBe('en');
    expect(Object.keys(viaLink).sort()).toEqual(
      [
        'agencies',
        'debrief',
        'endedAt',
        'generatedAt',
        'language',
        'participants',
        'seq',
        'session',
        'startedAt',
        'teams',
      ].sort(),
    );
    expect(viaLink.participants).toEqual({});
    const text = JSON.stringify(viaLink);
    expect(text).not.toContain(meta.joinCode);
    expect(text).not.toContain(trainee.participantToken);
    expect(text).not.toContain('Trainee One');
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(fac.token);

    // Only the hash is stored.
    const db = openSqliteFile(server.databasePath, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT token_hash, label FROM review_links WHERE session_id = ?')
        .all(meta.id) as { token_hash: string; label: string | null }[];
      expect(rows.map((r) => r.label)).toContain('External reviewer');
      expect(rows.map((r) => r.token_hash)).not.toContain(link.token);
      for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      db.close();
    }
  });

  it('answers 404 for an unknown or malformed token', async () => {
    for (const token of ['A'.repeat(43), 'bogus', 'x'.repeat(300)]) {
      await expect(api(server.url, 'GET', `/api/reviews/${token}`)).rejects.toMatchObject({
        status: 404,
        body: { code: ErrorCode.NotFound },
      });
    }
  });

  it('answers 410 session/link_gone for a revoked link', async () => {
    const link = await createLink(fac.token);
    const db = openSqliteFile(server.databasePath);
    try {
      (
        db.prepare('UPDATE review_links SET revoked_at = ? WHERE label IS NULL') as unknown as {
          run(...params: unknown[]): unknown;
        }
      ).run(new Date().toISOString());
    } finally {
      db.close();
    }
    await expect(api(server.url, 'GET', `/api/reviews/${link.token}`)).rejects.toMatchObject({
      status: 410,
      body: { code: ErrorCode.LinkGone },
    });
  });

  it('is never stored by a browser or a proxy, so nothing of it outlives a revocation', async () => {
    const link = await createLink(fac.token);
    const staff = { Authorization: `Bearer ${fac.token}` };
    const mine = { Authorization: `Bearer ${trainee.participantToken}` };
    // Fetched with no credential a shared cache would respect: only the answer's header keeps it
    // out of the caches on the way and of the browser's disk.
    const answers = [
      ['GET', `/api/reviews/${link.token}`, {}],
      ['GET', `/api/reviews/${link.token}/aar.csv`, {}],
      ['GET', `/api/reviews/${link.token}/participation`, {}],
      ['GET', `/api/reviews/${link.token}/replay?team=team-a`, {}],
      ['GET', `/api/sessions/${meta.id}/debrief`, staff],
      ['GET', `/api/sessions/${meta.id}/events.jsonl`, staff],
      ['GET', `/api/sessions/${meta.id}/decisions.csv`, staff],
      ['GET', `/api/sessions/${meta.id}/knowledge-check`, mine],
      ['POST', `/api/sessions/${meta.id}/review-links`, staff],
    ] as const;
    for (const [method, path, headers] of answers) {
      const response = await fetch(`${server.url}${path}`, { method, headers });
      expect([path, response.status < 300]).toEqual([path, true]);
      expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
    // Swagger UI's own files are the same for everyone and keep the caching they ask for.
    const docs = await fetch(`${server.url}/api/docs/assets/swagger-ui.css`);
    expect(docs.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>(server.url, 'GET', '/api/docs-json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sessions/{id}/review-links', '/api/reviews/{token}']),
    );
  });
});
