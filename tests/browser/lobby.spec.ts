import type { Browser, Page } from 'playwright-core';
import type { JoinResponse, LoginResponse, SessionMeta } from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  openPage,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
  type BrowserTestServer,
} from './helpers';

jest.setTimeout(240_000);

/*
 * The projector view as a training room uses it: the lobby's wall on a 1024x768 projector with
 * the browser zoomed to 150 % (683x512 CSS pixels at 1.5 device pixels each), with a class of
 * twelve in three teams; and the wall in a window of its own on a second screen, opened from the
 * console without a second login, while its address alone opens nothing for anyone else.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const NAMES = [
  'Milica Jovanović',
  'Dragana Stojanović-Marković',
  'Aleksandar Nikolić',
  'Jelena Petrović',
  'Marko Marković',
  'Ivana Đorđević',
  'Stefan Popović',
  'Ana Kovačević',
  'Nikola Ilić',
  'Tamara Stanković',
  'Luka Pavlović',
  'Mina Todorović',
];
const ROLES = ['border_police', 'prosecutor', 'social_work', 'cso_legal_aid'];

let server: BrowserTestServer;
let browser: Browser;
let login: LoginResponse;
let lobby: SessionMeta;
const clients: SessionClient[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  login = await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO);
  lobby = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'reefer-horgos', teams: ['Novi Sad', 'Subotica', 'Beograd'], timeRatio: 0 },
    login.token,
  );
  // Connected, so the wall lists them (someone who joined and never connected counts as gone).
  for (const [i, displayName] of NAMES.entries()) {
    const joined = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code: lobby.joinCode,
      displayName,
      team: lobby.teams[i % lobby.teams.length]?.id,
      role: ROLES[Math.floor(i / 3) % ROLES.length],
    });
    const client = new SessionClient(server.origin, {
      kind: 'participant',
      token: joined.participantToken,
    });
    clients.push(client);
    await client.connected();
  }
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
});

/** What of the wall a reader cannot see whole: outside the screen, or cut off by a box around it. */
async function unreadable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wall = document.querySelector('[data-projector]');
    if (!wall) return ['no projector view'];
    const parts = Array.from(
      wall.querySelectorAll(
        '.fac-wall__title, .fac-wall__head button, .fac-projector__instruction, [data-join-code], ' +
          '.fac-projector__link, img, [data-joined], .fac-wall__team h4, .fac-wall__name, .fac-wall__agency',
      ),
    );
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      const name = `${part.tagName.toLowerCase()} "${(part.textContent ?? '').trim().slice(0, 30)}"`;
      if (box.width === 0 || box.height === 0) {
        problems.push(`${name} takes no space`);
        continue;
      }
      if (box.top < -1 || box.left < -1 || box.bottom > height + 1 || box.right > width + 1) {
        problems.push(
          `${name} is off the screen (${Math.round(box.left)},${Math.round(box.top)} to ` +
            `${Math.round(box.right)},${Math.round(box.bottom)} of ${width}x${height})`,
        );
        continue;
      }
      // Cut off by an ancestor that clips or scrolls: on a projector nobody scrolls.
      for (let up = part.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) {
          problems.push(
            `${name} is cut off or scrolled out of view by <${up.tagName.toLowerCase()}>`,
          );
          break;
        }
      }
    }
    // The way in must not overlap itself: instruction, code, link and QR code each stand clear.
    const join = Array.from(
      wall.querySelectorAll(
        '.fac-projector__instruction, [data-join-code], .fac-projector__link, img',
      ),
    ).map((e) => ({ e, box: e.getBoundingClientRect() }));
    for (const [i, a] of join.entries()) {
      for (const b of join.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) problems.push(`${a.e.className} overlaps ${b.e.className}`);
      }
    }
    return problems;
  });
}

