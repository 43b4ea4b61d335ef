import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import {
  logEventSchema,
  type JoinInfo,
  type JoinResponse,
  type LoginResponse,
  type SessionMeta,
} from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  type BrowserTestServer,
  keepStaffLogin,
  openPage,
  runAxe,
  saveScreenshot,
  SCREENSHOT_DIR,
  blockingViolations,
  startServerAndBrowser,
} from './helpers';
import { accepted } from '../acks';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(180_000);

/*
 * A finished session of the flagship scenario, played for real over REST and socket.io by a
 * facilitator and one trainee per agency in two teams (team A by the book, team B cutting
 * corners), then studied in the browser: the debrief, its filters, charts, exports, Serbian,
 * accessibility, and a trainee's own view once released.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const SCENARIO = 'reefer-horgos';
const RATIONALE = 'We <b>must</b> act, "now"';
const NOTE = 'Observer: the doors decision took <i>long</i>';
const BROADCAST = 'Pauza u 11: vratite se u salu';

/** The option each team prefers at the decisions it meets first (by the book / cutting corners). */
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

let server: BrowserTestServer;
let browser: Browser;
let session: SessionMeta;
let staffToken: string;
let staffLogin: LoginResponse;
const traineeTokens = new Map<string, { token: string; participant: string; name: string }>();
const clients: SessionClient[] = [];

