/**
 * The scenario language: a zod 4 schema for the data files trainers write (YAML or JSON).
 *
 * Everything is a strict object: an unknown key is an error, so a typo or a piece of code
 * smuggled into a condition ("fact == 3") is rejected instead of silently ignored.
 * Cross-references (ids that must resolve) are checked afterwards in validate.ts.
 */
import { z } from 'zod';
import { COUNTRIES } from './country';

// ---------------------------------------------------------------------------
// Basics
// ---------------------------------------------------------------------------

const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
const SCENARIO_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

/** Ids: lower case letters, digits, `_` and `-`, starting with a letter. */
export const Id = z.string().regex(ID_PATTERN, {
  message: 'ids use lower-case letters, digits, "_" or "-" and start with a letter',
});

/** Scenario minutes (the simulated clock), never negative. */
export const Minutes = z.number().int().nonnegative();

/**
 * Languages a scenario may be written in (BCP 47): English, Serbian (Latin), Macedonian (Cyrillic),
 * Albanian and Bosnian (Latin). English is always present; the others are per text.
 */
export const LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Longest text of each kind, in characters (UTF-16 code units, as JavaScript counts them). Short texts
 * (titles, names, labels, short names) are one line; long texts (descriptions, bodies, briefings,
 * prompts, summaries, objectives, notes...) may hold several. The catalogue's longest are 311 (an
 * option label) and 816 (a document body).
 */
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 10_000;

/** C0 and C1 control characters (a long text may hold newlines and tabs). */
const CONTROL_CLASS = '\\u0000-\\u001F\\u007F-\\u009F';
const CONTROL_BUT_NEWLINE_TAB_CLASS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
/** Bidirectional embedding, override and isolate characters: they can make a text read other than it is. */
const BIDI_CLASS = '\\u202A-\\u202E\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROL_CLASS}]`);
const CONTROL_BUT_NEWLINE_TAB = new RegExp(`[${CONTROL_BUT_NEWLINE_TAB_CLASS}]`);
const BIDI = new RegExp(`[${BIDI_CLASS}]`);

const codePoint = (c: string) =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One text in one language: not empty, not longer than its kind allows, no invisible steering characters. */
const textString = (kind: 'short' | 'long') => {
  const max = kind === 'short' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
  const control = kind === 'short' ? CONTROL : CONTROL_BUT_NEWLINE_TAB;
  const what =
    kind === 'short'
      ? 'a short text (title, name, label)'
      : 'a long text (description, body, briefing, prompt)';
  return (
    z
      .string()
      .min(1)
      .max(max, {
        error: (issue) =>
          `${what} has at most ${max} characters; this one has ${String(issue.input).length}`,
      })
      .superRefine((v, ctx) => {
        const c = control.exec(v);
        if (c)
          ctx.addIssue({
            code: 'custom',
            params: {
              problem: 'control_character',
              kind,
              char: codePoint(c[0]),
              at: String(c.index + 1),
            },
            message: `control character ${codePoint(c[0])} at character ${c.index + 1}; ${
              kind === 'short'
                ? 'a short text is one line without control characters'
                : 'only newline and tab are allowed'
            }`,
          });
        const b = BIDI.exec(v);
        if (b)
          ctx.addIssue({
            code: 'custom',
            params: { problem: 'bidi_character', char: codePoint(b[0]), at: String(b.index + 1) },
            message: `bidirectional override or isolate character ${codePoint(b[0])} at character ${b.index + 1}; it can make a text display other than it reads, so it is not allowed`,
          });
      })
      // For editors that read the JSON Schema (the check above names the character and where it is).
      .meta({
        pattern: `^[^${kind === 'short' ? CONTROL_CLASS : CONTROL_BUT_NEWLINE_TAB_CLASS}${BIDI_CLASS}]*$`,
      })
  );
};

const localized = (kind: 'short' | 'long') =>
  z.union([
    textString(kind),
    z.strictObject({
      en: textString(kind),
      'sr-Latn': textString(kind).optional(),
      mk: textString(kind).optional(),
      sq: textString(kind).optional(),
      bs: textString(kind).optional(),
    }),
  ]);

/** A user-facing text: plain English, or English with translations beside it. Titles, names, labels. */
export const ShortText = localized('short');
/** The same for texts of several sentences: descriptions, bodies, briefings, prompts. */
export const LongText = localized('long');
/** Any user-facing text (the type both kinds share). */
export const Text = LongText;
export type Text = z.infer<typeof Text>;

