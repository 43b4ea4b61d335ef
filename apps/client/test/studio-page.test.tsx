/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { StudioScenario } from '@crossroads/shared';
import { createI18n } from '../src/i18n';
import { staffAuthStore } from '../src/lib/facilitatorApi';
import { StudioPage } from '../src/pages/StudioPage';
import { StudioScenarioPage } from '../src/pages/StudioScenarioPage';
import { MemoryStorage } from './fakes';
import { STAFF_LOGIN } from './facilitator-fixtures';

// The editor loads CodeMirror, which jsdom cannot run: the page around it is what is tested here.
jest.mock('../src/studio/StudioEditor', () => ({ StudioEditor: () => null }));
jest.mock('../src/studio/studio.css', () => ({}));
jest.mock('../src/facilitator/facilitator.css', () => ({}));

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  staffAuthStore().clear();
});

const SOURCE = `id: wagon-at-sid
version: 1.0.0
title:
  en: Wagon at Šid
  sr-Latn: Vagon u Šidu
languages: [en, sr-Latn]
`;

function draft(source: string): StudioScenario {
  return {
    id: '6f1c0c9e-8a53-4c1e-9a51-1f0f7f1b2c3d',
    scenarioId: 'wagon-at-sid',
    // The English title alone, as the server gives it when the draft's own does not read.
    title: 'Wagon at Šid',
    owner: 'facilitator',
    createdAt: '2026-12-07T05:00:00.000Z',
    draftUpdatedAt: '2026-12-07T05:00:00.000Z',
    versions: [],
    source,
    validation: {
      ok: true,
      errors: [],
      warnings: [],
      id: 'wagon-at-sid',
      version: '1.0.0',
      title: 'Wagon at Šid',
      languages: ['en', 'sr-Latn'],
      agencies: [],
      counts: {},
      graph: null,
      ms: 1,
    },
  };
}

function logIn() {
  staffAuthStore().set(STAFF_LOGIN);
}

