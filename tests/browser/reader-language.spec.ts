import type { Browser, Page } from 'playwright-core';
import type { RoleView, SessionMeta, Text } from '@crossroads/shared';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import { openPage, saveScreenshot, startServerAndBrowser, type BrowserTestServer } from './helpers';
import { accepted } from '../acks';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(240_000);

/*
 * Scenario content in the reader's language, end to end: the server sends every text with all its
 * translations and each trainee's page picks the language its reader chose. A trainee of an
 * English session switches the interface to Serbian and reads the briefing, the decision's
 * prompt and its options in the scenario's Serbian, then in Macedonian, then in English again;
 * the texts compared are the ones the server's own view of that agency carries. In a Serbian
 * session of a scenario without Albanian texts, an Albanian reader gets the session's Serbian,
 * not English. Screenshots go to artifacts/screenshots/reader-language-*.png.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
type Lang = 'en' | 'sr-Latn' | 'mk' | 'sq' | 'bs';

let server: BrowserTestServer;
let browser: Browser;
let staffToken: string;
const clients: SessionClient[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  staffToken = (await login(server.origin, DEMO.username, DEMO.password)).token;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
});

/** A text as the scenario has it in `language` (undefined when it has no such translation). */
function textIn(text: Text, language: Lang): string | undefined {
  if (typeof text === 'string') return language === 'en' ? text : undefined;
  return language === 'en' ? text.en : text[language];
}

/** Whitespace as the page shows it (YAML folded text keeps single spaces; the DOM may wrap). */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Creates and starts a one-team session and puts a trainee of `role` on its play screen. */
async function traineeIn(
  scenario: string,
  language: Lang,
  role: string,
  uiLanguage: Lang,
): Promise<{ page: Page; session: SessionMeta; view: () => Promise<RoleView> }> {
  const session = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario, teams: 1, language },
    staffToken,
  );
  const facilitator = new SessionClient(
    server.origin,
    { kind: 'facilitator', token: staffToken },
    session.id,
  );
  clients.push(facilitator);
  await facilitator.connected();

  const { page } = await openPage(browser, { width: 1280, height: 900 });
  await page.addInitScript((lang) => {
    window.localStorage.setItem('crossroads.language', lang);
  }, uiLanguage);
  // Joined through the join form, whatever language it is in (controls found by their roles).
  await page.goto(`${server.origin}/join/${session.joinCode}`);
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('input[autocomplete="nickname"]').first().fill('Ana');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/play\//);
  accepted(await facilitator.send('session.start', {}), 'session.start');
  await page.locator('.tr-briefing').waitFor();
  const view = () =>
    api<RoleView>(
      server.origin,
      'GET',
      `/api/sessions/${session.id}/teams/team-a/views/${role}`,
      undefined,
      staffToken,
    );
  return { page, session, view };
}

async function briefingText(page: Page): Promise<string> {
  return squash(await page.locator('.tr-briefing .tr-prose').first().textContent());
}

describe('scenario content follows the reader', () => {
  test('an English session read in Serbian, Macedonian, then English again', async () => {
    const { page, view } = await traineeIn('reefer-horgos', 'en', 'border_police', 'en');
    const roleView = await view();
    const decision = roleView.decisions.find((d) => d.enabled && d.options.length > 1);
    expect(decision).toBeDefined();
    if (!decision) return;
    const expected = (language: Lang) => ({
      briefing: squash(textIn(roleView.briefing, language)),
      prompt: squash(textIn(decision.prompt, language)),
      options: decision.options.map((o) => squash(textIn(o.label, language))),
    });
    // The flagship has each of these texts in every language, all different from each other.
    for (const language of ['sr-Latn', 'mk'] as const) {
      expect(expected(language).briefing).not.toBe('');
      expect(expected(language).briefing).not.toBe(expected('en').briefing);
      expect(expected(language).options).not.toEqual(expected('en').options);
    }

    const seen = async () => {
      const card = page.locator(`article.tr-decision[data-decision="${decision.id}"]`);
      return {
        prompt: squash(await card.locator('.tr-prose').first().textContent()),
        options: await Promise.all(
          decision.options.map(async (o) =>
            squash(
              await card
                .locator(`.tr-option[data-option="${o.id}"] .tr-choice > span > span`)
                .first()
                .textContent(),
            ),
          ),
        ),
      };
    };
    const readIn = async (language: Lang, label: string) => {
      await page.getByLabel(label).selectOption(language);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
      const want = expected(language);
      await page
        .locator('.tr-briefing .tr-prose')
        .first()
        .filter({ hasText: want.briefing.slice(0, 40) })
        .waitFor();
      expect(await briefingText(page)).toBe(want.briefing);
      await saveScreenshot(page, `reader-language-briefing-${language}`);
      // The decisions are one click on from the briefing; the briefing stays a button away.
      await page.locator('.tr-briefing .tr-actions button, .tr-briefing button').last().click();
      // Wide screens show every section side by side; narrower ones have tabs.
      await page.locator('[data-layout="columns"], [role="tablist"]').first().waitFor();
      const tab = page.locator('[role="tab"][id$="-tab-decisions"]');
      if (await tab.count()) await tab.click();
      await expect(seen()).resolves.toEqual({ prompt: want.prompt, options: want.options });
      await saveScreenshot(page, `reader-language-decision-${language}`);
      // Back to the briefing for the next language.
      await page.locator('.tr-head__briefing').click();
      await page.locator('.tr-briefing').waitFor();
    };

    expect(await briefingText(page)).toBe(expected('en').briefing);
    await readIn('sr-Latn', 'Language');
    await readIn('mk', 'Jezik');
    await readIn('en', 'Јазик');
    await page.context().close();
  });

  test("a text the scenario lacks in the reader's language is read in the session's", async () => {
    // Every catalogue scenario now has Albanian texts, so the case publishes the studio's starter
    // template (English, Serbian and Macedonian only) under an id of its own: an Albanian reader of its
    // Serbian session.
    const draft = await api<{ id: string }>(
      server.origin,
      'POST',
      '/api/studio/scenarios',
      { template: 'starter', scenarioId: 'reader-language-probe' },
      staffToken,
    );
    await api(
      server.origin,
      'POST',
      `/api/studio/scenarios/${draft.id}/publish`,
      undefined,
      staffToken,
    );
    const { page, view } = await traineeIn('reader-language-probe', 'sr-Latn', 'police', 'sq');
    const roleView = await view();
    const serbian = squash(textIn(roleView.briefing, 'sr-Latn'));
    expect(serbian).not.toBe('');
    expect(textIn(roleView.briefing, 'sq')).toBeUndefined();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sq');
    expect(await briefingText(page)).toBe(serbian);
    await expect(page.locator('.tr-briefing .tr-prose').first().getAttribute('lang')).resolves.toBe(
      'sr-Latn',
    );
    await saveScreenshot(page, 'reader-language-sq-reads-serbian');
    await page.context().close();
  });
});
