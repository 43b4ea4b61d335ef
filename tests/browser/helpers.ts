import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, Result as AxeResult, run as axeRun } from 'axe-core';
import { createApp, type RunningApp } from '@crossroads/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoginResponse } from '@crossroads/shared';
import { launchBrowser } from './chromium';

/** Repository root (this file is tests/browser/helpers.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLIENT_DIST = path.join(REPO_ROOT, 'apps', 'client', 'dist');
/** Git-ignored (artifacts/ is in .gitignore). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'artifacts', 'screenshots');

export { CHROMIUM_ARGS, findChromium, launchBrowser } from './chromium';

// ---------------------------------------------------------------------------------------------
// Client build

/**
 * `npm test` builds the client before jest runs. When only jest is run and there is no build,
 * build it now (synchronously, about a second) rather than testing a "client not built" notice.
 */
export function ensureClientBuilt(): void {
  if (existsSync(path.join(CLIENT_DIST, 'index.html'))) return;
  console.log(
    `[browser tests] ${CLIENT_DIST}/index.html is missing: running \`npm run build -w @crossroads/client\``,
  );
  execFileSync('npm', ['run', 'build', '-w', '@crossroads/client'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error(`Client build finished but ${CLIENT_DIST}/index.html is still missing`);
  }
}

// ---------------------------------------------------------------------------------------------
// Server

/** Asks the OS for a free TCP port on `host` (released again before it is returned). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export interface BrowserTestServer {
  /** The page origin, which is also the server's PUBLIC_ORIGIN, e.g. http://127.0.0.1:41234. */
  origin: string;
  app: RunningApp;
  dataDir: string;
  /** Stops the server and removes its temporary data folder. */
  close(): Promise<void>;
  /** Stops the server but keeps its data folder (to start it again with the same port). */
  stop(): Promise<void>;
}

/**
 * Starts the real server in production mode, serving the built client, on a free port with a
 * throwaway SQLite file. PUBLIC_ORIGIN must equal the page's origin or the socket is refused,
 * so the port is chosen first and both are passed in. Pass `port` (and `dataDir`) to start a
 * server again where a stopped one was, as a browser would see a restart.
 */
export async function startServer(
  options: { port?: number; dataDir?: string } = {},
): Promise<BrowserTestServer> {
  ensureClientBuilt();
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const origin = `http://${host}:${port}`;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'crossroads-browser-')));
  const app = await createApp({
    env: {
      PORT: String(port),
      HOST: host,
      PUBLIC_ORIGIN: origin,
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, 'crossroads.sqlite'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      CLIENT_DIST,
      // The browser tests log in as the demo facilitator with a known password.
      CROSSROADS_DEMO_PASSWORD: 'crossroads-demo',
    },
  });
  return {
    origin,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    stop: () => app.close(),
  };
}

/**
 * Starts the server (as startServer does) and Chromium side by side: Chromium starts in a process
 * of its own while the server boots in this one. If one fails, the other is closed before the
 * error is thrown, so a failed beforeAll leaves neither running.
 */
export async function startServerAndBrowser(): Promise<{
  server: BrowserTestServer;
  browser: Browser;
}> {
  const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { server: server.value, browser: browser.value };
  }
  if (server.status === 'fulfilled') await server.value.close();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * Keeps a staff login in the tab, as signing in through the form leaves it, so a test can open a
 * staff page directly. Set through the DevTools protocol before any page script runs (the CSP
 * refuses inline scripts); on a context it holds for every tab opened in it afterwards.
 */
export async function keepStaffLogin(
  target: BrowserContext | Page,
  login: LoginResponse,
): Promise<void> {
  const staff = { token: login.token, account: login.account, expiresAt: login.expiresAt };
  const json = JSON.stringify(staff);
  const script = (value: string) => window.sessionStorage.setItem('crossroads.staff', value);
  await target.addInitScript(script, json);
}

export interface PageProblems {
  /** Uncaught exceptions and console.error messages seen on the page. */
  errors: string[];
}

/**
 * Opens a page in a fresh context (own localStorage) and records uncaught errors and console
 * errors, so a test can assert the app ran cleanly.
 */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'en-US',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console.error: ${message.text()}`);
  });
  return { context, page, problems };
}

/**
 * Opens a new tab in an existing context (its own sessionStorage; localStorage and the HTTP cache
 * shared with the context's other tabs), sized and recording errors as openPage does. Tests that
 * open several pages of one kind share a context this way, so the client's scripts are fetched and
 * compiled once rather than once a page.
 */
export async function openTab(
  context: BrowserContext,
  options: { width?: number; height?: number } = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 800 });
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console.error: ${message.text()}`);
  });
  return { page, problems };
}

/** A context as openPage makes one (English, reduced motion), for tabs opened with openTab. */
export function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale,
    reducedMotion: 'reduce',
  });
}

/**
 * Saves a PNG to artifacts/screenshots/<name>.png and returns its path. By default it shows the
 * viewport, which is what a projector or phone shows (a full-page capture draws the sticky
 * status bar in the middle of the page).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Accessibility

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** Injects axe-core into the page and runs it on the whole document (WCAG 2.x A/AA + best practice). */
export async function runAxe(page: Page): Promise<AxeResults> {
  // Evaluated through the DevTools protocol: the page's CSP refuses an injected <script> tag.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(`${readFileSync(AXE_SCRIPT, 'utf8')}\n;undefined`);
  }
  return page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run: typeof axeRun } };
    return axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
  });
}

/**
 * The violations a test must fail on (every impact but "minor"), formatted one per line for a
 * readable assertion. Moderate ones count: two landmarks with one name, say, send a screen-reader
 * user to the same place twice.
 */
export function blockingViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v: AxeResult) => v.impact !== 'minor')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
