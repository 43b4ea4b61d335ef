import { readFileSync } from 'node:fs';
import { aarDraft, debrief, getRubric, parseEventLog, parseScenario } from '@crossroads/scenarios';
import {
  afterActionReportSchema,
  ErrorCode,
  improvementItemSchema,
  participationReportSchema,
  type AfterActionReport,
  type ImprovementItem,
  type JoinResponse,
  type ParticipationReport,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  login,
  openSession,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import { openSqliteFile, type TestServer } from './helpers';
import { MINI_ADMIN, MINI_SCENARIO, startMiniServer } from './mini-server';
import { accepted } from '../acks';

jest.setTimeout(60_000);

/*
 * The after-action report and improvement plan (draft from the scored findings, staff edits as
 * revisions, items tracked across sessions, CSV/JSON exports) and the participation report,
 * through the real server: REST for the reports, socket.io for play (presence and decisions).
 */

const CHECK = `
format: crossroads.knowledge-check/1
id: mini-check
version: 1.0.0
title: { en: Mini check, sr-Latn: Mala provera }
languages: [en, sr-Latn]
scenarios: [mini-kelebija]
questions:
  - id: q1
    kind: single
    prompt: { en: Q1?, sr-Latn: P1? }
    options:
      - { id: right, correct: true, text: { en: Right, sr-Latn: Tačno } }
      - { id: wrong, text: { en: Wrong, sr-Latn: Netačno } }
`;

let server: TestServer;
let fac: Staff;
let other: Staff;
let meta: SessionMeta;
let next: SessionMeta;
const clients: SessionClient[] = [];
const seats = new Map<string, JoinResponse>();
const decisionSeq: Record<string, number> = {};

const seat = (key: string) => {
  const s = seats.get(key);
  if (!s) throw new Error(`no seat ${key}`);
  return s;
};
const get = <T>(path: string, token?: string) => api<T>(server.url, 'GET', path, undefined, token);
const raw = async (path: string, token?: string) => {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  // Decoded by hand: response.text() drops the byte-order mark the CSV files start with.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text };
};
const aar = async (token = fac.token) =>
  afterActionReportSchema.parse(
    await get<AfterActionReport>(`/api/sessions/${meta.id}/aar`, token),
  );
const entries = (report: AfterActionReport) =>
  report.capabilities.flatMap((c) => [...c.strengths, ...c.areasForImprovement]);
const withoutClock = (r: AfterActionReport) => ({ ...r, generatedAt: '' });

const TRAINEES = [
  // key, team, role, display name, profile
  [
    'bp-a',
    'team-a',
    'border_police',
    'Jelena Petrović',
    { institution: 'Border Police Directorate', country: 'rs', gender: 'woman' },
  ],
  [
    'pr-a',
    'team-a',
    'prosecutor',
    'Marko Ilić',
    { institution: 'Higher Public Prosecutor, Subotica', country: 'RS' },
  ],
  ['bp-b', 'team-b', 'border_police', 'Ardit Krasniqi', undefined],
  [
    'pr-b',
    'team-b',
    'prosecutor',
    '+Ana Stojanovska',
    { country: 'MK', gender: 'prefer_not_to_say' },
  ],
] as const;

beforeAll(async () => {
  server = await startMiniServer({ knowledgeChecks: { 'mini.yaml': CHECK } });
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  for (const username of ['fac1', 'fac2'])
    await api(
      server.url,
      'POST',
      '/api/accounts',
      { username, password: `${username}-password` },
      admin.token,
    );
  fac = await login(server.url, 'fac1', 'fac1-password');
  other = await login(server.url, 'fac2', 'fac2-password');
  const { meta: created, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'mini-kelebija', teams: ['Novi Sad', 'Subotica'], timeRatio: 0 },
    clients,
  );
  meta = created;
  for (const [key, team, role, displayName, profile] of TRAINEES) {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName,
      team,
      role,
      ...(profile ? { profile } : {}),
    });
    seats.set(key, joined);
    const client = new SessionClient(server.url, {
      kind: 'participant',
      token: joined.participantToken,
    });
    clients.push(client);
    await client.connected();
    await api(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/knowledge-check/answers`,
      { phase: 'pre', answers: [{ question: 'q1', options: ['wrong'] }] },
      joined.participantToken,
    );
  }
  accepted(await facilitator.send('session.start', {}));
  const bpA = clients[1];
  const bpB = clients[3];
  if (!bpA || !bpB) throw new Error('no clients');
  await bpA.until(() => bpA.view !== null, 5000, 'first view');
  decisionSeq.triage = accepted(
    await bpA.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
  ).seq;
  await bpA.until(() => bpA.view?.phase.id === 'screening', 5000, 'screening');
  decisionSeq.passenger = accepted(
    await bpA.send('decision.submit', { decision: 'interview_amir', option: 'passenger' }),
  ).seq;
  decisionSeq.browse = accepted(
    await bpA.send('decision.submit', { decision: 'phone', option: 'browse' }),
  ).seq;
  await bpB.until(() => bpB.view !== null, 5000, 'first view b');
  decisionSeq.keepClosed = accepted(
    await bpB.send('decision.submit', { decision: 'open_van', option: 'keep_closed' }),
  ).seq;
  // Some running time, so hours of play and attendance are not zero.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
  for (const key of ['bp-a', 'pr-b'])
    await api(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/knowledge-check/answers`,
      { phase: 'post', answers: [{ question: 'q1', options: ['right'] }] },
      seat(key).participantToken,
    );
  next = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    fac.token,
  );
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await server?.close();
});

