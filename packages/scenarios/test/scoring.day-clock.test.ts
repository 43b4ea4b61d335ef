/**
 * The debrief reads scenario time as the live views did. When the scenario says when Day 1 starts
 * (`startTime`), trainees and the console read "Day 1, 02:19": so does the debrief, its payload
 * (which carries the start, for the client) and its plain text, in all five languages, and so do the
 * texts the scoring composes ("… left at Day 1, 05:40 …"). A scenario without a start keeps the
 * elapsed reading, the live views' clock reading too ("T+01:20", "T+1 d 02:10"; scenarioElapsed).
 */
import { scenarioElapsed } from '@crossroads/shared';
import { LANGUAGES, debrief, renderDebriefText } from '@crossroads/scenarios';
import type { LogLine } from '@crossroads/scenarios';
import { flagshipSession } from '../examples/generate';
import { at } from '../src/scoring/text';
import { compileData, tiny } from './helpers';
import { loadCatalogue } from './scripted-play';

/** One team: ten scenario minutes pass, then one decision ends its run; the session ended. */
function log(): LogLine[] {
  const line = (seq: number, type: string, payload: unknown, role: string | null = null) =>
    ({
      seq,
      at: `2026-01-01T10:00:0${seq}.000Z`,
      team: seq === 1 || type === 'session.ended' ? null : 'a',
      role,
      participant: role === null ? null : 'p1',
      type,
      payload,
    }) as LogLine;
  return [
    line(1, 'session.started', {
      scenario: 'tiny',
      version: '1.0.0',
      teams: [{ id: 'a', name: 'A' }],
    }),
    line(2, 'clock.ticked', { minutes: 10 }),
    line(3, 'decision.made', { decision: 'go', option: 'yes' }, 'police'),
    line(4, 'session.ended', {}),
  ];
}

const DAY_2_0005 = {
  en: 'Day 2, 00:05',
  'sr-Latn': 'Dan 2, 00:05',
  mk: 'Ден 2, 00:05',
  sq: 'Dita 2, 00:05',
  bs: 'Dan 2, 00:05',
} as const;

describe('scenario time in the debrief', () => {
  it('reads a minute as day and time of day when the scenario starts at a time, in every language', () => {
    expect(at(10, '23:55')).toEqual(DAY_2_0005);
    expect(at(0, '03:10').en).toBe('Day 1, 03:10');
  });

  it('reads a minute without a start as the timeline and the clocks do, in every language', () => {
    // Not "T+19 min" in a sentence beside "T+00:19" on the timeline row of the same moment.
    expect(at(19)).toEqual({
      en: 'T+00:19',
      'sr-Latn': 'T+00:19',
      mk: 'T+00:19',
      sq: 'T+00:19',
      bs: 'T+00:19',
    });
    expect(at(80).en).toBe('T+01:20');
    expect(at(0).sq).toBe('T+00:00');
    // Days with the unit each language writes, as the client's units.days: "1 д" in Macedonian.
    expect(at(1570)).toEqual({
      en: 'T+1 d 02:10',
      'sr-Latn': 'T+1 d 02:10',
      mk: 'T+1 д 02:10',
      sq: 'T+1 d 02:10',
      bs: 'T+1 d 02:10',
    });
    // Rounded to the minute, as the debrief page's clock() rounds the payload's minutes.
    expect(at(18.6).en).toBe('T+00:19');
    expect(at(80).en).toBe(scenarioElapsed(80, (n) => `${n} d`));
  });

  it('carries the start in the payload and reads the plain text by it (Day 2 after midnight)', () => {
    const c = compileData(tiny({ startTime: '23:55' }));
    const d = debrief(c, log());
    expect(d.scenario.startTime).toBe('23:55');
    for (const lang of LANGUAGES) {
      const text = renderDebriefText(d, { lang });
      // The decision's timeline row and the ending it reached, at minute 10.
      expect(text).toContain(`  ${DAY_2_0005[lang]}   `);
      expect(text).toContain(`, ${DAY_2_0005[lang]})`);
      expect(text).not.toContain('T+');
    }
  });

  it('keeps the elapsed reading for a scenario without a start, and names no start', () => {
    const c = compileData(tiny());
    const d = debrief(c, log());
    expect('startTime' in d.scenario).toBe(false);
    const text = renderDebriefText(d, { lang: 'en' });
    expect(text).toContain('T+00:10');
    expect(text).not.toContain('Day ');
  });

  describe('the flagship (Day 1 starts at 03:10)', () => {
    const c = loadCatalogue('reefer-horgos');
    const events = flagshipSession(c);
    const full = debrief(c, events);
    const forTrainee = debrief(c, events, undefined, {
      recipient: { team: 'team-b', role: 'border_police' },
    });

    it.each([
      ['whole', full],
      ['one trainee', forTrainee],
    ] as const)('%s: every time and every composed text reads the day clock', (_name, d) => {
      expect(d.scenario.startTime).toBe('03:10');
      // Composed texts (a witness lost "at …", a deadline "of …") as well as the payload's numbers.
      expect(JSON.stringify(d)).not.toContain('T+');
      for (const lang of LANGUAGES) {
        const text = renderDebriefText(d, { lang });
        expect(text).not.toContain('T+');
        expect(text).toContain(`${at(0, '03:10')[lang]} `);
      }
    });

    it('a trainee’s debrief carries the start and nothing more about the scenario', () => {
      expect(Object.keys(forTrainee.scenario).sort()).toEqual(Object.keys(full.scenario).sort());
      expect(forTrainee.scenario).toEqual(full.scenario);
    });
  });
});

describe('a moment inside a composed sentence', () => {
  // A preposition that would put "Day 1" in a case its words do not take: Serbian and Bosnian
  // "u Dan 1" (locative) and "od Dan 1" (genitive), Macedonian "во Ден 1" (a day is "на"),
  // Albanian "në Dita 1" (accusative "në Ditën 1").
  const GOVERNED = {
    'sr-Latn': /\b(?:u|od) Dan \d/,
    bs: /\b(?:u|od) Dan \d/,
    mk: /(?:^|\s)во Ден \d/,
    sq: /\bnë Dita \d/,
  } as const;
  const c = loadCatalogue('reefer-horgos');
  const d = debrief(c, flagshipSession(c));

  it.each(Object.keys(GOVERNED) as (keyof typeof GOVERNED)[])(
    '%s: the flagship’s composed texts read naturally around "Day 1, 03:29"',
    (lang) => {
      const text = renderDebriefText(d, { lang });
      const wrong = text.split('\n').filter((line) => GOVERNED[lang].test(line));
      expect(wrong).toEqual([]);
    },
  );

  it('the witness lost and the deadline missed say when, in every language', () => {
    const texts = JSON.stringify(d);
    // "at" before the day clock: the day, then the time of day with its own preposition.
    expect(texts).toMatch(/ at Day \d+, \d\d:\d\d/);
    expect(texts).toMatch(/ Dan \d+, u \d\d:\d\d/);
    expect(texts).toMatch(/ Ден \d+, во \d\d:\d\d/);
    expect(texts).toMatch(/ Dita \d+, në orën \d\d:\d\d/);
    // "of" before it: the genitive in Serbian and Bosnian.
    expect(texts).toMatch(/ of Day \d+, \d\d:\d\d/);
    expect(texts).toMatch(/ od Dana \d+, \d\d:\d\d/);
  });
});
