/**
 * Every text the scoring composes, and every legal source it cites, is written in all five languages
 * (en, sr-Latn, mk, sq, bs), and a debrief read in Macedonian, Albanian or Bosnian carries no English:
 * - the source check: each `lt(...)` in src/scoring has five texts and no composed text literal lacks one;
 * - the legal sources: each basis of each rubric has a citation in every language, none left in English;
 * - the flagship's scripted session (a careful and a careless team), debriefed in full and for one
 *   trainee: every text has all five languages and no English word of its English text reappears in
 *   the Macedonian, Albanian or Bosnian one;
 * - durations take each language's plural forms.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { RUBRICS, RUBRIC_LANGUAGES, renderBasisIn } from '../src/rubric';
import type { LegalBasis, RubricLang } from '../src/rubric';
import { debrief, renderDebriefText } from '../src/scoring';
import type { Debrief } from '../src/scoring';
import { duration, list, people } from '../src/scoring/text';
import { flagshipSession } from '../examples/generate';
import { loadCatalogue } from './scripted-play';

const OTHERS = ['mk', 'sq', 'bs'] as const;
/**
 * Literals that copy a scenario's text rather than compose one (the scenario has the languages it
 * has; the scenario validator checks them): local() in scenario-index.ts.
 */
const COPIES = new Set(['scenario-index.ts#local']);

/** `file#function` of the named function declaration a node is in (by name, so edits above keep it). */
function inFunction(file: string, n: ts.Node): string {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent)
    if (ts.isFunctionDeclaration(p) && p.name) return `${file}#${p.name.text}`;
  return `${file}#`;
}
const scoringDir = join(__dirname, '..', 'src', 'scoring');

