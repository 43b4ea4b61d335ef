import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoginResponse } from '@crossroads/shared';
import { api } from '../../apps/server/bench/session-client';
import {
  type BrowserTestServer,
  keepStaffLogin,
  newContext,
  openTab,
  runAxe,
  saveScreenshot,
  blockingViolations,
  startServerAndBrowser,
} from './helpers';

jest.setTimeout(240_000);

/*
 * The authoring studio in Chromium against the real server: the demo trainer (who has the author
 * permission) creates a small scenario from the starter template, breaks and fixes its version in
 * the form (the error shows on the field, the source view follows), edits the title in the source
 * view (the form follows), looks at the map, dry-runs the case to an ending switching roles and
 * going back in time, publishes version 1.0.0 and starts a session with it.
 */

const DEMO = { username: 'facilitator', password: 'crossroads-demo' };

let server: BrowserTestServer;
let browser: Browser;
let staffLogin: LoginResponse;
/**
 * One browser context for the three tests, each in a tab of its own (own sessionStorage, own
 * error log): the studio's scripts (1.7 MB with the editor) are fetched and compiled once, not
 * once a test. The studio keeps nothing in localStorage, the only store the tabs share.
 */
let context: BrowserContext;

beforeAll(async () => {
  ({ server, browser } = await startServerAndBrowser());
  staffLogin = await api<LoginResponse>(server.origin, 'POST', '/api/auth/login', DEMO);
  context = await newContext(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await runAxe(page);
  expect({ screen, violations: blockingViolations(results) }).toEqual({ screen, violations: [] });
}

/**
 * Opens the studio home with the staff login kept in the tab, as signing in leaves it (the first
 * test signs in through the form and follows the Studio link): the others open the studio directly.
 */
async function openStudioSignedIn(page: Page): Promise<void> {
  await keepStaffLogin(page, staffLogin);
  await page.goto(`${server.origin}/facilitate/studio`);
  await page.getByRole('heading', { level: 1, name: 'Authoring studio' }).waitFor();
}

/** The validity line of the editor once it reads `text`. */
async function status(page: Page, text: RegExp): Promise<void> {
  await page.locator('.studio-status').getByText(text).first().waitFor({ timeout: 30_000 });
}

describe('authoring studio in a real browser', () => {
  test('template → fix an error → dry-run to an ending → publish → start a session', async () => {
    const { page, problems } = await openTab(context, { width: 1600, height: 1000 });

    await page.goto(`${server.origin}/facilitate`);
    await page.getByLabel('User name').fill(DEMO.username);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Studio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Authoring studio' }).waitFor();
    await expectAccessible(page, 'studio home');

    // ---- create from the template -------------------------------------------------------------
    await page.getByLabel('Scenario id (optional)').fill('green-border');
    await page.getByRole('button', { name: 'Create from template' }).click();
    await page.getByRole('heading', { level: 1, name: 'A car at the green border' }).waitFor();
    await status(page, /^Valid$/);
    const source = page.getByTestId('studio-source');
    await expect(source.locator('.cm-content').textContent()).resolves.toContain(
      'id: green-border',
    );

    // ---- a validation error, placed on its field, then fixed -----------------------------------
    const version = page.getByLabel('Version', { exact: true });
    await version.fill('1.0');
    await status(page, /1 problem/);
    await expect(version.getAttribute('aria-invalid')).resolves.toBe('true');
    const fieldError = page
      .locator('.studio-field', { has: version })
      .locator('.studio-field__errors');
    await expect(fieldError.textContent()).resolves.toMatch(/version|1\.0\.0|Invalid/i);
    await expect(source.locator('.cm-content').textContent()).resolves.toMatch(
      /version: ['"]?1\.0['"]?(?!\.)/,
    );
    await expect(page.locator('.cm-lint-marker-error').count()).resolves.toBeGreaterThan(0);
    await saveScreenshot(page, 'studio-01-error-on-field');
    await version.fill('1.0.0');
    await status(page, /^Valid$/);
    await expect(version.getAttribute('aria-invalid')).resolves.toBeNull();

    // ---- the source view drives the form as well ----------------------------------------------
    const line = source.locator('.cm-line', { hasText: 'en: A car at the green border' });
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' at night');
    await expect(
      page
        .locator('fieldset', { has: page.locator('legend', { hasText: /^Title/ }) })
        .locator('textarea')
        .first()
        .inputValue(),
    ).resolves.toBe('A car at the green border at night');
    await status(page, /^Valid$/);
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'studio editor');
    await saveScreenshot(page, 'studio-02-editor');

    // ---- the map opens a phase's form ----------------------------------------------------------
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('button', { name: 'Phase Statements: open its form' }).click();
    await page.getByRole('tab', { name: 'Edit', selected: true }).waitFor();
    await expect(
      page.locator('.studio-item-tab[aria-current="true"]').textContent(),
    ).resolves.toContain('statements');

    // ---- dry run to an ending, switching roles and going back in time --------------------------
    await page.getByRole('tab', { name: 'Dry run' }).click();
    const role = page.getByLabel('Play as');
    await page.getByRole('button', { name: /Check on the passengers/ }).click();
    await page.getByText('Phase Statements · minute 15').waitFor();
    // Back to the start and forward again: time travel replays the engine.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText('Phase The stop · minute 0').waitFor();
    await page
      .locator('.studio-timeline')
      .getByRole('button', { name: /Check on the passengers/ })
      .click();
    await page.getByText('Phase Statements · minute 15').waitFor();
    await page.getByRole('button', { name: 'Send request: Certified Arabic interpreter' }).click();
    await role.selectOption({ label: 'Prosecutor' });
    await page.getByRole('button', { name: 'Grant' }).click();
    await role.selectOption({ label: 'Border Police — green border patrol' });
    await page.getByRole('button', { name: /Wait for the interpreter/ }).click();
    await role.selectOption({ label: 'Prosecutor' });
    await page.getByRole('button', { name: /Charge the driver/ }).click();
    await page.getByText('Ended: The driver is charged (Conviction)').waitFor();
    await expectAccessible(page, 'studio dry run');
    await saveScreenshot(page, 'studio-03-dry-run-ended');

    // ---- publish and start a session with the published version --------------------------------
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Publish version 1.0.0' }).click();
    await page.getByText('Version 1.0.0 is published.').waitFor();
    await saveScreenshot(page, 'studio-04-published');
    await page.getByRole('link', { name: 'Start a session with 1.0.0' }).click();
    await page.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    await page.getByRole('button', { name: 'Create the session' }).click();
    const code = page.locator('.fac-join [data-join-code]');
    await code.waitFor();
    await expect(code.getAttribute('data-join-code')).resolves.toMatch(/^[2-9A-Z]{6,12}$/);
    const sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const token = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('crossroads.staff') ?? '{}') as { token?: string })
          .token ?? '',
    );
    const meta = (await (
      await fetch(`${server.origin}/api/sessions/${sessionId}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { scenario: { id: string; version: string } };
    expect(meta.scenario).toMatchObject({ id: 'green-border', version: '1.0.0' });

    expect(problems.errors).toEqual([]);
    await page.close();
  });

  test('an imported file lists its problems with their lines; choosing one focuses its field', async () => {
    const { page, problems } = await openTab(context, { width: 1280, height: 800 });
    await openStudioSignedIn(page);

    // A new author's file with two typos: the first phase in the header, a goto in the second phase.
    await page.getByLabel('Import a file (YAML or JSON)').setInputFiles({
      name: 'bus-station.yaml',
      mimeType: 'application/x-yaml',
      buffer: Buffer.from(BUS_STATION, 'utf8'),
    });
    await page.getByRole('heading', { level: 1, name: 'A taxi at the bus station' }).waitFor();
    await status(page, /2 problems/);
    const list = page.getByRole('region', { name: 'Problems to fix' });
    const items = list.getByRole('listitem');
    await expect(items.count()).resolves.toBe(2);
    // In file order: the header's line 9 before line 43.
    await expect(items.first().getAttribute('data-problem-path')).resolves.toBe('start');
    const gotoProblem = list.locator(
      '[data-problem-path="phases[1].decisions[0].options[0].effects[0].goto"]',
    );
    await expect(gotoProblem.textContent()).resolves.toMatch(
      /^Line 43: unknown phase "chargin".*phases\[1\]/,
    );
    await expectAccessible(page, 'studio problem list');
    await saveScreenshot(page, 'studio-05-problem-list');

    // Choosing it opens the second phase's form with the cursor in the field to fix.
    await gotoProblem.getByRole('button').click();
    await expect(
      page.locator('.studio-section[aria-current="true"]').textContent(),
    ).resolves.toMatch(/^Phases/);
    await expect(
      page.locator('.studio-item-tab[aria-current="true"]').textContent(),
    ).resolves.toContain('statements');
    const focused = page.locator(':focus');
    await expect(focused.inputValue()).resolves.toBe('chargin');
    await expect(focused.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('charging');
    await status(page, /^1 problem$/);
    await expect(items.count()).resolves.toBe(1);

    // The other one is in the header: the list opens the Scenario section at its field.
    await list.getByRole('button', { name: /^Line 9: unknown phase "stations"/ }).click();
    await expect(
      page.locator('.studio-section[aria-current="true"]').textContent(),
    ).resolves.toMatch(/^Scenario/);
    await expect(page.locator(':focus').inputValue()).resolves.toBe('stations');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('station');
    await status(page, /^Valid$/);
    await expect(page.getByRole('region', { name: 'Problems to fix' }).count()).resolves.toBe(0);

    // The whole source replaced by typing over it (prose, not a scenario): Chrome would keep the
    // replaced text's colour in a style attribute, which the CSP refuses with a console error.
    const content = page.getByTestId('studio-source').locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Just some notes about the case.');
    await status(page, /^1 problem$/);
    await expect(content.textContent()).resolves.toBe('Just some notes about the case.');
    await expect(page.locator('.studio-editor [role="alert"]').allTextContents()).resolves.toEqual([
      'Line 1: expected object, got the text "Just some notes about the case."',
    ]);

    expect(problems.errors).toEqual([]);
    await page.close();
  });

  test('the option preview waits for an interpreter free only later, and says how long', async () => {
    const { page, problems } = await openTab(context, { width: 1280, height: 800 });
    await openStudioSignedIn(page);
    await page.getByLabel('Import a file (YAML or JSON)').setInputFiles({
      name: 'late-interpreter.yaml',
      mimeType: 'application/x-yaml',
      buffer: Buffer.from(LATE_INTERPRETER, 'utf8'),
    });
    await page.getByRole('heading', { level: 1, name: 'A late interpreter' }).waitFor();
    await status(page, /^Valid$/);

    await page.getByRole('tab', { name: 'Check' }).click();
    await page
      .getByRole('combobox', { name: 'Option' })
      .selectOption({ label: 'Hear them → With the certified interpreter' });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const waited = page.locator('.studio-preview [data-waited]');
    await waited.waitFor();
    await expect(waited.textContent()).resolves.toBe(
      'The run waited 110 min of scenario time, from minute 10 to minute 120, until this was free: Certified Pashto interpreter. A facilitator moves the clock on the same way.',
    );
    await expect(page.locator('.studio-preview').textContent()).resolves.not.toMatch(
      /Out of time|No run reaching/,
    );
    await expectAccessible(page, 'studio preview that waited');

    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

/** Three phases, valid but for two typos: the first phase (line 9) and a goto (line 43). */
const BUS_STATION = `language: 2
id: bus-station
version: 1.0.0
title: A taxi at the bus station
summary: A taxi drops four men at a bus station near the border.
objectives: [Hear the boy safely.]
durationMinutes: 30
languages: [en]
start: stations
agencies:
  - id: police
    name: Police
    playable: required
    briefing: You are at the bus station.
people:
  - id: driver
    name: The driver
    kind: suspect
    languages: [sr]
phases:
  - id: station
    title: The station
    description: The taxi is parked.
    decisions:
      - id: approach
        title: What first?
        prompt: The bus leaves soon.
        agencies: [police]
        options:
          - { id: separate, label: Keep the driver apart, timeCost: 10, effects: [{ goto: statements }] }
  - id: statements
    title: Statements
    description: The passengers wait.
    decisions:
      - id: hear
        title: Hear them?
        prompt: A certified interpreter is on the way.
        agencies: [police]
        options:
          - id: wait
            label: Wait for the interpreter
            timeCost: 60
            effects: [{ goto: chargin }]
  - id: charging
    title: Charging
    description: The file goes to the prosecutor.
    decisions:
      - id: close
        title: Close the file
        prompt: Done?
        agencies: [police]
        options:
          - { id: done, label: Close, timeCost: 5, effects: [{ end: closed }] }
endings:
  - id: closed
    title: Closed
    description: The file is closed.
    kind: other
`;

/** One interview needs the only Pashto interpreter, free from minute 120 (the time limit is 240). */
const LATE_INTERPRETER = `language: 2
id: late-interpreter
version: 1.0.0
title: A late interpreter
summary: Two boys speak only Pashto.
objectives: [Hear the boys with a certified interpreter.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 240
timeLimitEnding: out_of_time
agencies:
  - id: police
    name: Police
    playable: required
    briefing: You found two boys at the station.
resources:
  - id: pashto
    name: Certified Pashto interpreter
    kind: interpreter
    language: ps
    certified: true
    available: [{ from: 120, count: 1 }]
phases:
  - id: station
    title: The station
    description: The boys are tired.
    decisions:
      - id: first
        title: What first?
        prompt: The boys are cold.
        agencies: [police]
        options:
          - { id: warm, label: Bring them inside, timeCost: 10, effects: [{ goto: hearing }] }
  - id: hearing
    title: Hearing
    description: Only a Pashto interpreter can help.
    decisions:
      - id: hear
        title: Hear them
        prompt: Who interprets?
        agencies: [police]
        options:
          - id: interpreter
            label: With the certified interpreter
            timeCost: 30
            uses: { resource: pashto, count: 1 }
            effects: [{ end: heard }]
endings:
  - id: heard
    title: Heard
    description: The boys were heard.
    kind: other
  - id: out_of_time
    title: Out of time
    description: Time ran out.
    kind: other
`;
