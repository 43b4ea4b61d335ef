import { z } from 'zod';
import {
  answeringParticipants,
  sessionDetailsSchema,
  type SessionDetails,
  debriefSchema,
  languageSchema,
  textSchema,
  type Debrief,
  type Language,
  type Text,
} from '@crossroads/shared';

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
  /** The session details: title, place, days, organisation, facilitators (when the facilitator gave them). */
  details?: SessionDetails | undefined;
  /**
   * The session's language: what trainees and facilitators typed (rationales, justifications,
   * answers' reasons) is written in it. Unknown for debriefs of older servers and files.
   */
  language?: Language | undefined;
  /** Agency id → name. */
  agencies: Record<string, Text>;
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

/**
 * Numbers for the trainees whose names this reader may not see ("Participant 3"), in the order they
 * first acted in the log, so the same person keeps the same number on every page of one debrief.
 */
export function participantNumbers(debrief: Debrief): Map<string, number> {
  const firstSeq = new Map<string, number>();
  const note = (id: string | null, seq: number) => {
    if (id && (firstSeq.get(id) ?? Infinity) > seq) firstSeq.set(id, seq);
  };
  for (const team of debrief.teams) {
    for (const entry of team.timeline) note(entry.participant, entry.seq);
    for (const item of team.items)
      for (const id of answeringParticipants(item)) note(id, item.causedBySeq);
    for (const red of team.redLines)
      for (const id of answeringParticipants(red)) note(id, red.causedBySeq);
  }
  const ordered = [...firstSeq].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(ordered.map(([id], i) => [id, i + 1]));
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
  details: sessionDetailsSchema.optional(),
  language: languageSchema.optional(),
  agencies: z.record(z.string(), textSchema),
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
