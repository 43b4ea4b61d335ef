import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { JoinResponse, LoginResponse, SessionMeta } from '@crossroads/shared';
import { api, SessionClient } from '../../apps/server/bench/session-client';
import {
  type BrowserTestServer,
  keepStaffLogin,
  newContext,
  openTab,
  REPO_ROOT,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
} from './helpers';
import { accepted } from '../acks';

jest.setTimeout(180_000);

/*
 * The facilitator's request queue in Chromium against the real server: three teams send the same
 * request, each with its own justification; two of them have no prosecutor, so the facilitator
 * answers both at once; the third team's request to the facilitator-played interpreter service
 * leaves the queue when that team's run ends. Screenshot: artifacts/screenshots/requests-*.png.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
const WHY = {
  'team-a': 'Amir speaks Dari only; we cannot interview him without an interpreter.',
  'team-b': 'The phone holds the messages with the organiser; the driver refused to unlock it.',
  'team-c': 'Chats on the phone show who paid whom; we need the order before the data is lost.',
} as const;

const ORDER_BODY = "The border police ask for an order to search the driver's phone.";

let server: BrowserTestServer;
let browser: Browser;
let catalogueDir: string;
const previousCatalogue = process.env.CROSSROADS_CATALOGUE_DIR;
const clients: SessionClient[] = [];
/**
 * The tests' pages open as tabs of three contexts, one a person: the facilitator's console, the
 * trainee who sends the request, the trainee who answers it. So the client's scripts are fetched
 * and compiled once a person, not once a page. Two trainees of one session never share a context:
 * their credentials are kept in localStorage under the session's id.
 */
let staff: BrowserContext;
let senders: BrowserContext;
let answerers: BrowserContext;

beforeAll(async () => {
  catalogueDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-requests-catalogue-'));
  // The mini scenario, its search order saying what it asks (the fixture's requests have no body).
  const mini = readFileSync(
    path.join(REPO_ROOT, 'packages', 'scenarios', 'test', 'fixtures', 'mini.yaml'),
    'utf8',
  );
  const withBody = mini.replace(
    "      en: Order to search the driver's phone\n      sr-Latn: Naredba za pretragu telefona vozača\n",
    `$&    body:\n      en: ${ORDER_BODY}\n      sr-Latn: Granična policija traži naredbu za pretragu telefona vozača.\n`,
  );
  if (withBody === mini) throw new Error('the mini scenario no longer has the search order title');
  writeFileSync(path.join(catalogueDir, 'mini.yaml'), withBody);
  process.env.CROSSROADS_CATALOGUE_DIR = catalogueDir;
  ({ server, browser } = await startServerAndBrowser());
  [staff, senders, answerers] = await Promise.all([
    newContext(browser),
    newContext(browser),
    newContext(browser),
  ]);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await browser?.close();
  await server?.close();
  if (previousCatalogue === undefined) delete process.env.CROSSROADS_CATALOGUE_DIR;
  else process.env.CROSSROADS_CATALOGUE_DIR = previousCatalogue;
  rmSync(catalogueDir, { recursive: true, force: true });
});

async function connect(client: SessionClient): Promise<SessionClient> {
  clients.push(client);
  await client.connected();
  await client.until(() => client.snapshot !== null, 5000, 'snapshot');
  return client;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await runAxe(page);
  expect({ screen, violations: blockingViolations(results) }).toEqual({ screen, violations: [] });
}

