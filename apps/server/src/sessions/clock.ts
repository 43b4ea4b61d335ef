import type { Clock, Timer } from './ports';

/** The process clock: Date.now and unref'd Node timers (they never keep a closing server alive). */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return { cancel: () => clearTimeout(handle) };
  },
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    handle.unref();
    return { cancel: () => clearInterval(handle) };
  },
  defer(fn) {
    setImmediate(fn);
  },
};

interface Scheduled {
  id: number;
  due: number;
  fn: () => void;
  /** Repeats every `period` ms when set. */
  period?: number;
}

/**
 * A clock that moves only when told to, for unit tests: `advance(ms)` runs every timer that falls
 * due on the way, in due order, with `now()` set to each timer's due time. Deferred work runs in
 * `runDeferred()` (advance runs it too), so a test decides when "the next turn" happens.
 */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private scheduled: Scheduled[] = [];
  private deferred: (() => void)[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): Timer {
    return this.schedule({ id: this.nextId++, due: this.time + Math.max(0, ms), fn });
  }

  every(ms: number, fn: () => void): Timer {
    const period = Math.max(1, ms);
    return this.schedule({ id: this.nextId++, due: this.time + period, fn, period });
  }

  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  private schedule(entry: Scheduled): Timer {
    this.scheduled.push(entry);
    return { cancel: () => (this.scheduled = this.scheduled.filter((s) => s.id !== entry.id)) };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.scheduled.length;
  }

  runDeferred(): void {
    while (this.deferred.length > 0) this.deferred.shift()?.();
  }

  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.runDeferred();
      const next = [...this.scheduled].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > target) break;
      this.time = next.due;
      if (next.period === undefined) this.scheduled = this.scheduled.filter((s) => s !== next);
      else next.due += next.period;
      next.fn();
    }
    this.time = target;
    this.runDeferred();
  }
}
