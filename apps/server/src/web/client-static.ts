import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { PinoLogger } from '../logging/logging.module';
import type { AppConfig } from '../config';
import { SOCKET_IO_PATH } from '../realtime/configured-io.adapter';

/** The parts of express' request/response the fallback uses (the express types are not installed). */
interface FallbackRequest {
  method: string;
  path: string;
  headers: { accept?: string };
}
interface FallbackResponse {
  status(code: number): FallbackResponse;
  type(type: string): FallbackResponse;
  send(body: string): unknown;
  sendFile(file: string, callback: (err?: Error) => void): void;
}
type Next = (err?: unknown) => void;

export const MISSING_CLIENT_TEXT =
  'The Crossroads web client has not been built yet.\n' +
  'Run `npm run build` in the repository root (or `npm run build -w @crossroads/client`),\n' +
  'then restart the server.\n';

/**
 * True for a navigation to a client route: GET/HEAD, not the API or socket.io, not a missing
 * asset file (a path whose last segment has an extension), and HTML acceptable to the caller
 * (browsers send text/html; curl and link checkers send *\/* or nothing).
 */
function isClientRoute(req: FallbackRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path === '/api' || req.path.startsWith('/api/')) return false;
  if (req.path.startsWith(SOCKET_IO_PATH)) return false;
  if (/\.[a-z0-9]+$/i.test(req.path.split('/').pop() ?? '')) return false;
  const accept = req.headers.accept ?? '*/*';
  return accept.includes('text/html') || accept.includes('*/*');
}

/**
 * Production only: serves the built client from CLIENT_DIST, with index.html for every client
 * route so deep links work. Without a build it serves a short text saying how to make one.
 * Call before app.init()/listen() so it sits in front of Nest's 404 handler.
 */
export function serveClient(
  app: NestExpressApplication,
  config: AppConfig,
  logger: PinoLogger,
): void {
  const indexFile = path.join(config.clientDist, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn(
      { clientDist: config.clientDist },
      'client build not found: browsers get a notice instead of the app (run `npm run build`)',
    );
    app.use((req: FallbackRequest, res: FallbackResponse, next: Next) => {
      if (!isClientRoute(req)) return next();
      res.status(503).type('text/plain').send(MISSING_CLIENT_TEXT);
    });
    return;
  }

  logger.info({ clientDist: config.clientDist }, 'serving the built client');
  app.useStaticAssets(config.clientDist, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((req: FallbackRequest, res: FallbackResponse, next: Next) => {
    if (!isClientRoute(req)) return next();
    res.sendFile(indexFile, (err) => {
      if (err) next(err);
    });
  });
}
