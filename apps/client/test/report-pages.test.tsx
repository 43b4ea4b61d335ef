/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { configure, screen } from '@testing-library/react';
import { answerFetch, renderAppAt } from './render-app';
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
  answerFetch((requested) => answers[requested]);
  renderAppAt(path);
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
      'Red line: Pushback across the border — Team Kelebija, Border Police, Social Work',
      'Red line: Informal handover to a neighbouring police — Team Kelebija, Border Police, Prosecutor',
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
      'Area for improvement · Red line: Pushback across the border — Border Police (rights −4)',
      'Area for improvement · Red line: Pushback across the border — Social Work (rights −4)',
    ]);
  });

  test('tells apart the entries of one rule and agency on the two axes', async () => {
    // One finding scored on both axes (a certified interpreter: evidence +1 and rights +1) gives
    // the agency two strengths with the same title; only the axis tells them apart.
    const capability = AAR_REPORT.capabilities[0];
    const entry = capability?.areasForImprovement[0];
    if (!capability || !entry) throw new Error('the fixture has a capability with an entry');
    const report = {
      ...AAR_REPORT,
      capabilities: [
        {
          ...capability,
          areasForImprovement: [
            { ...entry, id: `${entry.id}:evidence`, axis: 'evidence', points: -3, redLine: false },
            { ...entry, id: `${entry.id}:rights`, axis: 'rights', points: -1, redLine: false },
          ],
        },
      ],
    };
    renderAt(`/review/${REVIEW_TOKEN}/aar`, { [`/api/reviews/${REVIEW_TOKEN}/aar`]: report });
    await screen.findByRole('heading', { level: 3, name: /Non-refoulement/ });
    const heads = [
      ...document.querySelectorAll('[data-capability="non-refoulement"] .aar-entry__head'),
    ];
    expect(heads.map((p) => p.textContent)).toEqual([
      'Area for improvement: Pushback across the border — Border Police (evidence −3)',
      'Area for improvement: Pushback across the border — Border Police (rights −1)',
    ]);
  });
});
