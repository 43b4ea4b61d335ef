import { localeOf } from '../../i18n';

/**
 * Countries offered at join: the route's states and their neighbours first (codes are ISO 3166-1
 * alpha-2; XK for Kosovo). Names come from the browser's Intl data in the reader's language.
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
  try {
    return new Intl.DisplayNames([localeOf(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
