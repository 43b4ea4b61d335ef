import en from '../src/i18n/en.json';
import { createI18n, SUPPORTED_LANGUAGES, resources } from '../src/i18n';
import {
  countsWithoutPlural,
  expectedKeys,
  flattenResource,
  pluralForms,
  translationGaps,
  type ResourceTree,
} from '../src/i18n/gaps';

const translations = SUPPORTED_LANGUAGES.filter((l) => l !== 'en');

describe('translation resources', () => {
  test('every supported language has a resource file, and all five are offered', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual(['bs', 'en', 'mk', 'sq', 'sr-Latn']);
  });

  // The failure lists each gap as `<language>: missing key "<key>" (English: "…") in <file>`.
  test.each(translations)(
    '%s has every English key, in its own plural forms, non-empty',
    (lang) => {
      const gaps = translationGaps(lang, en, resources[lang].translation as ResourceTree);
      expect(gaps).toEqual([]);
    },
  );

  test('English has only non-empty strings and both English plural forms', () => {
    expect(translationGaps('en', en, en)).toEqual([]);
  });

  test('plural rules: mk and sq have one/other, bs and sr-Latn one/few/other', () => {
    expect(pluralForms('mk')).toEqual(['one', 'other']);
    expect(pluralForms('sq')).toEqual(['one', 'other']);
    expect(pluralForms('bs')).toEqual(['few', 'one', 'other']);
    expect(pluralForms('sr-Latn')).toEqual(['few', 'one', 'other']);
  });

  test('Serbian and Bosnian are written in Latin script, Macedonian in Cyrillic', () => {
    const cyrillic = /[\u0400-\u04ff]/;
    const letters = /[A-Za-zčćžšđČĆŽŠĐ]/;
    for (const lang of ['sr-Latn', 'bs'] as const) {
      const inCyrillic = [...flattenResource(resources[lang].translation as ResourceTree)]
        .filter(([, v]) => cyrillic.test(String(v)))
        .map(([k]) => `${lang}: ${k}`);
      expect(inCyrillic).toEqual([]);
    }
    // Macedonian texts may keep product names, codes and key names (Crossroads, PDF, Tab),
    // but every text with words has Cyrillic in it.
    const latinOnly = [...flattenResource(resources.mk.translation as ResourceTree)]
      .filter(([, v]) => {
        const text = String(v).replace(
          /{{[^}]*}}|Crossroads|PDF|CSV|JSONL?|QR|ID|Tab|Enter|Shift/g,
          '',
        );
        return letters.test(text) && !cyrillic.test(text);
      })
      .map(([k]) => `mk: ${k}`);
    expect(latinOnly).toEqual([]);
  });

  test('the nav link to the facilitator pages never reads like the Start button', () => {
    // "Pokreni sesiju" was both: a different verb keeps the two apart.
    const verb = (text: unknown) => String(text).split(/\s+/)[0]?.toLowerCase();
    const clash = SUPPORTED_LANGUAGES.filter((lang) => {
      const flat = flattenResource(resources[lang].translation as ResourceTree);
      return verb(flat.get('nav.facilitate')) === verb(flat.get('console.controls.start'));
    });
    expect(clash).toEqual([]);
  });

  test("the debriefs and reports log in with the facilitator pages' words, in every language", () => {
    // The facilitator pages say "Log in"; the Debriefs page said "Sign in" for the same account.
    const mismatches = SUPPORTED_LANGUAGES.flatMap((lang) => {
      const flat = flattenResource(resources[lang].translation as ResourceTree);
      return (
        [
          ['debrief.list.signIn', 'facilitate.login.submit'],
          ['debrief.list.signingIn', 'facilitate.login.busy'],
          ['debrief.list.signOut', 'facilitate.nav.logout'],
          ['debrief.error.unauthenticated', 'facilitate.errors.unauthenticated'],
        ] as const
      )
        .filter(([ours, theirs]) => flat.get(ours) !== flat.get(theirs))
        .map(([ours, theirs]) => `${lang}: ${ours} ≠ ${theirs}`);
    });
    expect(mismatches).toEqual([]);
    const signIn = [...flattenResource(en)].filter(([, v]) =>
      /\bsign(ed|ing)?[ -]?(in|out)\b/i.test(String(v)),
    );
    expect(signIn.map(([k]) => k)).toEqual([]);
  });

  test('an inject has one name per language: the studio, the console and the replay agree', () => {
    // Serbian had "Upadi" in the studio and "Novi podaci (injekti)" in the console; the console's
    // timeline and the replay named a released inject with two different words.
    // The first letters of the longest word of a text: "Novi podatak" → "poda" (also "podaci").
    const stem = (text: string) =>
      text
        .replace(/{{[^}]*}}/g, '')
        .split(/[\s:()]+/)
        .reduce((a, b) => (b.length > a.length ? b : a), '')
        .slice(0, 4)
        .toLowerCase();
    const mismatches = SUPPORTED_LANGUAGES.flatMap((lang) => {
      const flat = flattenResource(resources[lang].translation as ResourceTree);
      const released = `${String(flat.get('debrief.replay.type.inject.released'))}: {{inject}}`;
      return [
        flat.get('studio.sections.injects') === flat.get('console.injects.title')
          ? null
          : `${lang}: studio.sections.injects ≠ console.injects.title`,
        flat.get('console.event.injectReleased') === released
          ? null
          : `${lang}: console.event.injectReleased ≠ debrief.replay.type.inject.released`,
        // A released inject and the agency view's list use the console's noun (English says
        // "Injects" for the list and "New information" for one that arrived, on purpose).
        ...(lang === 'en'
          ? []
          : (['console.injects.title', 'console.agencyView.injects'] as const).map((key) =>
              String(flat.get(key)).toLowerCase().includes(stem(released))
                ? null
                : `${lang}: ${key} does not say "${stem(released)}…"`,
            )),
      ].filter((m) => m !== null);
    });
    expect(mismatches).toEqual([]);
  });

  test('translations are not copies of English', () => {
    const english = flattenResource(en);
    for (const lang of translations) {
      const same = [...flattenResource(resources[lang].translation as ResourceTree)].filter(
        ([k, v]) => english.get(k) === v && /[a-z]{4,}/i.test(String(v).replace(/{{[^}]*}}/g, '')),
      );
      // A few words are the same in every language (Crossroads, Server, Tim…); whole
      // sentences copied from English are not.
      const copiedSentences = same.filter(
        ([, v]) =>
          String(v)
            .replace(/{{[^}]*}}|Crossroads|[·:()]/g, ' ')
            .trim()
            .split(/\s+/).length > 2,
      );
      expect(copiedSentences.map(([k]) => `${lang}: ${k}`)).toEqual([]);
    }
  });
});

