import { LANGUAGES, textIn, type AgencySummary, type Text } from '@crossroads/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/dates';
import { formatClockReading, formatElapsed, type UnitTranslate } from '../i18n/numbers';

/** Scenario text in `language` when the scenario has it, else English. */
export function pickText(text: Text, language: string): string {
  return textIn(text, LANGUAGES.find((l) => l === language) ?? 'en');
}

/**
 * Scenario minutes as a clock reading: `T+02:05`, or `T+1 d 02:05` from the first day on, the day
 * with the unit of `language` (`T+1 д 02:05` in Macedonian; see formatElapsed). `t` in `language`.
 */
export function formatScenarioTime(
  t: UnitTranslate,
  minutes: number,
  language: string | undefined,
  options?: { sign?: boolean },
): string {
  return formatElapsed(t, minutes, language, options);
}

/** formatScenarioTime in the page's language; `sign: false` for spans ("1 d 02:00", no "T+"). */
export function useScenarioTime(): (minutes: number, options?: { sign?: boolean }) => string {
  const { t, i18n } = useTranslation();
  return (minutes, options) => formatScenarioTime(t, minutes, i18n.resolvedLanguage, options);
}

/**
 * A team's clock as the console, the projector and the trainees read it: "Day 1, 04:14" when the
 * scenario says when Day 1 starts (the phases name days, "Day 5: charges"), else "T+01:04".
 */
export function useClockReading(startTime: string | undefined): (minutes: number) => string {
  const { t, i18n } = useTranslation();
  return (minutes) => formatClockReading(t, minutes, i18n.resolvedLanguage, startTime);
}

/** Wall-clock time of an ISO timestamp, HH:MM:SS in the viewer's locale. */
export function formatWallTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDate(date, locale, { time: 'medium' });
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDate(date, locale, { date: 'medium', time: 'short' });
}

/** An agency's name in `language`, or its id when the session does not know it. */
export function agencyName(
  agencies: readonly AgencySummary[],
  id: string | null | undefined,
  language: string,
): string {
  if (!id) return '';
  const agency = agencies.find((a) => a.id === id);
  return agency ? pickText(agency.name, language) : id;
}

/**
 * An agency's short name in `language` (the scenario's `shortName`, else its full name): for
 * timelines, cards and queues, where the full name on every line buries what happened.
 */
export function agencyShortName(
  agencies: readonly AgencySummary[],
  id: string | null | undefined,
  language: string,
): string {
  if (!id) return '';
  const agency = agencies.find((a) => a.id === id);
  return agency ? pickText(agency.shortName ?? agency.name, language) : id;
}

/** Agencies trainees can be placed in (not the ones the facilitator plays). */
export function playableAgencies(agencies: readonly AgencySummary[]): AgencySummary[] {
  return agencies.filter((a) => a.playable !== 'facilitator');
}

/**
 * What a session list row adds before its status line, so sessions of one scenario can be told
 * apart: the scenario (when the session has its own title, which then heads the row) and the place.
 */
export function sessionContext(
  item: { details?: { title?: string; place?: string } | undefined },
  scenarioTitle: string,
): string {
  const parts = [item.details?.title ? scenarioTitle : null, item.details?.place ?? null].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return parts.length > 0 ? `${parts.join(' · ')} · ` : '';
}
