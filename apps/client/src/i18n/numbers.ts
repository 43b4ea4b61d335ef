import { scenarioDayTime, scenarioElapsed } from '@crossroads/shared';
import { localeOf } from './index';

/**
 * A number as readers of `language` write it (Intl.NumberFormat in its locale: "9,2" in Serbian,
 * Macedonian, Albanian and Bosnian, "9.2" in English), with at most `maxDigits` decimals and at
 * least `minDigits`.
 */
export function formatNumber(
  value: number,
  language: string | undefined,
  { minDigits = 0, maxDigits = 1, grouping = true } = {},
): string {
  const locale = localeOf(language);
  const key = `${locale}|${minDigits}|${maxDigits}|${grouping}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: Math.max(minDigits, maxDigits),
      useGrouping: grouping,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

// A chart or PDF formats hundreds of numbers with a handful of settings; building a formatter
// costs far more than using one.
const formats = new Map<string, Intl.NumberFormat>();

export type DurationUnit = 'minutes' | 'hours' | 'days';

/**
 * What formatUnit needs of a `t`: the units.* keys. A page's TFunction is one, and so is a PDF's
 * plain translate function.
 */
export type UnitTranslate = (key: `units.${DurationUnit}`, options: { value: string }) => string;

/**
 * A number with its unit, both as readers of `language` write them: "9.2 h", "9,2 h" in Serbian
 * and Bosnian, "9,2 ч" in Macedonian, "9,2 orë" in Albanian. `t` must be in `language` (a page's
 * own `t`, or i18n.getFixedT(language) for a PDF). The unit symbols are translated strings, not
 * Intl's unit style: ICU writes "hr" in English, "м." for minutes and "min." with a stop in
 * Macedonian and Albanian, and its data differs between Node's and the browser's builds.
 */
export function formatUnit(
  t: UnitTranslate,
  value: number,
  unit: DurationUnit,
  language: string | undefined,
  options?: Parameters<typeof formatNumber>[2],
): string {
  return t(`units.${unit}`, { value: formatNumber(value, language, options) });
}

/**
 * Elapsed scenario time as a clock reading (scenarioElapsed, the one formatter the scoring's texts
 * use too): "T+02:05" on the first day, then the days with the unit readers of `language` write
 * ("T+1 d 02:05", "T+1 д 02:05" in Macedonian; formatUnit) and the hours and minutes as a clock,
 * which reads the same in every language. `minutes` is floored (a live clock shows 00:30 until
 * minute 31 has come); `sign: false` leaves out the "T+" (for a time limit or a step of the clock,
 * which are spans, not moments).
 */
export function formatElapsed(
  t: UnitTranslate,
  minutes: number,
  language: string | undefined,
  options?: { sign?: boolean },
): string {
  return scenarioElapsed(minutes, (days) => formatUnit(t, days, 'days', language), options);
}

/** What formatClockReading needs of a `t`: the units.* keys and the day reading's. */
export type ClockTranslate = UnitTranslate &
  ((key: 'units.dayClock', options: { day: number; time: string }) => string);

/**
 * A moment of the scenario as every view reads it, live or after: "Day 1, 02:19" ("Ден 1, 02:19"
 * in Macedonian) when the scenario says when Day 1 starts (`startTime`: SessionMeta's, or the
 * debrief's scenario.startTime; see scenarioDayTime), else formatElapsed's "T+02:19". The one
 * place the client puts a moment in words: the console, the projector, the trainee's screen, the
 * debrief page and its PDF all call it. `t` in `language`.
 */
export function formatClockReading(
  t: ClockTranslate,
  minutes: number,
  language: string | undefined,
  startTime: string | undefined,
): string {
  const dayTime = scenarioDayTime(minutes, startTime);
  return dayTime ? t('units.dayClock', dayTime) : formatElapsed(t, minutes, language);
}
