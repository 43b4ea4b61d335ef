import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { JoinResponse } from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  openPage,
  REPO_ROOT,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
  type BrowserTestServer,
} from './helpers';
import { accepted } from '../acks';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(240_000);

/*
 * The facilitator side for real, in Chromium against the real server: log in (a wrong password
 * first), open the catalogue and its graph, create a session, show the lobby with code and QR code,
 * watch a trainee (a protocol client) join, start, release an inject, answer the trainee's request
 * to a facilitator-played agency, pause for wellbeing, resume, end, release the debrief; then the
 * console on a 1920 px projector and a 360 px phone. axe-core checks each screen; screenshots go to
 * artifacts/screenshots/facilitator-*.png.
 *
 * The shipped catalogue has no inject with `release: facilitator`, so the server runs with a
 * catalogue folder holding the shipped scenarios plus the scenarios package's small fixture
 * "Van at Kelebija", which has one (and an interpreter service played by the facilitator).
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const REASON = 'Certified Dari interpreter on video in 20 minutes.';

let server: BrowserTestServer;
let browser: Browser;
let catalogueDir: string;
const previousCatalogue = process.env.CROSSROADS_CATALOGUE_DIR;
const clients: SessionClient[] = [];

beforeAll(async () => {
  catalogueDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-facilitator-catalogue-'));
  const shipped = path.join(REPO_ROOT, 'packages', 'scenarios', 'catalogue');
  for (const file of readdirSync(shipped))
    copyFileSync(path.join(shipped, file), path.join(catalogueDir, file));
  copyFileSync(
    path.join(REPO_ROOT, 'packages', 'scenarios', 'test', 'fixtures', 'mini.yaml'),
    path.join(catalogueDir, 'mini.yaml'),
  );
  process.env.CROSSROADS_CATALOGUE_DIR = catalogueDir;
  ({ server, browser } = await startServerAndBrowser());
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
  if (previousCatalogue === undefined) delete process.env.CROSSROADS_CATALOGUE_DIR;
  else process.env.CROSSROADS_CATALOGUE_DIR = previousCatalogue;
  rmSync(catalogueDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await runAxe(page);
  expect({ screen, violations: blockingViolations(results) }).toEqual({ screen, violations: [] });
}

/** The console's command log line for the latest command, once it is no longer in flight. */
async function lastCommand(page: Page): Promise<string> {
  const log = page.getByRole('status', { name: 'Command results' });
  // The newest result is listed first: wait until that one is answered. Waiting for any answered
  // entry would find the previous command's and read the newest while it is still "sending…".
  const newest = log.locator('.fac-command').first();
  await newest
    .and(log.locator('[data-command-phase="accepted"], [data-command-phase="rejected"]'))
    .waitFor();
  return (await newest.textContent()) ?? '';
}

/** The centre of an element on the page. */
async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The text of the button or link at a point of the page, or '' when there is none. */
function controlAt(page: Page, point: { x: number; y: number }): Promise<string> {
  return page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('button, a')?.textContent ?? '',
    point,
  );
}

