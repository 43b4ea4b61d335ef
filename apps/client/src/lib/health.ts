import { useCallback, useEffect, useRef, useState } from 'react';
import { healthResponseSchema } from '@crossroads/shared';

export const HEALTH_PATH = '/api/health';
export const HEALTH_POLL_MS = 10_000;
export const HEALTH_TIMEOUT_MS = 5_000;

export type ServerHealth =
  | { state: 'checking' }
  | { state: 'ok'; version: string; databaseLatencyMs: number }
  | { state: 'degraded'; version: string }
  | { state: 'unreachable' };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Reads a health answer. A body that matches the contract is believed whatever the HTTP
 * status (a degraded server may answer 503); anything else means we did not reach the API.
 */
export function interpretHealth(body: unknown): ServerHealth {
  const parsed = healthResponseSchema.safeParse(body);
  if (!parsed.success) return { state: 'unreachable' };
  const health = parsed.data;
  if (health.status === 'ok' && health.database.ok) {
    return { state: 'ok', version: health.version, databaseLatencyMs: health.database.latencyMs };
  }
  return { state: 'degraded', version: health.version };
}

export async function fetchHealth(
  fetchImpl: FetchLike,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<ServerHealth> {
  try {
    const response = await fetchImpl(HEALTH_PATH, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return interpretHealth(await response.json());
  } catch {
    return { state: 'unreachable' };
  }
}

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

/**
 * Polls the server's health every `intervalMs` (one request at a time), and at once when the
 * tab becomes visible or the browser comes back online. `refresh()` checks now, or right after
 * the check in flight (whose answer it then replaces).
 */
export function useServerHealth(options: { intervalMs?: number; fetchImpl?: FetchLike } = {}): {
  health: ServerHealth;
  refresh: () => void;
} {
  const { intervalMs = HEALTH_POLL_MS, fetchImpl = defaultFetch } = options;
  const [health, setHealth] = useState<ServerHealth>({ state: 'checking' });
  const checkRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let disposed = false;
    let inFlight = false;
    // A check asked for while one was in flight: that one's answer may predate what prompted the
    // ask (the connection dropped as the server stopped), so another check follows it instead.
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      if (disposed) return;
      if (inFlight) {
        again = true;
        return;
      }
      clearTimeout(timer);
      inFlight = true;
      void fetchHealth(fetchImpl).then((next) => {
        inFlight = false;
        if (disposed) return;
        if (again) {
          again = false;
          check();
          return;
        }
        setHealth((previous) => (sameHealth(previous, next) ? previous : next));
        timer = setTimeout(check, intervalMs);
      });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };

    checkRef.current = check;
    check();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', check);
    return () => {
      disposed = true;
      clearTimeout(timer);
      checkRef.current = () => undefined;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', check);
    };
  }, [fetchImpl, intervalMs]);

  const refresh = useCallback(() => checkRef.current(), []);
  return { health, refresh };
}

function sameHealth(a: ServerHealth, b: ServerHealth): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
