import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type {
  Course,
  CourseTrends,
  JoinResponse,
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

jest.setTimeout(240_000);

/*
 * A facilitator follows a course of three flagship sessions on the trends page: both axes, red
 * lines, missed obligations and knowledge gain as SVG charts with their tables, re-scored under
 * another rubric and narrowed to one agency from the keyboard, in English and Serbian.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };
/** Three runs of the flagship: one team each, differently careful. */
const PLAYS: [string, string][][] = [
  [['d_open', 'o_keep_closed']],
  [
    ['d_open', 'o_open_now'],
    ['d_medical', 'o_call_ems'],
  ],
  [['d_open', 'o_open_now']],
];
/** The course check's right answers (route-course-core). */
const RIGHT = [
  { question: 'collective-expulsion', options: ['individual'] },
  { question: 'interpreter-choice', options: ['qualified'] },
  { question: 'age-doubt', options: ['child'] },
  { question: 'passengers-liability', options: ['no'] },
];
const WRONG = [
  { question: 'collective-expulsion', options: ['nothing'] },
  { question: 'interpreter-choice', options: ['passenger'] },
  { question: 'age-doubt', options: ['adult'] },
  { question: 'passengers-liability', options: ['no'] },
];

let server: BrowserTestServer;
let browser: Browser;
let token: string;
let course: Course;
/** The first session's trainee, to see the course's check from the trainee's side. */
let firstTrainee: { session: SessionMeta; joined: JoinResponse } | undefined;
const clients: SessionClient[] = [];

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  token = (await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO)).token;
  course = await api<Course>(
    server.origin,
    'POST',
    '/api/courses',
    { name: 'Horgoš cohort', knowledgeCheck: { id: 'route-course-core' } },
    token,
  );
  for (const [i, play] of PLAYS.entries()) {
    const meta = await api<SessionMeta>(
      server.origin,
      'POST',
      '/api/sessions',
      { scenario: 'reefer-horgos', teams: 1, timeRatio: 0 },
      token,
    );
    await api(
      server.origin,
      'PUT',
      `/api/courses/${course.id}/sessions/${meta.id}`,
      undefined,
      token,
    );
    const trainee = await api<JoinResponse>(server.origin, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: `Trainee ${i}`,
      team: 'team-a',
      role: 'border_police',
    });
    firstTrainee ??= { session: meta, joined: trainee };
    const answer = (phase: 'pre' | 'post', choices: typeof RIGHT) =>
      api(
        server.origin,
        'POST',
        `/api/sessions/${meta.id}/knowledge-check/answers`,
        { phase, answers: [...choices, { question: 'confidence-cooperation', value: 3 }] },
        trainee.participantToken,
      );
    await answer('pre', WRONG);
    const facilitator = new SessionClient(server.origin, { kind: 'facilitator', token }, meta.id);
    const player = new SessionClient(server.origin, {
      kind: 'participant',
      token: trainee.participantToken,
    });
    clients.push(facilitator, player);
    await facilitator.connected();
    await player.connected();
    accepted(await facilitator.send('session.start', {}));
    await player.until(() => player.view !== null, 10_000, 'first view');
    for (const [decision, option] of play) {
      accepted(await player.send('decision.submit', { decision, option }));
    }
    accepted(await facilitator.send('session.end', {}));
    accepted(await facilitator.send('debrief.release', {}));
    await answer('post', RIGHT);
  }
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await browser?.close();
  await server?.close();
});

