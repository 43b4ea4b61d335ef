/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { JoinInfo } from '@crossroads/shared';
import { createI18n } from '../src/i18n';
import { loadCredential, saveCredential } from '../src/lib/traineeStorage';
import { JoinPage } from '../src/pages/JoinPage';
import { MemoryStorage } from './fakes';
import { AT, credential, ME, meta, SESSION } from './trainee-fakes';

const info: JoinInfo = {
  session: SESSION,
  scenario: {
    title: { en: 'Reefer at the border', 'sr-Latn': 'Hladnjača na granici' },
    contentWarnings: [{ en: 'Unaccompanied children.', 'sr-Latn': 'Deca bez pratnje.' }],
  },
  status: 'lobby',
  teams: [
    { id: 'team-a', name: 'Team A', members: 2 },
    { id: 'team-b', name: 'Team B', members: 0 },
  ],
  roles: [
    {
      id: 'border_police',
      name: { en: 'Border Police', 'sr-Latn': 'Granična policija' },
      playable: 'required',
    },
    { id: 'cso', name: 'Legal aid CSO', playable: 'optional' },
  ],
  language: 'sr-Latn',
};

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function mockServer(
  joinStatus = 200,
  joinInfo: JoinInfo = info,
  refusal = { code: 'protocol/rate_limited', message: 'Too many joins.' },
) {
  const calls: Call[] = [];
  globalThis.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    if (url === '/api/join/K7M2QX') return { ok: true, status: 200, json: async () => joinInfo };
    if (url === '/api/join' && joinStatus === 200) {
      return {
        ok: true,
        status: 200,
        json: async () => ({
          participantToken: 'participant-token-0123456789abcdef',
          participant: {
            id: ME,
            displayName: 'Ana <b>',
            team: 'team-b',
            role: 'cso',
            presence: 'left',
            joinedAt: AT,
          },
          session: meta({ status: 'lobby' }),
        }),
      };
    }
    if (url === '/api/join') {
      return {
        ok: false,
        status: joinStatus,
        json: async () => refusal,
      };
    }
    return {
      ok: false,
      status: 404,
      json: async () => ({ code: 'session/not_found', message: 'No session with this join code.' }),
    };
  }) as unknown as typeof fetch;
  return calls;
}

