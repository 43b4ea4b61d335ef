/**
 * Knowledge checks: short pre/post questionnaires attached to scenarios (or courses), as data.
 * Single choice, multiple choice and confidence scales; every text in every language the check
 * lists. Answers are scored here, and results are aggregated per agency and per question with the
 * gain from before to after the exercise, never per person.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, type ScenarioError } from '../parse';
import { LANGUAGES } from '../schema';

const idPattern = /^[a-z0-9][a-z0-9_-]*$/;
const id = z.string().regex(idPattern, { error: 'must be a lowercase id (a-z, 0-9, _ -)' });
/**
 * A text in English and maybe the other client languages (Serbian Latin, Macedonian, Albanian,
 * Bosnian); which languages are required is checked against `languages`.
 */
const text = z.union([
  z.string().min(1),
  z.strictObject({
    en: z.string().min(1),
    'sr-Latn': z.string().min(1).optional(),
    mk: z.string().min(1).optional(),
    sq: z.string().min(1).optional(),
    bs: z.string().min(1).optional(),
  }),
]);
export type CheckText = z.infer<typeof text>;

const option = z.strictObject({ id, text, correct: z.boolean().optional() });

const question = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    kind: z.literal('single'),
    prompt: text,
    options: z.array(option).min(2).max(8),
  }),
  z.strictObject({
    id,
    kind: z.literal('multiple'),
    prompt: text,
    options: z.array(option).min(2).max(8),
  }),
  z.strictObject({
    id,
    kind: z.literal('confidence'),
    prompt: text,
    /** Points on the scale (1..scale). */
    scale: z.number().int().min(3).max(7),
    low: text,
    high: text,
  }),
]);

export const knowledgeCheckSchema = z.strictObject({
  format: z.literal('crossroads.knowledge-check/1'),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like 1.0.0' }),
  title: text,
  languages: z.array(z.enum(LANGUAGES)).min(1),
  /**
   * Scenarios whose sessions carry this check (pre on joining, post after the debrief). Empty: a
   * check written for courses, asked only in sessions of a course that carries it.
   */
  scenarios: z.array(z.string().min(1)),
  questions: z.array(question).min(1).max(30),
});
export type KnowledgeCheck = z.infer<typeof knowledgeCheckSchema>;
export type KnowledgeQuestion = KnowledgeCheck['questions'][number];

export type KnowledgeParseResult =
  { ok: true; check: KnowledgeCheck } | { ok: false; errors: ScenarioError[] };

function textsOf(check: KnowledgeCheck): { path: (string | number)[]; value: CheckText }[] {
  const out: { path: (string | number)[]; value: CheckText }[] = [
    { path: ['title'], value: check.title },
  ];
  check.questions.forEach((q, qi) => {
    out.push({ path: ['questions', qi, 'prompt'], value: q.prompt });
    if (q.kind === 'confidence') {
      out.push({ path: ['questions', qi, 'low'], value: q.low });
      out.push({ path: ['questions', qi, 'high'], value: q.high });
    } else {
      q.options.forEach((o, oi) =>
        out.push({ path: ['questions', qi, 'options', oi, 'text'], value: o.text }),
      );
    }
  });
  return out;
}

/** Rules zod cannot say: unique ids, the right number of correct options, every language present. */
function checkRules(check: KnowledgeCheck): { path: (string | number)[]; message: string }[] {
  const errors: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  check.questions.forEach((q, qi) => {
    if (seen.has(q.id))
      errors.push({ path: ['questions', qi, 'id'], message: `duplicate question id ${q.id}` });
    seen.add(q.id);
    if (q.kind === 'confidence') return;
    const ids = new Set<string>();
    q.options.forEach((o, oi) => {
      if (ids.has(o.id))
        errors.push({
          path: ['questions', qi, 'options', oi, 'id'],
          message: `duplicate option id ${o.id}`,
        });
      ids.add(o.id);
    });
    const correct = q.options.filter((o) => o.correct === true).length;
    if (q.kind === 'single' && correct !== 1)
      errors.push({
        path: ['questions', qi, 'options'],
        message: `a single-choice question needs exactly one correct option (has ${correct})`,
      });
    if (q.kind === 'multiple' && correct < 1)
      errors.push({
        path: ['questions', qi, 'options'],
        message: 'a multiple-choice question needs at least one correct option',
      });
  });
  for (const { path, value } of textsOf(check)) {
    for (const lang of check.languages) {
      const present = lang === 'en' || (typeof value !== 'string' && value[lang] !== undefined);
      if (!present) errors.push({ path, message: `missing the ${lang} text` });
    }
  }
  return errors;
}