describe('facilitator console in a real browser against the real server', () => {
  test('log in, preview, create, lobby, start, inject, answer, pause, resume, end', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1440, height: 960 });

    // ---- log in ------------------------------------------------------------------------------
    await page.goto(`${server.origin}/facilitate`);
    await page.getByRole('heading', { level: 1, name: 'Run a session' }).waitFor();
    await page.getByLabel('User name').fill(DEMO.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'That user name and password do not match an account',
    );
    await expectAccessible(page, 'login');
    await saveScreenshot(page, 'facilitator-01-login-error');
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await expect(
      page.evaluate(() => JSON.parse(sessionStorage.getItem('crossroads.staff') ?? '{}').token),
    ).resolves.toMatch(/.{16,}/);
    await expectAccessible(page, 'sessions');
    await saveScreenshot(page, 'facilitator-02-sessions');

    // ---- catalogue and graph -----------------------------------------------------------------
    await page.getByRole('link', { name: 'Scenario catalogue' }).click();
    await page.getByRole('link', { name: /Van at Kelebija/ }).click();
    const preview = page.getByRole('article', { name: 'Van at Kelebija' });
    await preview.getByRole('heading', { name: 'Content warnings' }).waitFor();
    const nodes = preview.locator('.graph__node');
    expect(await nodes.count()).toBeGreaterThanOrEqual(3);
    await expect(preview.locator('.graph__node--ending').count()).resolves.toBeGreaterThan(0);
    await nodes.first().focus();
    await expect(preview.locator('figcaption').textContent()).resolves.toMatch(/^Phase 1 of \d+: /);
    await expectAccessible(page, 'catalogue');
    await saveScreenshot(page, 'facilitator-03-catalogue', { fullPage: true });

    // ---- create the session --------------------------------------------------------------------
    await preview.getByRole('link', { name: 'Create a session with this scenario' }).click();
    await page.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    await page.getByLabel('Number of teams').fill('2');
    await page.getByLabel('Name of team 2').fill('Subotica');
    await expectAccessible(page, 'new session');
    await saveScreenshot(page, 'facilitator-04-new-session', { fullPage: true });
    await page.getByRole('button', { name: 'Create the session' }).click();

    // ---- lobby ---------------------------------------------------------------------------------
    const codeElement = page.locator('.fac-join [data-join-code]');
    await codeElement.waitFor();
    const code = (await codeElement.getAttribute('data-join-code')) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{6,12}$/);
    const sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('img', { name: /QR code that opens the join link/ }).waitFor();
    await expect(page.locator('.fac-join__url').textContent()).resolves.toBe(
      `${server.origin}/join/${code}`,
    );
    // The code is large enough for the back of the room (at least 40 px here).
    const codeHeight = await codeElement.evaluate((el) =>
      parseFloat(getComputedStyle(el).fontSize),
    );
    expect(codeHeight).toBeGreaterThanOrEqual(40);

    // A trainee joins (protocol client: the trainee UI has its own browser test).
    const joined = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code,
      displayName: 'Ana <b>Petrović</b>',
      team: 'team-a',
      role: 'border_police',
    });
    const trainee = new SessionClient(server.origin, {
      kind: 'participant',
      token: joined.participantToken,
    });
    clients.push(trainee);
    await trainee.connected();
    const person = page.locator(`[data-participant="${joined.participant.id}"]`);
    await person.waitFor();
    // Free text stays text.
    await expect(person.locator('.fac-person__name').textContent()).resolves.toBe(
      'Ana <b>Petrović</b>',
    );
    await expectAccessible(page, 'lobby');
    await saveScreenshot(page, 'facilitator-05-lobby');
    // The projector view: code, QR and who has joined by team, live; Escape closes it.
    await page.getByRole('link', { name: 'Show full screen for the projector' }).click();
    const projector = page.getByRole('dialog', { name: 'Van at Kelebija' });
    await projector.waitFor();
    const joinedCount = projector.locator('[data-joined]');
    await expect(joinedCount.textContent()).resolves.toBe('1 person has joined');
    await expect(projector.locator('[data-team="team-a"]').textContent()).resolves.toContain(
      'Ana <b>Petrović</b>',
    );
    // Names in large type: readable from the back of a room on a laptop projector.
    const nameSize = await projector
      .locator('.fac-wall__name')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(nameSize).toBeGreaterThanOrEqual(20);
    // A second trainee joins: the wall counts and names her without a reload.
    const second = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code,
      displayName: 'Vesna',
      team: 'team-b',
      role: 'border_police',
    });
    const vesna = new SessionClient(server.origin, {
      kind: 'participant',
      token: second.participantToken,
    });
    clients.push(vesna);
    await vesna.connected();
    await projector.locator('[data-joined="2"]').waitFor();
    await expect(projector.locator('[data-team="team-b"]').textContent()).resolves.toContain(
      'Vesna',
    );
    await expectAccessible(page, 'projector lobby');
    await saveScreenshot(page, 'facilitator-05b-join-projector');
    // She leaves again (her page closes for good): off the wall.
    vesna.close();
    await page.keyboard.press('Escape');
    await projector.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
    // Ending sits at the foot of the lobby, not beside Start.
    const controls = page.getByRole('group', { name: 'Session controls' });
    await expect(controls.getByRole('button', { name: 'End the session' }).count()).resolves.toBe(
      0,
    );
    const lobbyEnd = await page
      .getByRole('region', { name: 'Not playing this session?' })
      .getByRole('button', { name: 'End the session' })
      .boundingBox();
    const startBox = await page.getByRole('button', { name: 'Start the session' }).boundingBox();
    expect((lobbyEnd?.y ?? 0) - (startBox?.y ?? 0)).toBeGreaterThan(300);

    // The long "has nobody for" warnings never squeeze the title, and the code stays above the fold.
    const title = await page.locator('.fac-console__title').boundingBox();
    expect(title?.width).toBeGreaterThan(400);
    expect(title?.height).toBeLessThan(120);
    const codeBox = await codeElement.boundingBox();
    expect((codeBox?.y ?? 9999) + (codeBox?.height ?? 0)).toBeLessThan(960);

    // ---- start ---------------------------------------------------------------------------------
    // Subotica has nobody yet: Start asks first, and nothing is sent until the facilitator agrees.
    const startButton = page.getByRole('button', { name: 'Start the session' });
    const startedAt = await centre(startButton);
    await startButton.click();
    const confirmStart = page.getByRole('group', { name: 'Confirm the start' });
    await expect(confirmStart.textContent()).resolves.toContain('Subotica has nobody for');
    await expect(page.locator('[data-session-status="lobby"]').count()).resolves.toBe(1);
    await confirmStart.getByRole('button', { name: 'Start anyway' }).click();
    await expect(lastCommand(page)).resolves.toBe('Start the session: done');
    await page.locator('[data-session-status="running"]').waitFor();
    // A second press where Start was hits neither End nor Pause.
    await expect(controlAt(page, startedAt)).resolves.not.toMatch(/End the session|Pause/);
    await page.getByRole('article', { name: 'Team A' }).waitFor();
    await trainee.until(() => trainee.view !== null, 5000, 'the trainee view');
    // The projector during play: teams, clocks and phases, nothing restricted.
    await page.getByRole('link', { name: 'Projector view' }).click();
    const wall = page.getByRole('dialog', { name: 'Van at Kelebija' });
    await wall.getByRole('article', { name: 'Team A' }).waitFor();
    await expect(wall.getByRole('article', { name: 'Subotica' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'projector during play');
    await saveScreenshot(page, 'facilitator-06a-projector-play');
    await wall.getByRole('button', { name: 'Close the full-screen view' }).click();
    await wall.waitFor({ state: 'detached' });

    // The trainee asks the interpreter service, which the facilitator plays.
    accepted(await trainee.send('request.send', { request: 'video_interpreter' }), 'request.send');
    const requests = page.getByRole('region', { name: /Requests waiting for you/ });
    await requests.waitFor();
    await expectAccessible(page, 'console');
    await saveScreenshot(page, 'facilitator-06-console');

    // ---- release an inject to one team ---------------------------------------------------------
    const journalist = page.locator('[data-inject="journalist"]');
    await journalist.getByLabel('Release to').selectOption('team-a');
    await journalist.getByRole('button', { name: 'Release' }).click();
    await expect(lastCommand(page)).resolves.toBe('Release “A journalist calls” to Team A: done');
    await trainee.until(
      () =>
        trainee.events.some(
          (e) => e.type === 'inject.released' && e.payload.inject === 'journalist',
        ),
      5000,
      'the inject at the trainee',
    );
    await expect(journalist.textContent()).resolves.toContain('released to Team A');

    // ---- answer the request ----------------------------------------------------------------------
    const request = requests.locator('[data-request="video_interpreter"]');
    await request.locator('[data-team="team-a"]').waitFor();
    await request.getByLabel(/Answer of Interpreter service/).fill(REASON);
    await request.getByRole('button', { name: 'Grant' }).click();
    await expect(lastCommand(page)).resolves.toBe(
      'Grant “Remote certified interpreter” for Team A: done',
    );
    await trainee.until(
      () =>
        trainee.events.some(
          (e) => e.type === 'request.answered' && e.payload.granted && e.payload.reason === REASON,
        ),
      5000,
      'the answer at the trainee',
    );
    await page
      .getByRole('region', { name: /Requests waiting for you/ })
      .waitFor({ state: 'detached' });

    // ---- broadcast and clock -----------------------------------------------------------------------
    const broadcast = page.getByRole('region', { name: 'Broadcast a message' });
    await broadcast.getByLabel('Message', { exact: true }).fill('Ten minutes left in this phase.');
    await broadcast.getByRole('button', { name: 'Send' }).click();
    await expect(lastCommand(page)).resolves.toBe('Message to All teams: done');
    await trainee.until(
      () =>
        trainee.events.some(
          (e) =>
            e.type === 'broadcast.sent' && e.payload.message === 'Ten minutes left in this phase.',
        ),
      5000,
      'the broadcast at the trainee',
    );
    const clockBefore = Number(
      await page.locator('[data-team="team-a"] [data-clock]').getAttribute('data-clock'),
    );
    const clock = page.getByRole('region', { name: 'Scenario clock' });
    await clock.getByLabel('Minutes').fill('30');
    await clock.getByLabel('For').selectOption('team-a');
    await clock.getByRole('button', { name: 'Advance the clock' }).click();
    await expect(lastCommand(page)).resolves.toBe('Advance the clock 30 min for Team A: done');
    await page.waitForFunction(
      (before) =>
        Number(
          document.querySelector('[data-team="team-a"] [data-clock]')?.getAttribute('data-clock'),
        ) >=
        before + 30,
      clockBefore,
    );

    // ---- pause for wellbeing, resume ---------------------------------------------------------------
    await page.getByRole('button', { name: 'Pause…' }).click();
    await page.getByLabel('Wellbeing pause').check();
    await page.getByLabel('Message to the teams (optional)').fill('Back in ten minutes.');
    await expectAccessible(page, 'pause form');
    await page.getByRole('button', { name: 'Pause now' }).click();
    await page.locator('[data-session-status="paused"]').waitFor();
    await expect(page.locator('.fac-paused').textContent()).resolves.toBe(
      'Paused: Wellbeing pause: Back in ten minutes.',
    );
    await trainee.until(() => trainee.status === 'paused', 5000, 'the pause at the trainee');
    const pause = trainee.events.find((e) => e.type === 'session.paused');
    // The kind travels as a code each reader translates, the note apart (not one text in English).
    expect(pause?.type === 'session.paused' && pause.payload).toEqual({
      kind: 'wellbeing',
      note: 'Back in ten minutes.',
      lang: 'en',
    });
    await saveScreenshot(page, 'facilitator-07-paused');
    const resumeAt = await centre(page.getByRole('button', { name: 'Resume' }));
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('[data-session-status="running"]').waitFor();
    await expect(controlAt(page, resumeAt)).resolves.not.toMatch(/End the session|Pause/);

    // ---- the team detail ---------------------------------------------------------------------------
    await page
      .getByRole('article', { name: 'Team A' })
      .getByRole('link', { name: 'Team A' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Team A' }).waitFor();
    await expect(page.locator('.fac-detail').textContent()).resolves.toContain(
      'Ana <b>Petrović</b>',
    );
    // What the border police of this team sees right now, fetched from the server.
    const agencyView = page.getByRole('region', { name: 'What an agency of this team sees' });
    await agencyView.getByLabel('Agency').selectOption('border_police');
    await agencyView.getByRole('button', { name: 'Show' }).click();
    await agencyView.getByRole('heading', { name: 'New information received' }).waitFor();
    await expect(agencyView.textContent()).resolves.toContain('A journalist calls');
    await expectAccessible(page, 'team detail');
    await saveScreenshot(page, 'facilitator-08-team-detail');
    await page.getByRole('link', { name: 'All teams' }).click();

    // ---- the projector and the phone -----------------------------------------------------------
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('article', { name: 'Subotica' }).waitFor();
    await saveScreenshot(page, 'facilitator-09-projector-1920');
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'console on a phone');
    await saveScreenshot(page, 'facilitator-10-phone-360');
    await page.setViewportSize({ width: 1440, height: 960 });

    // ---- end and release the debrief -----------------------------------------------------------
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('button', { name: 'Yes, end it now' }).click();
    await page.locator('[data-session-status="ended"]').waitFor();
    await trainee.until(() => trainee.status === 'ended', 5000, 'the end at the trainee');
    await page.getByRole('button', { name: 'Release the debrief to trainees' }).click();
    await page.getByRole('button', { name: 'Release the debrief', exact: true }).click();
    await page.getByText('The debrief is released: trainees can open it.').waitFor();
    await expect(
      page.getByRole('link', { name: 'Open the debrief' }).getAttribute('href'),
    ).resolves.toBe(`/debriefs/${sessionId}`);
    // The timeline has the whole story, newest first.
    const timeline = await page
      .locator('.fac-event')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-type')));
    expect(timeline.slice(0, 9)).toEqual([
      'debrief.released',
      'session.ended',
      'session.resumed',
      'session.paused',
      'broadcast.sent',
      'request.answered',
      'inject.released',
      'request.sent',
      'session.started',
    ]);
    await expectAccessible(page, 'ended');
    await saveScreenshot(page, 'facilitator-11-ended');

    // Only the expected failed request: the wrong password's 401.
    expect(problems.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  });
});
