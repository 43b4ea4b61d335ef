/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import type { ScenarioSummary } from '@crossroads/shared';
import { I18nextProvider } from 'react-i18next';
import { App, routes } from '../src/App';
import { useApiErrorText } from '../src/facilitator/StaffGate';
import { SessionSocketFactoryContext } from '../src/facilitator/useSessionConsole';
import { createI18n } from '../src/i18n';
import { ApiError, STAFF_AUTH_KEY, staffAuthStore } from '../src/lib/facilitatorApi';
import type { SessionSocketOptions } from '../src/lib/facilitatorSocket';
import { FakeSocket, MemoryStorage, healthyBody } from './fakes';
import { view as roleView } from './trainee-fakes';
import {
  AT,
  card,
  event,
  FakeSessionSocket,
  meta,
  P1,
  P2,
  P3,
  SESSION_ID,
  snapshot,
  STAFF_LOGIN,
  waitingWarrant,
} from './facilitator-fixtures';

// The facilitator pages load lazily; on a busy two-core machine the first import takes seconds.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const SCENARIO: ScenarioSummary = {
  id: 'van',
  version: '1.0.0',
  versions: ['1.0.0'],
  title: { en: 'Van at Kelebija', 'sr-Latn': 'Kombi kod Kelebije' },
  summary: 'A border patrol stops a van with seven people inside.',
  agencies: [
    { id: 'border_police', name: 'Border Police', playable: 'required' },
    { id: 'cso', name: 'Legal aid CSO', playable: 'optional' },
    { id: 'judge', name: 'Judge', playable: 'facilitator' },
  ],
  durationMinutes: 45,
  objectives: ['Put life and health first.'],
  contentWarnings: ['A child in danger.'],
  languages: ['en', 'sr-Latn'],
  country: 'RS',
  graph: {
    phases: [
      { id: 'p1', title: 'At the border' },
      { id: 'p2', title: 'The interview' },
    ],
    endings: [{ id: 'e1', title: 'Charges filed', kind: 'conviction' }],
    edges: [
      { from: 'p1', to: 'p2' },
      { from: 'p2', to: 'e1' },
    ],
  },
};

type Answer = { status: number; body: unknown };
let answers: Record<string, (init?: RequestInit) => Answer>;
let requests: { url: string; init?: RequestInit }[];

beforeAll(() => {
  window.scrollTo = jest.fn();
});

beforeEach(() => {
  window.sessionStorage.clear();
  staffAuthStore().clear();
  requests = [];
  answers = { '/api/health': () => ({ status: 200, body: healthyBody }) };
  globalThis.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, ...(init ? { init } : {}) });
    const answer = answers[url]?.(init) ?? {
      status: 404,
      body: { code: 'session/not_found', message: 'nope' },
    };
    return {
      ok: answer.status < 400,
      status: answer.status,
      json: async () => answer.body,
    } as Response;
  }) as unknown as typeof fetch;
});

function logIn() {
  staffAuthStore().set(STAFF_LOGIN);
}

function renderAt(path: string, language = 'en') {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const appSocket = new FakeSocket();
  const sockets: FakeSessionSocket[] = [];
  const factory = (options: SessionSocketOptions) => {
    const socket = new FakeSessionSocket(options);
    sockets.push(socket);
    return socket.asSocket();
  };
  render(
    <SessionSocketFactoryContext.Provider value={factory}>
      <App i18n={i18n} socket={appSocket.asSocket()} router={router} />
    </SessionSocketFactoryContext.Provider>,
  );
  /** The live console socket (StrictMode mounts twice; the last one is the live one). */
  const live = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no session socket yet');
    return socket;
  };
  return { router, i18n, live, sockets };
}

/** A snapshot of a session run in Serbian (Latin), as the console gets it. */
function serbianSession(status?: 'lobby') {
  return snapshot({
    session: meta({
      ...(status ? { status } : {}),
      settings: { ...meta().settings, language: 'sr-Latn' },
    }),
  });
}

async function openConsole(
  path = `/facilitate/sessions/${SESSION_ID}`,
  snap = snapshot(),
  title = 'Van at Kelebija',
  language = 'en',
) {
  logIn();
  const view = renderAt(path, language);
  await screen.findByText(view.i18n.t('console.connecting'));
  act(() => {
    view.live().serverAccepts();
    view.live().fire('session.snapshot', snap);
  });
  await screen.findByRole('heading', { level: 1, name: title });
  return view;
}

describe('console connection', () => {
  test('after the server closed a console that fell behind, the reload is explained until dismissed', async () => {
    const { live } = await openConsole();
    act(() => {
      live().fire('notice', {
        code: 'protocol/slow_consumer',
        message: 'The connection fell too far behind the session.',
      });
    });
    const banner = document.querySelector('[data-console-resynced]');
    expect(banner?.textContent).toContain('The connection fell behind, so the server closed it');
    fireEvent.click(within(banner as HTMLElement).getByRole('button', { name: 'Got it' }));
    expect(document.querySelector('[data-console-resynced]')).toBeNull();
  });
});

describe('console connection refused, in Serbian', () => {
  // Every code SessionsGateway's handshake refuses a console with, and the notices it closes an
  // open console after: each its own sentence in the reader's language, no English after it.
  test.each([
    [
      'protocol/unsupported_version',
      'This server speaks protocol 1; the client sent 0.',
      'console.refused.version',
      false,
    ],
    [
      'protocol/invalid_payload',
      'Invalid handshake: Invalid UUID',
      'console.refused.invalid',
      false,
    ],
    [
      'auth/forbidden',
      'You are not a facilitator of this session.',
      'console.refused.forbiddenFacilitator',
      false,
    ],
    ['session/not_found', 'No such session.', 'console.refused.notFound', false],
    [
      'protocol/internal',
      'The server could not check the credential.',
      'console.refused.internal',
      false,
    ],
    [
      'protocol/session_unavailable',
      'The owner did not answer.',
      'console.refused.unavailable',
      false,
    ],
    ['protocol/internal', 'Could not load the session.', 'console.refused.internal', true],
    [
      'session/not_found',
      "You were removed from this session's staff.",
      'console.refused.removed',
      true,
    ],
  ] as const)('%s (%s)', async (code, message, key, revoked) => {
    logIn();
    const { live, i18n } = renderAt(`/facilitate/sessions/${SESSION_ID}`, 'sr-Latn');
    await screen.findByText(i18n.t('console.connecting'));
    if (revoked) {
      act(() => {
        live().serverAccepts();
        live().fire('session.snapshot', snapshot());
      });
      // A Serbian reader reads the scenario's Serbian title (the session is in English).
      await screen.findByRole('heading', { level: 1, name: 'Kombi kod Kelebije' });
      act(() => live().revokes(code, message));
    } else {
      act(() => live().refuses(code, message));
    }
    const alert = await screen.findByRole('alert');
    const sentence = i18n.t(key);
    expect(sentence).not.toBe(i18n.getFixedT('en')(key));
    expect(alert.querySelector('.fac-error')?.textContent).toBe(sentence);
    expect(alert.textContent).not.toContain(message);
    expect(alert.querySelector('[lang]')).toBeNull();
  });

  test('a log-in ended while the console was open says so, and asks to log in again', async () => {
    const { live, i18n } = await openConsole(undefined, undefined, 'Kombi kod Kelebije', 'sr-Latn');
    act(() =>
      live().revokes(
        'auth/unauthenticated',
        'Your login has ended (logged out, expired or password changed). Log in again.',
      ),
    );
    // The console clears the log-in; the gate then asks for it, saying why.
    await screen.findByRole('button', { name: i18n.t('facilitate.login.submit') });
    expect(document.body.textContent).not.toContain('Your login has ended');
  });

  test("a code this console does not know says the server refused, with the server's English marked", async () => {
    logIn();
    const { live, i18n } = renderAt(`/facilitate/sessions/${SESSION_ID}`, 'sr-Latn');
    await screen.findByText(i18n.t('console.connecting'));
    act(() => live().refuses('auth/brand_new', 'A reason from a newer server.'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18n.t('console.refused.other'));
    const english = alert.querySelector('[lang="en"]');
    expect(english?.textContent).toBe('A reason from a newer server.');
    // The button reloads the page only for a page older than the server.
    expect(screen.getByRole('button', { name: i18n.t('console.refused.retry') })).toBeTruthy();
  });

  test('a page older than the server is offered a reload rather than another try', async () => {
    logIn();
    const { live, i18n } = renderAt(`/facilitate/sessions/${SESSION_ID}`, 'sr-Latn');
    await screen.findByText(i18n.t('console.connecting'));
    act(() => live().refuses('protocol/unsupported_version', 'This server speaks protocol 1.'));
    expect(await screen.findByRole('button', { name: 'Ponovo učitaj stranicu' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: i18n.t('console.refused.retry') })).toBeNull();
  });

  test('an address that names no session offers the way back, not another try', async () => {
    logIn();
    const { live, i18n } = renderAt(`/facilitate/sessions/${SESSION_ID}`, 'sr-Latn');
    await screen.findByText(i18n.t('console.connecting'));
    act(() => live().refuses('protocol/invalid_payload', 'Invalid handshake: Invalid UUID'));
    expect(await screen.findByRole('link', { name: i18n.t('console.refused.back') })).toBeTruthy();
    expect(screen.queryByRole('button', { name: i18n.t('console.refused.retry') })).toBeNull();
  });
});

describe('console notices, in Serbian', () => {
  test('a notice the server sends the open console reads in the reader language until dismissed', async () => {
    const { live, i18n } = await openConsole(undefined, undefined, 'Kombi kod Kelebije', 'sr-Latn');
    act(() =>
      live().fire('notice', {
        code: 'protocol/rate_limited',
        message: 'Too many commands: at most 20 in 10 seconds.',
      }),
    );
    const banner = document.querySelector('[data-console-notice]');
    expect(banner?.textContent).toContain(i18n.t('console.refusal.rateLimited'));
    // Its headline says it all: no English after it.
    expect(banner?.textContent).not.toContain('Too many commands');
    expect(banner?.querySelector('[lang]')).toBeNull();
    fireEvent.click(
      within(banner as HTMLElement).getByRole('button', {
        name: i18n.t('console.resyncedDismiss'),
      }),
    );
    expect(document.querySelector('[data-console-notice]')).toBeNull();
  });

  test("a notice of a code the console does not know shows the server's English, marked", async () => {
    const { live, i18n } = await openConsole(undefined, undefined, 'Kombi kod Kelebije', 'sr-Latn');
    act(() => live().fire('notice', { code: 'session/brand_new', message: 'Something new.' }));
    const banner = document.querySelector('[data-console-notice]');
    expect(banner?.textContent).toContain(i18n.t('console.refusal.other'));
    expect(banner?.querySelector('[lang="en"]')?.textContent).toBe('Something new.');
  });

  test('the next connection forgets the notice of the previous one', async () => {
    const { live } = await openConsole(undefined, undefined, 'Kombi kod Kelebije', 'sr-Latn');
    act(() => live().fire('notice', { code: 'protocol/invalid_payload', message: 'x' }));
    expect(document.querySelector('[data-console-notice]')).not.toBeNull();
    act(() => {
      live().drops();
      live().serverAccepts();
    });
    expect(document.querySelector('[data-console-notice]')).toBeNull();
  });
});

describe('console offline', () => {
  test('the device going offline says so at once; an answer on the open socket makes it live again', async () => {
    const { live } = await openConsole();
    const indicator = () => document.querySelector('[data-console-connection]');
    expect(indicator()?.getAttribute('data-console-connection')).toBe('connected');
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    // The socket has not noticed (it is still "connected"), but the console does not say "Live".
    expect(live().connected).toBe(true);
    expect(indicator()?.getAttribute('data-console-connection')).toBe('reconnecting');
    expect(document.querySelector('.fac-offline')?.textContent).toContain(
      'The console is not connected.',
    );
    // Who is online is what the console last heard, and says so on every team card.
    const presenceLines = () => [...document.querySelectorAll('.fac-team__presence')];
    expect(presenceLines().length).toBeGreaterThan(0);
    for (const line of presenceLines()) {
      expect(line.hasAttribute('data-stale')).toBe(true);
      expect(line.textContent).toMatch(/^Last known:/);
    }
    // Its ping goes unanswered while the network is gone.
    act(() => live().pings[0]?.(new Error('operation has timed out')));
    expect(indicator()?.getAttribute('data-console-connection')).toBe('reconnecting');
    onLine.mockRestore();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    // Back online, the old socket answers: the console is live again, nothing reloaded.
    act(() => live().pings.at(-1)?.(null));
    expect(indicator()?.getAttribute('data-console-connection')).toBe('connected');
    for (const line of presenceLines()) {
      expect(line.hasAttribute('data-stale')).toBe(false);
      expect(line.textContent).not.toContain('Last known');
    }
  });
});

describe('log-in and sessions', () => {
  test('a wrong password shows a clear error; the right one keeps the token in sessionStorage', async () => {
    answers['/api/auth/login'] = (init) => {
      const body = JSON.parse(String(init?.body)) as { password: string };
      return body.password === 'crossroads-demo'
        ? { status: 200, body: STAFF_LOGIN }
        : {
            status: 401,
            body: { code: 'auth/unauthenticated', message: 'Wrong user name or password.' },
          };
    };
    answers['/api/sessions'] = () => ({
      status: 200,
      body: [{ ...meta({ status: 'lobby' }), participants: 3, memberRole: 'owner' }],
    });
    renderAt('/facilitate');
    expect(await screen.findByRole('heading', { level: 1, name: 'Run a session' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('alert').textContent).toContain('Enter your user name and password.');

    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'facilitator' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'That user name and password do not match an account',
    );
    expect(window.sessionStorage.getItem(STAFF_AUTH_KEY)).toBeNull();

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'crossroads-demo' } });
    const logInButton = screen.getByRole('button', { name: 'Log in' });
    logInButton.focus();
    fireEvent.click(logInButton);
    // While logging in the button keeps focus (marked busy, not disabled).
    expect(document.activeElement).toBe(logInButton);
    expect(logInButton.getAttribute('aria-disabled')).toBe('true');
    const link = await screen.findByRole('link', { name: 'Van at Kelebija' });
    // The form gives way to the page: focus goes to its content, as after a route change.
    expect(document.activeElement).toBe(document.getElementById('main'));
    expect(link.getAttribute('href')).toBe(`/facilitate/sessions/${SESSION_ID}`);
    expect(JSON.parse(window.sessionStorage.getItem(STAFF_AUTH_KEY) ?? '{}').token).toBe(
      STAFF_LOGIN.token,
    );
    const listCall = requests.find((r) => r.url === '/api/sessions');
    expect(new Headers(listCall?.init?.headers).get('authorization')).toBe(
      `Bearer ${STAFF_LOGIN.token}`,
    );
  });

  test('session lists head each session with its own title, naming the scenario and place', async () => {
    logIn();
    const titled = {
      ...meta({ status: 'ended' }),
      details: { title: 'Regional training, Subotica', place: 'Subotica' },
      participants: 4,
      memberRole: 'owner',
    };
    answers['/api/sessions'] = () => ({ status: 200, body: [titled] });
    renderAt('/facilitate');
    const link = await screen.findByRole('link', { name: 'Regional training, Subotica' });
    const row = link.closest('li') as HTMLElement;
    expect(row.textContent).toContain('Van at Kelebija · Subotica · ');

    renderAt('/debriefs');
    const heading = await screen.findByRole('heading', {
      level: 3,
      name: 'Regional training, Subotica',
    });
    expect((heading.closest('li') as HTMLElement).textContent).toContain(
      'Van at Kelebija · Subotica',
    );
  });

  test("the sessions list names the scenario in the reader's language, as the debriefs list does", async () => {
    logIn();
    // A session run in English, read by a facilitator whose page is in Serbian, and the other way.
    const english = { ...meta({ status: 'ended' }), participants: 4, memberRole: 'owner' };
    const serbian = {
      ...meta({ status: 'ended' }),
      id: '00000000-0000-4000-8000-0000000000aa',
      settings: { ...meta().settings, language: 'sr-Latn' as const },
      participants: 4,
      memberRole: 'owner',
    };
    answers['/api/sessions'] = () => ({ status: 200, body: [english, serbian] });
    renderAt('/facilitate', 'sr-Latn');
    await screen.findByRole('heading', { level: 2, name: 'Sesije' });
    const links = await screen.findAllByRole('link', { name: 'Kombi kod Kelebije' });
    expect(links).toHaveLength(2);
    expect(screen.queryByText('Van at Kelebija')).toBeNull();

    renderAt('/facilitate');
    expect(await screen.findAllByRole('link', { name: 'Van at Kelebija' })).toHaveLength(2);
  });

  test('an expired login (401) brings the log-in form back', async () => {
    logIn();
    answers['/api/sessions'] = () => ({
      status: 401,
      body: { code: 'auth/unauthenticated', message: 'Token expired.' },
    });
    renderAt('/facilitate');
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(window.sessionStorage.getItem(STAFF_AUTH_KEY)).toBeNull();
  });
});

