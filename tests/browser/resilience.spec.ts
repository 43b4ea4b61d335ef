import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type LogEvent, type SessionMeta } from '@crossroads/shared';
import { api, exportedLog, login, SessionClient } from '../../apps/server/bench/session-client';
import { openPage, startServerAndBrowser, type BrowserTestServer } from './helpers';
import { accepted } from '../acks';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(240_000);

/*
 * What happens in a real classroom: a phone loses its network for a while, and the facilitator
 * moves people between teams meanwhile. Trainees join and play through the page (a phone at
 * 390 x 844); the facilitator acts through the protocol (the console has its own tests).
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };

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

function events(sessionId: string, token: string): Promise<LogEvent[]> {
  return exportedLog(server.origin, sessionId, token);
}

/** A running two-team session of the flagship, with the facilitator on a protocol client. */
async function runningSession(): Promise<{
  session: SessionMeta;
  token: string;
  facilitator: SessionClient;
}> {
  const staff = await login(server.origin, DEMO.username, DEMO.password);
  const session = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'reefer-horgos', teams: 2, feedbackPolicy: 'debrief_only', language: 'en' },
    staff.token,
  );
  const facilitator = new SessionClient(
    server.origin,
    { kind: 'facilitator', token: staff.token },
    session.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  return { session, token: staff.token, facilitator };
}

/** Joins through the join page on a phone; returns the page on the play screen. */
async function joinOnPhone(
  code: string,
  name: string,
  team: RegExp,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(`${server.origin}/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: team }).check();
  await page.getByRole('radio', { name: /Border Police/ }).check();
  await page.getByRole('button', { name: 'Join the session' }).click();
  await page.getByRole('heading', { name: 'You are in' }).waitFor();
  return { context, page, errors: problems.errors };
}

/** The participant id this page joined as (from its stored credential). */
function participantOf(page: Page, sessionId: string): Promise<string> {
  return page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { participant: string }).participant,
    `crossroads.trainee.credential.${sessionId}`,
  );
}

describe('a trainee whose phone loses the network', () => {
  test('is told at once, and a decision taken meanwhile is sent once when the network is back', async () => {
    const { session, token, facilitator } = await runningSession();
    const { context, page } = await joinOnPhone(String(session.joinCode), 'Ana', /Team A/);
    accepted(await facilitator.send('session.start', {}), 'start');
    await page.getByRole('button', { name: 'I have read this: start' }).click();
    await page.getByRole('tab', { name: /Decisions/ }).click();
    const card = page.locator('article.tr-decision[data-enabled="true"]').first();
    const decision = await card.getAttribute('data-decision');

    // The socket stays open while the network is gone (nothing tells it for half a minute and
    // more): the page must not go on saying it is connected.
    await context.setOffline(true);
    await page.locator('[data-banner="reconnecting"]').waitFor({ timeout: 4000 });
    await expect(page.locator('.status-bar').textContent()).resolves.not.toContain('Connected');

    await card.locator('.tr-option input:not([disabled])').first().check();
    await card.getByLabel('Rationale: why this option?').fill('Decided without a network');
    await card.getByRole('button', { name: 'Record the decision' }).click();
    await card.locator('[data-pending="queued"]').waitFor();

    await context.setOffline(false);
    await page.locator(`.tr-record [data-record="${decision}"]`).waitFor({ timeout: 60_000 });
    await page.locator('[data-banner="reconnecting"]').waitFor({ state: 'detached' });
    const made = (await events(session.id, token)).filter(
      (e) => e.type === 'decision.made' && e.payload.decision === decision,
    );
    expect(made).toHaveLength(1);
    await context.close();
  });

  test('a decision queued in one team is not applied in the team the facilitator moved her to', async () => {
    const { session, token, facilitator } = await runningSession();
    const { context, page } = await joinOnPhone(String(session.joinCode), 'Ana', /Team A/);
    const participant = await participantOf(page, session.id);
    accepted(await facilitator.send('session.start', {}), 'start');
    await page.getByRole('button', { name: 'I have read this: start' }).click();
    await page.getByRole('tab', { name: /Decisions/ }).click();
    const card = page.locator('article.tr-decision[data-enabled="true"]').first();
    const decision = await card.getAttribute('data-decision');

    await context.setOffline(true);
    await card.locator('.tr-option input:not([disabled])').first().check();
    await card.getByLabel('Rationale: why this option?').fill('Weighed on what Team A knew');
    await card.getByRole('button', { name: 'Record the decision' }).click();
    // Meanwhile the facilitator moves her to Team B, same agency.
    accepted(
      await facilitator.send('participant.move', {
        participant,
        team: 'team-b',
        role: 'border_police',
      }),
      'move',
    );
    await context.setOffline(false);

    // She is told it was not applied, and why.
    await page.locator('.tr-feedback__text', { hasText: 'moved' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('.tr-head__seat').textContent()).resolves.toContain('Team B');
    const log = await events(session.id, token);
    expect(log.filter((e) => e.type === 'decision.made')).toEqual([]);
    // After Team B's briefing, its own decision is still open to her, with what she typed kept
    // (to send again if it still fits).
    await page.getByRole('button', { name: 'I have read this: start' }).click();
    await page.getByRole('tab', { name: /Decisions/ }).click();
    await expect(
      page
        .locator(`article.tr-decision[data-decision="${decision}"][data-enabled="true"]`)
        .getByLabel('Rationale: why this option?')
        .inputValue(),
    ).resolves.toBe('Weighed on what Team A knew');
    await context.close();
  });
});
