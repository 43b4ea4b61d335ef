/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { StudioAnalysis, StudioPreview } from '@crossroads/shared';
import { CheckPanel } from '../src/studio/CheckPanel';
import { createI18n } from '../src/i18n';
import { MemoryStorage } from './fakes';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

// The engine's answers name things by id; the page reads the scenario's names from its text.
const SOURCE = `id: trailer
agencies:
  - id: border_police
    name: { en: Border police, sr-Latn: Granična policija }
  - id: prosecutor
    name: { en: Prosecutor, sr-Latn: Tužilac }
documents:
  - id: note
    title: { en: Patrol note, sr-Latn: Beleška patrole }
phases:
  - id: discovery
    title: { en: Discovery, sr-Latn: Otkriće }
    decisions:
      - id: d-open
        title: { en: Open the trailer, sr-Latn: Otvaranje prikolice }
        options:
          - id: open
            label: { en: Open and ventilate, sr-Latn: Otvoriti i provetriti }
          - id: wait
            label: { en: Wait, sr-Latn: Čekati }
endings:
  - id: charged
    title: { en: The driver is charged, sr-Latn: Vozač je optužen }
  - id: lost
    title: { en: The case is lost, sr-Latn: Slučaj je izgubljen }
`;

const analysis: StudioAnalysis = {
  ok: false,
  errors: [],
  ms: 5,
  analysis: {
    reachableEndings: ['charged'],
    endings: ['charged', 'lost'],
    boundHit: false,
    states: 12,
    unreachable: { phases: [], options: ['d-open/wait'], endings: ['lost'] },
    deadEnds: { count: 1, examples: [{ phase: 'discovery', clock: 40, path: [] }] },
    viewLeaks: [{ role: 'prosecutor', item: 'note', kind: 'document' }],
    paths: { perEnding: { charged: { count: 1, shortest: 1, longest: 1, realised: 1 } } },
  },
};

const preview: StudioPreview = {
  ok: true,
  path: [],
  items: [],
  redLines: [],
  effects: [
    {
      kind: 'reveal',
      item: { id: 'note', text: { en: 'Patrol note', 'sr-Latn': 'Beleška patrole' } },
      to: ['prosecutor'],
    },
  ],
  ms: 1,
};

test('in Serbian the check and the preview name phases, options, endings, agencies and items, not ids', async () => {
  globalThis.fetch = jest.fn((url: unknown) =>
    Promise.resolve(
      new Response(JSON.stringify(String(url).endsWith('/preview') ? preview : analysis), {
        status: 200,
      }),
    ),
  ) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  render(
    <I18nextProvider i18n={i18n}>
      <CheckPanel
        token="t"
        source={SOURCE}
        options={[
          { decision: 'd-open', option: 'open' },
          { decision: 'd-open', option: 'wait' },
        ]}
      />
    </I18nextProvider>,
  );

  const choices = [...screen.getByRole('combobox').querySelectorAll('option')].map(
    (o) => o.textContent,
  );
  expect(choices).toEqual([
    'Otvaranje prikolice → Otvoriti i provetriti',
    'Otvaranje prikolice → Čekati',
  ]);

  fireEvent.click(screen.getByRole('button', { name: 'Pokreni proveru' }));
  const result = await screen.findByRole('status');
  const text = result.textContent ?? '';
  for (const name of [
    'Vozač je optužen',
    'Slučaj je izgubljen',
    'Otkriće',
    'Beleška patrole',
    'Tužilac',
    'Otvaranje prikolice: Čekati',
  ])
    expect(text).toContain(name);
  for (const id of ['charged', 'discovery', 'prosecutor', 'd-open', 'note'])
    expect(text).not.toContain(id);

  fireEvent.click(screen.getByRole('button', { name: 'Pregled' }));
  expect((await screen.findByText(/Beleška patrole/, { selector: 'p' })).textContent).toContain(
    'Tužilac',
  );
});

test('when the server cannot be reached, the check says so in the page’s language', async () => {
  globalThis.fetch = jest.fn(() =>
    Promise.reject(new TypeError('Failed to fetch')),
  ) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  render(
    <I18nextProvider i18n={i18n}>
      <CheckPanel token="t" source={SOURCE} options={[]} />
    </I18nextProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Pokreni proveru' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(i18n.t('facilitate.errors.network'));
  expect(alert.textContent).not.toMatch(/fetch/i);
});
