import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SessionDetailsList } from '../components/SessionDetails';
import {
  SessionLanguageContext,
  TeamName,
  useTeamNameLang,
  WithTeamName,
} from '../components/TeamName';
import type { DebriefCredential, ReplaySource } from '../lib/debriefApi';
import { RunningChart, ScoreScatter } from './Charts';
import { DecisionPoints, PathMatrix, TeamPath } from './Comparison';
import { Exports, formatDateTime } from './Exports';
import type { DebriefContext } from './model';
import { RedLineIcon, ScoreBar, useContent } from './parts';
import { ProjectionNotice, type DebriefRefresh } from './Refresh';
import { Replay } from './Replay';
import { recipientTeamName } from './text';
import { countryName } from '../learning/reports/countries';
import { KnowledgeResultsPanel } from '../learning/KnowledgeResultsPanel';
import { ReportLinks } from '../learning/reports/ReportLinks';
import { useDebriefStyles } from './styles';
import { TeamDetail } from './TeamDetail';
import { Timeline } from './Timeline';

function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: React.ReactNode;
  lead?: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} className="debrief-section" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead ? <p className="lead-small">{lead}</p> : null}
      {children}
    </section>
  );
}

/** Moves focus (and the view) to a section, after React has rendered any change. */
function jumpTo(id: string): void {
  requestAnimationFrame(() => {
    const target = document.getElementById(id);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  });
}

interface DebriefViewProps {
  context: DebriefContext;
  credential: DebriefCredential | null;
  /** Where the replay scrubber reads frames from (none: no replay, e.g. a debrief file). */
  replay?: ReplaySource | undefined;
  /** How to load the debrief again while the session runs (none: a file, which cannot change). */
  refresh?: DebriefRefresh | undefined;
}

/**
 * The whole debrief of a session: teams at a glance, one team in detail, timeline, comparison,
 * charts. Team names in it are marked with the session's language (see TeamName).
 */
export function DebriefView(props: DebriefViewProps) {
  return (
    <SessionLanguageContext.Provider value={props.context.language}>
      <DebriefBody {...props} />
    </SessionLanguageContext.Provider>
  );
}

