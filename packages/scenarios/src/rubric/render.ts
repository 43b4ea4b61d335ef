import type { LegalBasis, RubricLang } from './types';

/**
 * One legal basis as a citation line, e.g. "ECHR art. 3" or "ECtHR, Shahzad v. Hungary, …" (in English:
 * a basis that came over the wire without its translations, as in the after-action report, still renders).
 */
export function renderBasis(basis: Omit<LegalBasis, 'text'>): string {
  const text = basis.case
    ? `${basis.instrument}, ${basis.case}`
    : `${basis.instrument} ${basis.article ?? ''}`.trim();
  return basis.verify ? `${text} [verify]` : text;
}

/** The mark on a national article number not yet checked against the primary text, per language. */
const VERIFY: Record<RubricLang, string> = {
  en: '[verify]',
  'sr-Latn': '[proveriti]',
  mk: '[да се провери]',
  sq: '[për t’u verifikuar]',
  bs: '[provjeriti]',
};

/** The citation as a reader of `lang` finds it: the instrument's name in that language, its article. */
export function renderBasisIn(basis: LegalBasis, lang: RubricLang): string {
  if (lang === 'en') return renderBasis(basis);
  return basis.verify ? `${basis.text[lang]} ${VERIFY[lang]}` : basis.text[lang];
}
