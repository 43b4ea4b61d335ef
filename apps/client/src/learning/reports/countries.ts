import { localeOf } from '../../i18n';
import { ownCountryName } from '../../i18n/names';

/**
 * Countries offered at join: the route's states and their neighbours first (codes are ISO 3166-1
 * alpha-2; XK for Kosovo). Names in the reader's language come from our own tables (browsers lack
 * some of these languages' names) and otherwise from the browser's Intl data.
 */
export const JOIN_COUNTRIES = [
  'RS',
  'BA',
  'ME',
  'MK',
  'AL',
  'XK',
  'HR',
  'SI',
  'HU',
  'RO',
  'BG',
  'GR',
  'AT',
  'DE',
  'IT',
  'TR',
] as const;

export function countryName(code: string, language: string): string {
  const own = ownCountryName(code, language);
  if (own) return own;
  try {
    return new Intl.DisplayNames([localeOf(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
