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
