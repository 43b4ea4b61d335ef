import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type LogEvent, type SessionMeta } from '@crossroads/shared';
import { api, exportedLog, login, SessionClient } from '../../apps/server/bench/session-client';
import {
  openPage,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServer,
  startServerAndBrowser,
  type BrowserTestServer,
  type PageProblems,
} from './helpers';
import { accepted } from '../acks';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(240_000);

/*
 * The trainee side for real: a facilitator creates and starts a session of the flagship scenario
 * over REST and socket.io; a trainee joins by code on a 360 px phone, reads the briefing, decides
 * with a rationale, answers a request from the CSO (played by a protocol client), sends one, chats,
 * reloads mid-play, keeps working while the server restarts, meets a pause, switches to Serbian
 * and moves to a 1920 px projector. axe-core checks every screen; screenshots go to
 * artifacts/screenshots/trainee-*.png.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const RATIONALE = 'Life first: open, ventilate, triage. <b>not bold</b>';
const ANSWER = 'Not before every person has been screened & registered.';
const CHAT = 'Calling the duty prosecutor <i>now</i>';
const OFFLINE_CHAT = 'Typed while the server was down';

let server: BrowserTestServer;
let browser: Browser;
const clients: SessionClient[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
});

function connectClient(...args: ConstructorParameters<typeof SessionClient>): SessionClient {
  const client = new SessionClient(...args);
  clients.push(client);
  return client;
}

function events(sessionId: string, token: string): Promise<LogEvent[]> {
  return exportedLog(server.origin, sessionId, token);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await runAxe(page);
  expect({ what, violations: blockingViolations(results) }).toEqual({ what, violations: [] });
}

/** The text of the feedback toast (the aria-live region announcing every ack). */
/**
 * The feedback line once it shows `expected`. An earlier ack may still be on screen when the
 * command is sent, so this waits for the expected text rather than for any ack.
 */
async function ackText(page: Page, expected: string): Promise<string> {
  const feedback = page.locator('.tr-feedback__text');
  await feedback
    .filter({ hasText: expected })
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  return (await feedback.textContent()) ?? '';
}

