import { z } from 'zod';
import { errorCodeSchema, resourceWaitSchema } from '../protocol';
import {
  idSchema,
  isoDateSchema,
  jsonValueSchema,
  languageSchema,
  seqSchema,
  textSchema,
  uuidSchema,
} from './common';
import { legalBasisSchema } from './aar';
import {
  agencySummarySchema,
  participantSchema,
  teamRefSchema,
  type AgencySummary,
  type Presence,
} from './identity';

/**
 * Why an action is not available right now (engine codes: engine/not_in_phase, engine/condition_not_met, ...).
 * `message` is the engine's English (for logs and authors); `text`, when present, says the same to the
 * trainee in each language with the scenario's own titles, and is what a client shows. `wait`, when
 * the action waits for a scarce resource, says which and from when it is free (a client words it).
 */
export const whyNotSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  text: textSchema.optional(),
  wait: resourceWaitSchema.optional(),
});
export type WhyNot = z.infer<typeof whyNotSchema>;

export const clockSchema = z.object({
  /** Scenario minutes since the scenario started. */
  minutes: z.number().nonnegative(),
  /** Whether the server's ticker moves it (session running and timeRatio > 0). */
  running: z.boolean(),
  /** Scenario time limit, if the scenario has one. */
  limitMinutes: z.number().nonnegative().nullable(),
});
export type Clock = z.infer<typeof clockSchema>;

export const phaseRefSchema = z.object({ id: idSchema, title: textSchema });

export const documentViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  body: textSchema,
  /**
   * Scenario minute it becomes available to the agency by time (null = from the start). A document
   * revealed earlier is in the view before the clock reaches it: this is then not when it came.
   */
  since: z.number().nullable(),
});

export const provenanceSchema = z.object({
  order: z.enum(['judicial', 'prosecutor', 'none']).optional(),
  interpreter: z.enum(['certified', 'uncertified', 'co_national', 'none', 'not_needed']).optional(),
  consent: z.enum(['recorded', 'none', 'not_needed']).optional(),
  custody: z.enum(['kept', 'broken']).optional(),
});

/**
 * What the team's own acts did to an item that the debrief will hold against it, as facts the agency
 * knows (never the verdict), whatever the item's provenance record says:
 * - `passenger_interpreter`: the statement was taken at a formal hearing through one of the smuggled
 *   people (brief §1.9, R10), shown once the agency knows that the interpreter travelled with them;
 * - `interviewed_without_interpreter`, `interpreted_into_unspoken_language`,
 *   `deposition_without_certified_interpreter`: the statement was taken so from someone who needed
 *   an interpreter, shown once the agency knows what languages they speak;
 * - `co_national_interpreted`: a co-national interpreted the formal hearing (where the item's
 *   record does not say so already);
 * - `searched_without_order`: obtained in the same step as a device search with no order;
 * - `phones_read_without_consent_or_order`: in the same step as migrants' phones read with neither
 *   (or on a consent some record of the same reading says was not given);
 * - `phones_read_on_consent_without_interpreter`: in the same step as migrants' phones read with no
 *   order, on a consent some record of the same reading says was taken without the interpreter the
 *   person needed (brief §1.10). Optional: added after protocol 1 was first published;
 * - `intercepted_without_order`, `intercepted_after_order_expired`: in the same step as such an
 *   interception.
 */
export const EVIDENCE_CONCERNS = [
  'passenger_interpreter',
  'interviewed_without_interpreter',
  'interpreted_into_unspoken_language',
  'deposition_without_certified_interpreter',
  'co_national_interpreted',
  'searched_without_order',
  'phones_read_without_consent_or_order',
  'phones_read_on_consent_without_interpreter',
  'intercepted_without_order',
  'intercepted_after_order_expired',
] as const;
export type EvidenceConcern = (typeof EVIDENCE_CONCERNS)[number];

export const evidenceViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  kind: z.string(),
  /** Offence elements this item can prove (facilitation, benefit, organised_group, ...). */
  elements: z.array(z.string()),
  /** How and by whom it was obtained: what the debrief judges admissibility on. */
  provenance: provenanceSchema,
  obtainedAt: z.number().nullable(),
  obtainedBy: idSchema.nullable(),
  derivedFrom: z.array(idSchema),
  /** Absent when there is none. Optional: added after protocol 1 was first published. */
  concerns: z.array(z.enum(EVIDENCE_CONCERNS)).optional(),
});