export const PLAYABLE = ['required', 'optional', 'facilitator'] as const;
export const PERSON_KINDS = ['migrant', 'suspect', 'witness', 'official'] as const;
/** What a person got for what they did for the migrants (a person's `reward`). */
export const PERSON_REWARDS = ['nothing', 'money', 'in_kind'] as const;
export const VULNERABILITIES = [
  'injury',
  'hypothermia',
  'pregnancy',
  'trauma',
  'disability',
  'child',
  // Language 2: an injury that threatens life or lasting health (triggers the art. 2 duties after harm).
  'serious_injury',
  // An acute medical condition that is not an injury or hypothermia: heavy bleeding, unconsciousness,
  // collapse, chest pain, severe dehydration, labour. Like an injury, it calls for first aid at once.
  'acute_illness',
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];
export const WHEREABOUTS = [
  'present',
  'departed',
  'deported',
  'in_custody',
  'hospital',
  'reception',
  // Added for the scoring model (R32: a death in the case must be handled as such).
  'deceased',
] as const;
export const EVIDENCE_KINDS = [
  'physical',
  'digital',
  'testimony',
  'document',
  'financial',
  'forensic',
] as const;
/** Elements of the smuggling offence (and its aggravations) an evidence item can prove. */
export const OFFENCE_ELEMENTS = [
  'facilitation',
  'benefit',
  'organised_group',
  'aggravation_danger',
  'aggravation_children',
  'identity_of_organiser',
] as const;
export const ENDING_KINDS = [
  'conviction',
  'plea',
  'acquittal',
  'collapse',
  'hard_fail',
  'other',
] as const;

// ---------------------------------------------------------------------------
// Acts: procedural acts the rubric reads. Each kind has its own parameters.
// ---------------------------------------------------------------------------

const InterpreterQuality = z.enum([
  'certified',
  'uncertified',
  'co_national',
  'none',
  'not_needed',
]);
const Order = z.enum(['judicial', 'prosecutor', 'none']);

