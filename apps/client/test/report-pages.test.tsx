/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { configure, render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App, routes } from '../src/App';
import { createI18n } from '../src/i18n';
import { FakeSocket, MemoryStorage, healthyBody } from './fakes';
import { AAR_REPORT, PARTICIPATION_REPORT, REVIEW_TOKEN } from './report-fixtures';

/*
 * The report pages as a reader sees them: a red line several agencies answer for (a joint
 * decision's signers; a request's requester and granter) names each of them.
 */

// The report pages import their stylesheet, which jest cannot load (the app's other component tests
// render parts that adopt theirs from strings instead); the page needs none of it here.
jest.mock('../src/learning/reports/reports.css', () => ({}));

// The report pages load lazily: slow on a busy two-core machine.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

/** The app at `path`, its fetch answering `answers` (by path) and 404 otherwise. */
function renderAt(path: string, answers: Record<string, unknown>) {
  const all: Record<string, unknown> = { '/api/health': healthyBody, ...answers };
  globalThis.fetch = jest.fn(async (input: string | URL | Request) => {
    const body = all[String(input)];
    return {
      ok: body !== undefined,
      status: body === undefined ? 404 : 200,
      json: async () => body ?? { code: 'session/not_found', message: 'nope' },
    } as Response;
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'en');
  render(
    <App
      i18n={createI18n({ storage, browserLanguages: [] })}
      socket={new FakeSocket().asSocket()}
      router={createMemoryRouter(routes, { initialEntries: [path] })}
    />,
  );
}

beforeAll(() => {
  window.scrollTo = jest.fn();
});

describe('participation report page', () => {
  test('names every agency answering for a red line', async () => {
    renderAt(`/review/${REVIEW_TOKEN}/participation`, {
      [`/api/reviews/${REVIEW_TOKEN}/participation`]: PARTICIPATION_REPORT,
    });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Red lines crossed' });
    const items = [...(heading.parentElement?.querySelectorAll('li') ?? [])].map(
      (li) => li.textContent,
    );
    expect(items).toEqual([
      'Red line: Pushback across the border — team-a, Border Police, Social Work',
      'Red line: Informal handover to a neighbouring police — team-a, Border Police, Prosecutor',
    ]);
  });
});

describe('after-action report page', () => {
  test("shows a joint red line's area for improvement under each signing agency", async () => {
    renderAt(`/review/${REVIEW_TOKEN}/aar`, { [`/api/reviews/${REVIEW_TOKEN}/aar`]: AAR_REPORT });
    await screen.findByRole('heading', { level: 3, name: /Non-refoulement/ });
    const heads = [
      ...document.querySelectorAll('[data-capability="non-refoulement"] .aar-entry__head'),
    ];
    expect(heads.map((p) => p.textContent)).toEqual([
      'Area for improvement · Red line: Pushback across the border — Border Police (−4)',
      'Area for improvement · Red line: Pushback across the border — Social Work (−4)',
    ]);
  });
});