/**
 * How a witness was lost, as the debrief says it: `departed` (left the country or moved on),
 * `deported`, `removed` (by the team's own removal act), `withdrew` (still here, but withdrew the
 * statement and will not testify).
 */
export const WITNESS_LOSSES = ['departed', 'deported', 'removed', 'withdrew'] as const;

/**
 * A witness of the team's case lost before a deposition the defence could examine, or a statement
 * could be secured (the debrief's "witnesses lost"): `time` is the scenario minute of the loss.
 */
export const lostWitnessSchema = z.object({
  person: idSchema,
  how: z.enum(WITNESS_LOSSES),
  time: z.number(),
});
export type LostWitnessView = z.infer<typeof lostWitnessSchema>;

/**
 * What the debrief's case file holds against one item of a team's evidence as it stands: excluded,
 * or weakened (a lost witness's statement that only supports other evidence), and why, in the
 * debrief's words (every language).
 */
export const evidenceTaintSchema = z.object({
  evidence: idSchema,
  title: textSchema,
  status: z.enum(['excluded', 'weakened']),
  reasons: z.array(textSchema),
});
export type EvidenceTaint = z.infer<typeof evidenceTaintSchema>;

/** A person as this agency knows them: only the attributes the agency has learnt. */
export const personViewSchema = z.object({
  id: idSchema,
  name: textSchema,
  kind: z.string(),
  attributes: z.record(z.string(), jsonValueSchema),
});

export const injectViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  body: textSchema,
  /** Scenario minute of release. */
  releasedAt: z.number(),
  /**
   * Seq of the log event that released it: its own `inject.released` (by the facilitator), or the
   * event whose engine step released it (timed, conditional, by effect), which has no event of its
   * own. Orders injects among broadcasts. Optional: added after protocol 1 was first published.
   */
  releasedSeq: seqSchema.optional(),
});

export const optionViewSchema = z.object({
  id: idSchema,
  label: textSchema,
  /** Scenario minutes the option costs the team. */
  timeCost: z.number().nonnegative(),
  enabled: z.boolean(),
  whyNot: whyNotSchema.optional(),
});

export const decisionViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  prompt: textSchema,
  enabled: z.boolean(),
  whyNot: whyNotSchema.optional(),
  options: z.array(optionViewSchema),
  /** Joint decisions: the agencies that must all sign, and the signatures so far. */
  joint: z
    .object({
      agencies: z.array(idSchema),
      signatures: z.array(z.object({ role: idSchema, option: idSchema })),
    })
    .nullable(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

/**
 * A decision of this team that this agency may see taken or signed, as its team's decision.made
 * and joint.signed events name it: its title and the labels of the options those events may name
 * (the option taken; every option of a joint or repeatable decision, since a signature may name
 * another option than the one the decision was taken with, and a repeatable decision may have
 * been taken with another option before).
 */
export const decidedViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  options: z.array(z.object({ id: idSchema, label: textSchema })),
});
export type DecidedView = z.infer<typeof decidedViewSchema>;

export const REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;
/**
 * An earlier exchange of a request sent again after it was refused: who sent it, when, and the
 * refusal's time and reason (null: not known, in a run from before they were kept).
 */
export const requestRoundSchema = z.object({
  from: idSchema,
  sentAt: z.number().nullable(),
  answeredAt: z.number().nullable(),
  reason: z.string().nullable(),
});
export type RequestRound = z.infer<typeof requestRoundSchema>;
export const requestViewSchema = z.object({
  /** Request instance id (use it in request.answer). */
  instance: idSchema,
  /** The scenario request id. */
  request: idSchema,
  title: textSchema,
  /** What the request asks, in the scenario's words (absent: the scenario gives none). */
  body: textSchema.optional(),
  from: idSchema,
  to: idSchema,
  status: z.enum(REQUEST_STATUSES),
  sentAt: z.number(),
  answeredAt: z.number().nullable(),
  reason: z.string().nullable(),
  /** Why the sender needs it, as written when sending (null: none given). */
  justification: z.string().nullable().optional(),
  /** incoming = addressed to this agency (it may answer while pending); outgoing = sent by it. */
  direction: z.enum(['incoming', 'outgoing']),
  /**
   * The earlier exchanges of a request sent again, oldest first: only those this agency took part
   * in (the agency addressed sees all; a sender, those it sent). Absent when there is none.
   */
  earlier: z.array(requestRoundSchema).optional(),
});
export type RequestView = z.infer<typeof requestViewSchema>;

