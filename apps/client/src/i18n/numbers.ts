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
