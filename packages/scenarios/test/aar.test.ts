import { CAPABILITY_IDS as WIRE_CAPABILITY_IDS } from '@crossroads/shared';
import { aarDraft, CAPABILITY_IDS, capabilityOf, CORE_CAPABILITIES, draftRating } from '../src/aar';
import { RUBRIC_LANGUAGES, RUBRICS } from '../src/rubric';

describe('core capabilities of the after-action report', () => {
  it('cover every situation of every published rubric rule, each situation once', () => {
    const seen = CORE_CAPABILITIES.flatMap((c) => c.situations);
    expect(new Set(seen).size).toBe(seen.length);
    for (const rubric of RUBRICS)
      for (const rule of rubric.rules)
        expect([rule.id, capabilityOf(rule.sketch)]).not.toEqual([rule.id, undefined]);
  });

  it('are the ones the wire contract names', () => {
    expect([...CAPABILITY_IDS]).toEqual([...WIRE_CAPABILITY_IDS]);
    expect(CORE_CAPABILITIES.map((c) => c.id)).toEqual([...CAPABILITY_IDS]);
  });

  it('have every text in every rubric language', () => {
    for (const c of CORE_CAPABILITIES)
      for (const lang of RUBRIC_LANGUAGES) {
        expect(c.title[lang]).toEqual(expect.any(String));
        expect(c.description[lang]?.length).toBeGreaterThan(20);
      }
  });

  it('rate like HSEEP: unable with a red line, else by how losses weigh against gains', () => {
    expect(draftRating(2, 0, 0)).toBe('P');
    expect(draftRating(3, 2, 0)).toBe('S');
    expect(draftRating(1, 3, 0)).toBe('M');
    expect(draftRating(5, 4, 1)).toBe('U');
  });

  it('an empty log gives a draft with no entries and no ratings', () => {
    const draft = aarDraft({
      format: 'crossroads.debrief/1',
      scenario: { id: 's', version: '1.0.0', title: { en: 'S', 'sr-Latn': 'S' }, country: 'RS' },
      rubric: { id: 'r', version: '1.0.0' },
      events: { count: 0, lastSeq: null },
      recipient: null,
      teams: [],
      comparison: [],
      warnings: [],
    });
    expect(draft.entries).toEqual([]);
    expect(draft.capabilities.every((c) => c.rating === null)).toBe(true);
  });
});
