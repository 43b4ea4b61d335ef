import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createI18n } from '../src/i18n';
import { LANGUAGES_WITH_OWN_NAMES, ownCountryName, ownLanguageName } from '../src/i18n/names';
import { countryName, JOIN_COUNTRIES } from '../src/learning/reports/countries';
import { attributeValue, languageName } from '../src/trainee/terms';

/**
 * The catalogue is read as files, not imported: the client does not depend on packages/scenarios,
 * but every nationality and spoken language its people carry reaches the case file.
 */
const CATALOGUE = path.resolve(__dirname, '../../../packages/scenarios/catalogue');

function catalogueCodes(): { countries: Set<string>; languages: Set<string> } {
  const countries = new Set<string>();
  const languages = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'nationality' && typeof value === 'string') countries.add(value);
      else if (key === 'languages' && Array.isArray(value))
        value.forEach((v) => languages.add(String(v)));
      else walk(value);
    }
  };
  const files = readdirSync(CATALOGUE).filter((f) => f.endsWith('.yaml'));
  for (const file of files) {
    const scenario = parse(readFileSync(path.join(CATALOGUE, file), 'utf8')) as Record<
      string,
      unknown
    >;
    // The scenario's own `languages` are the UI languages it is written in, not people's.
    const { languages: _written, ...rest } = scenario;
    walk(rest);
  }
  return { countries, languages };
}

const used = catalogueCodes();
const COUNTRY_CODES = [...new Set([...used.countries, ...JOIN_COUNTRIES])].sort();
const LANGUAGE_CODES = [...used.languages].sort();

/**
 * Names that really are written as in English, so matching the English name is no sign of a
 * missing translation. Keyed `language:code`.
 */
const SAME_AS_ENGLISH = new Set([
  // Pakistan and Kosovo are spelt so in Serbian and Bosnian too.
  'sr-Latn:PK',
  'sr-Latn:XK',
  'bs:PK',
  'bs:XK',
  // Albanian keeps the English spelling of Pakistan and Bangladesh.
  'sq:PK',
  'sq:BD',
  // Urdu and Dari keep their names in Serbian and Bosnian (lower-case, as languages are).
  'sr-Latn:ur',
  'sr-Latn:fa-AF',
  'bs:ur',
  'bs:fa-AF',
]);

const englishCountry = (code: string) => countryName(code, 'en');
const englishLanguage = (code: string) => languageName(code, 'en');

describe('country and language names in every UI language', () => {
  test('the catalogue gives the check something to check', () => {
    // A change to the catalogue's layout must not leave the check below looking at nothing.
    expect(used.countries.size).toBeGreaterThan(3);
    expect(used.languages.size).toBeGreaterThan(5);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['AF', 'RS', 'MK', 'XK']));
    expect(LANGUAGE_CODES).toEqual(expect.arrayContaining(['fa-AF', 'ps', 'ar']));
  });

  test('every UI language but English has its own tables', () => {
    expect([...LANGUAGES_WITH_OWN_NAMES].sort()).toEqual(['bs', 'mk', 'sq', 'sr-Latn']);
  });

  // Our tables, not the runtime's ICU data: jsdom's Node and Chromium do not agree on these.
  test.each(LANGUAGES_WITH_OWN_NAMES)(
    '%s: every country of the join form and the catalogue has its own, non-English name',
    (language) => {
      const problems = COUNTRY_CODES.flatMap((code) => {
        const own = ownCountryName(code, language);
        if (!own) return [`${language}: no name for country ${code}`];
        if (
          own.toLowerCase() === englishCountry(code).toLowerCase() &&
          !SAME_AS_ENGLISH.has(`${language}:${code}`)
        )
          return [`${language}: country ${code} is named in English ("${own}")`];
        return [];
      });
      expect(problems).toEqual([]);
    },
  );

  test.each(LANGUAGES_WITH_OWN_NAMES)(
    '%s: every language spoken in the catalogue has its own, non-English name',
    (language) => {
      const problems = LANGUAGE_CODES.flatMap((code) => {
        const own = ownLanguageName(code, language);
        if (!own) return [`${language}: no name for language ${code}`];
        if (
          own.toLowerCase() === englishLanguage(code).toLowerCase() &&
          !SAME_AS_ENGLISH.has(`${language}:${code}`)
        )
          return [`${language}: language ${code} is named in English ("${own}")`];
        return [];
      });
      expect(problems).toEqual([]);
    },
  );

  test('Macedonian names are in Cyrillic', () => {
    const latin = [
      ...COUNTRY_CODES.map((c) => ownCountryName(c, 'mk')),
      ...LANGUAGE_CODES.map((c) => ownLanguageName(c, 'mk')),
    ].filter((name) => /[A-Za-z]/.test(name ?? 'missing'));
    expect(latin).toEqual([]);
  });

  test('the join form and the case file show our names, and Intl for the rest', () => {
    expect(countryName('AF', 'mk')).toBe('Авганистан');
    expect(countryName('MK', 'sq')).toBe('Maqedonia e Veriut');
    expect(countryName('DE', 'bs')).toBe('Njemačka');
    const mk = createI18n({ storage: undefined, browserLanguages: ['mk'] });
    expect(attributeValue(mk, 'nationality', 'AF')).toBe('Авганистан');
    expect(attributeValue(mk, 'languages', ['ps', 'fa-AF'])).toBe('паштунски, дари');
    const bs = createI18n({ storage: undefined, browserLanguages: ['bs'] });
    expect(attributeValue(bs, 'languages', ['ps', 'ckb'])).toBe('paštu, kurdski (sorani)');
    // English and codes outside the tables still come from Intl.
    expect(countryName('AF', 'en')).toBe('Afghanistan');
    expect(countryName('FR', 'sr-Latn')).toBe(
      new Intl.DisplayNames(['sr-Latn-RS'], { type: 'region' }).of('FR'),
    );
  });
});
