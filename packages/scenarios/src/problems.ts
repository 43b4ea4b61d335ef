/**
 * Every kind of problem the scenario checker reports, with the values each kind carries. An editor
 * words a problem in its reader's language from its code and values; the English `message` beside
 * them is for the command line (and for an editor older than a kind).
 *
 * A value is either free (`TEXT`: an id, a field name, a number, the parser's own words) or one of
 * a few words, listed, which an editor translates (`got: nothing`, `what: phase`). A value marked
 * optional may be left out. This list is what tests check an editor's translations against, so a
 * kind added here without its translations fails them.
 */

import { PROBLEM_EXPECTED, PROBLEM_GOT, PROBLEM_WHAT } from '@crossroads/shared';

/** A free value: ids, field names, numbers and the like, shown as they are. */
export const TEXT = 'text';
/** A free value that may be missing. */
export const OPTIONAL_TEXT = 'optional text';

/** The words of `got`, `expected` and `what`, which the studio translates (the shared contract). */
export const GOT = PROBLEM_GOT;
export const EXPECTED = PROBLEM_EXPECTED;
export const WHAT = PROBLEM_WHAT;

type ValueKind = typeof TEXT | typeof OPTIONAL_TEXT | readonly string[];

const got = { got: GOT, value: OPTIONAL_TEXT } as const;
const shortOrLong = ['short', 'long'] as const;

