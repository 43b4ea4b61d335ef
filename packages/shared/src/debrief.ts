import { z } from 'zod';
import { startTimeSchema } from './clock';
import { legalBasisSchema } from './session/aar';
import { textSchema } from './session/common';
import { countryCodeSchema } from './session/participation';
import { provenanceSchema } from './session/views';

/*
 * The debrief body (format `crossroads.debrief/1`): the `debrief` of a `DebriefEnvelope`
 * (GET /api/sessions/:id/debrief, GET /api/reviews/:token), the scored items of a `ReplayFrame`, and
 * what the client's debrief file carries. The scoring package's `debrief()` produces it; it is stated
 * here, not imported from there, because clients may not depend on the scoring package (it would pull
 * scenario content into their bundle). packages/scenarios checks at compile time that its result
 * fits these schemas, and its contract test that parsing a real debrief keeps every field.
 *
 * Objects drop keys they do not declare, so a newer server can add a field without breaking an older
 * client. Fields marked "older debriefs lack it" are optional because debrief files saved by an
 * earlier version still open; the rest of what only recipient-scoped or newer debriefs carry is
 * optional for the same reason.
 */

export const AXES = ['evidence', 'rights'] as const;
export const axisSchema = z.enum(AXES);
export type Axis = z.infer<typeof axisSchema>;

export const deadlineInfoSchema = z.object({
  /** What the deadline is for, e.g. "guardian" or "cctv". */
  kind: z.string(),
  /** Scenario minute the clock started. */
  from: z.number(),
  due: z.number(),
  minutes: z.number(),
  /** Scenario minute the team acted (null: never). */
  actedAt: z.number().nullable(),
  /** seq of the event during which the deadline passed (null: it had not passed). */
  passedAtSeq: z.number().nullable(),
});
export type DeadlineInfo = z.infer<typeof deadlineInfoSchema>;

const decisionRefSchema = z.object({ decision: z.string(), option: z.string() });

/**
 * In a recipient-scoped debrief: something outside the recipient's view, counted (its figures stay)
 * but not described.
 */
const hiddenSchema = z.literal(true).optional();

/** One scored point on one axis, with everything needed to explain it. */
export const scoredItemSchema = z.object({
  hidden: hiddenSchema,
  /** Stable across re-runs and rubric versions. */
  key: z.string(),
  ruleId: z.string(),
  axis: axisSchema,
  points: z.number(),
  counted: z.boolean(),
  notCounted: z.enum(['max_count', 'superseded_by_model', 'same_item']).optional(),
  source: z.string(),
  flags: z.array(z.string()),
  /** Situations of the rubric sketch (R01..R38); older debriefs lack it. */
  sketch: z.array(z.string()).optional(),
  team: z.string(),
  role: z.string().nullable(),
  /**
   * Every agency responsible when several are (a joint decision's signers, a request's requester and
   * granter); older debriefs lack it.
   */
  roles: z.array(z.string()).optional(),
  participant: z.string().nullable(),
  /** Every trainee responsible when several are, as `roles`; older debriefs lack it. */
  participants: z.array(z.string()).optional(),
  time: z.number(),
  causedBySeq: z.number(),
  /** An undischarged obligation: the event that triggered it. */
  triggeredBySeq: z.number().optional(),
  deadline: deadlineInfoSchema.optional(),
  undischarged: z.boolean().optional(),
  persons: z.array(z.string()),
  evidence: z.array(z.string()),
  decision: decisionRefSchema.optional(),
  title: textSchema,
  explanation: textSchema,
  detail: textSchema,
  legalBasis: z.array(legalBasisSchema),
});
export type ScoredItem = z.infer<typeof scoredItemSchema>;

export const redLineSchema = z.object({
  ruleId: z.string(),
  causedBySeq: z.number(),
  time: z.number(),
  role: z.string().nullable(),
  /** As on a scored item: a joint decision's signers. */
  roles: z.array(z.string()).optional(),
  participant: z.string().nullable(),
  /** As on a scored item. */
  participants: z.array(z.string()).optional(),
  persons: z.array(z.string()),
  title: textSchema,
  detail: textSchema,
  legalBasis: z.array(legalBasisSchema),
});
export type RedLine = z.infer<typeof redLineSchema>;

/**
 * Every agency answering for a scored item or a red line, as the debrief's byAgency counts it: all
 * that share it (`roles`: a joint decision's signers, a request's requester and granter), else the
 * one whose act it was; none when it is nobody's.
 */
export function answeringAgencies(x: {
  role: string | null;
  roles?: readonly string[] | undefined;
}): string[] {
  return x.roles && x.roles.length > 0 ? [...x.roles] : x.role ? [x.role] : [];
}

/** The trainees answering for a scored item or a red line: a joint decision's signers, or its one trainee. */
export function answeringParticipants(x: {
  participant: string | null;
  participants?: readonly string[] | undefined;
}): string[] {
  return x.participants && x.participants.length > 0
    ? [...x.participants]
    : x.participant
      ? [x.participant]
      : [];
}

