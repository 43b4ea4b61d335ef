import { StrictMode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Layout } from './components/Layout';
import { LoadingScreen } from './components/LoadingScreen';
import { RouteError } from './components/RouteError';
import { ConnectionProvider } from './lib/ConnectionProvider';
import type { CrossroadsSocket } from './lib/socket';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * Every route of the app. The start page and 404 are in the main bundle; each audience's
 * area is loaded on first visit (`lazy`), so a trainee's phone never downloads the
 * facilitator console. To add a page: create src/pages/XPage.tsx, add a route here and,
 * if it belongs in the header, an entry in components/navItems.ts.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    hydrateFallbackElement: <LoadingScreen />,
    children: [
      {
        // A failing page is replaced inside the layout, so the header and status line stay.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'facilitate',
            lazy: async () => ({
              Component: (await import('./pages/FacilitatePage')).FacilitatePage,
            }),
          },
          {
            path: 'facilitate/scenarios',
            lazy: async () => ({
              Component: (await import('./pages/FacilitateScenariosPage')).FacilitateScenariosPage,
            }),
          },
          {
            path: 'facilitate/sessions/new',
            lazy: async () => ({
              Component: (await import('./pages/FacilitateNewSessionPage'))
                .FacilitateNewSessionPage,
            }),
          },
          {
            path: 'facilitate/sessions/:id',
            lazy: async () => ({
              Component: (await import('./pages/FacilitateSessionPage')).FacilitateSessionPage,
            }),
          },
          {
            path: 'facilitate/courses',
            lazy: async () => ({ Component: (await import('./pages/CoursesPage')).CoursesPage }),
          },
          {
            path: 'facilitate/courses/:id',
            lazy: async () => ({ Component: (await import('./pages/CoursePage')).CoursePage }),
          },
          {
            path: 'facilitate/studio',
            lazy: async () => ({ Component: (await import('./pages/StudioPage')).StudioPage }),
          },
          {
            path: 'facilitate/studio/:id',
            lazy: async () => ({
              Component: (await import('./pages/StudioScenarioPage')).StudioScenarioPage,
            }),
          },
          {
            path: 'observe/:id',
            lazy: async () => ({
              Component: (await import('./pages/FacilitateObservePage')).FacilitateObservePage,
            }),
          },
          {
            path: 'join',
            lazy: async () => ({ Component: (await import('./pages/JoinPage')).JoinPage }),
          },
          {
            path: 'join/:code',
            lazy: async () => ({ Component: (await import('./pages/JoinPage')).JoinPage }),
          },
          {
            path: 'play/:sessionId',
            lazy: async () => ({ Component: (await import('./pages/PlayPage')).PlayPage }),
          },
          {
            // A trainee's knowledge check (before and after the exercise).
            path: 'knowledge/:sessionId',
            lazy: async () => ({
              Component: (await import('./pages/KnowledgeCheckPage')).KnowledgeCheckPage,
            }),
          },
          {
            path: 'debriefs',
            lazy: async () => ({ Component: (await import('./pages/DebriefsPage')).DebriefsPage }),
          },
          {
            // A debrief file opened by a reviewer (no account): matched before :sessionId.
            path: 'debriefs/file',
            lazy: async () => ({
              Component: (await import('./pages/DebriefFilePage')).DebriefFilePage,
            }),
          },
          {
            path: 'debriefs/:sessionId',
            lazy: async () => ({ Component: (await import('./pages/DebriefPage')).DebriefPage }),
          },
          {
            // After-action report and improvement plan (staff edit; review links read).
            path: 'debriefs/:sessionId/aar',
            lazy: async () => ({ Component: (await import('./pages/AarPage')).AarPage }),
          },
          {
            path: 'debriefs/:sessionId/participation',
            lazy: async () => ({
              Component: (await import('./pages/ParticipationPage')).ParticipationPage,
            }),
          },
          {
            path: 'reports/participation',
            lazy: async () => ({
              Component: (await import('./pages/ParticipationPage')).ParticipationPage,
            }),
          },
          {
            path: 'review/:token/aar',
            lazy: async () => ({ Component: (await import('./pages/AarPage')).AarPage }),
          },
          {
            path: 'review/:token/participation',
            lazy: async () => ({
              Component: (await import('./pages/ParticipationPage')).ParticipationPage,
            }),
          },
          {
            // A read-only review link (no account): the staff debrief, no staff controls.
            path: 'review/:token',
            lazy: async () => ({ Component: (await import('./pages/ReviewPage')).ReviewPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export type AppRouter = Parameters<typeof RouterProvider>[0]['router'];

export interface AppProps {
  i18n: i18n;
  socket: CrossroadsSocket;
  /** `createBrowserRouter(routes)` in the app, `createMemoryRouter(routes, …)` in tests. */
  router: AppRouter;
}

/** The whole app: translations, the one socket and its connection state, and the router. */
export function App({ i18n, socket, router }: AppProps) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ConnectionProvider socket={socket}>
          <RouterProvider router={router} />
        </ConnectionProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
