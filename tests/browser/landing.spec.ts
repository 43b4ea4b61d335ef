import type { Browser, Page } from 'playwright-core';
import {
  openPage,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServer,
  startServerAndBrowser,
  type BrowserTestServer,
} from './helpers';

// jest reads testTimeout from the global config only; the browser project's own value is ignored.
jest.setTimeout(120_000);

let server: BrowserTestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cardLinks = (page: Page) =>
  page
    .locator('.cards .card__link')
    .evaluateAll((links) => links.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));

/** Waits until the status line shows a live socket and a healthy database. */
async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-connection="connected"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-server-health="ok"]').waitFor({ timeout: 15_000 });
}

describe('landing page in a real browser against the real server', () => {
  test('renders the heading, the explanation and the three entry cards', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}/`);

    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Multi-agency simulations of migrant-smuggling investigations',
    );
    await expect(cardLinks(page)).resolves.toEqual([
      ['Run a session', '/facilitate'],
      ['Join a session', '/join'],
      ['Debriefs', '/debriefs'],
    ]);
    await expect(page.title()).resolves.toBe('Start · Crossroads');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    // A card is one large target: clicking its description follows the card's link.
    // (A plain locator click refuses: Playwright sees the link's overlay covering the text.)
    const description = page.locator('[data-entry="join"] .card__description');
    // Centre it, so the sticky status bar does not cover it.
    await description.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await description.boundingBox();
    if (!box) throw new Error('card description is not visible');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('h1', { hasText: 'Join a session' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/join');

    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('the status line reads connected, database ok (staff pages only) and a ping latency', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await waitUntilLive(page);
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status.textContent()).resolves.toMatch(/Connection:\s*Connected/);
    // Trainees start here: the database means nothing to them.
    await expect(status.textContent()).resolves.not.toMatch(/database|Server/);

    await page.goto(`${server.origin}/facilitate`);
    await waitUntilLive(page);
    await expect(status.textContent()).resolves.toMatch(/Connection:\s*Connected/);
    await expect(status.textContent()).resolves.toMatch(/Server:\s*database ok/);
    await page.locator('[data-rtt]:not([data-rtt=""])').waitFor({ timeout: 15_000 });
    await expect(page.locator('.status-item--latency').textContent()).resolves.toMatch(
      /Latency:\s*\d+ ms/,
    );

    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('switching to Serbian changes the visible text and survives a reload', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await waitUntilLive(page);

    await page.getByLabel('Language').selectOption('sr-Latn');

    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Zajedničke simulacije istraga krijumčarenja migranata',
    );
    await expect(cardLinks(page)).resolves.toEqual([
      ['Vodi sesiju', '/facilitate'],
      ['Pridruži se sesiji', '/join'],
      ['Analize', '/debriefs'],
    ]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sr-Latn');
    await expect(page.locator('[data-connection]').textContent()).resolves.toContain('Povezano');

    await page.reload();
    await waitUntilLive(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Zajedničke simulacije istraga krijumčarenja migranata',
    );
    await expect(page.getByLabel('Jezik').inputValue()).resolves.toBe('sr-Latn');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sr-Latn');
    await expect(page.title()).resolves.toBe('Početna · Crossroads');

    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test.each([
    [360, 740],
    [1920, 1080],
  ])('fits a %i px wide screen without sideways scrolling (screenshots)', async (width, height) => {
    // One page: loaded in English, then switched to Serbian in the app, as a reader does.
    const { context, page, problems } = await openPage(browser, { width, height });
    try {
      await context.addInitScript(() => window.localStorage.setItem('crossroads.language', 'en'));
      await page.goto(`${server.origin}/`);
      await waitUntilLive(page);
      await page.locator('[data-rtt]:not([data-rtt=""])').waitFor({ timeout: 15_000 });
      for (const language of ['en', 'sr-Latn']) {
        if (language === 'sr-Latn') {
          await page.getByLabel('Language').selectOption(language);
          await page.locator('h1', { hasText: 'Zajedničke' }).waitFor();
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        // The base font is at least 18 px, for the back of a training room.
        const fontPx = await page.evaluate(() =>
          parseFloat(getComputedStyle(document.documentElement).fontSize),
        );
        expect(fontPx).toBeGreaterThanOrEqual(18);

        await saveScreenshot(page, `landing-${width}-${language}`);
        await saveScreenshot(page, `landing-${width}-${language}-full`, { fullPage: true });
      }
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('is keyboard usable: the skip link comes first and moves focus to the content', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    // React renders after the load event; wait for the app before pressing keys.
    await waitUntilLive(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The focused skip link is on screen and has a visible outline.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await expect(skip.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.not.toBe(
      'none',
    );
    await saveScreenshot(page, 'landing-skip-link-focused');

    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // The next Tab lands on the first card's link.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Run a session',
    );
    await saveScreenshot(page, 'landing-card-focused');
    await context.close();
  });

  test('deep links are served by the server and unknown addresses get the 404 page', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}/debriefs`);
    await page.locator('h1', { hasText: 'Debriefs' }).waitFor();
    await expect(
      page.getByRole('link', { name: 'Debriefs' }).first().getAttribute('aria-current'),
    ).resolves.toBe('page');
    await saveScreenshot(page, 'debriefs-1280-en');

    await page.goto(`${server.origin}/no/such/page`);
    await page.locator('h1', { hasText: 'Page not found' }).waitFor();
    await saveScreenshot(page, 'not-found-1280-en');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('has no serious or critical accessibility violations (axe-core)', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await waitUntilLive(page);
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    await page.getByLabel('Language').selectOption('sr-Latn');
    await page.locator('h1', { hasText: 'Zajedničke' }).waitFor();
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    await page.goto(`${server.origin}/facilitate`);
    await page.locator('h1').waitFor();
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    await context.close();
  });

  test('the status line follows a server restart and the browser going offline', async () => {
    // A server of its own, so stopping it does not disturb the other tests.
    const own = await startServer();
    const port = Number(new URL(own.origin).port);
    let restarted: BrowserTestServer | undefined;
    const { context, page } = await openPage(browser, { width: 1280, height: 720 });
    try {
      await page.goto(`${own.origin}/`);
      await waitUntilLive(page);

      await own.stop();
      await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: 15_000 });
      // The health check is repeated at once (after a check in flight, which may wait out its 5 s
      // timeout on a connection the stopping server left open), so both halves of the line agree.
      await page.locator('[data-health="unreachable"]').waitFor({ timeout: 12_000 });
      await saveScreenshot(page, 'status-reconnecting-1280-en');

      restarted = await startServer({ port, dataDir: own.dataDir });
      // socket.io retries with back-off (at most 5 s); health is checked again on reconnect.
      await waitUntilLive(page);

      await context.setOffline(true);
      await page.locator('[data-connection="offline"]').waitFor({ timeout: 15_000 });
      await expect(page.locator('[data-connection]').textContent()).resolves.toContain(
        'Offline (this device has no network)',
      );
      await saveScreenshot(page, 'status-offline-1280-en');

      await context.setOffline(false);
      await waitUntilLive(page);
    } finally {
      await context.close();
      await (restarted ?? own).close();
    }
  });
});

describe('after a server update', () => {
  test('a page whose code file is gone (an update since the tab opened) reloads once and opens', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await page.locator('h1').waitFor();
    // The join page's code as the tab knows it no longer exists on the server (once).
    let refused = 0;
    await page.route(/\/assets\/JoinPage-[^/]+\.js$/, async (route) => {
      if (refused === 0) {
        refused += 1;
        await route.fulfill({ status: 404, body: 'Not Found' });
      } else await route.continue();
    });
    await page.locator('.cards .card__link[href="/join"]').click();
    await page.getByLabel('Session code').waitFor({ timeout: 15_000 });
    expect(refused).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/join');
    await expect(page.getByText('Something went wrong').count()).resolves.toBe(0);
    // The 404 itself is logged by the browser; nothing else went wrong.
    expect(problems.errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
  });
});
