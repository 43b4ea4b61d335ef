/**
 * Evidence as a case file: admissibility from provenance and from the acts that produced it, fruit of
 * the poisonous tree, absent witnesses, corroboration by independent sources, and the outcome.
 */
import { debrief } from '../src/scoring';
import type { CaseEvidence, ElementStrength, TeamDebrief } from '../src/scoring';
import { lab, labLog, labWithEndings } from './scoring/lab';
import type { LabStep } from './scoring/lab';

function team(steps: LabStep[], withEndings = false): TeamDebrief {
  const c = withEndings ? labWithEndings() : lab();
  const t = debrief(c, labLog(steps)).teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}
const item = (t: TeamDebrief, id: string): CaseEvidence | undefined =>
  t.evidence.find((e) => e.id === id);
const element = (t: TeamDebrief, el: string): ElementStrength | undefined =>
  t.caseStrength.find((e) => e.element === el);

describe('admissibility', () => {
  it('a device browsed without an order is excluded, and so is what was found through it', () => {
    const t = team(['d_phone/browse']);
    expect(item(t, 'phone')?.status).toBe('excluded');
    expect(
      item(t, 'phone')
        ?.reasons.map((r) => r.en)
        .join(' '),
    ).toMatch(/Phone searched without an order/);
    expect(item(t, 'chats')?.status).toBe('excluded');
    expect(item(t, 'chats')?.reasons.map((r) => r.en)).toContain(
      'derived from excluded item phone',
    );
    const lawful = team(['d_phone/judicial']);
    expect(item(lawful, 'phone')?.status).toBe('admissible');
    expect(item(lawful, 'chats')?.status).toBe('admissible');
  });

  it('a statement taken through a co-national interpreter is excluded even if its record claims a certified one', () => {
    const t = team(['d_omar_interview/co_national']);
    const s = item(t, 'statement');
    expect(s?.provenance?.interpreter).toBe('certified');
    expect(s?.status).toBe('excluded');
    expect(s?.reasons.some((r) => /co-national/.test(r.en))).toBe(true);
  });

  it("a statement interpreted by the driver's cousin, a certified interpreter, is excluded for the tie, said once", () => {
    const t = team(['d_omar_interview/cousin']);
    const s = item(t, 'statement');
    expect(s?.status).toBe('excluded');
    expect(s?.reasons.map((r) => r.en)).toEqual([
      'statement taken in a flawed hearing: interpreted by someone tied to the suspects or to the person heard',
    ]);
  });

  it('a child heard without a guardian: the statement is excluded (TAINT)', () => {
    expect(item(team(['d_kid_interview/alone']), 'kid_statement')?.status).toBe('excluded');
    expect(item(team(['d_kid_interview/safe']), 'kid_statement')?.status).toBe('admissible');
  });

  it('an absent witness: sole or decisive → excluded; supported by independent evidence → weakened; deposed → admissible', () => {
    const sole = team(['d_omar_interview/certified', { inject: 'omar_leaves' }]);
    expect(item(sole, 'statement')?.status).toBe('excluded');
    expect(sole.witnessesLost).toEqual([
      expect.objectContaining({ person: 'omar', how: 'departed', seq: 3 }),
    ]);
    const supported = team([
      'd_phone/judicial',
      'd_omar_interview/certified',
      { inject: 'omar_leaves' },
    ]);
    expect(item(supported, 'statement')?.status).toBe('weakened');
    const deposed = team(['d_depo/depo', { inject: 'omar_leaves' }]);
    expect(item(deposed, 'statement')?.status).toBe('admissible');
    expect(deposed.witnessesLost).toEqual([]);
  });
});

describe('case strength', () => {
  it('counts independent sources: one source proves an element in part, two corroborate it', () => {
    const one = team(['d_cmr/cmr']);
    expect(element(one, 'facilitation')).toMatchObject({
      status: 'single_source',
      score: 0.5,
      independentSources: ['consignor'],
    });
    const two = team(['d_cmr/cmr', 'd_phone/judicial']);
    expect(element(two, 'facilitation')).toMatchObject({ status: 'corroborated', score: 1 });
    expect(element(two, 'organised_group')?.status).toBe('not_in_scenario');
    // every element behind the percentage lists its evidence and their status
    expect(element(two, 'facilitation')?.evidence).toEqual([
      { id: 'phone', status: 'admissible' },
      { id: 'cmr', status: 'admissible' },
    ]);
    expect(two.evidenceScore.caseStrength ?? 0).toBeGreaterThan(
      one.evidenceScore.caseStrength ?? 0,
    );
  });

  it('an excluded item counts for nothing', () => {
    const t = team(['d_phone/browse']);
    expect(element(t, 'benefit')).toMatchObject({ status: 'none', score: 0 });
  });
});

describe('outcome', () => {
  it.each<[string, LabStep[], string, string | null]>([
    ['conviction', ['d_phone/judicial', 'd_cmr/cmr', 'd_cash/cash'], 'conviction', 'e_conviction'],
    ['plea of the driver alone', ['d_phone/browse', 'd_cmr/cmr', 'd_cash/cash'], 'plea', 'e_plea'],
    ['acquittal', ['d_cmr/cmr'], 'acquittal', 'e_acquittal'],
    [
      'collapse (mapped to the acquittal ending: the scenario has no collapse ending)',
      ['d_cmr/cmr', 'd_omar_interview/certified', { inject: 'omar_leaves' }],
      'collapse',
      'e_acquittal',
    ],
    [
      'hard fail',
      ['d_phone/judicial', 'd_cmr/cmr', 'd_cash/cash', 'd_fence/pushback'],
      'hard_fail',
      'e_hard_fail',
    ],
  ])('%s', (_name, steps, kind, ending) => {
    const t = team(steps, true);
    expect(t.outcome.kind).toBe(kind);
    expect(t.outcome.ending?.id ?? null).toBe(ending);
    expect(t.outcome.reason.en.length).toBeGreaterThan(10);
    expect(t.outcome.reason['sr-Latn'].length).toBeGreaterThan(10);
    expect(t.outcome.final).toBe(true);
  });

  it('without a matching ending in the scenario the outcome stands alone', () => {
    expect(team(['d_cmr/cmr']).outcome.ending).toBeNull();
  });

  it('reports the ending the engine reached in play next to the assessed outcome', () => {
    const t = team(['d_cmr/cmr', 'd_end/finish']);
    expect(t.outcome.engineEnding).toMatchObject({ id: 'done', kind: 'other' });
  });
});
