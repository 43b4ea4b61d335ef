import {
  ErrorCode,
  replayFrameSchema,
  roleViewSchema,
  type JoinResponse,
  type ReplayFrame,
  type ReviewLink,
  type RoleView,
  type SessionMeta,
} from '@crossroads/shared';
import type { SessionClient } from '../../apps/server/bench/session-client';
import { api, joinSeat, openSession, type Staff } from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';
import { accepted } from '../acks';

jest.setTimeout(30_000);

/*
 * The replay scrubber's REST side: what one agency of one team saw at a moment, recomputed from the
 * log prefix by the engine, with the same need-to-know rules as the debrief.
 */

let server: TestServer;
let fac: Staff;
let meta: SessionMeta;
const seats = new Map<string, { joined: JoinResponse; client: SessionClient }>();
const clients: SessionClient[] = [];
let openVanSeq = 0;
let phoneSeq = 0;
let pauseSeq = 0;
let everyoneSeq = 0;
let teamASeq = 0;
let teamBSeq = 0;

const seat = (team: string, role: string) => {
  const s = seats.get(`${team}/${role}`);
  if (!s) throw new Error(`no seat ${team}/${role}`);
  return s;
};
const replayPath = (query: Record<string, string | number>, base = `/api/sessions/${meta.id}`) =>
  `${base}/replay?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;
const frame = async (query: Record<string, string | number>, token?: string, base?: string) =>
  replayFrameSchema.parse(
    await api<ReplayFrame>(server.url, 'GET', replayPath(query, base), undefined, token),
  );

beforeAll(async () => {
  server = await startMiniServer();
  fac = await miniFacilitator(server);
  const { meta: created, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'mini-kelebija', teams: ['Novi Sad', 'Subotica'], timeRatio: 0 },
    clients,
  );
  meta = created;
  for (const team of ['team-a', 'team-b']) {
    for (const role of ['border_police', 'prosecutor', 'social_work']) {
      const { joined, client } = await joinSeat(
        server.url,
        meta,
        {
          displayName: `${role}@${team}`,
          team,
          role,
        },
        clients,
      );
      seats.set(`${team}/${role}`, { joined, client });
    }
  }
  accepted(await facilitator.send('session.start', {}));
  const bpA = seat('team-a', 'border_police').client;
  const prA = seat('team-a', 'prosecutor').client;
  await bpA.until(() => bpA.view !== null, 5000, 'first view');
  openVanSeq = accepted(
    await bpA.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
  ).seq;
  await bpA.until(() => bpA.view?.phase.id === 'screening', 5000, 'screening');
  accepted(await bpA.send('request.send', { request: 'search_order' }));
  await prA.until(
    () => prA.view?.requests.some((r) => r.request === 'search_order') ?? false,
    5000,
    'incoming request',
  );
  accepted(
    await prA.send('request.answer', {
      requestInstance: 'search_order',
      granted: true,
      reason: 'Order issued.',
    }),
  );
  phoneSeq = accepted(
    await bpA.send('decision.submit', { decision: 'phone', option: 'search_with_order' }),
  ).seq;
  const bpB = seat('team-b', 'border_police').client;
  accepted(await bpB.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }));
  accepted(await bpB.send('decision.submit', { decision: 'phone', option: 'browse' }));
  // Broadcasts: one to every team (written in Serbian), one to each team.
  everyoneSeq = accepted(
    await facilitator.send('broadcast.send', { message: 'Pauza u 11', lang: 'sr-Latn' }),
  ).seq;
  teamASeq = accepted(
    await facilitator.send('broadcast.send', { team: 'team-a', message: 'Team A: check the van' }),
  ).seq;
  teamBSeq = accepted(
    await facilitator.send('broadcast.send', { team: 'team-b', message: 'Team B only' }),
  ).seq;
  pauseSeq = accepted(
    await facilitator.send('session.pause', { kind: 'wellbeing', note: 'Back at 11:00' }),
  ).seq;
  accepted(await facilitator.send('session.resume', {}));
  accepted(await facilitator.send('session.end', {}));
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await server?.close();
});

/** The parts of a view the replay must reproduce (the clock's running flag is live-only). */
const stable = (view: RoleView | null) =>
  view && { ...view, clock: { ...view.clock, running: false }, scores: null };

describe('replay of one agency of one team', () => {
  it('at the end of the log equals the live view the server computed from its state', async () => {
    for (const role of ['border_police', 'prosecutor', 'social_work']) {
      const live = roleViewSchema.parse(
        await api<RoleView>(
          server.url,
          'GET',
          `/api/sessions/${meta.id}/teams/team-a/views/${role}`,
          undefined,
          fac.token,
        ),
      );
      const end = await frame({ team: 'team-a', role }, fac.token);
      expect(end.seq).toBe(end.head);
      expect(stable(end.view)).toEqual(stable(live));
    }
  });

  it('marks a pause with its kind and note for each reader to word, not with text', async () => {
    const end = await frame({ team: 'team-b', role: 'border_police' }, fac.token);
    const pause = end.marks.find((m) => m.seq === pauseSeq);
    expect(pause?.type).toBe('session.paused');
    expect(pause?.pause).toEqual({ kind: 'wellbeing', note: 'Back at 11:00', lang: 'en' });
  });

  it("marks the facilitator's broadcasts the team received, with their text and language", async () => {
    const broadcasts = (f: ReplayFrame) =>
      f.marks.filter((m) => m.type === 'broadcast.sent').map((m) => [m.seq, m.broadcast]);
    const everyone = [everyoneSeq, { message: 'Pauza u 11', lang: 'sr-Latn', team: null }];
    // Every agency of the team sees them, the social worker too.
    for (const role of ['border_police', 'social_work']) {
      expect(broadcasts(await frame({ team: 'team-a', role }, fac.token))).toEqual([
        everyone,
        [teamASeq, { message: 'Team A: check the van', lang: 'en', team: 'team-a' }],
      ]);
    }
    // Another team's broadcast is not a moment of this team.
    expect(broadcasts(await frame({ team: 'team-b', role: 'prosecutor' }, fac.token))).toEqual([
      everyone,
      [teamBSeq, { message: 'Team B only', lang: 'en', team: 'team-b' }],
    ]);
  });

  it('steps through the moments: before the start, after a decision, with scores so far', async () => {
    const start = await frame({ team: 'team-a', role: 'border_police', seq: 0 }, fac.token);
    expect(start.view).toBeNull();
    expect(start.items).toEqual([]);
    const marks = start.marks.map((m) => m.seq);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    expect(marks).toEqual(expect.arrayContaining([openVanSeq, phoneSeq]));
    const decision = start.marks.find((m) => m.seq === openVanSeq);
    expect(decision).toMatchObject({ type: 'decision.made', role: 'border_police' });
    expect(JSON.stringify(decision?.label)).toContain('Open');
    // Team B's events are not moments of team A.
    const teamB = await frame({ team: 'team-b', role: 'border_police' }, fac.token);
    expect(teamB.marks.filter((m) => m.type === 'decision.made').map((m) => m.seq)).not.toContain(
      openVanSeq,
    );

    const before = await frame(
      { team: 'team-a', role: 'border_police', seq: openVanSeq - 1 },
      fac.token,
    );
    const after = await frame(
      { team: 'team-a', role: 'border_police', seq: openVanSeq },
      fac.token,
    );
    expect(before.view?.phase.id).toBe('stop');
    expect(before.view?.decisions.map((d) => d.id)).toContain('open_van');
    expect(after.view?.phase.id).toBe('screening');
    expect(after.view?.decisions.map((d) => d.id)).not.toContain('open_van');
    // Scored items so far: none caused after the moment, and more by the end.
    const end = await frame({ team: 'team-a', role: 'border_police' }, fac.token);
    for (const f of [before, after, end]) {
      for (const item of f.items as { causedBySeq: number }[])
        expect(item.causedBySeq).toBeLessThanOrEqual(f.seq);
    }
    expect(end.items.length).toBeGreaterThan(before.items.length);
    expect(end.scores).not.toBeNull();
    // A seq past the end is the end; the replay does not change the log.
    const past = await frame({ team: 'team-a', role: 'border_police', seq: 999_999 }, fac.token);
    expect(past.seq).toBe(end.head);
    expect(past.head).toBe(end.head);
  });

  it('shows each agency only what it knew then (the social worker never sees the patrol tip)', async () => {
    const sw = await frame({ team: 'team-a', role: 'social_work' }, fac.token);
    expect(sw.view?.documents.map((d) => d.id)).not.toContain('tip');
    const bp = await frame({ team: 'team-a', role: 'border_police' }, fac.token);
    expect(bp.view?.documents.map((d) => d.id)).toContain('tip');
    // The social worker takes no part in the van decision: it is not one of its moments.
    expect(sw.marks.map((m) => m.seq)).not.toContain(openVanSeq);
  });

  it('keeps need to know for trainees: only their own team and agency, only once released', async () => {
    const mine = seat('team-a', 'prosecutor').joined.participantToken;
    await expect(
      api(server.url, 'GET', replayPath({ team: 'team-a', role: 'prosecutor' }), undefined, mine),
    ).rejects.toMatchObject({ status: 403, body: { code: ErrorCode.Forbidden } });
    const facilitator = clients[0] as SessionClient;
    accepted(await facilitator.send('debrief.release', {}));
    const own = await frame({ team: 'team-a', role: 'prosecutor' }, mine);
    expect(own.view?.role.id).toBe('prosecutor');
    // The broadcasts its team received, never another team's.
    const received = own.marks.filter((m) => m.type === 'broadcast.sent').map((m) => m.seq);
    expect(received).toEqual([everyoneSeq, teamASeq]);
    expect(JSON.stringify(own)).not.toContain('Team B only');
    for (const [team, role] of [
      ['team-a', 'border_police'],
      ['team-b', 'prosecutor'],
    ] as const) {
      await expect(
        api(server.url, 'GET', replayPath({ team, role }), undefined, mine),
      ).rejects.toMatchObject({ status: 403, body: { code: ErrorCode.Forbidden } });
    }
    // The trainee's scored items are the redacted ones of its debrief.
    const debrief = await api<{ debrief: { teams: { items: unknown[] }[] } }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      mine,
    );
    expect(own.items).toEqual(debrief.debrief.teams[0]?.items);
    await expect(
      api(server.url, 'GET', replayPath({ team: 'team-a', role: 'prosecutor' })),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('works through a review link, and refuses bad queries clearly', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    const viaLink = await frame(
      { team: 'team-b', role: 'border_police' },
      undefined,
      `/api/reviews/${link.token}`,
    );
    const staff = await frame({ team: 'team-b', role: 'border_police' }, fac.token);
    expect(viaLink).toEqual(staff);
    await expect(
      api(
        server.url,
        'GET',
        replayPath({ team: 'team-b', role: 'border_police' }, `/api/reviews/${'A'.repeat(43)}`),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(
        server.url,
        'GET',
        replayPath({ team: 'team-z', role: 'border_police' }),
        undefined,
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(server.url, 'GET', replayPath({ team: 'team-a', role: 'nobody' }), undefined, fac.token),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(
        server.url,
        'GET',
        replayPath({ team: 'team-a', role: 'prosecutor', seq: -1 }),
        undefined,
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400, body: { code: ErrorCode.InvalidPayload } });
    await expect(
      api(
        server.url,
        'GET',
        `/api/sessions/${meta.id}/replay?role=prosecutor`,
        undefined,
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('is in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>(server.url, 'GET', '/api/docs-json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sessions/{id}/replay', '/api/reviews/{token}/replay']),
    );
  });
});