export const EVIDENCE_STATUSES = ['admissible', 'weakened', 'excluded'] as const;
export const evidenceStatusSchema = z.enum(EVIDENCE_STATUSES);
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>;

/** One item of the case file. */
export const caseEvidenceSchema = z.object({
  hidden: hiddenSchema,
  id: z.string(),
  title: textSchema,
  kind: z.string(),
  elements: z.array(z.string()),
  independentSource: z.string(),
  obtainedAt: z.number(),
  obtainedBySeq: z.number(),
  by: z.string().nullable(),
  /** How it was obtained (what admissibility is judged on); older debriefs lack it. */
  provenance: provenanceSchema.optional(),
  status: evidenceStatusSchema,
  /** Why it is weakened or excluded (empty when admissible). */
  reasons: z.array(textSchema),
});
export type CaseEvidence = z.infer<typeof caseEvidenceSchema>;

export const ELEMENT_STATUSES = [
  'not_in_scenario',
  'none',
  'weak',
  'single_source',
  'corroborated',
] as const;

export const elementStrengthSchema = z.object({
  element: z.string(),
  status: z.enum(ELEMENT_STATUSES),
  /** 0..1 */
  score: z.number(),
  independentSources: z.array(z.string()),
  evidence: z.array(
    z.object({ id: z.string(), status: evidenceStatusSchema, hidden: hiddenSchema }),
  ),
});
export type ElementStrength = z.infer<typeof elementStrengthSchema>;

export const OUTCOME_KINDS = [
  'conviction',
  'plea',
  'acquittal',
  'collapse',
  'hard_fail',
  'other',
  /** The scenario gives no basis for a criminal case: no criminal outcome is claimed. */
  'not_applicable',
] as const;

/** A finding against the state (beside the criminal case, never instead of it), with its cause. */
export const accountabilityFindingSchema = z.object({
  finding: textSchema,
  ruleId: z.string(),
  title: textSchema,
  detail: textSchema,
  causedBySeq: z.number(),
  time: z.number(),
  persons: z.array(z.string()),
  /** A non-derogable right. */
  redLine: z.boolean(),
});
export type AccountabilityFinding = z.infer<typeof accountabilityFindingSchema>;

export const debriefOutcomeSchema = z.object({
  kind: z.string(),
  label: textSchema,
  reason: textSchema,
  ending: z.object({ id: z.string(), title: textSchema }).nullable(),
  engineEnding: z
    .object({ id: z.string(), kind: z.string(), title: textSchema, time: z.number() })
    .nullable(),
  /** Whether the run is over; otherwise the outcome is a projection. */
  final: z.boolean(),
  /** The criminal case on its own evidence (absent in debriefs made before rubric 2.0.0). */
  criminal: z.object({ kind: z.string(), label: textSchema, reason: textSchema }).optional(),
  /** Findings against the state, each with its cause. */
  accountability: z.array(accountabilityFindingSchema).optional(),
});
export type DebriefOutcome = z.infer<typeof debriefOutcomeSchema>;

export const axisScoreSchema = z.object({
  value: z.number(),
  /** How it was computed, with the numbers (English). */
  method: z.string(),
  /** The same in every language (older debriefs lack it). */
  methodText: textSchema.optional(),
  points: z.number(),
  /** A red line was crossed: the score is limited to the rubric's red-line cap. */
  capped: z.boolean(),
});
export type AxisScore = z.infer<typeof axisScoreSchema>;

export const evidenceScoreSchema = axisScoreSchema.extend({
  /** null: the scenario has no criminal case, and the evidence score is the process alone. */
  caseStrength: z.number().nullable(),
  process: z.number(),
});
export type EvidenceScore = z.infer<typeof evidenceScoreSchema>;

