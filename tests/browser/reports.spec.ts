import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  participationReportSchema,
  type JoinInfo,
  type JoinResponse,
  type LoginResponse,
  type ReviewLink,
  type SessionMeta,
} from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  type BrowserTestServer,
  keepStaffLogin,
  openPage,
  REPO_ROOT,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
} from './helpers';
import { accepted } from '../acks';

jest.setTimeout(240_000);

/*
 * The after-action report and improvement plan, and the participation report, in a real browser:
 * three finished sessions of the flagship played over REST and socket.io (two teams each, one by
 * the book, one cutting corners), then the AAR/IP editor (edit, save, add a plan item, export
 * PDF/CSV/JSON), the participation report for one session and for the date range, the review
 * link's read-only, pseudonymised views, the open items shown when preparing the next session,
 * and the optional profile fields at join. Sizes of the exports go to artifacts/report-sizes.json.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const SCENARIO = 'reefer-horgos';
const PREFER: Record<string, Record<string, string>> = {
  'team-a': {
    d_open: 'o_open_now',
    d_sort: 'o_separate',
    d_medical: 'o_call_ems',
    d_prosecutor_call: 'o_direct_full',
    d_wali: 'o_wali_triage',
    d_interpreters: 'o_request_all',
    d_minors: 'o_presume_children',
    d_asylum: 'o_register',
  },
  'team-b': {
    d_open: 'o_open_keep_inside',
    d_sort: 'o_cuff_all',
    d_medical: 'o_blankets',
    d_prosecutor_call: 'o_read_phone',
    d_wali: 'o_wali_all',
    d_interpreters: 'o_request_arabic_only',
    d_minors: 'o_adults_until_xray',
    d_asylum: 'o_after_case',
  },
};
const PROFILES = [
  { institution: 'Border Police Directorate', country: 'RS', gender: 'woman' },
  { institution: 'Higher Public Prosecutor', country: 'RS' },
  { country: 'BA', gender: 'man' },
  undefined,
] as const;

let server: BrowserTestServer;
let browser: Browser;
let staffToken: string;
let staffLogin: LoginResponse;
const sessions: SessionMeta[] = [];
const names: string[] = [];
const clients: SessionClient[] = [];
const sizes: Record<string, number> = {};

async function play(team: string, trainees: SessionClient[]): Promise<void> {
  const taken = new Set<string>();
  for (let round = 0; round < 10; round += 1) {
    let acted = false;
    for (const trainee of trainees) {
      for (const decision of trainee.view?.decisions ?? []) {
        const option = PREFER[team]?.[decision.id];
        if (!option || taken.has(decision.id) || !decision.enabled || decision.joint) continue;
        if (!decision.options.some((o) => o.id === option && o.enabled)) continue;
        const ack = accepted(
          await trainee.send('decision.submit', { decision: decision.id, option }),
          `${team} ${decision.id}`,
        );
        if (ack.status === 'accepted') {
          await trainee.until(() => trainee.lastSeq >= ack.seq, 5000, `seq ${ack.seq}`);
          for (const other of trainees) {
            if (other === trainee) continue;
            accepted(await other.send('session.sync', {}), 'session.sync');
            await other.until(() => (other.snapshot?.seq ?? 0) >= ack.seq, 5000, 'snapshot');
          }
        }
        taken.add(decision.id);
        acted = true;
      }
    }
    if (!acted) break;
  }
}

async function playSession(index: number): Promise<SessionMeta> {
  const base = server.origin;
  const session = await api<SessionMeta>(
    base,
    'POST',
    '/api/sessions',
    { scenario: SCENARIO, teams: ['Team A', 'Team B'], timeRatio: 0 },
    staffToken,
  );
  const info = await api<JoinInfo>(base, 'GET', `/api/join/${session.joinCode}`);
  const roles = info.roles.filter((r) => r.playable === 'required').map((r) => r.id);
  const facilitator = new SessionClient(
    base,
    { kind: 'facilitator', token: staffToken },
    session.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  const byTeam = new Map<string, SessionClient[]>();
  let n = 0;
  for (const team of session.teams) {
    for (const role of roles) {
      const name = `Trainee ${index}-${team.id}-${role}`;
      names.push(name);
      const profile = PROFILES[n % PROFILES.length];
      n += 1;
      const joined = await api<JoinResponse>(base, 'POST', '/api/join', {
        code: session.joinCode,
        displayName: name,
        team: team.id,
        role,
        ...(profile ? { profile } : {}),
      });
      const client = new SessionClient(base, {
        kind: 'participant',
        token: joined.participantToken,
      });
      clients.push(client);
      await client.connected();
      byTeam.set(team.id, [...(byTeam.get(team.id) ?? []), client]);
    }
  }
  accepted(await facilitator.send('session.start', {}), 'session.start');
  for (const [team, trainees] of byTeam) {
    await Promise.all(trainees.map((t) => t.until(() => t.view !== null, 5000, 'first view')));
    await play(team, trainees);
  }
  accepted(await facilitator.send('session.end', {}), 'session.end');
  accepted(await facilitator.send('debrief.release', {}), 'debrief.release');
  return session;
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  staffLogin = await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO);
  staffToken = staffLogin.token;
  for (let i = 1; i <= 3; i += 1) sessions.push(await playSession(i));
  for (const c of clients) c.socket.close();
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  if (Object.keys(sizes).length > 0) {
    const dir = path.join(REPO_ROOT, 'artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'report-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  }
  await browser?.close();
  await server?.close();
});

/**
 * Opens `to` as signed-in staff: the tab holds the staff login as signing in leaves it (the
 * login form itself is tested in debrief.spec.ts and full-session.spec.ts), set through the
 * DevTools protocol before any page script runs (the CSP refuses inline scripts).
 */
