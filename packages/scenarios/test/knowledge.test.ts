import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkAnswers,
  knowledgeResults,
  parseKnowledgeCheck,
  publicCheck,
  scoreAnswers,
  type KnowledgeCheck,
} from '../src';

const DIR = path.join(__dirname, '..', 'knowledge-checks');

const BASE = `
format: crossroads.knowledge-check/1
id: t
version: 1.0.0
title: { en: T, sr-Latn: T }
languages: [en, sr-Latn]
scenarios: [s]
questions:
  - id: one
    kind: single
    prompt: { en: One?, sr-Latn: Jedan? }
    options:
      - { id: a, correct: true, text: { en: A, sr-Latn: A } }
      - { id: b, text: { en: B, sr-Latn: B } }
  - id: many
    kind: multiple
    prompt: { en: Many?, sr-Latn: Više? }
    options:
      - { id: a, correct: true, text: { en: A, sr-Latn: A } }
      - { id: b, correct: true, text: { en: B, sr-Latn: B } }
      - { id: c, text: { en: C, sr-Latn: C } }
  - id: sure
    kind: confidence
    prompt: { en: Sure?, sr-Latn: Sigurni? }
    scale: 5
    low: { en: No, sr-Latn: Ne }
    high: { en: Yes, sr-Latn: Da }
`;

