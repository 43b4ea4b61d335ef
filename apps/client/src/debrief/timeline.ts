import {
  answeringAgencies,
  answeringParticipants,
  type ScoredItem,
  type TeamDebrief,
  type TimelineEntry,
} from '@crossroads/shared';
import type { PinnedNote } from './model';

/** The value of a filter that lets everything through. */
export const ALL = '*';

export interface TimelineFilter {
  /** Agency id, or ALL. */
  agency: string;
  /** Participant id, or ALL. */
  participant: string;
  /** Only entries that moved a score or carry a scored item (not-counted ones included). */
  scoredOnly: boolean;
}

export const NO_FILTER: TimelineFilter = { agency: ALL, participant: ALL, scoredOnly: false };

/** One row of the timeline as shown: the entry, its scored items (after the filter) and notes. */
export interface TimelineRow {
  /** Position of the entry in the team's timeline: a key that stays the same under any filter. */
  index: number;
  entry: TimelineEntry;
  items: ScoredItem[];
  /** Points of the shown items that count, per axis (equals entry.delta when nothing is filtered out). */
  delta: { evidence: number; rights: number };
  notes: PinnedNote[];
  /** A red line (HARD_FAIL on rights) was crossed here. */
  redLine: boolean;
}

export function isRedLineItem(item: ScoredItem): boolean {
  return (
    item.axis === 'rights' &&
    item.flags.includes('HARD_FAIL') &&
    item.notCounted !== 'superseded_by_model'
  );
}

/** Agencies and participants that appear in a team's run, for the filter menus (sorted ids). */
export function filterOptions(team: TeamDebrief): { agencies: string[]; participants: string[] } {
  const agencies = new Set<string>();
  const participants = new Set<string>();
  for (const e of team.timeline) {
    if (e.role) agencies.add(e.role);
    if (e.participant) participants.add(e.participant);
  }
  for (const i of team.items) {
    for (const a of answeringAgencies(i)) agencies.add(a);
    for (const p of answeringParticipants(i)) participants.add(p);
  }
  return { agencies: [...agencies].sort(), participants: [...participants].sort() };
}

/**
 * Notes placed in a team's timeline: a note sits at the entry of the event it is about, or, when
 * that event has no entry (a chat message, a pause), at the last entry before it. Notes about
 * another team's events are left out; session-level notes appear in every team.
 */
export function placeNotes(
  entries: readonly TimelineEntry[],
  notes: readonly PinnedNote[],
  team: string,
): Map<TimelineEntry, PinnedNote[]> {
  const placed = new Map<TimelineEntry, PinnedNote[]>();
  const bySeq = [...entries].sort((a, b) => a.seq - b.seq);
  const first = bySeq[0];
  if (!first) return placed;
  for (const note of [...notes].sort((a, b) => a.seq - b.seq)) {
    if (note.team !== null && note.team !== team) continue;
    let target = bySeq.find((e) => e.seq === note.about);
    if (!target) {
      for (const e of bySeq) if (e.seq <= note.about) target = e;
    }
    target ??= first;
    placed.set(target, [...(placed.get(target) ?? []), note]);
  }
  return placed;
}

/** The team's timeline after the filters, with items, recomputed deltas and notes in place. */
export function filterTimeline(
  team: TeamDebrief,
  filter: TimelineFilter,
  notes: readonly PinnedNote[] = [],
): TimelineRow[] {
  const itemsByKey = new Map(team.items.map((i) => [i.key, i]));
  const placed = placeNotes(team.timeline, notes, team.team);
  const matches = (roles: readonly string[], participants: readonly string[]) =>
    (filter.agency === ALL || roles.includes(filter.agency)) &&
    (filter.participant === ALL || participants.includes(filter.participant));
  const rows: TimelineRow[] = [];
  for (const [index, entry] of team.timeline.entries()) {
    const all = entry.items
      .map((k) => itemsByKey.get(k))
      .filter((i): i is ScoredItem => i !== undefined);
    const items = all.filter((i) => matches(answeringAgencies(i), answeringParticipants(i)));
    const entryMatches = matches(
      entry.role ? [entry.role] : [],
      entry.participant ? [entry.participant] : [],
    );
    if (!entryMatches && items.length === 0) continue;
    if (filter.scoredOnly && items.length === 0) continue;
    const delta = { evidence: 0, rights: 0 };
    for (const i of items) if (i.counted) delta[i.axis] += i.points;
    rows.push({
      index,
      entry,
      items,
      delta,
      notes: placed.get(entry) ?? [],
      redLine: items.some(isRedLineItem),
    });
  }
  return rows;
}