async function signIn(page: Page, to: string): Promise<void> {
  await keepStaffLogin(page.context(), staffLogin);
  await page.goto(`${server.origin}${to}`);
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync(await file.path());
}

const first = () => {
  const s = sessions[0];
  if (!s) throw new Error('no session');
  return s;
};

describe('after-action report and improvement plan in the browser', () => {
  test('staff edit the draft, save a revision, add a plan item and export PDF, CSV and JSON', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await signIn(page, `/debriefs/${first().id}/aar`);
    await page.locator('[data-aar-revision="0"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'After-action report and improvement plan',
    );
    // The draft: capabilities with ratings and entries tied to findings.
    const life = page.locator('[data-capability="life-safety"]');
    await expect(life.locator('.rating').textContent()).resolves.toMatch(/^U · unable/);
    expect(await page.locator('[data-aar-entry]').count()).toBeGreaterThan(4);
    await saveScreenshot(page, 'aar-1280-en');
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    await page.getByLabel('Executive summary').fill('Team A protected life first; team B did not.');
    const area = page.locator('[data-aar-entry^="improvement:"]').first();
    await area.getByLabel('Analysis').fill('Discussed in the hot wash: nobody owned the doors.');
    const strength = page.locator('[data-aar-entry^="strength:"]').first();
    await strength.getByLabel('Include in the report').uncheck();
    await page.getByRole('button', { name: 'Save edits' }).click();
    await page.locator('[data-aar-save="ok"]').waitFor();
    await page.locator('[data-aar-revision="1"]').waitFor();

    // The improvement plan: an item for the first area, then its status.
    await page.getByLabel('Corrective action').fill('Drill on opening and triage before calls');
    await page.getByLabel('Owner (point of contact)').fill('Training unit, Subotica');
    await page.getByLabel('Due date').fill('2027-03-31');
    await page.getByRole('button', { name: 'Add to the plan' }).click();
    const row = page.locator('[data-improvement-item]');
    await row.waitFor();
    // Saved: the server's answer (not only the optimistic choice) holds the new status.
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/improvement-items/') && r.request().method() === 'PATCH',
    );
    await row.getByRole('combobox').selectOption('in_progress');
    expect((await saved).status()).toBe(200);
    await expect(row.getByRole('combobox').inputValue()).resolves.toBe('in_progress');
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    const pdf = await download(page, 'PDF report');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    sizes['aar.pdf (session 1)'] = pdf.length;
    const csv = await download(page, 'CSV file');
    const csvText = csv.toString('utf8');
    expect(csvText).toContain('Appendix A: Improvement Plan');
    expect(csvText).toContain('Drill on opening and triage before calls');
    sizes['aar.csv (session 1)'] = csv.length;
    const json = await download(page, 'JSON file');
    const report = JSON.parse(json.toString('utf8')) as {
      revision: number;
      executiveSummary: string;
    };
    expect(report).toMatchObject({
      revision: 1,
      executiveSummary: expect.stringContaining('Team A'),
    });
    sizes['aar.json (session 1)'] = json.length;
    for (const name of names) expect(csvText).not.toContain(name);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('the next session of the scenario shows the open plan item while it is prepared', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, `/facilitate/sessions/new?scenario=${SCENARIO}`);
    const panel = page.locator('[data-open-items]');
    await panel.waitFor({ timeout: 30_000 });
    await expect(panel.textContent()).resolves.toContain(
      'Drill on opening and triage before calls',
    );
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});