describe('trainee in a real browser against the real server', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let session: SessionMeta;
  let staffToken: string;
  let facilitator: SessionClient;
  let cso: SessionClient;

  test('joins by code on a phone, plays, reloads, survives a restart, switches to Serbian', async () => {
    // ---- the facilitator prepares the session --------------------------------------------------
    const staff = await login(server.origin, DEMO.username, DEMO.password);
    staffToken = staff.token;
    session = await api<SessionMeta>(
      server.origin,
      'POST',
      '/api/sessions',
      { scenario: 'reefer-horgos', teams: 1, feedbackPolicy: 'hints', language: 'en' },
      staffToken,
    );
    expect(session.joinCode).toMatch(/^[2-9A-Z]{6,12}$/);
    facilitator = connectClient(
      server.origin,
      { kind: 'facilitator', token: staffToken },
      session.id,
    );
    await facilitator.connected();

    // ---- join by code at 360 px ------------------------------------------------------------------
    ({ context, page, problems } = await openPage(browser, { width: 360, height: 740 }));
    await page.goto(`${server.origin}/join`);
    await page.getByLabel('Session code').fill(String(session.joinCode).toLowerCase());
    await expectAccessible(page, 'join: code');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Your name').waitFor();
    await expect(page.locator('.tr-warnings li').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'join: details');
    await saveScreenshot(page, 'trainee-01-join', { fullPage: true });
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('radio', { name: /Border Police/ }).check();
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.waitForURL(/\/play\//);
    expect(new URL(page.url()).pathname).toBe(`/play/${session.id}`);
    await page.getByRole('heading', { name: 'You are in' }).waitFor();
    await expect(page.locator('.tr-head__seat').textContent()).resolves.toContain('Border Police');
    await expectAccessible(page, 'waiting room');
    await saveScreenshot(page, 'trainee-02-waiting');

    // The phone's chrome is small: one header line, whole brand, a one-line status indicator
    // without the server's database (which means nothing to a trainee).
    const chrome = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const brand = box('.brand__name');
      const language = box('.language-switch__select');
      return {
        header: box('.site-header')?.height ?? 999,
        status: box('.status-bar')?.height ?? 999,
        statusText: document.querySelector('.status-bar')?.textContent ?? '',
        brandRight: brand?.right ?? 999,
        languageLeft: language?.left ?? 0,
        brandWhole: (() => {
          const el = document.querySelector('.brand__name');
          return el ? el.scrollWidth <= el.clientWidth + 1 : false;
        })(),
      };
    });
    expect(chrome.header).toBeLessThanOrEqual(72);
    expect(chrome.status).toBeLessThanOrEqual(36);
    expect(chrome.statusText).toContain('Connected');
    expect(chrome.statusText).not.toMatch(/database|Server/);
    expect(chrome.brandRight).toBeLessThanOrEqual(chrome.languageLeft);
    expect(chrome.brandWhole).toBe(true);

    // A second trainee, the CSO lawyer, plays through the protocol.
    const joined = await api<{ participantToken: string }>(server.origin, 'POST', '/api/join', {
      code: session.joinCode,
      displayName: 'Lena',
      role: 'cso_legal_aid',
    });
    cso = connectClient(server.origin, { kind: 'participant', token: joined.participantToken });
    await cso.connected();

    // ---- start: briefing first ---------------------------------------------------------------------
    accepted(await facilitator.send('session.start', {}), 'session.start');
    await page.getByRole('heading', { name: 'Your briefing' }).waitFor();
    await expect(page.locator('.tr-briefing').textContent()).resolves.toContain('Content warnings');
    await expectAccessible(page, 'briefing');
    await saveScreenshot(page, 'trainee-03-briefing', { fullPage: true });
    await page.getByRole('button', { name: 'I have read this: start' }).click();
    await page.getByRole('tablist', { name: 'Sections' }).waitFor();
    await expectAccessible(page, 'updates tab');
    await saveScreenshot(page, 'trainee-04-updates');

    // A facilitator's message is a banner the trainee cannot miss, not only a line in Updates.
    accepted(
      await facilitator.send('broadcast.send', { message: 'Ten minutes left in this phase.' }),
      'broadcast',
    );
    const notice = page.locator('[data-banner="broadcast"]');
    await notice.getByText('Ten minutes left in this phase.').waitFor();
    const noticeBox = await notice.boundingBox();
    expect((noticeBox?.y ?? 9999) + (noticeBox?.height ?? 0)).toBeLessThanOrEqual(740);
    await notice.getByRole('button', { name: 'Got it' }).click();
    await notice.waitFor({ state: 'detached' });

    // ---- a decision with a rationale and a confidence ---------------------------------------------
    await page.getByRole('tab', { name: /Decisions/ }).click();
    const card = page.locator('article.tr-decision[data-enabled="true"]').first();
    const decisionId = await card.getAttribute('data-decision');
    const option = card.locator('.tr-option input:not([disabled])').first();
    const optionId = await option.getAttribute('value');
    await option.check();
    await card.getByLabel('Rationale: why this option?').fill(RATIONALE);
    await card.getByRole('radio', { name: '4', exact: true }).check();
    await expectAccessible(page, 'decisions tab');
    await card.getByRole('button', { name: 'Record the decision' }).click();
    await expect(ackText(page, 'Decision recorded.')).resolves.toContain('Decision recorded.');
    await page.locator(`[data-record="${decisionId}"]`).waitFor();
    await expect(
      page.locator(`[data-record="${decisionId}"] .tr-rationale`).textContent(),
    ).resolves.toBe(RATIONALE);
    await saveScreenshot(page, 'trainee-05-decided');
    const decided = (await events(session.id, staffToken)).filter(
      (e) => e.type === 'decision.made' && e.payload.decision === decisionId,
    );
    expect(decided).toHaveLength(1);
    expect(decided[0]?.payload).toMatchObject({
      option: optionId,
      rationale: RATIONALE,
      confidence: 4,
    });

    // ---- requests: the CSO asks for access; the trainee refuses with a reason, and sends one ------
    await cso.until(() => Boolean(cso.view), 5000, 'the CSO view');
    const access = cso.view?.sendableRequests.find((r) => r.to === 'border_police' && r.enabled);
    expect(access).toBeDefined();
    accepted(await cso.send('request.send', { request: access?.id ?? '' }), 'request.send');
    await page.getByRole('tab', { name: /Requests/ }).click();
    const incoming = page.locator('[data-direction="incoming"]').first();
    await incoming.waitFor();
    await incoming.getByRole('button', { name: 'Refuse' }).click();
    await incoming.getByText('Give a reason for refusing.').waitFor();
    await incoming.getByLabel('Your reason').fill(ANSWER);
    await expectAccessible(page, 'requests tab');
    await saveScreenshot(page, 'trainee-06-request', { fullPage: true });
    await incoming.getByRole('button', { name: 'Refuse' }).click();
    await expect(ackText(page, 'Answer sent.')).resolves.toContain('Answer sent.');
    await page.locator('[data-direction="incoming"] [data-request-status="refused"]').waitFor();
    await cso.until(
      () => cso.view?.requests.some((r) => r.status === 'refused' && r.reason === ANSWER) ?? false,
      5000,
      'the refusal at the CSO',
    );

    const sendable = page.locator('[data-sendable]').first();
    const sentId = await sendable.getAttribute('data-sendable');
    await sendable.getByRole('button', { name: 'Prepare request' }).click();
    await sendable.getByLabel('Why do you need it?').fill('The driver asked for help at 00:20.');
    await sendable.getByRole('button', { name: 'Send request' }).click();
    await expect(ackText(page, 'Request sent.')).resolves.toContain('Request sent.');
    await page.locator(`[data-request="${sentId}"][data-direction="outgoing"]`).waitFor();

    // ---- chat: free text stays text ------------------------------------------------------------------
    accepted(await cso.send('chat.send', { text: 'Can I <b>see</b> them?' }), 'CSO chat');
    await page.getByRole('tab', { name: /Chat/ }).click();
    const messages = page.getByRole('list', { name: 'Team messages' });
    await messages.getByText('Can I <b>see</b> them?').waitFor();
    const box = page.getByLabel('Message to your team');
    await box.fill(CHAT);
    await box.press('Enter');
    await messages.locator('.tr-msg--mine:not(.tr-msg--pending)', { hasText: CHAT }).waitFor();
    await expect(page.locator('.tr-msg b, .tr-msg i').count()).resolves.toBe(0);
    await expectAccessible(page, 'chat tab');
    await saveScreenshot(page, 'trainee-07-chat');

    // ---- reload mid-play: drafts, tab and history come back ------------------------------------------
    await box.fill('Half a thought about the');
    await page.getByRole('tab', { name: /Decisions/ }).click();
    const next = page.locator('article.tr-decision[data-enabled="true"]').first();
    const nextId = await next.getAttribute('data-decision');
    await next.getByLabel('Rationale: why this option?').fill('Draft rationale kept across reload');
    await page.reload();
    await page.getByRole('tablist', { name: 'Sections' }).waitFor();
    await expect(
      page.getByRole('tab', { name: /Decisions/ }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await expect(
      page
        .locator(`article[data-decision="${nextId}"]`)
        .getByLabel('Rationale: why this option?')
        .inputValue(),
    ).resolves.toBe('Draft rationale kept across reload');
    await page.locator(`[data-record="${decisionId}"]`).waitFor();
    await page.getByRole('tab', { name: /Chat/ }).click();
    await expect(page.getByLabel('Message to your team').inputValue()).resolves.toBe(
      'Half a thought about the',
    );

    // ---- the server goes away and comes back: what is sent meanwhile arrives once ---------------------
    const errorsBefore = problems.errors.length;
    const port = Number(new URL(server.origin).port);
    await server.stop();
    await page.locator('[data-banner="reconnecting"]').waitFor({ timeout: 30_000 });
    await page.getByLabel('Message to your team').fill(OFFLINE_CHAT);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('[data-pending="chat"]', { hasText: OFFLINE_CHAT }).waitFor();
    await saveScreenshot(page, 'trainee-08-offline');
    server = await startServer({ port, dataDir: server.dataDir });
    await page
      .locator('.tr-msg--mine:not(.tr-msg--pending)', { hasText: OFFLINE_CHAT })
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-banner="reconnecting"]').waitFor({ state: 'detached' });
    const sentWhileDown = (await events(session.id, staffToken)).filter(
      (e) => e.type === 'chat.message' && e.payload.text === OFFLINE_CHAT,
    );
    expect(sentWhileDown).toHaveLength(1);
    // The browser reports the refused connections while the server was down; nothing else.
    const outage = problems.errors.splice(errorsBefore);
    expect(
      outage.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/.test(e)),
    ).toEqual([]);

    // ---- a pause: the banner, and the server's reason on a refused command -------------------------
    const restarted = connectClient(
      server.origin,
      { kind: 'facilitator', token: staffToken },
      session.id,
    );
    await restarted.connected();
    accepted(await restarted.send('session.pause', { reason: 'Wellbeing break' }), 'pause');
    await page.locator('[data-banner="paused"]', { hasText: 'Wellbeing break' }).waitFor();
    await page.getByLabel('Message to your team').fill('Are we paused?');
    await page.getByLabel('Message to your team').press('Enter');
    await expect(ackText(page, 'Not done: The session is paused.')).resolves.toContain(
      'Not done: The session is paused.',
    );
    await expect(page.getByLabel('Message to your team').inputValue()).resolves.toBe(
      'Are we paused?',
    );
    await expectAccessible(page, 'paused');
    await saveScreenshot(page, 'trainee-09-paused');
    accepted(await restarted.send('session.resume', {}), 'resume');
    await page.locator('[data-banner="paused"]').waitFor({ state: 'detached' });

    // ---- Serbian, then a projector -------------------------------------------------------------------
    await page.getByLabel('Language').selectOption('sr-Latn');
    await page.getByRole('tab', { name: /Odluke/ }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sr-Latn');
    await expect(page.locator('.tr-decisions').textContent()).resolves.toContain('Zabeleži odluku');
    await expectAccessible(page, 'Serbian');
    await saveScreenshot(page, 'trainee-10-serbian');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('[data-layout="columns"]').waitFor();
    await expectAccessible(page, 'projector');
    await saveScreenshot(page, 'trainee-11-projector');

    // ---- a laptop: the chat is one key away wherever the page is scrolled ---------------------------
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The CSO's first socket went with the old server: she comes back on a new one.
    const lena = connectClient(server.origin, {
      kind: 'participant',
      token: joined.participantToken,
    });
    await lena.connected();
    accepted(await lena.send('chat.send', { text: 'Kolega, imate li minut?' }), 'CSO chat');
    const toggle = page.locator('[data-chat-toggle]');
    await toggle.locator('.tr-badge', { hasText: '1' }).waitFor();
    const toggleBox = await toggle.boundingBox();
    expect(toggleBox && toggleBox.y >= 0 && toggleBox.y + toggleBox.height <= 900).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Enter');
    const chatBox = page.locator('.tr-chatdock textarea');
    await expect(chatBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const chatBoxBox = await chatBox.boundingBox();
    expect(chatBoxBox && chatBoxBox.y >= 0 && chatBoxBox.y + chatBoxBox.height <= 900).toBe(true);
    await page.getByText('Kolega, imate li minut?').waitFor();
    await expectAccessible(page, 'chat on a laptop');
    await saveScreenshot(page, 'trainee-11b-chat-1440');
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // ---- the end: forms close, and the released debrief is one click away --------------------------
    accepted(await restarted.send('session.end', {}), 'end');
    accepted(await restarted.send('debrief.release', {}), 'debrief.release');
    const ended = page.locator('[data-banner="ended"]');
    await ended.getByRole('link', { name: 'Otvori analizu svog tima' }).waitFor();
    await expect(
      ended.getByRole('link', { name: 'Otvori analizu svog tima' }).getAttribute('href'),
    ).resolves.toBe(`/debriefs/${session.id}`);
    await expect(
      page.locator('.tr-decision button[type="submit"]').first().isDisabled(),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'trainee-12-ended');

    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
