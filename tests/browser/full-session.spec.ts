import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { logEventSchema } from '@crossroads/shared';
import {
  openPage,
  runAxe,
  saveScreenshot,
  SCREENSHOT_DIR,
  blockingViolations,
  startServerAndBrowser,
  type BrowserTestServer,
  type PageProblems,
} from './helpers';
import {
  answerFromConsole,
  carefulPath,
  commandDone,
  asReadIn,
  en,
  endingOf,
  FLAGSHIP,
  loadFlagship,
  TraineeScreen,
  ui,
  type PathStep,
} from './full-session-helpers';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(300_000);

/*
 * The headline test: one whole session of the flagship "Reefer at Horgoš", played through the UI
 * only. A facilitator (1440 px) logs in, creates a one-team session from the catalogue and shows
 * the lobby; four trainees join by code in their own browser contexts (the Border Police on a
 * 360 px phone), read the briefing and play the careful team's path of the shipped example log
 * (packages/scenarios/examples/reefer-horgos.session.jsonl) decision by decision, while the
 * facilitator answers the judge, interpreters, EMS, KIRS and foreign police from the console,
 * broadcasts, releases an inject, pauses (a trainee sees the banner and a refused decision) and
 * resumes. The prosecutor's page is reloaded mid-play, the social worker plays in Serbian. The team
 * reaches the path's ending (shown to every trainee and in the console); the facilitator ends the
 * session and releases the debrief, which a trainee opens from the banner and the facilitator from
 * the console, with its charts and exports (CSV, JSONL, PDF). axe-core checks every screen (all
 * serious/critical violations are reported together at the end); screenshots go to
 * artifacts/screenshots/full-*.png.
 *
 * No step uses a protocol client. Every wait is on a visible state (a record, a status chip, a
 * banner, a command result), never on a fixed sleep.
 *
 * The clock is never advanced: with "0 scenario minutes per real minute" it moves with decisions
 * only, the careful path never needs more time, and moving it would change where the path leads.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const TEAM_NAME = 'Team A';
const BROADCAST = 'Ambulance and interpreters are being called: keep the hall warm.';
const PAUSE_NOTE = 'Back in five minutes.';

const scenario = loadFlagship();
const path_ = carefulPath('team-a');
const ending = endingOf(scenario, path_.events);

const SEATS = [
  { role: 'border_police', name: 'Ana', width: 360, height: 740 },
  { role: 'prosecutor', name: 'Marko', width: 1280, height: 800 },
  { role: 'social_work', name: 'Jelena', width: 1024, height: 768 },
  { role: 'cso_legal_aid', name: 'Sofija', width: 1280, height: 800 },
] as const;
type Role = (typeof SEATS)[number]['role'];

let server: BrowserTestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems = new Map<string, PageProblems>();

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function open(who: string, width: number, height: number): Promise<Page> {
  const opened = await openPage(browser, { width, height });
  contexts.push(opened.context);
  problems.set(who, opened.problems);
  opened.page.setDefaultTimeout(20_000);
  return opened.page;
}

/**
 * Serious and critical axe-core violations per screen. They are collected and asserted at the end,
 * so one run reports every screen's problems and still plays the whole session.
 */
const accessibility: { screen: string; violations: string[] }[] = [];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  accessibility.push({ screen, violations: blockingViolations(await runAxe(page)) });
}

/** Screenshot and accessibility check of one screen. */
async function capture(page: Page, name: string, screen: string): Promise<void> {
  await expectAccessible(page, screen);
  await saveScreenshot(page, `full-${name}`);
}

async function downloaded(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { file, bytes: readFileSync(await file.path()) };
}

function agencyName(role: string): string {
  return en(scenario.agencies.get(role)?.name);
}

function requestTitle(request: string): string {
  return en(scenario.requests.get(request)?.title);
}