test('the same request of several teams is answered at once; ended teams leave the queue', async () => {
  const auth = await api<{ token: string }>(server.origin, 'POST', '/api/auth/login', DEMO);
  const meta = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: ['Novi Sad', 'Subotica', 'Sombor'], timeRatio: 0 },
    auth.token,
  );
  const facilitator = await connect(
    new SessionClient(server.origin, { kind: 'facilitator', token: auth.token }, meta.id),
  );
  const seat = async (team: string, role: string) => {
    const joined = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: `${role} ${team}`,
      team,
      role,
    });
    return connect(
      new SessionClient(server.origin, { kind: 'participant', token: joined.participantToken }),
    );
  };
  const bp = {
    'team-a': await seat('team-a', 'border_police'),
    'team-b': await seat('team-b', 'border_police'),
    'team-c': await seat('team-c', 'border_police'),
  };
  // Only Novi Sad has a prosecutor; Subotica and Sombor have nobody to answer the search order.
  await seat('team-a', 'prosecutor');
  accepted(await facilitator.send('session.start', {}), 'start');
  for (const [team, client] of Object.entries(bp)) {
    await client.until(() => client.view !== null, 5000, 'view');
    accepted(
      await client.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
      'open the van',
    );
    const request = team === 'team-a' ? 'video_interpreter' : 'search_order';
    accepted(
      await client.send('request.send', {
        request,
        justification: WHY[team as keyof typeof WHY],
      }),
      `${team} ${request}`,
    );
  }

  // The console opens logged in (the staff login lives in sessionStorage).
  const { page, problems } = await openTab(staff, { width: 1440, height: 960 });
  await keepStaffLogin(
    page,
    await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO),
  );
  await page.goto(`${server.origin}/facilitate/sessions/${meta.id}`);
  const queue = page.getByRole('region', { name: 'Requests waiting for you (3)' });
  await queue.waitFor();
  const order = queue.locator('[data-request="search_order"]');
  await expect(order.getByText('2 teams waiting').count()).resolves.toBe(1);
  await expect(order.locator('[data-answerer="absent"]').count()).resolves.toBe(2);
  const orderText = (await order.textContent()) ?? '';
  expect(orderText).toContain(WHY['team-b']);
  expect(orderText).toContain(WHY['team-c']);
  expect(orderText).toContain('Nobody playing Prosecutor is present in this team');
  // Novi Sad's search order is not sent; its interpreter request waits for the facilitator.
  await expect(
    queue.locator('[data-request="video_interpreter"]').textContent(),
  ).resolves.toContain(WHY['team-a']);
  await queue.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'requests-01-grouped-queue');
  await expectAccessible(page, 'grouped request queue');

  await order.getByLabel(/Answer of Prosecutor/).fill('Order issued by the duty prosecutor.');
  await order.getByRole('button', { name: 'Grant for all 2 teams' }).click();
  for (const team of ['team-b', 'team-c'] as const) {
    const client = bp[team];
    await client.until(
      () => client.view?.requests.find((r) => r.request === 'search_order')?.status === 'granted',
      5000,
      `the grant in ${team}`,
    );
  }
  await page.getByRole('region', { name: 'Requests waiting for you (1)' }).waitFor();
  // The timeline names agencies by their short names and shows the double grant as one row.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const granted = timeline.locator('li[data-type="request.answered"]');
  await granted.first().waitFor();
  await expect(granted.count()).resolves.toBe(1);
  await expect(granted.getAttribute('data-teams')).resolves.toBe('2');
  await expect(granted.textContent()).resolves.toContain('Subotica, Sombor');
  await timeline.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'requests-02-timeline');

  // Novi Sad runs out of time: its request can no longer be answered and leaves the queue.
  accepted(
    await facilitator.send('clock.advance', { minutes: 240, team: 'team-a' }),
    'advance Novi Sad',
  );
  await page
    .getByRole('region', { name: /Requests waiting for you/ })
    .waitFor({ state: 'detached' });
  expect(problems.errors).toEqual([]);
  await page.close();
});

