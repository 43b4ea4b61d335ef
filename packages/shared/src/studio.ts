import { z } from 'zod';
import { idSchema, isoDateSchema, textSchema, uuidSchema } from './session/common';
import { roleViewSchema } from './session/views';

/*
 * Authoring studio REST API under /api/studio (accounts with the author permission; admins always).
 * Scenario text is YAML (or JSON) and is only ever parsed and checked as data: the server validates
 * it off the event loop in a worker thread, with a size limit, and never executes it.
 */

export const STUDIO_LIMITS = {
  /** Bytes of scenario text accepted by any studio endpoint (the flagship is about 210 kB). */
  sourceBytes: 1_000_000,
  /** Events in one dry-run replay. */
  dryRunEvents: 2000,
  /** States the analysis may explore when asked from the studio. */
  analysisMaxStates: 50_000,
} as const;

/** UTF-8 length of a string (no TextEncoder or Buffer here: this package runs everywhere). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // A surrogate half counts 2: a pair is one 4-byte character.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

const sourceSchema = z.string().refine((s) => utf8Bytes(s) <= STUDIO_LIMITS.sourceBytes, {
  error: `at most ${STUDIO_LIMITS.sourceBytes} bytes of scenario text`,
});

const semverSchema = z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'a version like 1.0.0' });
const scenarioIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'lower-case letters and digits joined by dashes' })
  .max(64);

/*
 * The few words some values of a checker problem take (its `got`, `expected` and `what`): the
 * checker puts them in, the studio translates them, so both read them from here.
 */
/** What the file holds where the problem is (with `value`: the text, number or boolean). */
export const PROBLEM_GOT = [
  'nothing',
  'null',
  'list',
  'object',
  'text',
  'number',
  'boolean',
] as const;
/** What a place expects (zod's names; `int` is a whole number). */
export const PROBLEM_EXPECTED = ['object', 'string', 'number', 'int', 'array', 'boolean'] as const;
/** The kinds of thing a scenario gives ids to. */
export const PROBLEM_WHAT = [
  'agency',
  'person',
  'fact',
  'resource',
  'document',
  'evidence',
  'phase',
  'request',
  'inject',
  'ending',
  'decision',
] as const;

/**
 * One problem in the scenario text: a path into the file (`phases[0].decisions[1]`) and a line; the
 * checker's English words; for the most common kinds of problem a code and its values, which the
 * client words in the reader's language (see the scenarios package's ProblemCode; a code the client
 * does not know reads as the English message).
 */
export const studioProblemSchema = z.object({
  path: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type StudioProblem = z.infer<typeof studioProblemSchema>;

/**
 * Something of the scenario named in a studio answer: its id and its own text (title, label or name)
 * in every language the scenario gives; null when the id names nothing in the scenario.
 */
export const studioRefSchema = z.object({ id: z.string(), text: textSchema.nullable() });
export type StudioRef = z.infer<typeof studioRefSchema>;

export const studioGraphSchema = z.object({
  phases: z.array(z.object({ id: z.string(), title: textSchema })),
  endings: z.array(z.object({ id: z.string(), title: textSchema, kind: z.string() })),
  /** One edge per option/request/inject/phase entry that moves the team (`via` says which). */
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      via: z.string(),
      kind: z.enum(['option', 'request', 'inject', 'enter', 'when', 'time']),
    }),
  ),
  start: z.string().nullable(),
});
export type StudioGraph = z.infer<typeof studioGraphSchema>;

// POST /api/studio/validate { source } → StudioValidation (nothing is stored)
export const studioSourceRequestSchema = z.strictObject({ source: sourceSchema });
export const studioValidationSchema = z.object({
  ok: z.boolean(),
  errors: z.array(studioProblemSchema),
  warnings: z.array(studioProblemSchema),
  id: z.string().nullable(),
  version: z.string().nullable(),
  /** English title (best effort when the text does not validate). */
  title: z.string(),
  languages: z.array(z.string()),
  /**
   * Agencies (id, name and short name in every language the scenario has, playable), for the
   * dry-run's role list and timeline.
   */
  agencies: z.array(
    z.object({
      id: z.string(),
      name: textSchema,
      shortName: textSchema.optional(),
      playable: z.string(),
    }),
  ),
  counts: z.record(z.string(), z.number()),
  graph: studioGraphSchema.nullable(),
  /** Time the worker spent parsing and checking (ms). */
  ms: z.number(),
});
export type StudioValidation = z.infer<typeof studioValidationSchema>;

