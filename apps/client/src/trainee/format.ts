import type { TFunction } from 'i18next';
import { formatDate } from '../i18n/dates';

/** Scenario minutes as "2 h 05 min" (with days past 24 h). */
export function formatScenarioTime(t: TFunction, minutes: number): string {
  const total = Math.max(0, Math.floor(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = String(total % 60).padStart(2, '0');
  if (days > 0) return t('play.time.days', { d: days, h: hours, m: mins });
  return t('play.time.hours', { h: hours, m: mins });
}

/** Wall-clock time of an ISO timestamp as HH:MM in the UI language. */
export function formatClock(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatDate(date, language, { time: 'short' });
}

/**
 * Whether `text` already ends with a stop: a sentence ends with one, so "Back in 5 minutes." stays
 * as it is and "Back soon" gets its period.
 */
export function endsSentence(text: string): boolean {
  return /[.!?…:]$/.test(text.trim());
}
