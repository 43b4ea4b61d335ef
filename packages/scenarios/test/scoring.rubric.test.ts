import {
  DEFAULT_RUBRIC,
  RUBRICS,
  RUBRIC_LANGUAGES,
  RUBRIC_TRANSLATIONS,
  RUBRIC_V1_0_0,
  RUBRIC_V1_1_0,
  RUBRIC_V2_0_0,
  RUBRIC_V2_1_0,
  deriveRubric,
  getRubric,
  latestRubric,
  renderBasis,
  ruleById,
  translateRubric,
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

  it('keeps versions side by side, 1.1.0 differing from 1.0.0 in one rule, 2.1.0 the newest and the default', () => {
    expect(getRubric('1.0.0')).toBe(RUBRIC_V1_0_0);
    expect(getRubric('1.1.0')).toBe(RUBRIC_V1_1_0);
    expect(getRubric('9.9.9')).toBeUndefined();
    expect(latestRubric().version).toBe('2.1.0');
    expect(DEFAULT_RUBRIC).toBe(RUBRIC_V2_1_0);
    expect(getRubric('2.0.0')).toBe(RUBRIC_V2_0_0);
    expect(getRubric('2.1.0')).toBe(RUBRIC_V2_1_0);
    // 2.1.0 is 2.0.0 with the two rules on help given for nothing added, nothing else changed.
    expect(RUBRIC_V2_1_0.rules.slice(0, RUBRIC_V2_0_0.rules.length)).toEqual(RUBRIC_V2_0_0.rules);
    expect(RUBRIC_V2_1_0.rules.slice(RUBRIC_V2_0_0.rules.length).map((r) => r.id)).toEqual([
      'RIGHTS.STATUS.UNPAID_HELP_CHARGED',
      'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED',
    ]);
    expect(RUBRIC_V2_1_0.scoring).toEqual(RUBRIC_V2_0_0.scoring);
    expect(RUBRIC_V2_1_0.deadlines).toEqual(RUBRIC_V2_0_0.deadlines);
    const changed = RUBRIC_V1_1_0.rules.filter(
      (r) => JSON.stringify(r) !== JSON.stringify(ruleById(RUBRIC_V1_0_0, r.id)),
    );
    expect(changed.map((r) => r.id)).toEqual(['RIGHTS.INTERPRETER.NEUTRAL']);
    expect(RUBRIC_V1_1_0.rules).toHaveLength(RUBRIC_V1_0_0.rules.length);
    // the base version is not modified by deriving
    expect(ruleById(RUBRIC_V1_0_0, 'RIGHTS.INTERPRETER.NEUTRAL')?.points.evidence).toBe(1);
  });

  it('every rule, situation, title and note is written in all five languages', () => {
    expect([...RUBRIC_LANGUAGES]).toEqual(['en', 'sr-Latn', 'mk', 'sq', 'bs']);
    for (const rubric of RUBRICS) {
      for (const rule of rubric.rules) {
        for (const lang of RUBRIC_LANGUAGES) {
          expect([rule.id, lang, rule.title[lang]?.trim()]).toEqual([
            rule.id,
            lang,
            expect.any(String),
          ]);
        }
      }
    }
    const triage = ruleById(DEFAULT_RUBRIC, 'RIGHTS.LIFE.TRIAGE');
    expect(triage?.title.mk).toBe('Животот на прво место: прва помош и тријажа навреме');
    expect(triage?.title.sq).toBe('Jeta në radhë të parë: ndihma e parë dhe triazhi në kohë');
    expect(triage?.title.bs).toBe('Život na prvom mjestu: prva pomoć i trijaža na vrijeme');
    expect(RUBRIC_V1_1_0.changelog.map((c) => c.note.mk)).toEqual([
      'Прва објавена верзија.',
      expect.stringMatching(/^RIGHTS\.INTERPRETER\.NEUTRAL: докази \+1 → \+2/) as unknown,
    ]);
  });

  it('translations name only rules and situations the rubric has, and translate no text into English', () => {
    const ids = new Set(RUBRICS.flatMap((r) => r.rules.map((rule) => rule.id)));
    for (const [lang, translation] of Object.entries(RUBRIC_TRANSLATIONS)) {
      const unknown = Object.keys(translation.rules).filter((id) => !ids.has(id));
      expect({ lang, unknown }).toEqual({ lang, unknown: [] });
      const copied = DEFAULT_RUBRIC.rules.filter(
        (rule) => translation.rules[rule.id]?.[1] === rule.explanation.en,
      );
      expect({ lang, copied: copied.map((r) => r.id) }).toEqual({ lang, copied: [] });
      expect(Object.keys(translation.situations).sort()).toEqual(
        Object.keys(DEFAULT_RUBRIC.situations).sort(),
      );
    }
  });

  it('a text missing in a language is reported with the rule, the language and the file to fix', () => {
    const newRule = {
      ...RUBRIC_V1_0_0.rules[0]!,
      id: 'RIGHTS.LIFE.NEW_RULE',
      title: { en: 'New rule', 'sr-Latn': 'Novo pravilo' },
      explanation: { en: 'Why.', 'sr-Latn': 'Zašto.' },
    };
    const withNewRule = translateRubric({
      ...RUBRIC_V1_0_0,
      rules: [...RUBRIC_V1_0_0.rules, newRule],
    });
    const problems = validateRubric(withNewRule);
    expect(problems).toEqual([
      'rule RIGHTS.LIFE.NEW_RULE: no mk title (add it in packages/scenarios/src/rubric/i18n/mk.ts)',
      'rule RIGHTS.LIFE.NEW_RULE: no mk explanation (add it in packages/scenarios/src/rubric/i18n/mk.ts)',
      'rule RIGHTS.LIFE.NEW_RULE: no sq title (add it in packages/scenarios/src/rubric/i18n/sq.ts)',
      'rule RIGHTS.LIFE.NEW_RULE: no sq explanation (add it in packages/scenarios/src/rubric/i18n/sq.ts)',
      'rule RIGHTS.LIFE.NEW_RULE: no bs title (add it in packages/scenarios/src/rubric/i18n/bs.ts)',
      'rule RIGHTS.LIFE.NEW_RULE: no bs explanation (add it in packages/scenarios/src/rubric/i18n/bs.ts)',
    ]);
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