/** Parameters per act kind (empty object = the act has no parameters). */
export const ACT_PARAMS = {
  triage: z.strictObject({}),
  medical_care: z.strictObject({}),
  detain: z.strictObject({
    place: z.enum([
      'police_cell',
      'detention_centre',
      'closed_camp',
      'reception',
      'child_facility',
    ]),
    /** Individual written reasons were given for the detention. */
    reasons: z.boolean().optional(),
    /** A judge reviewed (or was asked to review) the detention promptly (judicial review). */
    review: z.boolean().optional(),
  }),
  release: z.strictObject({}),
  separate_suspects: z.strictObject({}),
  cuff_all: z.strictObject({}),
  interview: z.strictObject({
    purpose: z.enum(['screening', 'witness', 'suspect', 'child']),
    interpreter: InterpreterQuality,
    language: z.string().optional(),
    guardianPresent: z.boolean().optional(),
    lawyerPresent: z.boolean().optional(),
    recorded: z.boolean().optional(),
    individual: z.boolean().optional(),
    caution: z.boolean().optional(),
    /** Who interpreted, when the scenario lists them as a person (their ties are facts on that person). */
    interpretedBy: Id.optional(),
  }),
  deposition: z.strictObject({
    defenceNotified: z.boolean(),
    video: z.boolean(),
    interpreter: InterpreterQuality,
    interpretedBy: Id.optional(),
  }),
  register_asylum_intention: z.strictObject({}),
  refer_asylum: z.strictObject({}),
  request_guardian: z.strictObject({}),
  age_assessment: z.strictObject({ method: z.enum(['holistic', 'xray_only', 'none']) }),
  place_with_adults: z.strictObject({}),
  refer_trafficking_identification: z.strictObject({}),
  charge: z.strictObject({
    offence: z.enum(['smuggling', 'border_misdemeanour', 'trafficking', 'illegal_work']),
  }),
  non_punishment: z.strictObject({}),
  return_removal: z.strictObject({ individual: z.boolean(), riskAssessment: z.boolean() }),
  pushback: z.strictObject({}),
  handover_foreign: z.strictObject({}),
  /**
   * Language 2: why the consulate is told (an arrest or detention, a death, or anything else) and whether
   * the person consented. Whether the person asked for it is a fact on the person (`consulRequested`).
   */
  consular_notification: z.strictObject({
    reason: z.enum(['arrest', 'detention', 'death', 'other']),
    consent: z.boolean(),
  }),
  device_seizure: z.strictObject({}),
  device_search: z.strictObject({ order: Order }),
  migrant_phone_extraction: z.strictObject({
    consent: z.enum(['recorded', 'none']),
    order: z.boolean().optional(),
    scope: z.enum(['limited', 'blanket']),
  }),
  data_share: z.strictObject({ with: z.enum(['consulate', 'media', 'foreign_police']) }),
  images_to_media: z.strictObject({}),
  financial_investigation: z.strictObject({}),
  asset_freeze: z.strictObject({}),
  preserve_cctv: z.strictObject({}),
  mla_request: z.strictObject({}),
  informal_contact: z.strictObject({}),
  interception: z.strictObject({ order: z.boolean(), expired: z.boolean().optional() }),
  /**
   * An officer acting under a false identity (posing as a customer, a buyer, a member of the network).
   * `order`: the order that authorised the operation before it began, and whose (judicial, prosecutor, none).
   * Optional so that files written before it keep loading: without it the model reads the order from what
   * the operation obtained, and credits no authorisation when it obtained nothing (the checker warns, and a
   * catalogue scenario must state it).
   */
  undercover: z.strictObject({ incitement: z.boolean(), order: Order.optional() }),
  witness_protection: z.strictObject({
    measures: z.array(z.enum(['pseudonym', 'video', 'relocation', 'closed_hearing', 'other'])),
  }),
  controlled_stop: z.strictObject({}),
  /**
   * Language 2: a pursuit of a vehicle, described by what the law turns on (speed, where, who is on board,
   * whether less dangerous ways were weighed, whether a commander authorised it). Language 1's
   * `chase { reckless }` (a verdict written by the author) migrates to it.
   */
  pursuit: z.strictObject({
    speed: z.enum(['within_limits', 'high', 'extreme']),
    setting: z.enum(['open_road', 'populated_area', 'border_zone']),
    occupants: z.enum(['driver_only', 'passengers_on_board', 'unknown']),
    alternativesConsidered: z.boolean(),
    authorised: z.boolean(),
  }),
  /**
   * A civil-society organisation's access to the people; `filesDemanded`: the authorities demanded or took the
   * organisation's own notes or records of the people it assists.
   */
  cso_access: z.strictObject({ allowed: z.boolean(), filesDemanded: z.boolean().optional() }),
  /** An offer to a suspect in exchange for their cooperation: a formal agreement, or a promise off the record. */
  plea_agreement: z.strictObject({ formal: z.boolean() }),
  vehicle_search: z.strictObject({ witnessed: z.boolean(), sealed: z.boolean() }),
  keep_inside_vehicle: z.strictObject({}),
  open_vehicle: z.strictObject({}),
  // Added by the engine helper.
  osint_capture: z.strictObject({ hashed: z.boolean() }),
  preservation_request: z.strictObject({}),
  europol_contact: z.strictObject({}),
  jit_request: z.strictObject({}),
  video_hearing: z.strictObject({}),
  /**
   * What was done with a financial-intelligence (FIU) report: turned into evidence through orders to banks and
   * transfer operators (`converted`), or not (the report itself is what the file holds).
   */
  fiu_conversion: z.strictObject({ converted: z.boolean() }),
  requalify: z.strictObject({
    offence: z.enum(['smuggling', 'border_misdemeanour', 'trafficking', 'illegal_work']),
  }),
  reflection_period: z.strictObject({}),
  autopsy: z.strictObject({}),
  /**
   * Language 2: who investigates, whether they are independent of the unit involved, whether the inquiry
   * covers the state agents' own conduct, and whether the next of kin take part.
   */
  independent_inquiry: z.strictObject({
    by: z.enum(['same_unit', 'other_police_unit', 'prosecutor', 'independent_body']),
    coversStateAgents: z.boolean(),
    familyParticipation: z.boolean(),
  }),
  // Language 2: what happens after a death or serious injury, act by act.
  secure_scene: z.strictObject({}),
  identify_deceased: z.strictObject({}),
  notify_family: z.strictObject({}),
  release_body: z.strictObject({}),
  /** Language 2: a witness's identity disclosed (where), and whether the risk to them was assessed first. */
  disclose_witness_identity: z.strictObject({
    in: z.enum(['indictment', 'public_hearing', 'media', 'defence_file']),
    riskAssessed: z.boolean(),
  }),
  refer_cso: z.strictObject({}),
  voluntary_return_offer: z.strictObject({}),
  alternatives_to_detention: z.strictObject({}),
  rights_information: z.strictObject({ language: z.string().optional() }),
  lawyer_access: z.strictObject({}),
  /**
   * Language 2: an evidence item already in the file changes hands or leaves the evidence store, and whether
   * the hand-over was written into its custody record. What that means for the item is the model's call.
   */
  custody_transfer: z.strictObject({ evidence: Id, recorded: z.boolean() }),
} as const;

export type ActKind = keyof typeof ACT_PARAMS;
export const ACT_KINDS = Object.keys(ACT_PARAMS) as [ActKind, ...ActKind[]];
export const ActKindSchema = z.enum(ACT_KINDS);
/** The parameters of one act kind, e.g. `ActParams<'interview'>`. */
export type ActParams<K extends ActKind> = z.infer<(typeof ACT_PARAMS)[K]>;

