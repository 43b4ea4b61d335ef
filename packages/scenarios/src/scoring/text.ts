/**
 * Texts the scoring composes (details, reasons, outcomes) in every language a debrief is read in.
 * `lt` takes all five, so a text written without one of them does not compile; scenario texts that
 * reach `cat` without a translation fall back to English there (the scenario validator reports them).
 */
import { scenarioDayTime, scenarioElapsed } from '@crossroads/shared';
import { RUBRIC_LANGUAGES, type RubricLang } from '../rubric/types';

/** The languages of composed texts: the rubric's (en, sr-Latn, mk, sq, bs). */
export const TEXT_LANGUAGES = RUBRIC_LANGUAGES;
export type TextLang = RubricLang;

/** A composed text: every language present (a LocalText with nothing optional). */
export type FullText = Record<TextLang, string>;

export const lt = (en: string, sr: string, mk: string, sq: string, bs: string): FullText => ({
  en,
  'sr-Latn': sr,
  mk,
  sq,
  bs,
});

/** A text that reads the same in every language: an id, a number, a name as the scenario spells it. */
export const same = (text: string): FullText => lt(text, text, text, text, text);

/** See englishOnly(). */
let onlyEnglish = false;

/**
 * Runs `work` with composed texts in English only: every language of a text each() composes reads
 * the English one. For the live scores (LiveScores), which need the scores and no text, and spent
 * about a sixth of their time composing the other four languages. The scoring reads no text but
 * `en` (case.ts dedupes reasons by it), so the scores are the same. Synchronous work only: the
 * switch is global while `work` runs.
 */
export function englishOnly<T>(work: () => T): T {
  if (onlyEnglish) return work();
  onlyEnglish = true;
  try {
    return work();
  } finally {
    onlyEnglish = false;
  }
}

/** One text per language, computed (e.g. a list joined from texts that are themselves in every language). */
export function each(f: (lang: TextLang) => string): FullText {
  if (onlyEnglish) {
    const en = f('en');
    return lt(en, en, en, en, en);
  }
  return lt(f('en'), f('sr-Latn'), f('mk'), f('sq'), f('bs'));
}

/** The word joining the last two items of a list, where the runtime has no list data for a language. */
const AND: Record<TextLang, string> = { en: 'and', 'sr-Latn': 'i', mk: 'и', sq: 'dhe', bs: 'i' };

/**
 * Each language's list formatter (Intl.ListFormat, "and"), built once; null where the runtime has no
 * data for the language (a Node built with English-only ICU resolves every locale to "en"), and the
 * list is then joined by the same pattern CLDR gives these five: "A, B, and C" in English, "A, B i C"
 * in Serbian and Bosnian, "A, B и C", "A, B dhe C".
 */
const listFormats = new Map<TextLang, Intl.ListFormat | null>();

function listFormat(lang: TextLang): Intl.ListFormat | null {
  let f = listFormats.get(lang);
  if (f === undefined) {
    const made = new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' });
    const wanted = lang.split('-')[0];
    f = made.resolvedOptions().locale.split('-')[0] === wanted ? made : null;
    listFormats.set(lang, f);
  }
  return f;
}

/** The pieces of a list as Intl.ListFormat gives them (items and the literals between them). */
function listParts(lang: TextLang, items: readonly string[]): { type: string; value: string }[] {
  const f = listFormat(lang);
  if (f) return f.formatToParts(items);
  const last = items.length - 1;
  return items.flatMap((value, i) => [
    ...(i === 0
      ? []
      : [
          {
            type: 'literal',
            value:
              i < last ? ', ' : `${lang === 'en' && items.length > 2 ? ',' : ''} ${AND[lang]} `,
          },
        ]),
    { type: 'element', value },
  ]);
}

/** Whether a text has a comma outside brackets ("Nadia, who drove", not "Eight (Afghan, Syrian)"). */
function bareComma(text: string): boolean {
  let out = text;
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(/\([^()]*\)|\[[^[\]]*\]/g, '');
  }
  return out.includes(',');
}

/**
 * Items as a list in `lang`, the way the language writes one ("A, B, and C"; "A, B i C"). When an item
 * holds a comma itself (a person the scenario names "Nadia, who drove the second car"), commas between
 * items would read as more items, or fewer: the items are then separated by semicolons, the conjunction
 * kept before the last ("Nadia, who drove the second car; and Jelena, a volunteer"). A comma inside
 * brackets ("Eight passengers (Afghan, Syrian)") is no such comma.
 */
