/**
 * Event-loop delay and garbage-collection pauses of the process it runs in, over a window the
 * caller opens with reset() and reads with figures(). The benchmark runs one in the client fleet
 * (fleet.ts) and one in each server process (preloaded by server-probe.ts), so a decision's
 * round trip can be split into the time either side could not run JavaScript.
 */
import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
  type IntervalHistogram,
  type PerformanceEntry,
} from 'node:perf_hooks';

export interface LoopFigures {
  /**
   * How late the loop ran a timer, ms (node's monitorEventLoopDelay less its 10 ms sampling
   * interval, which it includes): p50 and p99 of the samples, and the longest. A loop blocked for
   * 300 ms yields one sample of 300 ms, so p99 undercounts long stalls and max shows them.
   */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Pauses of the main thread by the collector (PerformanceObserver 'gc'), ms. */
  gcPauseMs: {
    total: number;
    max: number;
    count: number;
    /** Scavenges of the young generation. */
    minor: number;
    /** Full mark-compact collections and incremental marking steps. */
    major: number;
  };
  /** Wall time the figures cover, ms. */
  windowMs: number;
}

const RESOLUTION_MS = 10;

const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
const round = (n: number) => Math.round(n * 100) / 100;

export class LoopProbe {
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly observer: PerformanceObserver;
  private gc = { total: 0, max: 0, count: 0, minor: 0, major: 0 };
  private since = performance.now();

  constructor() {
    this.observer = new PerformanceObserver((list) => this.count(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
    this.delay.enable();
  }

  private count(entries: PerformanceEntry[]): void {
    for (const entry of entries) {
      // node puts the kind of collection in `detail` (not in the DOM typing of entries).
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      this.gc.total += entry.duration;
      this.gc.max = Math.max(this.gc.max, entry.duration);
      this.gc.count += 1;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) this.gc.minor += entry.duration;
      else if (
        kind === constants.NODE_PERFORMANCE_GC_MAJOR ||
        kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL
      ) {
        this.gc.major += entry.duration;
      }
    }
  }

  /** Starts a new window. */
  reset(): void {
    this.delay.reset();
    this.gc = { total: 0, max: 0, count: 0, minor: 0, major: 0 };
    this.since = performance.now();
  }

  /** The figures since the last reset (or since the probe started). */
  figures(): LoopFigures {
    // GC entries are delivered to the observer asynchronously: take those still queued.
    this.count(this.observer.takeRecords());
    const empty = this.delay.count === 0;
    return {
      loopDelayP50Ms: empty ? 0 : ms(this.delay.percentile(50)),
      loopDelayP99Ms: empty ? 0 : ms(this.delay.percentile(99)),
      loopDelayMaxMs: empty ? 0 : ms(this.delay.max),
      gcPauseMs: {
        total: round(this.gc.total),
        max: round(this.gc.max),
        count: this.gc.count,
        minor: round(this.gc.minor),
        major: round(this.gc.major),
      },
      windowMs: Math.round(performance.now() - this.since),
    };
  }
}