/** Groups an act can target instead of naming people. */
export const PERSON_GROUPS = ['all_migrants', 'all_suspects', 'all_people'] as const;

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

/** Attributes of a person that conditions can test and effects can change. */
export const PERSON_ATTRS = [
  'kind',
  'claimedAge',
  'apparentAge',
  'nationality',
  'languages',
  'vulnerabilities',
  'asylumExpressed',
  'traffickingIndicators',
  'whereabouts',
  'smuggled',
  'accompanied',
  'guardian',
  'count',
  'fearsRetaliation',
  'consulRequested',
  'withdrawn',
] as const;
export type PersonAttr = (typeof PERSON_ATTRS)[number];

const personAttrShape = {
  kind: z.enum(PERSON_KINDS),
  claimedAge: z.number().int().nonnegative().optional(),
  apparentAge: z.number().int().nonnegative().optional(),
  nationality: z.string().optional(),
  languages: z.array(z.string().min(1)),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  asylumExpressed: z.boolean(),
  traffickingIndicators: z.array(z.string().min(1)),
  whereabouts: z.enum(WHEREABOUTS),
  smuggled: z.boolean(),
  accompanied: z.boolean().optional(),
  guardian: z.boolean().optional(),
  /** A person entry may stand for a group of similar people (e.g. "30 adult passengers"). */
  count: z.number().int().positive().optional(),
  /** Language 2: the person says they fear retaliation (by the network or others) for testifying. */
  fearsRetaliation: z.boolean(),
  /** Language 2: the person asked for their consulate to be told (VCCR art. 36(1)(b) turns on it). */
  consulRequested: z.boolean(),
  /** Language 2: the witness has withdrawn their statement and will not testify (after threats, say). */
  withdrawn: z.boolean(),
};

export const Person = z.strictObject({
  id: Id,
  name: ShortText,
  ...personAttrShape,
  vulnerabilities: personAttrShape.vulnerabilities.default([]),
  traffickingIndicators: personAttrShape.traffickingIndicators.default([]),
  asylumExpressed: personAttrShape.asylumExpressed.default(false),
  smuggled: personAttrShape.smuggled.default(false),
  whereabouts: personAttrShape.whereabouts.default('present'),
  fearsRetaliation: personAttrShape.fearsRetaliation.default(false),
  consulRequested: personAttrShape.consulRequested.default(false),
  withdrawn: personAttrShape.withdrawn.default(false),
  /** Agencies that know about this person from the start (default: every agency). */
  knownTo: z.array(Id).optional(),
  /** Attributes nobody knows until an `observe` effect reveals them to an agency. */
  hidden: z.array(z.enum(PERSON_ATTRS)).optional(),
  /**
   * People this person is related to or tied to (family, employer, the same network): facts about who
   * knows whom, which matter when this person interprets, guards or speaks for someone.
   */
  linkedTo: z.array(Id).optional(),
  /**
   * Language 2: agencies whose officers were acting on this person (intercepting, chasing, arresting,
   * holding them) when the death or serious injury the scenario starts with happened, before minute 0.
   * A fact of who was there; what it means for the inquiry that is owed is the model's call. Harm that
   * happens in play is read from the acts that lead to it.
   */
  stateAgentsPresent: z.array(Id).optional(),
  /**
   * Language 2: what this person got for what they did for the migrants in the case (a lift, a night's
   * shelter, food, showing the way): `nothing`, `money`, or `in_kind` (goods, a service, anything else of
   * value). A fact of who was paid, as the person, the passengers or the records tell it; unstated where
   * the scenario does not say. What it means for a charge is the model's call.
   */
  reward: z.enum(PERSON_REWARDS).optional(),
});
export type Person = z.infer<typeof Person>;

/**
 * What a document or an evidence item says about a person (a date of birth in a passport, a message naming
 * a boy travelling alone, a medical note): whoever can read it knows the person and these facts.
 */
export const Mention = z.strictObject({
  person: Id,
  /** The age the document gives (from a date of birth, say). */
  age: z.number().int().nonnegative().optional(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).optional(),
  accompanied: z.boolean().optional(),
  asylumExpressed: z.boolean().optional(),
  traffickingIndicators: z.array(z.string().min(1)).optional(),
  fearsRetaliation: z.boolean().optional(),
});
export type Mention = z.infer<typeof Mention>;

