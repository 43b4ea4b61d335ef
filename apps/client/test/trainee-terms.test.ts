import { createI18n } from '../src/i18n';
import { contentLanguages, pickText } from '../src/lib/contentText';
import { serverDetail } from '../src/trainee/errors';
import {
  attributeLabel,
  attributeValue,
  elementLabel,
  evidenceKindLabel,
  personKindLabel,
} from '../src/trainee/terms';

const inLanguage = (language: string) => {
  const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
  return i18n;
};

describe("the case file's words for the scenario's ids", () => {
  test('a Serbian reader sees Serbian kinds, attributes and values, none of the English ids', () => {
    const sr = inLanguage('sr-Latn');
    expect(personKindLabel(sr, 'suspect')).toBe('Osumnjičeni');
    expect(personKindLabel(sr, 'migrant')).toBe('Migrant');
    expect(evidenceKindLabel(sr, 'digital')).toBe('digitalni');
    expect(elementLabel(sr, 'organised_group')).toBe('Organizovana kriminalna grupa');
    expect(attributeLabel(sr, 'asylumExpressed')).toBe('Izrazio nameru da traži azil');
    expect(attributeValue(sr, 'asylumExpressed', true)).toBe('da');
    expect(attributeValue(sr, 'whereabouts', 'in_custody')).toBe('u pritvoru');
    expect(attributeValue(sr, 'vulnerabilities', ['child', 'hypothermia'])).toBe(
      'dete, hipotermija',
    );
    expect(attributeValue(sr, 'vulnerabilities', ['pregnancy', 'acute_illness'])).toBe(
      'trudnoća, akutna bolest',
    );
    expect(attributeValue(sr, 'kind', 'witness')).toBe('Svedok');
    // Codes become names in the reader's language (Intl), not English words.
    expect(attributeValue(sr, 'nationality', 'AF')).toBe('Avganistan');
    expect(attributeValue(sr, 'languages', ['hu'])).toBe('mađarski');
    expect(attributeValue(sr, 'count', 30)).toBe('30');
  });

  test('English keeps English; an id without a translation becomes words, not nothing', () => {
    // In English it is said once: the headline already reads the same.
    const en = inLanguage('en');
    expect(
      serverDetail(en.t.bind(en), 'en', 'session/paused', 'The session is paused.'),
    ).toBeNull();
    expect(personKindLabel(en, 'suspect')).toBe('Suspect');
    expect(attributeValue(en, 'asylumExpressed', false)).toBe('no');
    expect(attributeLabel(en, 'shoeSize')).toBe('ShoeSize');
    expect(personKindLabel(inLanguage('mk'), 'new_kind')).toBe('New kind');
    expect(attributeValue(en, 'traffickingIndicators', ['debt_bondage'])).toBe('Debt bondage');
  });
});

describe('reading order of scenario texts', () => {
  const text = { en: 'Doors', 'sr-Latn': 'Vrata' };
  test("reader's language, then the session's, then English", () => {
    expect(contentLanguages('sq', 'sr-Latn')).toEqual(['sq', 'sr-Latn', 'en']);
    expect(pickText(text, contentLanguages('sq', 'sr-Latn'))).toEqual({
      text: 'Vrata',
      lang: 'sr-Latn',
    });
    expect(pickText(text, contentLanguages('sq', 'en'))).toEqual({ text: 'Doors', lang: 'en' });
    expect(pickText(text, contentLanguages('en', 'sr-Latn'))).toEqual({
      text: 'Doors',
      lang: 'en',
    });
    expect(pickText('Plain', contentLanguages('mk', 'sr-Latn'))).toEqual({
      text: 'Plain',
      lang: 'en',
    });
  });
});

describe("the server's English after a translated refusal", () => {
  test('is left out where the headline says it all, in a translated screen', () => {
    const sr = inLanguage('sr-Latn');
    const t = sr.t.bind(sr);
    expect(serverDetail(t, 'sr-Latn', 'session/paused', 'The session is paused.')).toBeNull();
    // Where it names what went wrong, it stays (the page marks it as English).
    expect(serverDetail(t, 'sr-Latn', 'protocol/invalid_payload', 'displayName: too long')).toBe(
      'displayName: too long',
    );
    // In English it is said once: the headline already reads the same.
    const en = inLanguage('en');
    expect(
      serverDetail(en.t.bind(en), 'en', 'session/paused', 'The session is paused.'),
    ).toBeNull();
    expect(
      serverDetail(en.t.bind(en), 'en', 'session/not_running', 'The session has not started.'),
    ).toBe('The session has not started.');
  });
});
