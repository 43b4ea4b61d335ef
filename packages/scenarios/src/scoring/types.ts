/**
 * The debrief: what a team did, what it scored on each axis and why. Plain JSON, deterministic
 * (the same scenario, events and rubric give byte-identical JSON).
 */
import type { Country } from '../country';
import type { Axis, LegalBasis, LocalText, RuleFlag } from '../rubric/types';
import type { OFFENCE_ELEMENTS, ENDING_KINDS, Provenance } from '../schema';

export type OffenceElement = (typeof OFFENCE_ELEMENTS)[number];
/**
 * A scenario ending's kind, or `not_applicable`: the scenario gives no basis for a criminal case (no
 * evidence that could prove an offence element, no charge), so the debrief claims no criminal outcome.
 */
export type OutcomeKind = (typeof ENDING_KINDS)[number] | 'not_applicable';

/** How the model came to a finding. */
export type FindingSource = 'model' | 'case' | 'annotation';

/** A deadline the model checked: when it started, its length and whether it passed before the team acted. */
export interface DeadlineInfo {
  /** What the deadline is for, e.g. "guardian" or "cctv". */
  kind: string;
  /** Scenario minute the clock started (the trigger). */
  from: number;
  /** Scenario minute it falls due. */
  due: number;
  /** Minutes allowed. */
  minutes: number;
  /** Scenario minute the team acted (null: never). */
  actedAt: number | null;
  /** seq of the event during which the deadline passed (null: it had not passed). */
  passedAtSeq: number | null;
}

/** One scored point on one axis, with everything needed to explain it. */
export interface ScoredItem {
  /**
   * In a recipient-scoped debrief: an item about something outside the recipient's view. Its points, axis,
   * time and counting stay (figures never change); its texts, rule, people and evidence are withheld.
   */
  hidden?: true;
  /** Stable key (team, rule, axis, causing event, subjects): equal across re-runs and rubric versions. */
  key: string;
  ruleId: string;
  axis: Axis;
  points: number;
  /**
   * False when the rule's maxCount was reached, a model finding already scored the same situation, or the
   * same item of evidence was already counted as lost for a reason at least as grave.
   */
  counted: boolean;
  /** Why it is not counted. */
  notCounted?: 'max_count' | 'superseded_by_model' | 'same_item';
  source: FindingSource;
  flags: RuleFlag[];
  /** Situations of the rubric sketch (R01..R38). */
  sketch: string[];
  team: string;
  /**
   * Agency whose act caused it (for an undischarged obligation, and a witness lost to a foreseen
   * departure nobody's act caused: the agency that could have discharged it, deposed them).
   */
  role: string | null;
  /**
   * Every agency responsible when several are: a joint decision's signers, in the decision's `joint`
   * order (`role` is the one whose signature made it apply), or a request's requester and the agency
   * that granted it (`role`) when trainees granted it. Absent when `role` alone is responsible.
   * byAgency counts the item under each of them.
   */
  roles?: string[];
  /**
   * Of a request granted from the console (the facilitator answering for an agency nobody plays): the
   * requester and the trainee who sent it, never the played agency.
   */
  participant: string | null;
  /**
   * Every trainee responsible when several are, as `roles` (the joint decision's signers; the trainee who
   * asked and the one who granted). Absent when `participant` alone is. byParticipant counts the item
   * under each of them.
   */
  participants?: string[];
  /** Scenario minute it happened (for an undischarged obligation: when the deadline passed or the run ended). */
  time: number;
  /** The event that caused it (for an undischarged obligation: the event that triggered it). */
  causedBySeq: number;
  triggeredBySeq?: number;
  deadline?: DeadlineInfo;
  /** An obligation that was never discharged (causedBySeq = the event that triggered it). */
  undischarged?: boolean;
  persons: string[];
  evidence: string[];
  decision?: { decision: string; option: string };
  title: LocalText;
  explanation: LocalText;
  /** What exactly happened (names, times), in both languages. */
  detail: LocalText;
  legalBasis: LegalBasis[];
}

