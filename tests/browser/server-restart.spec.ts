import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  serverFiles,
  startServerProcess,
  type ServerFiles,
  type ServerProcess,
} from '../integration/support/server-process';
import {
  CLIENT_DIST,
  ensureClientBuilt,
  freePort,
  launchBrowser,
  openPage,
  REPO_ROOT,
  saveScreenshot,
  type PageProblems,
} from './helpers';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(240_000);

/*
 * The server process dies (SIGKILL: no shutdown hook, no goodbye to the sockets) while a
 * facilitator's console and a trainee's phone are open, and comes back on the same port and the
 * same data folder, as after a crash and a restart by the process manager. Each screen must say it
 * lost the connection, in the words of its language file, keep what it showed, offer no command it
 * could not send, and find its way back without a reload.
 *
 * The server runs in a child process (an in-process server cannot be killed without its hooks),
 * from the TypeScript sources as the other browser tests' in-process server does.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
/** Startup compiles the sources: on a loaded two-core machine that takes many seconds. */
const START_TIMEOUT_MS = 90_000;
/** socket.io's backoff tops out at 5 s (±50 %): the next try after the restart comes within it. */
const RECOVERY_TIMEOUT_MS = 45_000;
const CHAT = 'Sent while the server was down';

const en = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'apps', 'client', 'src', 'i18n', 'en.json'), 'utf8'),
) as {
  console: { connection: Record<string, string>; offlineNotice: string };
  play: { banner: Record<string, string>; pending: Record<string, string> };
};

/**
 * What a browser logs when the server is gone: failed requests and WebSocket handshakes. Anything
 * else on the console (an exception, a React error) is a defect.
 */
const EXPECTED_WHILE_DOWN = [
  /^console\.error: Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE)/,
  /^console\.error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/socket\.io\/.*' failed/,
];

function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !EXPECTED_WHILE_DOWN.some((pattern) => pattern.test(e)));
}

let files: ServerFiles;
let server: ServerProcess | undefined;
let browser: Browser;

function startServer(port: number): Promise<ServerProcess> {
  const origin = `http://127.0.0.1:${port}`;
  return startServerProcess(files, {
    env: {
      PORT: String(port),
      PUBLIC_ORIGIN: origin,
      NODE_ENV: 'production',
      CLIENT_DIST,
      CROSSROADS_DEMO_PASSWORD: DEMO.password,
      // The shipped catalogue (the flagship), and no administrator: the demo facilitator runs it.
      CROSSROADS_CATALOGUE_DIR: undefined,
      CROSSROADS_ADMIN_USERNAME: undefined,
      CROSSROADS_ADMIN_PASSWORD: undefined,
    },
    startTimeoutMs: START_TIMEOUT_MS,
  });
}

beforeAll(async () => {
  ensureClientBuilt();
  files = serverFiles('browser-restart');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill();
  files?.remove();
});

