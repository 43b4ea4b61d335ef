/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type {
  DryRunAction,
  StudioAction,
  StudioDryRun,
  StudioEffect,
  StudioValidation,
} from '@crossroads/shared';
import { DryRunPanel } from '../src/studio/DryRunPanel';
import { createI18n } from '../src/i18n';
import { MemoryStorage } from './fakes';
import { view } from './trainee-fakes';

/** The dry-run panel in the page language `language`, over `source`, with the page's validation. */
function renderDryRun(language: string, validation: StudioValidation, source = 'id: x') {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  render(
    <I18nextProvider i18n={i18n}>
      <DryRunPanel token="t" source={source} validation={validation} />
    </I18nextProvider>,
  );
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const run: StudioDryRun = {
  ok: true,
  steps: [],
  actions: [],
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
  const validation = {
    agencies: [{ id: 'border_police', name: 'Border police' }],
  } as unknown as StudioValidation;
  renderDryRun('en', validation);
  const closed = await screen.findByRole('button', { name: /Wait for the technician/ });
  expect((closed as HTMLButtonElement).disabled).toBe(true);
  expect(closed.hasAttribute('title')).toBe(false);
  const reason = document.getElementById(closed.getAttribute('aria-describedby') ?? '');
  // As the trainee playing that agency reads it: the code's headline, then the scenario's words.
  expect(reason?.textContent).toBe(
    'Not available now: A condition is not met. The technician is 25 km away.',
  );
  // Seen on the page, not only in a tooltip.
  expect(reason?.className).toContain('studio-option__why');
  // An open option has no reason.
  const open = screen.getByRole('button', { name: /Open and ventilate/ });
  expect(open.hasAttribute('aria-describedby')).toBe(false);
});

test("in Serbian a closed option of the dry run says why in Serbian, with the scenario's own words", async () => {
  const closedView = view();
  const option = closedView.decisions[0]?.options.find((o) => !o.enabled);
  if (!option) throw new Error('the fixture has no closed option');
  option.whyNot = {
    code: 'engine/condition_not_met',
    message: 'Needs "A temporary guardian for Rania" granted: send the request first.',
    text: {
      en: 'Needs "A temporary guardian for Rania" granted: send the request first.',
      'sr-Latn':
        'Potrebno je da "Privremeni staratelj za Raniju" bude odobreno: prvo pošaljite zahtev.',
    },
  };
  globalThis.fetch = jest.fn(() =>
    Promise.resolve(new Response(JSON.stringify({ ...run, view: closedView }), { status: 200 })),
  ) as unknown as typeof fetch;
  const validation = {
    agencies: [{ id: 'border_police', name: sr('Border police', 'Granična policija') }],
  } as unknown as StudioValidation;
  renderDryRun('sr-Latn', validation);
  const closed = await screen.findByRole('button', { name: /Wait for the technician/ });
  const reason = document.getElementById(closed.getAttribute('aria-describedby') ?? '');
  expect(reason?.textContent).toBe(
    'Trenutno nedostupno: Jedan uslov nije ispunjen. Potrebno je da "Privremeni staratelj za Raniju" bude odobreno: prvo pošaljite zahtev.',
  );
  expect(reason?.textContent).not.toMatch(/Needs|send the request|condition/);
});

/*
 * The server sends each step as data (action, ids, the scenario's texts in its languages, effects
 * by kind); the page words it. A fake studio server answers the dry-run for the actions the page
 * sends, as the real one would for a scenario in English and Serbian.
 */
const sr = (en: string, srLatn: string) => ({ en, 'sr-Latn': srLatn });
const decision = { id: 'd-open', text: sr('Open the trailer', 'Otvaranje prikolice') };
const open = { id: 'open', text: sr('Open and ventilate', 'Otvoriti i provetriti') };
const order = { id: 'r-order', text: sr('Ask for a search order', 'Zatražiti naredbu za pretres') };
const heat = { id: 'heat', text: sr('Heat camera alert', 'Upozorenje termalne kamere') };
const phone = { id: 'phone-1', text: sr("Driver's phone", 'Telefon vozača') };