describe('participation report in the browser', () => {
  test('one session for staff (names) and the three-session range with exports', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await signIn(page, `/debriefs/${first().id}/participation`);
    await page.locator('[data-participation="staff"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-participation-people]').textContent()).resolves.toContain(
      names[0],
    );
    // A row per person names the agency by its short name; the agency's own row names it in full.
    const people = (await page.locator('[data-participation-people]').textContent()) ?? '';
    expect(people).toContain('Border Police Horgoš');
    expect(people).not.toContain('Regional Border Police Centre');
    await saveScreenshot(page, 'participation-1280-en');
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${server.origin}/reports/participation?from=${today}&to=${today}`);
    await page.locator('[data-participation="staff"]').waitFor({ timeout: 30_000 });
    const total = Number(await page.locator('[data-total-participants]').textContent());
    expect(total).toBe(names.length);
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    const pdf = await download(page, 'PDF report');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    sizes['participation.pdf (3 sessions)'] = pdf.length;
    const csv = await download(page, 'CSV file');
    expect(csv.toString('utf8')).toContain('section,session,subject,measure,value');
    sizes['participation.csv (3 sessions)'] = csv.length;
    const json = await download(page, 'JSON file');
    const parsed = participationReportSchema.parse(JSON.parse(json.toString('utf8')));
    expect(parsed.totals.sessions).toBe(3);
    sizes['participation.json (3 sessions)'] = json.length;

    // AAR exports of the other two sessions, for the three-session figures.
    for (const s of sessions.slice(1)) {
      await page.goto(`${server.origin}/debriefs/${s.id}/aar`);
      await page.locator('[data-aar-revision]').waitFor({ timeout: 30_000 });
      const index = sessions.indexOf(s) + 1;
      sizes[`aar.pdf (session ${index})`] = (await download(page, 'PDF report')).length;
      sizes[`aar.csv (session ${index})`] = (await download(page, 'CSV file')).length;
      sizes[`aar.json (session ${index})`] = (await download(page, 'JSON file')).length;
    }
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('a review link shows the reports read-only, with trainees pseudonymised', async () => {
    const link = await api<ReviewLink>(
      server.origin,
      'POST',
      `/api/sessions/${first().id}/review-links`,
      {},
      staffToken,
    );
    const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${server.origin}/review/${link.token}/participation`);
    await page.locator('[data-participation="pseudonymised"]').waitFor({ timeout: 30_000 });
    const body = (await page.locator('main').textContent()) ?? '';
    for (const name of names) expect(body).not.toContain(name);
    expect(body).toContain('P1');
    await saveScreenshot(page, 'participation-review-390-en');
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    const csv = await download(page, 'CSV file');
    for (const name of names) expect(csv.toString('utf8')).not.toContain(name);

    await page.goto(`${server.origin}/review/${link.token}/aar`);
    await page.locator('[data-aar-revision="1"]').waitFor({ timeout: 30_000 });
    // Read-only: no editing controls, the staff's words are shown.
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save edits' }).count()).toBe(0);
    await expect(page.locator('main').textContent()).resolves.toContain('nobody owned the doors');
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('a trainee may give institution, country and gender when joining, or nothing', async () => {
    const session = await api<SessionMeta>(
      server.origin,
      'POST',
      '/api/sessions',
      { scenario: SCENARIO, teams: 1, timeRatio: 0 },
      staffToken,
    );
    const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${server.origin}/join/${session.joinCode}`);
    await page.getByLabel('Your name').waitFor({ timeout: 30_000 });
    await page.getByLabel('Your name').fill('Mila');
    await page.getByLabel('Institution').fill('Centre for Social Work, Subotica');
    await page.getByLabel('Country').selectOption('RS');
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, 'join-profile-390-en');
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.waitForURL(/\/play\//, { timeout: 30_000 });
    const report = participationReportSchema.parse(
      await api(
        server.origin,
        'GET',
        `/api/sessions/${session.id}/participation`,
        undefined,
        staffToken,
      ),
    );
    expect(report.byCountry).toEqual([{ country: 'RS', participants: 1 }]);
    expect(report.byGender).toEqual([{ gender: null, participants: 1 }]);
    expect(report.byInstitution).toEqual([
      { institution: 'Centre for Social Work, Subotica', participants: 1 },
    ]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