describe('moments in sentences', () => {
  // The texts a moment of the scenario goes into, with the placeholder that takes it.
  const MOMENTS = [
    ['console.detail.endingValue', 'time'],
    ['console.requests.meta', 'time'],
    ['console.requests.sentAt', 'time'],
    ['console.requests.refusedAt', 'time'],
    ['play.wait.from', 'at'],
    ['play.caseFile.since', 'time'],
    ['play.caseFile.at', 'time'],
    ['play.requests.sentAt', 'time'],
    ['play.requests.answeredAt', 'time'],
    ['play.requests.refusedAt', 'time'],
    ['debrief.redLine.at', 'time'],
    ['debrief.item.deadline', 'from'],
    ['debrief.item.deadline', 'due'],
  ] as const;
  // A preposition that would put "Day 1" in a case its words do not take: Serbian and Bosnian
  // "u Dan 1" (locative: "u danu 1") and "od Dan 1" (genitive: "od dana 1"), Macedonian "во Ден 1"
  // (a day is "на"), Albanian "në Dita 1" (accusative: "në Ditën 1").
  const GOVERNED: Record<string, RegExp> = {
    'sr-Latn': /\b(?:u|od|do) Dan \d/i,
    bs: /\b(?:u|od|do) Dan \d/i,
    mk: /(?:^|\s)во Ден \d/i,
    sq: /\bnë Dita \d/i,
  };

  test.each(Object.keys(GOVERNED))(
    '%s: "Day 1, 03:29" reads right wherever a moment goes, as it does after T+',
    async (lang) => {
      const i18n = createI18n();
      await i18n.changeLanguage(lang);
      const day = i18n.t('units.dayClock', { day: 1, time: '03:29' });
      const wrong = MOMENTS.map(([key, slot]) => ({
        key,
        text: i18n.t(key, {
          time: 'x',
          at: 'x',
          from: 'x',
          due: 'x',
          minutes: 30,
          title: 'A',
          kind: 'b',
          team: 'T',
          to: 'y',
          [slot]: day,
        }),
      })).filter(({ text }) => GOVERNED[lang]?.test(text));
      expect(wrong).toEqual([]);
    },
  );
});

