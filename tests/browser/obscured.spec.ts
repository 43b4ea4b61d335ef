import type { Browser, Page } from 'playwright-core';
import type { JoinResponse, LoginResponse, SessionMeta } from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import { saveScreenshot, startServerAndBrowser, type BrowserTestServer } from './helpers';
import { accepted } from '../acks';

jest.setTimeout(300_000);

/*
 * Nothing hides under what stays on screen while the page scrolls (the trainee's sticky bar and
 * chat button, the status bar at the foot of every page): no line of text shows half beside a
 * floating control, and keyboard focus never lands where a sticky bar or an open panel hides it.
 * The trainee page on a 390x844 phone and a 1366x768 laptop, in English and Serbian.
 */

let server: BrowserTestServer;
let browser: Browser;
let live: SessionMeta;
let trainee: JoinResponse;
const clients: SessionClient[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  const login = await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', {
    username: 'facilitator',
    password: 'crossroads-demo',
  });
  live = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'reefer-horgos', teams: ['Novi Sad', 'Subotica'], timeRatio: 0 },
    login.token,
  );
  trainee = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
    code: live.joinCode,
    displayName: 'Milica Jovanović',
    team: 'team-a',
    role: 'border_police',
  });
  const facilitator = new SessionClient(
    server.origin,
    { kind: 'facilitator', token: login.token },
    live.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  accepted(await facilitator.send('session.start', {}), 'session.start');
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
});

