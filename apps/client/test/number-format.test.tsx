/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { configure, screen, within } from '@testing-library/react';
import { scenarioElapsed } from '@crossroads/shared';
import { tickLabel } from '../src/debrief/Charts';
import { formatWaited } from '../src/facilitator/ConsolePanels';
import { createI18n } from '../src/i18n';
import { clock, signed } from '../src/debrief/text';
import { formatScenarioTime } from '../src/facilitator/format';
import { formatClockReading, formatNumber } from '../src/i18n/numbers';
import { answerFetch, renderAppAt } from './render-app';
import { MemoryStorage } from './fakes';
import { PARTICIPATION_REPORT, REVIEW_TOKEN } from './report-fixtures';

/*
 * Figures with decimals read as the page's language writes them: "9,2 h" in Serbian and Bosnian,
 * "9,2 ч" in Macedonian, "9,2 orë" in Albanian, "9.2 h" in English (the charts printed a decimal
 * point, and "min" and "h", in every language).
 */

jest.mock('../src/learning/reports/reports.css', () => ({}));
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

beforeAll(() => {
  window.scrollTo = jest.fn();
});

const i18n = createI18n({ storage: new MemoryStorage(), browserLanguages: [] });

describe('numbers in the page language', () => {
  test.each([
    ['en', '9.2 h', '45 min', '+2.5', '\u22121.5'],
    ['sr-Latn', '9,2 h', '45 min', '+2,5', '\u22121,5'],
    ['mk', '9,2 ч', '45 мин', '+2,5', '\u22121,5'],
    ['sq', '9,2 orë', '45 min', '+2,5', '\u22121,5'],
    ['bs', '9,2 h', '45 min', '+2,5', '\u22121,5'],
  ])(
    '%s: chart hours %s, minutes %s, signed points %s and %s',
    (language, hours, mins, plus, minus) => {
      // The debrief's running chart ticks in hours for a run longer than three hours, with the
      // language's own unit symbols.
      const t = i18n.getFixedT(language);
      expect(tickLabel(600, language, t)(552)).toBe(hours);
      expect(tickLabel(120, language, t)(45)).toBe(mins);
      expect(signed(2.5, language)).toBe(plus);
      expect(signed(-1.5, language)).toBe(minus);
      expect(signed(0, language)).toBe('0');
    },
  );

  test("the console's waiting times use the language's unit symbols", () => {
    expect(formatWaited(125, i18n.getFixedT('en'))).toBe('2 h 05 min');
    expect(formatWaited(125, i18n.getFixedT('mk'))).toBe('2 ч 05 мин');
    expect(formatWaited(1500, i18n.getFixedT('sq'))).toBe('1 d 1 orë');
    expect(formatWaited(35, i18n.getFixedT('sr-Latn'))).toBe('35 min');
  });

  test.each([
    ['en', 'T+2 d 10:00'],
    ['sr-Latn', 'T+2 d 10:00'],
    ['mk', 'T+2 д 10:00'],
    ['sq', 'T+2 d 10:00'],
    ['bs', 'T+2 d 10:00'],
  ])('%s: scenario clocks of the debrief and the console write days as %s', (language, reading) => {
    // Both wrote a fixed "d" (the console "T+2d 10:00"); the day is the language's unit symbol.
    const t = i18n.getFixedT(language);
    expect(clock(t, 3480, language, undefined)).toBe(reading);
    expect(formatScenarioTime(t, 3480, language)).toBe(reading);
    expect(formatScenarioTime(t, 3480.9, language, { sign: false })).toBe(reading.slice(2));
    expect(clock(t, 90, language, undefined)).toBe('T+01:30');
    expect(formatScenarioTime(t, 90.6, language)).toBe('T+01:30');
  });

  test.each([
    ['en', 'd'],
    ['sr-Latn', 'd'],
    ['mk', 'д'],
    ['sq', 'd'],
    ['bs', 'd'],
  ])(
    '%s: the console, the debrief and the scoring’s texts read elapsed time with one formatter',
    (language, day) => {
      // The scoring writes "at T+00:19" in its sentences with scenarioElapsed and this day unit; the
      // timeline rows, clocks and PDF of the same moment read it through formatElapsed.
      const t = i18n.getFixedT(language);
      for (const minutes of [0, 19, 80, 1439, 1440, 3480]) {
        const reading = scenarioElapsed(minutes, (n) => `${n} ${day}`);
        expect(formatScenarioTime(t, minutes, language)).toBe(reading);
        expect(clock(t, minutes, language, undefined)).toBe(reading);
      }
      expect(clock(t, 19, language, undefined)).toBe('T+00:19');
    },
  );

  test.each([
    ['en', 'Day 2, 00:05'],
    ['sr-Latn', 'Dan 2, 00:05'],
    ['mk', 'Ден 2, 00:05'],
    ['sq', 'Dita 2, 00:05'],
    ['bs', 'Dan 2, 00:05'],
  ])('%s: by a start of Day 1 the debrief and the console read %s', (language, reading) => {
    // Day 1 starts at 23:55: minute 10 is past midnight, on Day 2.
    const t = i18n.getFixedT(language);
    expect(clock(t, 10, language, '23:55')).toBe(reading);
    expect(formatClockReading(t, 10, language, '23:55')).toBe(reading);
    expect(formatClockReading(t, 10, language, undefined)).toBe('T+00:10');
  });

  test('fixed decimals keep their zeros', () => {
    expect(formatNumber(1.5, 'sr-Latn', { minDigits: 2, maxDigits: 2 })).toBe('1,50');
    expect(formatNumber(1.5, 'en', { minDigits: 2, maxDigits: 2 })).toBe('1.50');
  });

  test('the participation report shows hours in Serbian with a decimal comma', async () => {
    answerFetch(
      (requested) =>
        ({ [`/api/reviews/${REVIEW_TOKEN}/participation`]: PARTICIPATION_REPORT })[requested],
    );
    renderAppAt(`/review/${REVIEW_TOKEN}/participation`, 'sr-Latn');
    // The totals' hours (the session's own row, in the sessions table, reads the same).
    const hours = await screen.findByText('1,50', { selector: 'dd' });
    expect(hours.tagName).toBe('DD');
    expect(within(hours.parentElement as HTMLElement).queryByText('1.50')).toBeNull();
    expect(screen.getByText('0,50', { selector: 'dd' })).toBeTruthy();
  });
});
