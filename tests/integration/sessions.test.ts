import { readFileSync } from 'node:fs';
import { compile, parseScenario, replay, viewFor } from '@crossroads/scenarios';
import {
  ErrorCode,
  logEventSchema,
  roleViewSchema,
  scenarioSummarySchema,
  sessionMetaSchema,
  sessionSnapshotSchema,
  type CommandAck,
  type JoinResponse,
  type RoleView,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  HttpError,
  login,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import { openSqliteFile, type TestServer } from './helpers';
import { MINI_ADMIN, MINI_SCENARIO, startMiniServer } from './mini-server';
import { accepted } from '../acks';

const MINI = MINI_SCENARIO;
const ADMIN = MINI_ADMIN;

jest.setTimeout(30_000);

let server: TestServer;
let admin: Staff;
let fac: Staff;
let otherFac: Staff;
let obs: Staff;
const clients: SessionClient[] = [];

function client(...args: ConstructorParameters<typeof SessionClient>): SessionClient {
  const c = new SessionClient(...args);
  clients.push(c);
  return c;
}

async function createSession(teams: number | string[] = 2, extra: Record<string, unknown> = {}) {
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams, timeRatio: 0, ...extra },
    fac.token,
  );
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/observers`,
    { username: 'obs1' },
    fac.token,
  );
  return meta;
}

async function join(meta: SessionMeta, displayName: string, team: string, role: string) {
  return api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName,
    team,
    role,
  });
}

async function trainee(meta: SessionMeta, name: string, team: string, role: string) {
  const joined = await join(meta, name, team, role);
  const c = client(server.url, { kind: 'participant', token: joined.participantToken });
  await c.connected();
  await c.until(() => c.snapshot !== null, 5000, 'snapshot');
  return { client: c, joined };
}

async function staffClient(meta: SessionMeta, who: Staff, kind: 'facilitator' | 'observer') {
  const c = client(server.url, { kind, token: who.token }, meta.id);
  await c.connected();
  await c.until(() => c.snapshot !== null, 5000, 'snapshot');
  return c;
}

const options = (view: RoleView | null, decision: string) =>
  view?.decisions.find((d) => d.id === decision)?.options ?? [];

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
  otherFac = await login(server.url, 'fac2', 'fac2-password');
  obs = await login(server.url, 'obs1', 'obs1-password');
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
});

describe('accounts and catalogue', () => {
  it('logs in, refuses wrong passwords and lists the catalogue without restricted content', async () => {
    await expect(login(server.url, 'fac1', 'wrong-password')).rejects.toMatchObject({
      status: 401,
      body: { code: ErrorCode.Unauthenticated },
    });
    await expect(api(server.url, 'GET', '/api/scenarios')).rejects.toMatchObject({ status: 401 });
    const list = await api<unknown[]>(server.url, 'GET', '/api/scenarios', undefined, fac.token);
    const summaries = list.map((s) => scenarioSummarySchema.parse(s));
    const mini = summaries.find((s) => s.id === 'mini-kelebija');
    expect(mini?.agencies.map((a) => a.id)).toEqual([
      'border_police',
      'prosecutor',
      'social_work',
      'interpreter_pool',
    ]);
    expect(mini?.graph.edges).toEqual(expect.arrayContaining([{ from: 'stop', to: 'screening' }]));
    // A scenario that names no country is set in Serbia, and the preview says so.
    expect(mini?.country).toBe('RS');
    const text = JSON.stringify(list);
    // Document bodies, option effects and scoring annotations never reach the catalogue.
    expect(text).not.toContain('questioned last year');
    expect(text).not.toContain('annotations');
    expect(text).not.toContain('R01');
  });

  it('only admins create accounts; tokens are stored hashed', async () => {
    await expect(
      api(
        server.url,
        'POST',
        '/api/accounts',
        { username: 'x1', password: 'long-password' },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 403, body: { code: ErrorCode.Forbidden } });
    const db = openSqliteFile(server.databasePath, { readonly: true });
    try {
      const rows = db.prepare('SELECT token_hash FROM auth_tokens').all() as {
        token_hash: string;
      }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.token_hash)).not.toContain(fac.token);
      const hashes = db.prepare('SELECT password_hash FROM accounts').all() as {
        password_hash: string;
      }[];
      for (const h of hashes) expect(h.password_hash).toMatch(/^\$2[aby]\$/);
    } finally {
      db.close();
    }
  });
});

describe('a full session: 2 teams x 3 agencies + the facilitator playing the interpreter service', () => {
  it('plays both teams to their endings, each trainee seeing only what their agency knows', async () => {
    const meta = sessionMetaSchema.parse(await createSession(['Novi Sad', 'Subotica']));
    expect(meta.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,}$/);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const observer = await staffClient(meta, obs, 'observer');
    const seats = {} as Record<string, SessionClient>;
    for (const team of ['team-a', 'team-b']) {
      for (const role of ['border_police', 'prosecutor', 'social_work']) {
        seats[`${team}/${role}`] = (await trainee(meta, `${role}@${team}`, team, role)).client;
      }
    }
    const seat = (team: string, role: string) => seats[`${team}/${role}`] as SessionClient;
    sessionSnapshotSchema.parse(seat('team-a', 'prosecutor').snapshot);
    await facilitator.until(
      () => {
        const members = facilitator.lobby?.teams.flatMap((t) => t.members) ?? [];
        return members.length === 6 && members.every((m) => m.presence === 'online');
      },
      5000,
      'six trainees online in the lobby',
    );

    // Before the start, trainees cannot decide.
    expect(
      await seat('team-a', 'border_police').send('decision.submit', {
        decision: 'open_van',
        option: 'open_and_triage',
      }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.SessionNotRunning });

    accepted(await facilitator.send('session.start', {}));
    for (const c of Object.values(seats)) await c.until(() => c.view !== null, 5000, 'first view');
    const bpA = seat('team-a', 'border_police');
    const prA = seat('team-a', 'prosecutor');
    const swA = seat('team-a', 'social_work');
    expect(bpA.view?.phase.id).toBe('stop');
    expect(options(bpA.view, 'open_van').map((o) => o.id)).toEqual([
      'open_and_triage',
      'keep_closed',
    ]);
    // The social worker does not take the van decision and does not see the patrol report.
    expect(swA.view?.decisions.map((d) => d.id)).toEqual([]);
    expect(swA.view?.documents.map((d) => d.id)).not.toContain('tip');
    expect(bpA.view?.documents.map((d) => d.id)).toContain('tip');

    // Team A: the lawful path.
    const a = async (
      c: SessionClient,
      name: Parameters<SessionClient['send']>[0],
      payload: object,
    ) => accepted(await c.send(name, payload as never));
    await a(bpA, 'decision.submit', {
      decision: 'open_van',
      option: 'open_and_triage',
      rationale: 'People first.',
      confidence: 5,
    });
    await bpA.until(() => bpA.view?.phase.id === 'screening', 5000, 'screening');
    await a(bpA, 'request.send', { request: 'search_order' });
    await prA.until(
      () =>
        prA.view?.requests.some(
          (r) => r.request === 'search_order' && r.direction === 'incoming',
        ) ?? false,
      5000,
      'incoming request',
    );
    // Only the prosecutor answers it: the border police cannot grant its own order.
    expect(
      await bpA.send('request.answer', {
        requestInstance: 'search_order',
        granted: true,
        reason: 'self',
      }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.WrongRole });
    await a(prA, 'request.answer', {
      requestInstance: 'search_order',
      granted: true,
      reason: 'Order issued.',
    });
    await a(bpA, 'decision.submit', { decision: 'phone', option: 'search_with_order' });
    await a(bpA, 'request.send', { request: 'video_interpreter' });
    await facilitator.until(
      () =>
        facilitator.cards
          .get('team-a')
          ?.pendingRequests.some(
            (r) => r.request === 'video_interpreter' && r.facilitatorAnswers,
          ) ?? false,
      5000,
      'facilitator sees the interpreter request',
    );
    // Trainees cannot answer for the facilitator-played interpreter service.
    expect(
      await prA.send('request.answer', {
        requestInstance: 'video_interpreter',
        granted: true,
        reason: 'x',
      }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.WrongRole });
    await a(facilitator, 'request.answer', {
      team: 'team-a',
      requestInstance: 'video_interpreter',
      granted: true,
      reason: 'Interpreter on video from 04:00.',
    });
    await a(bpA, 'decision.submit', { decision: 'interview_amir', option: 'remote' });
    await a(bpA, 'decision.submit', { decision: 'hand_over', option: 'hand_over_now' });
    await prA.until(() => prA.view?.phase.id === 'witness_plan', 5000, 'witness plan');
    await a(prA, 'joint.sign', { decision: 'plan', option: 'deposition' });
    await swA.until(
      () =>
        swA.view?.decisions
          .find((d) => d.id === 'plan')
          ?.joint?.signatures.some((s) => s.role === 'prosecutor' && s.option === 'deposition') ??
        false,
      5000,
      'the prosecutor signature reaches the social worker',
    );
    await a(swA, 'joint.sign', { decision: 'plan', option: 'deposition' });
    await a(prA, 'decision.submit', { decision: 'charge', option: 'smuggling' });

    // Team B: shortcuts.
    const bpB = seat('team-b', 'border_police');
    const prB = seat('team-b', 'prosecutor');
    const swB = seat('team-b', 'social_work');
    await a(bpB, 'decision.submit', { decision: 'open_van', option: 'open_and_triage' });
    await a(bpB, 'decision.submit', { decision: 'phone', option: 'browse' });
    await a(bpB, 'decision.submit', { decision: 'interview_amir', option: 'passenger' });
    await a(bpB, 'decision.submit', { decision: 'hand_over', option: 'hand_over_now' });
    await a(prB, 'joint.sign', { decision: 'plan', option: 'detain_all' });
    await a(swB, 'joint.sign', { decision: 'plan', option: 'detain_all' });
    await a(prB, 'decision.submit', { decision: 'charge', option: 'misdemeanour' });

    await facilitator.until(
      () =>
        facilitator.cards.get('team-a')?.ended?.id === 'conviction' &&
        facilitator.cards.get('team-b')?.ended?.id === 'acquittal',
      5000,
      'both endings on the facilitator cards',
    );
    await prA.until(() => prA.view?.ended?.id === 'conviction', 5000, 'ending in the view');
    expect(facilitator.cards.get('team-a')?.lastDecisions.map((d) => d.decision)).toEqual(
      expect.arrayContaining(['open_van', 'charge']),
    );
    // After the ending, the engine refuses further decisions.
    expect(
      await prA.send('decision.submit', { decision: 'charge', option: 'misdemeanour' }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.Ended });

    // Chat stays within the team.
    await a(swA, 'chat.send', { text: 'Guardian is on the way.' });
    await bpA.until(() => bpA.events.some((e) => e.type === 'chat.message'), 5000, 'team chat');

    // Need to know, on every live path: no trainee received another team's events, nor decisions
    // of agencies outside the decision, nor notes.
    await a(observer, 'note.pin', { seq: 3, text: 'Good call under pressure.' });
    await a(facilitator, 'broadcast.send', { message: 'Ten minutes left.' });
    await bpB.until(() => bpB.events.some((e) => e.type === 'broadcast.sent'), 5000, 'broadcast');
    for (const [key, c] of Object.entries(seats)) {
      const [team, role] = key.split('/') as [string, string];
      for (const e of c.events) {
        logEventSchema.parse(e);
        expect(e.type).not.toBe('note.pinned');
        if (e.team !== null) expect(e.team).toBe(team);
        if (e.type === 'decision.made' && e.payload.decision === 'open_van')
          expect(role).toBe('border_police');
      }
      if (c.view) roleViewSchema.parse(c.view);
    }
    expect(swA.events.some((e) => e.type === 'chat.message')).toBe(true);
    expect(bpB.events.some((e) => e.type === 'chat.message')).toBe(false);
    expect(swA.view?.evidence.map((e) => e.id)).toEqual(['amir_statement']);
    expect(swA.view?.evidence[0]?.provenance).toMatchObject({
      order: 'judicial',
      interpreter: 'certified',
    });

    // Scores: staff cards carry them; trainees see them only once the facilitator allows it.
    await facilitator.until(() => facilitator.cards.get('team-a')?.scores != null, 5000, 'scores');
    expect(prA.view?.scores).toBeNull();
    const patched = await api<SessionMeta>(
      server.url,
      'PATCH',
      `/api/sessions/${meta.id}`,
      { scoresVisibleToTrainees: true },
      fac.token,
    );
    expect(patched.settings.scoresVisibleToTrainees).toBe(true);
    await prA.until(() => prA.view?.scores != null, 5000, 'scores in the trainee view');
    expect(prA.view?.scores?.rights).toBe(facilitator.cards.get('team-a')?.scores?.rights);

    // End, release the debrief, export.
    accepted(await facilitator.send('session.end', {}));
    expect(await bpA.send('chat.send', { text: 'still there?' })).toMatchObject({
      status: 'rejected',
      code: ErrorCode.SessionNotRunning,
    });

    const traineeToken = (bpA.credential as { token: string }).token;
    await expect(
      api(server.url, 'GET', `/api/sessions/${meta.id}/debrief`, undefined, traineeToken),
    ).rejects.toMatchObject({ status: 403 });
    accepted(await facilitator.send('debrief.release', {}));
    const traineeDebrief = await api<{ teams: { id: string }[]; debrief: unknown }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      traineeToken,
    );
    expect(traineeDebrief.teams.map((t) => t.id)).toEqual(['team-a']);
    expect(JSON.stringify(traineeDebrief.debrief)).not.toContain('team-b');
    const staffDebrief = await api<{ teams: { id: string }[]; debrief: unknown }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      obs.token,
    );
    expect(staffDebrief.teams.map((t) => t.id)).toEqual(['team-a', 'team-b']);
    const scored = staffDebrief.debrief as {
      format: string;
      teams: { team: string; evidenceScore: { value: number }; rightsScore: { value: number } }[];
    };
    expect(scored.format).toBe('crossroads.debrief/1');
    const scoreOf = (team: string) => scored.teams.find((t) => t.team === team);
    // The lawful path scores at least as well on both axes as the shortcuts.
    expect(scoreOf('team-a')?.evidenceScore.value).toBeGreaterThanOrEqual(
      scoreOf('team-b')?.evidenceScore.value ?? Infinity,
    );
    expect(scoreOf('team-a')?.rightsScore.value).toBeGreaterThan(
      scoreOf('team-b')?.rightsScore.value ?? Infinity,
    );

    const jsonl = await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
      headers: { Authorization: `Bearer ${fac.token}` },
    });
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text())
      .trim()
      .split('\n')
      .map((l) => logEventSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.filter((l) => l.type === 'decision.made')).toHaveLength(10);

    // The exported log replays, with the engine alone, to the states the server shows.
    const parsed = parseScenario(readFileSync(MINI, 'utf8'), {
      file: 'mini.yaml',
    });
    if (!parsed.ok) throw new Error('fixture does not parse');
    const compiled = compile(parsed.scenario);
    const replayed = replay(compiled, lines);
    expect(replayed.teams['team-a']?.ended?.ending).toBe('conviction');
    expect(replayed.teams['team-b']?.ended?.ending).toBe('acquittal');
    const served = await api<RoleView>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/teams/team-a/views/prosecutor`,
      undefined,
      fac.token,
    );
    const engineView = viewFor(compiled, replayed.teams['team-a'] as never, 'prosecutor');
    expect(served.evidence.map((e) => e.id)).toEqual(engineView.evidence.map((e) => e.id));
    expect(served.clock.minutes).toBe(engineView.clock);

    const csv = await fetch(`${server.url}/api/sessions/${meta.id}/decisions.csv`, {
      headers: { Authorization: `Bearer ${obs.token}` },
    });
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^seq,at,time,team,role/);
    expect(rows).toHaveLength(1 + 10 + 4);
    const scores = await fetch(`${server.url}/api/sessions/${meta.id}/scores.csv`, {
      headers: { Authorization: `Bearer ${obs.token}` },
    });
    const scoreRows = (await scores.text()).trim().split('\r\n');
    expect(scoreRows[1]).toMatch(
      /^team-a,Novi Sad,\d+(\.\d+)?,\d+(\.\d+)?,.*,conviction,conviction,\d+$/,
    );
  });
});

