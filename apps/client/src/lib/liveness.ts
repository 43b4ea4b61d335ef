import { PING_TIMEOUT_MS } from './ping';
import type { CrossroadsSocket } from './socket';

/** The part of a socket.io socket the watch uses (a fake in tests). */
export type LivenessSocket = Pick<
  CrossroadsSocket,
  'connected' | 'on' | 'off' | 'onAny' | 'offAny' | 'timeout'
>;

export interface LivenessListener {
  /** The browser said it is offline while the socket still looks open: show it down now. */
  suspect?: () => void;
  /** The server was heard on the open socket since: it is up, whatever the browser says. */
  alive: () => void;
}

/**
 * Whether an open socket really reaches the server, for the views that show it (the trainee's
 * session, the facilitator's console, the status line).
 *
 * socket.io notices a dead network only when its heartbeat times out, half a minute and more
 * later; until then a view would say "connected" on a device that is offline. The browser's word
 * is taken at once (`suspect`), and the server heard on the open socket overrules it (`alive`):
 * any message it sends, or a ping it answers. A LAN without internet can make a browser say it
 * is offline while the server is right there. A (re)connect settles the doubt by itself: the
 * views already show a connect as connected.
 *
 * Returns the function that stops watching.
 */
export function watchLiveness(
  socket: LivenessSocket,
  listener: LivenessListener,
  probeTimeoutMs: number = PING_TIMEOUT_MS,
): () => void {
  /** The browser said offline while the socket was open, and the server has not been heard since. */
  let doubted = false;
  let stopped = false;

  const heard = () => {
    if (!doubted || !socket.connected) return;
    doubted = false;
    listener.alive();
  };
  const probe = () => {
    if (!socket.connected) return;
    socket.timeout(probeTimeoutMs).emit('ping', { sentAt: Date.now() }, (error) => {
      if (stopped) return;
      // Any answer will do, even a refusal: the server sent it.
      if (!error) heard();
      // No answer while the browser says it is online: ask again until one comes or socket.io
      // gives the socket up (its disconnect then tells the view itself).
      else if (doubted && socket.connected && browserOnline()) probe();
    });
  };
  const onConnect = () => {
    doubted = false;
  };
  const onOffline = () => {
    if (!socket.connected) return;
    doubted = true;
    listener.suspect?.();
    probe();
  };
  // The open socket may have outlived the outage (TCP resends): its answer says so.
  const onOnline = () => {
    if (doubted) probe();
  };

  socket.onAny(heard);
  socket.on('connect', onConnect);
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }
  return () => {
    stopped = true;
    socket.offAny(heard);
    socket.off('connect', onConnect);
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    }
  };
}

/** What the browser says of its network (true where there is no browser to ask). */
export function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}