describe('scenario catalogue', () => {
  test('the preview shows warnings, who plays which agency, and a focusable graph', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    renderAt('/facilitate/scenarios');
    const preview = await screen.findByRole('article', { name: 'Van at Kelebija' });
    const inPreview = within(preview);
    expect(inPreview.getByRole('heading', { name: 'Content warnings' })).toBeTruthy();
    expect(inPreview.getByText('A child in danger.')).toBeTruthy();
    expect(inPreview.getByText('45 min')).toBeTruthy();
    expect(inPreview.getByText('Country').nextElementSibling?.textContent).toBe('Serbia');
    expect(inPreview.getByText('Judge').closest('li')?.textContent).toContain('facilitator');
    expect(inPreview.getByText('Legal aid CSO').closest('li')?.textContent).toContain('optional');

    const nodes = inPreview.getAllByRole('img').filter((el) => el.getAttribute('tabindex') === '0');
    expect(nodes.map((n) => n.getAttribute('aria-label'))).toEqual([
      'Phase 1 of 2: At the border. Leads to: The interview',
      'Phase 2 of 2: The interview. Leads to: ending “Charges filed” (Conviction)',
      'Ending: Charges filed (Conviction)',
    ]);
    act(() => nodes[0]!.focus());
    expect(preview.querySelector('figcaption')?.textContent).toBe(
      'Phase 1 of 2: At the border. Leads to: The interview',
    );
    expect(
      inPreview
        .getByRole('link', { name: 'Create a session with this scenario' })
        .getAttribute('href'),
    ).toBe('/facilitate/sessions/new?scenario=van');
  });

  test("the preview names the scenario's languages in the reader's language, not by code", async () => {
    logIn();
    answers['/api/scenarios'] = () => ({
      status: 200,
      body: [{ ...SCENARIO, languages: ['en', 'sr-Latn', 'mk'] }],
    });
    renderAt('/facilitate/scenarios', 'sr-Latn');
    const preview = await screen.findByRole('article', { name: 'Kombi kod Kelebije' });
    expect(within(preview).getByText('Jezici').nextElementSibling?.textContent).toBe(
      'engleski, srpski (latinica), makedonski',
    );
  });
});

describe('scenario catalogue on a laptop screen', () => {
  const SECOND: ScenarioSummary = {
    ...SCENARIO,
    id: 'reefer',
    title: 'Reefer at Horgoš',
    summary: 'A refrigerated lorry at the border.',
  };
  const scrolled = jest.fn();
  const original = Element.prototype.scrollIntoView;
  beforeEach(() => {
    scrolled.mockReset();
    Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
      scrolled(this, options);
    } as typeof Element.prototype.scrollIntoView;
  });
  afterEach(() => {
    Element.prototype.scrollIntoView = original;
    // jsdom has no matchMedia; a test may give it one.
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  async function openCatalogue() {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO, SECOND] });
    renderAt('/facilitate/scenarios');
    await screen.findByRole('article', { name: 'Van at Kelebija' });
  }

  test('choosing a card brings its preview into view and puts the keyboard on its title', async () => {
    await openCatalogue();
    // Opening the page does not jump past the cards.
    expect(scrolled).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('link', { name: /Reefer at Horgoš/ }));
    const preview = await screen.findByRole('article', { name: 'Reefer at Horgoš' });
    await waitFor(() => expect(scrolled).toHaveBeenCalledTimes(1));
    const [element, options] = scrolled.mock.calls[0] as [Element, ScrollIntoViewOptions];
    expect(element.contains(preview)).toBe(true);
    expect(options).toEqual({ block: 'start', behavior: 'smooth' });
    expect(document.activeElement).toBe(
      within(preview).getByRole('heading', { name: 'Reefer at Horgoš' }),
    );
    // The card already shown brings its preview back into view too.
    fireEvent.click(screen.getByRole('link', { name: /Reefer at Horgoš/ }));
    await waitFor(() => expect(scrolled).toHaveBeenCalledTimes(2));
  });

  test('with reduced motion the preview comes into view without a smooth scroll', async () => {
    window.matchMedia = ((query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
    await openCatalogue();
    fireEvent.click(screen.getByRole('link', { name: /Reefer at Horgoš/ }));
    await waitFor(() => expect(scrolled).toHaveBeenCalledTimes(1));
    expect(scrolled.mock.calls[0]?.[1]).toEqual({ block: 'start', behavior: 'auto' });
  });
});