describe('trends page', () => {
  test("a trainee of the course's sessions is asked the course's check", async () => {
    if (!firstTrainee) throw new Error('no trainee');
    const { session, joined } = firstTrainee;
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await context.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), {
      key: `crossroads.trainee.credential.${session.id}`,
      value: JSON.stringify({
        session: session.id,
        token: joined.participantToken,
        participant: joined.participant.id,
        displayName: joined.participant.displayName,
        joinCode: session.joinCode,
        title: session.scenario.title,
        contentWarnings: [],
        language: 'en',
        joinedAt: new Date().toISOString(),
      }),
    });
    await page.goto(`${server.origin}/knowledge/${session.id}`);
    await page.locator('[data-knowledge-closed]').waitFor({ timeout: 30_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Course check: investigating smuggling on the route',
    );
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('charts with tables, re-scoring and one agency, keyboard only, no serious axe finding', async () => {
    const expected = await api<CourseTrends>(
      server.origin,
      'GET',
      `/api/courses/${course.id}/trends`,
      undefined,
      token,
    );
    expect(expected.sessions).toHaveLength(3);
    const { context, page, problems } = await openPage(browser, { width: 1440, height: 1000 });
    await page.goto(`${server.origin}/facilitate`);
    await page.getByLabel('User name').fill(DEMO.username);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Courses and trends' }).click();
    await page.locator('[data-course-list]').getByRole('link', { name: 'Horgoš cohort' }).click();
    const trends = page.locator('[data-trends="ready"]');
    await trends.waitFor({ timeout: 60_000 });

    // Both axes: one line chart, a point per session and series, and the same figures in a table.
    const axes = trends.locator('svg.tchart').first();
    await expect(axes.getAttribute('role')).resolves.toBe('img');
    await expect(axes.locator('title').first().textContent()).resolves.toBe(
      'Mean evidence and human-rights scores of the teams, per session',
    );
    await expect(axes.locator('g.tchart__series polyline').count()).resolves.toBe(2);
    const rows = trends.locator('[data-trends-table="sessions"] tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    const first = expected.sessions[0];
    await expect(rows.first().textContent()).resolves.toContain(
      `${first?.evidence?.mean} (teams ${first?.evidence?.min}–${first?.evidence?.max})`,
    );
    // Red lines and missed obligations: what the API counted, rule by rule.
    if (expected.redLines.length > 0) {
      await expect(
        trends.locator('[data-trends-table="red-lines"] tbody tr').count(),
      ).resolves.toBe(expected.redLines.length);
    }
    expect(expected.missedObligations.length).toBeGreaterThan(0);
    await expect(trends.locator('[data-trends-table="missed"] tbody tr').count()).resolves.toBe(
      expected.missedObligations.length,
    );
    // Knowledge gain: before and after per session, wrong before, right after.
    const knowledge = trends.locator('[data-trends-table="knowledge"] tbody tr');
    await expect(knowledge.count()).resolves.toBe(3);
    await expect(knowledge.first().textContent()).resolves.toContain('+75 pp');
    await page.locator('[data-course-knowledge="ready"]').waitFor();
    await saveScreenshot(page, 'trends-1440-en');
    await saveScreenshot(page, 'trends-1440-en-full', { fullPage: true });
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    // From the keyboard: re-score under 1.1.0, then one agency.
    const rubric = page.getByLabel('Scoring rubric', { exact: true });
    await rubric.focus();
    await rubric.selectOption('1.1.0');
    await page.locator('[data-trends-rescored="1.1.0"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-trends="ready"]').waitFor();
    await expect(
      page.locator('[data-trends-table="sessions"] tbody tr td:nth-child(3)').allTextContents(),
    ).resolves.toEqual(['1.1.0', '1.1.0', '1.1.0']);
    // The figures as a spreadsheet, under the rubric chosen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trends-horgos-cohort-rubric-1.1.0.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    // Scenario 1.0.0, re-scored under 1.1.0, each session pinned to the rubric that was the newest
    // when it was created (whichever that is now).
    const sessionRows = csv
      .split('\r\n')
      .filter((line) => /^\d,[^,]+,[^,]+,[^,]+,1\.0\.0,1\.1\.0,\d+\.\d+\.\d+,,/.test(line));
    expect(sessionRows).toHaveLength(3);
    await page.getByLabel('Scoring rubric', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      await page.getByLabel('Agency', { exact: true }).getAttribute('id'),
    );
    await page.getByLabel('Agency', { exact: true }).selectOption('border_police');
    await expect(
      page.locator('svg.tchart').first().locator('title').first().textContent(),
    ).resolves.toContain('per team, per session');
    // The tables scroll from the keyboard.
    await expect(
      page.locator('[role="region"][tabindex="0"]').count(),
    ).resolves.toBeGreaterThanOrEqual(3);
    expect(blockingViolations(await runAxe(page))).toEqual([]);

    // Serbian.
    await page.getByLabel('Language').selectOption('sr-Latn');
    await expect(page.locator('#course-trends').textContent()).resolves.toBe(
      'Trendovi kroz sesije',
    );
    await expect(
      page.locator('[data-trends-table="sessions"] caption').textContent(),
    ).resolves.toBe('Vrednosti po sesiji');
    await saveScreenshot(page, 'trends-1440-sr');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
  test('a new session started from the course page joins the course', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.origin}/facilitate/courses/${course.id}`);
    await page.getByLabel('User name').fill(DEMO.username);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'New session in this course' }).click();
    const select = page.getByLabel('Part of a course (optional)');
    await select.waitFor();
    await expect(select.inputValue()).resolves.toBe(course.id);
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.waitForURL(/\/facilitate\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split('/').pop();
    const after = await api<Course>(
      server.origin,
      'GET',
      `/api/courses/${course.id}`,
      undefined,
      token,
    );
    expect(after.sessions.map((s) => s.id)).toContain(sessionId);
    expect(after.sessions).toHaveLength(4);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
