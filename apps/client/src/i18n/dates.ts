import { localeOf } from './index';

/*
 * Dates and times in the UI language: day, month, year, 24-hour clock, whatever locale data the
 * browser has. A browser may lack a language's data (Chromium has none for mk-MK or sq-AL and
 * falls back to US English) or have only part of it (bs-BA comes out as "2026 M12 5"): the locale
 * is used only when it formats a probe date day-month-year on a 24-hour clock, else the parts are
 * put together here in the language's own numeric order.
 */

/** Whether the Intl locale formats dates as the UI needs (see above). */
export type DateSupport = (locale: string) => boolean;

const PROBE = new Date(Date.UTC(2026, 11, 5, 22, 13));

function probe(locale: string): boolean {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return false;
    const parts = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).formatToParts(PROBE);
    const order = parts
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type)
      .join(',');
    const hour = parts.find((p) => p.type === 'hour')?.value;
    return (
      order === 'day,month,year' &&
      hour !== undefined &&
      Number(hour) === 22 &&
      !parts.some((p) => p.type === 'dayPeriod')
    );
  } catch {
    return false;
  }
}

const probed = new Map<string, boolean>();

/** The browser's answer (probed once per locale). */
export const browserDateSupport: DateSupport = (locale) => {
  let known = probed.get(locale);
  if (known === undefined) {
    known = probe(locale);
    probed.set(locale, known);
  }
  return known;
};

interface Parts {
  d: number;
  m: number;
  y: number;
  hh: string;
  mm: string;
  ss: string;
}

function partsOf(date: Date, utc: boolean): Parts {
  const two = (n: number) => String(n).padStart(2, '0');
  return utc
    ? {
        d: date.getUTCDate(),
        m: date.getUTCMonth() + 1,
        y: date.getUTCFullYear(),
        hh: two(date.getUTCHours()),
        mm: two(date.getUTCMinutes()),
        ss: two(date.getUTCSeconds()),
      }
    : {
        d: date.getDate(),
        m: date.getMonth() + 1,
        y: date.getFullYear(),
        hh: two(date.getHours()),
        mm: two(date.getMinutes()),
        ss: two(date.getSeconds()),
      };
}

/** The day in the language's numeric order: 5. 12. 2026. (sr, bs), 5.12.2026 (mk, sq), 05/12/2026. */
function numericDay(p: Parts, language: string | undefined): string {
  switch (language) {
    case 'sr-Latn':
    case 'bs':
      return `${p.d}. ${p.m}. ${p.y}.`;
    case 'mk':
    case 'sq':
      return `${p.d}.${p.m}.${p.y}`;
    default:
      return `${String(p.d).padStart(2, '0')}/${String(p.m).padStart(2, '0')}/${p.y}`;
  }
}

function dayTimeSeparator(language: string | undefined): string {
  return language === 'mk' || language === 'sr-Latn' || language === 'bs' ? ' ' : ', ';
}

export interface DateTimeOptions {
  /** The date part: `medium` (5 Dec 2026), `long` (5 December 2026), or none. */
  date?: 'medium' | 'long';
  /** The time part: `short` (22:13), `medium` (22:13:05), or none. */
  time?: 'short' | 'medium';
  /** Format in UTC (calendar days stored at noon UTC), else in the viewer's time zone. */
  utc?: boolean;
}

/** Formatters by locale and options: building one costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function intlFormat(locale: string, options: DateTimeOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.date ?? ''}|${options.time ?? ''}|${options.utc === true}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      ...(options.date ? { dateStyle: options.date } : {}),
      ...(options.time ? { timeStyle: options.time, hourCycle: 'h23' as const } : {}),
      ...(options.utc ? { timeZone: 'UTC' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

function ownFormat(date: Date, language: string | undefined, options: DateTimeOptions): string {
  const p = partsOf(date, options.utc === true);
  const day = options.date ? numericDay(p, language) : '';
  const time = options.time
    ? options.time === 'medium'
      ? `${p.hh}:${p.mm}:${p.ss}`
      : `${p.hh}:${p.mm}`
    : '';
  return day && time ? `${day}${dayTimeSeparator(language)}${time}` : day || time;
}

/** A date and/or time in the UI language (see the top of this file). */
export function formatDate(
  date: Date,
  language: string | undefined,
  options: DateTimeOptions,
  support: DateSupport = browserDateSupport,
): string {
  const locale = localeOf(language);
  return support(locale)
    ? intlFormat(locale, options).format(date)
    : ownFormat(date, language, options);
}

/** A range of dates ("12–14 March 2026") in the UI language. */
export function formatDateRange(
  first: Date,
  last: Date,
  language: string | undefined,
  options: DateTimeOptions,
  support: DateSupport = browserDateSupport,
): string {
  const locale = localeOf(language);
  return support(locale)
    ? intlFormat(locale, options).formatRange(first, last)
    : `${ownFormat(first, language, options)} – ${ownFormat(last, language, options)}`;
}