export const PROBLEM_KINDS = {
  // -- the file's shape ------------------------------------------------------------
  missing_field: { field: TEXT },
  unknown_field: { field: TEXT },
  expected_type: { expected: EXPECTED, ...got },
  one_of: { values: TEXT, ...got },
  /** A list item that is missing (`expected` says what it should have been). */
  missing_item: { expected: EXPECTED },
  /** A part whose kind field names no kind (`act: arrestt`). */
  unknown_kind: { field: TEXT, ...got },
  /** A value that fits none of the forms a place allows. */
  unexpected_value: { ...got },
  /** A key with a space: a text split at a comma. */
  text_split_at_comma: { field: TEXT },
  /** A field indented into the text above it. */
  field_inside_text: { field: TEXT, text: TEXT },
  /** A clock time where scenario minutes are expected. */
  clock_time_not_minutes: { value: TEXT },
  condition_as_text: {},
  bad_id: {},
  bad_scenario_id: {},
  bad_version: {},
  /** A time that is not HH:MM (`field`: time or startTime). */
  bad_clock_time: { field: TEXT },
  bad_rule_id: {},
  text_too_long: { kind: shortOrLong, max: TEXT, length: TEXT },
  /** `char` is the code point (U+0007), `at` the 1-based character. */
  control_character: { kind: shortOrLong, char: TEXT, at: TEXT },
  bidi_character: { char: TEXT, at: TEXT },
  fact_condition_ops: {},
  person_condition_ops: {},
  time_condition_empty: {},
  fact_starts_boolean: {},
  fact_starts_whole_number: {},
  enum_fact_without_values: {},
  enum_fact_starts_value: { values: TEXT },
  /**
   * Below a lower limit: an empty text (`text`), a list with fewer than `minimum` items (`list`), a
   * number below `minimum` (`at_least`) or not above it (`above`).
   */
  too_small: { limit: ['text', 'list', 'at_least', 'above'], minimum: TEXT },
  /** A rule of the file's shape the checker has no words of its own for (`detail`: zod's). */
  invalid: { detail: TEXT },

  // -- reading the file -------------------------------------------------------------
  json_syntax: { detail: TEXT },
  /** `reason` says what is wrong in words (`parser`: only the parser's); `detail` is the parser's. */
  yaml_syntax: { reason: ['tab', 'indent', 'duplicate_key', 'parser'], detail: TEXT },
  too_deep: { max: TEXT },
  unreadable: { detail: TEXT },

  // -- references and values ---------------------------------------------------------
  unknown_ref: { what: WHAT, id: TEXT, known: TEXT },
  duplicate_id: { what: WHAT, id: TEXT },
  duplicate_option: { id: TEXT, decision: TEXT },
  id_both_document_and_evidence: { id: TEXT },
  unknown_option: { decision: TEXT, option: TEXT },
  unknown_revealed: { id: TEXT },
  facilitator_cannot_decide: { agency: TEXT },
  fact_needs_boolean: { fact: TEXT, op: TEXT },
  fact_needs_number: { fact: TEXT, op: TEXT },
  fact_needs_value: { fact: TEXT, values: TEXT, ...got },
  compare_needs_counter: { fact: TEXT, op: TEXT },
  inc_needs_counter: { fact: TEXT, type: ['boolean', 'enum'] },
  has_needs_list: { attr: TEXT },
  compare_needs_number: { attr: TEXT, op: TEXT },
  list_needs_has: { attr: TEXT },
  attr_needs_boolean: { attr: TEXT },
  empty_time_window: {},
  act_one_target: {},
  person_linked_to_self: {},
  evidence_derived_from_self: {},
  agency_listed_twice: { agency: TEXT },
  resource_never_enough: { resource: TEXT, needed: TEXT },
  begins_without_start_time: {},
  begins_before_start: { startTime: TEXT },
  time_limit_pair: {},

  // -- the whole scenario -------------------------------------------------------------
  ending_never_happens: { ending: TEXT },
  phase_cycle: { phases: TEXT },
  phase_without_ending: { phase: TEXT },
  no_translation: { lang: TEXT },
  many_missing_translations: { lang: TEXT, missing: TEXT, listed: TEXT },

  // -- facts, not conclusions (verdicts.ts) ---------------------------------------------
  /** A text naming a rubric rule (`rule`: the id as written). */
  rule_named_in_text: { rule: TEXT },
  /** A fact whose id states a legal conclusion (`word`: the verdict word in it). */
  verdict_fact_id: { fact: TEXT, word: TEXT },
  /** A value of an enum fact that states a legal conclusion. */
  verdict_fact_value: { fact: TEXT, value: TEXT, word: TEXT },
  /** An option rating itself with a rubric rule (`points` signed, `axis` evidence or rights). */
  option_rates_itself: { rule: TEXT, points: TEXT, axis: ['evidence', 'rights'] },
  /** An option with its own feedback text (`debrief`): the legal model's findings are the feedback. */
  option_feedback_authored: {},
  /** An undercover act without the order in force before it. */
  undercover_order_unstated: {},

  // -- warnings -------------------------------------------------------------------------
  taint_deprecated: {},
  hours_in_resource_name: { resource: TEXT, hours: TEXT },
  phase_goes_back: { phase: TEXT, to: TEXT },
  /** A language 1 `chase` rewritten as `pursuit` (`reckless`: true or false). */
  migrated_chase: { reckless: ['true', 'false'] },
  migrated_chase_condition: {},
  migrated_inquiry: {},
  migrated_consular_notification: {},

  // -- after the checker ----------------------------------------------------------------
  /** The engine refused a scenario the checker passed (a bug; `detail`: its words). */
  cannot_compile: { detail: TEXT },
} as const satisfies Record<string, Record<string, ValueKind>>;

export type ProblemCode = keyof typeof PROBLEM_KINDS;
export type ProblemParams = Record<string, string>;

type Kinds = typeof PROBLEM_KINDS;
type ValueOf<V> = V extends readonly string[] ? V[number] : string;
/** The values of one kind: its listed words where it has them, optional ones optional. */
export type ParamsOf<C extends ProblemCode> = {
  -readonly [K in keyof Kinds[C] as Kinds[C][K] extends typeof OPTIONAL_TEXT ? never : K]: ValueOf<
    Kinds[C][K]
  >;
} & {
  -readonly [K in keyof Kinds[C] as Kinds[C][K] extends typeof OPTIONAL_TEXT ? K : never]?: string;
};

/** A problem's code and its values, as the checker attaches them to a message. */
export interface Coded {
  code: ProblemCode;
  params: ProblemParams;
}

/** A problem's code and values, typed by its kind (so a value cannot be forgotten or misnamed). */
export function coded<C extends ProblemCode>(code: C, params: ParamsOf<C>): Coded {
  return { code, params: params as ProblemParams };
}

/** Every kind of problem the checker reports (for editors and their tests). */
export const PROBLEM_CODES = Object.keys(PROBLEM_KINDS) as ProblemCode[];
