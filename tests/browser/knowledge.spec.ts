import type { Browser, Page } from 'playwright-core';
import type {
  JoinResponse,
  KnowledgeResults,
  LoginResponse,
  SessionMeta,
} from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  openPage,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
  type BrowserTestServer,
} from './helpers';
import { accepted } from '../acks';

jest.setTimeout(180_000);

/*
 * A trainee takes the catalogue's knowledge check in the browser before the exercise (from the
 * waiting room) and after it (once the debrief is released); the staff debrief then shows the
 * results per agency with the gain, and never a name.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const NAME = 'Ana Knowledge <b>';

let server: BrowserTestServer;
let browser: Browser;
let staffToken: string;
let session: SessionMeta;
let trainee: JoinResponse;
let facilitator: SessionClient;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  staffToken = (await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO)).token;
  session = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'reefer-horgos', teams: 1, timeRatio: 0 },
    staffToken,
  );
  trainee = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
    code: session.joinCode,
    displayName: NAME,
    team: 'team-a',
    role: 'border_police',
  });
  facilitator = new SessionClient(
    server.origin,
    { kind: 'facilitator', token: staffToken },
    session.id,
  );
  await facilitator.connected();
});

afterAll(async () => {
  facilitator?.socket.close();
  await browser?.close();
  await server?.close();
});

/** A page where this browser is the trainee (as after joining through the join page). */
async function traineePage(width = 1280) {
  const opened = await openPage(browser, { width, height: 900 });
  await opened.context.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), {
    key: `crossroads.trainee.credential.${session.id}`,
    value: JSON.stringify({
      session: session.id,
      token: trainee.participantToken,
      participant: trainee.participant.id,
      displayName: NAME,
      joinCode: session.joinCode,
      title: session.scenario.title,
      contentWarnings: [],
      language: 'en',
      joinedAt: new Date().toISOString(),
    }),
  });
  return opened;
}

/** Answers every question: `right` picks the first option of each choice question. */
async function answerAll(page: Page, pick: 'first' | 'last', confidence: string): Promise<void> {
  const questions = page.locator('fieldset[data-question]');
  const count = await questions.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i += 1) {
    const q = questions.nth(i);
    const points = q.locator('.knowledge__point input');
    if ((await points.count()) > 0) {
      await q.getByLabel(confidence, { exact: true }).check();
      continue;
    }
    const inputs = q.locator('input');
    const target = pick === 'first' ? inputs.first() : inputs.last();
    await target.focus();
    await page.keyboard.press('Space');
  }
}

