/**
 * Scenario language 2: 1.x files are migrated when read, and a catalogue scenario states facts only
 * (no rubric rule ids, no legal verdicts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_VERSION, parseScenario } from '../src';
import { loadCatalogue } from '../node';

const MINI = readFileSync(join(__dirname, 'fixtures', 'mini.yaml'), 'utf8');

/** The mini fixture with one option's effects replaced (the fixture has an open_van decision). */
function withEffects(effects: string, header = ''): string {
  const text = `${header}${MINI}`;
  const marker = '              - { act: open_vehicle }';
  if (!text.includes(marker)) throw new Error('fixture changed: no open_vehicle effect');
  return text.replace(marker, effects);
}

describe('scenario language 2', () => {
  it('reads a 1.x file (no language field) as language 2, rewriting a chase verdict into neutral facts', () => {
    const r = parseScenario(
      withEffects('              - { act: chase, params: { reckless: true } }'),
      { file: 'mini.yaml' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.language).toBe(LANGUAGE_VERSION);
    const effects = r.scenario.phases.flatMap((p) =>
      p.decisions.flatMap((d) => d.options.flatMap((o) => o.effects)),
    );
    const pursuit = effects.find((e) => 'act' in e && e.act === 'pursuit');
    expect(pursuit).toMatchObject({
      act: 'pursuit',
      params: { speed: 'high', alternativesConsidered: false, authorised: false },
    });
    expect(effects.some((e) => 'act' in e && (e.act as string) === 'chase')).toBe(false);
    const note = r.warnings.find((w) => w.message.includes('chase'));
    expect(note?.line).toBeGreaterThan(0);
  });

  it('rejects language 1 wording in a file that says it is language 2, and unknown language versions', () => {
    const v2 = parseScenario(
      withEffects('              - { act: chase, params: { reckless: true } }', 'language: 2\n'),
    );
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.errors.map((e) => e.message).join(' ')).toMatch(/unknown act .*chase/);
    const v3 = parseScenario(`language: 3\n${MINI}`);
    expect(v3.ok).toBe(false);
  });

  it('migrates an inquiry without parameters and a consular notice without a reason', () => {
    const r = parseScenario(
      withEffects(
        [
          '              - { act: independent_inquiry }',
          '              - { act: consular_notification, group: all_migrants, params: { consent: true } }',
        ].join('\n'),
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const acts = r.scenario.phases.flatMap((p) =>
      p.decisions.flatMap((d) => d.options.flatMap((o) => o.effects.filter((e) => 'act' in e))),
    );
    expect(acts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          act: 'independent_inquiry',
          params: { by: 'independent_body', coversStateAgents: true, familyParticipation: true },
        }),
        expect.objectContaining({
          act: 'consular_notification',
          params: { reason: 'other', consent: true },
        }),
      ]),
    );
    expect(r.warnings.filter((w) => /language 1/.test(w.message))).toHaveLength(2);
  });

  it('every catalogue scenario is language 2 and reads the same with or without its language line', () => {
    const dir = join(__dirname, '..', 'catalogue');
    const loaded = loadCatalogue();
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    for (const l of loaded) {
      if (!l.ok) throw new Error(`${l.name}: ${JSON.stringify(l.errors)}`);
      const text = readFileSync(join(dir, l.name), 'utf8');
      // A file still written in language 1.x loads through the migration; a language 2 file reads the same
      // without its language line (language 2 only adds to language 1).
      if (!/^language: 2$/m.test(text)) continue;
      const asV1 = parseScenario(text.replace(/^language: 2\n/m, ''), { file: l.name });
      if (!asV1.ok) throw new Error(JSON.stringify(asV1.errors));
      expect(asV1.scenario).toEqual(l.scenario);
      expect(asV1.warnings).toEqual(l.warnings);
    }
  });
});

