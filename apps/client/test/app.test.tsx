/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { App, routes } from '../src/App';
import { Layout } from '../src/components/Layout';
import { RouteError } from '../src/components/RouteError';
import { createI18n } from '../src/i18n';
import { FakeSocket, MemoryStorage, healthyBody } from './fakes';

beforeAll(() => {
  // jsdom has neither; the router restores scroll and the status line polls health.
  window.scrollTo = jest.fn();
  globalThis.fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    json: async () => healthyBody,
  })) as unknown as typeof fetch;
});

/** The status line's first health check has come back (its state update is inside act()). */
async function healthSettled(): Promise<void> {
  await waitFor(() =>
    expect(document.querySelector('footer')?.getAttribute('data-server-health')).toBe('ok'),
  );
}

function renderApp(path: string, language = 'en', appRoutes: RouteObject[] = routes) {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const socket = new FakeSocket();
  socket.connected = true;
  render(<App i18n={i18n} socket={socket.asSocket()} router={router} />);
  return { router, i18n };
}

describe('app shell', () => {
  test('the start page explains Crossroads and offers the three entry points as cards', async () => {
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Multi-agency simulations of migrant-smuggling investigations',
    );
    const cards = within(screen.getByRole('region', { name: 'Where do you want to start?' }));
    const links = cards.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Run a session', '/facilitate'],
      ['Join a session', '/join'],
      ['Debriefs', '/debriefs'],
    ]);
    expect(document.title).toBe('Start · Crossroads');
    // Let the status line's first health check settle inside act().
    await healthSettled();
  });

  test('has landmarks, a skip link and the main navigation', async () => {
    renderApp('/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(
      '#main',
    );
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Run a session',
      'Join a session',
      'Debriefs',
    ]);
    await healthSettled();
  });

  test('a trainee never reads "database ok"; staff pages keep the server health', async () => {
    const { router } = renderApp('/');
    await healthSettled();
    const footer = () => screen.getByRole('contentinfo');
    expect(footer().textContent).toContain('Connected');
    expect(footer().textContent).not.toMatch(/database|Server/);
    await act(() => router.navigate('/join'));
    expect(footer().textContent).not.toMatch(/database/);
    await act(() => router.navigate('/facilitate'));
    expect(await within(footer()).findByText('database ok')).toBeTruthy();
  });

  test('the Menu button opens and closes the nav (a phone shows only the header line)', async () => {
    renderApp('/');
    const menu = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('aria-controls')).toBe(nav.id);
    expect(nav.getAttribute('data-open')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(nav.getAttribute('data-open')).toBe('true');
    // Escape closes it and gives focus back to the button.
    fireEvent.keyDown(within(nav).getByRole('link', { name: 'Join a session' }), { key: 'Escape' });
    expect(nav.getAttribute('data-open')).toBe('false');
    expect(document.activeElement).toBe(menu);
    // Choosing a page closes it too.
    fireEvent.click(menu);
    fireEvent.click(within(nav).getByRole('link', { name: 'Join a session' }));
    expect(nav.getAttribute('data-open')).toBe('false');
    await healthSettled();
  });

  test('the skip link moves focus to the main content', async () => {
    renderApp('/');
    fireEvent.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    await healthSettled();
  });

  test('navigating loads the page, marks the nav link current and moves focus to main', async () => {
    renderApp('/');
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    fireEvent.click(nav.getByRole('link', { name: 'Join a session' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Join a session' })).toBeTruthy();
    expect(nav.getByRole('link', { name: 'Join a session' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(document.title).toBe('Join a session · Crossroads');
  });

  test.each([
    ['/facilitate', 'Run a session'],
    ['/debriefs', 'Debriefs'],
  ])('%s renders its page', async (path, title) => {
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
  });

  test('an unknown address shows the 404 page inside the layout', async () => {
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe(
      '/',
    );
    await healthSettled();
  });

  test('switching language re-renders the shell in Serbian', async () => {
    const { i18n } = renderApp('/');
    await act(() => i18n.changeLanguage('sr-Latn'));
    const nav = within(screen.getByRole('navigation', { name: 'Glavni meni' }));
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Vodi sesiju',
      'Pridruži se sesiji',
      'Analize',
    ]);
    expect(document.title).toBe('Početna · Crossroads');
    await healthSettled();
  });

  test('a page that crashes is replaced by an error message inside the layout', async () => {
    function Broken(): never {
      throw new Error('render failed');
    }
    const withBrokenPage: RouteObject[] = [
      {
        path: '/',
        element: <Layout />,
        children: [
          { errorElement: <RouteError />, children: [{ path: 'broken', element: <Broken /> }] },
        ],
      },
    ];
    // React and the router report the caught error on the console; that is expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      renderApp('/broken', 'en', withBrokenPage);
      expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
      expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
      expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
      expect(document.title).toBe('Something went wrong · Crossroads');
      await healthSettled();
    } finally {
      quiet.mockRestore();
      warn.mockRestore();
    }
  });
});