/** A request this agency may send now (request.send). */
export const sendableRequestSchema = z.object({
  id: idSchema,
  title: textSchema,
  /** What the request asks, in the scenario's words (absent: the scenario gives none). */
  body: textSchema.optional(),
  to: idSchema,
  enabled: z.boolean(),
  whyNot: whyNotSchema.optional(),
});

/**
 * One finding of the legal model on a decision: the rubric rule, its axis and points, and the law it
 * rests on, in the words of the rubric (never the scenario's: a scenario states facts, the model
 * judges them).
 */
export const hintFindingSchema = z.object({
  ruleId: z.string(),
  axis: z.enum(['evidence', 'rights']),
  points: z.number(),
  /** False when the finding is listed but does not count (the rule's limit was reached, say). */
  counted: z.boolean(),
  redLine: z.boolean(),
  title: textSchema,
  explanation: textSchema,
  legalBasis: z.array(legalBasisSchema),
});
export type HintFinding = z.infer<typeof hintFindingSchema>;

/**
 * Feedback on a decision this agency took or signed, shown when the session's feedbackPolicy is
 * `hints`: what the legal model found on it, as the debrief will score it, limited to what the agency
 * knows of. From the live scores, so it follows the decision by up to a score refresh (the server
 * pushes the view's change as soon as it has recomputed them: `session.rescored`); a decision the
 * model found nothing on has none.
 */
export const hintSchema = z.object({
  /** The decision.made or joint.signed event. */
  seq: seqSchema,
  decision: idSchema,
  option: idSchema,
  findings: z.array(hintFindingSchema),
});
export type Hint = z.infer<typeof hintSchema>;

export const endingViewSchema = z.object({
  id: idSchema,
  title: textSchema,
  kind: z.string(),
  time: z.number(),
});

export const scoresSchema = z.object({
  evidence: z.number(),
  rights: z.number(),
  /** Red-line flags raised (ids), if any. */
  redLines: z.array(z.string()),
});
export type Scores = z.infer<typeof scoresSchema>;

/**
 * Everything one agency in one team knows. Recomputed by the server after every change that touches
 * it; sent whole in snapshots and catch-up batches, and in `session.update` as a whole view or as a
 * patch against the previous one (see `viewPatchSchema`). Clock-only changes are NOT sent: apply
 * `clock.ticked` events to `clock.minutes` instead, and while `clock.running` count the session's
 * time ratio yourself (the ticker's `clock.ticked` reach a trainee only with a changed view, see
 * `sessionUpdateSchema`); a view or patch sent for another change carries the current minutes, and
 * a clock move not the ticker's reaches every group of the team (`minutes` of `session.update`).
 */
export const roleViewSchema = z.object({
  team: teamRefSchema,
  role: agencySummarySchema,
  briefing: textSchema,
  phase: phaseRefSchema.extend({ description: textSchema }),
  clock: clockSchema,
  documents: z.array(documentViewSchema),
  evidence: z.array(evidenceViewSchema),
  people: z.array(personViewSchema),
  injects: z.array(injectViewSchema),
  decisions: z.array(decisionViewSchema),
  /**
   * The decisions this team took or signed that this agency may see, in any phase, in the
   * scenario's order: `decisions` lists only the phase's, so a device that joins after the phase
   * moved on names the team's decision.made and joint.signed events from these (the same rule of
   * need to know as the events: decisions this agency may take or sign, of its own team). Absent
   * when there is none. Optional: added after protocol 1 was first published.
   */
  decided: z.array(decidedViewSchema).optional(),
  requests: z.array(requestViewSchema),
  sendableRequests: z.array(sendableRequestSchema),
  hints: z.array(hintSchema),
  /**
   * Scenario facts this agency may see (most facts are internal and never shown). This server always
   * sends it; optional because it was added after protocol 1 was first published.
   */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The team's scores; only when the session lets trainees see them. */
  scores: scoresSchema.nullable(),
  ended: endingViewSchema.nullable(),
  /**
   * Witnesses the team lost that this agency knows of: it knows the person and may see where they
   * went (or that they withdrew). From the live scores, so it may lag the event by a score refresh.
   * Absent when there is none. Optional: added after protocol 1 was first published.
   */
  witnessesLost: z.array(lostWitnessSchema).optional(),
});
export type RoleView = z.infer<typeof roleViewSchema>;

