import type { Browser, Page } from 'playwright-core';
import type {
  Course,
  JoinResponse,
  LoginResponse,
  ReviewLink,
  SessionMeta,
  StudioScenario,
  StudioTemplate,
} from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import { openPage, saveScreenshot, startServerAndBrowser, type BrowserTestServer } from './helpers';
import { accepted } from '../acks';

jest.setTimeout(600_000);

/*
 * Every screen at a phone (360 px), a laptop (1440 px) and a projector (1920 px), in English and
 * Serbian: no page scrolls sideways, no text is clipped or squeezed into a column too narrow for
 * its words (one letter per line), and no id meant for the program (req_…, RIGHTS.…, …_role, a
 * UUID where a name belongs, an i18n key) reaches the reader.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const SCENARIO = 'reefer-horgos';
const WIDTHS = [360, 1440, 1920] as const;
const LANGUAGES = ['en', 'sr-Latn'] as const;
/** Every language the client speaks, for the checks that words of other lengths can break. */
const ALL_LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
type Language = (typeof ALL_LANGUAGES)[number];

let server: BrowserTestServer;
let browser: Browser;
let login: LoginResponse;
let lobby: SessionMeta;
let live: SessionMeta;
let trainee: JoinResponse;
let course: Course;
let draft: StudioScenario;
const clients: SessionClient[] = [];

async function createSession(teams: string[]): Promise<SessionMeta> {
  return api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    {
      scenario: SCENARIO,
      teams,
      timeRatio: 0,
      details: {
        title: 'Joint investigations on the Horgoš crossing',
        organisation: 'Regional police training centre',
        place: 'Subotica',
        startsOn: '2026-03-12',
        endsOn: '2026-03-14',
        facilitators: ['Ana Petrović', 'Luka Ilić'],
      },
    },
    login.token,
  );
}

async function join(meta: SessionMeta, team: string, role: string, displayName: string) {
  return api<JoinResponse>(server.origin, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName,
    team,
    role,
  });
}

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  login = await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO);

  // A session waiting in its lobby, with people in both teams.
  lobby = await createSession(['Novi Sad', 'Subotica']);
  await join(lobby, 'team-a', 'border_police', 'Milica Jovanović');
  await join(lobby, 'team-b', 'prosecutor', 'Dragana Stojanović-Marković');

  // A running session where a trainee has decided with a rationale.
  live = await createSession(['Novi Sad', 'Subotica']);
  trainee = await join(live, 'team-a', 'border_police', 'Milica Jovanović');
  await join(live, 'team-a', 'prosecutor', 'Jelena Petrović');
  // The running session is part of a course; a scenario is being written in the studio.
  course = await api<Course>(
    server.origin,
    'POST',
    '/api/courses',
    { name: 'Horgoš cohort, spring intake' },
    login.token,
  );
  await api(
    server.origin,
    'PUT',
    `/api/courses/${course.id}/sessions/${live.id}`,
    undefined,
    login.token,
  );
  const templates = await api<StudioTemplate[]>(
    server.origin,
    'GET',
    '/api/studio/templates',
    undefined,
    login.token,
  );
  draft = await api<StudioScenario>(
    server.origin,
    'POST',
    '/api/studio/scenarios',
    { template: templates[0]?.id },
    login.token,
  );

  const facilitator = new SessionClient(
    server.origin,
    { kind: 'facilitator', token: login.token },
    live.id,
  );
  const player = new SessionClient(server.origin, {
    kind: 'participant',
    token: trainee.participantToken,
  });
  clients.push(facilitator, player);
  await facilitator.connected();
  await player.connected();
  accepted(await facilitator.send('session.start', {}), 'session.start');
  await player.until(() => player.view !== null, 5000, 'first view');
  const decision = player.view?.decisions.find((d) => d.enabled && !d.joint);
  const option = decision?.options.find((o) => o.enabled);
  if (decision && option) {
    accepted(
      await player.send('decision.submit', {
        decision: decision.id,
        option: option.id,
        confidence: 3,
        rationale: 'People first: open the doors and call a doctor.',
      }),
      'decision.submit',
    );
  }
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await browser?.close();
  await server?.close();
});