/** Marks the page so a reload (which would drop the mark) shows up. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
}

function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
}

describe('the server process is killed and restarted while a session is open', () => {
  test('console and phone say so, offer nothing they cannot send, and come back by themselves', async () => {
    const port = await freePort();
    server = await startServer(port);
    const origin = server.url;
    expect(origin).toBe(`http://127.0.0.1:${port}`);

    // ---- the facilitator creates a session -----------------------------------------------------
    const staff = await openPage(browser, { width: 1280, height: 900 });
    const console_ = staff.page;
    await console_.goto(`${origin}/facilitate`);
    await console_.getByLabel('User name').fill(DEMO.username);
    await console_.getByLabel('Password').fill(DEMO.password);
    await console_.getByRole('button', { name: 'Log in' }).click();
    await console_.getByRole('heading', { name: 'Sessions' }).waitFor();
    await console_.goto(`${origin}/facilitate/sessions/new?scenario=reefer-horgos`);
    await console_.getByRole('button', { name: 'Create the session' }).click();
    const codeElement = console_.locator('.fac-join [data-join-code]');
    await codeElement.waitFor();
    const code = (await codeElement.getAttribute('data-join-code')) ?? '';

    // ---- a trainee joins on a phone ----------------------------------------------------------
    const phone = await openPage(browser, { width: 390, height: 844 });
    const play = phone.page;
    await play.goto(`${origin}/join/${code}`);
    await play.getByLabel('Your name').fill('Ana');
    await play.getByRole('radio', { name: /Team A/ }).check();
    await play.getByRole('radio', { name: /Border Police/ }).check();
    await play.getByRole('button', { name: 'Join the session' }).click();
    await play.getByRole('heading', { name: 'You are in' }).waitFor();

    // ---- start -------------------------------------------------------------------------------
    await console_.locator('.fac-person__name', { hasText: 'Ana' }).waitFor();
    await console_.getByRole('button', { name: 'Start the session' }).click();
    // Team B and the other agencies have nobody: the console asks before starting.
    await console_
      .getByRole('group', { name: 'Confirm the start' })
      .getByRole('button', { name: 'Start anyway' })
      .click();
    await console_.locator('[data-session-status="running"]').waitFor();
    const teamCard = console_.getByRole('article', { name: 'Team A' });
    await teamCard.waitFor();
    await play.getByRole('button', { name: 'I have read this: start' }).click();
    await play.getByRole('tab', { name: /Decisions/ }).click();
    const decisionCard = play.locator('article.tr-decision[data-enabled="true"]').first();
    await decisionCard.waitFor();
    const decision = (await decisionCard.getAttribute('data-decision')) ?? '';
    expect(decision).not.toBe('');
    await console_.locator('[data-console-connection="connected"]').waitFor();
    const pause = console_.getByRole('button', { name: 'Pause…' });
    await expect(pause.isEnabled()).resolves.toBe(true);
    expect(unexpected(staff.problems)).toEqual([]);
    expect(unexpected(phone.problems)).toEqual([]);
    await markPage(console_);
    await markPage(play);

    // ---- the server dies ---------------------------------------------------------------------
    await server.kill();

    // The phone: a warning in its own words, kept in view, and the page still there.
    const banner = play.locator('[data-banner="reconnecting"]');
    await banner.waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toContain(en.play.banner.reconnecting);
    expect(bannerText).toContain(en.play.banner.keepTyping);
    // In view on the phone, not somewhere up the page.
    const box = await banner.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    // It keeps trying, and says so, without giving up on its own.
    await play
      .locator('[data-banner="reconnecting"]', { hasText: /\(attempt [1-9]\d*\)/ })
      .waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    await expect(
      play.locator('.status-bar [data-connection]').textContent(),
    ).resolves.not.toContain('Connected');
    await expect(decisionCard.isVisible()).resolves.toBe(true);
    // What she sends meanwhile is kept, marked as waiting for the connection.
    await play.getByRole('tab', { name: /Chat/ }).click();
    await play.getByLabel('Message to your team').fill(CHAT);
    await play.getByRole('button', { name: 'Send', exact: true }).click();
    await play
      .locator('[data-pending="chat"]', { hasText: en.play.pending.queued })
      .filter({ hasText: CHAT })
      .waitFor();

    // The console: not live, says why its buttons are off, and they are off.
    await console_
      .locator('[data-console-connection="reconnecting"]', {
        hasText: en.console.connection.reconnecting,
      })
      .waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    await console_.getByRole('status').filter({ hasText: en.console.offlineNotice }).waitFor();
    await expect(pause.isDisabled()).resolves.toBe(true);
    const controls = console_.getByRole('group', { name: 'Session controls' });
    await expect(controls.getByRole('button').count()).resolves.toBeGreaterThan(0);
    await expect(controls.locator('button:enabled').count()).resolves.toBe(0);
    // What it knew is still on screen.
    await expect(teamCard.isVisible()).resolves.toBe(true);
    // …and who is online is labelled as last known, not shown as current.
    await teamCard.locator('.fac-team__presence[data-stale]').waitFor();
    await saveScreenshot(play, 'restart-phone-down');
    await saveScreenshot(console_, 'restart-console-down');

    // ---- the server comes back on the same port and data -------------------------------------
    server = await startServer(port);
    expect(server.url).toBe(origin);

    await console_
      .locator('[data-console-connection="connected"]')
      .waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    await console_
      .getByRole('status')
      .filter({ hasText: en.console.offlineNotice })
      .waitFor({ state: 'detached' });
    await expect(pause.isEnabled()).resolves.toBe(true);
    await expect(teamCard.locator('.fac-team__presence[data-stale]').count()).resolves.toBe(0);
    await banner.waitFor({ state: 'detached', timeout: RECOVERY_TIMEOUT_MS });
    await play
      .locator('.status-bar [data-connection="connected"]')
      .waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    // The message sent while the server was down arrives, once.
    const sent = play.locator('.tr-chat__list li[data-seq]', { hasText: CHAT });
    await sent.waitFor({ timeout: RECOVERY_TIMEOUT_MS });
    await play.locator('[data-pending="chat"]').waitFor({ state: 'detached' });
    await expect(sent.count()).resolves.toBe(1);
    await saveScreenshot(play, 'restart-phone-back');
    await saveScreenshot(console_, 'restart-console-back');

    // Same state: the trainee records the decision that was open, and the team card shows it.
    await play.getByRole('tab', { name: /Decisions/ }).click();
    const option = decisionCard.locator('.tr-option input:not([disabled])').first();
    await option.check();
    const optionLabel = await option.evaluate(
      (input) => input.closest('.tr-option')?.textContent ?? '',
    );
    await decisionCard.getByLabel('Rationale: why this option?').fill('Recorded after the restart');
    await decisionCard.getByRole('button', { name: 'Record the decision' }).click();
    await play.locator(`.tr-record [data-record="${decision}"]`).waitFor();
    const lastDecision = teamCard.locator('ol.fac-team__decisions li');
    await lastDecision.waitFor();
    const shownOption = (await lastDecision.locator('strong').textContent()) ?? '';
    expect(shownOption).not.toBe('');
    expect(optionLabel).toContain(shownOption);

    // Neither page was reloaded, and neither logged anything but the failed connections.
    await expect(stillSamePage(console_)).resolves.toBe(true);
    await expect(stillSamePage(play)).resolves.toBe(true);
    expect(unexpected(staff.problems)).toEqual([]);
    expect(unexpected(phone.problems)).toEqual([]);
    await staff.context.close();
    await phone.context.close();
  });
});