describe('access control', () => {
  it('authorises every command and read path from the credential, never the payload', async () => {
    const meta = await createSession(2);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const observer = await staffClient(meta, obs, 'observer');
    const { client: bpA } = await trainee(meta, 'A', 'team-a', 'border_police');
    const { client: prA } = await trainee(meta, 'B', 'team-a', 'prosecutor');
    const { client: bpB, joined: bpBJoined } = await trainee(meta, 'C', 'team-b', 'border_police');
    accepted(await facilitator.send('session.start', {}));
    await bpA.until(() => bpA.view !== null);

    // Trainees may not run facilitator commands, observers may not change anything.
    for (const c of [bpA, observer]) {
      for (const [name, payload] of [
        ['session.pause', {}],
        ['inject.release', { inject: 'journalist', team: 'all' }],
        ['clock.advance', { minutes: 5 }],
        [
          'participant.move',
          { participant: bpBJoined.participant.id, team: 'team-a', role: 'prosecutor' },
        ],
        ['broadcast.send', { message: 'hi' }],
        ['debrief.release', {}],
      ] as const) {
        expect(await c.send(name, payload as never)).toMatchObject({
          status: 'rejected',
          code: ErrorCode.Forbidden,
        });
      }
    }
    expect(
      await observer.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    ).toMatchObject({
      status: 'rejected',
      code: ErrorCode.Forbidden,
    });
    expect(await bpA.send('note.pin', { seq: 1, text: 'x' })).toMatchObject({
      code: ErrorCode.Forbidden,
    });
    // Another agency cannot take the border police's decision.
    expect(
      await prA.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.WrongRole });
    // A facilitator cannot answer a request for a trainee-played agency.
    accepted(
      await bpA.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    );
    accepted(await bpA.send('request.send', { request: 'search_order' }));
    expect(
      await facilitator.send('request.answer', {
        team: 'team-a',
        requestInstance: 'search_order',
        granted: true,
        reason: 'x',
      }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.Forbidden });
    // A trainee cannot reach another team by naming it.
    expect(
      await prA.send('request.answer', {
        team: 'team-b',
        requestInstance: 'search_order',
        granted: true,
        reason: 'x',
      }),
    ).toMatchObject({ status: 'rejected', code: ErrorCode.Forbidden });
    // Team B saw nothing of team A.
    expect(bpB.events.filter((e) => e.team === 'team-a')).toEqual([]);
    expect(bpB.view?.phase.id).toBe('stop');

    // Anonymous sockets may ping but not command.
    const anonymous = client(server.url, { kind: 'participant', token: 'x'.repeat(43) });
    await expect(anonymous.connected()).rejects.toMatchObject({
      message: ErrorCode.Unauthenticated,
    });
    // A facilitator of another session is refused at the handshake, as for no session.
    const stranger = client(server.url, { kind: 'facilitator', token: otherFac.token }, meta.id);
    await expect(stranger.connected()).rejects.toMatchObject({ message: ErrorCode.NotFound });
    // The wrong protocol version is refused with its own code.
    const { io } = await import('socket.io-client');
    const old = io(server.url, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: {
        protocol: 0,
        credential: { kind: 'facilitator', token: fac.token },
        session: meta.id,
      },
    });
    await expect(
      new Promise((resolve, reject) => {
        old.once('connect', () => resolve(undefined));
        old.once('connect_error', reject);
      }),
    ).rejects.toMatchObject({ message: ErrorCode.UnsupportedProtocol });
    old.close();
    // The version as the client sent it: "1", a string, is not protocol 1.
    const typed = io(server.url, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: {
        protocol: '1',
        credential: { kind: 'facilitator', token: fac.token },
        session: meta.id,
      },
    });
    await expect(
      new Promise((resolve, reject) => {
        typed.once('connect', () => resolve(undefined));
        typed.once('connect_error', reject);
      }),
    ).rejects.toMatchObject({
      message: ErrorCode.UnsupportedProtocol,
      data: { message: expect.stringContaining('the client sent "1"') as unknown },
    });
    typed.close();

    // REST read paths.
    const traineeToken = (bpA.credential as { token: string }).token;
    const paths = [
      `/api/sessions/${meta.id}`,
      `/api/sessions/${meta.id}/events.jsonl`,
      `/api/sessions/${meta.id}/scores.csv`,
      `/api/sessions/${meta.id}/decisions.csv`,
      `/api/sessions/${meta.id}/members`,
      `/api/sessions/${meta.id}/teams/team-a/views/prosecutor`,
    ];
    for (const p of paths) {
      await expect(api(server.url, 'GET', p)).rejects.toMatchObject({
        status: 401,
        body: { code: ErrorCode.Unauthenticated },
      });
      // Staff of other sessions are not told the session exists (session-probing.test.ts).
      await expect(api(server.url, 'GET', p, undefined, otherFac.token)).rejects.toMatchObject({
        status: 404,
        body: { code: ErrorCode.NotFound },
      });
      await expect(api(server.url, 'GET', p, undefined, traineeToken)).rejects.toMatchObject({
        status: 403,
        body: { code: ErrorCode.Forbidden },
      });
      await expect(api(server.url, 'GET', p, undefined, obs.token)).resolves.toBeDefined();
    }
    await expect(
      api(server.url, 'GET', `/api/sessions/${meta.id}/debrief`, undefined, otherFac.token),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(server.url, 'PATCH', `/api/sessions/${meta.id}`, { timeRatio: 5 }, obs.token),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      api(
        server.url,
        'POST',
        `/api/sessions/${meta.id}/observers`,
        { username: 'fac2' },
        obs.token,
      ),
    ).rejects.toMatchObject({ status: 403 });
    // The session list shows only one's own sessions.
    const others = await api<SessionMeta[]>(
      server.url,
      'GET',
      '/api/sessions',
      undefined,
      otherFac.token,
    );
    expect(others.map((s) => s.id)).not.toContain(meta.id);
    // A trainee's snapshot has no join code and no other team's members.
    expect(bpA.snapshot?.session.joinCode).toBeUndefined();
    expect(bpA.snapshot?.lobby.teams.find((t) => t.id === 'team-b')?.members).toEqual([]);
    expect(bpA.snapshot?.teams).toEqual([]);
  });
});