/** What a `person` effect may change. */
export const PersonSet = z.strictObject({
  kind: personAttrShape.kind.optional(),
  claimedAge: personAttrShape.claimedAge,
  apparentAge: personAttrShape.apparentAge,
  nationality: personAttrShape.nationality,
  languages: personAttrShape.languages.optional(),
  vulnerabilities: personAttrShape.vulnerabilities.optional(),
  asylumExpressed: personAttrShape.asylumExpressed.optional(),
  traffickingIndicators: personAttrShape.traffickingIndicators.optional(),
  whereabouts: personAttrShape.whereabouts.optional(),
  smuggled: personAttrShape.smuggled.optional(),
  accompanied: personAttrShape.accompanied,
  guardian: personAttrShape.guardian,
  count: personAttrShape.count,
  fearsRetaliation: personAttrShape.fearsRetaliation.optional(),
  consulRequested: personAttrShape.consulRequested.optional(),
  withdrawn: personAttrShape.withdrawn.optional(),
});
export type PersonSet = z.infer<typeof PersonSet>;

// ---------------------------------------------------------------------------
// Conditions (data only)
// ---------------------------------------------------------------------------

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

export const COMPARE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

const exactlyOneOp = (ops: readonly string[]) => (v: Record<string, unknown>) =>
  ops.filter((op) => v[op] !== undefined).length === 1;

const FactCondition = z
  .strictObject({
    fact: Id,
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .refine(exactlyOneOp(COMPARE_OPS), {
    message: 'a fact condition needs exactly one of eq, ne, gt, gte, lt, lte',
    params: { problem: 'fact_condition_ops' },
  });

const PersonCondition = z
  .strictObject({
    person: Id,
    attr: z.enum(PERSON_ATTRS),
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    /** For list attributes (vulnerabilities, languages, traffickingIndicators): contains this value. */
    has: z.string().optional(),
  })
  .refine(exactlyOneOp([...COMPARE_OPS, 'has']), {
    message: 'a person condition needs exactly one of eq, ne, gt, gte, lt, lte, has',
    params: { problem: 'person_condition_ops' },
  });

const TimeCondition = z.strictObject({
  time: z
    .strictObject({ gte: Minutes.optional(), lt: Minutes.optional() })
    .refine((t) => t.gte !== undefined || t.lt !== undefined, {
      message: 'a time condition needs gte and/or lt (scenario minutes)',
      params: { problem: 'time_condition_empty' },
    }),
});

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ fact: string } & Partial<Record<CompareOp, Scalar>>)
  | ({ person: string; attr: PersonAttr; has?: string } & Partial<Record<CompareOp, Scalar>>)
  | { evidence: string; status: 'obtained' | 'missing' | 'admissible' | 'tainted' }
  | { request: string; status: 'none' | 'pending' | 'granted' | 'refused' }
  | { inject: string; released: boolean }
  | { time: { gte?: number; lt?: number } }
  | { decided: string; option?: string }
  | { phase: string }
  | { act: ActKind; person?: string };

/** What the checker says of a condition written as text (or code) instead of data. */
export const CONDITION_AS_TEXT =
  'a condition must be structured data such as { fact: my_fact, eq: true }; text or code is not allowed';

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
      FactCondition,
      PersonCondition,
      z.strictObject({
        evidence: Id,
        status: z.enum(['obtained', 'missing', 'admissible', 'tainted']),
      }),
      z.strictObject({ request: Id, status: z.enum(['none', 'pending', 'granted', 'refused']) }),
      z.strictObject({ inject: Id, released: z.boolean() }),
      TimeCondition,
      z.strictObject({ decided: Id, option: Id.optional() }),
      z.strictObject({ phase: Id }),
      z.strictObject({ act: ActKindSchema, person: Id.optional() }),
    ],
    {
      error: (iss) => (typeof iss.input === 'string' ? CONDITION_AS_TEXT : undefined),
    },
  ),
);

// ---------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------

export const Provenance = z.strictObject({
  order: Order,
  interpreter: InterpreterQuality,
  consent: z.enum(['recorded', 'none', 'not_needed']),
  custody: z.enum(['kept', 'broken']),
});
export type Provenance = z.infer<typeof Provenance>;

const ActTarget = {
  person: Id.optional(),
  persons: z.array(Id).optional(),
  group: z.enum(PERSON_GROUPS).optional(),
};

/** One strict object per act kind; `params` is required when the kind has required parameters. */
const actVariants = ACT_KINDS.map((kind) => {
  const params = ACT_PARAMS[kind] as z.ZodObject;
  const hasRequired = Object.values(params.shape).some(
    (s) => !(s as z.ZodType).safeParse(undefined).success,
  );
  return z.strictObject({
    act: z.literal(kind),
    ...ActTarget,
    params: hasRequired ? params : params.optional(),
  });
});

/** The act effect (typed per kind below; the schema is one discriminated union over `act`). */
export const ActEffect: z.ZodType<ActEffect> = z.discriminatedUnion(
  'act',
  actVariants as unknown as [(typeof actVariants)[number], ...(typeof actVariants)[number][]],
) as unknown as z.ZodType<ActEffect>;