export function listIn(lang: TextLang, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const parts = listParts(lang, items);
  const semicolons = items.some(bareComma);
  return parts
    .map((p) =>
      p.type === 'literal' && semicolons ? `; ${p.value.replace(/^[\s,]+/, '')}` : p.value,
    )
    .join('');
}

/** Texts as a list in every language (see listIn). */
export function list(items: readonly (SomeText | string)[]): FullText {
  return each((lang) =>
    listIn(
      lang,
      items.map((x) => inLang(x, lang)),
    ),
  );
}

/** Any text with English and perhaps other languages (rubric, scenario and composed texts alike). */
export type SomeText = { en: string } & Partial<Record<TextLang, string>>;

/** A text in one language; English where a scenario text has no translation. */
export function inLang(text: SomeText | string, lang: TextLang): string {
  if (typeof text === 'string') return text;
  const local = text[lang];
  return local !== undefined && local !== '' ? local : text.en;
}

/** Every language of a text, English standing in for a missing translation. */
export function full(text: SomeText): FullText {
  return each((lang) => inLang(text, lang));
}

/**
 * Word forms of a count by CLDR plural category. English, Macedonian and Albanian have one/other;
 * Serbian and Bosnian also have few (2-4, 22-24 …), and 21 takes the "one" form there.
 */
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<TextLang, Intl.PluralRules>(
  TEXT_LANGUAGES.map((lang) => [lang, new Intl.PluralRules(lang)]),
);

/** "3 hours", "3 sata", "3 часа": the number with its word in the form the language wants. */
export function count(n: number, forms: Record<TextLang, Forms>): FullText {
  return each((lang) => {
    const f = forms[lang];
    const category = pluralRules.get(lang)?.select(n) ?? 'other';
    return `${n} ${f[category] ?? f.other}`;
  });
}

const DAYS: Record<TextLang, Forms> = {
  en: { one: 'day', other: 'days' },
  'sr-Latn': { one: 'dan', few: 'dana', other: 'dana' },
  mk: { one: 'ден', other: 'дена' },
  sq: { one: 'ditë', other: 'ditë' },
  bs: { one: 'dan', few: 'dana', other: 'dana' },
};
const HOURS: Record<TextLang, Forms> = {
  en: { one: 'hour', other: 'hours' },
  'sr-Latn': { one: 'sat', few: 'sata', other: 'sati' },
  mk: { one: 'час', other: 'часа' },
  sq: { one: 'orë', other: 'orë' },
  bs: { one: 'sat', few: 'sata', other: 'sati' },
};
const MINUTES: Record<TextLang, Forms> = {
  en: { one: 'minute', other: 'minutes' },
  'sr-Latn': { one: 'minut', few: 'minuta', other: 'minuta' },
  mk: { one: 'минута', other: 'минути' },
  sq: { one: 'minutë', other: 'minuta' },
  bs: { one: 'minuta', few: 'minute', other: 'minuta' },
};
const PEOPLE: Record<TextLang, Forms> = {
  en: { one: 'person', other: 'people' },
  'sr-Latn': { one: 'osoba', few: 'osobe', other: 'osoba' },
  mk: { one: 'лице', other: 'лица' },
  sq: { one: 'person', other: 'persona' },
  bs: { one: 'osoba', few: 'osobe', other: 'osoba' },
};
const TEAMS: Record<TextLang, Forms> = {
  en: { one: 'team', other: 'teams' },
  'sr-Latn': { one: 'tima', few: 'tima', other: 'timova' },
  mk: { one: 'тим', other: 'тимови' },
  sq: { one: 'ekip', other: 'ekipe' },
  bs: { one: 'tima', few: 'tima', other: 'timova' },
};

/** "2 people", "2 osobe", "2 лица". */
export const people = (n: number): FullText => count(n, PEOPLE);
/** "of 3 teams" counts: "3 teams", "3 tima", "3 тимови" (Serbian and Bosnian in the genitive after "od"). */
export const teams = (n: number): FullText => count(n, TEAMS);

