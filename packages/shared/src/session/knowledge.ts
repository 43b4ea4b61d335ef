import { z } from 'zod';
import { idSchema, isoDateSchema, languageSchema, textSchema, uuidSchema } from './common';

/*
 * Knowledge checks: pre/post questions a scenario carries (data in the scenarios package). Trainees
 * answer the "pre" check on joining and the "post" check once the debrief is released; staff and
 * review links see results per agency and per question with the gain, never one person's answers.
 *
 * GET  /api/sessions/:id/knowledge-check          participant → KnowledgeCheckStatus
 * POST /api/sessions/:id/knowledge-check/answers  participant, KnowledgeSubmission → KnowledgeReceipt
 * GET  /api/sessions/:id/knowledge-results        staff → KnowledgeResults
 * GET  /api/reviews/:token/knowledge-results      review link → KnowledgeResults
 */

export const KNOWLEDGE_PHASES = ['pre', 'post'] as const;
export const knowledgePhaseSchema = z.enum(KNOWLEDGE_PHASES);
export type KnowledgePhase = z.infer<typeof knowledgePhaseSchema>;

const choiceQuestion = (kind: 'single' | 'multiple') =>
  z.object({
    id: idSchema,
    kind: z.literal(kind),
    prompt: textSchema,
    options: z.array(z.object({ id: idSchema, text: textSchema })),
  });

/** A question as trainees see it (no correct answers). */
export const knowledgeQuestionSchema = z.discriminatedUnion('kind', [
  choiceQuestion('single'),
  choiceQuestion('multiple'),
  z.object({
    id: idSchema,
    kind: z.literal('confidence'),
    prompt: textSchema,
    scale: z.number().int(),
    low: textSchema,
    high: textSchema,
  }),
]);
export type KnowledgeQuestion = z.infer<typeof knowledgeQuestionSchema>;

export const knowledgeCheckViewSchema = z.object({
  id: idSchema,
  version: z.string(),
  title: textSchema,
  languages: z.array(languageSchema),
  questions: z.array(knowledgeQuestionSchema),
});
export type KnowledgeCheckView = z.infer<typeof knowledgeCheckViewSchema>;

export const knowledgeCheckStatusSchema = z.object({
  session: uuidSchema,
  /** null: this session's scenario carries no knowledge check. */
  check: knowledgeCheckViewSchema.nullable(),
  /** The phase the trainee can answer now (null: none now). */
  open: knowledgePhaseSchema.nullable(),
  answered: z.object({ pre: z.boolean(), post: z.boolean() }),
});
export type KnowledgeCheckStatus = z.infer<typeof knowledgeCheckStatusSchema>;

export const knowledgeSubmissionSchema = z.strictObject({
  phase: knowledgePhaseSchema,
  answers: z
    .array(
      z.strictObject({
        question: idSchema,
        options: z.array(idSchema).max(8).optional(),
        value: z.number().int().min(1).max(7).optional(),
      }),
    )
    .max(30),
});
export type KnowledgeSubmission = z.infer<typeof knowledgeSubmissionSchema>;

export const knowledgeReceiptSchema = z.object({
  phase: knowledgePhaseSchema,
  submittedAt: isoDateSchema,
  /** The trainee's own result, after the post check only (so the pre check gives nothing away). */
  result: z.object({ correct: z.number().int(), of: z.number().int() }).nullable(),
});
export type KnowledgeReceipt = z.infer<typeof knowledgeReceiptSchema>;

const phaseFigureSchema = z.object({ n: z.number().int(), value: z.number().nullable() });
const questionResultSchema = z.object({
  question: idSchema,
  kind: z.enum(['single', 'multiple', 'confidence']),
  prompt: textSchema,
  pre: phaseFigureSchema,
  post: phaseFigureSchema,
  gain: z.number().nullable(),
});
export const agencyKnowledgeSchema = z.object({
  agency: z.string(),
  pre: phaseFigureSchema,
  post: phaseFigureSchema,
  gain: z.number().nullable(),
  confidencePre: phaseFigureSchema,
  confidencePost: phaseFigureSchema,
  questions: z.array(questionResultSchema),
});
export type AgencyKnowledge = z.infer<typeof agencyKnowledgeSchema>;

export const knowledgeResultsSchema = z.object({
  session: uuidSchema,
  check: z.object({ id: idSchema, version: z.string(), title: textSchema }).nullable(),
  /** Trainees who answered each phase. */
  respondents: z.object({ pre: z.number().int(), post: z.number().int() }),
  overall: agencyKnowledgeSchema.nullable(),
  agencies: z.array(agencyKnowledgeSchema),
});
export type KnowledgeResults = z.infer<typeof knowledgeResultsSchema>;
