import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App, routes } from '../src/App';
import { createI18n } from '../src/i18n';
import { FakeSocket, MemoryStorage, healthyBody } from './fakes';

/**
 * fetch answered by `answer` (the request's path and its Authorization header): a body is a 200,
 * undefined a 404 `session/not_found`, as the server answers a session the caller may not know.
 * /api/health is healthy unless `answer` says otherwise.
 */
export function answerFetch(answer: (path: string, auth: string | null) => unknown): void {
  globalThis.fetch = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const path = String(input);
    const body =
      answer(path, new Headers(init?.headers).get('Authorization')) ??
      (path === '/api/health' ? healthyBody : undefined);
    return {
      ok: body !== undefined,
      status: body === undefined ? 404 : 200,
      json: async () => body ?? { code: 'session/not_found', message: 'No such session.' },
    } as Response;
  }) as unknown as typeof fetch;
}

/** The whole app at `path`, in `language` (English unless told), with a fake socket (fetch as the test set it). */
export function renderAppAt(path: string, language = 'en'): void {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  render(
    <App
      i18n={createI18n({ storage, browserLanguages: [] })}
      socket={new FakeSocket().asSocket()}
      router={createMemoryRouter(routes, { initialEntries: [path] })}
    />,
  );
}
