import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgencySummary, Presence, TeamCard } from '@crossroads/shared';
import { StatusIcon } from '../components/StatusIcon';
import { PresenceIcon } from './ConsoleParts';
import { requestsForFacilitator } from './consoleState';
import { interpolate, Marked, ScenarioText, useAgencyText, useScenarioText } from './consoleText';
import { useClockReading, useScenarioTime } from './format';
import { useEndingKindLabel } from './ScenarioGraph';
import { TeamName } from '../components/TeamName';

export function presenceCounts(card: Pick<TeamCard, 'members'>): Record<Presence, number> {
  const counts: Record<Presence, number> = { online: 0, away: 0, left: 0 };
  for (const m of card.members) counts[m.presence] += 1;
  return counts;
}

export function ClockText({ card, startTime }: { card: TeamCard; startTime?: string | undefined }) {
  const { t } = useTranslation();
  const reading = useClockReading(startTime);
  const time = useScenarioTime();
  return (
    <span className="fac-clock" data-clock={card.clock.minutes}>
      <span className="fac-sr-only">{t('console.team.clock')} </span>
      {reading(card.clock.minutes)}
      {card.clock.limitMinutes !== null ? (
        <span className="fac-clock__limit">
          {' '}
          / {time(card.clock.limitMinutes, { sign: false })}
        </span>
      ) : null}
    </span>
  );
}

/** One decision of a team: the agency's short name, the decision, and the option chosen. */
export function DecisionLine({
  decision,
  agency,
}: {
  decision: TeamCard['lastDecisions'][number];
  agency: ReturnType<typeof useAgencyText>;
}) {
  return (
    <>
      <span className="fac-team__who">
        <Marked value={agency.short(decision.role)} />:
      </span>{' '}
      <ScenarioText text={decision.decisionTitle} /> →{' '}
      <strong>
        <ScenarioText text={decision.optionLabel} />
      </strong>
    </>
  );
}

export function ScoresLine({ scores }: { scores: NonNullable<TeamCard['scores']> }) {
  const { t } = useTranslation();
  return (
    <p className="fac-scores">
      <span>{t('console.team.evidence', { n: scores.evidence })}</span>
      <span>{t('console.team.rights', { n: scores.rights })}</span>
      {scores.redLines.length > 0 ? (
        <span className="fac-scores__red">
          <StatusIcon tone="error" />
          {t('console.team.redLines', { count: scores.redLines.length })}
        </span>
      ) : null}
    </p>
  );
}

/**
 * One team at a glance, sized so eight fit on a 1920 px projector: name, clock, phase or
 * ending, who is connected, what waits for an answer, the last decisions, and scores (when shown).
 */
export function TeamCardView({
  card,
  agencies,
  showScores,
  detailHref,
  startTime,
  stale = false,
  sessionEnded = false,
}: {
  card: TeamCard;
  agencies: AgencySummary[];
  showScores: boolean;
  detailHref: string;
  startTime?: string | undefined;
  /**
   * The console has lost its connection: the counts are what it last heard, and the trainees may
   * have dropped with the same outage, so they are labelled instead of shown as current.
   */
  stale?: boolean;
  /** The session has ended: nothing pending can be answered any more, so nothing is counted. */
  sessionEnded?: boolean;
}) {
  const { t } = useTranslation();
  const kindLabel = useEndingKindLabel();
  const pick = useScenarioText();
  const agency = useAgencyText(agencies);
  const titleId = useId();
  const counts = presenceCounts(card);
  const forMe = sessionEnded ? 0 : requestsForFacilitator([card], agencies).length;
  const pending = card.ended || sessionEnded ? 0 : card.pendingRequests.length;

  return (
    <article
      className={`fac-team${card.ended ? ' fac-team--ended' : ''}${forMe > 0 ? ' fac-team--needs-you' : ''}`}
      aria-labelledby={titleId}
      data-team={card.team.id}
    >
      <header className="fac-team__head">
        <h3 id={titleId} className="fac-team__name">
          <Link to={detailHref}>
            <TeamName name={card.team.name} />
          </Link>
        </h3>
        <ClockText card={card} startTime={startTime} />
      </header>
      {card.ended ? (
        <p className="fac-team__phase">
          <StatusIcon tone="ok" />
          <Marked
            value={interpolate((v) => t('console.team.ended', v), {
              title: pick(card.ended.title),
              kind: kindLabel(card.ended.kind),
            })}
          />
        </p>
      ) : (
        <p className="fac-team__phase">
          <span className="fac-muted">{t('console.team.phase')}</span>{' '}
          <ScenarioText text={card.phase.title} />
        </p>
      )}
      <p
        className={`fac-team__presence${stale ? ' fac-team__presence--stale' : ''}`}
        {...(stale ? { 'data-stale': '' } : {})}
      >
        {stale ? <span className="fac-muted">{t('console.team.presenceLastKnown')}</span> : null}
        {(['online', 'away', 'left'] as const).map((p) => (
          <span key={p} className="fac-presence-count" data-presence={p}>
            <PresenceIcon presence={p} />
            {t(`console.team.presence.${p}`, { count: counts[p] })}
          </span>
        ))}
      </p>
      {pending > 0 ? (
        <p className={`fac-team__requests${forMe > 0 ? ' fac-team__requests--you' : ''}`}>
          <StatusIcon tone={forMe > 0 ? 'warning' : 'pending'} />
          {forMe > 0
            ? t('console.team.requestsForYou', { n: pending, mine: forMe })
            : t('console.team.requests', { n: pending })}
        </p>
      ) : null}
      {card.lastDecisions.length > 0 ? (
        <ol className="fac-team__decisions" aria-label={t('console.team.lastDecisions')}>
          {card.lastDecisions.slice(0, 1).map((d) => (
            <li key={d.seq}>
              <DecisionLine decision={d} agency={agency} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="fac-muted fac-team__decisions">{t('console.team.noDecisions')}</p>
      )}
      {showScores && card.scores ? <ScoresLine scores={card.scores} /> : null}
    </article>
  );
}