function described(a: DryRunAction): { action: StudioAction; effects: StudioEffect[] } {
  switch (a.type) {
    case 'decision.made':
      return {
        action: { type: 'decision.made', decision, option: open },
        effects: [
          {
            kind: 'act',
            act: 'triage',
            persons: [{ id: 'driver', text: sr('The driver', 'Vozač') }],
          },
          { kind: 'phase', phase: { id: 'search', text: sr('The search', 'Pretres') } },
          { kind: 'fact', fact: 'trailer_open', value: true },
        ],
      };
    case 'request.sent':
      return {
        action: { type: 'request.sent', request: order },
        effects: [{ kind: 'request', request: order, status: 'pending' }],
      };
    case 'inject.released':
      return {
        action: { type: 'inject.released', inject: heat },
        effects: [{ kind: 'inject', inject: heat }],
      };
    case 'request.answered':
      return {
        action: { type: 'request.answered', request: order, granted: a.payload.granted === true },
        effects: [
          { kind: 'request', request: order, status: 'granted' },
          { kind: 'evidence', evidence: phone, tainted: true, taintReasons: ['no_order'] },
          { kind: 'reveal', item: phone, to: ['prosecutor'] },
        ],
      };
    default:
      return {
        action: { type: 'clock.ticked', minutes: Number(a.payload.minutes) },
        effects: [
          {
            kind: 'ended',
            ending: { id: 'charged', text: sr('The driver is charged', 'Vozač je optužen') },
            endingKind: 'conviction',
          },
        ],
      };
  }
}

function fakeStudioServer(): void {
  globalThis.fetch = jest.fn((_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as {
      events: DryRunAction[];
      role: string | null;
      upTo?: number;
    };
    const played = body.events.slice(0, body.upTo ?? body.events.length);
    const result: StudioDryRun = {
      ...run,
      view: body.role === null ? null : view(),
      steps: played.map((a, index) => ({
        index,
        role: a.role,
        time: index * 10,
        accepted: true,
        ...described(a),
      })),
      actions: body.events.map((a) => described(a).action),
      facilitator: {
        injects: [{ id: 'heat', title: heat.text, released: false }],
        pendingRequests: [
          { request: 'r-order', title: order.text, from: 'border_police', to: 'prosecutor' },
        ],
      },
    };
    return Promise.resolve(new Response(JSON.stringify(result), { status: 200 }));
  }) as unknown as typeof fetch;
}