function renderJoin(path: string, language = 'en') {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [
      { path: '/join', element: <JoinPage /> },
      { path: '/join/:code', element: <JoinPage /> },
      { path: '/play/:sessionId', element: <p>play screen</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  return router;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('joining a session', () => {
  test('a join link fills the code, shows the warnings, and joins with a name, team and agency', async () => {
    const calls = mockServer();
    const router = renderJoin('/join/k7m2qx');
    // Scenario content follows the reader's language (English here), not the session's (Serbian).
    const title = await screen.findByText('Reefer at the border');
    expect(title.getAttribute('lang')).toBeNull();
    expect(screen.getByText('Unaccompanied children.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Join the session' }));
    expect(screen.getByText('Enter a name so your team knows who you are.')).toBeTruthy();
    expect(calls.filter((c) => c.url === '/api/join')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: '  Ana <b> ' } });
    const teams = within(screen.getByRole('group', { name: 'Team' }));
    fireEvent.click(teams.getByRole('radio', { name: /Team B/ }));
    const roles = within(screen.getByRole('group', { name: 'Agency you play' }));
    fireEvent.click(roles.getByRole('radio', { name: /Legal aid CSO/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Join the session' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/play/${SESSION}`));
    const post = calls.find((c) => c.url === '/api/join');
    expect(JSON.parse(String(post?.init?.body))).toEqual({
      code: 'K7M2QX',
      displayName: 'Ana <b>',
      team: 'team-b',
      role: 'cso',
    });
    expect(loadCredential(SESSION)).toMatchObject({
      token: 'participant-token-0123456789abcdef',
      participant: ME,
      joinCode: 'K7M2QX',
      language: 'sr-Latn',
    });
  });

  test("scenario content is shown in the reader's language where the scenario has it, else the session's", async () => {
    mockServer();
    renderJoin('/join/K7M2QX', 'sr-Latn');
    const title = await screen.findByText('Hladnjača na granici');
    expect(title.getAttribute('lang')).toBeNull();
    expect(screen.getByText('Deca bez pratnje.')).toBeTruthy();
    cleanup();

    // The scenario has no Albanian: an Albanian reader of this Serbian session reads the
    // scenario in Serbian (the session's language), marked lang="sr-Latn", not in English.
    renderJoin('/join/K7M2QX', 'sq');
    const serbian = await screen.findByText('Hladnjača na granici');
    expect(serbian.getAttribute('lang')).toBe('sr-Latn');
    expect(screen.getByRole('button', { name: 'Bashkohu në seancë' })).toBeTruthy();
    cleanup();

    // In an English session the same reader gets English, the language every scenario has.
    mockServer(200, { ...info, language: 'en' });
    renderJoin('/join/K7M2QX', 'sq');
    const english = await screen.findByText('Reefer at the border');
    expect(english.getAttribute('lang')).toBe('en');
  });

  test('a wrong code says so and keeps the code to correct', async () => {
    mockServer();
    renderJoin('/join');
    fireEvent.change(screen.getByLabelText('Session code'), { target: { value: 'abc 234' } });
    const submit = screen.getByRole('button', { name: 'Continue' });
    submit.focus();
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toContain('No session has this code');
    const input = screen.getByLabelText('Session code') as HTMLInputElement;
    expect(input.value).toBe('ABC 234');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Continue was disabled while the code was checked: the keyboard is back in the field.
    expect(document.activeElement).toBe(input);
  });

  test('moving between the two steps by keyboard keeps focus on the page, never dropped on <body>', async () => {
    mockServer();
    renderJoin('/join');
    fireEvent.change(screen.getByLabelText('Session code'), { target: { value: 'k7m 2qx' } });
    const submit = screen.getByRole('button', { name: 'Continue' });
    submit.focus();
    fireEvent.click(submit);
    // The code form (and its focused button) is replaced by the session's form: focus goes to the
    // session's name, so the content warnings and the form are read next.
    const title = await screen.findByRole('heading', { name: 'Reefer at the border' });
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('tabindex')).toBe('-1');

    fireEvent.click(screen.getByRole('button', { name: 'Use another code' }));
    // Back at step 1: the keyboard is in the code field again.
    const input = await screen.findByLabelText('Session code');
    expect(document.activeElement).toBe(input);
  });

  test('the code of an ended session says so and leads back to entering another code', async () => {
    mockServer(200, { ...info, status: 'ended' });
    renderJoin('/join/K7M2QX');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This session has ended; it can no longer be joined.',
    );
    expect(screen.queryByRole('button', { name: 'Join the session' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use another code' }));
    // The code form is back, as from the form of a session still open.
    expect(await screen.findByLabelText('Session code')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
  });

  test('a refused join shows the reason and lets the trainee try again', async () => {
    mockServer(429);
    renderJoin('/join/K7M2QX');
    fireEvent.change(await screen.findByLabelText('Your name'), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join the session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many joins.');
    expect(screen.getByRole('button', { name: 'Join the session' })).toBeTruthy();
  });

  test("a join the server finds invalid lists its problems under the form's field names, in the reader's language", async () => {
    mockServer();
    const fetchInfo = globalThis.fetch;
    globalThis.fetch = jest.fn(async (url: string, init?: RequestInit) =>
      url === '/api/join'
        ? {
            ok: false,
            status: 400,
            json: async () => ({
              code: 'protocol/invalid_payload',
              message: 'Invalid join: displayName: must not contain control characters',
              details: [
                { path: 'displayName', message: 'must not contain control characters' },
                { path: 'profile.institution', message: 'Too big' },
              ],
            }),
          }
        : fetchInfo(url, init),
    ) as unknown as typeof fetch;
    renderJoin('/join/K7M2QX', 'mk');
    fireEvent.change(await screen.findByLabelText('Вашето име'), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Приклучи се на сесијата' }));
    const alert = await screen.findByRole('alert');
    const items = [...alert.querySelectorAll('[data-error-details] li')];
    expect(items.map((li) => li.textContent)).toEqual([
      'Вашето име: must not contain control characters',
      'Институција: Too big',
    ]);
    expect(items[0]?.querySelector('[lang="en"]')?.textContent).toBe(
      'must not contain control characters',
    );
    expect(alert.textContent).not.toContain('Invalid join');
  });

  test('a name already taken in the team takes the keyboard back to the name, marked invalid', async () => {
    mockServer(409, info, { code: 'session/name_taken', message: 'Name taken.' });
    renderJoin('/join/K7M2QX');
    const name = await screen.findByLabelText('Your name');
    fireEvent.change(name, { target: { value: 'Ana' } });
    const join = screen.getByRole('button', { name: 'Join the session' });
    join.focus();
    fireEvent.click(join);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('already uses this name');
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(alert.id);
  });

  test('a device that already joined is offered to continue', async () => {
    mockServer();
    saveCredential(credential());
    renderJoin('/join/K7M2QX');
    expect(
      await screen.findByText('This device has already joined this session as Ana.'),
    ).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Continue' });
    expect(links[0]?.getAttribute('href')).toBe(`/play/${SESSION}`);
  });
});