/**
 * A page as a user sees it: language chosen, staff signed in, the trainee's seat remembered (set
 * again before every load).
 */
async function open(width: number, language: Language, staffSignedIn = true) {
  const { context, page, problems } = await openPage(browser, { width, height: 900 });
  const staff = { token: login.token, account: login.account, expiresAt: login.expiresAt };
  const seat = {
    session: live.id,
    token: trainee.participantToken,
    participant: trainee.participant.id,
    displayName: trainee.participant.displayName,
    joinCode: live.joinCode ?? '',
    title: live.scenario.title,
    contentWarnings: [],
    language: 'en',
    joinedAt: trainee.participant.joinedAt,
  };
  // Set through the DevTools protocol before any page script runs (the CSP refuses inline scripts).
  await context.addInitScript(
    ([lang, staffJson, seatKey, seatJson]) => {
      localStorage.setItem('crossroads.language', lang);
      if (staffJson) sessionStorage.setItem('crossroads.staff', staffJson);
      localStorage.setItem(seatKey, seatJson);
    },
    [
      language,
      staffSignedIn ? JSON.stringify(staff) : '',
      `crossroads.trainee.credential.${live.id}`,
      JSON.stringify(seat),
    ] as const,
  );
  // Counts the app's requests in flight, for settled() below.
  await context.addInitScript(() => {
    const w = window as unknown as { pendingFetches: number };
    w.pendingFetches = 0;
    const original = window.fetch.bind(window);
    window.fetch = (...args: Parameters<typeof fetch>) => {
      w.pendingFetches += 1;
      return original(...args).finally(() => (w.pendingFetches -= 1));
    };
  });
  return { context, page, problems };
}

/** Animation frames in a row in which nothing may change before a page counts as settled. */
const QUIET_FRAMES = 6;

/**
 * Waits until the page has settled: loaded, fonts in, no request of the app in flight, the
 * socket no longer connecting, no finite animation running, and the DOM unchanged for
 * QUIET_FRAMES frames (late data and the socket's first snapshot are drawn by then). When it
 * never settles, the error says what kept it busy last, so a failure in a loaded CI run can be
 * told from a page that keeps redrawing.
 */
