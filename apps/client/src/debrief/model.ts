import { z } from 'zod';
import { debriefSchema, localTextSchema, type Debrief, type LocalText } from './schema';

/** Where a debrief on screen came from, which decides what else can be shown and exported. */
export type DebriefSource = 'staff' | 'participant' | 'file' | 'review';

/** An observer's or facilitator's note pinned to an event of the log. */
export interface PinnedNote {
  /** seq of the note.pinned event itself. */
  seq: number;
  at: string;
  /** seq of the event the note is about. */
  about: number;
  /** Team of that event (null: a session-level event, or unknown). */
  team: string | null;
  text: string;
}

/** One line of the event log as far as the debrief needs it (the full line is kept for export). */
export interface LogLine {
  seq: number;
  at: string;
  team: string | null;
  type: string;
  participant: string | null;
  payload: unknown;
}

/** Everything a debrief screen shows: the scored debrief plus what the session adds to it. */
export interface DebriefContext {
  source: DebriefSource;
  /** Session id (uuid); null for a file that does not name one. */
  sessionId: string | null;
  generatedAt: string;
  /** The session's last seq when the debrief was generated. */
  seq: number;
  startedAt: string | null;
  endedAt: string | null;
  /** Agency id → name. */
  agencies: Record<string, LocalText>;
  /** Participant id → display name (free text). */
  participants: Record<string, string>;
  notes: PinnedNote[];
  /** Whether the session's own exports (events.jsonl, scores.csv) can be downloaded. */
  serverExports: boolean;
  debrief: Debrief;
}

const logLineSchema = z.object({
  seq: z.number(),
  at: z.string(),
  team: z.string().nullable(),
  type: z.string(),
  participant: z.string().nullable(),
  payload: z.unknown(),
});

/** Parses NDJSON: one object per non-empty line; lines that are not log events are skipped. */
export function parseEventLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    try {
      const parsed = logLineSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // Not JSON: skipped.
    }
  }
  return out;
}

/** Pinned notes with the team of the event each one is about. */
export function notesFromEvents(events: readonly LogLine[]): PinnedNote[] {
  const teamOf = new Map(events.map((e) => [e.seq, e.team]));
  const notes: PinnedNote[] = [];
  for (const e of events) {
    if (e.type !== 'note.pinned') continue;
    const p = e.payload as { seq?: unknown; text?: unknown } | null;
    if (typeof p?.seq !== 'number' || typeof p.text !== 'string') continue;
    notes.push({
      seq: e.seq,
      at: e.at,
      about: p.seq,
      team: teamOf.get(p.seq) ?? null,
      text: p.text,
    });
  }
  return notes;
}

/** Display names of the trainees, from their participant.joined events. */
export function participantNames(events: readonly LogLine[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const e of events) {
    if (e.type !== 'participant.joined' || !e.participant) continue;
    const name = (e.payload as { displayName?: unknown } | null)?.displayName;
    if (typeof name === 'string' && name.trim()) names[e.participant] = name;
  }
  return names;
}

// ---- the debrief file: what a reviewer opens without an account ---------------------------------

export const DEBRIEF_FILE_FORMAT = 'crossroads.debrief-file/1';

const debriefFileSchema = z.object({
  format: z.literal(DEBRIEF_FILE_FORMAT),
  sessionId: z.string().nullable(),
  generatedAt: z.string(),
  seq: z.number(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  agencies: z.record(z.string(), localTextSchema),
  participants: z.record(z.string(), z.string()),
  notes: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      about: z.number(),
      team: z.string().nullable(),
      text: z.string(),
    }),
  ),
  debrief: debriefSchema,
});

/** The debrief as a self-contained JSON file (scores, explanations, names, notes). */
export function toDebriefFile(context: DebriefContext): string {
  const { source: _source, serverExports: _exports, ...rest } = context;
  return JSON.stringify({ format: DEBRIEF_FILE_FORMAT, ...rest }, null, 1);
}

/** Reads a debrief file back; null when it is not one (or not one this version can show). */
export function fromDebriefFile(text: string): DebriefContext | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = debriefFileSchema.safeParse(json);
  if (!parsed.success) return null;
  const { format: _format, ...rest } = parsed.data;
  return { ...rest, source: 'file', serverExports: false };
}
