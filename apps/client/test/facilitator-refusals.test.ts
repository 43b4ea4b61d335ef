import { ErrorCode, type Language, type Text } from '@crossroads/shared';
import { staffRefusals, staffRestRefusals } from '../src/facilitator/refusals';
import { createI18n, SUPPORTED_LANGUAGES } from '../src/i18n';
import { errorHeadline } from '../src/trainee/errors';

/**
 * The codes a staff command can be refused with, as the server sends them (gateway, sessions
 * service, session host and plan, and the engine's checks of inject.released, clock.ticked and
 * request.answered), and payload_too_large, which the staff pages' REST calls meet.
 */
const STAFF_CODES = [
  ErrorCode.InvalidPayload,
  ErrorCode.PayloadTooLarge,
  ErrorCode.RateLimited,
  ErrorCode.CommandIdReused,
  ErrorCode.Internal,
  ErrorCode.SessionUnavailable,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.SessionNotRunning,
  ErrorCode.AlreadyDecided,
  ErrorCode.ConditionNotMet,
  ErrorCode.Ended,
  ErrorCode.WrongRole,
];

const translate = (language: Language) => {
  const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
  expect(i18n.language).toBe(language);
  return i18n.t.bind(i18n);
};

describe('staff refusal headlines', () => {
  test.each(SUPPORTED_LANGUAGES)(
    'every code a staff command can be refused with has a headline of its own in %s',
    (language) => {
      const t = translate(language);
      const fallback = staffRefusals.headline(t, 'no/such_code');
      const headlines = STAFF_CODES.map((code) => staffRefusals.headline(t, code));
      expect(headlines.filter((h) => h === fallback)).toEqual([]);
      expect(new Set(headlines).size).toBe(STAFF_CODES.length);
    },
  );

  test("are worded for staff, not as the trainee's", () => {
    const t = translate('en');
    expect(staffRefusals.headline(t, ErrorCode.Forbidden)).toBe(
      'You may not do this in this session.',
    );
    expect(errorHeadline(t, ErrorCode.Forbidden)).toBe('Your agency may not do this.');
  });
});

describe("the server's words after a staff headline", () => {
  const detail = (language: Language, code: ErrorCode, message: string, text?: Text) => {
    const languages: Language[] = language === 'en' ? ['en'] : [language, 'en'];
    return staffRefusals.refusalDetail(translate(language), language, languages, {
      code,
      message,
      ...(text ? { text } : {}),
    });
  };

  // Per code, as the server words them: whether the English says more than the headline.
  test.each([
    [ErrorCode.InvalidPayload, 'Ana already plays police in that team; nothing was changed.', true],
    [
      ErrorCode.Forbidden,
      'Requests to judge in Team B are answered by the trainees playing it.',
      true,
    ],
    [ErrorCode.NotFound, 'No team team-c in this session.', true],
    [
      ErrorCode.ConditionNotMet,
      '"Phone call" is released automatically, not by the facilitator',
      true,
    ],
    [ErrorCode.WrongRole, '"Warrant" is answered by Judge', true],
    [ErrorCode.SessionNotRunning, 'The session is lobby, not running.', false],
    [ErrorCode.AlreadyDecided, 'This request has been answered already.', false],
    [ErrorCode.Ended, 'the run has ended (Charges filed)', false],
    [ErrorCode.RateLimited, 'Too many commands; slow down.', false],
    [ErrorCode.CommandIdReused, 'This commandId was already used for a different command.', false],
    [ErrorCode.Internal, 'The session is busy; try again.', false],
    [ErrorCode.SessionUnavailable, 'Send the command again with the same commandId.', false],
    [ErrorCode.Unauthenticated, 'Your login has ended (logged out, expired).', false],
    // A code the console has no headline for: only the server's words say what happened.
    [ErrorCode.SessionPaused, 'The session is paused.', true],
  ])('%s, "%s": English kept for a Serbian reader: %s', (code, message, kept) => {
    expect(detail('sr-Latn', code, message)).toEqual(kept ? { text: message, lang: 'en' } : null);
    // An English reader gets the server's words after the headline either way.
    expect(detail('en', code, message)).toEqual({ text: message, lang: 'en' });
  });

  test("a text in the reader's language is shown whatever the code, unmarked English otherwise", () => {
    const text = { en: 'Needs the order granted.', mk: 'Потребна е одобрена наредба.' };
    expect(detail('mk', ErrorCode.AlreadyDecided, text.en, text)).toEqual({
      text: text.mk,
      lang: 'mk',
    });
    // Only English came: as an English message of its code.
    expect(detail('sq', ErrorCode.ConditionNotMet, text.en, text)).toEqual({
      text: text.en,
      lang: 'en',
    });
    expect(detail('sq', ErrorCode.AlreadyDecided, text.en, text)).toBeNull();
  });
});

describe('staff REST error headlines', () => {
  // The word for a command, as the console's headlines use it, in each language.
  const COMMAND = /command|komand|команд/i;

  test.each(SUPPORTED_LANGUAGES)(
    'no REST headline speaks of a command in %s, and each code keeps a headline of its own',
    (language) => {
      const t = translate(language);
      const fallback = staffRestRefusals.headline(t, 'no/such_code');
      const headlines = STAFF_CODES.map((code) => staffRestRefusals.headline(t, code));
      expect(headlines.filter((h) => COMMAND.test(h))).toEqual([]);
      expect(headlines.filter((h) => h === fallback)).toEqual([]);
      expect(new Set(headlines).size).toBe(STAFF_CODES.length);
    },
  );

  test('the console keeps speaking of commands, which is what it sends', () => {
    const t = translate('en');
    expect(staffRefusals.headline(t, ErrorCode.InvalidPayload)).toMatch(/command/);
    expect(staffRestRefusals.headline(t, ErrorCode.InvalidPayload)).toBe(
      'The server did not accept what was sent; nothing was changed.',
    );
    // Codes whose headline never named a command read the same either way.
    expect(staffRestRefusals.headline(t, ErrorCode.Internal)).toBe(
      staffRefusals.headline(t, ErrorCode.Internal),
    );
  });
});