describe('command integrity', () => {
  it('applies a repeated commandId once and re-acks it with the same seq', async () => {
    const meta = await createSession(1);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const { client: bp } = await trainee(meta, 'A', 'team-a', 'border_police');
    accepted(await facilitator.send('session.start', {}));
    const commandId = '7b4f3c6e-0d1a-4a4b-9c55-2f0e8f1b9a10';
    const payload = { commandId, decision: 'open_van', option: 'open_and_triage' };
    const [first, second] = await Promise.all([
      bp.send('decision.submit', payload),
      bp.send('decision.submit', payload),
    ]);
    const third = await bp.send('decision.submit', payload);
    const acks = [first, second, third].map((ack) => accepted(ack));
    expect(new Set(acks.map((x) => x.seq)).size).toBe(1);
    expect(acks.filter((x) => x.duplicate)).toHaveLength(2);
    // Someone else reusing the id does not get it.
    expect(await facilitator.send('session.pause', { commandId })).toMatchObject({
      status: 'rejected',
      code: ErrorCode.CommandIdReused,
    });
    const log = await (
      await fetch(`${server.url}/api/sessions/${meta.id}/events.jsonl`, {
        headers: { Authorization: `Bearer ${fac.token}` },
      })
    ).text();
    expect(log.split('\n').filter((l) => l.includes('"decision.made"'))).toHaveLength(1);
  });

  it('refuses trainee commands while paused and accepts them after resume', async () => {
    const meta = await createSession(1);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const { client: bp } = await trainee(meta, 'A', 'team-a', 'border_police');
    accepted(await facilitator.send('session.start', {}));
    accepted(await facilitator.send('session.pause', { reason: 'Wellbeing break' }));
    await bp.until(() => bp.status === 'paused');
    for (const [name, payload] of [
      ['decision.submit', { decision: 'open_van', option: 'open_and_triage' }],
      ['chat.send', { text: 'hello' }],
      ['request.send', { request: 'search_order' }],
    ] as const) {
      expect(await bp.send(name, payload as never)).toMatchObject({
        status: 'rejected',
        code: ErrorCode.SessionPaused,
      });
    }
    // The facilitator can still work while paused.
    accepted(await facilitator.send('inject.release', { inject: 'journalist', team: 'team-a' }));
    accepted(await facilitator.send('session.resume', {}));
    accepted(await bp.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }));
    await bp.until(
      () => bp.view?.injects.some((i) => i.id === 'journalist') ?? false,
      5000,
      'inject',
    );
  });

  it('rejects malformed and oversized input without changing anything', async () => {
    const meta = await createSession(1);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const { client: bp } = await trainee(meta, 'A', 'team-a', 'border_police');
    accepted(await facilitator.send('session.start', {}));
    const head = facilitator.lastSeq;
    const bad: [string, unknown][] = [
      ['decision.submit', { decision: 'open_van' }],
      [
        'decision.submit',
        { commandId: 'not-a-uuid', decision: 'open_van', option: 'open_and_triage' },
      ],
      ['decision.submit', { decision: 'open_van', option: 'open_and_triage', confidence: 9 }],
      ['decision.submit', { decision: 'open_van', option: 'open_and_triage', extra: 1 }],
      [
        'decision.submit',
        { decision: 'open_van', option: 'open_and_triage', rationale: 'x'.repeat(2001) },
      ],
      ['chat.send', { text: 'x'.repeat(1001) }],
      ['chat.send', { text: '   ' }],
      ['chat.send', 'hello'],
      ['chat.send', null],
    ];
    for (const [name, payload] of bad) {
      const withId =
        payload && typeof payload === 'object' && !('commandId' in payload)
          ? { commandId: crypto.randomUUID(), ...payload }
          : payload;
      const ack = await (
        bp.socket.timeout(5000) as unknown as {
          emitWithAck(e: string, p: unknown): Promise<CommandAck>;
        }
      ).emitWithAck(name, withId);
      expect(ack).toMatchObject({ status: 'rejected', code: ErrorCode.InvalidPayload });
    }
    // Unknown decision ids are engine-level invalid payloads.
    expect(await bp.send('decision.submit', { decision: 'nope', option: 'x' })).toMatchObject({
      status: 'rejected',
    });
    // An oversized frame closes that socket only.
    const reason = new Promise<string>((resolve) => bp.socket.once('disconnect', resolve));
    (bp.socket as unknown as { emit(e: string, p: unknown): void }).emit('chat.send', {
      commandId: crypto.randomUUID(),
      text: 'y'.repeat(70 * 1024),
    });
    expect(await reason).toMatch(/transport|server/);
    expect(facilitator.socket.connected).toBe(true);
    const sync = accepted(await facilitator.send('session.sync', {}));
    expect(sync.seq).toBe(head);
    // REST input validation.
    await expect(
      api(server.url, 'POST', '/api/join', { code: meta.joinCode, displayName: '' }),
    ).rejects.toMatchObject({ status: 400, body: { code: ErrorCode.InvalidPayload } });
    await expect(
      api(server.url, 'POST', '/api/join', { code: 'ZZZZZZ', displayName: 'x' }),
    ).rejects.toMatchObject({ status: 404, body: { code: ErrorCode.NotFound } });
    await expect(
      api(server.url, 'POST', '/api/sessions', { scenario: 'mini-kelebija', teams: 99 }, fac.token),
    ).rejects.toBeInstanceOf(HttpError);
  });

  it('rate-limits a flood from one participant', async () => {
    const meta = await createSession(1);
    const { client: bp } = await trainee(meta, 'A', 'team-a', 'border_police');
    const acks = await Promise.all(Array.from({ length: 40 }, () => bp.send('session.sync', {})));
    expect(
      acks.filter((a) => a.status === 'rejected' && a.code === ErrorCode.RateLimited).length,
    ).toBeGreaterThan(0);
  });
});

