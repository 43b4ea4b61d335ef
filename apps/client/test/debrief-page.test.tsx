/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { configure, screen } from '@testing-library/react';
import { staffAuthStore } from '../src/lib/facilitatorApi';
import { saveCredential } from '../src/lib/traineeStorage';
import { fixtureDebrief } from './debrief-fixture';
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