export type ActEffect = {
  [K in ActKind]: {
    act: K;
    person?: string;
    persons?: string[];
    group?: (typeof PERSON_GROUPS)[number];
    params?: ActParams<K>;
  };
}[ActKind];

export type Effect =
  | { set: string; value: Scalar }
  | { inc: string; by: number }
  | { reveal: string; to: string[] }
  | { evidence: string; obtained: Provenance; by?: string }
  /**
   * Deprecated: an author's verdict that an item is inadmissible. Still read (uploaded files keep working, with
   * a warning); catalogue scenarios state the facts instead and the model derives the exclusion.
   */
  | { taint: string; reason?: Text }
  | { person: string; set: PersonSet }
  | { observe: string; to: string[]; attrs?: PersonAttr[] }
  | ActEffect
  | { request: string }
  | { inject: string; after?: number }
  | { goto: string }
  | { end: string }
  | { if: Condition; then: Effect[]; else?: Effect[] };

export const Effect: z.ZodType<Effect> = z.lazy(() =>
  z.union([
    z.strictObject({ set: Id, value: Scalar }),
    z.strictObject({ inc: Id, by: z.number().int() }),
    z.strictObject({ reveal: Id, to: z.array(Id).min(1) }),
    z.strictObject({ evidence: Id, obtained: Provenance, by: Id.optional() }),
    z.strictObject({ taint: Id, reason: Text.optional() }),
    z.strictObject({ person: Id, set: PersonSet }),
    z.strictObject({
      observe: Id,
      to: z.array(Id).min(1),
      attrs: z.array(z.enum(PERSON_ATTRS)).optional(),
    }),
    ActEffect,
    z.strictObject({ request: Id }),
    z.strictObject({ inject: Id, after: Minutes.optional() }),
    z.strictObject({ goto: Id }),
    z.strictObject({ end: Id }),
    z.strictObject({ if: Condition, then: z.array(Effect), else: z.array(Effect).optional() }),
  ]),
);

// ---------------------------------------------------------------------------
// Scenario parts
// ---------------------------------------------------------------------------

export const Agency = z.strictObject({
  id: Id,
  name: ShortText,
  /**
   * A few words for dense places (timelines, team cards, request queues): "Border Police Horgoš"
   * where `name` says "Border Police — Horgoš station (Regional Border Police Centre towards
   * Hungary)". Without it, the full name is shown everywhere.
   */
  shortName: ShortText.optional(),
  playable: z.enum(PLAYABLE),
  briefing: Text,
  /**
   * The agency is a court or a judge (an investigating judge, a judge for the preliminary proceedings): what
   * it grants is a judicial order, custody it orders is under judicial control. Unset, an agency whose id
   * says judge or court is read as one (scenarios written before this field).
   */
  judicial: z.boolean().optional(),
});
export type Agency = z.infer<typeof Agency>;

export const Fact = z
  .strictObject({
    id: Id,
    type: z.enum(['boolean', 'counter', 'enum']),
    initial: Scalar,
    values: z.array(z.string().min(1)).min(1).optional(),
    description: Text.optional(),
    /** Agencies that see the current value in their view (default: nobody; facts are internal). */
    visibleTo: z.array(Id).optional(),
  })
  .superRefine((f, ctx) => {
    const bad = (message: string, params: Record<string, string>) =>
      ctx.addIssue({ code: 'custom', path: ['initial'], message, params });
    if (f.type === 'boolean' && typeof f.initial !== 'boolean')
      bad('a boolean fact starts as true or false', { problem: 'fact_starts_boolean' });
    if (f.type === 'counter' && (typeof f.initial !== 'number' || !Number.isInteger(f.initial)))
      bad('a counter fact starts as a whole number', { problem: 'fact_starts_whole_number' });
    if (f.type === 'enum') {
      if (!f.values)
        ctx.addIssue({
          code: 'custom',
          path: ['values'],
          message: 'an enum fact lists its values',
          params: { problem: 'enum_fact_without_values' },
        });
      else if (typeof f.initial !== 'string' || !f.values.includes(f.initial))
        bad(`an enum fact starts as one of its values (${f.values.join(', ')})`, {
          problem: 'enum_fact_starts_value',
          values: f.values.join(', '),
        });
    }
  });
export type Fact = z.infer<typeof Fact>;

export const Resource = z.strictObject({
  id: Id,
  name: ShortText,
  kind: z.enum(['interpreter', 'other']),
  language: z.string().optional(),
  certified: z.boolean().optional(),
  /** How many are available from `from` (inclusive) to `to` (exclusive; open-ended if absent). */
  available: z
    .array(
      z.strictObject({
        from: Minutes,
        to: Minutes.optional(),
        count: z.number().int().nonnegative(),
      }),
    )
    .min(1),
});
export type Resource = z.infer<typeof Resource>;