describe('reconnects', () => {
  it('a dropped trainee resumes with everything it missed, and unacked commands resent once', async () => {
    const meta = await createSession(1);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const { client: bp } = await trainee(meta, 'A', 'team-a', 'border_police');
    const { client: pr, joined } = await trainee(meta, 'B', 'team-a', 'prosecutor');
    const presence = () =>
      facilitator.lobby?.teams.flatMap((t) => t.members).find((m) => m.id === joined.participant.id)
        ?.presence;
    accepted(await facilitator.send('session.start', {}));
    accepted(await bp.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }));
    await pr.until(() => pr.view?.phase.id === 'screening');
    const before = pr.lastSeq;
    const seenBefore = pr.events.map((e) => e.seq);
    pr.close();
    await facilitator.until(() => facilitator.snapshot !== null);

    // While the prosecutor is away: a request arrives, chat, an inject, the clock moves.
    accepted(await bp.send('request.send', { request: 'search_order' }));
    accepted(await bp.send('chat.send', { text: 'Order request sent.' }));
    accepted(await facilitator.send('clock.advance', { minutes: 10 }));

    const back = client(server.url, pr.credential, undefined, { lastSeq: before });
    const batch = new Promise<unknown>((resolve) => back.socket.once('session.events', resolve));
    await back.connected();
    await batch;
    const missed = back.events.map((e) => e.type);
    expect(missed).toEqual(
      expect.arrayContaining(['request.sent', 'chat.message', 'clock.ticked']),
    );
    expect(back.events.every((e) => e.seq > before)).toBe(true);
    expect(back.snapshot).toBeNull();
    expect(back.view?.requests.find((r) => r.request === 'search_order')?.status).toBe('pending');
    expect(seenBefore.every((s) => s <= before)).toBe(true);

    // A command whose ack was lost is resent with the same id and applied once.
    const commandId = crypto.randomUUID();
    accepted(
      await back.send('request.answer', {
        commandId,
        requestInstance: 'search_order',
        granted: true,
        reason: 'ok',
      }),
    );
    const again = accepted(
      await back.send('request.answer', {
        commandId,
        requestInstance: 'search_order',
        granted: true,
        reason: 'ok',
      }),
    );
    expect(again.duplicate).toBe(true);

    // Presence: the facilitator saw the participant come back.
    await facilitator.until(() => presence() === 'online', 5000, 'online again');

    // A client far behind (or ahead of a restored server) gets a snapshot instead.
    const ahead = client(server.url, pr.credential, undefined, { lastSeq: 1_000_000 });
    const snap = new Promise<unknown>((resolve) => ahead.socket.once('session.snapshot', resolve));
    await ahead.connected();
    await snap;
    expect(ahead.snapshot?.view?.requests.find((r) => r.request === 'search_order')?.status).toBe(
      'granted',
    );
  });

  it('moves a participant mid-session and sends them a fresh snapshot', async () => {
    const meta = await createSession(2);
    const facilitator = await staffClient(meta, fac, 'facilitator');
    const { client: c, joined } = await trainee(meta, 'Mover', 'team-a', 'border_police');
    accepted(await facilitator.send('session.start', {}));
    await c.until(() => c.view?.role.id === 'border_police');
    accepted(
      await facilitator.send('participant.move', {
        participant: joined.participant.id,
        team: 'team-b',
        role: 'social_work',
      }),
    );
    await c.until(
      () => c.view?.role.id === 'social_work' && c.view.team.id === 'team-b',
      5000,
      'moved view',
    );
    expect(c.snapshot?.identity).toMatchObject({
      kind: 'participant',
      participant: { team: 'team-b', role: 'social_work' },
    });
  });
});

describe('OpenAPI', () => {
  it('serves the document and the docs page', async () => {
    const doc = await api<{
      openapi: string;
      paths: Record<string, unknown>;
      'x-socket-io': { commands: Record<string, unknown> };
    }>(server.url, 'GET', '/api/docs-json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/join', '/api/sessions/{id}/events.jsonl']),
    );
    expect(Object.keys(doc['x-socket-io'].commands)).toContain('decision.submit');
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs-json');
  });
});