/** Validates a parsed value (from YAML or JSON) as a knowledge check. */
export function validateKnowledgeCheck(data: unknown): KnowledgeParseResult {
  const parsed = knowledgeCheckSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: formatPath(i.path as (string | number)[]),
        message: i.message,
      })),
    };
  }
  const rules = checkRules(parsed.data);
  if (rules.length > 0)
    return {
      ok: false,
      errors: rules.map((r) => ({ path: formatPath(r.path), message: r.message })),
    };
  return { ok: true, check: parsed.data };
}

/** Reads a knowledge check from YAML (or JSON) text. Never throws on bad content. */
export function parseKnowledgeCheck(source: string): KnowledgeParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        path: '',
        message: e.message,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
      })),
    };
  }
  return validateKnowledgeCheck(doc.toJS());
}

// ---- answers ------------------------------------------------------------------------------------

export const KNOWLEDGE_PHASES = ['pre', 'post'] as const;
export type KnowledgePhase = (typeof KNOWLEDGE_PHASES)[number];

/** One answer: the options chosen (choice questions) or the point on the scale (confidence). */
export interface KnowledgeAnswer {
  question: string;
  options?: string[] | undefined;
  value?: number | undefined;
}

export type AnswerCheck = { ok: true } | { ok: false; message: string };

/** Whether a set of answers fits the check: known questions, each answered once and well formed. */
export function checkAnswers(
  check: KnowledgeCheck,
  answers: readonly KnowledgeAnswer[],
): AnswerCheck {
  const byId = new Map(check.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byId.get(a.question);
    if (!q) return { ok: false, message: `No question ${a.question} in this check.` };
    if (seen.has(a.question))
      return { ok: false, message: `Question ${a.question} is answered twice.` };
    seen.add(a.question);
    if (q.kind === 'confidence') {
      if (
        a.options !== undefined ||
        a.value === undefined ||
        !Number.isInteger(a.value) ||
        a.value < 1 ||
        a.value > q.scale
      )
        return { ok: false, message: `Question ${q.id} takes a point from 1 to ${q.scale}.` };
    } else {
      const chosen = a.options ?? [];
      if (a.value !== undefined || chosen.length === 0)
        return { ok: false, message: `Question ${q.id} takes one or more options.` };
      if (q.kind === 'single' && chosen.length !== 1)
        return { ok: false, message: `Question ${q.id} takes exactly one option.` };
      if (
        new Set(chosen).size !== chosen.length ||
        chosen.some((o) => !q.options.some((x) => x.id === o))
      )
        return { ok: false, message: `Question ${q.id} has an unknown or repeated option.` };
    }
  }
  const missing = check.questions.filter((q) => !seen.has(q.id));
  if (missing.length > 0)
    return { ok: false, message: `Unanswered: ${missing.map((q) => q.id).join(', ')}.` };
  return { ok: true };
}

/** 1 when a choice question is answered exactly right (all correct options, no other), else 0. */
export function isCorrect(
  question: KnowledgeQuestion,
  answer: KnowledgeAnswer | undefined,
): boolean | null {
  if (question.kind === 'confidence') return null;
  const chosen = new Set(answer?.options ?? []);
  const correct = question.options.filter((o) => o.correct === true).map((o) => o.id);
  return chosen.size === correct.length && correct.every((o) => chosen.has(o));
}

/** Correct answers out of the choice questions. */
export function scoreAnswers(
  check: KnowledgeCheck,
  answers: readonly KnowledgeAnswer[],
): { correct: number; of: number } {
  const byQuestion = new Map(answers.map((a) => [a.question, a]));
  let correct = 0;
  let of = 0;
  for (const q of check.questions) {
    const right = isCorrect(q, byQuestion.get(q.id));
    if (right === null) continue;
    of += 1;
    if (right) correct += 1;
  }
  return { correct, of };
}

