import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language, SessionPausedPayload } from '@crossroads/shared';
import { InLanguage } from './InLanguage';

/**
 * Why a session was paused, for one reader: the kind (a code) in the reader's own language, and the
 * facilitator's free text as written, with the language it was written in. Logs from before kinds
 * existed carry one `reason` text, shown as the free text; without a recorded `lang` it is taken to
 * be in the session's language (the console wrote it so).
 */
export interface PauseText {
  kind: string | null;
  free: { text: string; lang: Language } | null;
}

export function pauseText(
  payload: SessionPausedPayload,
  t: TFunction,
  sessionLanguage: Language,
): PauseText {
  const kind = payload.kind ? t(`console.pause.reasons.${payload.kind}`) : null;
  const text = payload.note?.trim() || payload.reason?.trim() || '';
  return {
    kind,
    free: text ? { text, lang: payload.lang ?? sessionLanguage } : null,
  };
}

/** Whether the pause says anything at all (a kind or words). */
export function hasPauseText(pause: PauseText): boolean {
  return pause.kind !== null || pause.free !== null;
}

/** The reason as one plain string (for announcements and attributes). */
export function pausePlain(pause: PauseText): string {
  return [pause.kind, pause.free?.text].filter(Boolean).join(': ');
}

/**
 * The reason as parts (the console's `Part`s): the kind as plain UI text, the facilitator's words
 * with their language, so a sentence built around it (see consoleText's `interpolate`) marks them.
 */
export function pauseParts(pause: PauseText): (string | { text: string; lang: Language })[] {
  const parts: (string | { text: string; lang: Language })[] = [];
  if (pause.kind) parts.push(pause.kind);
  if (pause.kind && pause.free) parts.push(': ');
  if (pause.free) parts.push(pause.free);
  return parts;
}

/** The reason shown: the kind, then the facilitator's words marked with their language. */
export function PauseReason({ pause }: { pause: PauseText }) {
  return (
    <>
      {pause.kind}
      {pause.kind && pause.free ? ': ' : null}
      {pause.free ? <InLanguage lang={pause.free.lang}>{pause.free.text}</InLanguage> : null}
    </>
  );
}

/** `pauseText` with the page's own `t`. */
export function usePauseText(): (
  payload: SessionPausedPayload,
  sessionLanguage: Language,
) => PauseText {
  const { t } = useTranslation();
  return (payload, sessionLanguage) => pauseText(payload, t, sessionLanguage);
}