export interface RedLine {
  ruleId: string;
  causedBySeq: number;
  time: number;
  role: string | null;
  /** As ScoredItem.roles: a joint decision's signers. */
  roles?: string[];
  participant: string | null;
  /** As ScoredItem.participants. */
  participants?: string[];
  persons: string[];
  title: LocalText;
  detail: LocalText;
  legalBasis: LegalBasis[];
}

export type EvidenceStatus = 'admissible' | 'weakened' | 'excluded';

/** One item of the case file. */
export interface CaseEvidence {
  /** In a recipient-scoped debrief: an item the recipient never saw (counted, not described). */
  hidden?: true;
  id: string;
  title: LocalText;
  kind: string;
  elements: OffenceElement[];
  independentSource: string;
  obtainedAt: number;
  obtainedBySeq: number;
  by: string | null;
  /** How it was obtained; absent on a hidden item (how another agency got it is theirs to know). */
  provenance?: Provenance;
  status: EvidenceStatus;
  /** Why it is weakened or excluded (empty when admissible). */
  reasons: LocalText[];
}

export interface ElementStrength {
  element: OffenceElement;
  /** none: nothing admissible; single_source: one independent source; corroborated: two or more. */
  status: 'not_in_scenario' | 'none' | 'weak' | 'single_source' | 'corroborated';
  /** 0..1: min(1, independent sources / 2), weakened items counting half. */
  score: number;
  independentSources: string[];
  evidence: { id: string; status: EvidenceStatus; hidden?: true }[];
}

export interface WitnessLost {
  /** In a recipient-scoped debrief: a witness the recipient does not know (counted, not named). */
  hidden?: true;
  person: string;
  name: LocalText;
  seq: number;
  time: number;
  /** `withdrew`: still here, but withdrew the statement and will not testify. */
  how: 'departed' | 'deported' | 'removed' | 'withdrew';
}

/** A finding against the state (beside the criminal case, never instead of it), with its cause. */
export interface AccountabilityFinding {
  /** As a court would name it, e.g. "ECHR art. 2, procedural limb (no effective investigation)". */
  finding: LocalText;
  /** The rule whose counted loss supports it, with its title (shown to people instead of the id). */
  ruleId: string;
  title: LocalText;
  detail: LocalText;
  causedBySeq: number;
  time: number;
  persons: string[];
  /** A non-derogable right (HARD_FAIL). */
  redLine: boolean;
}

/** The criminal case's own outcome, from admissible, independently corroborated evidence alone. */
export interface CriminalOutcome {
  kind: Exclude<OutcomeKind, 'hard_fail'>;
  label: LocalText;
  reason: LocalText;
}

export interface Outcome {
  kind: OutcomeKind;
  /** Short label, e.g. "Conviction of organisers". */
  label: LocalText;
  reason: LocalText;
  /** Scenario ending this outcome maps to (first ending of the same kind; the engine's own if it matches). */
  ending: { id: string; title: LocalText } | null;
  /** Ending the engine reached during the run, if any. */
  engineEnding: { id: string; kind: OutcomeKind; title: LocalText; time: number } | null;
  /** The criminal case, whatever the state did wrong (a red line does not change what the evidence proves). */
  criminal: CriminalOutcome;
  /** Findings against the state, each with its cause; empty when none. */
  accountability: AccountabilityFinding[];
  /** Whether the run is over (ended in the engine, or the session ended). Otherwise the outcome is a projection. */
  final: boolean;
}

export interface Score {
  value: number;
  /** How it was computed, with the numbers (English). */
  method: string;
  /** The same in both languages. */
  methodText: LocalText;
  /** Sum of counted points on this axis. */
  points: number;
  /** A red line was crossed, so the score is capped (rubric scoring.redLine*Cap). */
  capped: boolean;
}

export interface EvidenceScore extends Score {
  /** 0..100; null when the scenario has no criminal case (the evidence score is then the process alone). */
  caseStrength: number | null;
  process: number;
}