/** A span of time in words, e.g. "1 day 2 hours 5 minutes", "1 dan 2 sata 5 minuta", "1 ден 2 часа 5 минути". */
export function duration(minutes: number): FullText {
  const m = Math.max(0, Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts: FullText[] = [];
  if (d > 0) parts.push(count(d, DAYS));
  if (h > 0) parts.push(count(h, HOURS));
  if (min > 0 || parts.length === 0) parts.push(count(min, MINUTES));
  return each((lang) => parts.map((p) => p[lang]).join(' '));
}

/**
 * The unit of the days in a point in scenario time ("T+1 d 02:10"), as the client's units.days
 * writes it: Macedonian in Cyrillic ("T+1 д 02:10").
 */
const DAY_UNIT: Record<TextLang, string> = {
  en: 'd',
  'sr-Latn': 'd',
  mk: 'д',
  sq: 'd',
  bs: 'd',
};

/** "Day" before a day's number, as the live views write it ("Day 1, 02:19"; the client's units.dayClock). */
const DAY_WORD: Record<TextLang, string> = {
  en: 'Day',
  'sr-Latn': 'Dan',
  mk: 'Ден',
  sq: 'Dita',
  bs: 'Dan',
};

/**
 * A scenario minute as the live views read it (compact: it labels timeline rows): the day and the
 * time of day, "Day 1, 02:19" ("Ден 1, 02:19" in Macedonian), when the scenario says when Day 1
 * starts (`startTime`, see scenarioDayTime); else the time elapsed since the start as the clocks,
 * the console's timeline and the debrief page read it, "T+01:20", "T+1 d 02:10" (scenarioElapsed,
 * the one formatter of that reading). Rounded to the minute, as the debrief page rounds.
 */
export function at(minute: number, startTime?: string): FullText {
  const m = Math.max(0, Math.round(minute));
  const dayTime = scenarioDayTime(m, startTime);
  if (dayTime) return each((lang) => `${DAY_WORD[lang]} ${dayTime.day}, ${dayTime.time}`);
  return each((lang) => scenarioElapsed(m, (days) => `${days} ${DAY_UNIT[lang]}`));
}

/**
 * `at` inside a sentence, after a verb ("Omar H. departed at Day 3, 08:00"), with the preposition
 * each language puts there: Serbian and Bosnian cannot say "u Dan 3" (the locative would be "u danu
 * 3"), Macedonian says a day with "на", not "во", and Albanian "në" takes "Ditën": so the day stands
 * as the label it is and the preposition goes with the time of day ("Dan 3, u 08:00", "Ден 3, во
 * 08:00", "Dita 3, në orën 08:00"). The elapsed reading takes the preposition as before ("u
 * T+00:19"). Starts with a space.
 */
export function atMoment(minute: number, startTime?: string): FullText {
  const dayTime = scenarioDayTime(Math.max(0, Math.round(minute)), startTime);
  if (!dayTime) return cat(lt(' at ', ' u ', ' во ', ' në ', ' u '), at(minute, startTime));
  const { day, time } = dayTime;
  return lt(
    ` at Day ${day}, ${time}`,
    ` Dan ${day}, u ${time}`,
    ` Ден ${day}, во ${time}`,
    ` Dita ${day}, në orën ${time}`,
    ` Dan ${day}, u ${time}`,
  );
}

/**
 * "of" a moment, as a span counts from it ("within 2 days of Day 1, 06:10"): Serbian and Bosnian
 * put the day in the genitive after "od" ("od Dana 1, 06:10"); Macedonian "од" and Albanian "nga"
 * take the label as it is. Starts with a space.
 */
export function ofMoment(minute: number, startTime?: string): FullText {
  const dayTime = scenarioDayTime(Math.max(0, Math.round(minute)), startTime);
  if (!dayTime) return cat(lt(' of ', ' od ', ' од ', ' nga ', ' od '), at(minute, startTime));
  const { day, time } = dayTime;
  return lt(
    ` of Day ${day}, ${time}`,
    ` od Dana ${day}, ${time}`,
    ` од Ден ${day}, ${time}`,
    ` nga Dita ${day}, ${time}`,
    ` od Dana ${day}, ${time}`,
  );
}

/** Concatenate pieces in every language (a scenario text lacking one gives its English there). */
export function cat(...parts: (SomeText | string)[]): FullText {
  return each((lang) => parts.map((p) => inLang(p, lang)).join(''));
}