/** One recent decision on a facilitator's team card. */
export const decisionSummarySchema = z.object({
  seq: seqSchema,
  at: isoDateSchema,
  time: z.number().nullable(),
  role: idSchema.nullable(),
  participant: uuidSchema.nullable(),
  decision: idSchema,
  decisionTitle: textSchema,
  option: idSchema,
  optionLabel: textSchema,
});

/** A team at a glance, for facilitators and observers. */
export const teamCardSchema = z.object({
  team: teamRefSchema,
  phase: phaseRefSchema,
  clock: clockSchema,
  /** Latest decisions first (at most 10). */
  lastDecisions: z.array(decisionSummarySchema),
  /**
   * Pending requests of a team still playing (an ended team's requests can no longer be answered and
   * are not listed). `facilitatorAnswers` = the facilitator may answer it now (see
   * `requestAnswerer`); `agencyAbsent` = because no trainee of the addressed agency is present.
   */
  pendingRequests: z.array(
    requestViewSchema.extend({
      facilitatorAnswers: z.boolean(),
      agencyAbsent: z.boolean().optional(),
    }),
  ),
  members: z.array(
    participantSchema.pick({ id: true, displayName: true, role: true, presence: true }),
  ),
  scores: scoresSchema.nullable(),
  ended: endingViewSchema.nullable(),
  /**
   * Staff only: the items of the team's evidence the debrief would exclude or weaken now, and why
   * (its case file, from the live scores: it may lag the event by a score refresh). Absent when
   * there is none. Optional: added after protocol 1 was first published.
   */
  taints: z.array(evidenceTaintSchema).optional(),
});
export type TeamCard = z.infer<typeof teamCardSchema>;

/** An inject the facilitator can release, and where it has gone already (staff only). */
export const injectControlSchema = z.object({
  id: idSchema,
  title: textSchema,
  to: z.array(idSchema),
  release: z.enum(['facilitator', 'timed', 'conditional', 'effect']),
  releasedTo: z.array(idSchema),
});

export const chatMessageSchema = z.object({
  seq: seqSchema,
  at: isoDateSchema,
  team: idSchema,
  role: idSchema.nullable(),
  participant: uuidSchema.nullable(),
  displayName: z.string(),
  text: z.string(),
  /**
   * The team's scenario clock (minutes) when the message was sent, the log event's `time`: the
   * play screen shows a message at its scenario time, `at` (wall clock) apart. Absent from older
   * servers.
   */
  time: z.number().nonnegative().nullable().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const broadcastMessageSchema = z.object({
  seq: seqSchema,
  at: isoDateSchema,
  team: idSchema.nullable(),
  message: z.string(),
  /** The language the message was written in; absent for older logs (the session's language). */
  lang: languageSchema.optional(),
});

export const pinnedNoteSchema = z.object({
  seq: seqSchema,
  at: isoDateSchema,
  /** The event the note is about. */
  about: seqSchema,
  author: z.string(),
  text: z.string(),
});

/**
 * Who answers a request addressed to `to` in a team: `facilitator` when the facilitator plays that
 * agency, `absent` when trainees play it but none of them is in the team now (never seated, or
 * every one has left: the facilitator may answer in their place so the team is not stuck), else
 * `trainees`. Trainees who are only briefly away (a dropped connection) still count as present.
 * The server authorises `request.answer` with this; consoles use it to show who is expected to answer.
 */
export function requestAnswerer(
  agency: Pick<AgencySummary, 'playable'> | undefined,
  members: readonly { role: string | null; presence: Presence }[],
  to: string,
): 'facilitator' | 'absent' | 'trainees' {
  if (agency === undefined || agency.playable === 'facilitator') return 'facilitator';
  return members.some((m) => m.role === to && m.presence !== 'left') ? 'trainees' : 'absent';
}
