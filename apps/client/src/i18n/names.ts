/**
 * Our own names for the countries and languages the client shows (the join form's countries, and
 * the nationalities and spoken languages of the catalogue's people), per UI language.
 *
 * Why not only Intl.DisplayNames: Chromium ships no display names for Macedonian or Albanian (it
 * answers in English: "Afghanistan", "Pashto") and for Bosnian only a few (English country names,
 * bare codes such as "ps" for languages). Serbian has them, but other browsers' data differs, so
 * it is listed here too and every supported language reads the same everywhere.
 * A code missing here (a new scenario's) still goes to Intl, as does English.
 *
 * Country codes are ISO 3166-1 alpha-2 (XK for Kosovo); language codes are BCP 47.
 * Macedonian is in Cyrillic; language names are lower-case, as each of these languages writes them.
 */

type Names = Readonly<Record<string, string>>;

const COUNTRIES: Readonly<Record<string, Names>> = {
  'sr-Latn': {
    AF: 'Avganistan',
    AL: 'Albanija',
    AT: 'Austrija',
    BA: 'Bosna i Hercegovina',
    BD: 'Bangladeš',
    BG: 'Bugarska',
    DE: 'Nemačka',
    GR: 'Grčka',
    HR: 'Hrvatska',
    HU: 'Mađarska',
    IQ: 'Irak',
    IT: 'Italija',
    MA: 'Maroko',
    ME: 'Crna Gora',
    MK: 'Severna Makedonija',
    PK: 'Pakistan',
    RO: 'Rumunija',
    RS: 'Srbija',
    SI: 'Slovenija',
    SY: 'Sirija',
    TR: 'Turska',
    XK: 'Kosovo',
  },
  bs: {
    AF: 'Afganistan',
    AL: 'Albanija',
    AT: 'Austrija',
    BA: 'Bosna i Hercegovina',
    BD: 'Bangladeš',
    BG: 'Bugarska',
    DE: 'Njemačka',
    GR: 'Grčka',
    HR: 'Hrvatska',
    HU: 'Mađarska',
    IQ: 'Irak',
    IT: 'Italija',
    MA: 'Maroko',
    ME: 'Crna Gora',
    MK: 'Sjeverna Makedonija',
    PK: 'Pakistan',
    RO: 'Rumunija',
    RS: 'Srbija',
    SI: 'Slovenija',
    SY: 'Sirija',
    TR: 'Turska',
    XK: 'Kosovo',
  },
  mk: {
    AF: 'Авганистан',
    AL: 'Албанија',
    AT: 'Австрија',
    BA: 'Босна и Херцеговина',
    BD: 'Бангладеш',
    BG: 'Бугарија',
    DE: 'Германија',
    GR: 'Грција',
    HR: 'Хрватска',
    HU: 'Унгарија',
    IQ: 'Ирак',
    IT: 'Италија',
    MA: 'Мароко',
    ME: 'Црна Гора',
    MK: 'Северна Македонија',
    PK: 'Пакистан',
    RO: 'Романија',
    RS: 'Србија',
    SI: 'Словенија',
    SY: 'Сирија',
    TR: 'Турција',
    XK: 'Косово',
  },
  // Single-word names in the indefinite form, as Albanian lists of countries (and CLDR) give them;
  // the two-word names as they are officially written.
  sq: {
    AF: 'Afganistan',
    AL: 'Shqipëri',
    AT: 'Austri',
    BA: 'Bosnjë-Hercegovinë',
    BD: 'Bangladesh',
    BG: 'Bullgari',
    DE: 'Gjermani',
    GR: 'Greqi',
    HR: 'Kroaci',
    HU: 'Hungari',
    IQ: 'Irak',
    IT: 'Itali',
    MA: 'Marok',
    ME: 'Mali i Zi',
    MK: 'Maqedonia e Veriut',
    PK: 'Pakistan',
    RO: 'Rumani',
    RS: 'Serbi',
    SI: 'Slloveni',
    SY: 'Siri',
    TR: 'Turqi',
    XK: 'Kosovë',
  },
};

// ckb is Sorani, the Kurdish of Iraqi Kurdistan; "Central Kurdish" means little to a reader.
const LANGUAGES: Readonly<Record<string, Names>> = {
  'sr-Latn': {
    ar: 'arapski',
    bn: 'bengalski',
    bs: 'bosanski',
    ckb: 'kurdski (sorani)',
    de: 'nemački',
    en: 'engleski',
    fa: 'persijski',
    'fa-AF': 'dari',
    fr: 'francuski',
    hu: 'mađarski',
    pa: 'pendžapski',
    ps: 'paštunski',
    sr: 'srpski',
    ur: 'urdu',
  },
  bs: {
    ar: 'arapski',
    bn: 'bengalski',
    bs: 'bosanski',
    ckb: 'kurdski (sorani)',
    de: 'njemački',
    en: 'engleski',
    fa: 'perzijski',
    'fa-AF': 'dari',
    fr: 'francuski',
    hu: 'mađarski',
    pa: 'pandžapski',
    ps: 'paštu',
    sr: 'srpski',
    ur: 'urdu',
  },
  mk: {
    ar: 'арапски',
    bn: 'бенгалски',
    bs: 'босански',
    ckb: 'курдски (сорани)',
    de: 'германски',
    en: 'англиски',
    fa: 'персиски',
    'fa-AF': 'дари',
    fr: 'француски',
    hu: 'унгарски',
    pa: 'пенџапски',
    ps: 'паштунски',
    sr: 'српски',
    ur: 'урду',
  },
  sq: {
    ar: 'arabisht',
    bn: 'bengalisht',
    bs: 'boshnjakisht',
    ckb: 'kurdisht (sorani)',
    de: 'gjermanisht',
    en: 'anglisht',
    fa: 'persisht',
    'fa-AF': 'darisht',
    fr: 'frëngjisht',
    hu: 'hungarisht',
    pa: 'panxhabisht',
    ps: 'pashtoisht',
    sr: 'serbisht',
    ur: 'urdisht',
  },
};

/** Our name for a country or language code in a UI language, when we have one. */
export function ownCountryName(code: string, language: string): string | undefined {
  return COUNTRIES[language]?.[code.toUpperCase()];
}

export function ownLanguageName(code: string, language: string): string | undefined {
  return LANGUAGES[language]?.[code];
}

/** The UI languages that have their own tables (every one but English). */
export const LANGUAGES_WITH_OWN_NAMES: readonly string[] = Object.keys(COUNTRIES);