export interface TimelineEntry {
  seq: number;
  time: number;
  type: string;
  role: string | null;
  participant: string | null;
  /** What happened, e.g. the decision and option label. */
  label: LocalText;
  decision?: { decision: string; option: string };
  inject?: string;
  request?: string;
  /** Counted points this event caused per axis. */
  delta: Record<Axis, number>;
  items: string[];
  /** A decision's rationale or a request's justification, as the trainee typed it. */
  rationale?: string;
  /** Why a request was granted or refused, as whoever answered typed it (request.answered). */
  reason?: string;
}

/** Points per agency or participant (an item several are responsible for counts for each of them). */
export interface Breakdown {
  id: string;
  evidence: number;
  rights: number;
  items: number;
  redLines: number;
}

export interface MissedOpportunity {
  kind: 'obligation' | 'evidence';
  /** Rule that would have rewarded (or did penalise) it. */
  ruleId: string | null;
  persons: string[];
  evidence: string[];
  triggeredBySeq: number | null;
  deadline: DeadlineInfo | null;
  description: LocalText;
}

export interface Divergence {
  seq: number;
  time: number;
  decision: string;
  title: LocalText;
  chosen: string;
  chosenLabel: LocalText;
  best: string;
  bestLabel: LocalText;
  /** Immediate value (evidence + rights points) of the chosen and the best option. */
  chosenValue: number;
  bestValue: number;
}

export interface TeamDebrief {
  team: string;
  name: string;
  evidenceScore: EvidenceScore;
  rightsScore: Score;
  redLines: RedLine[];
  caseStrength: ElementStrength[];
  evidence: CaseEvidence[];
  witnessesLost: WitnessLost[];
  outcome: Outcome;
  timeline: TimelineEntry[];
  items: ScoredItem[];
  byAgency: Breakdown[];
  byParticipant: Breakdown[];
  missedOpportunities: MissedOpportunity[];
  /** The first decision where this team's choice was worth less than the best option open to it. */
  leftBestPath: Divergence | null;
  /** Events the engine rejected (not scored). */
  rejected: { seq: number; type: string; role: string | null; code: string; message: string }[];
}

export interface OptionChoice {
  option: string;
  label: LocalText;
  teams: string[];
  count: number;
  /** Immediate value (evidence + rights points) of this option, where some team's state let us evaluate it. */
  value: number | null;
}

export interface DecisionComparison {
  decision: string;
  title: LocalText;
  teamsDeciding: number;
  choices: OptionChoice[];
  best: string | null;
  summary: LocalText;
}

export interface Debrief {
  format: 'crossroads.debrief/1';
  /**
   * `country`: where the case is investigated, whose law the debrief cites. `startTime`: the time of
   * day at minute 0, which is Day 1, when the scenario names one (its times then read "Day 1, 02:19",
   * as the live views read them).
   */
  scenario: {
    id: string;
    version: string;
    title: LocalText;
    country: Country;
    startTime?: string;
  };
  rubric: { id: string; version: string };
  /**
   * `count`: the events the debrief was built from (the whole log); in a recipient-scoped debrief,
   * the entries of the recipient team's timeline (what it holds), not other teams' activity.
   */
  events: { count: number; lastSeq: number | null };
  recipient: { team: string; role: string } | null;
  teams: TeamDebrief[];
  comparison: DecisionComparison[];
  warnings: string[];
}

export interface DebriefOptions {
  /** Scope the debrief to what one trainee (team + agency) may see. */
  recipient?: { team: string; role: string };
  /**
   * Languages the interviewing officers speak, overriding the scenario's (its `workingLanguages`, else
   * its country's official languages: ['sr'] for Serbia); people speaking none of them need an
   * interpreter. Serbian, Bosnian, Croatian and Montenegrin count as one language (mutually intelligible).
   */
  workingLanguages?: string[];
  /** Evaluate the other options at each decision (for comparison and leftBestPath). Default true. */
  counterfactuals?: boolean;
}