test('in Serbian the dry-run timeline words every step and effect in Serbian, without English', async () => {
  fakeStudioServer();
  const validation = {
    agencies: [
      {
        id: 'border_police',
        name: sr('Border police at the crossing', 'Granična policija na prelazu'),
        shortName: sr('Border police', 'Granična policija'),
      },
      { id: 'prosecutor', name: sr('Prosecutor', 'Tužilac') },
    ],
    graph: { phases: [{ id: 'discovery', title: sr('Discovery', 'Otkrivanje') }] },
  } as unknown as StudioValidation;
  renderDryRun('sr-Latn', validation);
  // The role list has the agencies' full names, the state line the phase's title, in Serbian.
  expect(
    await screen.findByRole('heading', { name: 'Kao Granična policija na prelazu' }),
  ).toBeTruthy();
  expect(await screen.findByText('Faza Otkrivanje · minut 30')).toBeTruthy();
  fireEvent.click(await screen.findByRole('button', { name: /Open and ventilate/ }));
  fireEvent.click(await screen.findByRole('button', { name: /Pošalji zahtev/ }));
  fireEvent.change(screen.getByLabelText('Igraj kao'), { target: { value: '' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Pusti: Upozorenje termalne kamere' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Odobri' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Pomeri sat' }));

  const timeline = screen.getByRole('heading', { name: /Hronologija/ })
    .parentElement as HTMLElement;
  await waitFor(() =>
    expect(
      within(timeline)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Početak',
      '0 min · Granična policija: Otvaranje prikolice: Otvoriti i provetriti',
      '10 min · Granična policija: Zahtev poslat: Zatražiti naredbu za pretres',
      '20 min · Voditelj: Objavljen injekt: Upozorenje termalne kamere',
      '30 min · Voditelj: Zahtev odobren: Zatražiti naredbu za pretres',
      '40 min · Voditelj: Sat pomeren za 30 min',
    ]),
  );
  const effects = within(timeline)
    .getAllByRole('list', { name: 'Šta je usledilo' })
    .map((list) =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    );
  expect(effects).toEqual([
    [
      'Zabeležena radnja: triage (Vozač)',
      'Prelazak u fazu: Pretres',
      'Činjenica trailer_open = da',
    ],
    ['Zahtev čeka odgovor: Zatražiti naredbu za pretres'],
    ['Stiže injekt: Upozorenje termalne kamere'],
    [
      'Zahtev odobren: Zatražiti naredbu za pretres',
      'Pribavljen dokaz: Telefon vozača (nezakonito pribavljen: no_order)',
      'Telefon vozača sada vidi: Tužilac',
    ],
    ['Kraj: Vozač je optužen (Osuđujuća presuda)'],
  ]);
  // No English wording or English scenario text anywhere in the timeline.
  const text = timeline.textContent ?? '';
  for (const english of [
    'send',
    'grant',
    'refuse',
    'release',
    'clock',
    'phase',
    'ending',
    'fact',
    'evidence',
    'tainted',
    'reveal',
    'Facilitator',
    'Open the trailer',
    'Ask for a search order',
    'Heat camera alert',
    'Prosecutor',
    'Border police',
  ])
    expect(text.toLowerCase()).not.toContain(english.toLowerCase());
});

test('a scenario text with no translation falls back to English, an unknown id stays an id', async () => {
  globalThis.fetch = jest.fn((_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { events: DryRunAction[] };
    const result: StudioDryRun = {
      ...run,
      steps: body.events.map((a, index) => ({
        index,
        role: a.role,
        time: 0,
        accepted: true,
        action: {
          type: 'decision.made',
          decision: { id: 'd-open', text: { en: 'Open the trailer' } },
          option: { id: 'open', text: null },
        },
        effects: [],
      })),
    };
    return Promise.resolve(new Response(JSON.stringify(result), { status: 200 }));
  }) as unknown as typeof fetch;
  const validation = {
    agencies: [{ id: 'border_police', name: { en: 'Border police' } }],
  } as unknown as StudioValidation;
  renderDryRun('sr-Latn', validation);
  fireEvent.click(await screen.findByRole('button', { name: /Open and ventilate/ }));
  expect(
    await screen.findByRole('button', { name: '0 min · Border police: Open the trailer: open' }),
  ).toBeTruthy();
});

const NAMED_SOURCE = `id: trailer
agencies:
  - id: border_police
    name: { en: Border police, sr-Latn: Granična policija }
phases:
  - id: discovery
    decisions:
      - id: d-open
        title: { en: Open the trailer, sr-Latn: Otvaranje prikolice }
        options:
          - id: open
            label: { en: Open and ventilate, sr-Latn: Otvoriti i provetriti }
`;

test('an action the server could not name (its text did not compile) reads by the names in the source', async () => {
  let calls = 0;
  globalThis.fetch = jest.fn((_url: unknown, init?: RequestInit) => {
    calls += 1;
    const body = JSON.parse(String(init?.body)) as { events: DryRunAction[] };
    // First the open view; once an option is played, the text no longer compiles.
    const result: StudioDryRun =
      calls === 1
        ? run
        : {
            ...run,
            ok: false,
            message: 'The scenario does not validate: fix the errors first.',
            steps: [],
            view: null,
            actions: body.events.map(() => ({
              type: 'decision.made',
              decision: { id: 'd-open', text: null },
              option: { id: 'open', text: null },
            })),
          };
    return Promise.resolve(new Response(JSON.stringify(result), { status: 200 }));
  }) as unknown as typeof fetch;
  const validation = {
    agencies: [{ id: 'border_police', name: sr('Border police', 'Granična policija') }],
  } as unknown as StudioValidation;
  renderDryRun('sr-Latn', validation, NAMED_SOURCE);
  fireEvent.click(await screen.findByRole('button', { name: /Open and ventilate/ }));
  expect(
    await screen.findByRole('button', {
      name: 'Granična policija: Otvaranje prikolice: Otvoriti i provetriti',
    }),
  ).toBeTruthy();
});

test('what a role sees is listed with each thing’s kind in words, no emoji that a machine without an emoji font draws as boxes', async () => {
  globalThis.fetch = jest.fn(() =>
    Promise.resolve(new Response(JSON.stringify(run), { status: 200 })),
  ) as unknown as typeof fetch;
  const validation = {
    agencies: [{ id: 'border_police', name: 'Border police' }],
  } as unknown as StudioValidation;
  renderDryRun('mk', validation);
  const heading = await screen.findByRole('heading', { name: 'Што гледа оваа улога' });
  const list = heading.nextElementSibling as HTMLElement;
  expect([...within(list).getAllByRole('listitem')].map((li) => li.textContent)).toEqual([
    'Спис: CMR consignment note',
    "Доказ: Driver's phone",
    'Нов податок: Heat camera alert',
    'Лице: The driver',
  ]);
});