export const DocumentDef = z.strictObject({
  id: Id,
  title: ShortText,
  body: Text,
  visibleTo: z.array(Id),
  /** Scenario minute from which the listed agencies see it (default 0). */
  from: Minutes.optional(),
  /** Need-to-know: a restricted item must never reach an agency outside `visibleTo`. */
  restricted: z.boolean().default(false),
  /** What the document says about people, as facts (its body says it in words). */
  about: z.array(Mention).optional(),
});
export type DocumentDef = z.infer<typeof DocumentDef>;

export const EvidenceDef = z.strictObject({
  id: Id,
  title: ShortText,
  kind: z.enum(EVIDENCE_KINDS),
  element: z.array(z.enum(OFFENCE_ELEMENTS)),
  /** Where it comes from: a person id or a short description. */
  source: z.string().min(1),
  /** Which independent source it stands on (items sharing one source corroborate less). */
  independentSource: z.string().min(1),
  derivedFrom: z.array(Id).optional(),
  visibleTo: z.array(Id),
  restricted: z.boolean().default(false),
  /** The lawful order this item needs; obtaining it with a weaker order taints it. */
  needsOrder: z.enum(['judicial', 'prosecutor']).optional(),
  description: Text.optional(),
  /** What the item says about people, as facts (a message naming a child travelling alone, say). */
  about: z.array(Mention).optional(),
});
export type EvidenceDef = z.infer<typeof EvidenceDef>;

