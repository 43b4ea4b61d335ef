import type { CrossroadsSocket } from '../src/lib/socket';
import type { FetchLike } from '../src/lib/health';
import type { LanguageStorage } from '../src/i18n';

type Listener = (...args: never[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

/**
 * Stands in for a socket.io-client socket: the same event names, `connected`/`active` flags
 * and the `timeout().emitWithAck()` chain, driven by the test instead of a server.
 */
export class FakeSocket extends Emitter {
  connected = false;
  active = true;
  readonly io = new Emitter();
  connectCalls = 0;
  pings: unknown[] = [];
  /** What the fake server answers to `ping`; a throw rejects like a timeout would. */
  pingAck: (payload: { sentAt: number }) => unknown = (payload) => ({
    status: 'accepted',
    sentAt: payload.sentAt,
    serverTime: Date.now(),
  });

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: async (event: string, payload: { sentAt: number }) => {
        this.pings.push({ event, payload });
        return this.pingAck(payload);
      },
    };
  }

  /** The handshake succeeded. */
  serverAccepts(): void {
    this.connected = true;
    this.active = true;
    this.emit('connect');
  }

  /** The transport dropped; socket.io will retry. */
  drops(): void {
    this.connected = false;
    this.emit('disconnect', 'transport close');
  }

  /** The server closed the socket; socket.io will not retry by itself. */
  serverCloses(): void {
    this.connected = false;
    this.active = false;
    this.emit('disconnect', 'io server disconnect');
  }

  asSocket(): CrossroadsSocket {
    // The fake implements only what the app uses; the cast is the price of not opening a socket.
    return this as unknown as CrossroadsSocket;
  }
}

export class MemoryStorage implements LanguageStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

export const healthyBody = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 12,
  database: { ok: true, driver: 'better-sqlite3', latencyMs: 0.4 },
};

export const degradedBody = {
  status: 'degraded',
  version: '0.1.0',
  uptimeSeconds: 12,
  database: { ok: false, driver: 'better-sqlite3', latencyMs: 0, error: 'SQLITE_CANTOPEN' },
};

/** A fetch that answers every request with `body` (or throws when `body` is an Error). */
export function fakeFetch(answer: () => unknown, status = 200): jest.Mock & FetchLike {
  return jest.fn(async () => {
    const body = answer();
    if (body instanceof Error) throw body;
    return { ok: status < 400, status, json: async () => body } as unknown as Response;
  });
}
