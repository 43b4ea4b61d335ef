/**
 * The rubric is data: rule ids, axes, points, legal bases and explanations.
 * The scoring model (src/scoring) decides WHEN a rule applies; the rubric decides HOW MUCH it weighs
 * and WHY. Versions live side by side so a run can be re-scored under another version.
 */

/** The two scoring axes. */
export type Axis = 'evidence' | 'rights';
/** A rule may weigh on one axis or both (one scored item per axis is produced). */
export type RuleAxis = Axis | 'both';

/**
 * Flags from the rubric sketch: HARD_FAIL (a non-derogable breach: red line), TAINT (the evidence obtained
 * through the act is excluded, and so is what derives from it), WITNESS_LOST (a witness left before a usable
 * deposition).
 */
export type RuleFlag = 'HARD_FAIL' | 'TAINT' | 'WITNESS_LOST';

/** Languages every rubric text is written in (`validateRubric` checks each rule, situation and note). */
export const RUBRIC_LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
export type RubricLang = (typeof RUBRIC_LANGUAGES)[number];
/**
 * A text shown to people: English and Serbian (Latin) always, Macedonian, Albanian and Bosnian
 * where written (rubric texts always have them; texts the scoring composes may not, and readers
 * then get English).
 */
export interface LocalText {
  en: string;
  'sr-Latn': string;
  mk?: string;
  sq?: string;
  bs?: string;
}

/** A text written in every rubric language (nothing optional). */
export type EveryLanguage = Record<RubricLang, string>;

/** One legal source: an instrument and article, or a judgment. */
export interface LegalBasis {
  /** Instrument, e.g. "ECHR", or the court for case law, e.g. "ECtHR" (English: the key SOURCES.md lists). */
  instrument: string;
  /**
   * The whole citation as a reader of each language finds it: the instrument's official name there,
   * the article with that language's abbreviation ("чл. 3", "neni 3"), a judgment with its court.
   */
  text: EveryLanguage;
  /** Article or paragraph, e.g. "art. 3" or "art. 16(1), (3)". */
  article?: string;
  /** Case name and reference, e.g. "Shahzad v. Hungary, no. 12625/17, 8 July 2021". */
  case?: string;
  /** True where a national article number has not been checked against the primary text. */
  verify?: boolean;
}

/**
 * How the scoring model reaches the rule:
 * - `model`: detected from acts and state on any path (no annotation needed);
 * - `case`: detected from the case file at the end of the run;
 * - `annotation`: only scenario authors' option annotations award it.
 */
export type Detection = 'model' | 'case' | 'annotation';

export interface RubricRule {
  /** Stable id, e.g. RIGHTS.NONREFOULEMENT.PUSHBACK. Never reused for a different meaning. */
  id: string;
  /** Situations of the rubric sketch this rule implements (R01..R38). */
  sketch: string[];
  axis: RuleAxis;
  /** Points per axis: evidence −3..+3, rights −4..+2. Exactly the axes named by `axis`. */
  points: Partial<Record<Axis, number>>;
  flags?: RuleFlag[];
  detection: Detection;
  /**
   * How many items of this rule count towards a team's score. Gains default to 1 (no farming by repetition),
   * losses to 3 (each separate breach counts, up to a point). Items over the cap are listed, not counted.
   */
  maxCount?: number;
  title: LocalText;
  explanation: LocalText;
  legalBasis: LegalBasis[];
  /**
   * For a loss on the rights axis: the finding against the state it supports, as a court would name it
   * ("ECHR art. 2, procedural limb"). Listed beside the criminal case's outcome, never instead of it.
   */
  accountability?: LocalText;
}

/** Deadlines in scenario minutes the model checks (data, so a rubric version can change them). */
export interface RubricDeadlines {
  /** First aid / triage for a person injured, hypothermic or otherwise in acute distress. */
  firstAid: number;
  /** Medical care (EMS, hospital) for an injured, hypothermic, acutely ill or pregnant person. */
  medicalCare: number;
  /**
   * Registration of / referral on an expressed asylum intention (Serbian law: 72 h window). Null where
   * the rubric applies no fixed window (a country whose window is not established, see
   * src/rubric/jurisdiction.ts): acting on the wish is then not scored late, only never.
   */
  asylumRegistration: number | null;
  /** Request of a temporary guardian for a (presumed) child. */
  guardian: number;
  /** Referral for victim identification once trafficking indicators are known. */
  traffickingReferral: number;
  /** Written reasons and judicial review of a deprivation of liberty. */
  judicialReview: number;
  /** CCTV/ANPR/toll data preserved in full. */
  cctvFull: number;
  /** CCTV/ANPR/toll data preserved in part (after this it is overwritten). */
  cctvPartial: number;
}

export interface RubricScoring {
  /** Rights score = clamp(rightsBase + rightsPerPoint × Σ counted rights points, 0, 100). */
  rightsBase: number;
  rightsPerPoint: number;
  /** Process component = clamp(processBase + processPerPoint × Σ counted evidence points, 0, 100). */
  processBase: number;
  processPerPoint: number;
  /** Evidence score = caseWeight × case strength + (1 − caseWeight) × process component. */
  caseWeight: number;
  /** Caps applied when a team crossed a red line (HARD_FAIL). */
  redLineRightsCap: number;
  redLineEvidenceCap: number;
  /** Default maxCount for gains and for losses. */
  gainMaxCount: number;
  lossMaxCount: number;
}

export interface RubricChange {
  version: string;
  note: LocalText;
}

export interface Rubric {
  /** Family id: all versions of one rubric share it. */
  id: string;
  /** Semver. */
  version: string;
  title: LocalText;
  scales: { evidence: { min: number; max: number }; rights: { min: number; max: number } };
  deadlines: RubricDeadlines;
  scoring: RubricScoring;
  /** The rubric sketch's situations R01..R38 (what author annotations refer to). */
  situations: Record<string, LocalText>;
  changelog: RubricChange[];
  rules: RubricRule[];
}

/** A patch that derives one rubric version from another (data, so it can be shown to trainers). */
export interface RubricPatch {
  version: string;
  note: LocalText;
  /** Rules whose points, flags, texts or bases change. */
  change?: Array<Partial<Omit<RubricRule, 'id'>> & { id: string }>;
  add?: RubricRule[];
  remove?: string[];
  deadlines?: Partial<RubricDeadlines>;
  scoring?: Partial<RubricScoring>;
}
