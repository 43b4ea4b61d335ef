/**
 * Interpretation at a hearing: whether a person understands a language, whether they need an interpreter
 * at all, and what the interpreting of a hearing does to the statement taken at it. The engine taints the
 * statement by these, live, and the legal model scores the hearing by them: one set of predicates, so the
 * live case file and the debrief cannot part on them.
 */
import type { CompiledScenario } from './compile';
import { scenarioWorkingLanguages } from './country';

/**
 * Serbian, Bosnian, Croatian and Montenegrin (and Serbo-Croatian) are mutually intelligible: a person
 * who speaks one of them understands an interview held in another, so none of them needs an
 * interpreter (ECHR art. 6(3)(e) and Dir. 2010/64/EU art. 2 turn on whether the person understands
 * the language used). Person languages are free codes: BCP 47 (`bs`, `sr-Latn`, `hr-HR`, `sh`) or
 * ISO 639-3 (`cnr`, `bos`, `hrv`, `srp`, `hbs`).
 */
const SERBO_CROATIAN = new Set(['sr', 'bs', 'hr', 'cnr', 'sh', 'srp', 'bos', 'hrv', 'hbs']);

/**
 * ISO 639-2 (bibliographic and terminology) and 639-3 codes of the languages met on the route, to the
 * two-letter code a BCP 47 tag uses for the same language: `ara` and `arb` are `ar`, `fas`, `per`, `pes`
 * and `prs` (Dari) are `fa`, `pus`, `pbt`, `pbu` and `pst` are `ps`. A macrolanguage code stands for its
 * two-letter code only; distinct members that are not mutually intelligible keep their own code (Sorani
 * `ckb` and Kurmanji `kmr` are not `ku`, whose content the author did not say).
 */
const TWO_LETTER: Readonly<Record<string, string>> = {
  ara: 'ar',
  arb: 'ar',
  fas: 'fa',
  per: 'fa',
  pes: 'fa',
  prs: 'fa',
  pus: 'ps',
  pbt: 'ps',
  pbu: 'ps',
  pst: 'ps',
  urd: 'ur',
  ben: 'bn',
  kur: 'ku',
  pan: 'pa',
  hin: 'hi',
  nep: 'ne',
  sin: 'si',
  tam: 'ta',
  tir: 'ti',
  amh: 'am',
  orm: 'om',
  som: 'so',
  swa: 'sw',
  swh: 'sw',
  hau: 'ha',
  wol: 'wo',
  lin: 'ln',
  tur: 'tr',
  aze: 'az',
  uzb: 'uz',
  uzn: 'uz',
  kat: 'ka',
  geo: 'ka',
  hye: 'hy',
  arm: 'hy',
  rus: 'ru',
  ukr: 'uk',
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  spa: 'es',
  ell: 'el',
  gre: 'el',
  hun: 'hu',
  ron: 'ro',
  rum: 'ro',
  bul: 'bg',
  mkd: 'mk',
  mac: 'mk',
  sqi: 'sq',
  alb: 'sq',
  als: 'sq',
  aln: 'sq',
  slv: 'sl',
  zho: 'zh',
  chi: 'zh',
  vie: 'vi',
};

/**
 * The language a code stands for when judging understanding: its primary subtag (`ar-SY` is Arabic), a
 * three-letter code as its two-letter one (`ara` is `ar`), and the Serbo-Croatian variants as one. Every
 * comparison of languages goes through it (`understands`).
 */
function understoodAs(code: string): string {
  const lower = code.trim().toLowerCase();
  const primary = lower.split(/[-_]/)[0] || lower;
  if (SERBO_CROATIAN.has(primary)) return 'sh';
  return TWO_LETTER[primary] ?? primary;
}

/** Whether someone speaking `spoken` understands an interview held in `language`. */
export function understands(spoken: readonly string[], language: string): boolean {
  const l = understoodAs(language);
  return spoken.some((s) => understoodAs(s) === l);
}

/** Whether someone speaking `spoken` needs an interpreter with officers working in `working`. */
export function needsInterpreterIn(working: readonly string[], spoken: readonly string[]): boolean {
  return spoken.length > 0 && !working.some((w) => understands(spoken, w));
}

const working = new WeakMap<CompiledScenario, readonly string[]>();

/** The languages the scenario's officers work in (the country's, unless the scenario says). */
export function workingLanguagesOf(c: CompiledScenario): readonly string[] {
  let out = working.get(c);
  if (out === undefined) working.set(c, (out = scenarioWorkingLanguages(c.scenario)));
  return out;
}

/**
 * What the interpreting of an interview says of the person heard: whether they needed an interpreter
 * (not when the act says it was held, unaided, in a language they speak), and the flaw when they did:
 * none interpreted (`none`), or the interview went into a language they do not speak (`wrongLanguage`);
 * and whether a co-national interpreted a formal one (a witness's, a suspect's, a child's: not triage).
 */
export function interviewInterpretation(
  workingLanguages: readonly string[],
  params: Record<string, unknown>,
  spoken: readonly string[],
): { needs: boolean; flaw: 'none' | 'wrongLanguage' | null; coNational: boolean } {
  const interpreter = params.interpreter ?? 'none';
  const coNational =
    interpreter === 'co_national' && (params.purpose ?? 'screening') !== 'screening';
  const language = typeof params.language === 'string' ? params.language : undefined;
  const unaided = interpreter === 'none' || interpreter === 'not_needed';
  // An interview the act says was held, with nobody interpreting, in a language the person speaks
  // (English with someone who speaks it, say) needed no interpreter, whatever the officers' working
  // languages; one that names no language is judged against them.
  const heldInTheirLanguage = unaided && language !== undefined && understands(spoken, language);
  const needs = needsInterpreterIn(workingLanguages, spoken) && !heldInTheirLanguage;
  if (needs && unaided) return { needs, flaw: 'none', coNational };
  if (needs && language !== undefined && !understands(spoken, language))
    return { needs, flaw: 'wrongLanguage', coNational };
  return { needs, flaw: null, coNational };
}

/** Whether a deposition was interpreted as the person heard needed: by a certified interpreter, if at all. */
export function depositionInterpreted(
  workingLanguages: readonly string[],
  params: Record<string, unknown>,
  spoken: readonly string[],
): boolean {
  return !needsInterpreterIn(workingLanguages, spoken) || params.interpreter === 'certified';
}