describe('facts, not conclusions: rule ids and verdicts in scenarios', () => {
  it('the catalogue names no rubric rule and states no legal verdict', () => {
    for (const l of loadCatalogue()) {
      if (!l.ok) throw new Error(`${l.name}: ${JSON.stringify(l.errors)}`);
      expect(l.verdicts).toEqual([]);
    }
  });

  it('a catalogue scenario with an annotation, a rule id in a text or a verdict fact is invalid, with lines', () => {
    // The mini fixture carries author annotations: a draft may, a catalogue scenario may not.
    const draft = parseScenario(MINI, { file: 'mini.yaml' });
    expect(draft.ok).toBe(true);
    if (draft.ok) expect(draft.verdicts.length).toBeGreaterThan(0);
    const strict = parseScenario(MINI, { file: 'mini.yaml', catalogue: true });
    expect(strict.ok).toBe(false);
    if (strict.ok) return;
    const annotation = strict.errors.find((e) => e.path.includes('annotations'));
    expect(annotation?.message).toMatch(/catalogue scenario: .*rubric rule "R0\d"/);
    expect(annotation?.line).toBeGreaterThan(0);
    // An editor words it in its reader's language from the code and values.
    expect(annotation).toMatchObject({
      code: 'option_rates_itself',
      params: {
        rule: expect.stringMatching(/^R0\d$/),
        axis: expect.stringMatching(/^(evidence|rights)$/),
      },
    });
    expect(annotation?.params?.points).toMatch(/^[+-]\d+$/);

    const clean = MINI.replace(/^\s*annotations:.*$/gm, '');
    expect(parseScenario(clean, { catalogue: true }).ok).toBe(true);
    const inText = parseScenario(
      clean.replace('en: Van at Kelebija', 'en: Van at Kelebija (R31)'),
      { catalogue: true },
    );
    expect(inText.ok).toBe(false);
    if (!inText.ok) {
      expect(inText.errors[0]?.message).toMatch(/names the rubric rule "R31"/);
      expect(inText.errors[0]).toMatchObject({
        code: 'rule_named_in_text',
        params: { rule: 'R31' },
      });
    }
    const verdictFact = parseScenario(
      clean.replace(
        'facts:\n',
        'facts:\n  - { id: search_unlawful, type: boolean, initial: false }\n',
      ),
      { catalogue: true },
    );
    expect(verdictFact.ok).toBe(false);
    if (!verdictFact.ok) {
      expect(verdictFact.errors[0]?.message).toMatch(/"search_unlawful" states a legal conclusion/);
      expect(verdictFact.errors[0]).toMatchObject({
        code: 'verdict_fact_id',
        params: { fact: 'search_unlawful', word: 'unlawful' },
      });
    }
  });

  it('a "taint" effect fails a catalogue scenario; an uploaded file keeps loading and working, with a warning', () => {
    const clean = MINI.replace(/^\s*annotations:.*$/gm, '');
    const taint = [
      '              - { act: open_vehicle }',
      '              - if: { evidence: driver_phone, status: obtained }',
      '                then:',
      '                  - { taint: driver_phone, reason: { en: Inadmissible, sr-Latn: Nedozvoljen } }',
    ].join('\n');
    const strict = parseScenario(withEffects(taint).replace(/^\s*annotations:.*$/gm, ''), {
      catalogue: true,
    });
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      const e = strict.errors.find((x) => x.path.endsWith('taint'));
      expect(e?.message).toMatch(/catalogue scenario: "taint" states a verdict/);
      expect(e?.line).toBeGreaterThan(0);
    }
    expect(parseScenario(clean, { catalogue: true }).ok).toBe(true);
    // Outside the catalogue (an upload, in language 1 or 2): it loads, and the warning says what to write.
    for (const header of ['', 'language: 2\n']) {
      const upload = parseScenario(withEffects(taint, header), { file: 'upload.yaml' });
      if (!upload.ok) throw new Error(JSON.stringify(upload.errors));
      const w = upload.warnings.find((x) => x.path.endsWith('taint'));
      expect(w?.message).toMatch(/deprecated.*plea_agreement.*custody_transfer.*withdrawn/);
      expect(w?.line).toBeGreaterThan(0);
    }
  });
});