/** The trainee's page past the briefing, at one size and in one language. */
async function openPlay(width: number, height: number, language: string) {
  const context = await browser.newContext({
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  const seat = {
    session: live.id,
    token: trainee.participantToken,
    participant: trainee.participant.id,
    displayName: trainee.participant.displayName,
    joinCode: live.joinCode ?? '',
    title: live.scenario.title,
    contentWarnings: [],
    language,
    joinedAt: trainee.participant.joinedAt,
  };
  await context.addInitScript(
    ([lang, key, json]) => {
      localStorage.setItem('crossroads.language', lang);
      localStorage.setItem(key, json);
    },
    [language, `crossroads.trainee.credential.${live.id}`, JSON.stringify(seat)] as const,
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/play/${live.id}`);
  await page.locator('.tr-head [data-clock]').waitFor();
  const start = page.locator('.tr-briefing button[type="button"], .tr-briefing button').last();
  if ((await start.count()) > 0) await start.click();
  await page.locator('[data-layout]').waitFor();
  return { context, page };
}

/**
 * Scrolls down the page a step at a time (90 px, one frame after each step), collecting the lines
 * of text partly hidden by something that stays on screen: sampled along the middle of each line,
 * some points show the text and others a sticky or fixed element. A line wholly under an opaque
 * bar (scrolled beneath a header) is not reported: that is scrolling. The whole walk runs in the
 * page, in one call.
 */
async function scrollAndLook(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const halfCovered = (): string[] => {
      const pinnedRoot = (el: Element | null): Element | null => {
        for (let e = el; e; e = e.parentElement) {
          const p = getComputedStyle(e).position;
          if (p === 'sticky' || p === 'fixed') return e;
        }
        return null;
      };
      // Something on a pinned layer that hides what is under it: a control, an image, or a box
      // with a background. A transparent wrapper of the layer hides nothing.
      const paints = (el: Element): boolean => {
        const root = pinnedRoot(el);
        if (!root) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          if (e.matches('button, a, input, select, textarea, img, svg')) return true;
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return true;
          if (e === root) break;
        }
        return false;
      };
      const found: string[] = [];
      const height = document.documentElement.clientHeight;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const owner = node.parentElement;
        if (!text || !owner || pinnedRoot(owner) || !owner.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of Array.from(range.getClientRects())) {
          const y = line.top + line.height / 2;
          if (line.width < 8 || y < 0 || y > height) continue;
          let shown = 0;
          let hidden = '';
          // Every 10 px along the line: a control over its last letters is found too.
          for (let x = line.left + 2; x < line.right - 1; x += 10) {
            for (const hit of document.elementsFromPoint(x, y)) {
              if (hit === owner || owner.contains(hit)) {
                shown += 1;
                break;
              }
              if (paints(hit)) {
                hidden = (hit.closest('button, a')?.textContent ?? hit.className) || hit.tagName;
                break;
              }
            }
          }
          if (shown > 0 && hidden) {
            found.push(`"${text.slice(0, 40)}" half under ${String(hidden).trim().slice(0, 30)}`);
            break;
          }
        }
      }
      return found;
    };
    const found = new Set<string>();
    const total = document.documentElement.scrollHeight;
    for (let y = 0; y <= total; y += 90) {
      window.scrollTo(0, y);
      // A frame, or 250 ms if Chromium paints none (it may stop painting a page it deems hidden,
      // and this wait would then never end; elementsFromPoint lays the page out itself anyway).
      await new Promise((r) => {
        requestAnimationFrame(() => r(null));
        setTimeout(() => r(null), 250);
      });
      for (const f of halfCovered()) found.add(`at ${y}px: ${f}`);
    }
    return [...found];
  });
}

/** Where keyboard focus is hidden (by a sticky bar, an open panel, or off screen), or ''. */
async function focusHidden(page: Page): Promise<string> {
  return page.evaluate(async () => {
    // Two frames, or 250 ms if none is painted (see scrollAndLook).
    await new Promise((r) => {
      requestAnimationFrame(() => requestAnimationFrame(() => r(null)));
      setTimeout(() => r(null), 250);
    });
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const box = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    if (box.width <= 1 || box.height <= 1) return '';
    const height = document.documentElement.clientHeight;
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, height);
    if (bottom - top < 4) return `${name} is off screen`;
    const x = box.left + Math.min(box.width / 2, 20);
    // Small controls must show whole; a big region (a tab panel) at least where it is in view.
    const ys = box.height < height / 2 ? [box.top + 3, box.bottom - 3] : [(top + bottom) / 2];
    for (const y of ys) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) || el.contains(hit))) {
        const cover = hit?.closest('button, a, section, footer, div')?.className ?? hit?.tagName;
        return `${name} is under ${String(cover).split(' ')[0]}`;
      }
    }
    return '';
  });
}

/** Tabs through the page (and back a little), collecting every stop where focus is hidden. */
async function tabAndLook(page: Page, presses: number): Promise<string[]> {
  const found = new Set<string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').focus();
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    const hidden = await focusHidden(page);
    if (hidden) found.add(`Tab ${i + 1}: ${hidden}`);
  }
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Shift+Tab');
    const hidden = await focusHidden(page);
    if (hidden) found.add(`Shift+Tab ${i + 1}: ${hidden}`);
  }
  return [...found];
}

describe('nothing hides under what stays on screen', () => {
  // The four pages are checked at the same time, each in a context of its own: most of a check is
  // waiting for frames after a scroll or a key press, which the others fill. None of them changes
  // the session (no command is sent), so what one page shows does not depend on the others.
  test.concurrent.each([
    ['laptop', 1366, 768, 'en'],
    ['laptop', 1366, 768, 'sr-Latn'],
    ['phone', 390, 844, 'en'],
    ['phone', 390, 844, 'sr-Latn'],
  ] as const)('the trainee page on a %s (%ix%i, %s)', async (_kind, width, height, language) => {
    const { context, page } = await openPlay(width, height, language);
    try {
      const problems: string[] = [];
      const wide = (await page.locator('[data-layout="columns"]').count()) > 0;
      if (wide) {
        problems.push(...(await scrollAndLook(page)));
        problems.push(...(await tabAndLook(page, 60)));
        // The chat opened from the sticky bar, then left with Tab: focus does not go on to
        // controls the open chat covers.
        await page.evaluate(() => window.scrollTo(0, 600));
        await page.locator('[data-chat-toggle]').focus();
        await page.keyboard.press('Enter');
        await page.locator('.tr-chatdock textarea').waitFor();
        // Far enough to reach the right column, which the open chat hangs over.
        for (let i = 0; i < 40; i += 1) {
          await page.keyboard.press('Tab');
          const hidden = await focusHidden(page);
          if (hidden) problems.push(`after the chat, Tab ${i + 1}: ${hidden}`);
        }
      } else {
        for (const tab of ['requests', 'decisions', 'casefile']) {
          await page.locator(`[role="tab"][id$="-tab-${tab}"]`).click();
          problems.push(...(await scrollAndLook(page)).map((p) => `${tab}: ${p}`));
          problems.push(...(await tabAndLook(page, 40)).map((p) => `${tab}: ${p}`));
        }
      }
      if (problems.length > 0)
        await saveScreenshot(page, `obscured-${width}x${height}-${language}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
