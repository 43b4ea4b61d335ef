/**
 * The draft after-action report (AAR) of a session: strengths and areas for improvement per core
 * capability and per agency, each tied to the scored findings and legal bases behind it. A pure
 * function of the staff debrief (itself a pure function of scenario, log and rubric), so the draft
 * is the same every time it is computed; staff edits are kept apart and laid over it.
 */
import { answeringAgencies } from '@crossroads/shared';
import type { Axis, LegalBasis, LocalText } from '../rubric/types';
import type { Debrief, ScoredItem } from '../scoring/types';
import { capabilityOf, CORE_CAPABILITIES, type CapabilityId } from './capabilities';

export { CAPABILITY_IDS, CORE_CAPABILITIES, capabilityOf } from './capabilities';
export type { CapabilityId, CoreCapability } from './capabilities';

/**
 * HSEEP's performance ratings: P performed without challenges, S with some challenges, M with
 * major challenges, U unable to be performed.
 */
export type CapabilityRating = 'P' | 'S' | 'M' | 'U';

/** One scored finding an entry rests on. */
export interface AarFinding {
  team: string;
  /** The debrief item's stable key. */
  key: string;
  /** The event that caused it. */
  seq: number;
  /** Scenario minute. */
  time: number;
  points: number;
  counted: boolean;
  detail: LocalText;
}

export interface AarEntryDraft {
  /** Stable across recomputations: kind, capability, agency, rule and axis. */
  id: string;
  kind: 'strength' | 'improvement';
  capability: CapabilityId;
  /**
   * The agency whose act (or omission) it was; null when no agency answers for it. A finding several
   * agencies answer for (a joint decision's signers, a trainee-granted request's requester and
   * granter) is in an entry of each, as the debrief's byAgency counts it.
   */
  agency: string | null;
  ruleId: string;
  axis: Axis;
  /** Counted points over every team (a shared finding's in full, as in each agency's byAgency). */
  points: number;
  /** A red line (HARD_FAIL) was crossed in at least one finding. */
  redLine: boolean;
  /** Teams it happened in, in session order. */
  teams: string[];
  title: LocalText;
  /** What the rule says and why it matters (the rubric's explanation). */
  observation: LocalText;
  legalBasis: LegalBasis[];
  findings: AarFinding[];
}

export interface AarCapabilityDraft {
  id: CapabilityId;
  title: LocalText;
  description: LocalText;
  /** Null: no finding in this session touched the capability. */
  rating: CapabilityRating | null;
  /** Counted points won and lost, and red lines crossed: each finding once, however many agencies share it. */
  gains: number;
  losses: number;
  redLines: number;
}

export interface AarDraft {
  format: 'crossroads.aar-draft/1';
  scenario: Debrief['scenario'];
  rubric: Debrief['rubric'];
  capabilities: AarCapabilityDraft[];
  entries: AarEntryDraft[];
  /** Agencies with at least one entry, in the order they first appear in the log. */
  agencies: string[];
}

/**
 * The draft rating from counted points: U when a red line was crossed, P with no losses, S while
 * losses do not outweigh gains, M otherwise.
 */
export function draftRating(gains: number, losses: number, redLines: number): CapabilityRating {
  if (redLines > 0) return 'U';
  if (losses === 0) return 'P';
  return losses <= gains ? 'S' : 'M';
}

/** Where a finding without a covered situation goes (every published rule has one; see tests). */
function fallbackCapability(axis: Axis): CapabilityId {
  return axis === 'evidence' ? 'evidence-custody' : 'protection-referral';
}

function entryId(
  kind: AarEntryDraft['kind'],
  capability: CapabilityId,
  agency: string | null,
  item: ScoredItem,
): string {
  return [kind, capability, agency ?? '-', item.ruleId, item.axis].join(':');
}

/** The draft AAR of a staff (unscoped) debrief. */
export function aarDraft(debrief: Debrief): AarDraft {
  const entries = new Map<string, AarEntryDraft>();
  const agencies: string[] = [];
  const tally = new Map<CapabilityId, { gains: number; losses: number; redLines: number }>();
  const firstSeq = new Map<string, number>();

  for (const team of debrief.teams) {
    for (const item of team.items) {
      if (item.hidden || item.points === 0) continue;
      const capability = capabilityOf(item.sketch) ?? fallbackCapability(item.axis);
      const kind = item.points > 0 ? 'strength' : 'improvement';
      const redLine = item.counted && item.flags.includes('HARD_FAIL');
      // Under every agency answering for it (a joint decision's signers, a trainee-granted
      // request's requester and granter), in full, as byAgency counts it; the capability's
      // figures below count the finding once.
      const answering = answeringAgencies(item);
      for (const agency of answering.length > 0 ? answering : [null]) {
        const id = entryId(kind, capability, agency, item);
        let entry = entries.get(id);
        if (!entry) {
          entry = {
            id,
            kind,
            capability,
            agency,
            ruleId: item.ruleId,
            axis: item.axis,
            points: 0,
            redLine: false,
            teams: [],
            title: item.title,
            observation: item.explanation,
            legalBasis: item.legalBasis,
            findings: [],
          };
          entries.set(id, entry);
        }
        if (item.counted) entry.points += item.points;
        entry.redLine ||= redLine;
        if (!entry.teams.includes(team.team)) entry.teams.push(team.team);
        entry.findings.push({
          team: team.team,
          key: item.key,
          seq: item.causedBySeq,
          time: item.time,
          points: item.points,
          counted: item.counted,
          detail: item.detail,
        });
        const before = firstSeq.get(id);
        if (before === undefined || item.causedBySeq < before) firstSeq.set(id, item.causedBySeq);
        if (agency !== null && !agencies.includes(agency)) agencies.push(agency);
      }
      if (item.counted) {
        const t = tally.get(capability) ?? { gains: 0, losses: 0, redLines: 0 };
        if (item.points > 0) t.gains += item.points;
        else t.losses -= item.points;
        if (redLine) t.redLines += 1;
        tally.set(capability, t);
      }
    }
  }

  const order = new Map(CORE_CAPABILITIES.map((c, i) => [c.id, i]));
  const sorted = [...entries.values()].sort(
    (a, b) =>
      (order.get(a.capability) ?? 0) - (order.get(b.capability) ?? 0) ||
      (a.kind === b.kind ? 0 : a.kind === 'strength' ? -1 : 1) ||
      Math.abs(b.points) - Math.abs(a.points) ||
      (firstSeq.get(a.id) ?? 0) - (firstSeq.get(b.id) ?? 0) ||
      a.id.localeCompare(b.id),
  );

  return {
    format: 'crossroads.aar-draft/1',
    scenario: debrief.scenario,
    rubric: debrief.rubric,
    capabilities: CORE_CAPABILITIES.map((c) => {
      const t = tally.get(c.id);
      const exercised = sorted.some((e) => e.capability === c.id);
      return {
        id: c.id,
        title: c.title,
        description: c.description,
        rating: exercised ? draftRating(t?.gains ?? 0, t?.losses ?? 0, t?.redLines ?? 0) : null,
        gains: t?.gains ?? 0,
        losses: t?.losses ?? 0,
        redLines: t?.redLines ?? 0,
      };
    }),
    entries: sorted,
    agencies,
  };
}