function renderPage(language: string, source: string) {
  logIn();
  globalThis.fetch = jest.fn(async (input: string | URL | Request) => {
    const url = String(input);
    const body = url.endsWith('/schema') ? { type: 'object', properties: {} } : draft(source);
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [{ path: '/facilitate/studio/:id', element: <StudioScenarioPage /> }],
    { initialEntries: ['/facilitate/studio/6f1c0c9e-8a53-4c1e-9a51-1f0f7f1b2c3d'] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

test('in Serbian the studio names the draft by its Serbian title, not the English one', async () => {
  renderPage('sr-Latn', SOURCE);
  expect(await screen.findByRole('heading', { level: 1, name: 'Vagon u Šidu' })).toBeTruthy();
  expect(screen.queryByText('Wagon at Šid')).toBeNull();
});

test('a language the draft has no title in reads its English title', async () => {
  renderPage('sq', SOURCE);
  expect(await screen.findByRole('heading', { level: 1, name: 'Wagon at Šid' })).toBeTruthy();
});

test('a draft whose source does not read keeps the title the server gave', async () => {
  renderPage('sr-Latn', 'title: [unclosed');
  expect(await screen.findByRole('heading', { level: 1, name: 'Wagon at Šid' })).toBeTruthy();
});

test('creating a draft says so while the server checks it, and a second click creates nothing more', async () => {
  logIn();
  const posts: string[] = [];
  globalThis.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST') {
      posts.push(url);
      return new Promise<Response>(() => {});
    }
    const body = url.endsWith('/templates')
      ? [{ id: 'starter', title: { en: 'A car at the green border' } }]
      : [];
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter([{ path: '/facilitate/studio', element: <StudioPage /> }], {
    initialEntries: ['/facilitate/studio'],
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  const button = await screen.findByRole('button', { name: 'Napravi od šablona' });
  fireEvent.click(button);
  expect((await screen.findByRole('status')).textContent).toBe(
    'Pravi se nacrt i proverava njegov tekst…',
  );
  expect((button as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(button);
  expect(posts).toEqual(['/api/studio/scenarios']);
});

function renderHome(language: string): { posts: { url: string; body: unknown }[] } {
  logIn();
  const posts: { url: string; body: unknown }[] = [];
  globalThis.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST') {
      posts.push({ url, body: JSON.parse(String(init.body)) as unknown });
      return new Promise<Response>(() => {});
    }
    return { ok: true, status: 200, json: async () => [] } as Response;
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter([{ path: '/facilitate/studio', element: <StudioPage /> }], {
    initialEntries: ['/facilitate/studio'],
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  return { posts };
}

async function importFile(label: string, name: string, text: string): Promise<void> {
  const input = await screen.findByLabelText(label);
  // jsdom's File has no text(): the browser's does.
  const file = Object.assign(new File([text], name, { type: 'text/yaml' }), {
    text: () => Promise.resolve(text),
  });
  // The page reads the file asynchronously: the act lets it finish before the test looks.
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
    await Promise.resolve();
  });
}

test('a file that is not valid YAML is not imported: the page says which file and from which line', async () => {
  const { posts } = renderHome('sr-Latn');
  await importFile(
    'Uvezi datoteku (YAML ili JSON)',
    'taxi.yaml',
    'id: taxi\ntitle: A taxi\nphases:\n  - id: [unclosed\n',
  );
  expect((await screen.findByRole('alert')).textContent).toMatch(
    /^Datoteka taxi\.yaml ne može da se pročita: nije ispravan YAML ni JSON od \d\. reda\. Nacrt nije napravljen/,
  );
  expect(posts).toEqual([]);
});

test('prose is not imported as a scenario', async () => {
  const { posts } = renderHome('en');
  await importFile('Import a file (YAML or JSON)', 'notes.txt', 'Just some notes about the case.');
  expect((await screen.findByRole('alert')).textContent).toBe(
    'notes.txt is not a scenario: a scenario file is a set of named fields (id, title, phases…), and this file is not. No draft was made.',
  );
  expect(posts).toEqual([]);
});

test('a scenario file without an id takes its id from the file name', async () => {
  const { posts } = renderHome('en');
  await importFile('Import a file (YAML or JSON)', 'Prelaz Drina 2.yaml', 'title: A crossing\n');
  await screen.findByText('Creating the draft and checking its text…');
  expect(posts).toEqual([
    {
      url: '/api/studio/scenarios',
      body: { source: 'title: A crossing\n', scenarioId: 'prelaz-drina-2' },
    },
  ]);
});

test('a scenario file with its own id keeps it', async () => {
  const { posts } = renderHome('en');
  await importFile('Import a file (YAML or JSON)', 'copy.yaml', 'id: wagon-at-sid\n');
  await screen.findByText('Creating the draft and checking its text…');
  expect(posts).toEqual([{ url: '/api/studio/scenarios', body: { source: 'id: wagon-at-sid\n' } }]);
});

test('the draft list names each draft by its title in the page’s language, else in English', async () => {
  logIn();
  const item = (id: string, title: StudioScenario['title']) => {
    const { source: _source, validation: _validation, ...rest } = draft(SOURCE);
    return { ...rest, id, title };
  };
  const list = [
    item('6f1c0c9e-8a53-4c1e-9a51-1f0f7f1b2c3d', { en: 'Wagon at Šid', 'sr-Latn': 'Vagon u Šidu' }),
    item('7f1c0c9e-8a53-4c1e-9a51-1f0f7f1b2c3d', { en: 'A taxi at the bus station' }),
  ];
  globalThis.fetch = jest.fn(async (input: string | URL | Request) => {
    const body = String(input).endsWith('/api/studio/scenarios') ? list : [];
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter([{ path: '/facilitate/studio', element: <StudioPage /> }], {
    initialEntries: ['/facilitate/studio'],
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  expect(await screen.findByRole('link', { name: 'Vagon u Šidu' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'A taxi at the bus station' })).toBeTruthy();
  expect(screen.queryByRole('link', { name: 'Wagon at Šid' })).toBeNull();
});
