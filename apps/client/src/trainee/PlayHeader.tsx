import { useTranslation } from 'react-i18next';
import { AgencyName } from './AgencyName';
import { Tx } from './content';
import { usePlay } from './context';
import { useScenarioTime } from './useScenarioTime';
import { formatElapsed } from '../i18n/numbers';
import { TeamName } from '../components/TeamName';

/** Who and where the trainee is: scenario, team, agency, name, clock, phase and session state. */
export function PlayHeader({ onBriefing }: { onBriefing: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const { snapshot, credential } = usePlay();
  const { state } = snapshot;
  const view = state.view;
  const identity = state.identity?.kind === 'participant' ? state.identity.participant : null;
  const team = view?.team.name ?? state.session?.teams.find((x) => x.id === identity?.team)?.name;
  const role = view?.role.id ?? identity?.role ?? null;
  const name = identity?.displayName ?? credential.displayName;
  // The phases name days ("Day 5: charges"): the clock counts them the same way when it can.
  const at = useScenarioTime();

  return (
    <header className="tr-head">
      <div className="tr-head__who">
        <h1 className="tr-head__title">
          <Tx text={state.session?.scenario.title ?? credential.title} />
        </h1>
        <p className="tr-head__seat">
          {team ? (
            <span data-testid="team">
              <TeamName name={team} />
            </span>
          ) : null}
          {role ? (
            <>
              {team ? <span aria-hidden="true"> · </span> : null}
              <AgencyName id={role} className="tr-head__role" />
            </>
          ) : null}
          <span aria-hidden="true"> · </span>
          <span>{t('play.head.you', { name })}</span>
        </p>
      </div>
      {view ? (
        <dl className="tr-head__clock">
          <div>
            <dt>{t('play.head.time')}</dt>
            <dd data-clock={view.clock.minutes}>
              {at(view.clock.minutes)}
              {view.clock.limitMinutes !== null ? (
                <span className="tr-muted">
                  {' '}
                  {/* A span, as the console writes it beside its clock ("/ 02:00"). */}
                  {t('play.head.limit', {
                    limit: formatElapsed(t, view.clock.limitMinutes, i18n.resolvedLanguage, {
                      sign: false,
                    }),
                  })}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('play.head.status')}</dt>
            <dd>
              <span className={`tr-chip tr-chip--${state.status}`} data-status={state.status}>
                {t(`play.status.${state.status}`)}
              </span>
            </dd>
          </div>
          <div className="tr-head__phase">
            <dt>{t('play.head.phase')}</dt>
            <dd>
              <Tx text={view.phase.title} />
            </dd>
          </div>
        </dl>
      ) : null}
      {onBriefing ? (
        <button
          type="button"
          className="button button--small tr-head__briefing"
          onClick={onBriefing}
        >
          {t('play.head.briefing')}
        </button>
      ) : null}
    </header>
  );
}
