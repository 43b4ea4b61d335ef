/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { StudioScenario } from '@crossroads/shared';
import { createI18n } from '../src/i18n';
import { StudioEditor } from '../src/studio/StudioEditor';
import { VersionsPanel } from '../src/studio/VersionsPanel';
import { MemoryStorage } from './fakes';

/*
 * The source view is CodeMirror, which jsdom cannot run: a stand-in records what the editor asks
 * of it (the line to put the cursor on), so what the page around it does is tested here.
 */
const focused: number[] = [];
const labels: string[] = [];
jest.mock('../src/studio/SourceEditor', () => ({
  SourceEditor: ({ focusLine, label }: { focusLine: { line: number } | null; label: string }) => {
    if (focusLine) focused.push(focusLine.line);
    labels.push(label);
    return null;
  },
}));

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  focused.length = 0;
  labels.length = 0;
});

// An option's "- id:" moved two columns left, on line 6: not YAML any more.
const BROKEN = `id: van
version: 1.0.0
title: A van
phases:
  - id: stop
 - id: other
`;

/** The draft as the server gives it, with the checker's one YAML error on line 6. */
function draft(): StudioScenario {
  return {
    id: '6f1c0c9e-8a53-4c1e-9a51-1f0f7f1b2c3d',
    scenarioId: 'van',
    title: 'A van',
    owner: 'facilitator',
    createdAt: '2026-12-07T05:00:00.000Z',
    draftUpdatedAt: '2026-12-07T05:00:00.000Z',
    versions: [],
    source: BROKEN,
    validation: {
      ok: false,
      errors: [
        {
          path: '',
          line: 6,
          message:
            'not valid YAML: this line does not line up with the lines it belongs with (the parser says: All collection items must start at the same column)',
        },
      ],
      warnings: [],
      id: null,
      version: null,
      title: 'A van',
      languages: ['en'],
      agencies: [],
      counts: {},
      graph: null,
      ms: 1,
    },
  };
}

/** The editor on `initial` (the broken draft unless given), in `language`; the server never answers. */
function renderEditor(language: string, initial: StudioScenario = draft()) {
  globalThis.fetch = jest.fn(() => new Promise<Response>(() => {})) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  render(
    <I18nextProvider i18n={i18n}>
      <StudioEditor token="t" initial={initial} schema={{ type: 'object' }} reload={() => {}} />
    </I18nextProvider>,
  );
}

test('a YAML error says where in the page language, without the parser English', () => {
  renderEditor('sr-Latn');
  const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
  expect(alerts[0]).toBe(
    'Tekst nije ispravan YAML od reda 6. Ispravite ga u prikazu izvora; obrasci čekaju do tada.',
  );
  expect(alerts[0]).not.toMatch(/column|collection|mapping|implicit/i);
});

test('choosing the line of a problem of the whole file puts the cursor on that line', () => {
  renderEditor('en');
  expect(focused).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Line 6:' }));
  expect(focused).toEqual([6]);
});

test('the source view tells how to leave it by keyboard, on the page and in its label', () => {
  // Tab indents inside the source: told nothing, a keyboard user is caught in it.
  renderEditor('sr-Latn');
  const keys = 'U izvoru taster Tab uvlači red; da biste izašli iz njega, pritisnite Esc, pa Tab.';
  expect(screen.getByText(keys)).toBeTruthy();
  expect(labels.at(-1)).toBe(`Izvor scenarija u YAML-u. ${keys}`);
});

test('the checker’s problems read in the page’s language, the rarer kinds too; one without a kind keeps the checker’s words', () => {
  const base = draft();
  const initial: StudioScenario = {
    ...base,
    source: 'id: van\nphases:\n  - id: stop\n',
    validation: {
      ...base.validation,
      errors: [
        {
          path: 'phases[0].decisions[0].options[0].effects[0].goto',
          line: 3,
          message: 'unknown phase "stations" (known: stop, screening)',
          code: 'unknown_ref',
          params: { what: 'phase', id: 'stations', known: 'stop, screening' },
        },
        {
          path: 'phases[0].title',
          line: 3,
          message: 'missing required field "title"',
          code: 'missing_field',
          params: { field: 'title' },
        },
        {
          path: 'phases[0].when',
          line: 3,
          message: 'expected object, got the text "later"',
          code: 'expected_type',
          params: { expected: 'object', got: 'text', value: 'later' },
        },
        {
          path: 'phases[0]',
          line: 3,
          message:
            'phases stop → stop form a cycle with no exit: no option in them ends the scenario or leads out',
          code: 'phase_cycle',
          params: { phases: 'stop → stop' },
        },
        {
          path: '',
          line: 2,
          message:
            'not valid YAML: this line is indented with a tab (the parser says: Tabs are not allowed)',
          code: 'yaml_syntax',
          params: { reason: 'tab', detail: 'Tabs are not allowed' },
        },
        {
          path: 'phases[0].id',
          line: 3,
          message: 'a phase the team can never leave',
        },
      ],
    },
  };
  renderEditor('sr-Latn', initial);
  const list = screen.getByRole('region', { name: 'Problemi koje treba ispraviti' });
  expect([...list.querySelectorAll('li button')].map((b) => b.textContent)).toEqual([
    'Red 3: Ne postoji faza „stations“ (postoje: stop, screening)',
    'Red 3: Nedostaje obavezno polje „Naslov“ (title)',
    'Red 3: Očekuje se mapa polja, a piše tekst „later“',
    'Red 3: Faze stop → stop čine krug bez izlaza: nijedna opcija u njima ne završava scenario niti vodi napolje',
    'Red 3: a phase the team can never leave',
  ]);
  // A problem of the whole file is told above the list, in the page's language too.
  expect(
    screen
      .getAllByRole('alert')
      .map((a) => a.textContent)
      .filter((text) => text?.includes('YAML')),
  ).toEqual([
    'Red 2: Nije ispravan YAML: ovaj red je uvučen tabulatorom; uvlačite samo razmacima (parser kaže: Tabs are not allowed)',
  ]);
});