function DebriefBody({ context, credential, replay, refresh }: DebriefViewProps) {
  useDebriefStyles();
  const { t, i18n } = useTranslation();
  const { text } = useContent();
  const teamLang = useTeamNameLang();
  const [params, setParams] = useSearchParams();
  const teamSelectId = useId();
  const d = context.debrief;
  const requested = params.get('team');
  const team = d.teams.find((x) => x.team === requested) ?? d.teams[0];
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const select = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('team', id);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const projection = d.teams.some((x) => !x.outcome.final);

  return (
    <article className="debrief" data-debrief={context.sessionId ?? 'file'}>
      <header className="debrief-header">
        <p className="debrief-header__kicker">{t('debrief.header.kicker')}</p>
        <h1>{text(d.scenario.title)}</h1>
        <SessionDetailsList details={context.details} className="facts facts--session" />
        <dl className="facts">
          {context.startedAt ? (
            <div>
              <dt>{t('debrief.header.started')}</dt>
              <dd>{date(context.startedAt)}</dd>
            </div>
          ) : null}
          {context.endedAt ? (
            <div>
              <dt>{t('debrief.header.ended')}</dt>
              <dd>{date(context.endedAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('debrief.header.generated')}</dt>
            <dd>{date(context.generatedAt)}</dd>
          </div>
          {d.scenario.country ? (
            <div>
              <dt>{t('debrief.header.country')}</dt>
              <dd>{countryName(d.scenario.country, i18n.language)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('debrief.header.rubric')}</dt>
            <dd>
              {d.rubric.id} {d.rubric.version}
            </dd>
          </div>
          {d.recipient === null ? (
            <div>
              <dt>{t('debrief.header.teams')}</dt>
              <dd>{d.teams.length}</dd>
            </div>
          ) : (
            // A trainee's debrief holds their own team only: "Teams 1" would say the session had
            // one. It names the team instead (the count is not in the debrief; nothing is added).
            <div data-recipient-team>
              <dt>{t('debrief.header.team')}</dt>
              <dd>
                <TeamName name={recipientTeamName(d)} />
              </dd>
            </div>
          )}
          {context.sessionId ? (
            // A reference for the records (the details above are what name the session).
            <div data-reference>
              <dt>{t('debrief.header.sessionId')}</dt>
              <dd className="facts__id">{context.sessionId}</dd>
            </div>
          ) : null}
        </dl>
        {context.source === 'file' ? (
          <p className="notice">{t('debrief.header.fromFile')}</p>
        ) : null}
        {context.source === 'participant' ? (
          <p className="notice">{t('debrief.header.trainee')}</p>
        ) : null}
        {context.source === 'review' ? (
          <p className="notice">{t('debrief.header.review')}</p>
        ) : null}
        <ProjectionNotice context={context} projection={projection} refresh={refresh} />
        <Exports context={context} credential={credential} />
      </header>

      <nav className="debrief-nav" aria-label={t('debrief.nav.label')}>
        <ul>
          {(replay
            ? ([
                'overview',
                'team',
                'timeline',
                'replay',
                'compare',
                'charts',
                'knowledge',
              ] as const)
            : (['overview', 'team', 'timeline', 'compare', 'charts'] as const)
          ).map((s) => (
            <li key={s}>
              <a
                href={`#${s}`}
                onClick={(event) => {
                  event.preventDefault();
                  jumpTo(s);
                }}
              >
                {t(`debrief.nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="overview" title={t('debrief.overview.title')} lead={t('debrief.overview.lead')}>
        <ul className="team-cards">
          {d.teams.map((x) => (
            <li
              key={x.team}
              className={`team-card${x.team === team?.team ? ' team-card--selected' : ''}${
                x.redLines.length > 0 ? ' team-card--red' : ''
              }`}
              data-team-card={x.team}
            >
              <h3 className="team-card__name">
                <TeamName name={x.name} />
              </h3>
              {x.redLines.length > 0 ? (
                <p className="red-flag">
                  <RedLineIcon /> {t('debrief.redLine.crossed', { n: x.redLines.length })}
                </p>
              ) : null}
              <ScoreBar
                label={t('debrief.score.evidence')}
                value={x.evidenceScore.value}
                capped={x.evidenceScore.capped}
              />
              <ScoreBar
                label={t('debrief.score.rights')}
                value={x.rightsScore.value}
                capped={x.rightsScore.capped}
              />
              <p className="team-card__outcome">
                <span className="muted">{t('debrief.outcome.title')}: </span>
                <strong>{text(x.outcome.label)}</strong>
              </p>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => {
                  select(x.team);
                  jumpTo('team');
                }}
                aria-pressed={x.team === team?.team}
              >
                {t('debrief.overview.show', { team: x.name })}
              </button>
            </li>
          ))}
        </ul>
        <details className="method method--global">
          <summary>{t('debrief.method.title')}</summary>
          <p>{t('debrief.method.evidence')}</p>
          <p>{t('debrief.method.rights')}</p>
          <p>{t('debrief.method.redLine')}</p>
        </details>
      </Section>

      {team ? (
        <>
          <div className="team-picker">
            <label htmlFor={teamSelectId}>{t('debrief.team.pick')}</label>
            <select id={teamSelectId} value={team.team} onChange={(e) => select(e.target.value)}>
              {d.teams.map((x) => (
                <option key={x.team} value={x.team} lang={teamLang}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <Section
            id="team"
            title={
              <WithTeamName
                sentence={(n) => t('debrief.team.title', { team: n })}
                name={team.name}
              />
            }
          >
            <TeamDetail team={team} context={context} />
          </Section>
          <Section
            id="timeline"
            title={
              <WithTeamName
                sentence={(n) => t('debrief.timeline.title', { team: n })}
                name={team.name}
              />
            }
            lead={t('debrief.timeline.lead')}
          >
            <Timeline team={team} context={context} />
          </Section>
          {replay ? (
            <Section
              id="replay"
              title={
                <WithTeamName
                  sentence={(n) => t('debrief.replay.title', { team: n })}
                  name={team.name}
                />
              }
              lead={t('debrief.replay.lead')}
            >
              <Replay source={replay} team={team.team} startTime={d.scenario.startTime} />
            </Section>
          ) : null}
          <Section id="compare" title={t('debrief.compare.title')} lead={t('debrief.compare.lead')}>
            {d.teams.length > 1 ? (
              <>
                <h3>
                  <WithTeamName
                    sentence={(n) => t('debrief.compare.pathTitle', { team: n })}
                    name={team.name}
                  />
                </h3>
                <TeamPath context={context} selected={team.team} />
                <h3>{t('debrief.compare.pointsTitle')}</h3>
                <DecisionPoints context={context} selected={team.team} />
                <h3>{t('debrief.compare.matrixTitle')}</h3>
                <p className="muted">{t('debrief.compare.matrixLead')}</p>
                <PathMatrix context={context} selected={team.team} />
              </>
            ) : (
              <p>
                {context.source === 'participant'
                  ? t('debrief.compare.traineeHidden')
                  : t('debrief.compare.single')}
              </p>
            )}
          </Section>
        </>
      ) : null}

      <Section id="charts" title={t('debrief.charts.title')}>
        <RunningChart context={context} />
        <ScoreScatter context={context} />
      </Section>

      {replay ? (
        <Section
          id="knowledge"
          title={t('learning.results.title')}
          lead={t('learning.results.lead')}
        >
          <KnowledgeResultsPanel source={replay} agencies={context.agencies} />
        </Section>
      ) : null}

      {replay && context.source !== 'participant' ? <ReportLinks source={replay} /> : null}

      {d.warnings.length > 0 ? (
        <details className="method">
          <summary>{t('debrief.header.warnings')}</summary>
          <ul>
            {d.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
