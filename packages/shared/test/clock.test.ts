import { scenarioDayTime, scenarioElapsed } from '../src/clock';

const days = (n: number) => `${n} d`;

describe('scenarioElapsed: the one reading of time elapsed since a scenario started', () => {
  it.each([
    [0, 'T+00:00'],
    [19, 'T+00:19'],
    [80, 'T+01:20'],
    [1439, 'T+23:59'],
    [1440, 'T+1 d 00:00'],
    [1570, 'T+1 d 02:10'],
    [3 * 1440 + 360, 'T+3 d 06:00'],
  ])('minute %d reads %s', (minutes, reading) => {
    expect(scenarioElapsed(minutes, days)).toBe(reading);
  });

  it('floors a minute not yet over, reads a negative one as the start, and leaves out T+ for a span', () => {
    expect(scenarioElapsed(30.9, days)).toBe('T+00:30');
    expect(scenarioElapsed(-5, days)).toBe('T+00:00');
    expect(scenarioElapsed(1500, days, { sign: false })).toBe('1 d 01:00');
  });

  it('writes the days with the unit it is given (Macedonian: д)', () => {
    expect(scenarioElapsed(2 * 1440 + 600, (n) => `${n} д`)).toBe('T+2 д 10:00');
  });

  it('the day reading is apart: with a start, scenarioDayTime reads the same minute', () => {
    expect(scenarioDayTime(19, '03:10')).toEqual({ day: 1, time: '03:29' });
  });
});
