import { textSchema } from '@crossroads/shared';
import { z } from 'zod';

/*
 * The debrief as the client reads it.
 *
 * GET /api/sessions/:id/debrief answers a `DebriefEnvelope` (@crossroads/shared) whose `debrief`
 * field is typed `unknown` there: its body is the scoring package's `debrief()` result
 * (format `crossroads.debrief/1`). The client may not import the scoring package (it would pull
 * scenario content into the bundle), so this file states, as zod schemas, exactly the part of
 * that JSON the debrief pages read. Unknown keys are dropped; a body that does not match is
 * reported instead of being half-rendered.
 */

/** Texts come in English plus translations (any UI language); plain strings are accepted as English. */
export const localTextSchema = textSchema;
export type LocalText = z.infer<typeof localTextSchema>;

export const AXES = ['evidence', 'rights'] as const;
export const axisSchema = z.enum(AXES);
export type Axis = z.infer<typeof axisSchema>;

export const legalBasisSchema = z.object({
  instrument: z.string(),
  article: z.string().optional(),
  case: z.string().optional(),
  verify: z.boolean().optional(),
  /** The whole citation in each language (instrument's official name there); older debriefs lack it. */
  text: localTextSchema.optional(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const deadlineSchema = z.object({
  kind: z.string(),
  from: z.number(),
  due: z.number(),
  minutes: z.number(),
  actedAt: z.number().nullable(),
  passedAtSeq: z.number().nullable(),
});
export type DeadlineInfo = z.infer<typeof deadlineSchema>;

export const scoredItemSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  axis: axisSchema,
  points: z.number(),
  counted: z.boolean(),
  notCounted: z.enum(['max_count', 'superseded_by_model']).optional(),
  source: z.string(),
  flags: z.array(z.string()),
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
  deadline: deadlineSchema.optional(),
  undischarged: z.boolean().optional(),
  persons: z.array(z.string()),
  evidence: z.array(z.string()),
  decision: z.object({ decision: z.string(), option: z.string() }).optional(),
  title: localTextSchema,
  explanation: localTextSchema,
  detail: localTextSchema,
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
  title: localTextSchema,
  detail: localTextSchema,
  legalBasis: z.array(legalBasisSchema),
});
export type RedLine = z.infer<typeof redLineSchema>;

export const EVIDENCE_STATUSES = ['admissible', 'weakened', 'excluded'] as const;
export const evidenceStatusSchema = z.enum(EVIDENCE_STATUSES);
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>;

export const caseEvidenceSchema = z.object({
  id: z.string(),
  title: localTextSchema,
  kind: z.string(),
  elements: z.array(z.string()),
  independentSource: z.string(),
  obtainedAt: z.number(),
  obtainedBySeq: z.number(),
  by: z.string().nullable(),
  status: evidenceStatusSchema,
  reasons: z.array(localTextSchema),
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
  score: z.number(),
  independentSources: z.array(z.string()),
  evidence: z.array(z.object({ id: z.string(), status: evidenceStatusSchema })),
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

export const outcomeSchema = z.object({
  kind: z.string(),
  label: localTextSchema,
  reason: localTextSchema,
  ending: z.object({ id: z.string(), title: localTextSchema }).nullable(),
  engineEnding: z
    .object({ id: z.string(), kind: z.string(), title: localTextSchema, time: z.number() })
    .nullable(),
  final: z.boolean(),
  /** The criminal case on its own evidence (absent in debriefs made before rubric 2.0.0). */
  criminal: z
    .object({ kind: z.string(), label: localTextSchema, reason: localTextSchema })
    .optional(),
  /** Findings against the state, each with its cause. */
  accountability: z
    .array(
      z.object({
        finding: localTextSchema,
        ruleId: z.string(),
        title: localTextSchema,
        detail: localTextSchema,
        causedBySeq: z.number(),
        time: z.number(),
        persons: z.array(z.string()),
        redLine: z.boolean(),
      }),
    )
    .optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const scoreSchema = z.object({
  value: z.number(),
  /** How it was computed, with the numbers (English). */
  method: z.string(),
  /** The same in both languages (newer debriefs). */
  methodText: localTextSchema.optional(),
  points: z.number(),
  /** A red line was crossed: the score is limited to the rubric's red-line cap. */
  capped: z.boolean(),
});
export type Score = z.infer<typeof scoreSchema>;

export const evidenceScoreSchema = scoreSchema.extend({
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
  label: localTextSchema,
  decision: z.object({ decision: z.string(), option: z.string() }).optional(),
  delta: z.object({ evidence: z.number(), rights: z.number() }),
  items: z.array(z.string()),
  rationale: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const breakdownSchema = z.object({
  id: z.string(),
  evidence: z.number(),
  rights: z.number(),
  items: z.number(),
  redLines: z.number(),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const missedOpportunitySchema = z.object({
  kind: z.enum(['obligation', 'evidence']),
  ruleId: z.string().nullable(),
  persons: z.array(z.string()),
  evidence: z.array(z.string()),
  triggeredBySeq: z.number().nullable(),
  description: localTextSchema,
});
export type MissedOpportunity = z.infer<typeof missedOpportunitySchema>;

export const divergenceSchema = z.object({
  seq: z.number(),
  time: z.number(),
  decision: z.string(),
  title: localTextSchema.optional(),
  chosen: z.string(),
  chosenLabel: localTextSchema.optional(),
  best: z.string(),
  bestLabel: localTextSchema.optional(),
  chosenValue: z.number(),
  bestValue: z.number(),
});
export type Divergence = z.infer<typeof divergenceSchema>;

export const witnessLostSchema = z.object({
  person: z.string(),
  name: localTextSchema.optional(),
  seq: z.number(),
  time: z.number(),
  how: z.string(),
});

export const teamDebriefSchema = z.object({
  team: z.string(),
  name: z.string(),
  evidenceScore: evidenceScoreSchema,
  rightsScore: scoreSchema,
  redLines: z.array(redLineSchema),
  caseStrength: z.array(elementStrengthSchema),
  evidence: z.array(caseEvidenceSchema),
  witnessesLost: z.array(witnessLostSchema),
  outcome: outcomeSchema,
  timeline: z.array(timelineEntrySchema),
  items: z.array(scoredItemSchema),
  byAgency: z.array(breakdownSchema),
  byParticipant: z.array(breakdownSchema),
  missedOpportunities: z.array(missedOpportunitySchema),
  leftBestPath: divergenceSchema.nullable(),
});
export type TeamDebrief = z.infer<typeof teamDebriefSchema>;

export const optionChoiceSchema = z.object({
  option: z.string(),
  label: localTextSchema,
  teams: z.array(z.string()),
  count: z.number(),
  value: z.number().nullable(),
});
export type OptionChoice = z.infer<typeof optionChoiceSchema>;

export const decisionComparisonSchema = z.object({
  decision: z.string(),
  title: localTextSchema,
  teamsDeciding: z.number(),
  choices: z.array(optionChoiceSchema),
  best: z.string().nullable(),
  summary: localTextSchema,
});
export type DecisionComparison = z.infer<typeof decisionComparisonSchema>;

export const debriefSchema = z.object({
  format: z.literal('crossroads.debrief/1'),
  scenario: z.object({ id: z.string(), version: z.string(), title: localTextSchema }),
  rubric: z.object({ id: z.string(), version: z.string() }),
  events: z.object({ count: z.number(), lastSeq: z.number().nullable() }),
  recipient: z.object({ team: z.string(), role: z.string() }).nullable(),
  teams: z.array(teamDebriefSchema),
  comparison: z.array(decisionComparisonSchema),
  warnings: z.array(z.string()),
});
export type Debrief = z.infer<typeof debriefSchema>;

/** What the server answers while it cannot score (its fallback body): decisions only. */
export const unscoredDebriefSchema = z.object({ scoring: z.literal('unavailable') });