describe('knowledge check taken by a trainee before and after the exercise', () => {
  test('the open check reads in Macedonian (Cyrillic) when the page is in Macedonian', async () => {
    const { context, page, problems } = await traineePage(360);
    await page.goto(`${server.origin}/knowledge/${session.id}`);
    await page.locator('[data-knowledge-phase="pre"]').waitFor({ timeout: 30_000 });
    await page.getByLabel('Language', { exact: true }).selectOption('mk');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Истраги за криумчарење и правата на мигрантите',
    );
    const first = page.locator('fieldset[data-question="object-of-smuggling"]');
    await expect(first.textContent()).resolves.toContain(
      'Протоколот на ОН за криумчарење мигранти',
    );
    // Every question and option is in Macedonian: no English sentence is left on the form.
    const form = (await page.locator('.knowledge__form').textContent()) ?? '';
    expect(form).not.toMatch(/\b(the|and|of|is)\b/);
    await expect(
      page.locator('fieldset[data-question="confidence-rights"]').textContent(),
    ).resolves.toContain('Целосно сигурен/сигурна');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'knowledge-360-mk-pre', { fullPage: true });
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('pre from the waiting room, post after the debrief, results for staff', async () => {
    const { context, page, problems } = await traineePage();
    await page.goto(`${server.origin}/play/${session.id}`);
    const prompt = page.locator('[data-knowledge-prompt="pre"]');
    await prompt.waitFor({ timeout: 30_000 });
    await prompt.getByRole('link', { name: 'Take the knowledge check' }).click();
    await page.locator('[data-knowledge-phase="pre"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(
      "Smuggling investigations and migrants' rights",
    );
    const send = page.getByRole('button', { name: 'Send my answers' });
    await expect(send.isDisabled()).resolves.toBe(true);
    // Before: the last option everywhere (mostly wrong), low confidence.
    await answerAll(page, 'last', '2');
    await expect(send.isDisabled()).resolves.toBe(false);
    await saveScreenshot(page, 'knowledge-1280-en-pre');
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    await send.click();
    await page.locator('[data-knowledge-done="pre"]').waitFor();

    // Answered: the prompt is gone, the page says the second part comes later.
    await page.goto(`${server.origin}/knowledge/${session.id}`);
    await expect(page.locator('[data-knowledge-closed]').textContent()).resolves.toContain(
      'opens when the facilitator releases the debrief',
    );

    accepted(await facilitator.send('session.start', {}));
    accepted(await facilitator.send('session.end', {}));
    accepted(await facilitator.send('debrief.release', {}));

    await page.goto(`${server.origin}/play/${session.id}`);
    const post = page.locator('[data-knowledge-prompt="post"]');
    await post.waitFor({ timeout: 30_000 });
    await post.getByRole('link', { name: 'Take the check after the exercise' }).click();
    await page.locator('[data-knowledge-phase="post"]').waitFor();
    await expect(page.locator('.knowledge__kicker').textContent()).resolves.toBe(
      'After the exercise',
    );
    // After: the first option everywhere (the catalogue lists the right answer first in most).
    await answerAll(page, 'first', '4');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const done = page.locator('[data-knowledge-done="post"]');
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/You answered \d of 6 knowledge questions/);
    await saveScreenshot(page, 'knowledge-1280-en-post-done');
    expect(problems.errors).toEqual([]);
    await context.close();

    const results = await api<KnowledgeResults>(
      server.origin,
      'GET',
      `/api/sessions/${session.id}/knowledge-results`,
      undefined,
      staffToken,
    );
    const bp = results.agencies.find((a) => a.agency === 'border_police');
    expect(bp?.pre.n).toBe(1);
    expect(bp?.post.n).toBe(1);
    expect(bp?.gain ?? 0).toBeGreaterThan(0);

    // The staff debrief shows the results by agency, with the chart, and no trainee name.
    const staff = await openPage(browser, { width: 1440, height: 1000 });
    await staff.page.goto(`${server.origin}/debriefs`);
    await staff.page.getByLabel('User name').fill(DEMO.username);
    await staff.page.getByLabel('Password').fill(DEMO.password);
    await staff.page.getByRole('button', { name: 'Log in' }).click();
    await staff.page.locator(`[data-session="${session.id}"] a`).click();
    const panel = staff.page.locator('[data-knowledge-results="ready"]');
    await panel.waitFor({ timeout: 30_000 });
    await expect(
      panel.locator('[data-knowledge-table="agencies"] tr[data-agency="border_police"]').count(),
    ).resolves.toBe(1);
    await expect(panel.locator('svg.lchart rect').count()).resolves.toBeGreaterThan(3);
    await expect(panel.textContent()).resolves.not.toContain('Ana Knowledge');
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(staff.page, 'knowledge-1440-en-results');
    expect(blockingViolations(await runAxe(staff.page))).toEqual([]);
    expect(staff.problems.errors).toEqual([]);
    await staff.context.close();
  });

  test('reads in Serbian', async () => {
    const { context, page, problems } = await traineePage(360);
    await page.goto(`${server.origin}/knowledge/${session.id}`);
    await page.getByLabel('Language').selectOption('sr-Latn');
    await expect(page.locator('[data-knowledge-closed]').textContent()).resolves.toContain(
      'Odgovorili ste na oba dela',
    );
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Istrage krijumčarenja i prava migranata',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