/** A trainee's play screen on a phone, for a seat joined through the API. */
async function playPage(context: BrowserContext, meta: SessionMeta, joined: JoinResponse) {
  const { page, problems } = await openTab(context, { width: 360, height: 740 });
  const seat = {
    session: meta.id,
    token: joined.participantToken,
    participant: joined.participant.id,
    displayName: joined.participant.displayName,
    joinCode: meta.joinCode ?? '',
    title: meta.scenario.title,
    contentWarnings: [],
    language: 'en',
    joinedAt: joined.participant.joinedAt,
  };
  // Set before any page script runs (the CSP refuses inline scripts).
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    `crossroads.trainee.credential.${meta.id}`,
    JSON.stringify(seat),
  ] as const);
  await page.goto(`${server.origin}/play/${meta.id}`);
  await page.getByRole('button', { name: 'I have read this: start' }).click();
  await page.getByRole('tab', { name: /^Requests/ }).click();
  return { page, problems };
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === null || el === document.body ? 'body' : (el.textContent ?? '').trim();
  });

test('a request sent or answered with the keyboard keeps the focus on the page', async () => {
  const auth = await api<{ token: string }>(server.origin, 'POST', '/api/auth/login', DEMO);
  const meta = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    auth.token,
  );
  const facilitator = await connect(
    new SessionClient(server.origin, { kind: 'facilitator', token: auth.token }, meta.id),
  );
  const join = (role: string) =>
    api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: role,
      role,
    });
  const police = await join('border_police');
  const prosecutor = await join('prosecutor');
  accepted(await facilitator.send('session.start', {}), 'start');
  // The order can be asked for once the van is open (screening).
  const policeClient = await connect(
    new SessionClient(server.origin, { kind: 'participant', token: police.participantToken }),
  );
  await policeClient.until(() => policeClient.view !== null, 5000, 'view');
  accepted(
    await policeClient.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    'open the van',
  );

  const sender = await playPage(senders, meta, police);
  const row = sender.page.locator('[data-sendable="search_order"]');
  await row.getByRole('button', { name: 'Prepare request' }).focus();
  await sender.page.keyboard.press('Enter');
  await sender.page.keyboard.type(WHY['team-b']);
  await sender.page.keyboard.press('Tab');
  await expect(focused(sender.page)).resolves.toBe('Send request');
  await sender.page.keyboard.press('Enter');
  const sent = sender.page.locator('[data-request="search_order"][data-direction="outgoing"]');
  await sent.waitFor();
  // The sent request waits for its answer, so its row left the list it was sent from: the focus
  // goes to the list of sent requests, not back to the top of the page.
  await expect(row.isVisible()).resolves.toBe(false);
  await sender.page.waitForFunction(() => document.activeElement !== document.body);
  await expect(focused(sender.page)).resolves.toBe('Sent by your agency (1)');

  const answerer = await playPage(answerers, meta, prosecutor);
  const incoming = answerer.page.locator(
    '[data-request="search_order"][data-direction="incoming"]',
  );
  await incoming.getByLabel('Your reason', { exact: true }).focus();
  await answerer.page.keyboard.type('Order issued by the duty prosecutor.');
  await answerer.page.keyboard.press('Tab');
  await expect(focused(answerer.page)).resolves.toBe('Grant');
  await answerer.page.keyboard.press('Enter');
  await incoming.locator('[data-request-status="granted"]').waitFor();
  // The answer form is gone with its buttons: the focus is on the request, which says granted.
  await answerer.page.waitForFunction(() => document.activeElement !== document.body);
  await expect(focused(answerer.page)).resolves.toMatch(/^Order to search the driver's phone\s*✓/);
  await expectAccessible(answerer.page, 'answered request');

  expect(sender.problems.errors).toEqual([]);
  expect(answerer.problems.errors).toEqual([]);
  await sender.page.close();
  await answerer.page.close();
});

