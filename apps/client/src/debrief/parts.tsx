import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answeringAgencies,
  answeringParticipants,
  type Axis,
  type Language,
  type LegalBasisRef,
  type Text,
} from '@crossroads/shared';
import { InLanguage } from '../components/InLanguage';
import { participantNumbers, type DebriefContext } from './model';
import { clock, contentLanguage, formatLegalBasisIn, humanizeId, pick, signed } from './text';

/** The current UI language as a content language, and a picker for Text. */
export function useContent(): {
  language: ReturnType<typeof contentLanguage>;
  text: (t: Text | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const language = contentLanguage(i18n.language);
  return { language, text: (t) => pick(t, language) };
}

/**
 * `clock` in the page's language, by the debrief's scenario start: "Day 1, 04:05" as the live views
 * read it, or "T+1 d 04:05" ("T+1 д 04:05" in Macedonian) for a scenario without a start.
 */
export function useClock(startTime: string | undefined): (minutes: number) => string {
  const { t, i18n } = useTranslation();
  return (minutes) => clock(t, minutes, i18n.resolvedLanguage, startTime);
}

export function useNames(context: DebriefContext) {
  const { text } = useContent();
  const { t } = useTranslation();
  const teams = new Map(context.debrief.teams.map((team) => [team.team, team.name]));
  const numbers = useMemo(() => participantNumbers(context.debrief), [context.debrief]);
  const agency = (id: string | null) => {
    if (!id) return t('debrief.team.teamLevel');
    const name = context.agencies[id];
    return name ? text(name) : humanizeId(id);
  };
  const participant = (id: string | null) => {
    if (!id) return '';
    // Names this reader may not see get a number, never the raw id.
    return (
      context.participants[id] ??
      t('debrief.timeline.participantId', { id: numbers.get(id) ?? numbers.size + 1 })
    );
  };
  return {
    agency,
    /** Every agency responsible for an item or a red line (a joint decision's signers). */
    agencies: (x: { role: string | null; roles?: string[] | undefined }) => {
      const ids = answeringAgencies(x);
      return ids.length > 0 ? ids.map(agency).join(', ') : agency(null);
    },
    participant,
    /** Every trainee responsible for an item or a red line (a joint decision's signers); '' for none. */
    participants: (x: { participant: string | null; participants?: string[] | undefined }) =>
      answeringParticipants(x).map(participant).join(', '),
    team: (id: string) => teams.get(id) ?? id,
  };
}

/** A score change: the sign and the axis in words, so colour is never the only signal. */
export function Delta({ axis, value }: { axis: Axis; value: number }) {
  const { t, i18n } = useTranslation();
  const kind = value > 0 ? 'gain' : value < 0 ? 'loss' : 'zero';
  return (
    <span className={`delta delta--${kind}`}>
      <span aria-hidden="true" className="delta__mark">
        {value > 0 ? '▲' : value < 0 ? '▼' : '•'}
      </span>
      {t('debrief.timeline.delta', {
        axis: t(`debrief.score.${axis}`),
        value: signed(value, i18n.resolvedLanguage),
      })}
    </span>
  );
}

export function LegalBases({ bases }: { bases: readonly LegalBasisRef[] }) {
  const { t } = useTranslation();
  const { language } = useContent();
  if (bases.length === 0) return null;
  return (
    <div className="legal">
      <span className="legal__label">{t('debrief.legalBasis')}:</span>{' '}
      <ul className="legal__list">
        {bases.map((b, i) => (
          <li key={`${formatLegalBasisIn(b, language)}|${i}`}>
            {/* The separator is text, not CSS content: copied, printed or read aloud, the items
                never run together. It is hidden from screen readers, which announce the items. */}
            {i > 0 ? (
              <span className="legal__sep" aria-hidden="true">
                ;{' '}
              </span>
            ) : null}
            {formatLegalBasisIn(b, language)}
            {b.verify ? <span className="legal__verify"> ({t('debrief.verify')})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A 0–100 score as a number with a bar; the number carries the meaning, the bar only shows it. */
export function ScoreBar({
  label,
  value,
  capped,
}: {
  label: string;
  value: number;
  capped: boolean;
}) {
  const { t } = useTranslation();
  const width = Math.max(0, Math.min(100, value));
  return (
    <div className="score">
      <div className="score__head">
        <span className="score__label">{label}</span>
        <span className="score__value">
          <strong>{value}</strong>
          <span className="score__scale"> / 100</span>
        </span>
      </div>
      <div className="score__bar" aria-hidden="true">
        <div className="score__fill" style={{ width: `${width}%` }} />
      </div>
      {capped ? (
        <p className="score__capped">
          <span aria-hidden="true">⚠ </span>
          {t('debrief.score.capped')}
        </p>
      ) : null}
    </div>
  );
}

/** A stop sign: the red-line mark next to its words (decorative, the words carry the meaning). */
export function RedLineIcon() {
  return (
    <svg
      className="icon-stop"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M7.3 1.5h9.4l5.8 5.8v9.4l-5.8 5.8H7.3l-5.8-5.8V7.3z" fill="currentColor" />
      <path d="M11 5.5h2v8h-2zM11 15.5h2v2.5h-2z" style={{ fill: 'var(--icon-mark, #ffffff)' }} />
    </svg>
  );
}

/**
 * Words a trainee or a facilitator typed during the session (a rationale, a request's
 * justification, an answer's reason): in the session's language, marked so (`lang`) when the page is
 * in another; left unmarked when the debrief does not say which language the session ran in.
 */
export function TypedText({
  language,
  children,
}: {
  language: Language | undefined;
  children: string;
}) {
  return language ? <InLanguage lang={language}>{children}</InLanguage> : <span>{children}</span>;
}
