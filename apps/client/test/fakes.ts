import type { CrossroadsSocket } from '../src/lib/socket';
import type { FetchLike } from '../src/lib/health';
import type { LanguageStorage } from '../src/i18n';
import { FakeEmitter } from './fake-emitter';

/**
 * Stands in for a socket.io-client socket: the same event names, `connected`/`active` flags
 * and the `timeout().emitWithAck()` chain, driven by the test instead of a server.
 */
export class FakeSocket extends FakeEmitter {
  connected = false;
  active = true;
  readonly io = new FakeEmitter();
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

  timeout(ms: number) {
    const ask = async (event: string, payload: { sentAt: number }) => {
      this.pings.push({ event, payload });
      return this.pingAck(payload);
    };
    return {
      emitWithAck: ask,
      // The callback form answers as socket.io does: later, never inside the emit, and a ping
      // that gets no answer only once its time is up (one asked again at once would spin).
      emit: (
        event: string,
        payload: { sentAt: number },
        ack: (error: Error | null, response?: unknown) => void,
      ) => {
        ask(event, payload).then(
          (response) => ack(null, response),
          (error: Error) => setTimeout(() => ack(error), ms),
        );
      },
    };
  }

  /** The handshake succeeded. */
  serverAccepts(): void {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  /** The transport dropped; socket.io will retry. */
  drops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** The server closed the socket; socket.io will not retry by itself. */
  serverCloses(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
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