async function settled(page: Page, where: string): Promise<void> {
  try {
    await page.waitForFunction(
      (quietFrames) => {
        type Probe = { quiet: number; changes: string[]; busy: string };
        const w = window as unknown as { layoutProbe?: Probe; pendingFetches?: number };
        let probe = w.layoutProbe;
        if (!probe) {
          const created: Probe = { quiet: 0, changes: [], busy: '' };
          const name = (node: Node | null): string => {
            if (!(node instanceof Element))
              return node?.parentElement ? name(node.parentElement) : '?';
            const cls = typeof node.className === 'string' ? node.className.split(' ')[0] : '';
            return `${node.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
          };
          new MutationObserver((records) => {
            for (const r of records.slice(0, 3))
              created.changes.push(
                `${r.type}${r.attributeName ? `[${r.attributeName}]` : ''} of ${name(r.target)}`,
              );
          }).observe(document, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          w.layoutProbe = probe = created;
        }
        const running = document
          .getAnimations()
          .filter(
            (a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity,
          );
        const reasons = [
          probe.changes.length > 0 ? `DOM changed (${probe.changes.slice(0, 3).join('; ')})` : '',
          (w.pendingFetches ?? 0) > 0 ? `${w.pendingFetches} requests in flight` : '',
          document.readyState !== 'complete' ? `document ${document.readyState}` : '',
          document.fonts.status !== 'loaded' ? 'fonts loading' : '',
          document.querySelector('[data-connection="connecting"]') !== null
            ? 'socket connecting'
            : '',
          running.length > 0 ? `${running.length} animations running` : '',
        ].filter(Boolean);
        probe.changes = [];
        if (reasons.length > 0) probe.busy = reasons.join(', ');
        probe.quiet = reasons.length > 0 ? 0 : probe.quiet + 1;
        return probe.quiet >= quietFrames;
      },
      QUIET_FRAMES,
      // Generous: the full run shares two cores with every other suite.
      { polling: 'raf', timeout: 60_000 },
    );
  } catch (error) {
    const busy = await page
      .evaluate(() => (window as unknown as { layoutProbe?: { busy: string } }).layoutProbe?.busy)
      .catch(() => undefined);
    throw new Error(
      `${where} did not settle in 60 s; last busy: ${busy ?? 'unknown'} (${String(error)})`,
    );
  }
}

/** What is wrong with the page's layout, one line per finding (empty: nothing). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    // Nothing changes while this runs: each element's style, and what its ancestors make of it,
    // is worked out once (a page has thousands of elements, each asked about its ancestors).
    const styles = new Map<Element, CSSStyleDeclaration>();
    const style = (e: Element) => {
      let s = styles.get(e);
      if (!s) styles.set(e, (s = getComputedStyle(e)));
      return s;
    };
    const memo = (own: (e: Element) => boolean) => {
      const known = new Map<Element, boolean>();
      const withAncestors = (e: Element): boolean => {
        let result = known.get(e);
        if (result === undefined) {
          result = own(e) || (e.parentElement !== null && withAncestors(e.parentElement));
          known.set(e, result);
        }
        return result;
      };
      return withAncestors;
    };
    const concealed = memo((e) => {
      const s = style(e);
      return (
        s.display === 'none' ||
        s.visibility === 'hidden' ||
        // Visually hidden text for screen readers: clipped to nothing on purpose.
        s.clipPath.startsWith('inset(50%') ||
        s.clip === 'rect(0px, 0px, 0px, 0px)' ||
        (e.getAttribute('aria-hidden') === 'true' && e.tagName.toLowerCase() === 'svg')
      );
    });
    // Not rendered: display none, visibility hidden, or inside a closed <details> (whose content
    // Chromium skips with content-visibility, leaving boxes that are not where a reader sees them).
    const hidden = (el: Element) =>
      !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) ||
      concealed(el);
    const scrollsSideways = (el: Element | null) => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const s = style(e);
        if (['auto', 'scroll'].includes(s.overflowX) && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    /** How many lines a range of text covers. */
    const lineTops = (range: Range) =>
      new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    // Only the outermost element of a problem is named: its children stick out with it.
    const reported: Element[] = [];
    const texts: Element[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (reported.some((r) => r.contains(el))) continue;
      if (hidden(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Sticks out of the viewport (and not inside a region that scrolls on its own).
      if ((box.right > width + 1 || box.left < -1) && !scrollsSideways(el.parentElement)) {
        found.push(
          `outside the viewport (${Math.round(box.left)}..${Math.round(box.right)}): ${describe(el)}`,
        );
        reported.push(el);
        continue;
      }
      const s = style(el);
      const ownText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText) continue;
      // SVG text is placed by coordinates, not laid out in a box: Chromium's scroll and client
      // widths for it are meaningless (a chart label "wider" than itself). Its place on the page
      // is still checked above, and whether a control covers it below.
      if (el.closest('svg')) {
        texts.push(el);
        continue;
      }
      // Text wider than its box, spilling over what is next to it.
      if (
        !s.display.startsWith('inline') &&
        s.overflowX === 'visible' &&
        el.scrollWidth > el.clientWidth + 2 &&
        !scrollsSideways(el.parentElement)
      ) {
        found.push(
          `text wider than its box (${el.scrollWidth} > ${el.clientWidth}): ${describe(el)}`,
        );
        reported.push(el);
        continue;
      }
      // Text cut off by its own box (an ellipsis is a deliberate, readable cut).
      if (
        ['hidden', 'clip'].includes(s.overflowX) &&
        s.textOverflow !== 'ellipsis' &&
        el.scrollWidth > el.clientWidth + 2
      ) {
        found.push(`text clipped (${el.scrollWidth} > ${el.clientWidth}): ${describe(el)}`);
      }
      // A short plain word broken across lines: the box is narrower than its words.
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        // Text on one line has no word broken over two.
        const whole = document.createRange();
        whole.selectNodeContents(node);
        if (lineTops(whole) <= 1) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\p{L}{2,14}/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const tops = lineTops(range);
          if (tops > 1) {
            found.push(`word "${match[0]}" broken over ${tops} lines: ${describe(el)}`);
            break;
          }
        }
      }
      texts.push(el);
    }
    // Text covered by a control beside it (a name under a select, a label under a button).
    const pinned = memo((e) => ['fixed', 'sticky'].includes(style(e).position));
    const controls = Array.from(
      document.body.querySelectorAll('select, input, textarea, button, img'),
    ).filter((c) => !hidden(c));
    for (const el of texts) {
      const a = el.getBoundingClientRect();
      for (const c of controls) {
        if (c.contains(el) || el.contains(c)) continue;
        // The sticky status bar covers whatever scrolls under it: that is not a layout fault.
        if (pinned(c) !== pinned(el)) continue;
        const b = c.getBoundingClientRect();
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 4 && y > 4) {
          found.push(`text under <${c.tagName.toLowerCase()}>: ${describe(el)}`);
          break;
        }
      }
    }
    return [...new Set(found)].slice(0, 20);
  });
}

/** User-visible strings that are program ids, not words (empty: none). */
async function idLikeStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const patterns: [string, RegExp][] = [
      ['request id', /\breq_[a-z0-9_]+/],
      ['rule id', /\b(?:RIGHTS|EVIDENCE|PROCESS|RULE)\.[A-Z0-9_.]+/],
      ['role id', /\b[a-z]+(?:_[a-z0-9]+)*_role\b/],
      ['snake_case id', /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/],
      ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
      // A shortened id ("Participant 09cf76b6"): lower-case hex with both digits and letters.
      ['short hex id', /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8}\b/],
      [
        'i18n key',
        /\b(?:debrief|console|play|facilitate|studio|learning|home|nav|join|status|error|sessionDetails|language|app)\.[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\b/,
      ],
    ];
    const found: string[] = [];
    const check = (text: string, where: string) => {
      for (const [kind, re] of patterns) {
        const m = re.exec(text);
        if (m) found.push(`${kind} "${m[0]}" in ${where}`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [data-reference], [hidden]')) continue;
      if (!parent.checkVisibility()) continue;
      const text = node.textContent ?? '';
      if (text.trim())
        check(text, `<${parent.tagName.toLowerCase()}> "${text.trim().slice(0, 60)}"`);
    }
    for (const el of Array.from(
      document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    )) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) check(value, `${attr} of <${el.tagName.toLowerCase()}>`);
      }
    }
    check(document.title, 'the document title');
    return [...new Set(found)].slice(0, 20);
  });
}

interface Screen {
  name: string;
  path: () => string;
  /** What shows once the page has loaded. */
  ready: string;
}

const SCREENS: Screen[] = [
  { name: 'landing', path: () => '/', ready: 'main h1' },
  { name: 'join', path: () => `/join/${lobby.joinCode ?? ''}`, ready: 'main h1' },
  { name: 'sessions', path: () => '/facilitate', ready: '[data-session], main h1' },
  {
    name: 'new-session',
    path: () => '/facilitate/sessions/new',
    ready: '[data-session-details-form]',
  },
  { name: 'lobby', path: () => `/facilitate/sessions/${lobby.id}`, ready: '.fac-lobby' },
  {
    name: 'lobby-projector',
    path: () => `/facilitate/sessions/${lobby.id}?view=projector`,
    ready: '[data-projector] [data-joined]',
  },
  {
    name: 'console',
    path: () => `/facilitate/sessions/${live.id}`,
    ready: '[data-team-card], .fac-console',
  },
  {
    name: 'console-projector',
    path: () => `/facilitate/sessions/${live.id}?view=projector`,
    ready: '[data-projector] [data-team]',
  },
  // The clock shows once the socket's snapshot has brought the trainee's view.
  { name: 'play', path: () => `/play/${live.id}`, ready: '.tr-head [data-clock]' },
  { name: 'observe', path: () => `/observe/${live.id}`, ready: '.fac-console' },
  { name: 'scenarios', path: () => '/facilitate/scenarios', ready: 'main h1' },
  { name: 'courses', path: () => '/facilitate/courses', ready: 'main h1' },
  { name: 'studio', path: () => '/facilitate/studio', ready: '.studio-home' },
  {
    name: 'studio-scenario',
    path: () => `/facilitate/studio/${draft.id}`,
    ready: '.studio-page h1, main h1',
  },
  { name: 'debriefs', path: () => '/debriefs', ready: 'main h1' },
];

/** What someone who has not signed in sees. */
const SIGNED_OUT: Screen[] = [
  { name: 'login', path: () => '/facilitate', ready: 'input[type=password]' },
  { name: 'join-code', path: () => '/join', ready: 'main h1' },
  { name: 'debriefs-sign-in', path: () => '/debriefs', ready: 'main h1' },
  { name: 'not-found', path: () => '/no-such-page', ready: 'main h1' },
];

/** LAYOUT_SCREENSHOTS=1 saves every screen checked; otherwise only those with findings. */
const ALL_SCREENSHOTS = process.env.LAYOUT_SCREENSHOTS === '1';

/**
 * The page's findings once they hold: a resize reaches the parts sized by ResizeObserver (the
 * debrief's charts) through a React render that a loaded machine can delay past the quiet frames,
 * so a finding gone within a few seconds was the page catching up. A real one stays and is
 * reported as last seen.
 */
async function findingsThatHold(page: Page, where: string): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = [...(await layoutProblems(page)), ...(await idLikeStrings(page))];
    if (found.length === 0 || Date.now() > deadline) return found;
    await page.waitForTimeout(250);
    await settled(page, where);
  }
}

/** Changes the language as a reader does, with the switch in the header (no reload). */
async function switchLanguage(page: Page, language: Language): Promise<void> {
  // Forced: the projector view hides the header, but its switch still works.
  await page.locator('.language-switch__select').selectOption(language, { force: true });
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Goes to another screen inside the app, as a link does (no reload: the code, the signed-in
 * state and the socket stay), and waits until the new screen shows: an element matching
 * `ready` that was not on the page before (the old screen stays until the new one's code is in).
 */
async function navigate(page: Page, to: string, ready: string): Promise<void> {
  await page.evaluate((path) => {
    const w = window as unknown as { layoutBefore: WeakSet<Element> };
    w.layoutBefore = new WeakSet(Array.from(document.querySelectorAll('*')));
    // What the router follows: the address changed by history, then told with popstate.
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, to);
  await page.waitForFunction(
    (selector) => {
      const w = window as unknown as { layoutBefore: WeakSet<Element> };
      return Array.from(document.querySelectorAll(selector)).some((e) => !w.layoutBefore.has(e));
    },
    ready,
    // Generous: the full run shares two cores with every other suite.
    { timeout: 60_000 },
  );
}

async function checkScreens(
  screens: Screen[],
  label: string,
  staffSignedIn = true,
): Promise<string[]> {
  const failures: string[] = [];
  const [first, second] = LANGUAGES;
  // One page for all. The first screen is loaded; the others are reached inside the app, as a
  // reader follows a link. Each screen is checked at every width in one language by resizing
  // the window, then switched to the other language in the app (as a reader does) and checked
  // at every width again (CSS and the client's media-query hooks follow a resize and a change
  // of language; nothing measures only at start). Screens take turns: one first shows in
  // English at the narrowest width and grows, then shrinks in Serbian; the next first shows in
  // Serbian at the widest width and shrinks, then grows in English.
  const { context, page } = await open(WIDTHS[0], first, staffSignedIn);
  try {
    for (const [i, screen] of screens.entries()) {
      const passes: [Language, number[]][] =
        i % 2 === 0
          ? [
              [first, [...WIDTHS]],
              [second, [...WIDTHS].reverse()],
            ]
          : [
              [second, [...WIDTHS].reverse()],
              [first, [...WIDTHS]],
            ];
      for (const [p, [language, widths]] of passes.entries()) {
        if (p === 0) {
          // The screen first shows at the width its language starts at.
          await page.setViewportSize({ width: widths[0] ?? 1440, height: 900 });
          if (i === 0) {
            await page.goto(`${server.origin}${screen.path()}`);
            // Generous: the full run shares two cores with every other suite.
            await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
          } else {
            await navigate(page, screen.path(), screen.ready);
          }
        }
        if ((await page.evaluate(() => document.documentElement.lang)) !== language)
          await switchLanguage(page, language);
        for (const width of widths) {
          await page.setViewportSize({ width, height: 900 });
          const where = `${label}/${screen.name} ${width}px ${language}`;
          await settled(page, where);
          const found = await findingsThatHold(page, where);
          for (const f of found) failures.push(`${where}: ${f}`);
          if (ALL_SCREENSHOTS || found.length > 0)
            await saveScreenshot(page, `layout-${screen.name}-${width}-${language}`);
        }
      }
    }
  } finally {
    await context.close();
  }
  return failures;
}

describe('the checks themselves', () => {
  test('find sideways scrolling, squeezed words, clipped text and ids; pass a clean page', async () => {
    const { context, page } = await openPage(browser, { width: 360, height: 700 });
    try {
      await page.setContent(`<main>
        <div id="wide" style="width: 500px">wide</div>
        <div style="width: 18px; overflow-wrap: anywhere">Facilitator</div>
        <div style="width: 40px">Prosecutor</div>
        <div style="width: 60px; overflow: hidden; white-space: nowrap">A long clipped line</div>
        <p>Request req_warrant_phone from border_police_role under RIGHTS.ART3</p>
        <p>debrief.header.session 3f2a1b4c-1d2e-4f00-8a9b-0c1d2e3f4a5b</p>
        <p aria-label="agency_border_police">x</p>
        <p>Participant 09cf76b6</p>
        <div style="position: relative; height: 40px">
          <span style="position: absolute; left: 0; width: 200px">Crossroads training</span>
          <select style="position: absolute; left: 60px; width: 120px"><option>English</option></select>
        </div>
      </main>`);
      const layout = await layoutProblems(page);
      expect(layout.some((p) => p.startsWith('page scrolls sideways'))).toBe(true);
      expect(layout.some((p) => p.includes('word "Facilitator" broken'))).toBe(true);
      expect(layout.some((p) => p.startsWith('text clipped'))).toBe(true);
      expect(layout.some((p) => p.startsWith('text wider than its box'))).toBe(true);
      expect(layout.some((p) => p.startsWith('text under <select>'))).toBe(true);
      const ids = (await idLikeStrings(page)).join('\n');
      for (const kind of [
        'request id',
        'rule id',
        'role id',
        'uuid',
        'short hex id',
        'i18n key',
        'snake_case id',
      ])
        expect(ids).toContain(kind);
      expect(ids).toContain('aria-label');

      await page.setContent(`<main><h1>Crossroads</h1><p>Team A decided: open the doors.</p>
        <svg viewBox="0 0 400 40" width="200"><text x="0" y="20">Human rights, session by session</text></svg>
        <p data-reference>Session ID 3f2a1b4c-1d2e-4f00-8a9b-0c1d2e3f4a5b</p></main>`);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await idLikeStrings(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the trainee's tabs on a phone", () => {
  /** Where each tab is, against the screen and the tab bar, once the play area shows. */
  async function tabBoxes(page: Page) {
    return page.evaluate(() => {
      const list = document.querySelector('[role="tablist"]');
      const listBox = list?.getBoundingClientRect();
      return {
        width: document.documentElement.clientWidth,
        listScrolls: list ? list.scrollWidth > list.clientWidth + 1 : true,
        listLeft: listBox?.left ?? 0,
        listRight: listBox?.right ?? 0,
        tabs: Array.from(document.querySelectorAll('[role="tab"]')).map((tab) => {
          const box = tab.getBoundingClientRect();
          const label = tab.querySelector('.tr-tab__label');
          return {
            name: (label?.textContent ?? '').trim(),
            left: box.left,
            right: box.right,
            labelClipped: label ? label.scrollWidth > label.clientWidth + 1 : true,
            fontPx: label ? Number.parseFloat(getComputedStyle(label).fontSize) : 0,
          };
        }),
      };
    });
  }

  test('at 360 px every tab is whole on screen in every language, and the arrow keys still move between them', async () => {
    const failures: string[] = [];
    // One page: loaded once, then switched from language to language in the app, as a reader does.
    const { context, page } = await open(360, ALL_LANGUAGES[0]);
    try {
      // The briefing was read: the play area and its tabs show.
      await context.addInitScript(([key, seat]) => localStorage.setItem(key, seat), [
        `crossroads.trainee.briefing.${live.id}`,
        'team-a:border_police',
      ] as const);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.origin}/play/${live.id}`);
      await page.locator('[role="tablist"]').waitFor({ timeout: 60_000 });
      for (const [i, language] of ALL_LANGUAGES.entries()) {
        if (i > 0) await switchLanguage(page, language);
        await settled(page, `tabs 360px ${language}`);
        const found = await tabBoxes(page);
        expect(found.tabs).toHaveLength(5);
        if (found.listScrolls) failures.push(`${language}: the tab bar scrolls sideways`);
        for (const tab of found.tabs) {
          const where = `${language} "${tab.name}" (${Math.round(tab.left)}..${Math.round(tab.right)})`;
          if (tab.left < -0.5 || tab.right > found.width + 0.5)
            failures.push(`${where}: outside the ${found.width} px screen`);
          if (tab.left < found.listLeft - 0.5 || tab.right > found.listRight + 0.5)
            failures.push(`${where}: outside the tab bar`);
          if (tab.labelClipped) failures.push(`${where}: label cut off`);
          // Still readable: the labels are not shrunk below 12 px to make them fit.
          if (tab.fontPx < 12) failures.push(`${where}: ${tab.fontPx} px text`);
        }
        if (ALL_SCREENSHOTS || failures.length > 0)
          await saveScreenshot(page, `layout-tabs-360-${language}`);

        // One tab stop; the arrow keys, Home and End move the selection and the focus.
        const tabs = page.getByRole('tab');
        await expect(page.locator('[role="tab"][tabindex="0"]').count()).resolves.toBe(1);
        await tabs.first().click();
        await page.keyboard.press('End');
        await expect(tabs.last().getAttribute('aria-selected')).resolves.toBe('true');
        await expect(tabs.last().evaluate((el) => el === document.activeElement)).resolves.toBe(
          true,
        );
        await page.keyboard.press('ArrowRight');
        await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
        await page.keyboard.press('ArrowLeft');
        await expect(tabs.last().getAttribute('aria-selected')).resolves.toBe('true');
        await expect(page.locator('[role="tab"][tabindex="0"]').count()).resolves.toBe(1);
        await page.keyboard.press('Home');
        await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
      }
    } finally {
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});

describe('every screen fits its width and speaks words, not ids', () => {
  test('the landing, join, facilitator and trainee screens', async () => {
    const failures = await checkScreens(SCREENS, 'live');
    expect(failures).toEqual([]);
  });

  test('the sign-in, join and not-found screens of someone not signed in', async () => {
    const failures = await checkScreens(SIGNED_OUT, 'signed-out', false);
    expect(failures).toEqual([]);
  });

  test('the debrief and its review page, once the session has ended', async () => {
    const facilitator = clients[0];
    if (!facilitator) throw new Error('no facilitator client');
    accepted(await facilitator.send('session.end', {}), 'session.end');
    accepted(await facilitator.send('debrief.release', {}), 'debrief.release');
    const link = await api<ReviewLink>(
      server.origin,
      'POST',
      `/api/sessions/${live.id}/review-links`,
      {},
      login.token,
    );
    const today = new Date().toISOString().slice(0, 10);
    const failures = await checkScreens(
      [
        { name: 'debrief', path: () => `/debriefs/${live.id}`, ready: '[data-debrief]' },
        {
          name: 'review',
          path: () => `/review/${link.token}`,
          ready: '[data-debrief]',
        },
        { name: 'play-ended', path: () => `/play/${live.id}`, ready: '.tr-head [data-clock]' },
        { name: 'aar', path: () => `/debriefs/${live.id}/aar`, ready: '[data-aar-revision]' },
        {
          name: 'participation',
          path: () => `/debriefs/${live.id}/participation`,
          ready: '[data-participation]',
        },
        {
          name: 'participation-range',
          path: () => `/reports/participation?from=${today}&to=${today}`,
          ready: '[data-participation]',
        },
        {
          name: 'review-aar',
          path: () => `/review/${link.token}/aar`,
          ready: '[data-aar-revision]',
        },
        {
          name: 'review-participation',
          path: () => `/review/${link.token}/participation`,
          ready: '[data-participation]',
        },
        // The course's trends, once one of its sessions has a debrief.
        {
          name: 'course',
          path: () => `/facilitate/courses/${course.id}`,
          ready: '[data-trends="ready"]',
        },
      ],
      'ended',
    );
    // The trainee's own debrief: their team, their own name.
    failures.push(
      ...(await checkScreens(
        [{ name: 'debrief-trainee', path: () => `/debriefs/${live.id}`, ready: '[data-debrief]' }],
        'trainee',
        false,
      )),
    );
    expect(failures).toEqual([]);
  });

  test('the review link: its button stays readable after a click, its field is a styled field', async () => {
    const { context, page } = await open(1440, 'en');
    try {
      await page.goto(`${server.origin}/debriefs/${live.id}`);
      await page.locator('[data-debrief]').waitFor({ timeout: 60_000 });
      const create = page.getByRole('button', { name: 'Create a read-only link for reviewers' });
      await create.click();
      const field = page.locator('[data-review-link]');
      await field.waitFor();
      // The pointer is still on the button after the click: its hover colours must be legible.
      await create.hover();
      const look = await create.evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor };
      });
      expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(4.5);
      const box = await field.evaluate((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          border: Number.parseFloat(s.borderTopWidth),
          radius: Number.parseFloat(s.borderTopLeftRadius),
          height: r.height,
          width: r.width,
        };
      });
      expect(box.border).toBeGreaterThanOrEqual(2);
      expect(box.radius).toBeGreaterThan(0);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThan(300);
      await saveScreenshot(page, 'layout-review-link-1440-en');
    } finally {
      await context.close();
    }
  });
});

/** WCAG contrast ratio of two computed CSS colours (rgb/rgba, opaque). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (c: number) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
