import { z } from 'zod';

/**
 * Options of the session subsystem, read from the environment (all optional):
 * - CROSSROADS_TICK_MS: how often the clock ticker looks at running sessions (default 1000);
 * - CROSSROADS_MIN_TICK_MS: the shortest real time between two clock.ticked events of a session
 *   (default 5000), so fast time ratios advance several minutes per tick instead of flooding;
 * - CROSSROADS_CHECKPOINT_EVERY: write every team's state after this many events (default 100);
 * - CROSSROADS_AWAY_TO_LEFT_MS: a disconnected participant turns from away to left after this (120000).
 */
const schema = z.object({
  CROSSROADS_TICK_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  CROSSROADS_MIN_TICK_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  CROSSROADS_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(100_000).default(100),
  CROSSROADS_AWAY_TO_LEFT_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
});

export interface SessionOptions {
  tickMs: number;
  minTickMs: number;
  checkpointEvery: number;
  awayToLeftMs: number;
}

export function sessionOptions(
  env: Record<string, string | undefined> = process.env,
): SessionOptions {
  const clean = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => k.startsWith('CROSSROADS_') && v !== undefined && v !== '',
    ),
  );
  const v = schema.parse(clean);
  return {
    tickMs: v.CROSSROADS_TICK_MS,
    minTickMs: v.CROSSROADS_MIN_TICK_MS,
    checkpointEvery: v.CROSSROADS_CHECKPOINT_EVERY,
    awayToLeftMs: v.CROSSROADS_AWAY_TO_LEFT_MS,
  };
}

/** Decides which process runs a session's clock. In-process for now; a DB lease can replace it. */
export interface ClockLease {
  holds(sessionId: string): boolean;
}

export const singleProcessLease: ClockLease = { holds: () => true };
