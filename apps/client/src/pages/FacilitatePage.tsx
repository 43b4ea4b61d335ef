import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionListItem } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { SessionStatusBadge } from '../facilitator/ConsoleParts';
import { formatDateTime, sessionContext } from '../facilitator/format';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { contentLanguages, pickText, useReaderLanguage } from '../lib/contentText';
import type { FacilitatorApi } from '../lib/facilitatorApi';

const loadSessions = (api: FacilitatorApi, token: string) => api.sessions(token);

/** Where a staff member opens a session: the console, or the observer view. */
export function sessionHref(item: Pick<SessionListItem, 'id' | 'memberRole'>): string {
  return item.memberRole === 'observer' ? `/observe/${item.id}` : `/facilitate/sessions/${item.id}`;
}

function SessionList({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { resource, reload } = useStaffResource(token, loadSessions);
  const locale = i18n.resolvedLanguage ?? 'en';
  const reader = useReaderLanguage();
  // The scenario's title in the reader's language where it has it, else the session's (as the
  // console and the debriefs list name it).
  const scenarioTitle = (item: SessionListItem) =>
    pickText(item.scenario.title, contentLanguages(reader, item.settings.language));

  return (
    <section aria-labelledby="fac-sessions-title">
      <div className="fac-heading-row">
        <h2 id="fac-sessions-title">{t('facilitate.sessions.title')}</h2>
        <button type="button" className="button button--small button--secondary" onClick={reload}>
          {t('facilitate.sessions.refresh')}
        </button>
      </div>
      {resource.state === 'loading' ? <p role="status">{t('facilitate.loading')}</p> : null}
      {resource.state === 'error' ? <ErrorMessage>{errorText(resource.error)}</ErrorMessage> : null}
      {resource.state === 'ready' && resource.data.length === 0 ? (
        <div className="panel">
          <p>{t('facilitate.sessions.empty')}</p>
          <p>
            <Link className="button" to="/facilitate/scenarios">
              {t('facilitate.sessions.chooseScenario')}
            </Link>
          </p>
        </div>
      ) : null}
      {resource.state === 'ready' && resource.data.length > 0 ? (
        <ul className="fac-session-list">
          {[...resource.data]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((item) => {
              const scenario = scenarioTitle(item);
              return (
                <li key={item.id} className="fac-session-item">
                  <div className="fac-session-item__main">
                    <Link
                      to={sessionHref(item)}
                      className="fac-session-item__title"
                      lang={
                        !item.details?.title && scenario.lang !== reader ? scenario.lang : undefined
                      }
                    >
                      {item.details?.title ?? scenario.text}
                    </Link>
                    <SessionStatusBadge status={item.status} />
                  </div>
                  <p className="fac-session-item__meta">
                    {sessionContext(item, scenario.text)}
                    {t('facilitate.sessions.meta', {
                      created: formatDateTime(item.createdAt, locale),
                      teams: t('facilitate.sessions.teams', { count: item.teams.length }),
                      participants: t('facilitate.sessions.participants', {
                        count: item.participants,
                      }),
                    })}
                    {item.joinCode && item.status !== 'ended'
                      ? ` · ${t('facilitate.sessions.code', { code: item.joinCode })}`
                      : ''}
                    {' · '}
                    {item.memberRole
                      ? t(`facilitate.memberRole.${item.memberRole}`)
                      : t('facilitate.memberRole.admin')}
                  </p>
                  {item.status === 'ended' ? (
                    <p className="fac-session-item__links">
                      <Link to={`/debriefs/${item.id}`}>{t('facilitate.sessions.debrief')}</Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
        </ul>
      ) : null}
    </section>
  );
}

/** Route /facilitate: staff login, then the sessions this account runs or observes. */
export function FacilitatePage() {
  const { t } = useTranslation();
  usePageTitle(t('facilitate.title'));
  return (
    <div className="page fac-page">
      <h1>{t('facilitate.title')}</h1>
      <StaffGate>
        {(auth) => (
          <>
            <p className="lead">{t('facilitate.lead')}</p>
            <p className="fac-actions">
              <Link className="button" to="/facilitate/scenarios">
                {t('facilitate.sessions.chooseScenario')}
              </Link>
              <Link className="button button--secondary" to="/facilitate/sessions/new">
                {t('facilitate.nav.newSession')}
              </Link>
              <Link className="button button--secondary" to="/facilitate/courses">
                {t('courses.open')}
              </Link>
            </p>
            <SessionList token={auth.token} />
          </>
        )}
      </StaffGate>
    </div>
  );
}
