import type { SessionDetails } from '@crossroads/shared';
import { formatDate, formatDateRange } from '../i18n/dates';

/*
 * What a session is (title, place, days, organisation, facilitators) in words: shown
 * on the lobby, the debrief and its review page, and printed on the PDF report's cover.
 */

/** Translates a UI key (the sessionDetails.* keys). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A calendar day (YYYY-MM-DD) as a local date at noon UTC, so no time zone moves it a day. */
function day(iso: string): Date | null {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12–14 March 2026", "12 March 2026", or '' when no day is set; in the UI's language. */
export function formatSessionDays(details: SessionDetails | undefined, language: string): string {
  const first = details?.startsOn ? day(details.startsOn) : null;
  const last = details?.endsOn ? day(details.endsOn) : null;
  const options = { date: 'long', utc: true } as const;
  if (first && last) {
    return first.getTime() === last.getTime()
      ? formatDate(first, language, options)
      : formatDateRange(first, last, language, options);
  }
  const one = first ?? last;
  return one ? formatDate(one, language, options) : '';
}

/** The details as labelled lines (only those given), in display order. */
export function sessionFacts(
  details: SessionDetails | undefined,
  language: string,
  t: Translate,
): { key: string; label: string; value: string }[] {
  if (!details) return [];
  const facts = [
    { key: 'title', label: t('sessionDetails.title'), value: details.title ?? '' },
    {
      key: 'organisation',
      label: t('sessionDetails.organisation'),
      value: details.organisation ?? '',
    },
    { key: 'place', label: t('sessionDetails.place'), value: details.place ?? '' },
    { key: 'days', label: t('sessionDetails.days'), value: formatSessionDays(details, language) },
    {
      key: 'facilitators',
      label: t('sessionDetails.facilitators'),
      value: (details.facilitators ?? []).join(', '),
    },
  ];
  return facts.filter((f) => f.value !== '');
}