describe('composed texts in the scoring source', () => {
  const files = readdirSync(scoringDir).filter((f) => f.endsWith('.ts'));
  const problems: string[] = [];
  let calls = 0;
  for (const f of files) {
    const src = readFileSync(join(scoringDir, f), 'utf8');
    const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${f}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'lt') {
        calls++;
        if (n.arguments.length !== RUBRIC_LANGUAGES.length)
          problems.push(`${where(n)}: lt() with ${n.arguments.length} texts`);
      }
      if (ts.isObjectLiteralExpression(n)) {
        const keys = n.properties.map((p) =>
          p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '',
        );
        // A text literal ({ en: …, 'sr-Latn': … }) must name every language; other objects are not texts.
        if (keys.includes('en') && keys.includes('sr-Latn') && !COPIES.has(inFunction(f, n)))
          for (const lang of RUBRIC_LANGUAGES)
            if (!keys.includes(lang)) problems.push(`${where(n)}: text without ${lang}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  it('every lt() call names all five languages, and so does every text literal', () => {
    expect(calls).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });
});

/** Lower-case words of at least `min` letters (names and acronyms are capitalised and pass). */
const words = (s: string, min: number) =>
  new Set((s.match(/\p{L}+/gu) ?? []).filter((w) => w.length >= min && w === w.toLowerCase()));

/**
 * Words that are English and also right in Albanian or Bosnian (so their reappearance is no leak),
 * and the words of the rubric's id, which the score method quotes.
 */
const SHARED = new Set([
  'audio',
  'video',
  'person',
  'element',
  'material',
  'plan',
  'status',
  'hash',
  'mail',
  'migrant',
  'private',
  'formal',
  // "standard i BE-së", "standard EU": the note on EU law outside the EU
  'standard',
  // a Serbian term the flagship's English quotes
  'pritvor',
  'crossroads',
  'core',
]);

/** Words of the English text that reappear in the other language's text. */
function english(en: string, other: string, min = 3): string[] {
  const theirs = words(other, min);
  return [...words(en, min)].filter((w) => /^[a-z]+$/.test(w) && !SHARED.has(w) && theirs.has(w));
}

describe('legal sources', () => {
  const bases = new Map<string, LegalBasis>();
  for (const rubric of RUBRICS)
    for (const rule of rubric.rules)
      for (const b of rule.legalBasis) bases.set(`${b.instrument} | ${b.article ?? b.case}`, b);
  const all = [...bases.entries()];

  it('are many and cited in every language', () => {
    expect(all.length).toBeGreaterThan(100);
    const missing = all.flatMap(([key, b]) =>
      RUBRIC_LANGUAGES.filter((lang) => !b.text[lang]?.trim()).map((lang) => `${key}: ${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it('keep the English citation as it was (instrument, then article or judgment)', () => {
    for (const [, b] of all)
      expect(b.text.en).toBe(`${b.instrument}${b.case ? ', ' : ' '}${b.article ?? b.case}`);
  });

  it.each(['sr-Latn', ...OTHERS] as const)('in %s carry no English word', (lang) => {
    const leaks = all.flatMap(([key, b]) => {
      const found = english(b.text.en, b.text[lang]);
      return found.length > 0 ? [`${key} → ${b.text[lang]} (${found.join(', ')})`] : [];
    });
    expect(leaks).toEqual([]);
  });

  it('in Macedonian are in Cyrillic: no lower-case Latin letter at all', () => {
    const latin = all.filter(([, b]) => /[a-z]/.test(b.text.mk)).map(([, b]) => b.text.mk);
    expect(latin).toEqual([]);
  });

  it('name the instruments as their readers find them', () => {
    const palermo = all.find(([k]) => k.startsWith('UN Smuggling of Migrants Protocol'))?.[1];
    expect(palermo?.text.mk).toMatch(/^Протокол против криумчарење мигранти/);
    expect(palermo?.text.bs).toMatch(
      /^Protokol protiv krijumčarenja migranata kopnom, morem i zrakom/,
    );
    expect(palermo?.text.sq).toMatch(/^Protokolli kundër kontrabandës së migrantëve/);
    const echr3 = all.find(([k]) => k === 'ECHR | art. 3')?.[1];
    expect(echr3 && RUBRIC_LANGUAGES.map((l) => echr3.text[l])).toEqual([
      'ECHR art. 3',
      'EKLJP čl. 3',
      'ЕКЧП чл. 3',
      'KEDNJ neni 3',
      'EKLJP čl. 3',
    ]);
    const verified = all.find(([k]) => k.startsWith('Serbian Criminal Code'))?.[1];
    expect(verified && renderBasisIn(verified, 'mk')).toBe(
      'Кривичен законик на Србија чл. 350(2) [да се провери]',
    );
  });
});

/** Every text of a debrief (an object with en and sr-Latn), with where it sits. */
function texts(x: unknown, path = '$', out: [string, Record<string, unknown>][] = []) {
  if (Array.isArray(x)) x.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.en === 'string' && 'sr-Latn' in o) out.push([path, o]);
    else for (const [k, v] of Object.entries(o)) texts(v, `${path}.${k}`, out);
  }
  return out;
}

describe('the flagship debrief in every language', () => {
  const c = loadCatalogue('reefer-horgos');
  const events = flagshipSession(c);
  const full = debrief(c, events);
  const forTrainee = debrief(c, events, undefined, {
    recipient: { team: 'team-b', role: 'border_police' },
  });
  const cases: [string, Debrief][] = [
    ['whole', full],
    ['one trainee', forTrainee],
  ];

  it('the session exercises the composed texts (state findings, case file, missed chances)', () => {
    const b = full.teams.find((t) => t.team === 'team-b');
    expect(b?.outcome.accountability.length).toBeGreaterThan(0);
    expect(b?.missedOpportunities.length).toBeGreaterThan(0);
    expect(b?.evidence.length).toBeGreaterThan(0);
    expect(full.teams.flatMap((t) => t.items).length).toBeGreaterThan(20);
    expect(texts(full).length).toBeGreaterThan(300);
  });

  it.each(cases)('%s: every text has all five languages', (_name, d) => {
    const missing = texts(d).flatMap(([path, t]) =>
      RUBRIC_LANGUAGES.filter((l) => typeof t[l] !== 'string' || (t.en !== '' && t[l] === '')).map(
        (l) => `${path}: ${l}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it.each(cases.flatMap(([name, d]) => OTHERS.map((lang) => [name, lang, d] as const)))(
    '%s, in %s: no English word of a text reappears in its translation',
    (_name, lang: RubricLang, d) => {
      const leaks = texts(d).flatMap(([path, t]) => {
        const found = english(t.en as string, String(t[lang]), 4);
        return found.length > 0 ? [`${path}: “${String(t[lang])}” (${found.join(', ')})`] : [];
      });
      expect(leaks).toEqual([]);
    },
  );

  it.each(cases)('%s: the legal bases it cites have all five languages', (_name, d) => {
    const cited = d.teams.flatMap((t) => [
      ...t.items.flatMap((i) => i.legalBasis),
      ...t.redLines.flatMap((r) => r.legalBasis),
    ]);
    expect(cited.length).toBeGreaterThan(0);
    for (const b of cited) for (const l of RUBRIC_LANGUAGES) expect(b.text[l]).toBeTruthy();
  });

  it.each(cases.flatMap(([name, d]) => OTHERS.map((lang) => [name, lang, d] as const)))(
    '%s, rendered as text in %s: no word of the English rendering that Serbian does not share',
    (_name, lang: RubricLang, d) => {
      // Words the English and Serbian renderings share are ids, names and numbers; the rest is English.
      const serbian = words(renderDebriefText(d, { lang: 'sr-Latn' }), 4);
      const englishOnly = [...words(renderDebriefText(d, { lang: 'en' }), 4)].filter(
        (w) => !serbian.has(w) && !SHARED.has(w),
      );
      expect(englishOnly.length).toBeGreaterThan(100);
      const rendered = words(renderDebriefText(d, { lang }), 4);
      expect(englishOnly.filter((w) => rendered.has(w))).toEqual([]);
    },
  );

  it('reads in Macedonian in Cyrillic: the outcome, the score methods and the item details', () => {
    for (const team of full.teams) {
      for (const t of [
        team.outcome.reason,
        team.evidenceScore.methodText,
        team.rightsScore.methodText,
      ])
        expect(t.mk).toMatch(/[\u0400-\u04FF]/);
      for (const i of team.items) if (i.detail.en) expect(i.detail.mk).toMatch(/[\u0400-\u04FF]/);
    }
  });
});

describe('durations in words with each language’s plural forms', () => {
  const cases: [number, Record<RubricLang, string>][] = [
    [1, { en: '1 minute', 'sr-Latn': '1 minut', mk: '1 минута', sq: '1 minutë', bs: '1 minuta' }],
    [3, { en: '3 minutes', 'sr-Latn': '3 minuta', mk: '3 минути', sq: '3 minuta', bs: '3 minute' }],
    [22 * 60, { en: '22 hours', 'sr-Latn': '22 sata', mk: '22 часа', sq: '22 orë', bs: '22 sata' }],
    [
      5 * 1440 + 21 * 60 + 11,
      {
        en: '5 days 21 hours 11 minutes',
        'sr-Latn': '5 dana 21 sat 11 minuta',
        mk: '5 дена 21 час 11 минути',
        sq: '5 ditë 21 orë 11 minuta',
        bs: '5 dana 21 sat 11 minuta',
      },
    ],
    [
      1440 + 60,
      {
        en: '1 day 1 hour',
        'sr-Latn': '1 dan 1 sat',
        mk: '1 ден 1 час',
        sq: '1 ditë 1 orë',
        bs: '1 dan 1 sat',
      },
    ],
  ];
  it.each(cases)('%d minutes', (minutes, want) => {
    expect(duration(minutes)).toEqual(want);
  });

  it('counts people: one, few (Serbian, Bosnian) and other', () => {
    expect(people(2)).toEqual({
      en: '2 people',
      'sr-Latn': '2 osobe',
      mk: '2 лица',
      sq: '2 persona',
      bs: '2 osobe',
    });
    expect(people(5)['sr-Latn']).toBe('5 osoba');
    expect(people(21)['bs']).toBe('21 osoba');
  });
});

describe('lists of names in each language’s words', () => {
  it('joins two and three names as the language lists things (Intl.ListFormat)', () => {
    expect(list(['Omar H.', 'Wali A.'])).toEqual({
      en: 'Omar H. and Wali A.',
      'sr-Latn': 'Omar H. i Wali A.',
      mk: 'Omar H. и Wali A.',
      sq: 'Omar H. dhe Wali A.',
      bs: 'Omar H. i Wali A.',
    });
    expect(list(['Omar H.', 'Wali A.', 'Tariq M.'])).toEqual({
      en: 'Omar H., Wali A., and Tariq M.',
      'sr-Latn': 'Omar H., Wali A. i Tariq M.',
      mk: 'Omar H., Wali A. и Tariq M.',
      sq: 'Omar H., Wali A. dhe Tariq M.',
      bs: 'Omar H., Wali A. i Tariq M.',
    });
    expect(list([])).toEqual({ en: '', 'sr-Latn': '', mk: '', sq: '', bs: '' });
    expect(list(['Omar H.']).mk).toBe('Omar H.');
  });

  it('separates names that hold a comma with semicolons, so the list cannot be read as more names', () => {
    const names = ['Marko, who drove', 'Nadia, his sister', 'Jelena'];
    expect(list(names)).toEqual({
      en: 'Marko, who drove; Nadia, his sister; and Jelena',
      'sr-Latn': 'Marko, who drove; Nadia, his sister; i Jelena',
      mk: 'Marko, who drove; Nadia, his sister; и Jelena',
      sq: 'Marko, who drove; Nadia, his sister; dhe Jelena',
      bs: 'Marko, who drove; Nadia, his sister; i Jelena',
    });
    expect(list(names.slice(1)).en).toBe('Nadia, his sister; and Jelena');
    // A comma inside brackets is no such comma.
    expect(list(['Omar H.', 'Eight passengers (Afghan, Syrian)']).en).toBe(
      'Omar H. and Eight passengers (Afghan, Syrian)',
    );
  });

  it('reads the same where the runtime has list data for English only (an ICU built small)', () => {
    const Real = Intl.ListFormat;
    class EnglishOnly extends Real {
      constructor(_locales?: Intl.LocalesArgument, options?: Intl.ListFormatOptions) {
        super('en', options);
      }
    }
    const swap = (value: typeof Real) =>
      Object.defineProperty(Intl, 'ListFormat', { value, writable: true, configurable: true });
    swap(EnglishOnly);
    try {
      jest.isolateModules(() => {
        // Loaded afresh, so its formatters are built under the English-only runtime.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../src/scoring/text') as { list: typeof list };
        for (const names of [
          ['Omar H.', 'Wali A.'],
          ['Omar H.', 'Wali A.', 'Tariq M.'],
          ['Marko, who drove', 'Nadia, his sister', 'Jelena'],
          ['Nadia, his sister', 'Jelena'],
        ])
          expect(fresh.list(names)).toEqual(list(names));
      });
    } finally {
      swap(Real);
    }
  });

  it('takes each language’s text of a name, English where the name has none', () => {
    expect(
      list([
        { en: 'Nadia', 'sr-Latn': 'Nadija' },
        { en: 'the driver', 'sr-Latn': 'vozač', mk: 'возачот' },
      ]),
    ).toEqual({
      en: 'Nadia and the driver',
      'sr-Latn': 'Nadija i vozač',
      mk: 'Nadia и возачот',
      sq: 'Nadia dhe the driver',
      bs: 'Nadia i the driver',
    });
  });
});
