/**
 * Where a case is investigated: a fact a scenario states (`country`), from which the scoring takes the
 * national law a debrief cites (src/rubric/jurisdiction.ts) and the languages the investigating
 * officers work in (who needs an interpreter).
 */
import type { RubricLang } from './rubric/types';

/**
 * States of the Western Balkans route a scenario may be set in (ISO 3166-1 alpha-2; XK is the code in
 * common use for Kosovo): Serbia, North Macedonia, Bosnia and Herzegovina, Montenegro, Albania, Kosovo,
 * Croatia, Hungary.
 */
export const COUNTRIES = ['RS', 'MK', 'BA', 'ME', 'AL', 'XK', 'HR', 'HU'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * The country of a scenario that names none. Every scenario written before the field existed is set in
 * Serbia, and so are the debriefs of their sessions: they stay as they were.
 */
export const DEFAULT_COUNTRY: Country = 'RS';

/**
 * Each country's name in each rubric language, as a sentence names it (its subject): the debrief's
 * note that a state is not an EU member, the country line of the plain-text debrief.
 */
export const COUNTRY_NAMES: Readonly<Record<Country, Readonly<Record<RubricLang, string>>>> = {
  RS: { en: 'Serbia', 'sr-Latn': 'Srbija', mk: 'Србија', sq: 'Serbia', bs: 'Srbija' },
  MK: {
    en: 'North Macedonia',
    'sr-Latn': 'Severna Makedonija',
    mk: 'Северна Македонија',
    sq: 'Maqedonia e Veriut',
    bs: 'Sjeverna Makedonija',
  },
  BA: {
    en: 'Bosnia and Herzegovina',
    'sr-Latn': 'Bosna i Hercegovina',
    mk: 'Босна и Херцеговина',
    sq: 'Bosnja dhe Hercegovina',
    bs: 'Bosna i Hercegovina',
  },
  ME: {
    en: 'Montenegro',
    'sr-Latn': 'Crna Gora',
    mk: 'Црна Гора',
    sq: 'Mali i Zi',
    bs: 'Crna Gora',
  },
  AL: { en: 'Albania', 'sr-Latn': 'Albanija', mk: 'Албанија', sq: 'Shqipëria', bs: 'Albanija' },
  XK: { en: 'Kosovo', 'sr-Latn': 'Kosovo', mk: 'Косово', sq: 'Kosova', bs: 'Kosovo' },
  HR: { en: 'Croatia', 'sr-Latn': 'Hrvatska', mk: 'Хрватска', sq: 'Kroacia', bs: 'Hrvatska' },
  HU: { en: 'Hungary', 'sr-Latn': 'Mađarska', mk: 'Унгарија', sq: 'Hungaria', bs: 'Mađarska' },
};

/**
 * The official languages of each country's police and courts (BCP 47 / ISO 639 codes as person languages
 * use them): who speaks none of them needs an interpreter. Serbian, Bosnian, Croatian and Montenegrin
 * are mutually intelligible and count as one language when understanding is judged.
 */
export const COUNTRY_LANGUAGES: Readonly<Record<Country, readonly string[]>> = {
  RS: ['sr'],
  MK: ['mk'],
  BA: ['bs', 'hr', 'sr'],
  ME: ['sr', 'cnr'],
  AL: ['sq'],
  XK: ['sq', 'sr'],
  HR: ['hr'],
  HU: ['hu'],
};

/**
 * Countries whose smuggling offence is made out without any gain, gain making it an aggravated one:
 * Hungary (domain brief, section 1.11: Btk § 353, up to 3 years; for gain, 1–5 years), as the EU
 * Facilitators Package (Directive 2002/90/EC) lets a member state do (section 1.1: profit is optional
 * there, so a humanitarian helper risks the charge). Croatia, the other member state, is not listed:
 * the brief gives its offence as committed for self-interest.
 */
export const SMUGGLING_WITHOUT_GAIN: ReadonlySet<Country> = new Set<Country>(['HU']);

/** The country a scenario is investigated in (Serbia when it names none). */
export function scenarioCountry(scenario: { country?: Country | undefined }): Country {
  return scenario.country ?? DEFAULT_COUNTRY;
}

/**
 * The languages the investigating officers of a scenario work in: the ones it names, else its
 * country's official languages.
 */
export function scenarioWorkingLanguages(scenario: {
  country?: Country | undefined;
  workingLanguages?: readonly string[] | undefined;
}): string[] {
  return [...(scenario.workingLanguages ?? COUNTRY_LANGUAGES[scenarioCountry(scenario)])];
}