// POST /api/studio/analyse { source, maxStates? } → StudioAnalysis: scenarios:check for one file
export const studioAnalyseRequestSchema = z.strictObject({
  source: sourceSchema,
  maxStates: z.number().int().min(100).max(STUDIO_LIMITS.analysisMaxStates).optional(),
});
export const studioAnalysisSchema = z.object({
  ok: z.boolean(),
  /** Invalid text: the problems (no analysis). */
  errors: z.array(studioProblemSchema),
  /** The scenarios package's ScenarioAnalysis (reachability, dead ends, view leaks, routes). */
  analysis: z.unknown().nullable(),
  ms: z.number(),
});
export type StudioAnalysis = z.infer<typeof studioAnalysisSchema>;

/**
 * One played action as data (the client words it in the page's language): its type with the ids and
 * values of its payload, each id with the scenario's own text for it.
 */
export const studioActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.enum(['decision.made', 'joint.signed']),
    decision: studioRefSchema,
    option: studioRefSchema,
  }),
  z.object({ type: z.literal('request.sent'), request: studioRefSchema }),
  z.object({ type: z.literal('request.answered'), request: studioRefSchema, granted: z.boolean() }),
  z.object({ type: z.literal('inject.released'), inject: studioRefSchema }),
  z.object({ type: z.literal('clock.ticked'), minutes: z.number() }),
]);
export type StudioAction = z.infer<typeof studioActionSchema>;

/** One thing the engine did after an action, as data (kind, ids, values). */
export const studioEffectSchema = z.discriminatedUnion('kind', [
  /** An act recorded: its kind (a scenario-language id such as `interview`) and the persons. */
  z.object({ kind: z.literal('act'), act: z.string(), persons: z.array(studioRefSchema) }),
  z.object({ kind: z.literal('phase'), phase: studioRefSchema }),
  z.object({ kind: z.literal('ended'), ending: studioRefSchema, endingKind: z.string() }),
  z.object({
    kind: z.literal('fact'),
    fact: z.string(),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  /** Evidence gathered; `taintReasons` are the engine's reason codes. */
  z.object({
    kind: z.literal('evidence'),
    evidence: studioRefSchema,
    tainted: z.boolean(),
    taintReasons: z.array(z.string()),
  }),
  /** A document, evidence item or person revealed to agencies (ids). */
  z.object({ kind: z.literal('reveal'), item: studioRefSchema, to: z.array(z.string()) }),
  z.object({ kind: z.literal('inject'), inject: studioRefSchema }),
  z.object({
    kind: z.literal('request'),
    request: studioRefSchema,
    status: z.enum(['pending', 'granted', 'refused']),
  }),
  /** Person attributes set (names as in the scenario language: `status`, `whereabouts`, ...). */
  z.object({
    kind: z.literal('person'),
    person: studioRefSchema,
    set: z.record(z.string(), z.unknown()),
  }),
]);
export type StudioEffect = z.infer<typeof studioEffectSchema>;

// POST /api/studio/preview { source, decision, option } → StudioPreview: what the legal model scores
// when this option is chosen at the end of the shortest run that makes it available.
export const studioPreviewRequestSchema = z.strictObject({
  source: sourceSchema,
  decision: idSchema,
  option: idSchema,
});
export const studioPreviewItemSchema = z.object({
  ruleId: z.string(),
  axis: z.string(),
  points: z.number(),
  counted: z.boolean(),
  source: z.string(),
  title: textSchema,
  explanation: textSchema,
  legalBasis: z.array(z.string()),
});
export const studioPreviewSchema = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  /** The actions played before the option (role and the action as data). */
  path: z.array(z.object({ role: z.string().nullable(), action: studioActionSchema })),
  /** Scored items the option's event causes (immediately). */
  items: z.array(studioPreviewItemSchema),
  /** Red lines the option crosses. */
  redLines: z.array(z.string()),
  /** Engine effects of the option: acts recorded, facts set, phase moves, ending. */
  effects: z.array(studioEffectSchema),
  /**
   * Set when the run waited for a scarce resource the option uses (the clock moved on from minute
   * `from` to `until`, `minutes` of scenario time, as a facilitator's clock would): its name.
   */
  waited: z
    .object({ resource: textSchema, minutes: z.number(), from: z.number(), until: z.number() })
    .optional(),
  ms: z.number(),
});
export type StudioPreview = z.infer<typeof studioPreviewSchema>;

