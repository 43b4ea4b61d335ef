/**
 * The event log as text: one JSON event per line (JSONL). Parsing is hand-checked (cheap for long logs);
 * a bad line is reported with its line number and skipped.
 */
import type { LogLine } from '../events';

export interface EventLogParse {
  events: LogLine[];
  errors: { line: number; message: string }[];
}

const nullableString = (v: unknown) => v === null || typeof v === 'string';

export function parseEventLog(text: string): EventLogParse {
  const events: LogLine[] = [];
  const errors: EventLogParse['errors'] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line += 1;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (err) {
      errors.push({
        line,
        message: `not JSON: ${err instanceof Error ? err.message : String(err)}`,
      });
      continue;
    }
    const o = v as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || Array.isArray(o))
      errors.push({ line, message: 'an event is a JSON object' });
    else if (typeof o.seq !== 'number' || !Number.isInteger(o.seq) || o.seq < 0)
      errors.push({ line, message: 'seq must be a whole number ≥ 0' });
    else if (typeof o.type !== 'string' || o.type === '')
      errors.push({ line, message: 'type is missing' });
    else if (
      !nullableString(o.team ?? null) ||
      !nullableString(o.role ?? null) ||
      !nullableString(o.participant ?? null)
    )
      errors.push({ line, message: 'team, role and participant are strings or null' });
    // Session-level events (joins, start, end) carry time null in the server's events.jsonl.
    else if (o.time !== undefined && o.time !== null && typeof o.time !== 'number')
      errors.push({ line, message: 'time is scenario minutes (a number)' });
    else
      events.push({
        ...(o as object),
        seq: o.seq,
        team: (o.team as string | null | undefined) ?? null,
        role: (o.role as string | null | undefined) ?? null,
        participant: (o.participant as string | null | undefined) ?? null,
        type: o.type,
        payload: o.payload ?? null,
      } as LogLine);
  }
  return { events, errors };
}

/** Serialise events as JSONL (fields in the documented order). */
export function toJsonl(events: readonly LogLine[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        seq: e.seq,
        at: e.at,
        time: e.time,
        team: e.team,
        role: e.role,
        participant: e.participant,
        type: e.type,
        payload: e.payload,
      }),
    )
    .join('\n')
    .concat(events.length > 0 ? '\n' : '');
}
