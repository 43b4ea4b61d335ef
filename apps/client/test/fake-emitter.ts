type Listener = (...args: never[]) => void;
type AnyListener = (event: string, ...args: unknown[]) => void;

/** socket.io's own events: a socket's `onAny` listeners never see them, only server messages. */
const RESERVED_EVENTS = new Set(['connect', 'disconnect', 'connect_error']);

/**
 * The listener side of a socket.io socket (or of its manager, `socket.io`) for the fakes the
 * tests drive: `fire` plays an event as if it came in, `onAny` listeners first, as socket.io does.
 */
export class FakeEmitter {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly anyListeners = new Set<AnyListener>();

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

  onAny(listener: AnyListener): this {
    this.anyListeners.add(listener);
    return this;
  }

  offAny(listener: AnyListener): this {
    this.anyListeners.delete(listener);
    return this;
  }

  /** Like socket.io's: the `onAny` listeners stay. */
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    if (!RESERVED_EVENTS.has(event)) {
      for (const listener of [...this.anyListeners]) listener(event, ...args);
    }
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }

  count(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  countAny(): number {
    return this.anyListeners.size;
  }
}