describe('new session', () => {
  test('sends the chosen settings and team names, then opens the lobby', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    answers['/api/sessions'] = () => ({ status: 200, body: meta({ status: 'lobby' }) });
    const { router } = renderAt('/facilitate/sessions/new?scenario=van');
    fireEvent.change(await screen.findByLabelText('Number of teams'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Name of team 2'), { target: { value: 'Novi Sad' } });
    fireEvent.click(screen.getByLabelText('Show feedback right after each decision (hints)'));
    fireEvent.click(screen.getByLabelText(/Trainees see their team's scores during play/));
    fireEvent.change(screen.getByLabelText('Scenario minutes per real minute'), {
      target: { value: '0' },
    });
    expect(screen.getByLabelText<HTMLInputElement>('Name of team 1').value).toBe('Team A');
    // A Serbian session names its teams in Serbian, though this screen is in English; the
    // name typed by hand stays as typed.
    fireEvent.change(screen.getByLabelText('Session language'), { target: { value: 'sr-Latn' } });
    expect(screen.getByLabelText<HTMLInputElement>('Name of team 1').value).toBe('Tim A');
    expect(screen.getByLabelText<HTMLInputElement>('Name of team 2').value).toBe('Novi Sad');
    fireEvent.click(screen.getByRole('button', { name: 'Create the session' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/facilitate/sessions/${SESSION_ID}`),
    );
    const call = requests.find((r) => r.url === '/api/sessions' && r.init?.method === 'POST');
    expect(JSON.parse(String(call?.init?.body))).toEqual({
      scenario: 'van',
      teams: ['Tim A', 'Novi Sad'],
      feedbackPolicy: 'hints',
      scoresVisibleToTrainees: true,
      timeRatio: 0,
      language: 'sr-Latn',
    });
  });

  test('sends the session details given (trimmed, one facilitator per line, blanks left out)', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    answers['/api/sessions'] = () => ({ status: 200, body: meta({ status: 'lobby' }) });
    const { router } = renderAt('/facilitate/sessions/new?scenario=van');
    fireEvent.change(await screen.findByLabelText('Session title'), {
      target: { value: '  Border investigations, Subotica ' },
    });
    fireEvent.change(screen.getByLabelText('Place'), { target: { value: 'Subotica' } });
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-03-12' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-03-14' } });
    fireEvent.change(screen.getByLabelText('Facilitators'), {
      target: { value: 'Ana Petrović\n\n  Luka Ilić \n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the session' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/facilitate/sessions/${SESSION_ID}`),
    );
    const call = requests.find((r) => r.url === '/api/sessions' && r.init?.method === 'POST');
    expect(JSON.parse(String(call?.init?.body)).details).toEqual({
      title: 'Border investigations, Subotica',
      place: 'Subotica',
      startsOn: '2026-03-12',
      endsOn: '2026-03-14',
      facilitators: ['Ana Petrović', 'Luka Ilić'],
    });
  });

  test("a refused REST action reads in the facilitator's language, the server's English marked as such", async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    let refusal = { code: 'protocol/invalid_payload', message: 'teams.1: too long' };
    answers['/api/sessions'] = (init) =>
      init?.method === 'POST' ? { status: 400, body: refusal } : { status: 200, body: [] };
    const { i18n } = renderAt('/facilitate/sessions/new?scenario=van', 'sr-Latn');
    const submit = await screen.findByRole('button', { name: i18n.t('facilitate.create.submit') });
    expect(submit.textContent).toBe('Napravi sesiju');

    fireEvent.click(submit);
    const alert = await screen.findByRole('alert');
    // The staff pages' headline (a REST request is no command, so it does not say "command"),
    // then only what the server adds: which field, in English.
    expect(alert.textContent).toBe(
      'Server nije prihvatio ono što je poslato; ništa nije promenjeno. teams.1: too long',
    );
    expect(alert.textContent).not.toMatch(/komand/i);
    const english = alert.querySelector('[lang]');
    expect(english?.getAttribute('lang')).toBe('en');
    expect(english?.textContent).toBe('teams.1: too long');

    // A failure whose headline says it all: no English at all.
    refusal = { code: 'protocol/internal', message: 'The session host is busy; try again.' };
    fireEvent.click(screen.getByRole('button', { name: i18n.t('facilitate.create.submit') }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Nešto nije uspelo na serveru; ništa nije promenjeno. Pokušajte ponovo za trenutak.',
      ),
    );
    expect(screen.getByRole('alert').querySelector('[lang]')).toBeNull();
  });

  test('a request the server found invalid lists its problems under the names the form gives the fields', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    answers['/api/sessions'] = (init) =>
      init?.method === 'POST'
        ? {
            status: 400,
            body: {
              code: 'protocol/invalid_payload',
              message:
                'Invalid session: teams.1: Too big; timeLimitMinutes: Too small; extra: Unrecognized key',
              details: [
                { path: 'teams.1', message: 'Too big: expected string to have <=40 characters' },
                { path: 'timeLimitMinutes', message: 'Too small: expected number to be >0' },
                { path: 'details.place', message: 'Too big' },
                { path: 'extra', message: 'Unrecognized key' },
              ],
            },
          }
        : { status: 200, body: [] };
    const { i18n } = renderAt('/facilitate/sessions/new?scenario=van', 'sr-Latn');
    fireEvent.click(
      await screen.findByRole('button', { name: i18n.t('facilitate.create.submit') }),
    );
    const alert = await screen.findByRole('alert');
    const items = [...alert.querySelectorAll('[data-error-details] li')];
    expect(items.map((li) => li.textContent)).toEqual([
      'Naziv tima 2: Too big: expected string to have <=40 characters',
      `${i18n.t('facilitate.create.timeLimit')}: Too small: expected number to be >0`,
      `${i18n.t('sessionDetails.place')}: Too big`,
      'extra: Unrecognized key',
    ]);
    // The field names are the page's own words; the server's reasons (and a path the form has no
    // name for) are its English, marked as such. The one-line English summary is not repeated.
    expect(items[0]?.querySelector('[lang="en"]')?.textContent).toBe(
      'Too big: expected string to have <=40 characters',
    );
    expect(items[3]?.querySelector('[lang="en"] code')?.textContent).toBe('extra');
    expect(alert.textContent).not.toContain('Invalid session');
    expect(alert.textContent).toContain('Server nije prihvatio ono što je poslato');
  });

  test("an English reader sees the same headline and the server's message, not marked", async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    answers['/api/sessions'] = (init) =>
      init?.method === 'POST'
        ? {
            status: 403,
            body: { code: 'auth/forbidden', message: 'Observers cannot create sessions.' },
          }
        : { status: 200, body: [] };
    renderAt('/facilitate/sessions/new?scenario=van');
    fireEvent.click(await screen.findByRole('button', { name: 'Create the session' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'You are not allowed to do this. Observers cannot create sessions.',
    );
    expect(alert.querySelector('[lang]')).toBeNull();
  });

  test('a missing course, scenario or session is told as not found, not as a missing session', () => {
    // The courses and studio pages load chart and editor modules jsdom cannot parse, so the
    // staff pages' error text is checked on its own here.
    const i18n = createI18n({ storage: new MemoryStorage(), browserLanguages: [] });
    function Probe() {
      const errorText = useApiErrorText();
      return (
        <p role="alert">{errorText(new ApiError(404, 'session/not_found', 'Course not found.'))}</p>
      );
    }
    render(
      <I18nextProvider i18n={i18n}>
        <Probe />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Not found: it may have been deleted, the link may be wrong, or your account may not see it.',
    );
  });

  test('a last day before the first is refused before anything is sent', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    renderAt('/facilitate/sessions/new');
    fireEvent.change(await screen.findByLabelText('First day'), {
      target: { value: '2026-03-14' },
    });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-03-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the session' }));
    expect(screen.getByRole('alert').textContent).toContain(
      'The last day cannot come before the first.',
    );
    expect(requests.some((r) => r.init?.method === 'POST')).toBe(false);
  });

  test('duplicate team names are refused before anything is sent', async () => {
    logIn();
    answers['/api/scenarios'] = () => ({ status: 200, body: [SCENARIO] });
    renderAt('/facilitate/sessions/new');
    fireEvent.change(await screen.findByLabelText('Name of team 2'), {
      target: { value: 'team a' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the session' }));
    expect(screen.getByRole('alert').textContent).toContain('Two teams have the same name');
    expect(requests.some((r) => r.init?.method === 'POST')).toBe(false);
  });
});

describe('live console', () => {
  test('connects with the staff credential and shows one card per team', async () => {
    const { live } = await openConsole();
    expect(live().options).toMatchObject({
      kind: 'facilitator',
      token: STAFF_LOGIN.token,
      session: SESSION_ID,
    });
    const teamA = screen.getByRole('article', { name: 'Team A' });
    expect(within(teamA).getByText('1 online')).toBeTruthy();
    expect(within(teamA).getByText('T+00:30')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Team B' })).toBeTruthy();
  });

  test('minutes the clock cannot be advanced by say why the button is off, in the reader language', async () => {
    await openConsole(undefined, snapshot(), 'Kombi kod Kelebije', 'sr-Latn');
    const clock = screen.getByRole('region', { name: 'Sat scenarija' });
    const minutes = within(clock).getByLabelText('Minuti') as HTMLInputElement;
    const advance = within(clock).getByRole('button', { name: 'Pomeri sat' }) as HTMLButtonElement;
    expect(advance.disabled).toBe(false);
    expect(within(clock).queryByText(/1440/)).toBeNull();
    for (const value of ['0', '-5', '1.5', '5000', '']) {
      fireEvent.change(minutes, { target: { value } });
      expect(advance.disabled).toBe(true);
      const why = within(clock).getByText('Cele minute, od 1 do 1440.');
      expect(minutes.getAttribute('aria-invalid')).toBe('true');
      expect(minutes.getAttribute('aria-describedby')).toBe(why.id);
    }
    fireEvent.change(minutes, { target: { value: '30' } });
    expect(advance.disabled).toBe(false);
    expect(within(clock).queryByText(/1440/)).toBeNull();
    expect(minutes.getAttribute('aria-describedby')).toBeNull();
  });

  test('advancing the clock and broadcasting keep keyboard focus in their form, never on <body>', async () => {
    const { live } = await openConsole();
    const clock = screen.getByRole('region', { name: 'Scenario clock' });
    const advance = within(clock).getByRole('button', { name: 'Advance the clock' });
    advance.focus();
    fireEvent.click(advance);
    expect(live().sent.at(-1)?.name).toBe('clock.advance');
    // While the command is out the button keeps focus: marked, not disabled (a disabled focused
    // button drops focus on <body>), and a second press sends nothing.
    expect((advance as HTMLButtonElement).disabled).toBe(false);
    expect(advance.getAttribute('aria-disabled')).toBe('true');
    const count = live().sent.length;
    fireEvent.click(advance);
    expect(live().sent.length).toBe(count);
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    expect(advance.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(advance);

    const form = screen.getByRole('region', { name: 'Broadcast a message' });
    const box = within(form).getByLabelText('Message');
    fireEvent.change(box, { target: { value: 'Ten minutes left' } });
    const sendButton = within(form).getByRole('button', { name: 'Send' });
    sendButton.focus();
    fireEvent.click(sendButton);
    expect((sendButton as HTMLButtonElement).disabled).toBe(false);
    expect(sendButton.getAttribute('aria-disabled')).toBe('true');
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 5 }));
    // Sent: the box is emptied, which turns Send off; the cursor is back in the box for the next.
    expect((sendButton as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(box);
  });

  test('commands are disabled while the socket is not connected', async () => {
    const { live } = await openConsole();
    const pause = screen.getByRole('button', { name: 'Pause…' }) as HTMLButtonElement;
    expect(pause.disabled).toBe(false);
    act(() => live().drops());
    expect(pause.disabled).toBe(true);
    expect(screen.getByText(/The console is not connected/)).toBeTruthy();
    act(() => live().serverAccepts());
    expect(pause.disabled).toBe(false);
  });

  test("scenario texts read in the facilitator's language where the scenario has it, else marked in their own", async () => {
    // A Serbian facilitator runs an English session: the scenario has some texts in Serbian.
    await openConsole(
      undefined,
      snapshot({
        labels: {
          'decision:open_van': { en: 'Open the van?', 'sr-Latn': 'Otvoriti kombi?' },
          'option:open_van:open': 'Open it',
        },
        teams: [
          card('team-a', {
            phase: { id: 'p1', title: { en: 'At the border', 'sr-Latn': 'Na granici' } },
          }),
          card('team-b', { phase: { id: 'p2', title: 'The interview' } }),
        ],
        injects: [
          {
            id: 'inj-news',
            title: 'A journalist calls',
            to: ['prosecutor'],
            release: 'facilitator',
            releasedTo: [],
          },
          {
            id: 'inj-shift',
            title: { en: 'Shift change', 'sr-Latn': 'Smena' },
            to: ['border_police'],
            release: 'facilitator',
            releasedTo: [],
          },
        ],
        events: [
          event(1, 'session.started', { scenario: 'van', version: '1.0.0', teams: [] }),
          event(2, 'inject.released', { inject: 'inj-news' }, { team: 'team-a', time: 20 }),
          event(
            3,
            'decision.made',
            { decision: 'open_van', option: 'open' },
            { team: 'team-a', role: 'prosecutor', time: 25 },
          ),
        ],
      }),
      'Kombi kod Kelebije',
      'sr-Latn',
    );
    // The page is Serbian: Serbian texts carry no lang of their own, English ones say they are.
    expect(document.documentElement.lang).toBe('sr-Latn');
    expect(screen.getByRole('heading', { level: 1 }).querySelector('[lang]')).toBeNull();
    const teamA = screen.getByRole('article', { name: 'Team A' });
    expect(teamA.querySelector('.fac-team__phase')?.textContent).toContain('Na granici');
    expect(teamA.querySelector('.fac-team__phase [lang]')).toBeNull();
    const teamB = screen.getByRole('article', { name: 'Team B' });
    expect(teamB.querySelector('.fac-team__phase [lang="en"]')?.textContent).toBe('The interview');
    const injects = document.querySelector('.fac-injects') as HTMLElement;
    expect(
      injects.querySelector('[data-inject="inj-shift"] .fac-inject__title')?.textContent,
    ).toContain('Smena');
    expect(injects.querySelector('[data-inject="inj-shift"] .fac-inject__title [lang]')).toBeNull();
    expect(
      injects.querySelector('[data-inject="inj-news"] .fac-inject__title [lang="en"]')?.textContent,
    ).toBe('A journalist calls');
    // The agency the inject goes to, by the scenario's Serbian name.
    expect(
      injects.querySelector('[data-inject="inj-news"] .fac-inject__meta')?.textContent,
    ).toContain('Tužilac');
    // Timeline lines: Serbian sentences with the scenario's texts in them, each in its language.
    const timeline = document.querySelector('.fac-timeline') as HTMLElement;
    const released = timeline.querySelector('li[data-type="inject.released"] .fac-event__text');
    expect(released?.querySelector('[lang="en"]')?.textContent).toBe('A journalist calls');
    const decided = timeline.querySelector('li[data-type="decision.made"] .fac-event__text');
    expect(decided?.textContent).toContain('Tužilac');
    expect(decided?.textContent).toContain('Otvoriti kombi?');
    expect(
      [...(decided?.querySelectorAll('[lang]') ?? [])].map((e) => [
        e.getAttribute('lang'),
        e.textContent,
      ]),
    ).toEqual([['en', 'Open it']]);
  });

  test('a scenario text only in the session language is marked with it in a page in another', async () => {
    // A Macedonian facilitator of a Serbian session: the scenario has no Macedonian title.
    await openConsole(undefined, serbianSession(), 'Kombi kod Kelebije', 'mk');
    const title = screen.getByRole('heading', { level: 1 });
    expect(title.querySelector('[lang="sr-Latn"]')?.textContent).toBe('Kombi kod Kelebije');
  });

  test("the lobby's settings name the session language by its own name, not its tag", async () => {
    await openConsole(
      undefined,
      serbianSession('lobby'),
      // The scenario's title in the facilitator's language (English), not the session's.
      'Van at Kelebija',
    );
    const settings = document.querySelector('.fac-settings');
    expect(settings?.textContent).toContain('Srpski');
    expect(settings?.textContent).not.toContain('sr-Latn');
  });

  test('a wellbeing pause sends its kind as a code and the note apart, and shows the ack', async () => {
    const { live } = await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    fireEvent.click(screen.getByLabelText('Wellbeing pause'));
    fireEvent.change(screen.getByLabelText('Message to the teams (optional)'), {
      target: { value: 'back at 11:00' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pause now' }));
    const sent = live().sent.at(-1)!;
    expect(sent.name).toBe('session.pause');
    // The kind goes as a code each reader translates, the note apart with the language it was
    // written in: the console's (English), not the session's (Serbian).
    expect(sent.payload.kind).toBe('wellbeing');
    expect(sent.payload.note).toBe('back at 11:00');
    expect(sent.payload.lang).toBe('en');
    expect(sent.payload.reason).toBeUndefined();
    expect(sent.payload.commandId).toMatch(/^[0-9a-f-]{36}$/);
    await act(async () => sent.ack({ status: 'accepted', seq: 4 }));
    const log = screen.getByRole('status', { name: 'Command results' });
    expect(log.textContent).toBe('Pause (Wellbeing pause): done');
  });

  test("a pause reads its kind in the console's language and the note marked with the language it was written in", async () => {
    const { live } = await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'paused',
        event: event(4, 'session.paused', {
          kind: 'wellbeing',
          note: 'nazad u 11',
          lang: 'sr-Latn',
        }),
      }),
    );
    const banner = document.querySelector('.fac-paused');
    expect(banner?.textContent).toBe('Paused: Wellbeing pause: nazad u 11');
    expect(banner?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('nazad u 11');
    const line = [...document.querySelectorAll('li')].find((li) =>
      li.textContent?.includes('The session was paused:'),
    );
    expect(line?.textContent).toContain('The session was paused: Wellbeing pause: nazad u 11');
    expect(line?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('nazad u 11');
  });

  test("an older log's pause reason still shows on the console, marked with the session's language", async () => {
    const { live } = await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'paused',
        event: event(4, 'session.paused', { reason: 'Pauza: nazad u 11' }),
      }),
    );
    const banner = document.querySelector('.fac-paused');
    expect(banner?.textContent).toBe('Paused: Pauza: nazad u 11');
    expect(banner?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('Pauza: nazad u 11');
  });

  test("a broadcast goes with the console's language, and shows marked with the language it was written in", async () => {
    const { live } = await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    const form = screen.getByRole('region', { name: 'Broadcast a message' });
    const box = within(form).getByLabelText('Message');
    // The help says in which language to write it.
    expect(box.getAttribute('aria-describedby')).toMatch(/help/);
    fireEvent.change(box, { target: { value: 'back at 11' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));
    const sent = live().sent.at(-1)!;
    expect(sent.name).toBe('broadcast.send');
    // The console's language (English), not the session's (Serbian).
    expect(sent.payload).toMatchObject({ message: 'back at 11', lang: 'en' });
    await act(async () => sent.ack({ status: 'accepted', seq: 4 }));
    act(() => {
      live().fire('session.update', {
        seq: 4,
        event: event(4, 'broadcast.sent', { message: 'back at 11', lang: 'en' }),
      });
      // Another console's message in Serbian; an older log's (no language): the session's.
      live().fire('session.update', {
        seq: 5,
        event: event(5, 'broadcast.sent', { message: 'nazad u 11', lang: 'sr-Latn' }),
      });
      live().fire('session.update', {
        seq: 6,
        event: event(6, 'broadcast.sent', { message: 'pauza' }),
      });
    });
    const recent = [...form.querySelectorAll('.fac-broadcast__recent li')];
    expect(recent.map((li) => li.textContent)).toEqual([
      'All teams: pauza',
      'All teams: nazad u 11',
      'All teams: back at 11',
    ]);
    expect(recent.map((li) => li.querySelector('[lang]')?.textContent ?? null)).toEqual([
      'pauza',
      'nazad u 11',
      null,
    ]);
    expect(recent[0]?.querySelector('[lang]')?.getAttribute('lang')).toBe('sr-Latn');
    const timeline = document.querySelector('.fac-timeline') as HTMLElement;
    const lines = [...timeline.querySelectorAll('li[data-type="broadcast.sent"]')];
    const marked = lines.map((li) => li.querySelector('[lang="sr-Latn"]')?.textContent ?? null);
    expect(marked.sort()).toEqual(['nazad u 11', 'pauza', null].sort());
  });

  test("the recent broadcasts mark a team's name with the session's language, the text with its own", async () => {
    const { live } = await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    const form = screen.getByRole('region', { name: 'Broadcast a message' });
    act(() => {
      live().fire('session.update', {
        seq: 4,
        event: event(
          4,
          'broadcast.sent',
          { message: 'back at 11', lang: 'en' },
          { team: 'team-a' },
        ),
      });
      live().fire('session.update', {
        seq: 5,
        event: event(5, 'broadcast.sent', { message: 'nazad u 11' }, { team: 'team-a' }),
      });
    });
    const recent = [...form.querySelectorAll('.fac-broadcast__recent li')];
    expect(recent.map((li) => li.textContent)).toEqual([
      'Team A: nazad u 11',
      'Team A: back at 11',
    ]);
    const marked = (li: Element | undefined) =>
      [...(li?.querySelectorAll('[lang]') ?? [])].map((e) => [
        e.textContent,
        e.getAttribute('lang'),
      ]);
    // The team's name in the session's language; the text in its own (an older log's, with no
    // language recorded: the session's; the English one, in this English page, unmarked).
    expect(marked(recent[0])).toEqual([
      ['Team A', 'sr-Latn'],
      ['nazad u 11', 'sr-Latn'],
    ]);
    expect(marked(recent[1])).toEqual([['Team A', 'sr-Latn']]);
  });

  test("team names, typed in the session's language, are marked with it on the console", async () => {
    await openConsole(undefined, serbianSession(), 'Van at Kelebija');
    const card = document.querySelector('[data-team="team-a"] .fac-team__name');
    expect(card?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('Team A');
    const options = [...document.querySelectorAll('option')].filter(
      (o) => o.textContent === 'Team A',
    );
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.getAttribute('lang')).toBe('sr-Latn');
  });

  test('the pause form takes focus, comes right after Pause… in tab order, and Cancel returns to it', async () => {
    await openConsole();
    const controls = screen.getByRole('group', { name: 'Session controls' });
    const pause = within(controls).getByRole('button', { name: 'Pause…' });
    pause.focus();
    fireEvent.click(pause);
    const radios = within(controls).getAllByRole('radio');
    expect(document.activeElement).toBe(radios[0]);
    // Tab order follows the DOM: the form sits before "Open the debrief" and "End the session".
    const cancel = within(controls).getByRole('button', { name: 'Cancel' });
    const later = [
      within(controls).getByRole('link', { name: 'Open the debrief' }),
      within(controls).getByRole('button', { name: 'End the session' }),
    ];
    for (const control of later) {
      expect(
        cancel.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    fireEvent.click(cancel);
    expect(document.activeElement).toBe(within(controls).getByRole('button', { name: 'Pause…' }));
  });

  test('Escape cancels the pause form and the end confirmation, back on the button that opened each', async () => {
    const { live } = await openConsole();
    const controls = screen.getByRole('group', { name: 'Session controls' });
    const sent = live().sent.length;
    fireEvent.click(within(controls).getByRole('button', { name: 'Pause…' }));
    fireEvent.change(within(controls).getByLabelText('Message to the teams (optional)'), {
      target: { value: 'tea' },
    });
    fireEvent.keyDown(within(controls).getByLabelText('Message to the teams (optional)'), {
      key: 'Escape',
    });
    expect(within(controls).queryByRole('button', { name: 'Pause now' })).toBeNull();
    expect(document.activeElement).toBe(within(controls).getByRole('button', { name: 'Pause…' }));

    // Opening the confirmation leaves focus on End: Escape works from there as from inside it.
    const end = within(controls).getByRole('button', { name: 'End the session' });
    end.focus();
    fireEvent.click(end);
    fireEvent.keyDown(end, { key: 'Escape' });
    expect(within(controls).queryByRole('button', { name: 'Yes, end it now' })).toBeNull();
    expect(document.activeElement).toBe(end);
    fireEvent.click(end);
    const keep = within(controls).getByRole('button', { name: 'No, keep it running' });
    keep.focus();
    fireEvent.keyDown(keep, { key: 'Escape' });
    expect(within(controls).queryByRole('button', { name: 'Yes, end it now' })).toBeNull();
    expect(document.activeElement).toBe(
      within(controls).getByRole('button', { name: 'End the session' }),
    );
    // "No, keep it running" returns there too, rather than dropping focus on <body>.
    fireEvent.click(within(controls).getByRole('button', { name: 'End the session' }));
    fireEvent.click(within(controls).getByRole('button', { name: 'No, keep it running' }));
    expect(document.activeElement).toBe(
      within(controls).getByRole('button', { name: 'End the session' }),
    );
    expect(live().sent.length).toBe(sent);
  });

  test('pausing and resuming keep keyboard focus in the session controls, never on <body>', async () => {
    const { live } = await openConsole();
    const controls = screen.getByRole('group', { name: 'Session controls' });
    fireEvent.click(within(controls).getByRole('button', { name: 'Pause…' }));
    const pauseNow = within(controls).getByRole('button', { name: 'Pause now' });
    pauseNow.focus();
    fireEvent.click(pauseNow);
    // While the pause is out the button keeps focus (marked, not disabled).
    expect(document.activeElement).toBe(pauseNow);
    expect(pauseNow.getAttribute('aria-disabled')).toBe('true');
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'paused',
        event: event(4, 'session.paused', { reason: 'Break' }),
      }),
    );
    const resume = within(controls).getByRole('button', { name: 'Resume' });
    expect(document.activeElement).toBe(resume);
    // Here the status arrives before the ack.
    fireEvent.click(resume);
    expect(live().sent.at(-1)?.name).toBe('session.resume');
    act(() =>
      live().fire('session.update', {
        seq: 5,
        status: 'running',
        event: event(5, 'session.resumed', {}),
      }),
    );
    expect(document.activeElement).toBe(within(controls).getByRole('button', { name: 'Pause…' }));
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 5 }));
    expect(document.activeElement).toBe(within(controls).getByRole('button', { name: 'Pause…' }));
  });

  test('ending the session moves focus on to the debrief controls, not to <body>', async () => {
    const { live } = await openConsole();
    const controls = screen.getByRole('group', { name: 'Session controls' });
    fireEvent.click(within(controls).getByRole('button', { name: 'End the session' }));
    const endNow = within(controls).getByRole('button', { name: 'Yes, end it now' });
    endNow.focus();
    fireEvent.click(endNow);
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'ended',
        event: event(4, 'session.ended', {}),
      }),
    );
    expect(document.activeElement).toBe(
      within(controls).getByRole('button', { name: 'Release the debrief to trainees' }),
    );
  });

  test('a running session says "Running" once, in its status badge, not again in the controls', async () => {
    await openConsole();
    const controls = screen.getByRole('group', { name: 'Session controls' });
    expect(controls.textContent).not.toContain('Running');
    const head = document.querySelector('.fac-console__status') as HTMLElement;
    expect(head.querySelector('[data-status="running"]')?.textContent).toBe('Running');
  });

  test('an ended session shows no "Live" badge beside "Ended"', async () => {
    const { live } = await openConsole();
    const head = () => document.querySelector('.fac-console__status') as HTMLElement;
    expect(head().textContent).toContain('Live');
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'ended',
        event: event(4, 'session.ended', {}),
      }),
    );
    expect(head().querySelector('[data-status="ended"]')?.textContent).toBe('Ended');
    expect(head().textContent).not.toContain('Live');
    // A console that loses its connection after the end still says so (the debrief release needs it).
    act(() => live().drops());
    expect(
      head().querySelector('[data-console-connection]')?.getAttribute('data-console-connection'),
    ).toBe('reconnecting');
  });

  test('a refused command shows the server message', async () => {
    const { live } = await openConsole();
    fireEvent.click(screen.getByRole('button', { name: 'End the session' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, end it now' }));
    await act(async () =>
      live()
        .sent.at(-1)!
        .ack({ status: 'rejected', code: 'auth/forbidden', message: 'Only the owner may end it.' }),
    );
    expect(screen.getByRole('status', { name: 'Command results' }).textContent).toBe(
      'End the session: refused. You may not do this in this session. Only the owner may end it.',
    );
  });

  test("a refusal the server words in several languages reads in the facilitator's", async () => {
    const { live, i18n } = await openConsole();
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause now' }));
    await act(async () =>
      live()
        .sent.at(-1)!
        .ack({
          status: 'rejected',
          code: 'auth/forbidden',
          message: 'Only the owner may pause it.',
          text: {
            en: 'Only the owner may pause it.',
            'sr-Latn': 'Samo vlasnik može da je pauzira.',
          },
        }),
    );
    const log = screen.getByRole('status', { name: 'Command results' });
    expect(log.textContent).toBe(
      'Pause (Break): refused. You may not do this in this session. Only the owner may pause it.',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Refused: You may not do this in this session. Only the owner may pause it.',
    );
    await act(() => i18n.changeLanguage('sr-Latn'));
    // The whole line follows the language, what was done as much as the answer.
    expect(log.textContent).toBe(
      'Pauza (Odmor): odbijeno. Ovo ne smete da radite u ovoj sesiji. Samo vlasnik može da je pauzira.',
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'Odbijeno: Ovo ne smete da radite u ovoj sesiji. Samo vlasnik može da je pauzira.',
    );
    // The server's words are in the page's language: nothing to mark.
    expect(alert.querySelector('[lang]')).toBeNull();
  });

  test('a Serbian facilitator reads why a command was refused in Serbian, without English that repeats it', async () => {
    const { live, i18n } = await openConsole();
    await act(() => i18n.changeLanguage('sr-Latn'));
    fireEvent.click(screen.getByRole('button', { name: 'Pauza…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pauziraj sada' }));
    await act(async () =>
      live().sent.at(-1)!.ack({
        status: 'rejected',
        code: 'session/not_running',
        message: 'The session is paused, not running.',
      }),
    );
    const log = screen.getByRole('status', { name: 'Rezultati komandi' });
    expect(log.textContent).toBe(
      'Pauza (Odmor): odbijeno. Trenutno stanje sesije ovo ne dozvoljava (pogledajte njen status).',
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'Odbijeno: Trenutno stanje sesije ovo ne dozvoljava (pogledajte njen status).',
    );
    expect(alert.getAttribute('data-code')).toBe('session/not_running');
    expect(alert.querySelector('[lang]')).toBeNull();
    expect(log.querySelector('[lang]')).toBeNull();
  });

  test("a Serbian facilitator keeps the server's English, marked so, where only it names what failed", async () => {
    const { live, i18n } = await openConsole();
    await act(() => i18n.changeLanguage('sr-Latn'));
    fireEvent.click(screen.getByRole('button', { name: 'Objavi' }));
    expect(live().sent.at(-1)?.name).toBe('inject.release');
    const message = 'No team team-c in this session.';
    await act(async () =>
      live().sent.at(-1)!.ack({ status: 'rejected', code: 'session/not_found', message }),
    );
    const headline = 'Ono na šta se komanda odnosi ne postoji (više) u sesiji.';
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(`Odbijeno: ${headline} ${message}`);
    expect(alert.querySelector('[lang="en"]')?.textContent).toBe(message);
    const log = screen.getByRole('status', { name: 'Rezultati komandi' });
    expect(log.textContent).toBe(
      `Objavi „A journalist calls” za Svi timovi: odbijeno. ${headline} ${message}`,
    );
    // The inject's English title and the server's English words, each marked as English.
    expect([...log.querySelectorAll('[lang="en"]')].map((e) => e.textContent)).toEqual([
      'A journalist calls',
      message,
    ]);
  });

  test('the command log reads in the language the console is in now, not the one a command went out in', async () => {
    const { live, i18n } = await openConsole();
    fireEvent.click(screen.getByRole('button', { name: 'Release' }));
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    const log = screen.getByRole('status', { name: 'Command results' });
    expect(log.textContent).toBe('Release “A journalist calls” to All teams: done');
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(log.textContent).toBe('Objavi „A journalist calls” za Svi timovi: urađeno');
    // The inject has only an English title: on a Serbian page it is marked as English.
    expect(log.querySelector('[lang="en"]')?.textContent).toBe('A journalist calls');
    await act(() => i18n.changeLanguage('mk'));
    expect(screen.getByRole('status', { name: i18n.t('console.command.log') }).textContent).toBe(
      i18n.t('console.command.accepted', {
        label: i18n.t('console.injects.releaseLabel', {
          title: 'A journalist calls',
          team: i18n.t('console.allTeams'),
        }),
      }),
    );
  });

  test('after a drop, an unanswered command goes out again with the same id', async () => {
    const { live } = await openConsole();
    fireEvent.click(screen.getByRole('button', { name: 'Release' }));
    const first = live().sent.at(-1)!;
    expect(first).toMatchObject({
      name: 'inject.release',
      payload: { inject: 'inj-news', team: 'all' },
    });
    act(() => live().drops());
    const log = screen.getByRole('status', { name: 'Command results' });
    expect(log.textContent).toContain('waiting for the connection');
    act(() => live().serverAccepts());
    const again = live().sent.at(-1)!;
    expect(again).not.toBe(first);
    expect(again.payload.commandId).toBe(first.payload.commandId);
    await act(async () => again.ack({ status: 'accepted', seq: 5, duplicate: true }));
    expect(log.textContent).toBe(
      'Release “A journalist calls” to All teams: done (it had already arrived)',
    );
  });

  test('a request to a facilitator-played agency is answered with a reason, naming the team', async () => {
    const request = {
      instance: 'warrant#1',
      request: 'warrant',
      title: 'Search warrant for the van',
      from: 'prosecutor',
      to: 'judge',
      status: 'pending' as const,
      sentAt: 35,
      answeredAt: null,
      reason: null,
      direction: 'outgoing' as const,
      facilitatorAnswers: true,
    };
    const { live } = await openConsole(
      undefined,
      snapshot({ teams: [card('team-a'), card('team-b', { pendingRequests: [request] })] }),
    );
    expect(screen.getByRole('link', { name: /Requests waiting for your answer: 1/ })).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Requests waiting for you (1)' });
    const refuse = within(panel).getByRole('button', { name: 'Refuse' });
    refuse.focus();
    fireEvent.click(refuse);
    expect(within(panel).getByRole('alert').textContent).toBe(
      'Give the team a reason when you refuse.',
    );
    // As in the trainee's form, focus goes to the box that needs the reason.
    expect(document.activeElement).toBe(within(panel).getByLabelText(/Answer of Judge/));
    fireEvent.change(within(panel).getByLabelText(/Answer of Judge/), {
      target: { value: 'No grounds yet.' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Refuse' }));
    expect(live().sent.at(-1)).toMatchObject({
      name: 'request.answer',
      payload: {
        team: 'team-b',
        requestInstance: 'warrant#1',
        granted: false,
        reason: 'No grounds yet.',
      },
    });
  });

  test('once the session has ended its pending requests are neither counted nor offered for an answer', async () => {
    const request = {
      instance: 'warrant#1',
      request: 'warrant',
      title: 'Search warrant for the van',
      from: 'prosecutor',
      to: 'judge',
      status: 'pending' as const,
      sentAt: 35,
      answeredAt: null,
      reason: null,
      direction: 'outgoing' as const,
      facilitatorAnswers: true,
    };
    const { router } = await openConsole(
      undefined,
      snapshot({
        session: meta({ status: 'ended' }),
        teams: [card('team-a'), card('team-b', { pendingRequests: [request] })],
      }),
    );
    // The server refuses any answer now (session/ended): the card counts nothing waiting.
    const teamCard = document.querySelector('[data-team="team-b"]') as HTMLElement;
    expect(teamCard.textContent).not.toMatch(/Requests pending/);
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-b`));
    const panel = screen.getByRole('region', { name: /^Pending requests/ });
    expect(within(panel).getByRole('heading', { name: 'Pending requests (0)' })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Grant' })).toBeNull();
    expect(within(panel).queryByText('Search warrant for the van')).toBeNull();
  });

  test('granting a request moves focus to the next request waiting, then to the next panel', async () => {
    const pending = (instance: string, title: string, sentAt: number) => ({
      instance,
      request: instance.split('#')[0]!,
      title,
      from: 'prosecutor',
      to: 'judge',
      status: 'pending' as const,
      sentAt,
      answeredAt: null,
      reason: null,
      direction: 'outgoing' as const,
      facilitatorAnswers: true,
    });
    const warrant = pending('warrant#1', 'Search warrant for the van', 35);
    const statement = pending('statement#1', 'Statement for the file', 40);
    const { live } = await openConsole(
      undefined,
      snapshot({
        teams: [card('team-a'), card('team-b', { pendingRequests: [warrant, statement] })],
      }),
    );
    const panel = screen.getByRole('region', { name: 'Requests waiting for you (2)' });
    const first = within(panel).getAllByRole('button', { name: 'Grant' })[0]!;
    first.focus();
    fireEvent.click(first);
    expect(live().sent.at(-1)?.payload).toMatchObject({ requestInstance: 'warrant#1' });
    // While the answer is out the button keeps focus (marked, not disabled).
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('aria-disabled')).toBe('true');
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        teams: [card('team-a'), card('team-b', { pendingRequests: [statement] })],
      }),
    );
    expect(document.activeElement?.textContent).toMatch(/^Statement for the file/);
    // The last one answered, the panel goes: focus goes on to the next panel's heading.
    fireEvent.click(within(panel).getByRole('button', { name: 'Grant' }));
    act(() =>
      live().fire('session.update', {
        seq: 5,
        status: 'running',
        teams: [card('team-a'), card('team-b')],
      }),
    );
    expect(screen.queryByRole('region', { name: /Requests waiting for you/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Injects' }));
  });

  test('releasing an inject to every team moves focus to whom it was released to', async () => {
    const { live } = await openConsole();
    const row = document.querySelector('[data-inject="inj-news"]') as HTMLElement;
    const release = within(row).getByRole('button', { name: 'Release' });
    release.focus();
    fireEvent.click(release);
    expect(document.activeElement).toBe(release);
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        injects: snapshot().injects.map((inject) =>
          inject.id === 'inj-news' ? { ...inject, releasedTo: ['team-a', 'team-b'] } : inject,
        ),
      }),
    );
    expect(document.activeElement).toBe(row.querySelector('.fac-inject__meta'));
    expect(document.activeElement?.textContent).toContain('released to every team');
  });

  test('the same request of several teams is answered at once; ended teams drop out, absent agencies are flagged', async () => {
    const pending = (
      request: string,
      to: string,
      sentAt: number,
      justification: string | null = null,
    ) => ({
      instance: request,
      request,
      title: request === 'warrant' ? 'Search warrant for the van' : 'Statement for the file',
      from: 'border_police',
      to,
      status: 'pending' as const,
      sentAt,
      answeredAt: null,
      reason: null,
      justification,
      direction: 'outgoing' as const,
      facilitatorAnswers: to === 'judge',
    });
    const teamC = {
      ...card('team-a'),
      team: { id: 'team-c', name: 'Team C' },
      pendingRequests: [pending('warrant', 'judge', 5)],
      ended: { id: 'e1', title: 'Witness lost', kind: 'collapse', time: 240 },
    };
    const { live } = await openConsole(
      undefined,
      snapshot({
        session: meta({
          teams: [
            { id: 'team-a', name: 'Team A' },
            { id: 'team-b', name: 'Team B' },
            { id: 'team-c', name: 'Team C' },
          ],
        }),
        teams: [
          card('team-a', {
            clock: { minutes: 70, running: true, limitMinutes: 480 },
            // Nobody plays the prosecutor in team A: the facilitator may answer for it.
            pendingRequests: [
              pending('warrant', 'judge', 10, 'The phone shows the organiser.'),
              pending('statement', 'prosecutor', 40),
            ],
          }),
          card('team-b', {
            clock: { minutes: 50, running: true, limitMinutes: 480 },
            pendingRequests: [
              pending('warrant', 'judge', 35),
              pending('statement', 'prosecutor', 45),
            ],
            members: [{ id: P2, displayName: 'Bo', role: 'prosecutor', presence: 'online' }],
          }),
          teamC,
        ],
      }),
    );
    const panel = screen.getByRole('region', { name: 'Requests waiting for you (3)' });
    const warrant = panel.querySelector('[data-request="warrant"]') as HTMLElement;
    expect(within(warrant).getByText('2 teams waiting')).toBeTruthy();
    // Longest waiting first, with how long, why, and where the team is.
    const rows = [...warrant.querySelectorAll('[data-team]')];
    expect(rows.map((r) => r.getAttribute('data-team'))).toEqual(['team-a', 'team-b']);
    expect(rows[0]?.textContent).toContain('waiting 1 h 00 min of scenario time');
    expect(rows[0]?.textContent).toContain('phase: At the border');
    expect(rows[0]?.textContent).toContain('Why: The phone shows the organiser.');
    expect(rows[1]?.textContent).toContain('No reason given.');
    const statement = panel.querySelector('[data-request="statement"]') as HTMLElement;
    expect(statement.querySelectorAll('[data-team]')).toHaveLength(1);
    expect(statement.textContent).toContain(
      'Nobody playing Prosecutor is present in this team: answer in their place.',
    );

    fireEvent.click(within(warrant).getByRole('button', { name: 'Refuse for all 2 teams' }));
    expect(within(warrant).getByRole('alert').textContent).toBe(
      'Give the team a reason when you refuse.',
    );
    fireEvent.change(within(warrant).getByLabelText(/Answer of Judge/), {
      target: { value: 'Granted by the duty judge.' },
    });
    fireEvent.click(within(warrant).getByRole('button', { name: 'Grant for all 2 teams' }));
    expect(live().sent.at(-1)).toMatchObject({
      name: 'request.answer',
      payload: {
        teams: ['team-a', 'team-b'],
        requestInstance: 'warrant',
        granted: true,
        reason: 'Granted by the duty judge.',
      },
    });
    // One team alone is still possible.
    const all = live().sent.at(-1);
    await act(async () => all?.ack({ status: 'accepted', seq: 4 }));
    fireEvent.click(within(warrant).getByRole('button', { name: 'Refuse for Team B only' }));
    expect(live().sent.at(-1)).toMatchObject({
      name: 'request.answer',
      payload: { team: 'team-b', requestInstance: 'warrant', granted: false },
    });

    // Team B's prosecutor leaves: its statement request now waits for the facilitator too.
    act(() =>
      live().fire('presence.updated', {
        participant: P2,
        presence: 'left',
        at: '2026-11-29T09:10:00.000Z',
      }),
    );
    const after = screen.getByRole('region', { name: 'Requests waiting for you (4)' });
    expect(
      within(after).getByText('2 teams waiting', {
        selector: '[data-request="statement"] *',
      }),
    ).toBeTruthy();
  });

  test('a waiting request says what it asks and, sent again, folds its earlier refusals under the team', async () => {
    // Team A's border police were refused twice (once the prosecutor asked): now the prosecutor
    // asks again, and nobody plays the judge.
    const body = {
      en: 'The border police ask the judge to order a search of the van and the phones in it.',
      mk: 'Граничната полиција бара од судијата да нареди претрес на комбето и телефоните во него.',
    };
    const warrant = waitingWarrant(
      [
        { from: 'border_police', sentAt: 5, answeredAt: 12, reason: 'No grounds: what is in it?' },
        { from: 'prosecutor', sentAt: 20, answeredAt: 95, reason: null },
      ],
      { body, justification: 'The driver named the organiser.' },
    );
    const teams = [card('team-a', { pendingRequests: [warrant] }), card('team-b')];
    await openConsole(undefined, snapshot({ teams }));
    const panel = screen.getByRole('region', { name: 'Requests waiting for you (1)' });
    const group = panel.querySelector('[data-request="warrant"]') as HTMLElement;
    expect(group.querySelector('.fac-request__body')?.textContent).toBe(body.en);
    const team = group.querySelector('[data-team="team-a"]') as HTMLElement;
    expect(team.textContent).toContain('Why: The driver named the organiser.');
    // One line a keyboard reaches and opens (a native disclosure), the rounds oldest first.
    const summary = within(team).getByText('Refused earlier (2)');
    expect(summary.tagName).toBe('SUMMARY');
    expect(summary.parentElement?.tagName).toBe('DETAILS');
    const rounds = [...team.querySelectorAll('[data-request-round]')].map((r) => r.textContent);
    expect(rounds).toEqual([
      'from Border Police · sent at T+00:05 · refused at T+00:12Answer: No grounds: what is in it?',
      'from Prosecutor · sent at T+00:20 · refused at T+01:35',
    ]);
  });

  test('by a start of Day 1 the earlier refusals read the day clock, as the team clocks do', async () => {
    // Trainees read "Day 1, 02:12" for the refusal; the queue must not call it "T+00:12".
    const warrant = waitingWarrant([
      { from: 'border_police', sentAt: 5, answeredAt: 12, reason: null },
      { from: 'prosecutor', sentAt: 20, answeredAt: 1335, reason: null },
    ]);
    const session = meta({ scenario: { ...meta().scenario, startTime: '02:00' } });
    const teams = [card('team-a', { pendingRequests: [warrant] }), card('team-b')];
    await openConsole(undefined, snapshot({ session, teams }));
    const panel = screen.getByRole('region', { name: 'Requests waiting for you (1)' });
    const rounds = [...panel.querySelectorAll('[data-request-round]')].map((r) => r.textContent);
    expect(rounds).toEqual([
      'from Border Police · sent at Day 1, 02:05 · refused at Day 1, 02:12',
      'from Prosecutor · sent at Day 1, 02:20 · refused at Day 2, 00:15',
    ]);
  });

  test('the earlier refusals of a waiting request in Macedonian', async () => {
    const warrant = waitingWarrant([
      { from: 'border_police', sentAt: 5, answeredAt: 12, reason: 'Нема основ.' },
    ]);
    const teams = [card('team-a', { pendingRequests: [warrant] }), card('team-b')];
    const { i18n } = await openConsole(undefined, snapshot({ teams }), undefined, 'mk');
    const team = document.querySelector('[data-request="warrant"] [data-team="team-a"]');
    expect(within(team as HTMLElement).getByText('Претходно одбиено (1)').tagName).toBe('SUMMARY');
    const round = team?.querySelector('[data-request-round]')?.textContent ?? '';
    expect(round).toContain(i18n.t('console.requests.sentAt', { time: '' }).trim());
    expect(round).toContain('одбиено: T+00:12');
    expect(round).toContain('Одговор: Нема основ.');
    expect(round).not.toMatch(/sent at|refused at|Answer/);
  });

  test('missed events (a jump in seq) make the console ask for a fresh snapshot once', async () => {
    const { live } = await openConsole();
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(4, 'session.resumed', {}),
      }),
    );
    expect(live().sent.filter((c) => c.name === 'session.sync')).toHaveLength(0);
    act(() =>
      live().fire('session.update', {
        seq: 7,
        status: 'paused',
        event: event(7, 'session.paused', {}),
      }),
    );
    act(() =>
      live().fire('session.update', {
        seq: 8,
        status: 'paused',
        event: event(8, 'broadcast.sent', { message: 'x' }),
      }),
    );
    expect(live().sent.filter((c) => c.name === 'session.sync')).toHaveLength(1);
    // The handshake of a reconnect carries the last seq applied.
    expect(live().options.lastSeq()).toBe(8);
  });

  test('the timeline is dense: short agency names, one row for one action to every team', async () => {
    const FULL = 'Border Police — Horgoš station (Regional Border Police Centre towards Hungary)';
    const session = meta({
      agencies: [
        {
          id: 'border_police',
          name: FULL,
          shortName: 'Border Police Horgoš',
          playable: 'required',
        },
        { id: 'judge', name: 'Judge', playable: 'facilitator' },
      ],
    });
    const at = (s: number) => `2026-11-29T09:0${s}:00.000Z`;
    await openConsole(
      undefined,
      snapshot({
        session,
        events: [
          {
            ...event(1, 'session.started', { scenario: 'van', version: '1.0.0', teams: [] }),
            at: at(0),
          },
          {
            ...event(
              2,
              'decision.made',
              { decision: 'open_van', option: 'open' },
              { team: 'team-a', role: 'border_police', time: 15 },
            ),
            at: at(1),
          },
          // One release to every team: two events, one row.
          {
            ...event(3, 'inject.released', { inject: 'journalist' }, { team: 'team-a', time: 20 }),
            at: at(2),
          },
          {
            ...event(4, 'inject.released', { inject: 'journalist' }, { team: 'team-b', time: 20 }),
            at: at(2),
          },
        ],
      }),
    );
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    const rows = [...timeline.querySelectorAll('li[data-seq]')];
    expect(rows.map((r) => r.getAttribute('data-teams'))).toEqual(['2', '1', '1']);
    expect(rows[0]?.textContent).toContain('All 2 teams');
    expect(rows[1]?.textContent).toContain('Border Police Horgoš');
    expect(timeline.textContent).not.toContain(FULL);
    // The list scrolls within itself and can be scrolled from the keyboard.
    const list = timeline.querySelector('ol') as HTMLElement;
    expect(list.tabIndex).toBe(0);
  });

  test('team detail lists what the debrief would hold against the team’s evidence, and why', async () => {
    const { router } = await openConsole(
      undefined,
      snapshot({
        teams: [
          card('team-a', {
            taints: [
              {
                evidence: 'ali_statement',
                title: { en: 'Ali’s account of the payments', 'sr-Latn': 'Alijev iskaz' },
                status: 'excluded',
                reasons: [
                  { en: 'statement taken in a flawed hearing: no interpreter', mk: 'изјава…' },
                  { en: 'Ali left before a deposition', mk: 'Али замина…' },
                ],
              },
            ],
          }),
          card('team-b'),
        ],
      }),
    );
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-a`));
    const panel = screen.getByRole('region', { name: 'Tainted evidence' });
    const item = panel.querySelector('[data-taint="ali_statement"]') as HTMLElement;
    expect(item.textContent).toContain('Ali’s account of the payments');
    expect(item.textContent).toContain('excluded');
    expect([...item.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'statement taken in a flawed hearing: no interpreter',
      'Ali left before a deposition',
    ]);
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-b`));
    const none = screen.getByRole('region', { name: 'Tainted evidence' });
    expect(none.textContent).toContain('Nothing tainted so far.');
    expect(none.querySelector('[data-taint]')).toBeNull();
  });

  test('taints the server rescored reach team detail at once, without an update', async () => {
    const { live, router } = await openConsole();
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-a`));
    const panel = () => screen.getByRole('region', { name: 'Tainted evidence' });
    expect(panel().textContent).toContain('Nothing tainted so far.');
    act(() =>
      live().fire('session.rescored', {
        seq: 3,
        teams: [
          card('team-a', {
            taints: [
              {
                evidence: 'ali_statement',
                title: { en: 'Ali’s account of the payments' },
                status: 'excluded',
                reasons: [{ en: 'Ali left before a deposition' }],
              },
            ],
          }),
        ],
        teamVersions: { 'team-a': 'a2' },
      }),
    );
    expect(panel().querySelector('[data-taint="ali_statement"]')?.textContent).toContain(
      'Ali’s account of the payments',
    );
  });

  test('opening a team moves focus to its heading, and back to the team list lands on its link', async () => {
    await openConsole();
    const link = within(screen.getByRole('article', { name: 'Team A' })).getByRole('link', {
      name: 'Team A',
    });
    link.focus();
    fireEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Team A' });
    // Not dropped on <body>: a keyboard user goes on from the team they opened.
    expect(document.activeElement).toBe(heading);
    fireEvent.click(screen.getByRole('link', { name: /All teams/ }));
    const article = await screen.findByRole('article', { name: 'Team A' });
    expect(document.activeElement).toBe(within(article).getByRole('link', { name: 'Team A' }));
  });

  test('team detail shows chat as plain text, never as markup', async () => {
    const { live, router } = await openConsole();
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(
          4,
          'chat.message',
          { text: '<img src=x onerror=alert(1)> call the judge' },
          { team: 'team-a', participant: P1, role: 'border_police' },
        ),
      }),
    );
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-a`));
    const chat = screen.getByRole('region', { name: 'Team chat' });
    expect(within(chat).getByText(/<img src=x onerror=alert\(1\)> call the judge/)).toBeTruthy();
    expect(chat.querySelector('img')).toBeNull();
  });

  test('team detail chat reads the scenario clock beside the wall clock, as the timeline does', async () => {
    const { live, router } = await openConsole();
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(
          4,
          'chat.message',
          { text: 'Calling the judge' },
          { team: 'team-a', participant: P1, role: 'border_police', time: 95 },
        ),
      }),
    );
    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-a`));
    const line = within(screen.getByRole('region', { name: 'Team chat' })).getByRole('listitem');
    expect(line.querySelector('.fac-event__clock')?.textContent).toBe('T+01:35');
    const wall = line.querySelector('time.fac-event__time') as HTMLElement;
    expect(wall.getAttribute('dateTime')).toBe(AT);
    expect(wall.textContent).not.toBe('');
  });

  test("when the scenario says when Day 1 starts, the console's moments read like the team clocks", async () => {
    // Trainees read 'Day 1, 02:02' for a decision; the console must not call it 'T+00:02' next to a
    // team clock reading 'Day 1, …' (seen in the walkthrough, Night on the Drina starts at 02:00).
    const session = meta({ scenario: { ...meta().scenario, startTime: '02:00' } });
    const { live, router } = await openConsole(
      undefined,
      snapshot({
        session,
        teams: [
          card('team-a', {
            clock: { minutes: 52, running: true, limitMinutes: null },
            lastDecisions: [
              {
                seq: 9,
                decision: 'd1',
                decisionTitle: 'Open the van',
                option: 'o1',
                optionLabel: 'Open it now',
                role: 'border_police',
                participant: P1,
                time: 2,
                at: AT,
              },
            ],
          }),
          card('team-b'),
        ],
      }),
    );
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(
          4,
          'chat.message',
          { text: 'Calling the judge' },
          { team: 'team-a', participant: P1, role: 'border_police', time: 95 },
        ),
      }),
    );
    const clocksOf = (root: HTMLElement) =>
      [...root.querySelectorAll('.fac-event__clock')].map((c) => c.textContent);
    const timeline = () => screen.getByRole('list', { name: 'Timeline' });
    expect(clocksOf(timeline())).toContain('Day 1, 03:35');
    expect(timeline().textContent).not.toContain('T+');

    await act(() => router.navigate(`/facilitate/sessions/${SESSION_ID}?team=team-a`));
    const decisions = screen.getByRole('region', { name: 'Decisions' });
    expect(clocksOf(decisions)).toEqual(['Day 1, 02:02']);
    const chat = screen.getByRole('region', { name: 'Team chat' });
    expect(clocksOf(chat)).toEqual(['Day 1, 03:35']);
    expect(clocksOf(timeline())).toContain('Day 1, 03:35');

    // What one agency sees: its clock and its new information read the same way.
    answers[`/api/sessions/${SESSION_ID}/teams/team-a/views/border_police`] = () => ({
      status: 200,
      body: roleView({
        clock: { minutes: 52, running: true, limitMinutes: null },
        injects: [{ id: 'heat', title: 'Heat camera alert', body: 'Bodies.', releasedAt: 36 }],
      }),
    });
    const agencyView = screen.getByRole('region', { name: 'What an agency of this team sees' });
    fireEvent.click(within(agencyView).getByRole('button', { name: 'Show' }));
    expect(await within(agencyView).findByText(/Heat camera alert/)).toBeTruthy();
    expect(agencyView.textContent).toContain('Day 1, 02:52');
    expect(agencyView.textContent).toContain('Day 1, 02:36 Heat camera alert');
    expect(document.querySelector('main')?.textContent).not.toContain('T+');
  });

  test('the lobby shows the join code, a QR code and places people with participant.move', async () => {
    answers[`/api/sessions/${SESSION_ID}/members`] = () => ({
      status: 200,
      body: [{ account: STAFF_LOGIN.account, role: 'owner', addedAt: '2026-11-29T08:00:00.000Z' }],
    });
    const { live } = await openConsole(
      undefined,
      snapshot({ session: meta({ status: 'lobby', startedAt: null }), teams: [] }),
    );
    const staff = await screen.findByRole('region', { name: 'Staff of this session' });
    expect(await within(staff).findByText('facilitator')).toBeTruthy();
    expect(within(staff).getByRole('button', { name: 'Add' })).toBeTruthy();
    expect(screen.getByLabelText('Join code: A B C 2 3 4')).toBeTruthy();
    expect(
      (await screen.findByRole('img', { name: /QR code that opens the join link/ })).getAttribute(
        'src',
      ),
    ).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByText(/Team B has nobody for: Border Police, Prosecutor/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Team for Marko'), { target: { value: 'team-b' } });
    fireEvent.change(screen.getByLabelText('Agency for Marko'), {
      target: { value: 'prosecutor' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Place' }));
    expect(live().sent.at(-1)).toMatchObject({
      name: 'participant.move',
      payload: { participant: P2, team: 'team-b', role: 'prosecutor' },
    });
  });

  test("adding staff lists the server's problems under the form's own field names", async () => {
    answers[`/api/sessions/${SESSION_ID}/members`] = () => ({
      status: 200,
      body: [{ account: STAFF_LOGIN.account, role: 'owner', addedAt: '2026-11-29T08:00:00.000Z' }],
    });
    answers[`/api/sessions/${SESSION_ID}/observers`] = () => ({
      status: 400,
      body: {
        code: 'protocol/invalid_payload',
        message: 'Invalid body: username: Too big: expected string to have <=64 characters',
        details: [
          { path: 'username', message: 'Too big: expected string to have <=64 characters' },
        ],
      },
    });
    await openConsole(
      undefined,
      snapshot({ session: meta({ status: 'lobby', startedAt: null }), teams: [] }),
    );
    const staff = await screen.findByRole('region', { name: 'Staff of this session' });
    fireEvent.change(within(staff).getByLabelText('User name'), {
      target: { value: 'someone-with-a-long-name' },
    });
    fireEvent.click(within(staff).getByRole('button', { name: 'Add' }));
    const details = await waitFor(() => {
      const found = staff.querySelector('[data-error-details]');
      if (!found) throw new Error('no details yet');
      return found;
    });
    expect(details.textContent).toBe('User name: Too big: expected string to have <=64 characters');
    expect(details.querySelector('code')).toBeNull();
  });

  test('the projector is offered once: in the lobby by the join panel, during play in the header', async () => {
    const { live } = await openConsole(
      undefined,
      snapshot({ session: meta({ status: 'lobby', startedAt: null }), teams: [] }),
    );
    const windowButtons = () =>
      screen.getAllByRole('button', { name: 'Projector in a new window' });
    expect(windowButtons()).toHaveLength(1);
    // The one left is the join panel's, with the sentence saying what its window does.
    const join = screen.getByRole('region', { name: 'Join this session' });
    expect(within(join).getByRole('button', { name: 'Projector in a new window' })).toBe(
      windowButtons()[0],
    );
    expect(screen.getAllByRole('link', { name: /projector/i })).toHaveLength(1);
    act(() => live().fire('session.snapshot', snapshot()));
    await screen.findByRole('article', { name: 'Team A' });
    // The join panel also sits (folded) under the people during play: without the projector.
    (document.querySelector('.fac-people-details') as HTMLDetailsElement).open = true;
    expect(windowButtons()).toHaveLength(1);
    expect(document.querySelector('.fac-console__head')?.contains(windowButtons()[0]!)).toBe(true);
  });

  test('team clocks count days as the phases do when the scenario says when Day 1 starts', async () => {
    const session = meta({ scenario: { ...meta().scenario, startTime: '22:30' } });
    await openConsole(
      undefined,
      snapshot({
        session,
        teams: [
          card('team-a', { clock: { minutes: 120, running: true, limitMinutes: null } }),
          card('team-b', { clock: { minutes: 0, running: true, limitMinutes: null } }),
        ],
      }),
    );
    const clocks = [...document.querySelectorAll('.fac-clock')].map((c) =>
      c.textContent?.replace('Scenario clock', '').trim(),
    );
    expect(clocks).toEqual(['Day 2, 00:30', 'Day 1, 22:30']);
  });

  test('the projector reads the team clocks as the console does', async () => {
    const session = meta({ scenario: { ...meta().scenario, startTime: '03:10' } });
    await openConsole(
      `/facilitate/sessions/${SESSION_ID}?view=projector`,
      snapshot({
        session,
        teams: [card('team-a', { clock: { minutes: 64, running: true, limitMinutes: null } })],
      }),
    );
    const wall = await screen.findByRole('dialog', { name: 'Van at Kelebija' });
    const tileA = within(wall).getByRole('article', { name: 'Team A' });
    expect(tileA.querySelector('.fac-wall__clock')?.textContent).toBe(
      'Scenario clock Day 1, 04:14',
    );
    expect(tileA.textContent).not.toContain('T+');
  });

  test('during play the projector’s footer shows the join code as boldly as the link', async () => {
    const session = meta({
      joinCode: 'K7M2QX',
      joinLink: 'https://crossroads.example/join/K7M2QX',
    });
    await openConsole(
      `/facilitate/sessions/${SESSION_ID}?view=projector`,
      snapshot({ session, teams: [card('team-a')] }),
    );
    const wall = await screen.findByRole('dialog', { name: 'Van at Kelebija' });
    const late = wall.querySelector('.fac-wall__late')!;
    expect(late.textContent).toBe(
      'Arriving late? Join with the code K7M2QX: https://crossroads.example/join/K7M2QX',
    );
    const code = late.querySelector('strong.fac-wall__late-code');
    expect(code?.textContent).toBe('K7M2QX');
    expect(late.querySelector('.fac-wall__late-link')?.textContent).toContain('crossroads.example');
  });

  test('the lobby names agencies by their short names where they repeat, the full name as a tooltip', async () => {
    const FULL = 'Border Police — Horgoš station (Regional Border Police Centre towards Hungary)';
    const session = meta({
      status: 'lobby',
      startedAt: null,
      agencies: [
        {
          id: 'border_police',
          name: FULL,
          shortName: 'Border Police Horgoš',
          playable: 'required',
        },
        {
          id: 'prosecutor',
          name: 'Higher Public Prosecutor’s Office in Subotica',
          shortName: 'Prosecutor',
          playable: 'required',
        },
        { id: 'judge', name: 'Judge', playable: 'facilitator' },
      ],
    });
    await openConsole(undefined, snapshot({ session, teams: [] }));
    expect(
      screen.getByText('Team B has nobody for: Border Police Horgoš, Prosecutor.'),
    ).toBeTruthy();
    const select = screen.getByLabelText('Agency for Ana') as HTMLSelectElement;
    const options = [...select.options];
    expect(options.map((o) => o.textContent)).toEqual(['Border Police Horgoš', 'Prosecutor']);
    expect(options[0]?.title).toBe(FULL);
    const people = screen.getByRole('region', { name: /People/ });
    expect(people.textContent).not.toContain(FULL);
  });

  test('the projector view lists who has joined by team with agency, live, in large type', async () => {
    const lobbySnapshot = snapshot({
      session: meta({ status: 'lobby', startedAt: null }),
      teams: [],
    });
    const { live, router } = await openConsole(
      `/facilitate/sessions/${SESSION_ID}?view=projector`,
      lobbySnapshot,
    );
    const wall = await screen.findByRole('dialog', { name: 'Van at Kelebija' });
    expect(within(wall).getByRole('heading', { name: '2 people have joined' })).toBeTruthy();
    expect(within(wall).getByLabelText('Join code: A B C 2 3 4')).toBeTruthy();
    const teamA = wall.querySelector('[data-team="team-a"]') as HTMLElement;
    expect(teamA.textContent).toContain('Ana');
    expect(teamA.textContent).toContain('Border Police');
    expect(wall.querySelector('[data-team=""]')?.textContent).toContain('Marko');
    // Focus is on the close button, so Escape or Enter closes it at once.
    expect(document.activeElement?.textContent).toBe('Close the full-screen view');
    // Tab and Shift+Tab stay on the wall: the console's controls behind it are out of reach.
    const close = document.activeElement as HTMLElement;
    expect(fireEvent.keyDown(close, { key: 'Tab' })).toBe(false);
    expect(fireEvent.keyDown(close, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(close);

    // Someone joins, Marko is placed, Ana leaves: the wall follows the facilitator's own socket.
    const lobby = lobbySnapshot.lobby;
    act(() =>
      live().fire('lobby.updated', {
        seq: 5,
        lobby: {
          unassigned: [],
          teams: [
            lobby.teams[0],
            {
              id: 'team-b',
              name: 'Team B',
              members: [
                { ...lobby.unassigned[0], team: 'team-b', role: 'prosecutor' },
                {
                  id: P3,
                  displayName: 'Vesna',
                  team: 'team-b',
                  role: 'border_police',
                  presence: 'online',
                  joinedAt: '2026-11-29T09:05:00.000Z',
                },
              ],
            },
          ],
        },
      }),
    );
    expect(within(wall).getByRole('heading', { name: '3 people have joined' })).toBeTruthy();
    const teamB = wall.querySelector('[data-team="team-b"]') as HTMLElement;
    expect(within(teamB).getByText('Marko')).toBeTruthy();
    expect(within(teamB).getByText('Prosecutor')).toBeTruthy();
    expect(within(teamB).getByText('Vesna')).toBeTruthy();
    act(() =>
      live().fire('presence.updated', {
        participant: P1,
        presence: 'left',
        at: '2026-11-29T09:06:00.000Z',
      }),
    );
    expect(within(wall).getByRole('heading', { name: '2 people have joined' })).toBeTruthy();
    expect(within(wall).queryByText('Ana')).toBeNull();

    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.search).toBe('');
  });

  test('the projector view during play shows teams, clocks and phases, never scores or endings', async () => {
    await openConsole(
      `/facilitate/sessions/${SESSION_ID}?view=projector`,
      snapshot({
        session: meta({ settings: { ...meta().settings, scoresVisibleToTrainees: true } }),
        teams: [
          card('team-a', {
            members: [{ id: P1, displayName: 'Ana', role: 'border_police', presence: 'online' }],
            scores: { evidence: 42, rights: 17, redLines: ['RIGHTS.REFOULEMENT'] },
            lastDecisions: [
              {
                seq: 9,
                decision: 'd1',
                decisionTitle: 'Open the van',
                option: 'o1',
                optionLabel: 'Open it now',
                role: 'border_police',
                participant: P1,
                time: 30,
                at: '2026-11-29T09:10:00.000Z',
              },
            ],
          }),
          card('team-b', {
            ended: { id: 'e1', title: 'Charges filed', kind: 'conviction', time: 300 },
          }),
        ],
      }),
    );
    const wall = await screen.findByRole('dialog', { name: 'Van at Kelebija' });
    const tileA = within(wall).getByRole('article', { name: 'Team A' });
    expect(tileA.textContent).toContain('T+00:30');
    expect(tileA.textContent).toContain('At the border');
    expect(tileA.textContent).toContain('Ana');
    const tileB = within(wall).getByRole('article', { name: 'Team B' });
    expect(tileB.textContent).toContain('Finished');
    const text = wall.textContent ?? '';
    for (const secret of ['42', '17', 'red line', 'Charges filed', 'Open it now', 'Open the van'])
      expect(text).not.toContain(secret);
    expect(text).toContain('Running');
  });

  test('before the start, End sits apart from Start at the foot of the lobby and asks first', async () => {
    const { live } = await openConsole(
      undefined,
      snapshot({ session: meta({ status: 'lobby', startedAt: null }), teams: [] }),
    );
    const controls = screen.getByRole('group', { name: 'Session controls' });
    expect(within(controls).queryByRole('button', { name: 'End the session' })).toBeNull();
    const apart = screen.getByRole('region', { name: 'Not playing this session?' });
    fireEvent.click(within(apart).getByRole('button', { name: 'End the session' }));
    expect(live().sent).toHaveLength(0);
    const endNow = within(apart).getByRole('button', { name: 'Yes, end it now' });
    endNow.focus();
    fireEvent.click(endNow);
    expect(live().sent.at(-1)?.name).toBe('session.end');
    // The panel goes with the lobby: focus goes to the session controls, not to <body>.
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'ended',
        event: event(4, 'session.ended', {}),
      }),
    );
    expect(document.activeElement).toBe(
      within(controls).getByRole('button', { name: 'Release the debrief to trainees' }),
    );
  });

  test('Start with empty required seats asks first and sends nothing until confirmed', async () => {
    const { live } = await openConsole(
      undefined,
      snapshot({ session: meta({ status: 'lobby', startedAt: null }), teams: [] }),
    );
    const startButton = screen.getByRole('button', { name: 'Start the session' });
    startButton.focus();
    fireEvent.click(startButton);
    const confirm = screen.getByRole('group', { name: 'Confirm the start' });
    expect(confirm.textContent).toContain('Team B has nobody for: Border Police, Prosecutor');
    expect(live().sent).toHaveLength(0);
    // The warning takes keyboard focus (a screen reader reads it), not its Start anyway: Enter
    // pressed twice must not start past it. Tab goes on to Start anyway.
    expect(document.activeElement).toBe(confirm);
    expect(confirm.getAttribute('tabindex')).toBe('-1');
    // Waiting gives focus back to Start; Start again brings the warning back into focus.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Wait, place people first' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start the session' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start the session' }));
    const again = screen.getByRole('group', { name: 'Confirm the start' });
    expect(document.activeElement).toBe(again);
    const startAnyway = within(again).getByRole('button', { name: 'Start anyway' });
    startAnyway.focus();
    fireEvent.click(startAnyway);
    expect(live().sent.at(-1)?.name).toBe('session.start');
    // Keyboard focus stays put while the start is out, then moves on to Pause… (never <body>).
    expect(document.activeElement).toBe(startAnyway);
    await act(async () => live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 }));
    act(() =>
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(4, 'session.started', { scenario: 'van', version: '1.0.0', teams: [] }),
      }),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause…' }));
    // The join panel moved under the people, and draws its QR code again: let it land here.
    await screen.findByRole('img', { name: /QR code that opens the join link/ });
  });

  test('a refused handshake is explained, with a way to the observer view', async () => {
    logIn();
    const { live } = renderAt(`/facilitate/sessions/${SESSION_ID}`);
    await screen.findByText('Connecting to the session…');
    act(() => live().refuses('auth/forbidden', 'Not a facilitator of this session.'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Your account does not run this session',
    );
    expect(screen.getByRole('link', { name: 'Open the observer view' }).getAttribute('href')).toBe(
      `/observe/${SESSION_ID}`,
    );
  });

  test('a handshake refused as for no session allows that the account is not on its staff', async () => {
    // Staff who are not its members hear what a missing session answers: the text covers both.
    logIn();
    const { live } = renderAt(`/facilitate/sessions/${SESSION_ID}`);
    await screen.findByText('Connecting to the session…');
    act(() => live().refuses('session/not_found', 'No such session.'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This session does not exist (any more), or your account is not on its staff.',
    );
    expect(screen.queryByRole('link', { name: 'Open the observer view' })).toBeNull();
  });

  test('an open console whose facilitator is removed from the staff says so, with no way to a view it may not open', async () => {
    // The server answers staff who are no longer members as for a session that does not exist.
    const { live } = await openConsole(`/facilitate/sessions/${SESSION_ID}`, snapshot());
    act(() => live().revokes('session/not_found', "You were removed from this session's staff."));
    expect((await screen.findByRole('alert')).textContent).toContain(
      "You were removed from this session's staff.",
    );
    expect(screen.queryByRole('link', { name: 'Open the observer view' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to my sessions' })).toBeTruthy();
  });

  test('an open console whose facilitator is made an observer leads to the observer view', async () => {
    const { live } = await openConsole(`/facilitate/sessions/${SESSION_ID}`, snapshot());
    act(() =>
      live().revokes(
        'auth/forbidden',
        'You are now an observer of this session, no longer a facilitator: open the observer view.',
      ),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'If you were added as an observer, open the observer view.',
    );
    expect(screen.getByRole('link', { name: 'Open the observer view' }).getAttribute('href')).toBe(
      `/observe/${SESSION_ID}`,
    );
  });

  test('an open observer view whose observer is removed from the staff says so, with no way to the console', async () => {
    const observer = snapshot({ identity: { kind: 'observer', account: STAFF_LOGIN.account } });
    const { live } = await openConsole(`/observe/${SESSION_ID}`, observer);
    act(() => live().revokes('session/not_found', "You were removed from this session's staff."));
    expect((await screen.findByRole('alert')).textContent).toContain(
      "You were removed from this session's staff.",
    );
    expect(screen.queryByRole('link', { name: 'Open the console' })).toBeNull();
  });
});

describe('observer view', () => {
  test('is read only but can pin a note to an event', async () => {
    const observer = snapshot({
      identity: { kind: 'observer', account: STAFF_LOGIN.account },
    });
    const { live } = await openConsole(`/observe/${SESSION_ID}`, observer);
    expect(live().options.kind).toBe('observer');
    expect(screen.queryByRole('button', { name: 'Pause…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Release' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Broadcast a message' })).toBeNull();
    expect(screen.getByText('Read only')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add note to: The session started.' }));
    fireEvent.change(screen.getByLabelText('Note for the debrief (trainees never see it)'), {
      target: { value: 'Team A hesitated at the door.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pin the note' }));
    expect(live().sent.at(-1)).toMatchObject({
      name: 'note.pin',
      payload: { seq: 3, text: 'Team A hesitated at the door.' },
    });
    await act(async () => {
      live().sent.at(-1)!.ack({ status: 'accepted', seq: 4 });
      live().fire('session.update', {
        seq: 4,
        status: 'running',
        event: event(4, 'note.pinned', { seq: 3, text: 'Team A hesitated at the door.' }),
      });
    });
    expect(screen.getByText('Team A hesitated at the door.')).toBeTruthy();
  });
});
