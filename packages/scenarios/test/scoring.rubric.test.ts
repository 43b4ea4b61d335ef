import {
  DEFAULT_RUBRIC,
  RUBRICS,
  RUBRIC_V1_0_0,
  RUBRIC_V1_1_0,
  RUBRIC_V2_0_0,
  deriveRubric,
  getRubric,
  latestRubric,
  renderBasis,
  ruleById,
  validateRubric,
} from '../src/rubric';

describe('rubric catalogue', () => {
  it.each(RUBRICS.map((r) => [r.version, r] as const))(
    'version %s is internally consistent',
    (_v, rubric) => {
      expect(validateRubric(rubric)).toEqual([]);
    },
  );

  it('covers every situation R01..R38 of the rubric sketch', () => {
    const covered = new Set(DEFAULT_RUBRIC.rules.flatMap((r) => r.sketch));
    const all = Array.from({ length: 38 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);
    expect(all.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('marks exactly the non-derogable rights losses as HARD_FAIL', () => {
    const hardFail = DEFAULT_RUBRIC.rules
      .filter((r) => r.flags?.includes('HARD_FAIL'))
      .map((r) => r.id);
    expect(hardFail).toEqual(
      expect.arrayContaining([
        'RIGHTS.NONREFOULEMENT.PUSHBACK',
        'RIGHTS.NONREFOULEMENT.HANDOVER',
        'RIGHTS.LIFE.KEPT_INSIDE',
        'RIGHTS.LIFE.RECKLESS_CHASE',
      ]),
    );
    for (const id of hardFail) expect(ruleById(DEFAULT_RUBRIC, id)?.points.rights).toBe(-4);
  });

  it('keeps versions side by side, 1.1.0 differing from 1.0.0 in one rule, 2.0.0 the newest', () => {
    expect(getRubric('1.0.0')).toBe(RUBRIC_V1_0_0);
    expect(getRubric('1.1.0')).toBe(RUBRIC_V1_1_0);
    expect(getRubric('9.9.9')).toBeUndefined();
    expect(latestRubric().version).toBe('2.0.0');
    expect(getRubric('2.0.0')).toBe(RUBRIC_V2_0_0);
    const changed = RUBRIC_V1_1_0.rules.filter(
      (r) => JSON.stringify(r) !== JSON.stringify(ruleById(RUBRIC_V1_0_0, r.id)),
    );
    expect(changed.map((r) => r.id)).toEqual(['RIGHTS.INTERPRETER.NEUTRAL']);
    expect(RUBRIC_V1_1_0.rules).toHaveLength(RUBRIC_V1_0_0.rules.length);
    // the base version is not modified by deriving
    expect(ruleById(RUBRIC_V1_0_0, 'RIGHTS.INTERPRETER.NEUTRAL')?.points.evidence).toBe(1);
  });

  it('rejects a patch that changes a rule that does not exist, and reports inconsistent rules', () => {
    expect(() =>
      deriveRubric(RUBRIC_V1_0_0, {
        version: '2.0.0',
        note: { en: 'x', 'sr-Latn': 'x' },
        change: [{ id: 'RIGHTS.NOPE.NOPE', points: { rights: 1 } }],
      }),
    ).toThrow(/no rule RIGHTS\.NOPE\.NOPE/);
    const broken = deriveRubric(RUBRIC_V1_0_0, {
      version: '2.0',
      note: { en: 'x', 'sr-Latn': 'x' },
      change: [{ id: 'RIGHTS.LIFE.KEPT_INSIDE', points: { rights: -3 } }],
    });
    const problems = validateRubric(broken);
    expect(problems).toContain('version "2.0" is not semver');
    expect(
      problems.some((p) => p.includes('RIGHTS.LIFE.KEPT_INSIDE') && p.includes('HARD_FAIL')),
    ).toBe(true);
  });

  it('renders legal bases as citations and marks unverified national articles', () => {
    const misdemeanour = ruleById(DEFAULT_RUBRIC, 'RIGHTS.NONPENALISATION.MISDEMEANOUR');
    const lines = (misdemeanour?.legalBasis ?? []).map(renderBasis);
    expect(lines).toContain('UN Smuggling of Migrants Protocol art. 5');
    expect(
      lines.some(
        (l) =>
          l.startsWith('Serbian Law on Protection of the State Border') && l.endsWith('[verify]'),
      ),
    ).toBe(true);
    const pushback = ruleById(DEFAULT_RUBRIC, 'RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect((pushback?.legalBasis ?? []).map(renderBasis)).toContain(
      'ECtHR, Shahzad v. Hungary, no. 12625/17, 8 July 2021',
    );
  });
});
