import { ErrorCode, type Language } from '@crossroads/shared';
import { createI18n, SUPPORTED_LANGUAGES } from '../src/i18n';
import { errorHeadline, refusalDetail } from '../src/trainee/errors';

/** Codes only staff and authors meet (expired review links, studio revisions). */
const NOT_FOR_TRAINEES = new Set<string>([ErrorCode.LinkGone, ErrorCode.StaleRevision]);

describe('trainee error headlines', () => {
  test.each(SUPPORTED_LANGUAGES)(
    'every code a trainee can meet has a headline of its own in %s',
    (language) => {
      const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
      expect(i18n.language).toBe(language);
      const t = i18n.t.bind(i18n);
      const unexpected = errorHeadline(t, 'unexpected');
      const generic = Object.values(ErrorCode).filter(
        (code) => !NOT_FOR_TRAINEES.has(code) && errorHeadline(t, code) === unexpected,
      );
      expect(generic).toEqual([]);
    },
  );

  test('a session moving to another server says so', () => {
    const i18n = createI18n({ storage: undefined, browserLanguages: ['en'] });
    expect(errorHeadline(i18n.t.bind(i18n), ErrorCode.SessionUnavailable)).toBe(
      'The session is moving to another server for a moment.',
    );
  });
});

describe('the detail after a refusal', () => {
  const text = { en: 'Needs the order granted.', 'sr-Latn': 'Potrebna je odobrena naredba.' };
  const detail = (language: Language, code: ErrorCode, withText = true) => {
    const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
    const languages: Language[] = language === 'en' ? ['en'] : [language, 'en'];
    return refusalDetail(i18n.t.bind(i18n), language, languages, {
      code,
      message: text.en,
      ...(withText ? { text } : {}),
    });
  };

  test("is the server's words in the reader's language when the ack has them", () => {
    expect(detail('sr-Latn', ErrorCode.ConditionNotMet)).toEqual({
      text: 'Potrebna je odobrena naredba.',
      lang: 'sr-Latn',
    });
    expect(detail('en', ErrorCode.ConditionNotMet)).toEqual({ text: text.en, lang: 'en' });
  });

  test('falls back to the English, marked so, where it says more than the headline', () => {
    expect(detail('mk', ErrorCode.ConditionNotMet)).toEqual({ text: text.en, lang: 'en' });
    expect(detail('mk', ErrorCode.ConditionNotMet, false)).toEqual({ text: text.en, lang: 'en' });
    // A self-explaining code's English would only repeat the translated headline.
    expect(detail('mk', ErrorCode.AlreadyDecided)).toBeNull();
    expect(detail('sq', ErrorCode.Internal, false)).toBeNull();
  });
});
