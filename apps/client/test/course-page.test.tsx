/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import type { Course, SessionListItem } from '@crossroads/shared';
import { App, routes } from '../src/App';
import { createI18n } from '../src/i18n';
import { staffAuthStore } from '../src/lib/facilitatorApi';
import { FakeSocket, MemoryStorage, healthyBody } from './fakes';
import { meta, STAFF_LOGIN } from './facilitator-fixtures';

// The trends and knowledge panels load chart modules and a style sheet jest cannot parse; this
// file is about the course's own session lists, so they are stood in for.
jest.mock('../src/learning/TrendsPanel', () => ({ TrendsPanel: () => null }));
jest.mock('../src/learning/CourseKnowledgePanel', () => ({ CourseKnowledgePanel: () => null }));
jest.mock('../src/learning/trends.css', () => ({}));

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const COURSE_ID = '7d1f8a52-1c3e-4b7a-9d2e-5f6a7b8c9d01';
const CREATED = '2026-11-30T09:12:00.000Z';

let course: Course;
const emptyCourse: Course = {
  id: COURSE_ID,
  name: 'Border police, Subotica, autumn',
  description: '',
  createdAt: '2026-11-29T08:00:00.000Z',
  owner: 'facilitator',
  knowledgeCheck: null,
  sessions: [],
};

/** Three sessions of one scenario, created in the same minute, as a trainer sets up a day. */
function mine(): SessionListItem[] {
  const item = (n: number, overrides: Partial<SessionListItem>): SessionListItem => ({
    ...meta({
      id: `0f0e0d0c-0b0a-4908-8706-05040302010${n}`,
      status: 'lobby',
      createdAt: CREATED,
      startedAt: null,
      joinCode: `KQ7M${n}P`,
      ...overrides,
    }),
    participants: 0,
    memberRole: 'owner',
  });
  return [
    item(1, {}),
    item(2, { teams: [{ id: 'team-a', name: 'Team A' }] }),
    item(3, { details: { title: 'Group 3, afternoon', place: 'Subotica' } }),
  ];
}

beforeAll(() => {
  window.scrollTo = jest.fn();
});

beforeEach(() => {
  course = emptyCourse;
  staffAuthStore().set(STAFF_LOGIN);
  const answers: Record<string, unknown> = {
    '/api/health': healthyBody,
    [`/api/courses/${COURSE_ID}`]: course,
    '/api/sessions': mine(),
    '/api/scenarios': [],
    '/api/courses/knowledge-checks': [],
  };
  globalThis.fetch = jest.fn(async (input: string | URL | Request) => {
    const url = String(input);
    answers[`/api/courses/${COURSE_ID}`] = course;
    const known = url in answers;
    return {
      ok: known,
      status: known ? 200 : 404,
      json: async () => (known ? answers[url] : { code: 'session/not_found', message: 'nope' }),
    } as Response;
  }) as unknown as typeof fetch;
});

function renderCourse(language = 'en') {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(routes, {
    initialEntries: [`/facilitate/courses/${COURSE_ID}`],
  });
  render(<App i18n={i18n} socket={new FakeSocket().asSocket()} router={router} />);
  return i18n;
}

async function addOptions(label: string): Promise<string[]> {
  const select = await screen.findByLabelText(label);
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(4));
  return within(select)
    .getAllByRole('option')
    .slice(1)
    .map((o) => o.textContent ?? '');
}

describe('course page: adding a session', () => {
  test('sessions of one scenario created in the same minute read differently', async () => {
    renderCourse();
    const options = await addOptions('Add one of your sessions');
    expect(options).toHaveLength(3);
    expect(new Set(options).size).toBe(3);
    // What tells them apart for a trainer: the name given, teams, participants and join code.
    expect(options[0]).toMatch(
      /^Van at Kelebija · .+ · not started · 2 teams · 0 participants · code KQ7M1P$/,
    );
    expect(options[1]).toContain('1 team · 0 participants · code KQ7M2P');
    expect(options[2]).toMatch(
      /^Group 3, afternoon · Van at Kelebija · Subotica · .+ · not started · 2 teams · 0 participants · code KQ7M3P$/,
    );
  });

  test('the entries are in the reader’s language', async () => {
    renderCourse('sr-Latn');
    const options = await addOptions('Dodajte jednu od svojih sesija');
    expect(options[0]).toMatch(
      /^Kombi kod Kelebije · .+ · nije počela · 2 tima · 0 učesnika · kod KQ7M1P$/,
    );
  });
});

describe('course page: its sessions', () => {
  test('two sessions of one scenario in the course have remove buttons of their own', async () => {
    const [first, second] = mine();
    const inCourse = (s: SessionListItem, participants: number) => ({
      id: s.id,
      scenario: s.scenario,
      status: 'ended' as const,
      createdAt: CREATED,
      startedAt: CREATED,
      endedAt: CREATED,
      rubricVersion: '2.0.0',
      teams: s.teams.length,
      participants,
      addedAt: CREATED,
    });
    course = { ...emptyCourse, sessions: [inCourse(first!, 6), inCourse(second!, 4)] };
    renderCourse();
    // The course row alone has no join code; it comes with the account's own session list.
    await screen.findByRole('button', { name: /^Remove .*code KQ7M1P from the course$/ });
    const names = screen
      .getAllByRole('button', { name: /^Remove / })
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toHaveLength(2);
    expect(names[0]).toContain('ended · 2 teams · 6 participants · code KQ7M1P');
    expect(names[1]).toContain('ended · 1 team · 4 participants · code KQ7M2P');
  });
});
