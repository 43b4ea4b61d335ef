/**
 * Legal bases are checked: every rule cites an instrument and article (and the leading case where one
 * leads), the reviewed table SOURCES.md lists them all and is never stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RUBRIC, RUBRICS, sourceProblems, sourcesTable } from '../src';

const FILE = join(__dirname, '..', 'src', 'rubric', 'SOURCES.md');

const cites = (ruleId: string, re: RegExp) =>
  DEFAULT_RUBRIC.rules
    .find((r) => r.id === ruleId)
    ?.legalBasis.some((b) => re.test(`${b.instrument} ${b.article ?? ''} ${b.case ?? ''}`)) ??
  false;

describe('legal sources', () => {
  it.each(RUBRICS.map((r) => [r.version, r] as const))(
    'rubric %s: every rule has an instrument and article',
    (_v, r) => {
      expect(sourceProblems(r)).toEqual([]);
    },
  );

  it('a rule without sources is reported', () => {
    const broken = {
      ...DEFAULT_RUBRIC,
      rules: [{ ...DEFAULT_RUBRIC.rules[0]!, legalBasis: [] }],
    };
    expect(sourceProblems(broken)).toEqual([`${DEFAULT_RUBRIC.rules[0]!.id}: no legal basis`]);
  });

  it('leading cases are cited where they lead', () => {
    for (const r of DEFAULT_RUBRIC.rules) {
      if (r.sketch.includes('R31') && r.id.startsWith('RIGHTS.LIFE.'))
        expect([r.id, cites(r.id, /Makaratzis/)]).toEqual([r.id, true]);
      if (r.sketch.includes('R32'))
        expect([r.id, cites(r.id, /Ramsahai|Armani Da Silva/)]).toEqual([r.id, true]);
    }
  });

  it("a criminal suspect's custody rests on ECHR art. 5 and Directive 2013/48, not the Return Directive", () => {
    for (const id of [
      'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS',
      'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS',
    ]) {
      expect(cites(id, /^ECHR art\. 5/)).toBe(true);
      expect(cites(id, /2013\/48/)).toBe(true);
      expect(cites(id, /Return Directive/)).toBe(false);
    }
  });

  it('SOURCES.md lists every rule with its sources and is up to date (UPDATE_SOURCES=1 rewrites it)', () => {
    const text = sourcesTable(DEFAULT_RUBRIC);
    if (process.env.UPDATE_SOURCES === '1') writeFileSync(FILE, text);
    const file = readFileSync(FILE, 'utf8');
    expect(file).toBe(text);
    for (const r of DEFAULT_RUBRIC.rules) expect(file).toContain(`\`${r.id}\``);
  });
});
