// First: zod's jitless mode must be set before any schema parses (CSP without 'unsafe-eval').
import './lib/zodCsp';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App, routes } from './App';
import { createI18n } from './i18n';
import { getSocket } from './lib/socket';
import { watchStaleCode } from './lib/staleCode';
import './styles.css';
// Facilitator/observer screens (kept out of the page modules: jest has no CSS transform).
import './facilitator/facilitator.css';
// Replay, knowledge checks and reports.
import './learning/learning.css';

// A page's code missing after a server update: its error page reloads once (lib/staleCode.ts).
watchStaleCode();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <App i18n={createI18n()} socket={getSocket()} router={createBrowserRouter(routes)} />,
);