function parsed(text = BASE): KnowledgeCheck {
  const result = parseKnowledgeCheck(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.check;
}

const errorsOf = (text: string) => {
  const result = parseKnowledgeCheck(text);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('knowledge checks as data', () => {
  it('every file in knowledge-checks/ validates, in all five client languages', () => {
    const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const check = parsed(readFileSync(path.join(DIR, file), 'utf8'));
      expect(check.languages).toEqual(['en', 'sr-Latn', 'mk', 'sq', 'bs']);
      expect(check.questions.some((q) => q.kind === 'confidence')).toBe(true);
      expect(check.questions.some((q) => q.kind !== 'confidence')).toBe(true);
    }
  });

  it('writes Macedonian in Cyrillic and Albanian and Bosnian in Latin script, never copied from English', () => {
    const latin = /[A-Za-z]/;
    const cyrillic = /[\u0400-\u04FF]/;
    for (const file of readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))) {
      const check = parsed(readFileSync(path.join(DIR, file), 'utf8'));
      const texts = [
        check.title,
        ...check.questions.flatMap((q) =>
          q.kind === 'confidence'
            ? [q.prompt, q.low, q.high]
            : [q.prompt, ...q.options.map((o) => o.text)],
        ),
      ];
      for (const t of texts) {
        if (typeof t === 'string') throw new Error(`${file}: untranslated text ${t}`);
        const where = `${file}: ${t.en}`;
        expect([where, latin.test(t.mk ?? ''), cyrillic.test(t.mk ?? '')]).toEqual([
          where,
          false,
          true,
        ]);
        for (const other of [t.sq, t.bs]) {
          expect([where, other !== undefined && !cyrillic.test(other)]).toEqual([where, true]);
        }
        expect([where, t.sq === t.en || t.bs === t.en || t.mk === t.en]).toEqual([where, false]);
      }
    }
  });

  it('every catalogue scenario carries a check, and a check for courses carries none', () => {
    const checks = readdirSync(DIR)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => parsed(readFileSync(path.join(DIR, f), 'utf8')));
    const catalogue = path.join(__dirname, '..', 'catalogue');
    const scenarios = readdirSync(catalogue)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => /^id: (\S+)$/m.exec(readFileSync(path.join(catalogue, f), 'utf8'))?.[1]);
    expect(scenarios).toContain('night-on-the-drina');
    for (const id of scenarios) {
      expect([id, checks.filter((c) => c.scenarios.includes(id ?? '')).length]).toEqual([id, 1]);
    }
    expect(checks.filter((c) => c.scenarios.length === 0).map((c) => c.id)).toEqual([
      'route-course-core',
    ]);
  });

  it('refuses what the schema and the rules forbid, saying where', () => {
    expect(errorsOf(BASE.replace('{ en: One?, sr-Latn: Jedan? }', '{ en: One? }'))).toEqual([
      'questions[0].prompt: missing the sr-Latn text',
    ]);
    expect(
      errorsOf(
        BASE.replace('languages: [en, sr-Latn]', 'languages: [en, sr-Latn, mk]').replace(
          'title: { en: T, sr-Latn: T }',
          'title: { en: T, sr-Latn: T, mk: Т }',
        ),
      ),
    ).toContain('questions[0].prompt: missing the mk text');
    expect(
      errorsOf(BASE.replace('title: { en: T, sr-Latn: T }', 'title: { en: T, de: T }')),
    ).not.toEqual([]);
    expect(
      errorsOf(BASE.replace('{ id: b, text: { en: B', '{ id: b, correct: true, text: { en: B')),
    ).toEqual([
      'questions[0].options: a single-choice question needs exactly one correct option (has 2)',
    ]);
    expect(errorsOf(BASE.replace('id: many', 'id: one'))).toEqual([
      'questions[1].id: duplicate question id one',
    ]);
    expect(errorsOf(BASE.replace('scale: 5', 'scale: 12'))[0]).toMatch(/^questions\[2\]\.scale/);
    expect(errorsOf(BASE.replace('kind: single', 'kind: essay'))[0]).toMatch(/^questions\[0\]/);
    expect(errorsOf(`${BASE}\nrun: "alert(1)"\n`)[0]).toMatch(/run/);
    expect(errorsOf('questions: [')[0]).toBeDefined();
  });

  it('checks and scores answers: a multiple choice counts only when exactly right', () => {
    const check = parsed();
    const good = [
      { question: 'one', options: ['a'] },
      { question: 'many', options: ['a', 'b'] },
      { question: 'sure', value: 4 },
    ];
    expect(checkAnswers(check, good)).toEqual({ ok: true });
    expect(scoreAnswers(check, good)).toEqual({ correct: 2, of: 2 });
    expect(
      scoreAnswers(check, [
        { question: 'one', options: ['a'] },
        { question: 'many', options: ['a'] },
      ]),
    ).toEqual({
      correct: 1,
      of: 2,
    });
    expect(checkAnswers(check, good.slice(0, 2))).toMatchObject({
      ok: false,
      message: 'Unanswered: sure.',
    });
    expect(checkAnswers(check, [...good.slice(0, 2), { question: 'sure', value: 6 }]).ok).toBe(
      false,
    );
    expect(
      checkAnswers(check, [{ question: 'one', options: ['a', 'b'] }, ...good.slice(1)]).ok,
    ).toBe(false);
    expect(checkAnswers(check, [...good, { question: 'one', options: ['a'] }]).ok).toBe(false);
    expect(JSON.stringify(publicCheck(check))).not.toContain('correct');
  });

  it('aggregates per agency and question with the gain', () => {
    const check = parsed();
    const right = [
      { question: 'one', options: ['a'] },
      { question: 'many', options: ['a', 'b'] },
      { question: 'sure', value: 5 },
    ];
    const wrong = [
      { question: 'one', options: ['b'] },
      { question: 'many', options: ['c'] },
      { question: 'sure', value: 1 },
    ];
    const results = knowledgeResults(check, [
      { agency: 'police', phase: 'pre', answers: wrong },
      { agency: 'police', phase: 'post', answers: right },
      { agency: 'ngo', phase: 'pre', answers: right },
    ]);
    const police = results.agencies.find((a) => a.agency === 'police');
    expect(police).toMatchObject({ pre: { n: 1, value: 0 }, post: { n: 1, value: 1 }, gain: 1 });
    expect(police?.confidencePre.value).toBe(1);
    expect(police?.confidencePost.value).toBe(5);
    expect(results.agencies.find((a) => a.agency === 'ngo')?.gain).toBeNull();
    expect(results.overall.pre).toEqual({ n: 2, value: 0.5 });
    expect(results.overall.questions.find((q) => q.question === 'sure')?.gain).toBe(2);
  });
});