describe('counts in sentences', () => {
  // The failure names the key and the word that should agree with the number.
  test.each(SUPPORTED_LANGUAGES)('%s: every counted noun goes through plural forms', (lang) => {
    expect(countsWithoutPlural(lang, resources[lang].translation as ResourceTree)).toEqual([]);
  });

  test.each(SUPPORTED_LANGUAGES)(
    '%s: each plural key has exactly the forms Intl.PluralRules gives the language',
    (lang) => {
      const forms = pluralForms(lang);
      const families = new Map<string, string[]>();
      for (const key of flattenResource(resources[lang].translation as ResourceTree).keys()) {
        const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
        if (!match) continue;
        const [, base = '', form = ''] = match;
        families.set(base, [...(families.get(base) ?? []), form]);
      }
      const wrong = [...families]
        .filter(([, have]) => have.sort().join() !== forms.join())
        .map(([base, have]) => `${lang}: ${base} has ${have.join('/')}, needs ${forms.join('/')}`);
      expect(families.size).toBeGreaterThan(20);
      expect(wrong).toEqual([]);
    },
  );

  test('a number counted in a sentence picks the right form in each language', () => {
    const i18n = createI18n({ storage: undefined, browserLanguages: ['en'] });
    const say = (lang: string, count: number) =>
      i18n.getFixedT(lang)('courses.trends.summary', { count, agency: '·' });
    expect([1, 2, 5].map((n) => say('en', n))).toEqual([
      '1 session shown · ·',
      '2 sessions shown · ·',
      '5 sessions shown · ·',
    ]);
    expect([1, 2, 5, 21].map((n) => say('sr-Latn', n))).toEqual([
      'Prikazana 1 sesija · ·',
      'Prikazane 2 sesije · ·',
      'Prikazano 5 sesija · ·',
      'Prikazana 21 sesija · ·',
    ]);
  });

  test('the numbers of trainees who answered before and after each agree with their own verb', () => {
    const i18n = createI18n({ storage: undefined, browserLanguages: ['en'] });
    const summary = (lang: string, pre: number, post: number) => {
      const t = i18n.getFixedT(lang);
      return t('learning.results.summary', {
        title: 'K',
        before: t('learning.results.answeredBefore', { count: pre }),
        after: t('learning.results.answeredAfter', { count: post }),
      });
    };
    expect(summary('sr-Latn', 1, 2)).toBe(
      'K: pre vežbe je odgovorio 1 polaznik, posle vežbe 2 polaznika.',
    );
    expect(summary('sr-Latn', 3, 21)).toBe(
      'K: pre vežbe su odgovorila 3 polaznika, posle vežbe 21 polaznik.',
    );
    expect(summary('bs', 5, 1)).toBe(
      'K: prije vježbe je odgovorilo 5 polaznika, poslije vježbe 1 polaznik.',
    );
    expect(summary('en', 1, 4)).toBe('K: 1 trainee answered before, 4 after.');
  });

  test('the check finds counts that bypass plural forms and leaves labels alone', () => {
    expect(
      countsWithoutPlural('en', {
        a: {
          shown: '{{n}} sessions shown',
          teams: '{{teams}} teams',
          plain: 'Red lines: {{count}}',
          label: 'Sessions: {{n}}',
          heading: 'Documents ({{n}})',
          of: '{{n}} of {{total}}',
          unit: '{{ms}} ms',
          verb: 'Pre vežbe odgovorilo {{pre}}, posle {{post}}.',
          answered: '{{pre}} answered before',
          ok_one: '{{count}} team',
          ok_other: '{{count}} teams',
        },
      }),
    ).toEqual([
      'en: "a.shown" puts {{n}} before "sessions": use {{count}} and plural forms in apps/client/src/i18n/en.json',
      'en: "a.teams" puts {{teams}} before "teams": use {{count}} and plural forms in apps/client/src/i18n/en.json',
      'en: "a.plain" has {{count}} but no plural forms in apps/client/src/i18n/en.json',
      'en: "a.verb" puts "odgovorilo" before {{pre}}: use {{count}} and plural forms in apps/client/src/i18n/en.json',
      'en: "a.verb" puts "posle" before {{post}}: use {{count}} and plural forms in apps/client/src/i18n/en.json',
      'en: "a.answered" puts {{pre}} before "answered": use {{count}} and plural forms in apps/client/src/i18n/en.json',
    ]);
  });
});

describe('the missing-key check', () => {
  const english: ResourceTree = {
    a: { title: 'Title', count_one: '{{count}} team', count_other: '{{count}} teams' },
  };

  test('names the language, the key and the file of each gap', () => {
    const gaps = translationGaps('bs', english, {
      a: { count_one: '{{count}} tim', count_other: '{{count}} timova' },
    });
    expect(gaps).toEqual([
      'bs: missing key "a.title" (English: "Title") in apps/client/src/i18n/bs.json',
      'bs: missing key "a.count_few" (English: "{{count}} teams") in apps/client/src/i18n/bs.json',
    ]);
  });

  test('asks each language for its own plural forms only', () => {
    expect([...expectedKeys(['x_one', 'x_other'], 'mk').keys()]).toEqual(['x_one', 'x_other']);
    expect([...expectedKeys(['x_one', 'x_other'], 'bs').keys()].sort()).toEqual([
      'x_few',
      'x_one',
      'x_other',
    ]);
    expect(
      translationGaps('sq', english, {
        a: { title: 'Titulli', count_one: '{{count}} ekip', count_other: '{{count}} ekipe' },
      }),
    ).toEqual([]);
  });

  test('reports extra keys, empty texts and changed placeholders', () => {
    const gaps = translationGaps('mk', english, {
      a: { title: '', count_one: '{{n}} тим', count_other: '{{count}} тимови', old: 'стар' },
    });
    expect(gaps).toEqual([
      'mk: key "a.title" is empty or not a string in apps/client/src/i18n/mk.json',
      'mk: key "a.count_one" has placeholders [n] but English has [count] in apps/client/src/i18n/mk.json',
      'mk: key "a.old" is not in English (remove or rename it) in apps/client/src/i18n/mk.json',
    ]);
  });
});
