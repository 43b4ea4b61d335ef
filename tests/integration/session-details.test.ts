import {
  debriefEnvelopeSchema,
  ErrorCode,
  sessionMetaSchema,
  type DebriefEnvelope,
  type JoinResponse,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import { api, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import { openSqliteFile, type TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';
import { accepted } from '../acks';

/*
 * What a session is called, where and when it runs: set at creation, stored with the session, sent with its
 * metadata and with every debrief (staff, trainee, review link) together with the agencies' names
 * and the display names that reader may see.
 */

jest.setTimeout(30_000);

const DETAILS = {
  title: '  Border investigations, Subotica  ',
  place: 'Subotica police academy',
  startsOn: '2026-03-12',
  endsOn: '2026-03-14',
  organisation: 'OSCE Mission to Serbia',
  facilitators: ['Ana Petrović', 'Luka Ilić'],
};

let server: TestServer;
let fac: Staff;
let meta: SessionMeta;
const trainees: JoinResponse[] = [];
let facilitator: SessionClient;

const create = (body: unknown) =>
  api<SessionMeta>(server.url, 'POST', '/api/sessions', body, fac.token);

beforeAll(async () => {
  server = await startMiniServer();
  fac = await miniFacilitator(server);
  meta = await create({ scenario: 'mini-kelebija', teams: 2, timeRatio: 0, details: DETAILS });
  for (const [team, role, displayName] of [
    ['team-a', 'border_police', 'Ana from team A'],
    ['team-a', 'prosecutor', 'Marko from team A'],
    ['team-b', 'border_police', 'Jovan from team B'],
  ] as const) {
    trainees.push(
      await api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName,
        team,
        role,
      }),
    );
  }
  facilitator = new SessionClient(server.url, { kind: 'facilitator', token: fac.token }, meta.id);
  await facilitator.connected();
  accepted(await facilitator.send('session.start', {}));
  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
});

afterAll(async () => {
  facilitator?.socket.close();
  await server?.close();
});

const expected = { ...DETAILS, title: 'Border investigations, Subotica' };

describe('details of a session', () => {
  it('are taken at creation (trimmed) and sent with the session metadata', async () => {
    expect(sessionMetaSchema.parse(meta).details).toEqual(expected);
    const again = await api<SessionMeta>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}`,
      undefined,
      fac.token,
    );
    expect(again.details).toEqual(expected);
    // Trainees get them too (their lobby shows them).
    expect(trainees[0]?.session.details).toEqual(expected);
  });

  it('are stored in the sessions table (migration SessionDetails1765065600000)', () => {
    const db = openSqliteFile(server.databasePath, { readonly: true });
    try {
      const row = db.prepare('SELECT details FROM sessions WHERE id = ?').get(meta.id) as {
        details: string;
      };
      expect(JSON.parse(row.details)).toEqual(expected);
      const names = (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map(
        (m) => m.name,
      );
      expect(names).toContain('SessionDetails1765065600000');
    } finally {
      db.close();
    }
  });

  it('are optional: empty fields are dropped, and none at all leaves them out', async () => {
    const bare = await create({ scenario: 'mini-kelebija', teams: 1 });
    expect(bare.details).toBeUndefined();
    const partial = await create({
      scenario: 'mini-kelebija',
      teams: 1,
      details: { title: '  ', place: 'Niš', facilitators: [] },
    });
    expect(partial.details).toEqual({ place: 'Niš' });
  });

  it.each([
    ['the last day before the first', { startsOn: '2026-03-14', endsOn: '2026-03-12' }],
    ['a day that is not a date', { startsOn: '14.03.2026' }],
    ['an unknown field', { room: 'B12' }],
    ['a title too long', { title: 'x'.repeat(161) }],
    ['too many facilitators', { facilitators: Array.from({ length: 11 }, (_, i) => `F${i}`) }],
  ])('refuses %s with 400 and creates nothing', async (_what, details) => {
    const before = (await api<unknown[]>(server.url, 'GET', '/api/sessions', undefined, fac.token))
      .length;
    await expect(create({ scenario: 'mini-kelebija', teams: 1, details })).rejects.toMatchObject({
      status: 400,
      body: { code: ErrorCode.InvalidPayload },
    });
    const after = (await api<unknown[]>(server.url, 'GET', '/api/sessions', undefined, fac.token))
      .length;
    expect(after).toBe(before);
  });
});

describe('default team names', () => {
  test("a number of teams is named in the session's language, which trainees and the debrief read", async () => {
    const names = async (language?: string) =>
      (
        await create({
          scenario: 'mini-kelebija',
          teams: 3,
          timeRatio: 0,
          ...(language ? { language } : {}),
        })
      ).teams.map((t) => t.name);
    await expect(names()).resolves.toEqual(['Team A', 'Team B', 'Team C']);
    await expect(names('sr-Latn')).resolves.toEqual(['Tim A', 'Tim B', 'Tim C']);
    await expect(names('mk')).resolves.toEqual(['Тим A', 'Тим B', 'Тим C']);
    await expect(names('sq')).resolves.toEqual(['Ekipi A', 'Ekipi B', 'Ekipi C']);
  });
});

describe('what a debrief envelope names', () => {
  const names = (envelope: DebriefEnvelope) => Object.values(envelope.participants ?? {}).sort();

  it('staff: the details, the times, the agencies and every trainee by name', async () => {
    const staff = debriefEnvelopeSchema.parse(
      await api(server.url, 'GET', `/api/sessions/${meta.id}/debrief`, undefined, fac.token),
    );
    expect(staff.details).toEqual(expected);
    expect(staff.startedAt).toEqual(expect.any(String));
    expect(staff.endedAt).toEqual(expect.any(String));
    expect(staff.agencies?.find((a) => a.id === 'border_police')?.name).toMatchObject({
      en: 'Border Police',
    });
    expect(names(staff)).toEqual(['Ana from team A', 'Jovan from team B', 'Marko from team A']);
  });

  it('a trainee: their own name and their team mates, never another team', async () => {
    const ana = trainees[0];
    const own = debriefEnvelopeSchema.parse(
      await api(
        server.url,
        'GET',
        `/api/sessions/${meta.id}/debrief`,
        undefined,
        ana?.participantToken,
      ),
    );
    expect(own.details).toEqual(expected);
    expect(own.participants?.[ana?.participant.id ?? '']).toBe('Ana from team A');
    expect(names(own)).toEqual(['Ana from team A', 'Marko from team A']);
    expect(JSON.stringify(own)).not.toContain('Jovan');
    expect(own.agencies?.map((a) => a.id)).toEqual(
      expect.arrayContaining(['border_police', 'prosecutor']),
    );
  });

  it('a review link: the details and the agencies, but no trainee by name', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    const review = debriefEnvelopeSchema.parse(
      await api(server.url, 'GET', `/api/reviews/${link.token}`),
    );
    expect(review.details).toEqual(expected);
    expect(review.participants).toEqual({});
    expect(review.agencies?.length).toBeGreaterThan(0);
    const text = JSON.stringify(review);
    for (const name of ['Ana from', 'Marko from', 'Jovan from']) expect(text).not.toContain(name);
  });
});
