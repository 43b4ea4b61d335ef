import type { LegalBasis } from './types';

/** One legal basis as a citation line, e.g. "ECHR art. 3" or "ECtHR, Shahzad v. Hungary, …". */
export function renderBasis(basis: LegalBasis): string {
  const text = basis.case
    ? `${basis.instrument}, ${basis.case}`
    : `${basis.instrument} ${basis.article ?? ''}`.trim();
  return basis.verify ? `${text} [verify]` : text;
}
