import { z } from 'zod';

/**
 * A scenario's start of Day 1 as a time of day ("03:10"): the scenario's `startTime`. Scenario minute
 * 0 is Day 1 at this time; without it, clocks show the time elapsed since the start.
 */
export const startTimeSchema = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * A scenario minute as the day and time of day the phases speak of: minute 0 is Day 1 at the
 * scenario's `startTime`. Null without a start time (the clock then shows time elapsed). `minutes`
 * is floored, as a live clock reads (02:19 until minute 20 has come). The one computation of the
 * day reading: the client's views and the scoring's texts each put it in words of their own.
 */
export function scenarioDayTime(
  minutes: number,
  startTime: string | undefined,
): { day: number; time: string } | null {
  const match = startTime ? /^(\d{2}):(\d{2})$/.exec(startTime) : null;
  if (!match) return null;
  const since = Number(match[1]) * 60 + Number(match[2]) + Math.max(0, Math.floor(minutes));
  const day = Math.floor(since / 1440) + 1;
  const ofDay = since % 1440;
  const time = `${String(Math.floor(ofDay / 60)).padStart(2, '0')}:${String(ofDay % 60).padStart(2, '0')}`;
  return { day, time };
}

/**
 * Scenario minutes elapsed since the start, as a clock reading: "T+02:05" on the first day, then
 * the days before the time of day ("T+1 d 02:05"), `days` writing them with the unit of the
 * reader's language ("1 d", "1 д" in Macedonian). The hours and minutes read as a clock, the same
 * in every language. `minutes` is floored (a live clock shows 00:30 until minute 31 has come);
 * `sign: false` leaves out the "T+" (a time limit or a step of the clock: spans, not moments).
 * The one formatter of the elapsed reading: the client's views and PDFs and the scoring's texts
 * (the debrief's "at T+00:19") all call it, so a moment reads the same wherever it is shown.
 */
export function scenarioElapsed(
  minutes: number,
  days: (count: number) => string,
  { sign = true }: { sign?: boolean } = {},
): string {
  const whole = Math.max(0, Math.floor(minutes));
  const day = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const hhmm = `${String(hours).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  const reading = day > 0 ? `${days(day)} ${hhmm}` : hhmm;
  return sign ? `T+${reading}` : reading;
}