/** The check as trainees receive it: no `correct` flags. */
export function publicCheck(check: KnowledgeCheck) {
  return {
    id: check.id,
    version: check.version,
    title: check.title,
    languages: check.languages,
    questions: check.questions.map((q) =>
      q.kind === 'confidence'
        ? { id: q.id, kind: q.kind, prompt: q.prompt, scale: q.scale, low: q.low, high: q.high }
        : {
            id: q.id,
            kind: q.kind,
            prompt: q.prompt,
            options: q.options.map((o) => ({ id: o.id, text: o.text })),
          },
    ),
  };
}

// ---- results ------------------------------------------------------------------------------------

export interface KnowledgeRecord {
  /** The agency the participant played (null: not placed). */
  agency: string | null;
  phase: KnowledgePhase;
  answers: KnowledgeAnswer[];
}

/** Share correct (choice) or mean point (confidence) before and after, with how many answered. */
export interface PhaseFigure {
  n: number;
  /** 0..1 share of correct answers (choice), or the mean point (confidence); null when n = 0. */
  value: number | null;
}

export interface QuestionResult {
  question: string;
  kind: KnowledgeQuestion['kind'];
  prompt: CheckText;
  pre: PhaseFigure;
  post: PhaseFigure;
  /** post − pre (null when either side has no answers). */
  gain: number | null;
}

export interface AgencyResult {
  agency: string;
  /** Mean share of choice questions answered right. */
  pre: PhaseFigure;
  post: PhaseFigure;
  gain: number | null;
  /** Mean confidence (all confidence questions). */
  confidencePre: PhaseFigure;
  confidencePost: PhaseFigure;
  questions: QuestionResult[];
}

export interface KnowledgeResults {
  check: { id: string; version: string; title: CheckText };
  /** Every agency together, then each agency. */
  overall: AgencyResult;
  agencies: AgencyResult[];
}

const mean = (values: number[]): PhaseFigure => ({
  n: values.length,
  value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
});
const gainOf = (pre: PhaseFigure, post: PhaseFigure): number | null =>
  pre.value === null || post.value === null ? null : post.value - pre.value;

function aggregate(check: KnowledgeCheck, agency: string, subs: KnowledgeRecord[]): AgencyResult {
  const phase = (p: KnowledgePhase) => subs.filter((s) => s.phase === p);
  const shareRight = (s: KnowledgeRecord) => {
    const { correct, of } = scoreAnswers(check, s.answers);
    return of === 0 ? null : correct / of;
  };
  const confidence = (s: KnowledgeRecord) => {
    const points = s.answers.flatMap((a) => {
      const q = check.questions.find((x) => x.id === a.question);
      return q?.kind === 'confidence' && a.value !== undefined ? [a.value] : [];
    });
    return points.length === 0 ? null : points.reduce((a, b) => a + b, 0) / points.length;
  };
  const figure = (p: KnowledgePhase, f: (s: KnowledgeRecord) => number | null) =>
    mean(
      phase(p).flatMap((s) => {
        const v = f(s);
        return v === null ? [] : [v];
      }),
    );
  const pre = figure('pre', shareRight);
  const post = figure('post', shareRight);
  const confidencePre = figure('pre', confidence);
  const confidencePost = figure('post', confidence);
  const questions = check.questions.map((q): QuestionResult => {
    const per = (p: KnowledgePhase) =>
      mean(
        phase(p).flatMap((s) => {
          const a = s.answers.find((x) => x.question === q.id);
          if (!a) return [];
          if (q.kind === 'confidence') return a.value === undefined ? [] : [a.value];
          return [isCorrect(q, a) ? 1 : 0];
        }),
      );
    const qPre = per('pre');
    const qPost = per('post');
    return {
      question: q.id,
      kind: q.kind,
      prompt: q.prompt,
      pre: qPre,
      post: qPost,
      gain: gainOf(qPre, qPost),
    };
  });
  return {
    agency,
    pre,
    post,
    gain: gainOf(pre, post),
    confidencePre,
    confidencePost,
    questions,
  };
}

/** Results per agency and per question, with the gain; nothing about any one person. */
export function knowledgeResults(
  check: KnowledgeCheck,
  submissions: readonly KnowledgeRecord[],
): KnowledgeResults {
  const agencies = [...new Set(submissions.map((s) => s.agency ?? '(none)'))].sort();
  return {
    check: { id: check.id, version: check.version, title: check.title },
    overall: aggregate(check, '(all)', [...submissions]),
    agencies: agencies.map((a) =>
      aggregate(
        check,
        a,
        submissions.filter((s) => (s.agency ?? '(none)') === a),
      ),
    ),
  };
}
