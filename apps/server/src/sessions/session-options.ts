import { sessionTiming, type AppConfig, type SessionTiming } from '../config';

/**
 * Options of the session subsystem, from the validated AppConfig (CROSSROADS_TICK_MS,
 * CROSSROADS_MIN_TICK_MS, CROSSROADS_CHECKPOINT_EVERY, CROSSROADS_AWAY_TO_LEFT_MS; see config.ts).
 */
export type SessionOptions = SessionTiming;

export function sessionOptions(config: Partial<AppConfig>): SessionOptions {
  return sessionTiming(config);
}

/** Decides which process runs a session's clock. In-process for now; a DB lease can replace it. */
export interface ClockLease {
  holds(sessionId: string): boolean;
}

export const singleProcessLease: ClockLease = { holds: () => true };
