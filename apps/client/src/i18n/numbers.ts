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
  return new Intl.NumberFormat(localeOf(language), {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(minDigits, maxDigits),
    useGrouping: grouping,
  }).format(value);
}