/** Author rule ids: the brief's R-numbers (R07) or rubric rule ids (RIGHTS.DETENTION.NO_REVIEW). */
export const ANNOTATION_RULE = /^(R\d{2}|[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+)$/;

export const Annotation = z.strictObject({
  rule: z.string().regex(ANNOTATION_RULE, {
    message: 'rule ids look like R07 or a rubric rule id such as RIGHTS.DETENTION.NO_REVIEW',
  }),
  points: z.number().int(),
  axis: z.enum(['evidence', 'rights']),
  note: Text.optional(),
});

export const Option = z.strictObject({
  id: Id,
  label: ShortText,
  timeCost: Minutes,
  when: Condition.optional(),
  requires: z.strictObject({ request: Id, status: z.literal('granted') }).optional(),
  /** A scarce resource this option books (e.g. an interpreter) for `minutes` (default: the time cost). */
  uses: z
    .strictObject({
      resource: Id,
      count: z.number().int().positive().default(1),
      minutes: Minutes.optional(),
    })
    .optional(),
  effects: z.array(Effect).default([]),
  /**
   * Feedback an author wrote on the option. No longer shown: trainees get the legal model's findings
   * on their decisions instead (a scenario states facts, the model judges them). Accepted so that
   * older files still load; the verdict check reports it (verdicts.ts).
   */
  debrief: Text.optional(),
  annotations: z.array(Annotation).optional(),
});
export type Option = z.infer<typeof Option>;

export const Decision = z.strictObject({
  id: Id,
  title: ShortText,
  prompt: Text,
  agencies: z.array(Id).min(1),
  when: Condition.optional(),
  /** Agencies that must all sign the same option (joint.signed) before it applies. */
  joint: z.array(Id).min(2).optional(),
  repeatable: z.boolean().default(false),
  options: z.array(Option).min(1),
});
export type Decision = z.infer<typeof Decision>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Which problem a value that does not fit a pattern is (the checker's problems.ts kinds). */
export const FORMAT_PROBLEMS: readonly {
  pattern: RegExp;
  code: 'bad_id' | 'bad_scenario_id' | 'bad_version' | 'bad_clock_time' | 'bad_rule_id';
}[] = [
  { pattern: ID_PATTERN, code: 'bad_id' },
  { pattern: SCENARIO_ID_PATTERN, code: 'bad_scenario_id' },
  { pattern: VERSION_PATTERN, code: 'bad_version' },
  { pattern: HHMM, code: 'bad_clock_time' },
  { pattern: ANNOTATION_RULE, code: 'bad_rule_id' },
];

/**
 * When a phase's story begins, on the scenario's own calendar (Day 1 is the day of `startTime`).
 * A team that enters the phase earlier has its clock moved on to this moment, as if the time
 * in between had passed; a team already later keeps its clock.
 */
export const PhaseBegins = z.strictObject({
  day: z.number().int().min(1),
  time: z.string().regex(HHMM, { message: 'time is HH:MM, e.g. 08:00' }),
});
export type PhaseBegins = z.infer<typeof PhaseBegins>;

export const Phase = z.strictObject({
  id: Id,
  title: ShortText,
  description: Text,
  /** When the phase's story begins (needs the scenario's startTime). */
  begins: PhaseBegins.optional(),
  decisions: z.array(Decision).default([]),
  onEnter: z.array(Effect).optional(),
});
export type Phase = z.infer<typeof Phase>;

const minutesOfDay = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Scenario minute at which a phase's story begins: Day 1 at startTime is minute 0. Negative
 * when the moment lies before the start (Day 1 earlier than startTime), which validation rejects.
 */
export function beginsMinute(begins: PhaseBegins, startTime: string): number {
  return (begins.day - 1) * 1440 + minutesOfDay(begins.time) - minutesOfDay(startTime);
}

export const RequestDef = z.strictObject({
  id: Id,
  title: ShortText,
  body: Text.optional(),
  from: z.array(Id).min(1),
  to: Id,
  durationMinutes: Minutes,
  /** May a `from` agency send it directly (request.sent), not only through an option? Default true. */
  sendable: z.boolean().default(true),
  when: Condition.optional(),
  grantEffects: z.array(Effect).optional(),
  refuseEffects: z.array(Effect).optional(),
});
export type RequestDef = z.infer<typeof RequestDef>;

export const Inject = z.strictObject({
  id: Id,
  title: ShortText,
  body: Text,
  to: z.array(Id),
  release: z.union([
    z.literal('facilitator'),
    z.strictObject({ at: Minutes }),
    z.strictObject({ when: Condition }),
    z.literal('effect'),
  ]),
  effects: z.array(Effect).optional(),
});
export type Inject = z.infer<typeof Inject>;

export const Ending = z.strictObject({
  id: Id,
  title: ShortText,
  description: Text,
  when: Condition.optional(),
  kind: z.enum(ENDING_KINDS),
});
export type Ending = z.infer<typeof Ending>;

/** The scenario language version this code reads; files without `language` are 1.x and migrated. */
export const LANGUAGE_VERSION = 2;

export const Scenario = z.strictObject({
  /** Scenario language version (2). A file without it is language 1.x and is migrated when read. */
  language: z.literal(LANGUAGE_VERSION).default(LANGUAGE_VERSION),
  id: z.string().regex(SCENARIO_ID_PATTERN, { message: 'a scenario id is kebab-case' }),
  version: z.string().regex(VERSION_PATTERN, { message: 'version is semver, e.g. 1.0.0' }),
  title: ShortText,
  summary: Text,
  objectives: z.array(Text).default([]),
  durationMinutes: z.number().int().positive(),
  /**
   * Time of day at scenario minute 0, which is Day 1 ("03:10"). With it, clocks read as the
   * phases do ("Day 4, 09:10"); without it, as time elapsed since the start ("3 d 6 h").
   */
  startTime: z.string().regex(HHMM, { message: 'startTime is HH:MM, e.g. 03:10' }).optional(),
  contentWarnings: z.array(Text).default([]),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  /**
   * The country where the case is investigated (ISO 3166-1 alpha-2: RS, MK, BA, ME, AL, XK, HR, HU):
   * the debrief cites its law, and its official languages are the officers' working languages.
   * Without it, Serbia (RS).
   */
  country: z.enum(COUNTRIES).optional(),
  /**
   * Languages the investigating officers speak (person-language codes such as `sr`, `mk`, `sq`, `hu`),
   * where they differ from the country's official ones (a Hungarian-speaking unit in Vojvodina, say).
   * A person who speaks none of them needs an interpreter.
   */
  workingLanguages: z.array(z.string().min(1)).min(1).optional(),
  agencies: z.array(Agency).min(1),
  people: z.array(Person).default([]),
  facts: z.array(Fact).default([]),
  resources: z.array(Resource).default([]),
  documents: z.array(DocumentDef).default([]),
  evidence: z.array(EvidenceDef).default([]),
  /** The first phase the run starts in (default: the first listed). */
  start: Id.optional(),
  phases: z.array(Phase).min(1),
  requests: z.array(RequestDef).default([]),
  injects: z.array(Inject).default([]),
  endings: z.array(Ending).min(1),
  timeLimitMinutes: z.number().int().positive().optional(),
  timeLimitEnding: Id.optional(),
});
/** A validated scenario (defaults filled in). */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof Scenario>;

/** English text of a Text value. */
export function textEn(t: Text): string {
  return typeof t === 'string' ? t : t.en;
}

/** Text in the wanted language, falling back to English. */
export function textIn(t: Text, lang: Language): string {
  if (typeof t === 'string') return t;
  return (lang === 'en' ? undefined : t[lang]) ?? t.en;
}