test('a request says what it asks, and sent again keeps the refusal on both screens and the console', async () => {
  const auth = await api<{ token: string }>(server.origin, 'POST', '/api/auth/login', DEMO);
  const meta = await api<SessionMeta>(
    server.origin,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    auth.token,
  );
  const facilitator = await connect(
    new SessionClient(server.origin, { kind: 'facilitator', token: auth.token }, meta.id),
  );
  const join = (role: string) =>
    api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: role,
      role,
    });
  const police = await join('border_police');
  const prosecutor = await join('prosecutor');
  accepted(await facilitator.send('session.start', {}), 'start');
  const policeClient = await connect(
    new SessionClient(server.origin, { kind: 'participant', token: police.participantToken }),
  );
  const prosecutorClient = await connect(
    new SessionClient(server.origin, { kind: 'participant', token: prosecutor.participantToken }),
  );
  await policeClient.until(() => policeClient.view !== null, 5000, 'view');
  accepted(
    await policeClient.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    'open the van',
  );

  // The sender reads what the request asks before sending it.
  const sender = await playPage(senders, meta, police);
  await expect(
    sender.page.locator('[data-sendable="search_order"]').textContent(),
  ).resolves.toContain(ORDER_BODY);

  const REFUSAL = 'No grounds given: say what the phone should show.';
  accepted(
    await policeClient.send('request.send', { request: 'search_order', justification: 'Chats.' }),
    'send',
  );
  await prosecutorClient.until(
    () => prosecutorClient.view?.requests.some((r) => r.request === 'search_order') ?? false,
    5000,
    'the request arrives',
  );
  accepted(
    await prosecutorClient.send('request.answer', {
      requestInstance: 'search_order',
      granted: false,
      reason: REFUSAL,
    }),
    'refuse',
  );
  await policeClient.until(
    () => policeClient.view?.requests.some((r) => r.status === 'refused') ?? false,
    5000,
    'the refusal',
  );
  accepted(
    await policeClient.send('request.send', {
      request: 'search_order',
      justification: WHY['team-b'],
    }),
    'send again',
  );

  const answerer = await playPage(answerers, meta, prosecutor);
  const sides = [
    sender.page.locator('[data-request="search_order"][data-direction="outgoing"]'),
    answerer.page.locator('[data-request="search_order"][data-direction="incoming"]'),
  ];
  for (const request of sides) {
    await request.locator('[data-request-status="pending"]').waitFor();
    const earlier = request.getByRole('list', { name: 'Refused earlier (1)' });
    await earlier.waitFor();
    await expect(earlier.textContent()).resolves.toContain(`Answer: ${REFUSAL}`);
    await expect(request.textContent()).resolves.toContain(ORDER_BODY);
  }
  await sides[1]?.scrollIntoViewIfNeeded();
  await saveScreenshot(answerer.page, 'requests-03-sent-again');
  await expectAccessible(sender.page, 'request sent again (sender)');
  await expectAccessible(answerer.page, 'request sent again (answerer)');

  // The facilitator's page of the team shows the same: what it asks, and the refusal folded under
  // the team's row, opened from the keyboard.
  const consolePage = await openTab(staff, { width: 1440, height: 960 });
  await keepStaffLogin(
    consolePage.page,
    await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO),
  );
  await consolePage.page.goto(`${server.origin}/facilitate/sessions/${meta.id}?team=team-a`);
  const waiting = consolePage.page
    .getByRole('region', { name: 'Pending requests (1)' })
    .locator('[data-request="search_order"]');
  await expect(waiting.locator('.fac-request__body').textContent()).resolves.toBe(ORDER_BODY);
  const refusals = waiting.locator('details.fac-request__earlier');
  await refusals.locator('summary', { hasText: 'Refused earlier (1)' }).focus();
  await consolePage.page.keyboard.press('Enter');
  await expect(refusals.getAttribute('open')).resolves.toBe('');
  const round = refusals.locator('[data-request-round="0"]');
  await expect(round.isVisible()).resolves.toBe(true);
  await expect(round.textContent()).resolves.toContain(`Answer: ${REFUSAL}`);
  await waiting.scrollIntoViewIfNeeded();
  await saveScreenshot(consolePage.page, 'requests-04-console-earlier');
  await expectAccessible(consolePage.page, 'console: request sent again');
  expect(consolePage.problems.errors).toEqual([]);
  await consolePage.page.close();

  expect(sender.problems.errors).toEqual([]);
  expect(answerer.problems.errors).toEqual([]);
  await sender.page.close();
  await answerer.page.close();
});