/** Each trainee takes the decisions its agency sees, with its team's preferred options. */
async function play(team: string, trainees: SessionClient[]): Promise<number> {
  const taken = new Set<string>();
  let seqOfFirst = 0;
  for (let round = 0; round < 10; round += 1) {
    let acted = false;
    for (const trainee of trainees) {
      for (const decision of trainee.view?.decisions ?? []) {
        const option = PREFER[team]?.[decision.id];
        if (!option || taken.has(decision.id) || !decision.enabled || decision.joint) continue;
        if (!decision.options.some((o) => o.id === option && o.enabled)) continue;
        const ack = accepted(
          await trainee.send('decision.submit', {
            decision: decision.id,
            option,
            confidence: 4,
            ...(decision.id === 'd_open' ? { rationale: RATIONALE } : {}),
          }),
          `${team} ${decision.id}`,
        );
        if (ack.status === 'accepted') {
          if (decision.id === 'd_open') seqOfFirst = ack.seq;
          // A trainee is only sent what its agency takes part in: the others ask for a fresh view.
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
  if (taken.size < 2) throw new Error(`${team} took only ${[...taken].join(', ')}`);
  return seqOfFirst;
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  const base = server.origin;
  staffLogin = await api<LoginResponse>(base, 'POST', '/api/auth/login', DEMO);
  staffToken = staffLogin.token;
  session = await api<SessionMeta>(
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
  for (const team of session.teams) {
    for (const role of roles) {
      const name = `${team.name} ${role} <trainee>`;
      const joined = await api<JoinResponse>(base, 'POST', '/api/join', {
        code: session.joinCode,
        displayName: name,
        team: team.id,
        role,
      });
      traineeTokens.set(`${team.id}:${role}`, {
        token: joined.participantToken,
        participant: joined.participant.id,
        name,
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
  const firstSeq = new Map<string, number>();
  for (const [team, trainees] of byTeam) {
    await Promise.all(trainees.map((t) => t.until(() => t.view !== null, 5000, 'first view')));
    firstSeq.set(team, await play(team, trainees));
  }
  // A note pinned to team B's first decision, shown in place in the timeline.
  accepted(
    await facilitator.send('note.pin', { seq: firstSeq.get('team-b') ?? 1, text: NOTE }),
    'note.pin',
  );
  // A broadcast to every team, written in Serbian: a moment of the replay, with its text.
  accepted(
    await facilitator.send('broadcast.send', { message: BROADCAST, lang: 'sr-Latn' }),
    'broadcast.send',
  );
  accepted(await facilitator.send('session.end', {}), 'session.end');
  accepted(await facilitator.send('debrief.release', {}), 'debrief.release');
  for (const c of clients) c.socket.close();
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await browser?.close();
  await server?.close();
});

/** Signs in through the debriefs page and opens the session's debrief from the list. */
async function openAsStaff(page: Page): Promise<void> {
  await page.goto(`${server.origin}/debriefs`);
  await page.getByLabel('User name').fill(DEMO.username);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator(`[data-session="${session.id}"] a`).click();
  await shown(page);
}

/**
 * Keeps the staff login in the tab, as signing in on the debriefs page leaves it (the first test
 * signs in through that form): each further test opens its page directly instead of loading the
 * form, signing in and following the list each time.
 */
async function signedIn(context: BrowserContext): Promise<void> {
  await keepStaffLogin(context, staffLogin);
}

/** Opens the session's debrief (or `query` of it) as signed-in staff. */
async function openSignedIn(context: BrowserContext, page: Page, query = ''): Promise<void> {
  await signedIn(context);
  await page.goto(`${server.origin}/debriefs/${session.id}${query}`);
  await shown(page);
}

/** Waits for the debrief, failing at once with the page's message when it shows an error. */
async function shown(page: Page): Promise<void> {
  await page.locator('[data-debrief], [data-debrief-error]').first().waitFor({ timeout: 30_000 });
  const error = page.locator('[data-debrief-error]');
  if ((await error.count()) > 0) {
    throw new Error(
      `debrief error ${await error.getAttribute('data-debrief-error')}: ${await error.textContent()}`,
    );
  }
}

async function downloaded(page: Page, button: string): Promise<{ file: Download; text: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { file, text: readFileSync(path) };
}

describe('debrief of a finished session in a real browser', () => {
  test('the server serves a scored debrief for the session', async () => {
    const body = await api<{ debrief: { format?: string; teams?: unknown[] } }>(
      server.origin,
      'GET',
      `/api/sessions/${session.id}/debrief`,
      undefined,
      staffToken,
    );
    expect(body.debrief.format).toBe('crossroads.debrief/1');
    expect(body.debrief.teams).toHaveLength(2);
  });

  test('shows scores, red lines, timeline with notes, comparison and charts; filters work', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1920, height: 1080 });
    await openAsStaff(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Reefer at Horgoš');
    await expect(page.title()).resolves.toBe('Debrief: Reefer at Horgoš · Crossroads');
    await expect(page.locator('[data-team-card]').count()).resolves.toBe(2);
    const cardA = page.locator('[data-team-card="team-a"]');
    await expect(cardA.textContent()).resolves.toMatch(/Evidence\s*\d+\s*\/ 100/);
    await saveScreenshot(page, 'debrief-1920-en');

    // Team B crossed a red line: said in words on its card and at the top of its detail.
    const cardB = page.locator('[data-team-card="team-b"]');
    await expect(cardB.textContent()).resolves.toContain('Red line crossed');
    await cardB.getByRole('button').click();
    const redLines = page.locator('[data-red-lines]');
    await redLines.waitFor();
    await expect(redLines.textContent()).resolves.toContain('A red line caps the result');
    await expect(page.locator('#team [data-outcome]').getAttribute('data-outcome')).resolves.toBe(
      'hard_fail',
    );
    await saveScreenshot(page, 'debrief-1920-en-red-line');

    // The timeline: rows with deltas, the rationale and the note as plain text, in place.
    const timeline = page.locator('#timeline');
    const rows = timeline.locator('.tl-row');
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);
    await expect(timeline.locator('.rationale').first().textContent()).resolves.toContain(
      RATIONALE,
    );
    await expect(timeline.locator('.rationale b').count()).resolves.toBe(0);
    const note = timeline.locator('.note__text');
    await expect(note.textContent()).resolves.toBe(NOTE);
    await expect(timeline.locator('.note i').count()).resolves.toBe(0);
    await timeline.locator('.tl-row--red').first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'debrief-1920-en-timeline');

    // Filters: by agency, by participant (display names), scored only.
    await timeline.getByLabel('Agency').selectOption('prosecutor');
    const byAgency = await rows.count();
    expect(byAgency).toBeGreaterThan(0);
    expect(byAgency).toBeLessThan(total);
    await timeline.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows.count()).resolves.toBe(total);
    const participant = timeline.getByLabel('Participant');
    const names = await participant.locator('option').allTextContents();
    expect(names).toContain(traineeTokens.get('team-b:border_police')?.name);
    await participant.selectOption({
      label: traineeTokens.get('team-b:border_police')?.name ?? '',
    });
    expect(await rows.count()).toBeLessThan(total);
    await timeline.getByRole('button', { name: 'Clear filters' }).click();
    await timeline.getByLabel('Only scored events').check();
    expect(await rows.count()).toBeLessThanOrEqual(total);

    // Comparison: "n of 2 teams chose" at decision points, and the path matrix.
    const compare = page.locator('#compare');
    await expect(
      compare.getByText('Teams that took this decision: 2 of 2').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(compare.getByText('1 of 2 teams chose').count()).resolves.toBeGreaterThan(0);
    await expect(compare.getByText('Chose differently: Team A').count()).resolves.toBeGreaterThan(
      0,
    );
    await expect(compare.locator('table.matrix tbody tr').count()).resolves.toBeGreaterThan(2);
    await compare.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'debrief-1920-en-compare');

    // Charts: SVG drawn, each with its table.
    const charts = page.locator('#charts');
    await charts.scrollIntoViewIfNeeded();
    await charts.locator('[data-chart="running"] svg.recharts-surface').first().waitFor();
    await charts.locator('[data-chart="scatter"] svg.recharts-surface').first().waitFor();
    await expect(charts.locator('table').count()).resolves.toBe(2);
    await expect(charts.locator('[data-chart="running"] .recharts-line').count()).resolves.toBe(2);
    await saveScreenshot(page, 'debrief-1920-en-charts');

    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('exports: scored items CSV, event log JSONL, PDF report and debrief file', async () => {
    const { context, page, problems } = await openPage(browser);
    await openSignedIn(context, page);

    const csv = await downloaded(page, 'Scored items (CSV)');
    expect(csv.file.suggestedFilename()).toMatch(/scored-items-en\.csv$/);
    const lines = csv.text
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^team,team_name,seq,scenario_minute,axis,points,counted/);
    expect(lines.length).toBeGreaterThan(5);

    const jsonl = await downloaded(page, 'Event log (JSONL)');
    const events = jsonl.text
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => logEventSchema.parse(JSON.parse(line)));
    expect(events.some((e) => e.type === 'decision.made')).toBe(true);
    expect(events.some((e) => e.type === 'note.pinned')).toBe(true);

    const scores = await downloaded(page, 'Team scores (CSV)');
    expect(scores.text.toString('utf8').trim().split('\n')).toHaveLength(3);

    const pdf = await downloaded(page, 'Download PDF report');
    expect(pdf.file.suggestedFilename()).toMatch(/report-en\.pdf$/);
    // Kept beside the screenshots for a person to read (artifacts/ is git-ignored).
    await pdf.file.saveAs(path.join(SCREENSHOT_DIR, '..', 'debrief-report-en.pdf'));
    expect(pdf.text.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.text.length).toBeGreaterThan(10_000);
    await expect(page.locator('.exports__message').textContent()).resolves.toContain('Downloaded');

    // The debrief file opens read-only on the debriefs page, without an account.
    const file = await downloaded(page, 'Debrief file (JSON)');
    const { context: reviewer, page: reviewerPage } = await openPage(browser);
    await reviewerPage.goto(`${server.origin}/debriefs`);
    await reviewerPage.locator('input[type=file]').setInputFiles({
      name: 'debrief.json',
      mimeType: 'application/json',
      buffer: file.text,
    });
    await reviewerPage.locator('[data-debrief]').waitFor();
    await expect(reviewerPage.getByText('Opened from a debrief file').count()).resolves.toBe(1);
    await expect(reviewerPage.locator('[data-team-card]').count()).resolves.toBe(2);
    await reviewer.close();

    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('reads in Serbian, including the rubric texts, and exports a Serbian PDF', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1920, height: 1080 });
    await openSignedIn(context, page);
    await page.getByLabel('Language').selectOption('sr-Latn');
    await expect(page.locator('h1').textContent()).resolves.toBe('Hladnjača na Horgošu');
    await expect(page.locator('[data-team-card="team-b"]').textContent()).resolves.toContain(
      'Pređena crvena linija',
    );
    await expect(page.locator('#overview-title').textContent()).resolves.toBe(
      'Timovi na prvi pogled',
    );
    await saveScreenshot(page, 'debrief-1920-sr-Latn');
    const pdf = await downloaded(page, 'Preuzmi PDF izveštaj');
    expect(pdf.file.suggestedFilename()).toMatch(/report-sr-Latn\.pdf$/);
    await pdf.file.saveAs(path.join(SCREENSHOT_DIR, '..', 'debrief-report-sr-Latn.pdf'));
    expect(pdf.text.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('reads in Macedonian: scoring texts and legal bases in Cyrillic, no English sentence', async () => {
    type Text = { en: string; mk?: string };
    type Basis = { text?: { mk?: string } };
    type RedLine = { detail: Text; title: Text; legalBasis: Basis[] };
    const { debrief } = await api<{
      debrief: {
        teams: { team: string; items: (RedLine & { explanation: Text })[]; redLines: RedLine[] }[];
      };
    }>(server.origin, 'GET', `/api/sessions/${session.id}/debrief`, undefined, staffToken);
    const teamB = debrief.teams.find((t) => t.team === 'team-b');
    const redLine = teamB?.redLines[0];
    if (!teamB || !redLine) throw new Error('team B has no red line to read');
    // Every scoring text of team B as the server composed it, in English and in Macedonian.
    const texts = [
      ...teamB.redLines.map((r) => r.detail),
      ...teamB.items.flatMap((i) => [i.detail, i.explanation]),
    ];
    const english = [...new Set(texts.map((t) => t.en).filter((s) => s.length > 24))];
    expect(english.length).toBeGreaterThan(5);

    const { context, page, problems } = await openPage(browser, { width: 1920, height: 1080 });
    await openSignedIn(context, page);
    await page.getByLabel('Language').selectOption('mk');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ладилник на Хоргош');
    await page.locator('[data-team-card="team-b"]').getByRole('button').click();
    const redLines = page.locator('[data-red-lines]');
    await redLines.waitFor();
    const redText = (await redLines.textContent()) ?? '';
    // The red line's detail and its legal bases as the Macedonian reader gets them.
    expect(redLine.detail.mk).toMatch(/[\u0400-\u04FF]/);
    expect(redText).toContain(redLine.detail.mk);
    const citations = redLine.legalBasis.map((b) => b.text?.mk ?? '');
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(c).toMatch(/[\u0400-\u04FF]/);
      expect(redText).toContain(c);
    }
    // Every legal basis on the page is cited in Cyrillic: no lower-case Latin word at all.
    const cited = await page.locator('.legal__list li').allTextContents();
    expect(cited.length).toBeGreaterThan(citations.length);
    expect(cited.filter((c) => !/[\u0400-\u04FF]/.test(c) || /[a-z]{3,}/.test(c))).toEqual([]);
    // No English sentence the scoring composed is anywhere on the page.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(english.filter((s) => body.includes(s))).toEqual([]);
    await saveScreenshot(page, 'debrief-1920-mk');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('fits a 360 px phone without sideways scrolling', async () => {
    const { context, page, problems } = await openPage(browser, { width: 360, height: 740 });
    await openSignedIn(context, page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'debrief-360-en');
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'debrief-360-en-timeline');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('is keyboard usable: section links move focus, the team can be changed by keyboard', async () => {
    const { context, page } = await openPage(browser);
    await openSignedIn(context, page);
    const nav = page.getByRole('navigation', { name: 'Debrief sections' });
    await nav.getByRole('link', { name: 'Timeline' }).focus();
    await page.keyboard.press('Enter');
    // Focus moves after the next frame (once React has drawn any change).
    await page.waitForFunction(() => document.activeElement?.id === 'timeline', undefined, {
      timeout: 5000,
    });
    const picker = page.getByLabel('Team shown');
    await picker.focus();
    await expect(picker.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.not.toBe(
      'none',
    );
    await picker.selectOption('team-b');
    await page.locator('#team-title', { hasText: 'Team B in detail' }).waitFor();
    await context.close();
  });

  test("a trainee sees only their own team's debrief once it is released", async () => {
    const trainee = traineeTokens.get('team-a:prosecutor');
    if (!trainee) throw new Error('no trainee');
    const { context, page, problems } = await openPage(browser);
    await context.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), {
      key: `crossroads.trainee.credential.${session.id}`,
      value: JSON.stringify({
        session: session.id,
        token: trainee.token,
        participant: trainee.participant,
        displayName: trainee.name,
        joinCode: session.joinCode,
        title: session.scenario.title,
        contentWarnings: [],
        language: 'en',
        joinedAt: new Date().toISOString(),
      }),
    });
    await page.goto(`${server.origin}/debriefs`);
    await page.getByRole('link', { name: /Open debrief/ }).click();
    await shown(page);
    await expect(page.locator('[data-team-card]').count()).resolves.toBe(1);
    await expect(page.locator('[data-team-card="team-a"]').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Event log (JSONL)' }).count()).resolves.toBe(0);
    await expect(page.locator('#compare').textContent()).resolves.toContain(
      'the facilitator compares the teams',
    );
    await saveScreenshot(page, 'debrief-1280-en-trainee');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
  test('staff create a read-only review link that opens the debrief in an anonymous browser', async () => {
    const staff = await openPage(browser);
    await openSignedIn(staff.context, staff.page);
    await staff.page.getByRole('button', { name: 'Create a read-only link for reviewers' }).click();
    const field = staff.page.locator('[data-review-link]');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/review\/[A-Za-z0-9_-]{43}$/);
    expect(staff.problems.errors).toEqual([]);
    await staff.context.close();

    // A new context: no account, no trainee credential.
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}${new URL(url).pathname}`);
    await shown(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Reefer at Horgoš');
    await expect(page.locator('[data-team-card]').count()).resolves.toBe(2);
    await expect(page.locator('[data-team-card="team-a"]').textContent()).resolves.toMatch(
      /Evidence\s*\d+\s*\/ 100/,
    );
    await expect(page.textContent('body')).resolves.toContain('read-only review link');
    await expect(page.getByRole('button', { name: 'Event log (JSONL)' }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: 'Create a read-only link for reviewers' }).count(),
    ).resolves.toBe(0);
    await expect(page.textContent('body')).resolves.not.toContain(session.joinCode);
    expect(problems.errors).toEqual([]);

    // An unknown token says so.
    await page.goto(`${server.origin}/review/${'A'.repeat(43)}`);
    await page.locator('[data-debrief-error="reviewNotFound"]').waitFor();
    await context.close();
  });
});

describe('replay scrubber in the debrief', () => {
  /** The frame the page shows: its seq once it has loaded the moment the address asks for. */
  async function shownSeq(page: Page): Promise<number> {
    const replay = page.locator('[data-replay]');
    await replay.waitFor();
    await page.waitForFunction(
      () => {
        const element = document.querySelector('[data-replay]');
        const query = new URLSearchParams(window.location.search);
        const wanted = query.get('seq');
        const wantedRole = query.get('role');
        // The address changes before React renders the new request, so the busy flag alone can
        // still be the previous frame's: the shown frame must also be the one the address asks for.
        return (
          element?.getAttribute('aria-busy') === 'false' &&
          (wanted === null || element.getAttribute('data-replay-seq') === wanted) &&
          (wantedRole === null || element.getAttribute('data-replay-role') === wantedRole)
        );
      },
      undefined,
      { timeout: 15_000 },
    );
    return Number(await replay.getAttribute('data-replay-seq'));
  }

  test('steps through the run by keyboard, as one agency, and keeps the moment in the address', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1600, height: 1000 });
    await openSignedIn(context, page);
    const nav = page.getByRole('navigation', { name: 'Debrief sections' });
    await nav.getByRole('link', { name: 'Replay' }).click();
    const section = page.locator('#replay');
    const slider = section.getByLabel('Moment in the run');
    await slider.waitFor();
    const end = await shownSeq(page);
    const api0 = await api<{ head: number; marks: { seq: number }[] }>(
      server.origin,
      'GET',
      `/api/sessions/${session.id}/replay?team=team-a`,
      undefined,
      staffToken,
    );
    expect(end).toBe(api0.head);
    const lastMark = api0.marks[api0.marks.length - 1]?.seq ?? -1;

    // Home: the start of the session; the case file and decisions of the first phase.
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /[?&]seq=\d+/.test(window.location.search));
    const first = await shownSeq(page);
    expect(first).toBeLessThan(end);
    await expect(section.locator('[data-replay-moment]').textContent()).resolves.toContain(
      'Moment 1 of',
    );
    await expect(section.locator('[data-replay-moment]').textContent()).resolves.toContain(
      'Session started',
    );
    const openAtStart = await section
      .locator('[data-replay-panel="decisions"] [data-decision]')
      .count();
    expect(openAtStart).toBeGreaterThan(0);
    const scoredAtStart = await section.locator('[data-replay-panel="scored"] [data-rule]').count();
    await saveScreenshot(page, 'replay-1600-en-start');

    // Arrow keys move one moment at a time; the address follows.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (seq) => new URLSearchParams(window.location.search).get('seq') !== String(seq),
      first,
    );
    const second = await shownSeq(page);
    expect(second).toBeGreaterThan(first);
    expect(new URL(page.url()).searchParams.get('seq')).toBe(String(second));
    await page.keyboard.press('End');
    await page.waitForFunction(
      (seq) => new URLSearchParams(window.location.search).get('seq') === String(seq),
      lastMark,
    );
    await expect(shownSeq(page)).resolves.toBe(lastMark);
    const scoredAtEnd = await section.locator('[data-replay-panel="scored"] [data-rule]').count();
    expect(scoredAtEnd).toBeGreaterThan(scoredAtStart);
    await section.locator('[data-replay-scores]').waitFor();
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'replay-1600-en-end');

    // The buttons do the same.
    await section.getByRole('button', { name: 'Previous moment' }).click();
    await page.waitForFunction(
      (seq) => new URLSearchParams(window.location.search).get('seq') !== String(seq),
      lastMark,
    );
    await expect(shownSeq(page)).resolves.toBeLessThan(lastMark);

    // Another agency: the prosecutor of team A.
    await section.getByLabel('Seen as').selectOption('prosecutor');
    await page.waitForFunction(
      () => new URLSearchParams(window.location.search).get('role') === 'prosecutor',
    );
    await shownSeq(page);
    await expect(section.getByLabel('Seen as').inputValue()).resolves.toBe('prosecutor');

    // Not hovering a button (a hovered button is checked in its hover colours).
    await page.mouse.move(0, 0);
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('a deep link opens one team, agency and moment, also through a review link', async () => {
    const frame = await api<{ marks: { seq: number; type: string }[] }>(
      server.origin,
      'GET',
      `/api/sessions/${session.id}/replay?team=team-b&role=border_police`,
      undefined,
      staffToken,
    );
    const decision = frame.marks.find((m) => m.type === 'decision.made');
    if (!decision) throw new Error('no decision moment for team B');
    const query = `?team=team-b&role=border_police&seq=${decision.seq}`;

    const { context, page, problems } = await openPage(browser);
    await openSignedIn(context, page, query);
    await expect(shownSeq(page)).resolves.toBe(decision.seq);
    const section = page.locator('#replay');
    await expect(section.getByLabel('Seen as').inputValue()).resolves.toBe('border_police');
    await expect(section.locator('[data-replay-moment]').textContent()).resolves.toContain(
      'Decision',
    );
    await expect(page.locator('#team-title').textContent()).resolves.toContain('Team B');

    // The facilitator's broadcast is a moment of its own, its text marked with its language.
    const broadcast = frame.marks.find((m) => m.type === 'broadcast.sent');
    if (!broadcast) throw new Error('no broadcast moment for team B');
    await page.goto(
      `${server.origin}/debriefs/${session.id}?team=team-b&role=border_police&seq=${broadcast.seq}`,
    );
    await shown(page);
    await expect(shownSeq(page)).resolves.toBe(broadcast.seq);
    await expect(section.locator('[data-replay-moment]').textContent()).resolves.toContain(
      `Message from the facilitator · to every team: ${BROADCAST}`,
    );
    await expect(section.locator('[data-replay-note]').getAttribute('lang')).resolves.toBe(
      'sr-Latn',
    );
    expect(problems.errors).toEqual([]);
    await context.close();

    const link = await api<{ token: string }>(
      server.origin,
      'POST',
      `/api/sessions/${session.id}/review-links`,
      { label: 'replay' },
      staffToken,
    );
    const anonymous = await openPage(browser);
    await anonymous.page.goto(`${server.origin}/review/${link.token}${query}`);
    await shown(anonymous.page);
    await expect(shownSeq(anonymous.page)).resolves.toBe(decision.seq);
    await anonymous.page.locator('#replay').scrollIntoViewIfNeeded();
    await saveScreenshot(anonymous.page, 'replay-1280-en-review-link');
    expect(anonymous.problems.errors).toEqual([]);
    await anonymous.context.close();
  });
});
