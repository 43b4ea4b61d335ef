import type { Clock } from './ports';
import type { TickWork } from './session-host';

/**
 * The clock ticker's work (SessionHost.tick), run one session at a time, each in its own turn of
 * the event loop (a chain of deferrals or timers: immediates queued together would all run before
 * any socket is read again), and spread evenly until the moment the ticker gives at each visit.
 *
 * Sessions started together come due at the same visit (at 1,000 trainees 50 of them, about 2 ms
 * each, every 6 s): run back to back, that bunch took a core's worth of time from the commands that
 * arrived meanwhile. Spread until shortly before the next visit, each session's work waits less
 * than a visit's interval, as its minutes already did (they are counted at the visits).
 */
export class TickQueue {
  private readonly queued: TickWork[] = [];
  private due = 0;

  constructor(
    private readonly clock: Clock,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** The work queued from now on should be done by `due` (ms since the epoch). */
  spreadUntil(due: number): void {
    this.due = due;
  }

  add(work: TickWork): void {
    this.queued.push(work);
    if (this.queued.length === 1) this.clock.defer(() => void this.drain());
  }

  /** Forgets the work not run yet (the server is closing). */
  clear(): void {
    this.queued.length = 0;
  }

  private async drain(): Promise<void> {
    const work = this.queued[0];
    if (!work) return;
    try {
      await work();
    } catch (error) {
      this.failed(error);
    } finally {
      this.queued.shift();
      if (this.queued.length > 0) {
        const gap = Math.floor((this.due - this.clock.now()) / this.queued.length);
        if (gap >= 1) this.clock.after(gap, () => void this.drain());
        else this.clock.defer(() => void this.drain());
      }
    }
  }
}