test('a draft that works but states a verdict lists its warnings in the page’s language, each going to its line', () => {
  const base = draft();
  const initial: StudioScenario = {
    ...base,
    source: 'id: van\nversion: 1.0.0\n',
    validation: {
      ...base.validation,
      ok: true,
      errors: [],
      warnings: [
        {
          path: 'phases[0].decisions[0].options[1].annotations[0]',
          line: 131,
          message: 'the option rates itself with rubric rule "R07" (-2 rights)',
          code: 'option_rates_itself',
          params: { rule: 'R07', points: '-2', axis: 'rights' },
        },
        {
          path: '',
          line: 69,
          message: 'fact "search_unlawful" states a legal conclusion ("unlawful")',
          code: 'verdict_fact_id',
          params: { fact: 'search_unlawful', word: 'unlawful' },
        },
      ],
    },
  };
  renderEditor('sr-Latn', initial);
  // The status says the draft works, and that it has something to read.
  const status = screen.getByRole('status');
  expect(within(status).getByText('Ispravan')).toBeTruthy();
  expect(within(status).getByText('2 upozorenja')).toBeTruthy();
  const list = screen.getByRole('group', { name: '2 upozorenja' });
  const items = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
  // In file order, as the author reads the source.
  expect(items[0]).toMatch(/^Red 69: Činjenica „search_unlawful“ iznosi pravni zaključak/);
  expect(items[1]).toMatch(
    /^Red 131: Opcija sama sebe ocenjuje pravilom rubrike „R07“ \(-2 na osi ljudskih prava\)/,
  );
  fireEvent.click(screen.getByRole('button', { name: /^Red 69:/ }));
  expect(focused).toEqual([69]);
});

test('a refused publish lists each finding in the page’s language, with its line and path', async () => {
  const base = draft();
  const valid: StudioScenario = {
    ...base,
    source: 'id: van\nversion: 1.0.0\n',
    validation: { ...base.validation, ok: true, errors: [], id: 'van', version: '1.0.0' },
  };
  // The server's refusal: a draft that rates one of its options itself (see studio.service.ts).
  const refusal = {
    code: 'protocol/invalid_payload',
    message:
      'The draft names a rubric rule or states a legal conclusion (1 finding(s)); a published scenario states facts and the legal model decides what they mean. Fix before publishing: phases[0].decisions[0].options[0].annotations[0] (option_rates_itself).',
    details: [
      {
        path: 'phases[0].decisions[0].options[0].annotations[0]',
        line: 12,
        message:
          'the option rates itself with rubric rule "R07" (+5 rights); record the acts and facts instead and let the legal model score them',
        code: 'option_rates_itself',
        params: { rule: 'R07', points: '+5', axis: 'rights' },
      },
    ],
  };
  const calls: string[] = [];
  globalThis.fetch = jest.fn((input: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${input}`);
    return Promise.resolve({
      ok: false,
      status: 400,
      json: () => Promise.resolve(refusal),
    } as unknown as Response);
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <I18nextProvider i18n={i18n}>
          <VersionsPanel token="t" scenario={valid} dirty={false} onPublished={() => {}} />
        </I18nextProvider>
      ),
    },
  ]);
  render(<RouterProvider router={router} />);
  fireEvent.click(screen.getByRole('button', { name: 'Objavi verziju 1.0.0' }));
  const alert = await screen.findByRole('alert');
  expect(calls).toEqual([`POST /api/studio/scenarios/${valid.id}/publish`]);
  expect(alert.textContent).toContain(
    'Nije objavljeno. Prvo izmenite ovo u nacrtu (nacrt ostaje sačuvan ovakav kakav je):',
  );
  const item = within(alert).getByRole('listitem');
  expect(item.textContent).toBe(
    'Red 12: Opcija sama sebe ocenjuje pravilom rubrike „R07“ (+5 na osi ljudskih prava); umesto toga zabeležite radnje i činjenice, a bodove neka dodeli pravni model phases[0].decisions[0].options[0].annotations[0]',
  );
  // Not the server's English.
  expect(alert.textContent).not.toContain('rates itself');
});
