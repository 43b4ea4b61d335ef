import type { Browser, Page } from 'playwright-core';
import type { SessionMeta } from '@crossroads/shared';
import { openPage, startServerAndBrowser, type BrowserTestServer } from './helpers';

/*
 * The Content-Security-Policy holds on every main page: nothing the app renders needs an inline
 * script or style, eval, or a foreign origin. Each page is opened in a browser that records every
 * `securitypolicyviolation` event from its first script on, and console errors naming the policy.
 */

jest.setTimeout(120_000);

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };

let server: BrowserTestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
  source?: string;
}

/** Records CSP violations of every document the page loads (an init script runs first). */
async function watchCsp(page: Page, violations: Violation[], current: () => string) {
  await page.exposeFunction('__reportCsp', (v: Omit<Violation, 'page'>) =>
    violations.push({ page: current(), ...v }),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (v: unknown) => void }).__reportCsp;
      report({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      });
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push({
        page: current(),
        directive: 'console',
        blocked: '',
        sample: message.text(),
      });
    }
  });
}

/** Opens a path and lets it settle (its fetches and the socket's first messages). */
async function visit(page: Page, path: string, ready: () => Promise<unknown>): Promise<void> {
  await page.goto(`${server.origin}${path}`);
  await ready();
  await page.waitForLoadState('networkidle').catch(() => undefined);
}

test('no page of the app violates the Content-Security-Policy', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
  const violations: Violation[] = [];
  let current = '';
  await watchCsp(page, violations, () => current);
  const heading = (name?: RegExp | string) => () =>
    page
      .getByRole('heading', { level: 1, ...(name ? { name } : {}) })
      .first()
      .waitFor();

  const visited: string[] = [];
  const go = async (path: string, ready: () => Promise<unknown>) => {
    current = path;
    visited.push(path);
    await visit(page, path, ready);
  };

  await go('/', heading());
  await go('/join', heading());
  await go('/debriefs', heading());
  await go('/does-not-exist', heading());

  // Staff pages, logged in as the demo facilitator.
  await go('/facilitate', heading('Run a session'));
  await page.getByLabel('User name').fill(DEMO.username);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  const token = await page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('crossroads.staff') ?? '{}') as { token: string }).token,
  );
  const session = await fetch(`${server.origin}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ scenario: 'reefer-horgos', teams: 2 }),
  }).then((r) => r.json() as Promise<SessionMeta>);

  await go('/facilitate/scenarios', heading());
  await go('/facilitate/sessions/new', heading());
  await go(`/facilitate/sessions/${session.id}`, () =>
    page.locator('[data-console-connection="connected"]').waitFor(),
  );
  await go(`/observe/${session.id}`, heading());
  await go('/facilitate/courses', heading());
  await go('/reports/participation', heading());
  // The studio's source editor (CodeMirror) is the page most likely to need inline styles.
  await go('/facilitate/studio', heading('Authoring studio'));
  current = '/facilitate/studio (editor)';
  await page.getByLabel('Scenario id (optional)').fill('csp-check');
  await page.getByRole('button', { name: 'Create from template' }).click();
  await page.getByTestId('studio-source').locator('.cm-content').waitFor();
  await page.getByTestId('studio-source').locator('.cm-content').click();
  await page.keyboard.type('# typed in the editor\n');
  await page.waitForLoadState('networkidle').catch(() => undefined);

  // A trainee's join page for that session.
  await go(`/join/${session.joinCode}`, heading());

  expect(visited.length).toBe(13);
  expect(violations).toEqual([]);

  // The watch is not blind: an inline style element, which the policy forbids, is reported.
  current = 'probe';
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
  });
  const reported = () => violations.some((v) => v.directive === 'style-src-elem');
  for (let i = 0; i < 50 && !reported(); i += 1) await page.waitForTimeout(100);
  expect(reported()).toBe(true);
  expect(violations.every((v) => v.page === 'probe')).toBe(true);
  // Console errors about the policy came from the probe only.
  expect(problems.errors.filter((e) => /Content Security Policy/i.test(e))).toHaveLength(
    violations.filter((v) => v.directive === 'console').length,
  );
  await context.close();
});
