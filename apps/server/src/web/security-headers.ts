import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config';

/** The parts of express' request/response the header middleware uses. */
interface HeaderRequest {
  secure: boolean;
  path: string;
}
interface HeaderResponse {
  setHeader(name: string, value: string): void;
}
type Next = (err?: unknown) => void;

/** HSTS sent on HTTPS requests (directly, or through a trusted TLS proxy): one year. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** Browser features the app never uses: denied to it and to anything that frames it. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/**
 * The Content-Security-Policy of every response. Scripts and styles only from the site's own
 * files (no inline code, no eval); the QR code is a data: image and the PDF export builds blob:
 * URLs; the socket and the API are same-origin; no page may frame the app.
 */
export function contentSecurityPolicy(): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
}

/**
 * Security headers on every response (API, client files, socket.io polling): helmet with the CSP
 * above, X-Frame-Options DENY, Referrer-Policy no-referrer (review and join links carry secrets
 * in the path), X-Content-Type-Options nosniff, a Permissions-Policy, and HSTS only on requests
 * that arrived over TLS (behind a proxy, with CROSSROADS_TRUST_PROXY set, express reads
 * X-Forwarded-Proto), since a plain-HTTP classroom server on a LAN address must stay reachable.
 * API answers are `Cache-Control: no-store`: debriefs, exports and reports are session data, and
 * a review link's are fetched with no credential a cache would respect, so neither a browser on
 * a shared machine nor a proxy on the way may keep a copy that outlives the link's revocation or
 * expiry (a route that may be cached, such as the API docs' assets, sets its own header).
 */
export function applySecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy() },
      strictTransportSecurity: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req: HeaderRequest, res: HeaderResponse, next: Next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    if (req.path === '/api' || req.path.startsWith('/api/'))
      res.setHeader('Cache-Control', 'no-store');
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS_VALUE);
    next();
  });
}
