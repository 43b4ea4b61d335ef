import { formatDateTime } from '../src/debrief/Exports';
import { formatWallTime } from '../src/facilitator/format';
import { formatDate, formatDateRange } from '../src/i18n/dates';
import { formatSessionDays } from '../src/lib/sessionDetails';
import { formatClock } from '../src/trainee/format';

/*
 * Chromium has no locale data for mk-MK and sq-AL (supportedLocalesOf returns []) and only part of
 * bs-BA's; Node's full ICU has all three, so the browser is faked here.
 */
const missing = new Set(['mk-MK', 'sq-AL']);
const realSupported = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
const realParts = Intl.DateTimeFormat.prototype.formatToParts;

beforeAll(() => {
  jest
    .spyOn(Intl.DateTimeFormat, 'supportedLocalesOf')
    .mockImplementation((locales, options) =>
      realSupported(locales, options).filter((l) => !missing.has(l)),
    );
  // Partial bs-BA data: the root locale's "2026 M12 5".
  jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts').mockImplementation(function (
    this: Intl.DateTimeFormat,
    date,
  ) {
    if (this.resolvedOptions().locale !== 'bs-BA') return realParts.call(this, date);
    return [
      { type: 'year', value: '2026' },
      { type: 'literal', value: ' M' },
      { type: 'month', value: '12' },
      { type: 'literal', value: ' ' },
      { type: 'day', value: '5' },
      { type: 'literal', value: ' ' },
      { type: 'hour', value: '22' },
      { type: 'literal', value: ':' },
      { type: 'minute', value: '13' },
    ];
  });
});

afterAll(() => {
  jest.restoreAllMocks();
});

const ISO = '2026-12-05T22:13:07Z';
const local = new Date(ISO);
const two = (n: number) => String(n).padStart(2, '0');
const hhmm = `${two(local.getHours())}:${two(local.getMinutes())}`;
const day = `${local.getDate()}.${local.getMonth() + 1}.${local.getFullYear()}`;

test('without locale data, Macedonian and Albanian dates are day-month-year on a 24-hour clock', () => {
  expect(formatDateTime(ISO, 'mk')).toBe(`${day} ${hhmm}`);
  expect(formatDateTime(ISO, 'sq')).toBe(`${day}, ${hhmm}`);
  expect(formatWallTime(ISO, 'mk')).toBe(`${hhmm}:${two(local.getSeconds())}`);
  expect(formatClock(ISO, 'sq')).toBe(hhmm);
  expect(formatSessionDays({ startsOn: '2026-03-12', endsOn: '2026-03-14' }, 'mk')).toBe(
    '12.3.2026 – 14.3.2026',
  );
});

test('languages the browser has data for keep their own format', () => {
  expect(formatDateTime(ISO, 'sr-Latn')).toMatch(/^\d{1,2}\. \d{1,2}\. 2026\. \d\d:\d\d$/);
  expect(formatDateTime(ISO, 'en')).toMatch(/^\d{1,2} Dec 2026, \d\d:\d\d$/);
  expect(formatSessionDays({ startsOn: '2026-03-12' }, 'en')).toBe('12 March 2026');
});

test('partial locale data (Bosnian as "2026 M12 5") falls back to the numeric Bosnian order', () => {
  expect(formatDateTime(ISO, 'bs')).toBe(
    `${local.getDate()}. ${local.getMonth() + 1}. ${local.getFullYear()}. ${hhmm}`,
  );
  const partial = (locale: string) => locale !== 'bs-BA';
  const date = new Date(Date.UTC(2026, 11, 5, 22, 13));
  expect(formatDate(date, 'bs', { date: 'medium', time: 'short', utc: true }, partial)).toBe(
    '5. 12. 2026. 22:13',
  );
  expect(
    formatDateRange(
      date,
      new Date(Date.UTC(2026, 11, 7)),
      'bs',
      { date: 'long', utc: true },
      partial,
    ),
  ).toBe('5. 12. 2026. – 7. 12. 2026.');
});
