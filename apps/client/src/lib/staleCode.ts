/*
 * Each page's code is loaded when it is first opened. After the server was updated, a tab opened
 * before the update asks for code files that no longer exist, and the page failed with "Something
 * went wrong" (say, a trainee opening the released debrief). Vite reports each failed load with
 * a `vite:preloadError` event; the route's error page then reloads once, at the address being
 * opened, to get the new version. A second failure within a minute shows the error page, so a
 * real outage never loops.
 */

const failed = new WeakSet<object>();
const RELOADED_KEY = 'crossroads.reloadedForUpdate';
const RELOAD_WINDOW_MS = 60_000;

/** Starts noting the code loads Vite reports as failed (once, at start-up). */
export function watchStaleCode(target: Window = window): void {
  target.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (typeof payload === 'object' && payload !== null) failed.add(payload);
  });
}

/** Is this error a page's code that failed to load (reported by Vite)? */
export function isStaleCode(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failed.has(error);
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * May the page reload for a new version: not if it did so within the last minute. Without
 * storage nothing could tell a second failure from the first: no.
 */
export function mayReloadForNewVersion(
  storage: KeyValue | undefined = safeSessionStorage(),
  now = Date.now(),
): boolean {
  if (!storage) return false;
  try {
    return now - Number(storage.getItem(RELOADED_KEY) ?? 0) >= RELOAD_WINDOW_MS;
  } catch {
    return false;
  }
}

/** Notes the time and reloads the page. */
export function reloadForNewVersion(
  storage: KeyValue | undefined = safeSessionStorage(),
  reload: () => void = () => window.location.reload(),
  now = Date.now(),
): void {
  try {
    storage?.setItem(RELOADED_KEY, String(now));
  } catch {
    // Nothing noted: mayReloadForNewVersion said no already when storage is blocked.
  }
  reload();
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