// POST /api/studio/dry-run { source, events, role } → StudioDryRun. Solo play: the client keeps the
// list of actions; the server replays them on the engine each time (nothing is stored), so time travel
// is "replay the first n" and role switching is "the view of another role".
export const dryRunActionSchema = z.strictObject({
  role: idSchema.nullable(),
  type: z.enum([
    'decision.made',
    'joint.signed',
    'request.sent',
    'request.answered',
    'inject.released',
    'clock.ticked',
  ]),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type DryRunAction = z.infer<typeof dryRunActionSchema>;
export const studioDryRunRequestSchema = z.strictObject({
  source: sourceSchema,
  events: z.array(dryRunActionSchema).max(STUDIO_LIMITS.dryRunEvents),
  /** Whose view to return (an agency id); null = facilitator overview only. */
  role: idSchema.nullable(),
  /** Replay only the first `upTo` events (time travel); default all. */
  upTo: z.number().int().nonnegative().optional(),
});
export const studioDryRunSchema = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  /**
   * One entry per replayed event: the clock before it, whether the engine accepted it (else its
   * message) and what the engine did after it.
   */
  steps: z.array(
    z.object({
      index: z.number().int(),
      role: z.string().nullable(),
      action: studioActionSchema,
      time: z.number(),
      accepted: z.boolean(),
      /** A refused event: the engine's error code and its English message. */
      code: z.string().optional(),
      message: z.string().optional(),
      effects: z.array(studioEffectSchema),
    }),
  ),
  /** Every action sent as data, replayed or not (the timeline shows the future too). */
  actions: z.array(studioActionSchema),
  phase: z.string().nullable(),
  clock: z.number(),
  ended: z.object({ id: z.string(), title: textSchema, kind: z.string() }).nullable(),
  view: roleViewSchema.nullable(),
  /** Facilitator controls: injects released by the facilitator and requests it answers. */
  facilitator: z.object({
    injects: z.array(z.object({ id: z.string(), title: textSchema, released: z.boolean() })),
    pendingRequests: z.array(
      z.object({ request: z.string(), title: textSchema, from: z.string(), to: z.string() }),
    ),
  }),
  ms: z.number(),
});
export type StudioDryRun = z.infer<typeof studioDryRunSchema>;

// GET /api/studio/templates → StudioTemplate[]
/** A template offered by the studio, its title in every language the template has. */
export const studioTemplateSchema = z.object({ id: idSchema, title: textSchema });
export type StudioTemplate = z.infer<typeof studioTemplateSchema>;

// POST /api/studio/scenarios → StudioScenario. Exactly one origin: a template, a catalogue scenario
// (copied under a new id), or imported text. `scenarioId` renames the copy (default: `<id>-copy`).
export const createStudioScenarioRequestSchema = z
  .strictObject({
    template: idSchema.optional(),
    catalogue: idSchema.optional(),
    source: sourceSchema.optional(),
    scenarioId: scenarioIdSchema.optional(),
  })
  .refine((r) => [r.template, r.catalogue, r.source].filter((x) => x !== undefined).length === 1, {
    error: 'give exactly one of template, catalogue or source',
  });
export type CreateStudioScenarioRequest = z.infer<typeof createStudioScenarioRequestSchema>;

export const studioVersionSchema = z.object({
  version: z.string(),
  publishedAt: isoDateSchema,
  publishedBy: z.string(),
});
export type StudioVersion = z.infer<typeof studioVersionSchema>;

export const studioScenarioListItemSchema = z.object({
  id: uuidSchema,
  /** The scenario id from the draft text (or the one its versions were published under). */
  scenarioId: z.string(),
  /**
   * Its title in every language the draft gives (read from the draft's text); the English title
   * alone when the draft's title does not read.
   */
  title: textSchema,
  owner: z.string(),
  createdAt: isoDateSchema,
  draftUpdatedAt: isoDateSchema,
  versions: z.array(studioVersionSchema),
});
export type StudioScenarioListItem = z.infer<typeof studioScenarioListItemSchema>;

export const studioScenarioSchema = studioScenarioListItemSchema.extend({
  source: z.string(),
  validation: studioValidationSchema,
});
export type StudioScenario = z.infer<typeof studioScenarioSchema>;

// PUT /api/studio/scenarios/:id/draft { source } → StudioScenario (saved even when invalid)
// POST /api/studio/scenarios/:id/publish → StudioVersion (the draft must be valid, its id free and its
// version new; the version is then immutable and sessions can be created from it)
// GET /api/studio/scenarios/:id/versions/:version → StudioVersionSource
export const studioVersionSourceSchema = studioVersionSchema.extend({
  scenarioId: z.string(),
  source: z.string(),
});
export type StudioVersionSource = z.infer<typeof studioVersionSourceSchema>;

// GET /api/studio/scenarios/:id/diff?from=<version>&to=<version|draft> → StudioDiff
export const studioDiffChangeSchema = z.object({
  /** Readable path: `phases › screening › decisions › phone › options › browse › timeCost`. */
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().optional(),
  after: z.string().optional(),
});
export const studioDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(studioDiffChangeSchema),
});
export type StudioDiff = z.infer<typeof studioDiffSchema>;
export type StudioDiffChange = z.infer<typeof studioDiffChangeSchema>;

// GET /api/studio/scenarios/:id/export?version=<version|draft> → text/yaml attachment
// GET /api/studio/schema → the scenario JSON Schema (drives the studio's forms)

export { semverSchema as studioSemverSchema, scenarioIdSchema as studioScenarioIdSchema };
