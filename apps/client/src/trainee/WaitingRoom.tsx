import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionDetailsList } from '../components/SessionDetails';
import { Tx } from './content';
import { AgencyName } from './AgencyName';
import { usePlay } from './context';
import { ContentWarnings } from './Briefing';
import { KnowledgePrompt } from '../learning/KnowledgePrompt';
import { WithTeamName } from '../components/TeamName';

/** Before the facilitator starts: where the trainee sits, who else is in the team, warnings. */
export function WaitingRoom({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { snapshot, credential, agencyName } = usePlay();
  const { state } = snapshot;
  const me = state.identity?.kind === 'participant' ? state.identity.participant : null;
  const team = state.lobby?.teams.find((x) => x.id === me?.team);
  const ended = state.status === 'ended';
  return (
    <section className="tr-panel tr-waiting" aria-labelledby="tr-waiting-title">
      <h2 id="tr-waiting-title" ref={headingRef} tabIndex={-1}>
        {ended ? t('play.waiting.endedTitle') : t('play.waiting.title')}
      </h2>
      <p className="lead">
        {ended
          ? t('play.waiting.ended')
          : state.status === 'lobby'
            ? t('play.waiting.lobby')
            : t('play.waiting.unplaced')}
      </p>
      <SessionDetailsList details={state.session?.details} />
      {me?.team && me.role ? (
        <p>
          <WithTeamName
            sentence={(n) => t('play.waiting.seat', { team: n })}
            name={team?.name ?? me.team}
          />{' '}
          <strong>
            <Tx text={agencyName(me.role)} />
          </strong>
        </p>
      ) : null}
      {team && team.members.length > 0 ? (
        <>
          <h3>{t('play.waiting.members')}</h3>
          <ul className="tr-plain-list tr-members">
            {team.members.map((member) => (
              <li key={member.id}>
                <span>{member.displayName}</span>{' '}
                <span className="tr-muted">
                  {member.role ? <AgencyName id={member.role} /> : null}
                  {member.id === me?.id ? ` (${t('play.waiting.thisIsYou')})` : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <KnowledgePrompt
        sessionId={credential.session}
        token={credential.token}
        refresh={state.status}
      />
      <ContentWarnings warnings={credential.contentWarnings} />
    </section>
  );
}
