/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import { createI18n } from '../src/i18n';
import { staffAuthStore } from '../src/lib/facilitatorApi';
import { saveCredential } from '../src/lib/traineeStorage';
import { fixtureDebrief, REFUSAL_REASON, withRequestAnswers } from './debrief-fixture';
import { answerFetch, renderAppAt } from './render-app';

/*
 * The debrief page on a device holding both a staff login and a trainee's place: the staff account
 * is tried first and, when it has no right to the session, the trainee's token next.
 */

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const STAFF_TOKEN = 'staff-token-0123456789';
const TRAINEE_TOKEN = 'trainee-token-0123456789';

beforeAll(() => {
  window.scrollTo = jest.fn();
});

test("a staff login that is not on the session's staff falls back to this device's trainee", async () => {
  staffAuthStore().set({
    token: STAFF_TOKEN,
    account: {
      id: '3e0b1c2d-0d85-4f4b-9e6d-4a5b6c7d8e94',
      username: 'other-facilitator',
      role: 'facilitator',
      createdAt: '2026-11-29T08:00:00.000Z',
    },
    expiresAt: '2999-01-01T00:00:00.000Z',
  });
  saveCredential({
    session: SESSION,
    token: TRAINEE_TOKEN,
    participant: 'p1',
    displayName: 'Ana',
    joinCode: 'ABCDEF',
    joinedAt: '2026-03-02T10:00:00.000Z',
    title: { en: 'Van at the border' },
    contentWarnings: [],
    language: 'en',
  });
  const envelope = {
    session: SESSION,
    seq: 12,
    generatedAt: '2026-03-02T12:00:00.000Z',
    teams: [{ id: 'team-a', name: 'Red pod' }],
    debrief: fixtureDebrief,
  };
  // The server answers staff who are not its members as for a session that does not exist.
  answerFetch((path, auth) =>
    path === `/api/sessions/${SESSION}/debrief` && auth === `Bearer ${TRAINEE_TOKEN}`
      ? envelope
      : undefined,
  );
  renderAppAt(`/debriefs/${SESSION}`);
  expect((await screen.findAllByText(/Red pod/)).length).toBeGreaterThan(0);
  expect(screen.queryByText(/does not exist/)).toBeNull();
});

describe('a debrief opened while the session runs', () => {
  const STAFF = {
    token: STAFF_TOKEN,
    account: {
      id: '3e0b1c2d-0d85-4f4b-9e6d-4a5b6c7d8e94',
      username: 'facilitator',
      role: 'facilitator' as const,
      createdAt: '2026-11-29T08:00:00.000Z',
    },
    expiresAt: '2999-01-01T00:00:00.000Z',
  };
  /** The envelope the server answers the n-th time it is asked (a projection until `final`). */
  const envelope = (generatedAt: string, final: boolean, answered = false) => {
    const debrief = answered ? withRequestAnswers(fixtureDebrief) : fixtureDebrief;
    return {
      session: SESSION,
      seq: 12,
      generatedAt,
      teams: [{ id: 'team-a', name: 'Red pod' }],
      language: 'sr-Latn',
      debrief: {
        ...debrief,
        teams: debrief.teams.map((t) => ({ ...t, outcome: { ...t.outcome, final } })),
      },
    };
  };

  afterEach(() => {
    // The page goes first: signing out under it would load the debrief again.
    cleanup();
    staffAuthStore().clear();
  });

  test('refreshes in place with a button that keeps the keyboard, then says so', async () => {
    staffAuthStore().set(STAFF);
    // What the server answers now (null: an answer that does not match the contract).
    let now: unknown = envelope('2026-03-02T12:00:00.000Z', false);
    let asked = 0;
    answerFetch((path) => {
      if (path !== `/api/sessions/${SESSION}/debrief`) return undefined;
      asked += 1;
      return now ?? { not: 'a debrief' };
    });
    renderAppAt(`/debriefs/${SESSION}`);
    const notice = await screen.findByText(
      'The session has not ended: outcomes are projections from the state so far.',
    );
    expect(notice).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Refresh now' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(REFUSAL_REASON)).toBeNull();
    const generated = () =>
      screen.getByText('Generated').parentElement?.querySelector('dd')?.textContent;
    const before = generated();

    const askedBefore = asked;
    now = envelope('2026-03-02T12:05:00.000Z', false, true);
    button.focus();
    fireEvent.click(button);
    await screen.findByText(/^Refreshed: generated /);
    expect(asked).toBe(askedBefore + 1);
    // The new debrief is shown, on the same page, the keyboard where it was.
    expect(screen.getByText(REFUSAL_REASON)).toBeTruthy();
    expect(generated()).not.toBe(before);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Refresh now' }));

    // A refresh that fails keeps what is shown and says from when it is.
    now = null;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await screen.findByText(/^The debrief could not be refreshed\. The one shown was generated /);
    expect(screen.getByText(REFUSAL_REASON)).toBeTruthy();

    // The session has ended since: no more projection, no button; the keyboard goes to the status.
    now = envelope('2026-03-02T12:20:00.000Z', true, true);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    const status = await screen.findByText(/^Refreshed: generated /);
    expect(screen.queryByRole('button', { name: 'Refresh now' })).toBeNull();
    expect(screen.queryByText(/outcomes are projections/)).toBeNull();
    expect(document.activeElement).toBe(status);
  });

  test('the refresh button is translated in every client language', () => {
    for (const language of ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const) {
      const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
      const words = i18n.t('debrief.header.refresh');
      expect([language, words]).not.toEqual([language, 'debrief.header.refresh']);
      if (language !== 'en') expect(words).not.toBe('Refresh now');
    }
  });
});
