import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from './config';

/** A Host header we are willing to echo into a link: a host name or IP literal and an optional port. */
const HOST_HEADER = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253})|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin to put in links given to people (join link and QR, projector view, review link).
 * PUBLIC_ORIGIN wins when it is set (behind a proxy or with a public name). Otherwise the host the
 * request came in on: the facilitator reached the server at that address, so trainees in the same
 * room can too (`http://192.168.1.20:3100` on a hotel network). Without a usable Host header:
 * http://localhost:<PORT>.
 */
export function publicOriginFor(config: AppConfig, headers: IncomingHttpHeaders): string {
  if (config.publicOriginFixed) return config.publicOrigin;
  const host = headers.host?.trim();
  if (host && HOST_HEADER.test(host)) return `http://${host.toLowerCase()}`;
  return config.publicOrigin;
}

/**
 * Whether a browser connecting from `origin` may open a socket. With PUBLIC_ORIGIN set, only that
 * origin. Without it, the default origin or the server's own origin as the browser addressed it
 * (Origin equals http://<Host>): a page this server served, never a foreign site.
 */
export function originAllowed(
  config: AppConfig,
  origin: string,
  headers: IncomingHttpHeaders,
): boolean {
  if (origin === config.publicOrigin) return true;
  if (config.publicOriginFixed) return false;
  const host = headers.host?.trim().toLowerCase();
  return host !== undefined && HOST_HEADER.test(host) && origin.toLowerCase() === `http://${host}`;
}
