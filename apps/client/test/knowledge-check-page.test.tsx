/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { KnowledgeCheckStatus, KnowledgeReceipt } from '@crossroads/shared';
import { createI18n } from '../src/i18n';
import { saveCredential } from '../src/lib/traineeStorage';
import { KnowledgeCheckPage } from '../src/pages/KnowledgeCheckPage';
import { MemoryStorage } from './fakes';
import { AT, credential, SESSION } from './trainee-fakes';

const status: KnowledgeCheckStatus = {
  session: SESSION,
  check: {
    id: 'smuggling-basics',
    version: '1.0.0',
    title: { en: 'Smuggling and rights' },
    languages: ['en'],
    questions: [
      {
        id: 'object-of-smuggling',
        kind: 'single',
        prompt: { en: 'Can a smuggled migrant be prosecuted for having been smuggled?' },
        options: [
          { id: 'no', text: { en: 'No' } },
          { id: 'yes', text: { en: 'Yes' } },
        ],
      },
    ],
  },
  open: 'post',
  answered: { pre: true, post: false },
};
const receipt: KnowledgeReceipt = { phase: 'post', submittedAt: AT, result: { correct: 1, of: 1 } };

beforeEach(() => {
  localStorage.clear();
  globalThis.fetch = jest.fn(async (url: string) => ({
    ok: true,
    status: 200,
    json: async () => (url.endsWith('/answers') ? receipt : status),
  })) as unknown as typeof fetch;
});

test('sending the check by keyboard leaves focus on the thanks, not on the top of the page', async () => {
  saveCredential(credential());
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'en');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [{ path: '/knowledge/:sessionId', element: <KnowledgeCheckPage /> }],
    { initialEntries: [`/knowledge/${SESSION}`] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  fireEvent.click(await screen.findByRole('radio', { name: 'No' }));
  const send = screen.getByRole('button', { name: 'Send my answers' });
  send.focus();
  fireEvent.click(send);
  const thanks = await screen.findByRole('heading', {
    level: 1,
    name: 'Thank you: your answers are in',
  });
  expect(screen.getByRole('status').textContent).toContain('1 of 1');
  expect(document.activeElement).toBe(thanks);
});

test("a refused submission lists the server's problems under the question, not its raw path", async () => {
  globalThis.fetch = jest.fn(async (url: string) =>
    url.endsWith('/answers')
      ? {
          ok: false,
          status: 400,
          json: async () => ({
            code: 'protocol/invalid_payload',
            message: 'Invalid body: answers.0.options: Too big: expected array to have <=8 items',
            details: [
              {
                path: 'answers.0.options',
                message: 'Too big: expected array to have <=8 items',
              },
            ],
          }),
        }
      : { ok: true, status: 200, json: async () => status },
  ) as unknown as typeof fetch;
  saveCredential(credential());
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [{ path: '/knowledge/:sessionId', element: <KnowledgeCheckPage /> }],
    { initialEntries: [`/knowledge/${SESSION}`] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  fireEvent.click(await screen.findByRole('radio', { name: 'No' }));
  fireEvent.click(screen.getByRole('button', { name: i18n.t('learning.knowledge.submit') }));
  const line = await screen.findByText(/Too big/, { selector: '[data-error-details] li *' });
  const item = line.closest('li');
  expect(item?.textContent).toBe(
    '1. Can a smuggled migrant be prosecuted for having been smuggled?: Too big: expected array to have <=8 items',
  );
  expect(item?.textContent).not.toContain('answers.0');
  // The server's reason stays English, marked so in the Serbian page.
  expect(line.closest('[lang="en"]')).not.toBeNull();
});
