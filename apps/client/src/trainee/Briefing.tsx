import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '@crossroads/shared';
import { Tx } from './content';
import { usePlay } from './context';
import { WithTeamName } from '../components/TeamName';

/** The scenario's content warnings, with what to do if the material is hard. */
export function ContentWarnings({ warnings }: { warnings: readonly Text[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="tr-warnings" aria-labelledby={id}>
      <h3 id={id}>{t('play.briefing.warnings')}</h3>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            <Tx text={warning} />
          </li>
        ))}
      </ul>
      <p>{t('play.briefing.warningsHelp')}</p>
    </section>
  );
}

/**
 * The role briefing and the content warnings: acknowledged once before play (per team and
 * agency, so a trainee moved to another agency reads the new one), and reopenable at any time.
 */
export function Briefing({
  headingRef,
  reopened,
  onDone,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  reopened: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { snapshot, credential } = usePlay();
  const view = snapshot.state.view;
  if (!view) return null;
  return (
    <section className="tr-panel tr-briefing" aria-labelledby="tr-briefing-title">
      <h2 id="tr-briefing-title" ref={headingRef} tabIndex={-1}>
        {t('play.briefing.title')}
      </h2>
      <p className="tr-muted">
        <WithTeamName
          sentence={(n) => t('play.briefing.seat', { team: n })}
          name={view.team.name}
        />{' '}
        <strong>
          <Tx text={view.role.name} />
        </strong>
      </p>
      <ContentWarnings warnings={credential.contentWarnings} />
      <h3>{t('play.briefing.role')}</h3>
      <Tx text={view.briefing} as="div" className="tr-prose" />
      <h3>
        {t('play.briefing.phase')} <Tx text={view.phase.title} />
      </h3>
      <Tx text={view.phase.description} as="div" className="tr-prose" />
      <p className="tr-actions">
        <button type="button" className="button" onClick={onDone}>
          {reopened ? t('play.briefing.back') : t('play.briefing.start')}
        </button>
      </p>
    </section>
  );
}