describe('after-action report draft', () => {
  it('is computed from the scored findings, per core capability and agency, with legal bases', async () => {
    const report = await aar();
    expect(report.revision).toBe(0);
    expect(report.executiveSummary).toBeNull();
    const life = report.capabilities.find((c) => c.id === 'life-safety');
    // Team B kept the van closed: a red line, so the capability was not performed.
    expect(life?.draftRating).toBe('U');
    expect(life?.rating).toBe('U');
    const triage = life?.strengths.find((e) =>
      e.findings.some((f) => f.seq === decisionSeq.triage),
    );
    expect(triage).toMatchObject({ agency: 'border_police', teams: ['team-a'], kind: 'strength' });
    expect(triage?.legalBasis.length).toBeGreaterThan(0);
    const redLine = life?.areasForImprovement.find((e) => e.redLine);
    expect(redLine?.teams).toEqual(['team-b']);
    expect(redLine?.findings.map((f) => f.seq)).toContain(decisionSeq.keepClosed);
    expect(redLine?.legalBasis.some((b) => b.instrument === 'ECHR')).toBe(true);
    // The citations come in every language: a Macedonian reader gets the instrument's name in Cyrillic.
    const echr = redLine?.legalBasis.find((b) => b.instrument === 'ECHR');
    expect(typeof echr?.text === 'object' ? echr.text.mk : undefined).toMatch(/^ЕКЧП чл\. \d/);
    const ident = report.capabilities.find((c) => c.id === 'identification-interpretation');
    expect(
      ident?.areasForImprovement.some((e) =>
        e.findings.some((f) => f.seq === decisionSeq.passenger),
      ),
    ).toBe(true);
    const evidence = report.capabilities.find((c) => c.id === 'evidence-custody');
    expect(
      evidence?.areasForImprovement.some((e) =>
        e.findings.some((f) => f.seq === decisionSeq.browse),
      ),
    ).toBe(true);
    // Capabilities nobody touched are listed without a rating.
    expect(report.capabilities.find((c) => c.id === 'money-cooperation')?.rating).toBeNull();
    expect(report.exerciseOverview.coreCapabilities).toEqual(
      expect.arrayContaining(['life-safety', 'identification-interpretation', 'evidence-custody']),
    );
    // Per agency: the same entries, by id.
    const bp = report.agencies.find((a) => a.agency === 'border_police');
    expect(bp?.strengths).toContain(triage?.id);
    expect(bp?.areasForImprovement).toContain(redLine?.id);
    // Nobody's name in the AAR.
    const text = JSON.stringify(report);
    for (const t of seats.values()) expect(text).not.toContain(t.participant.displayName);
  });

  it('is a pure function of scenario, log and rubric: recomputed outside the server it is the same', async () => {
    const report = await aar();
    const log = await raw(`/api/sessions/${meta.id}/events.jsonl`, fac.token);
    const parsed = parseScenario(readFileSync(MINI_SCENARIO, 'utf8'));
    if (!parsed.ok) throw new Error('mini scenario does not parse');
    const rubric = getRubric(meta.rubricVersion ?? '');
    const local = aarDraft(
      debrief(parsed.scenario, parseEventLog(log.text).events, rubric, { counterfactuals: false }),
    );
    expect(entries(report).map((e) => [e.id, e.points, e.findings.map((f) => f.key)])).toEqual(
      local.entries.map((e) => [e.id, e.points, e.findings.map((f) => f.key)]),
    );
    expect(report.capabilities.map((c) => c.draftRating)).toEqual(
      local.capabilities.map((c) => c.rating),
    );
    expect(withoutClock(await aar())).toEqual(withoutClock(report));
  });
});

