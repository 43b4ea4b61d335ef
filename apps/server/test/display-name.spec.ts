import { ErrorCode } from '@crossroads/shared';
import { checkDisplayNameFree, checkDisplayNameShape, nameKey } from '../src/sessions/display-name';

/*
 * A trainee's display name may not pass for staff and may not pass for a teammate's, however it
 * is written: in another script (Serbian Cyrillic), with look-alike letters from another script,
 * or turned around by a right-to-left override.
 */

const refused = (name: string) => {
  let code: unknown;
  try {
    checkDisplayNameShape(name);
  } catch (error) {
    code = (error as { code?: unknown }).code;
  }
  return code === ErrorCode.InvalidPayload;
};

test.each([
  ['Facilitator', 'plain'],
  ['F\u0430cilit\u0430tor', 'Cyrillic а for a'],
  ['M\u043Ederat\u043Er', 'Cyrillic о for o'],
  ['\u039Fbserver', 'Greek Ο for O'],
  ['Fac\u0131l\u0131tator', 'dotless ı for i'],
  ['S\u0442aff', 'Cyrillic т for t'],
  ['Посматрач', 'Serbian Cyrillic "observer"'],
  ['Фасилитатор', 'Serbian Cyrillic "facilitator"'],
  ['\u202Erotatilicaf', 'right-to-left override showing "facilitator"'],
  ['\u2067nimda\u2069', 'right-to-left isolate'],
  ['Ana\nB', 'a second line'],
  ['Ana\tB', 'a tab'],
])('refuses %j (%s)', (name) => {
  expect(refused(name)).toBe(true);
});

test.each([['Ana Petrović'], ['Ана Петровић'], ['Đorđe'], ['👩🏽‍⚕️ Dr Mara'], ['Ljubica K.']])(
  'accepts %j',
  (name) => {
    expect(refused(name)).toBe(false);
  },
);

test('a name in Cyrillic or with a look-alike letter is the same name as in Latin', () => {
  expect(nameKey('Ана')).toBe(nameKey('Ana'));
  expect(nameKey('B\u043Eb')).toBe(nameKey('Bob'));
  const team = [{ team_id: 'team-a', display_name: 'Bob' }];
  expect(() => checkDisplayNameFree(team, 'B\u043Eb', 'team-a')).toThrow(
    expect.objectContaining({ code: ErrorCode.NameTaken }),
  );
  expect(() => checkDisplayNameFree(team, 'B\u043Eb', 'team-b')).not.toThrow();
});
