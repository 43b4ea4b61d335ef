import { formatClockReading, formatNumber, type ClockTranslate } from '../i18n/numbers';
import {
  LANGUAGES,
  type Language,
  type Debrief,
  type EvidenceScore,
  type LegalBasisRef,
  type Text,
} from '@crossroads/shared';

/** Content languages of the debrief data: the UI languages (English is always there). */
export type ContentLanguage = Language;

export function contentLanguage(uiLanguage: string | undefined): ContentLanguage {
  return LANGUAGES.find((l) => l === uiLanguage) ?? 'en';
}

/** The text in the wanted language, English when that translation is missing or empty. */
export function pick(text: Text | undefined | null, language: ContentLanguage): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  const local = language === 'en' ? undefined : text[language];
  return local !== undefined && local !== '' ? local : text.en;
}

/** "ECHR art. 3", "ECtHR — Shahzad v. Hungary …"; `verify` is shown by the caller. */
export function formatLegalBasis(basis: LegalBasisRef): string {
  const head = basis.article ? `${basis.instrument} ${basis.article}` : basis.instrument;
  return basis.case ? `${head} — ${basis.case}` : head;
}

/**
 * The citation as a reader of `language` finds it: the debrief's own text for that language (the
 * instrument under its name there), else the English citation.
 */
export function formatLegalBasisIn(basis: LegalBasisRef, language: ContentLanguage): string {
  const local =
    language !== 'en' && typeof basis.text === 'object' ? basis.text[language] : undefined;
  return local !== undefined && local !== '' ? local : formatLegalBasis(basis);
}

/**
 * A signed number as readers of `language` write it: +3, −2 (a real minus sign), 0, +2,5 in
 * Serbian and +2.5 in English (one decimal at most).
 */
export function signed(value: number, language: string | undefined): string {
  const rounded = Math.round(value * 10) / 10;
  const digits = formatNumber(Math.abs(rounded), language, { grouping: false });
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return '0';
}

/**
 * A moment of the debrief as the live views read it (formatClockReading), rounded to the minute:
 * "Day 1, 04:05" when the scenario says when Day 1 starts (`startTime`, the debrief's
 * scenario.startTime), else the time elapsed, "T+1 d 04:05" ("T+1 д 04:05" in Macedonian, see
 * formatElapsed). `t` in `language`.
 */
export function clock(
  t: ClockTranslate,
  minutes: number,
  language: string | undefined,
  startTime: string | undefined,
): string {
  return formatClockReading(t, Math.round(minutes), language, startTime);
}

/**
 * The name of the team a trainee's (recipient-scoped) debrief is about; '' for the staff debrief.
 * Such a debrief holds that team only, so the page and the report name it rather than count teams.
 */
export function recipientTeamName(d: Debrief): string {
  const team = d.recipient?.team;
  if (team === undefined) return '';
  return d.teams.find((x) => x.team === team)?.name ?? team;
}

/** "border_police" → "Border police": a readable fallback for ids with no name. */
export function humanizeId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A session id from what someone pasted: a debrief link, any address holding the id, or the id. */
export function sessionIdFrom(input: string): string | null {
  const match = UUID.exec(input.trim());
  return match ? match[0].toLowerCase() : null;
}

/**
 * The red-line cap of a score, read from its method ("… red line crossed → capped at 40 …");
 * null when the method does not state it.
 */
export function redLineCap(method: string): number | null {
  const match = /capped at (\d+(?:\.\d+)?)/.exec(method);
  return match ? Number(match[1]) : null;
}

/**
 * The sentence under the evidence score: its case strength and process parts, or the process part
 * alone when the scenario has no criminal case (the page and the PDF say it alike).
 */
export function evidencePartsText(
  t: (
    key: 'debrief.score.evidenceParts' | 'debrief.score.evidencePartsNoCase',
    options: { process: number; points: string; caseStrength?: number },
  ) => string,
  score: EvidenceScore,
  language: string | undefined,
): string {
  return score.caseStrength === null
    ? t('debrief.score.evidencePartsNoCase', {
        process: score.process,
        points: signed(score.points, language),
      })
    : t('debrief.score.evidenceParts', {
        caseStrength: score.caseStrength,
        process: score.process,
        points: signed(score.points, language),
      });
}
