import { ErrorCode } from '@crossroads/shared';
import { createI18n, SUPPORTED_LANGUAGES } from '../src/i18n';
import { errorHeadline } from '../src/trainee/errors';

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
