import type { i18n as I18n } from 'i18next';
import type { JsonValue } from '@crossroads/shared';
import { countryName } from '../learning/reports/countries';
import { localeOf } from '../i18n';
import { ownLanguageName } from '../i18n/names';
import { humanise } from './content';

/**
 * Words for the scenario's own ids (person kinds, evidence kinds, offence elements, what is known
 * about a person) in the reader's language. The ids come from the scenario schema, which the
 * client does not import: an id without a translation (a newer schema, an author's own
 * trafficking indicator) is shown as words made from the id rather than not at all.
 */
function term(i18n: I18n, key: string, id: string): string {
  // The key is built from data, so it is checked at run time instead of by the key types.
  return i18n.exists(key) ? (i18n.t as (key: string) => string)(key) : humanise(id);
}

export const personKindLabel = (i18n: I18n, kind: string): string =>
  term(i18n, `play.terms.personKind.${kind}`, kind);

export const evidenceKindLabel = (i18n: I18n, kind: string): string =>
  term(i18n, `play.terms.evidenceKind.${kind}`, kind);

export const elementLabel = (i18n: I18n, element: string): string =>
  term(i18n, `debrief.element.${element}`, element);

export const attributeLabel = (i18n: I18n, attribute: string): string =>
  term(i18n, `play.terms.personAttr.${attribute}`, attribute);

export function languageName(code: string, language: string): string {
  const own = ownLanguageName(code, language);
  if (own) return own;
  try {
    return new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A known attribute's value in words: yes/no, country and language names, the schema's terms. */
export function attributeValue(i18n: I18n, attribute: string, value: JsonValue): string {
  const language = i18n.resolvedLanguage ?? 'en';
  const each = (one: (v: string) => string) =>
    Array.isArray(value) ? value.map((v) => one(String(v))).join(', ') : one(String(value));
  if (value === null) return '—';
  if (typeof value === 'boolean') return term(i18n, value ? 'play.terms.yes' : 'play.terms.no', '');
  if (Array.isArray(value) && value.length === 0) return '—';
  switch (attribute) {
    case 'kind':
      return personKindLabel(i18n, String(value));
    case 'nationality':
      return each((code) => countryName(code, language));
    case 'languages':
      return each((code) => languageName(code, language));
    case 'vulnerabilities':
      return each((v) => term(i18n, `play.terms.vulnerability.${v}`, v));
    case 'whereabouts':
      return term(i18n, `play.terms.whereabouts.${String(value)}`, String(value));
    case 'traffickingIndicators':
      return each(humanise);
    default:
      if (typeof value === 'object' && !Array.isArray(value)) return JSON.stringify(value);
      return each((v) => v);
  }
}
