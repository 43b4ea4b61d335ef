/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { StudioDryRun, StudioValidation } from '@crossroads/shared';
import { DryRunPanel } from '../src/studio/DryRunPanel';
import { createI18n } from '../src/i18n';
import { MemoryStorage } from './fakes';
import { view } from './trainee-fakes';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const run: StudioDryRun = {
  ok: true,
  steps: [],
  labels: [],
  phase: 'discovery',
  clock: 30,
  ended: null,
  view: view(),
  facilitator: { injects: [], pendingRequests: [] },
  ms: 1,
};

test('a closed option of the dry run says why as text, and the button is described by it', async () => {
  globalThis.fetch = jest.fn(() =>
    Promise.resolve(new Response(JSON.stringify(run), { status: 200 })),
  ) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'en');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const validation = {
    agencies: [{ id: 'border_police', name: 'Border police' }],
  } as unknown as StudioValidation;
  render(
    <I18nextProvider i18n={i18n}>
      <DryRunPanel token="t" source="id: x" validation={validation} />
    </I18nextProvider>,
  );
  const closed = await screen.findByRole('button', { name: /Wait for the technician/ });
  expect((closed as HTMLButtonElement).disabled).toBe(true);
  expect(closed.hasAttribute('title')).toBe(false);
  const reason = document.getElementById(closed.getAttribute('aria-describedby') ?? '');
  expect(reason?.textContent).toBe('Not available now: The technician is 25 km away.');
  // Seen on the page, not only in a tooltip.
  expect(screen.getByText('Not available now: The technician is 25 km away.')).toBe(reason);
  // An open option has no reason.
  const open = screen.getByRole('button', { name: /Open and ventilate/ });
  expect(open.hasAttribute('aria-describedby')).toBe(false);
});