describe('a whole session of the flagship, through the UI only', () => {
  test('facilitator and four trainees play the careful path to its ending and the debrief', async () => {
    const started = Date.now();
    // The path: four agencies and the facilitator act, and the careful team earns a conviction.
    expect(new Set(path_.steps.map((s) => s.role))).toEqual(
      new Set([...SEATS.map((s) => s.role), null]),
    );
    expect(ending.kind).toBe('conviction');

    // ---- the facilitator logs in and creates the session from the catalogue ---------------------
    const console_ = await open('facilitator', 1440, 960);
    await console_.goto(`${server.origin}/facilitate`);
    await console_.getByLabel('User name').fill(DEMO.username);
    await console_.getByLabel('Password').fill(DEMO.password);
    await capture(console_, '01-facilitator-login', 'facilitator login');
    await console_.getByRole('button', { name: 'Log in' }).click();
    await console_.getByRole('heading', { name: 'Sessions' }).waitFor();
    await capture(console_, '02-facilitator-sessions', 'sessions');

    await console_.getByRole('link', { name: 'Scenario catalogue' }).first().click();
    await console_.getByRole('link', { name: /Reefer at Horgoš/ }).click();
    const preview = console_.getByRole('article', { name: 'Reefer at Horgoš' });
    await preview.getByRole('heading', { name: 'Content warnings' }).waitFor();
    await capture(console_, '03-catalogue', 'catalogue preview');
    await preview.getByRole('link', { name: 'Create a session with this scenario' }).click();
    await console_.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    await expect(console_.getByLabel('Scenario', { exact: true }).inputValue()).resolves.toBe(
      FLAGSHIP,
    );
    await console_.getByLabel('Number of teams').fill('1');
    await expect(console_.getByLabel('Name of team 1').inputValue()).resolves.toBe(TEAM_NAME);
    // The clock moves with decisions only: the path stays the example's, minute for minute.
    await console_.getByLabel('Scenario minutes per real minute').fill('0');
    await capture(console_, '04-new-session', 'new session');
    await console_.getByRole('button', { name: 'Create the session' }).click();

    // ---- the lobby -----------------------------------------------------------------------------
    const codeElement = console_.locator('.fac-join [data-join-code]');
    await codeElement.waitFor();
    const code = (await codeElement.getAttribute('data-join-code')) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{6,12}$/);
    const sessionId = new URL(console_.url()).pathname.split('/').pop() ?? '';
    await console_.getByRole('img', { name: /QR code that opens the join link/ }).waitFor();

    // ---- four trainees join by code, each in their own context --------------------------------
    const trainees = {} as Record<Role, TraineeScreen>;
    for (const seat of SEATS) {
      trainees[seat.role] = new TraineeScreen(
        await open(seat.role, seat.width, seat.height),
        seat.role,
        scenario,
      );
    }
    const phone = trainees.border_police;
    await phone.page.goto(`${server.origin}/join`);
    await phone.page.getByLabel('Session code').fill(code.toLowerCase());
    await capture(phone.page, '05-join-code-360', 'join: code (phone)');
    await Promise.all(
      SEATS.map(async (seat) => {
        const page = trainees[seat.role].page;
        if (seat.role !== 'border_police') {
          await page.goto(`${server.origin}/join`);
          await page.getByLabel('Session code').fill(code);
        }
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByLabel('Your name').fill(seat.name);
        await page.getByRole('radio', { name: new RegExp(`^${TEAM_NAME}`) }).check();
        await page.getByRole('radio', { name: agencyName(seat.role) }).check();
        if (seat.role === 'border_police') {
          await capture(page, '06-join-details-360', 'join: details (phone)');
        }
        await page.getByRole('button', { name: 'Join the session' }).click();
        await page.waitForURL(`**/play/${sessionId}`);
        await page.getByRole('heading', { name: 'You are in' }).waitFor();
      }),
    );
    await capture(phone.page, '07-waiting-360', 'waiting room (phone)');
    await console_
      .locator('[data-participant]')
      .nth(SEATS.length - 1)
      .waitFor();
    for (const seat of SEATS) {
      await expect(
        console_.locator('[data-participant]', { hasText: seat.name }).count(),
      ).resolves.toBe(1);
    }
    await capture(console_, '08-lobby', 'lobby with four trainees');

    // ---- start: everyone reads the briefing -----------------------------------------------------
    await console_.getByRole('button', { name: 'Start the session' }).click();
    await commandDone(console_, 'Start the session');
    await console_.locator('[data-session-status="running"]').waitFor();
    const teamId =
      (await console_.getByRole('article', { name: TEAM_NAME }).getAttribute('data-team')) ?? '';
    const team = { id: teamId, name: TEAM_NAME };
    await Promise.all(
      SEATS.map(async (seat) => {
        const page = trainees[seat.role].page;
        await page.getByRole('heading', { name: 'Your briefing' }).waitFor();
        await expect(page.locator('.tr-briefing').textContent()).resolves.toContain(
          'Content warnings',
        );
        if (seat.role === 'border_police') {
          await expectAccessible(page, 'briefing (phone)');
          await saveScreenshot(page, 'full-09-briefing-360', { fullPage: true });
        }
        await page.getByRole('button', { name: 'I have read this: start' }).click();
        await page.locator('[data-layout]').waitFor();
      }),
    );
    await expect(phone.page.locator('[data-layout]').getAttribute('data-layout')).resolves.toBe(
      'tabs',
    );

    // The facilitator's message reaches the phone's updates.
    const broadcast = console_.getByRole('region', { name: 'Broadcast a message' });
    await broadcast.getByLabel('Message', { exact: true }).fill(BROADCAST);
    await broadcast.getByRole('button', { name: 'Send' }).click();
    await commandDone(console_, 'Message to All teams');
    await phone.show('updates');
    // In the updates (the banner and the read-out hold it too).
    await phone.page
      .getByRole('list', { name: 'Updates, newest first' })
      .getByText(BROADCAST, { exact: true })
      .waitFor();

    // The facilitator releases an inject to the team; the phone gets it in its updates.
    const manual = scenario.scenario.injects.find(
      (inject) => inject.release === 'facilitator' && inject.to.includes('border_police'),
    );
    if (!manual) throw new Error(`${FLAGSHIP} has no inject for the facilitator to release`);
    const injectTitle = en(manual.title);
    const injectRow = console_
      .getByRole('region', { name: 'Injects' })
      .locator(`[data-inject="${manual.id}"]`);
    await injectRow.getByLabel('Release to').selectOption(teamId);
    await injectRow.getByRole('button', { name: 'Release', exact: true }).click();
    await commandDone(console_, `Release “${injectTitle}” to ${TEAM_NAME}`);
    await expect(injectRow.textContent()).resolves.toContain('released to every team');
    const injectItem = phone.page.locator('.tr-feed').getByText(injectTitle, { exact: true });
    await injectItem.waitFor();
    await injectItem.scrollIntoViewIfNeeded();
    await capture(phone.page, '10-inject-360', 'updates with the inject (phone)');

    // ---- the social worker plays in Serbian -----------------------------------------------------
    const social = trainees.social_work;
    await social.page.getByLabel('Language').selectOption('sr-Latn');
    social.language = 'sr-Latn';
    await social.page.getByRole('heading', { name: 'Odluke' }).waitFor();
    await expect(social.page.locator('html').getAttribute('lang')).resolves.toBe('sr-Latn');

    // ---- the careful path, step by step ---------------------------------------------------------
    const firstOf = (role: Role, type: PathStep['type']) =>
      path_.steps.find((s) => s.role === role && s.type === type);
    const pauseBefore = firstOf('cso_legal_aid', 'decision.made');
    const prosecutorSteps = path_.steps.filter(
      (s) => s.role === 'prosecutor' && s.type === 'decision.made',
    );
    const reloadBefore = prosecutorSteps[Math.floor(prosecutorSteps.length / 2)];
    const firstConsoleAnswer = path_.steps.find((s) => s.role === null);
    const firstPhoneDecision = firstOf('border_police', 'decision.made');
    const firstSocialDecision = firstOf('social_work', 'decision.made');
    let chats = 0;
    let played = 0;

    const play = async (step: PathStep): Promise<void> => {
      if (step.type === 'request.answered') {
        const reason = `Granted: ${requestTitle(step.payload.request)}.`;
        if (step.role === null) {
          if (step === firstConsoleAnswer) {
            await console_
              .getByRole('region', { name: /^Requests waiting for you/ })
              .locator(`[data-request="${step.payload.request}"]`)
              .waitFor();
            await capture(console_, '12-console-requests', 'console with requests waiting');
          }
          await answerFromConsole(
            console_,
            team,
            step.payload.request,
            step.payload.granted,
            reason,
          );
        } else {
          await trainees[step.role as Role].answer(
            step.payload.request,
            step.payload.granted,
            reason,
          );
        }
        return;
      }
      const trainee = trainees[step.role as Role];
      switch (step.type) {
        case 'decision.made': {
          const first = step === firstPhoneDecision;
          await trainee.decide(
            step.payload.decision,
            step.payload.option,
            first ? { rationale: 'Life first: open, warm and triage.', confidence: 5 } : {},
          );
          if (first) {
            await expectAccessible(trainee.page, 'decisions tab (phone)');
            await trainee.page.locator('.tr-record').scrollIntoViewIfNeeded();
            await saveScreenshot(trainee.page, 'full-11-decided-360');
          }
          return;
        }
        case 'joint.signed':
          await trainee.sign(step.payload.decision, step.payload.option);
          return;
        case 'request.sent':
          await trainee.sendRequest(step.payload.request);
          return;
        case 'chat.message':
          chats += 1;
          await trainee.chat(`Update from my desk (${chats}).`);
          return;
      }
    };

    for (const step of path_.steps) {
      // -- a wellbeing pause, right when the CSO lawyer is about to decide ------------------------
      if (step === pauseBefore && step.type === 'decision.made') {
        const cso = trainees.cso_legal_aid;
        await console_.getByRole('button', { name: 'Pause…' }).click();
        await console_.getByLabel('Wellbeing pause').check();
        await console_.getByLabel('Message to the teams (optional)').fill(PAUSE_NOTE);
        await console_.getByRole('button', { name: 'Pause now' }).click();
        await console_.locator('[data-session-status="paused"]').waitFor();
        for (const trainee of Object.values(trainees)) {
          await trainee.page.locator('[data-banner="paused"]', { hasText: PAUSE_NOTE }).waitFor();
        }
        const card = await cso.choose(step.payload.decision, step.payload.option, {
          rationale: 'The people held need advice on asylum and their rights as witnesses.',
        });
        await card.getByRole('button', { name: 'Record the decision' }).click();
        const refused = card.locator('[data-ack="rejected"][data-code="session/paused"]');
        await refused.waitFor();
        await expect(refused.textContent()).resolves.toContain('Not done:');
        // Two pages in the same state, neither touched until Resume: checked side by side.
        await Promise.all([
          capture(cso.page, '14-paused-trainee', 'trainee while paused'),
          capture(console_, '15-paused-console', 'console while paused'),
        ]);
        await console_.getByRole('button', { name: 'Resume' }).click();
        await console_.locator('[data-session-status="running"]').waitFor();
        for (const trainee of Object.values(trainees)) {
          await trainee.page.locator('[data-banner="paused"]').waitFor({ state: 'detached' });
        }
      }
      // -- the prosecutor's page is reloaded mid-play ---------------------------------------------
      if (step === reloadBefore) {
        const prosecutor = trainees.prosecutor;
        const before = await prosecutor.page.locator('.tr-record [data-record]').count();
        expect(before).toBeGreaterThan(0);
        await prosecutor.page.reload();
        await prosecutor.page.locator('[data-layout="columns"]').waitFor();
        await prosecutor.page
          .locator('.tr-record [data-record]')
          .nth(before - 1)
          .waitFor();
        await capture(prosecutor.page, '16-reloaded', 'prosecutor after a reload');
      }
      try {
        await play(step);
        played += 1;
      } catch (error) {
        for (const [role, trainee] of Object.entries(trainees)) {
          await saveScreenshot(trainee.page, `full-failed-${role}`, { fullPage: true });
        }
        await saveScreenshot(console_, 'full-failed-console', { fullPage: true });
        throw new Error(
          `path step seq ${step.seq} (${step.role ?? 'facilitator'} ${step.type} ` +
            `${JSON.stringify(step.payload)}) failed: ${(error as Error).message}`,
        );
      }
      if (step === firstSocialDecision) {
        await capture(social.page, '13-serbian', 'social worker in Serbian');
      }
    }
    expect(played).toBe(path_.steps.length);

    // ---- the ending, for every trainee and in the console ---------------------------------------
    const title = en(ending.title);
    for (const trainee of Object.values(trainees)) {
      const banner = trainee.endedBanner();
      await banner.waitFor();
      // Each trainee reads the ending's title in their own language.
      await expect(banner.textContent()).resolves.toContain(
        trainee.t('play.banner.scenarioEnded', {
          title: asReadIn(ending.title, trainee.language),
        }),
      );
    }
    // The phone is checked while the console is awaited: nothing changes on it until the end.
    const phoneEnding = capture(phone.page, '17-ending-360', 'ending (phone)');
    const card = console_.getByRole('article', { name: TEAM_NAME });
    await card
      .getByText(
        ui('en', 'console.team.ended', {
          title,
          kind: ui('en', `facilitate.endingKind.${ending.kind}`),
        }),
      )
      .waitFor();
    await Promise.all([
      phoneEnding,
      capture(console_, '18-ending-console', 'console at the ending'),
    ]);

    // ---- end, release the debrief ---------------------------------------------------------------
    await console_.getByRole('button', { name: 'End the session' }).click();
    await console_.getByRole('button', { name: 'Yes, end it now' }).click();
    await console_.locator('[data-session-status="ended"]').waitFor();
    await console_.getByRole('button', { name: 'Release the debrief to trainees' }).click();
    await console_.getByRole('button', { name: 'Release the debrief', exact: true }).click();
    await console_.getByText('The debrief is released: trainees can open it.').waitFor();
    await capture(console_, '19-console-released', 'console after the debrief release');

    // ---- a trainee opens the team's debrief from the banner -------------------------------------
    await phone.endedBanner().getByRole('link', { name: "Open your team's debrief" }).click();
    await phone.page.locator('[data-debrief]').waitFor();
    await expect(phone.page.locator('[data-team-card]').count()).resolves.toBe(1);
    await expect(phone.page.locator(`[data-team-card="${teamId}"]`).count()).resolves.toBe(1);
    // The phone's debrief stays as it is from here on: it is checked while the console goes on.
    const phoneDebrief = capture(phone.page, '20-debrief-trainee-360', 'trainee debrief (phone)');
    const serbianLink = social
      .endedBanner()
      .getByRole('link', { name: 'Otvori analizu svog tima' });
    await expect(serbianLink.getAttribute('href')).resolves.toBe(`/debriefs/${sessionId}`);

    // ---- the facilitator's debrief: scores, charts, exports -------------------------------------
    await console_.getByRole('link', { name: 'Open the debrief' }).first().click();
    await console_.locator('[data-debrief], [data-debrief-error]').first().waitFor();
    await expect(console_.locator('[data-debrief-error]').count()).resolves.toBe(0);
    await expect(console_.locator('h1').textContent()).resolves.toBe('Reefer at Horgoš');
    await expect(
      console_.locator('#team [data-outcome]').getAttribute('data-outcome'),
    ).resolves.toBe(ending.kind);
    await Promise.all([phoneDebrief, capture(console_, '21-debrief-staff', 'staff debrief')]);
    const charts = console_.locator('#charts');
    await charts.scrollIntoViewIfNeeded();
    await charts.locator('[data-chart="running"] svg.recharts-surface').first().waitFor();
    await charts.locator('[data-chart="scatter"] svg.recharts-surface').first().waitFor();
    // The top of the charts just under the sticky team picker.
    await console_.evaluate(() => {
      const top = document.getElementById('charts')?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, top - 70);
    });
    await saveScreenshot(console_, 'full-22-debrief-charts');

    const csv = await downloaded(console_, 'Scored items (CSV)');
    const rows = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toMatch(/^team,team_name,seq,scenario_minute,axis,points,counted/);
    expect(rows.length).toBeGreaterThan(10);

    const jsonl = await downloaded(console_, 'Event log (JSONL)');
    const log = jsonl.bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => logEventSchema.parse(JSON.parse(line)));
    // The UI played exactly the example's path: the same decisions and signatures, in order.
    const choices = (events: { type: string; role: string | null; payload: unknown }[]) =>
      events
        .filter((e) => e.type === 'decision.made' || e.type === 'joint.signed')
        .map((e) => {
          const p = e.payload as { decision: string; option: string };
          return `${e.role} ${e.type} ${p.decision}=${p.option}`;
        });
    expect(choices(log)).toEqual(choices(path_.steps));
    const answered = (events: { type: string; payload: unknown }[]) =>
      events
        .filter((e) => e.type === 'request.answered')
        .map((e) => (e.payload as { request: string }).request);
    expect(answered(log)).toEqual(answered(path_.steps));
    expect(log.filter((e) => e.type === 'session.paused')).toHaveLength(1);

    const pdf = await downloaded(console_, 'Download PDF report');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await pdf.file.saveAs(path.join(SCREENSHOT_DIR, '..', 'full-session-report-en.pdf'));
    await expect(console_.locator('.exports__message').textContent()).resolves.toContain(
      'Downloaded',
    );

    // ---- the app ran cleanly everywhere, and every screen passed axe-core -----------------------
    expect(accessibility.length).toBeGreaterThanOrEqual(20);
    const pageErrors = [...problems].filter(([, seen]) => seen.errors.length > 0);
    expect({
      pageErrors: Object.fromEntries(pageErrors.map(([who, seen]) => [who, seen.errors])),
      accessibility: accessibility.filter((a) => a.violations.length > 0),
    }).toEqual({ pageErrors: {}, accessibility: [] });
    console.log(
      `[full-session] ${path_.steps.length} path steps through the UI, ending "${title}", ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    );
  });
});