describe('the projector in a training room', () => {
  test.each(['en', 'sr-Latn'])(
    'the lobby wall fits a 1024x768 projector at 150 %% zoom, readable from the back (%s)',
    async (language) => {
      const context = await browser.newContext({
        viewport: { width: 683, height: 512 },
        deviceScaleFactor: 1.5,
        reducedMotion: 'reduce',
      });
      try {
        const staff = { token: login.token, account: login.account, expiresAt: login.expiresAt };
        await context.addInitScript(
          ([lang, staffJson]) => {
            localStorage.setItem('crossroads.language', lang);
            sessionStorage.setItem('crossroads.staff', staffJson);
          },
          [language, JSON.stringify(staff)] as const,
        );
        const page = await context.newPage();
        await page.goto(`${server.origin}/facilitate/sessions/${lobby.id}?view=projector`);
        await page.locator(`[data-projector] [data-joined="${NAMES.length}"]`).waitFor();
        await page.locator('[data-projector] img').waitFor();
        await saveScreenshot(page, `projector-lobby-683x512-${language}`);

        expect(await unreadable(page)).toEqual([]);
        // Every name is on the wall.
        const names = await page.locator('[data-projector] .fac-wall__name').allTextContents();
        expect(names.sort()).toEqual([...NAMES].sort());
        // Sizes a room reads: the code at least 40 CSS px (60 device px, an eighth of the
        // projector's 768 rows), every name at least 16 (24 device px, like 24 pt on a slide).
        const sizes = await page.evaluate(() => ({
          code: parseFloat(
            getComputedStyle(document.querySelector('[data-projector] [data-join-code]') as Element)
              .fontSize,
          ),
          names: Array.from(document.querySelectorAll('[data-projector] .fac-wall__name')).map(
            (e) => parseFloat(getComputedStyle(e).fontSize),
          ),
        }));
        expect(sizes.code).toBeGreaterThanOrEqual(40);
        expect(Math.min(...sizes.names)).toBeGreaterThanOrEqual(16);
        expect(blockingViolations(await runAxe(page))).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test('the console opens the wall in a window of its own without a second login; its address alone opens nothing', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1366, height: 768 });
    try {
      await page.goto(`${server.origin}/facilitate`);
      await page.getByLabel('User name').fill(DEMO.username);
      await page.getByLabel('Password').fill(DEMO.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Sessions' }).waitFor();
      await page.goto(`${server.origin}/facilitate/sessions/${lobby.id}`);
      const join = page.getByRole('region', { name: 'Join this session' });
      const open = join.getByRole('button', { name: 'Projector in a new window' });
      // The console says what the window does before it is opened.
      await expect(open.getAttribute('aria-describedby')).resolves.toBeTruthy();
      const hint = await page
        .locator(`[id="${(await open.getAttribute('aria-describedby')) ?? ''}"]`)
        .textContent();
      expect(hint).toContain('no second login');
      expect(hint).toContain('only what the whole room may see');

      const [wall] = await Promise.all([context.waitForEvent('page'), open.click()]);
      // The projector view, with no login form and no console behind it.
      await wall.locator(`[data-projector="lobby"] [data-joined="${NAMES.length}"]`).waitFor();
      await expect(
        wall.locator('[data-projector] [data-join-code]').getAttribute('data-join-code'),
      ).resolves.toBe(lobby.joinCode);
      expect(await wall.locator('input[type=password]').count()).toBe(0);
      expect(await wall.locator('.fac-console, .fac-lobby').count()).toBe(0);
      // Its address carries no credential.
      const address = wall.url();
      expect(address).not.toContain(login.token);
      expect(new URL(address).searchParams.get('view')).toBe('projector-window');
      // The console stays usable in its own window.
      await page.getByRole('button', { name: 'Start the session' }).waitFor();

      // Someone given the address gets the login form, not the wall.
      const other = await openPage(browser, { width: 1366, height: 768 });
      try {
        await other.page.goto(address);
        await other.page.locator('input[type=password]').waitFor();
        expect(await other.page.locator('[data-projector], [data-join-code]').count()).toBe(0);
      } finally {
        await other.context.close();
      }

      // Closing the wall closes its window; it never shows the console on the wall.
      const closed = wall.waitForEvent('close');
      // The click closes its own page, so Playwright may report the page closing under the
      // click; only a failure that left the window open counts.
      const clickFailure = await wall
        .getByRole('button', { name: 'Close this window' })
        .click()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      if (clickFailure !== undefined && !/has been closed/.test(String(clickFailure))) {
        throw clickFailure;
      }
      await closed;
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the lobby console at common laptop sizes', () => {
  test.each([
    [1366, 'en'],
    [1366, 'sr-Latn'],
    [1024, 'sr-Latn'],
  ] as const)(
    'each person’s team and agency read whole in their selects (%i px, %s)',
    async (width, language) => {
      const context = await browser.newContext({ viewport: { width, height: 768 } });
      try {
        const staff = { token: login.token, account: login.account, expiresAt: login.expiresAt };
        await context.addInitScript(
          ([lang, staffJson]) => {
            localStorage.setItem('crossroads.language', lang);
            sessionStorage.setItem('crossroads.staff', staffJson);
          },
          [language, JSON.stringify(staff)] as const,
        );
        const page = await context.newPage();
        await page.goto(`${server.origin}/facilitate/sessions/${lobby.id}`);
        await page
          .locator('.fac-person__move select')
          .nth(NAMES.length * 2 - 1)
          .waitFor();
        // A select draws its chosen option in its own box, minus padding and the arrow: the
        // option's text, measured in the select's font, must fit there.
        const cut = await page.evaluate(() => {
          const canvas = document.createElement('canvas').getContext('2d');
          if (!canvas) return ['no canvas'];
          return Array.from(
            document.querySelectorAll<HTMLSelectElement>('.fac-person__move select'),
          )
            .map((select) => {
              const style = getComputedStyle(select);
              canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
              const text = select.selectedOptions[0]?.textContent ?? '';
              const room =
                select.clientWidth -
                parseFloat(style.paddingLeft) -
                parseFloat(style.paddingRight) -
                // Chromium's arrow.
                20;
              const needed = canvas.measureText(text).width;
              return needed > room ? `"${text}" needs ${Math.ceil(needed)} px, has ${room}` : '';
            })
            .filter(Boolean);
        });
        expect(cut).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