describe('staff edits', () => {
  it('are stored as revisions over the draft; a stale save is refused and changes nothing', async () => {
    const before = await aar();
    const area = before.capabilities.find((c) => c.id === 'identification-interpretation')
      ?.areasForImprovement[0];
    const strength = before.capabilities.find((c) => c.id === 'life-safety')?.strengths[0];
    if (!area || !strength) throw new Error('draft lacks entries');
    const saved = afterActionReportSchema.parse(
      await api(
        server.url,
        'PUT',
        `/api/sessions/${meta.id}/aar`,
        {
          baseRevision: 0,
          executiveSummary: 'Both teams opened the exercise under time pressure.',
          capabilities: {
            'identification-interpretation': { rating: 'M', summary: 'Interpreters.' },
          },
          entries: {
            [area.id]: { analysis: '=HYPERLINK("http://x") no certified interpreter was sought' },
            [strength.id]: { included: false },
          },
        },
        fac.token,
      ),
    );
    expect(saved.revision).toBe(1);
    expect(saved.editedBy).toBe('fac1');
    const ident = saved.capabilities.find((c) => c.id === 'identification-interpretation');
    expect(ident).toMatchObject({ rating: 'M', summary: 'Interpreters.' });
    // The draft's own rating is kept beside the staff's.
    expect(ident?.draftRating).toBe(
      before.capabilities.find((c) => c.id === 'identification-interpretation')?.draftRating,
    );
    expect(ident?.areasForImprovement[0]?.analysis).toContain('no certified interpreter');
    expect(entries(saved).find((e) => e.id === strength.id)?.included).toBe(false);

    // Another editor still on revision 0.
    await expect(
      api(
        server.url,
        'PUT',
        `/api/sessions/${meta.id}/aar`,
        { baseRevision: 0, executiveSummary: 'x' },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 409, body: { code: ErrorCode.StaleRevision } });
    await expect(
      api(
        server.url,
        'PUT',
        `/api/sessions/${meta.id}/aar`,
        { baseRevision: 1, entries: { nope: { included: false } } },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      api(
        server.url,
        'PUT',
        `/api/sessions/${meta.id}/aar`,
        { baseRevision: 1, capabilities: { flying: {} } },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect((await aar()).executiveSummary).toBe(
      'Both teams opened the exercise under time pressure.',
    );
    const revisions = await get<{ revision: number; editedBy: string }[]>(
      `/api/sessions/${meta.id}/aar/revisions`,
      fac.token,
    );
    expect(revisions.map((r) => [r.revision, r.editedBy])).toEqual([[1, 'fac1']]);
  });

  it('are refused to trainees and to staff of other sessions', async () => {
    // Its trainees know the session: 403. Staff of other sessions are not told it exists: 404.
    for (const [token, status] of [
      [seat('bp-a').participantToken, 403],
      [other.token, 404],
    ] as const) {
      await expect(get(`/api/sessions/${meta.id}/aar`, token)).rejects.toMatchObject({ status });
      await expect(
        api(server.url, 'PUT', `/api/sessions/${meta.id}/aar`, { baseRevision: 1 }, token),
      ).rejects.toMatchObject({ status });
    }
    await expect(get(`/api/sessions/${meta.id}/aar`)).rejects.toMatchObject({ status: 401 });
  });
});

describe('improvement plan', () => {
  let item: ImprovementItem;

  it('takes items tied to an area for improvement, with agency, action, owner and due date', async () => {
    const report = await aar();
    const area = report.capabilities.find((c) => c.id === 'evidence-custody')
      ?.areasForImprovement[0];
    if (!area) throw new Error('no area');
    const body = {
      capability: 'evidence-custody',
      entry: area.id,
      agency: 'border_police',
      issue: 'Driver’s phone browsed at the roadside without an order.',
      action: 'Half-day drill on device seizure and search orders.',
      owner: 'Training unit, Border Police Directorate',
      dueDate: '2027-03-31',
    };
    item = improvementItemSchema.parse(
      await api(server.url, 'POST', `/api/sessions/${meta.id}/improvement-items`, body, fac.token),
    );
    expect(item).toMatchObject({ status: 'open', agency: 'border_police', createdBy: 'fac1' });
    expect(item.history).toHaveLength(1);
    for (const [patch, status] of [
      [{ agency: 'nobody' }, 400],
      [{ capability: 'witnesses' }, 400],
      [{ dueDate: '31.03.2027' }, 400],
      [{ owner: '' }, 400],
    ] as const) {
      await expect(
        api(
          server.url,
          'POST',
          `/api/sessions/${meta.id}/improvement-items`,
          { ...body, ...patch },
          fac.token,
        ),
      ).rejects.toMatchObject({ status });
    }
    await expect(
      api(
        server.url,
        'POST',
        `/api/sessions/${meta.id}/improvement-items`,
        body,
        seat('bp-a').participantToken,
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect((await aar()).improvementPlan.map((i) => i.id)).toEqual([item.id]);
  });

  it('is tracked across sessions: open items show when preparing the next one, then get closed', async () => {
    const open = await get<ImprovementItem[]>(
      '/api/improvement-items?status=open,in_progress&agency=border_police',
      fac.token,
    );
    expect(open.map((i) => i.id)).toEqual([item.id]);
    expect(
      await get<ImprovementItem[]>('/api/improvement-items?agency=prosecutor', fac.token),
    ).toEqual([]);
    // Staff of no session of it see nothing; trainees are refused.
    expect(await get<ImprovementItem[]>('/api/improvement-items', other.token)).toEqual([]);
    await expect(
      get('/api/improvement-items', seat('bp-a').participantToken),
    ).rejects.toMatchObject({ status: 403 });

    const reviewed = improvementItemSchema.parse(
      await api(
        server.url,
        'PATCH',
        `/api/improvement-items/${item.id}`,
        {
          status: 'in_progress',
          note: 'Drill scheduled; checked again in the next exercise.',
          session: next.id,
        },
        fac.token,
      ),
    );
    expect(reviewed.status).toBe('in_progress');
    expect(reviewed.history.map((h) => [h.status, h.session])).toEqual([
      ['open', meta.id],
      ['in_progress', next.id],
    ]);
    await expect(
      api(
        server.url,
        'PATCH',
        `/api/improvement-items/${item.id}`,
        { status: 'done' },
        other.token,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      api(
        server.url,
        'PATCH',
        `/api/improvement-items/${item.id}`,
        { status: 'finished' },
        fac.token,
      ),
    ).rejects.toMatchObject({ status: 400 });
    // Without a valid token the answer is the same whether the item exists or not.
    for (const id of [item.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      for (const token of [undefined, 'forged-token']) {
        await expect(
          api(server.url, 'PATCH', `/api/improvement-items/${id}`, { status: 'done' }, token),
        ).rejects.toMatchObject({ status: 401 });
      }
    }
    await api(
      server.url,
      'PATCH',
      `/api/improvement-items/${item.id}`,
      { status: 'done' },
      fac.token,
    );
    expect(
      await get<ImprovementItem[]>('/api/improvement-items?status=open,in_progress', fac.token),
    ).toEqual([]);
    const all = await get<ImprovementItem[]>('/api/improvement-items', fac.token);
    expect(all.map((i) => [i.id, i.status, i.history.length])).toEqual([[item.id, 'done', 3]]);
  });
});

describe('AAR exports and review links', () => {
  it('exports CSV in HSEEP headings with the shared safe CSV writer, and JSON as a file', async () => {
    const csv = await raw(`/api/sessions/${meta.id}/aar.csv`, fac.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFFsection,core_capability,rating,kind,agency,title')).toBe(
      true,
    );
    for (const heading of [
      'Exercise Overview',
      'Executive Summary',
      'Analysis of Core Capabilities',
      'Appendix A: Improvement Plan',
      'Area for Improvement',
    ])
      expect(csv.text).toContain(heading);
    // The one strength was left out by the staff's edit.
    expect(csv.text).not.toContain(',Strength,');
    // The staff's analysis starting with "=" is defused, not a formula.
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"") no certified`);
    expect(csv.text).toContain('ECHR');
    // The country the case is investigated in (the scenario names none: Serbia), in the CSV's language.
    expect(csv.text).toContain('\r\nExercise Overview,,,,,Country,Serbia,');
    const serbian = await raw(`/api/sessions/${meta.id}/aar.csv?lang=sr-Latn`, fac.token);
    expect(serbian.text).toContain('Život, bezbednost i medicinska pomoć');
    expect(serbian.text).toContain('\r\nExercise Overview,,,,,Country,Srbija,');
    const file = await raw(`/api/sessions/${meta.id}/aar?download=1`, fac.token);
    expect(file.headers.get('content-disposition')).toContain(`aar-${meta.id}.json`);
    const report = afterActionReportSchema.parse(JSON.parse(file.text));
    expect(report.format).toBe('crossroads.aar/1');
    expect(report.exerciseOverview.scenario.country).toBe('RS');
    await expect(
      get(`/api/sessions/${meta.id}/aar.csv`, seat('pr-a').participantToken),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('a review link reads the same report, read-only; a revoked link is gone', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    const viaLink = afterActionReportSchema.parse(
      await get<AfterActionReport>(`/api/reviews/${link.token}/aar`),
    );
    expect(withoutClock(viaLink)).toEqual(withoutClock(await aar()));
    expect((await raw(`/api/reviews/${link.token}/aar.csv`)).text).toContain(
      'Appendix A: Improvement Plan',
    );
    // There is no write path through a review link.
    expect(
      (await fetch(`${server.url}/api/reviews/${link.token}/aar`, { method: 'PUT' })).status,
    ).toBe(404);
    await api(
      server.url,
      'DELETE',
      `/api/sessions/${meta.id}/review-links`,
      { token: link.token },
      fac.token,
    );
    await expect(get(`/api/reviews/${link.token}/aar`)).rejects.toMatchObject({
      status: 410,
      body: { code: ErrorCode.LinkGone },
    });
    await expect(get('/api/reviews/not-a-real-token-at-all/aar')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('a link made before links expired lasts the set lifetime from its creation, on every review path (one SessionAccess)', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    const age = async (days: number) => {
      const db = openSqliteFile(server.databasePath);
      try {
        (
          db.prepare(
            'UPDATE review_links SET expires_at = NULL, created_at = ? WHERE session_id = ? AND revoked_at IS NULL',
          ) as unknown as { run(...p: unknown[]): unknown }
        ).run(new Date(Date.now() - days * 24 * 3600 * 1000).toISOString(), meta.id);
      } finally {
        db.close();
      }
    };
    await age(29);
    await expect(get(`/api/reviews/${link.token}/aar`)).resolves.toBeTruthy();
    await age(31);
    for (const path of [
      `/api/reviews/${link.token}`,
      `/api/reviews/${link.token}/aar`,
      `/api/reviews/${link.token}/aar.csv`,
      `/api/reviews/${link.token}/participation`,
      `/api/reviews/${link.token}/knowledge-results`,
    ])
      await expect(get(path)).rejects.toMatchObject({
        status: 410,
        body: { code: ErrorCode.LinkGone, message: expect.stringMatching(/expired/) },
      });
  });
});

describe('participation report', () => {
  let staffReport: ParticipationReport;

  it('counts participants by agency, institution, country and gender, with hours and attendance', async () => {
    staffReport = participationReportSchema.parse(
      await get(`/api/sessions/${meta.id}/participation`, fac.token),
    );
    const r = staffReport;
    expect(r.names).toBe('staff');
    expect(r.totals.participants).toBe(4);
    expect(r.participants.map((p) => p.name)).toEqual(TRAINEES.map((t) => t[3]));
    expect(r.byCountry).toEqual([
      { country: 'RS', participants: 2 },
      { country: 'MK', participants: 1 },
      { country: null, participants: 1 },
    ]);
    expect(r.byGender).toEqual(
      expect.arrayContaining([
        { gender: null, participants: 2 },
        { gender: 'woman', participants: 1 },
        { gender: 'prefer_not_to_say', participants: 1 },
      ]),
    );
    expect(r.byInstitution).toEqual(
      expect.arrayContaining([{ institution: 'Border Police Directorate', participants: 1 }]),
    );
    const session = r.sessions[0];
    expect(session?.runningMinutes).toBeGreaterThan(0);
    expect(session?.hoursOfPlay).toBeGreaterThanOrEqual(0);
    expect(session?.attendance).toHaveLength(11);
    // Everyone was connected from before the start to after the end.
    expect(session?.attendance.every((n) => n === 4)).toBe(true);
    for (const p of r.participants) expect(p.attendance).toBeCloseTo(1, 1);
    expect(r.participants.find((p) => p.name === 'Jelena Petrović')?.decisions).toBe(3);
    // Scores on both axes by agency and the red line.
    const bp = r.byAgency.find((a) => a.agency === 'border_police');
    expect(bp?.participants).toBe(2);
    expect(bp?.rightsPoints).toBeLessThan(0);
    expect(bp?.evidencePoints).toBeLessThan(0);
    expect(bp?.redLines).toBe(1);
    expect(r.redLines).toEqual([
      expect.objectContaining({ team: 'team-b', agency: 'border_police' }),
    ]);
    expect(session?.teams.find((t) => t.id === 'team-b')?.redLines).toBe(1);
    // Knowledge: 4 wrong before; 2 right after.
    expect(r.totals.knowledge).toMatchObject({
      pre: 0,
      post: 1,
      gain: 1,
      respondentsPre: 4,
      respondentsPost: 2,
    });
  });

  it('exports CSV through the shared CSV writer (formula starts defused)', async () => {
    const csv = await raw(`/api/sessions/${meta.id}/participation.csv`, fac.token);
    expect(csv.text.startsWith('\uFEFFsection,session,subject,measure,value\r\n')).toBe(true);
    expect(csv.text).toContain('Jelena Petrović');
    expect(csv.text).toContain(`"'+Ana Stojanovska"`);
    expect(csv.text).toContain('agency,,border_police,rights_points,');
  });

  it('pseudonymises trainees for review links; trainees and outsiders get nothing', async () => {
    const link = await api<ReviewLink>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      fac.token,
    );
    const viaLink = participationReportSchema.parse(
      await get(`/api/reviews/${link.token}/participation`),
    );
    expect(viaLink.names).toBe('pseudonymised');
    expect(viaLink.participants.map((p) => p.name)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(viaLink.byAgency).toEqual(staffReport.byAgency);
    const csv = await raw(`/api/reviews/${link.token}/participation.csv`);
    for (const t of seats.values()) {
      const name = t.participant.displayName;
      expect(JSON.stringify(viaLink)).not.toContain(name.replace('+', ''));
      expect(csv.text).not.toContain(name.replace('+', ''));
      expect(JSON.stringify(viaLink)).not.toContain(t.participant.id);
    }
    for (const [token, status] of [
      [seat('bp-a').participantToken, 403],
      [other.token, 404],
    ] as const) {
      await expect(get(`/api/sessions/${meta.id}/participation`, token)).rejects.toMatchObject({
        status,
      });
      await expect(get(`/api/sessions/${meta.id}/participation.csv`, token)).rejects.toMatchObject({
        status,
      });
    }
    await expect(
      get('/api/participation?from=2020-01-01&to=2099-01-01', seat('bp-a').participantToken),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('covers a date range over the sessions the account is a member of', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const range = participationReportSchema.parse(
      await get(`/api/participation?from=${today}&to=${today}`, fac.token),
    );
    expect(range.scope).toEqual({ kind: 'range', from: today, to: today });
    expect(range.sessions.map((s) => s.id).sort()).toEqual([meta.id, next.id].sort());
    expect(range.totals.participants).toBe(4);
    const none = participationReportSchema.parse(
      await get(`/api/participation?from=${today}&to=${today}`, other.token),
    );
    expect(none.totals).toMatchObject({ sessions: 0, participants: 0 });
    await expect(
      get('/api/participation?from=2026-02-01&to=2026-01-01', fac.token),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      get('/api/participation?from=yesterday&to=2026-01-01', fac.token),
    ).rejects.toMatchObject({ status: 400 });
    const csv = await raw(`/api/participation.csv?from=${today}&to=${today}`, fac.token);
    expect(csv.text).toContain(`session,${next.id},`);
  });

  it('takes institution, country and gender at join only when given, and checks them', async () => {
    const join = (profile: unknown) =>
      api(server.url, 'POST', '/api/join', {
        code: next.joinCode,
        displayName: `T ${Math.random()}`.slice(0, 12),
        profile,
      });
    await expect(join({ country: 'Serbia' })).rejects.toMatchObject({ status: 400 });
    await expect(join({ gender: 'x' })).rejects.toMatchObject({ status: 400 });
    await expect(join({ nickname: 'x' })).rejects.toMatchObject({ status: 400 });
    await join({});
    const r = participationReportSchema.parse(
      await get(`/api/sessions/${next.id}/participation`, fac.token),
    );
    expect(r.byCountry).toEqual([{ country: null, participants: 1 }]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/sessions/{id}/aar',
        '/api/sessions/{id}/aar.csv',
        '/api/reviews/{token}/aar',
        '/api/improvement-items',
        '/api/improvement-items/{itemId}',
        '/api/sessions/{id}/participation',
        '/api/participation',
        '/api/reviews/{token}/participation',
      ]),
    );
  });
});