export const timelineEntrySchema = z.object({
  seq: z.number(),
  time: z.number(),
  type: z.string(),
  role: z.string().nullable(),
  participant: z.string().nullable(),
  label: textSchema,
  decision: decisionRefSchema.optional(),
  inject: z.string().optional(),
  request: z.string().optional(),
  /** Counted points this event caused per axis. */
  delta: z.object({ evidence: z.number(), rights: z.number() }),
  /** Keys of the scored items it caused. */
  items: z.array(z.string()),
  /**
   * Typed by a trainee, in the session's language: a decision's rationale, or a request's
   * justification (request.sent). A recipient-scoped debrief keeps a rationale for its author's
   * agency only, and a justification for the sender's agency and the agency the request is
   * addressed to (the live events follow the same rule).
   */
  rationale: z.string().optional(),
  /**
   * Typed by whoever answered (a trainee, or the facilitator for an agency nobody plays), in the
   * session's language: why the request was granted or refused (request.answered; absent when no
   * reason was given). A recipient-scoped debrief keeps it wherever the entry itself is shown: the
   * agency that sent the request and the one it was addressed to; older debriefs lack it.
   */
  reason: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Points per agency or participant. */
export const scoreBreakdownSchema = z.object({
  id: z.string(),
  evidence: z.number(),
  rights: z.number(),
  items: z.number(),
  redLines: z.number(),
});
export type ScoreBreakdown = z.infer<typeof scoreBreakdownSchema>;

export const missedOpportunitySchema = z.object({
  kind: z.enum(['obligation', 'evidence']),
  ruleId: z.string().nullable(),
  persons: z.array(z.string()),
  evidence: z.array(z.string()),
  triggeredBySeq: z.number().nullable(),
  /** Older debriefs lack it. */
  deadline: deadlineInfoSchema.nullable().optional(),
  description: textSchema,
});
export type MissedOpportunity = z.infer<typeof missedOpportunitySchema>;

/** The first decision where a team's choice was worth less than the best option open to it. */
export const divergenceSchema = z.object({
  seq: z.number(),
  time: z.number(),
  decision: z.string(),
  title: textSchema.optional(),
  chosen: z.string(),
  chosenLabel: textSchema.optional(),
  best: z.string(),
  bestLabel: textSchema.optional(),
  chosenValue: z.number(),
  bestValue: z.number(),
});
export type Divergence = z.infer<typeof divergenceSchema>;

export const witnessLostSchema = z.object({
  hidden: hiddenSchema,
  person: z.string(),
  name: textSchema.optional(),
  seq: z.number(),
  time: z.number(),
  how: z.string(),
});
export type WitnessLost = z.infer<typeof witnessLostSchema>;

/** An event the engine rejected (not scored). */
export const rejectedEventSchema = z.object({
  seq: z.number(),
  type: z.string(),
  role: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const teamDebriefSchema = z.object({
  team: z.string(),
  name: z.string(),
  evidenceScore: evidenceScoreSchema,
  rightsScore: axisScoreSchema,
  redLines: z.array(redLineSchema),
  caseStrength: z.array(elementStrengthSchema),
  evidence: z.array(caseEvidenceSchema),
  witnessesLost: z.array(witnessLostSchema),
  outcome: debriefOutcomeSchema,
  timeline: z.array(timelineEntrySchema),
  items: z.array(scoredItemSchema),
  byAgency: z.array(scoreBreakdownSchema),
  byParticipant: z.array(scoreBreakdownSchema),
  missedOpportunities: z.array(missedOpportunitySchema),
  leftBestPath: divergenceSchema.nullable(),
  /** Older debriefs lack it. */
  rejected: z.array(rejectedEventSchema).optional(),
});
export type TeamDebrief = z.infer<typeof teamDebriefSchema>;

export const optionChoiceSchema = z.object({
  option: z.string(),
  label: textSchema,
  teams: z.array(z.string()),
  count: z.number(),
  /** Immediate value (evidence + rights points); null where no team's state let it be evaluated. */
  value: z.number().nullable(),
});
export type OptionChoice = z.infer<typeof optionChoiceSchema>;

export const decisionComparisonSchema = z.object({
  decision: z.string(),
  title: textSchema,
  teamsDeciding: z.number(),
  choices: z.array(optionChoiceSchema),
  /**
   * The option of highest immediate value. When that value is negative every option evaluated
   * loses points: readers call it the least costly option, not the best.
   */
  best: z.string().nullable(),
  summary: textSchema,
});
export type DecisionComparison = z.infer<typeof decisionComparisonSchema>;

export const DEBRIEF_FORMAT = 'crossroads.debrief/1';

export const debriefSchema = z.object({
  format: z.literal(DEBRIEF_FORMAT),
  scenario: z.object({
    id: z.string(),
    version: z.string(),
    title: textSchema,
    /**
     * Where the case is investigated, whose law the debrief cites (ISO 3166-1 alpha-2, XK Kosovo).
     * Absent from debriefs made before it was stated: their scenarios were all set in Serbia.
     */
    country: countryCodeSchema.optional(),
    /**
     * Time of day at scenario minute 0, which is Day 1 ("03:10"), as the live views have it
     * (SessionMeta's scenario.startTime): the debrief then reads its times as they did ("Day 1,
     * 02:19"). Absent: the scenario names no start, or the debrief was made before it was carried;
     * times read as elapsed ("T+00:19").
     */
    startTime: startTimeSchema.optional(),
  }),
  rubric: z.object({ id: z.string(), version: z.string() }),
  events: z.object({ count: z.number(), lastSeq: z.number().nullable() }),
  /** The trainee (team + agency) it is scoped to; null: the staff debrief. */
  recipient: z.object({ team: z.string(), role: z.string() }).nullable(),
  teams: z.array(teamDebriefSchema),
  comparison: z.array(decisionComparisonSchema),
  warnings: z.array(z.string()),
});
export type Debrief = z.infer<typeof debriefSchema>;
