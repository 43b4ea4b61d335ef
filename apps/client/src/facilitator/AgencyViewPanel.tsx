import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencySummary, RoleView } from '@crossroads/shared';
import { ApiError } from '../lib/facilitatorApi';
import { ErrorMessage, useApiErrorText } from './StaffGate';
import { agencyShortName, formatScenarioTime, pickText } from './format';
import { facilitatorApi } from './useStaff';

/**
 * What one agency of a team sees right now (GET …/teams/:team/views/:role), on demand: the phase,
 * new information received, the decisions open to it (or why not) and its requests. For helping a
 * stuck team without walking to their table; a snapshot, refreshed with the button.
 */
export function AgencyViewPanel({
  sessionId,
  team,
  agencies,
  language,
  token,
}: {
  sessionId: string;
  team: string;
  agencies: AgencySummary[];
  language: string;
  token: string;
}) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const id = useId();
  const playable = agencies.filter((a) => a.playable !== 'facilitator');
  const [role, setRole] = useState(playable[0]?.id ?? '');
  const [view, setView] = useState<RoleView | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setView(await facilitatorApi().roleView(token, sessionId, team, role));
    } catch (caught) {
      setView(null);
      setError(errorText(caught instanceof ApiError ? caught : new ApiError(0, 'network', '')));
    }
    setBusy(false);
  };

  return (
    <section className="panel fac-agency-view" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('console.agencyView.title')}</h3>
      <div className="fac-inline-form">
        <label htmlFor={`${id}-role`}>{t('console.agencyView.agency')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          {playable.map((a) => (
            <option key={a.id} value={a.id}>
              {pickText(a.name, language)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          disabled={busy || !role}
          onClick={load}
        >
          {view ? t('console.agencyView.refresh') : t('console.agencyView.show')}
        </button>
      </div>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {view ? (
        <div className="fac-agency-view__body">
          <p>
            <strong>{pickText(view.phase.title, language)}</strong> ·{' '}
            {formatScenarioTime(view.clock.minutes)}
          </p>
          <p>{pickText(view.phase.description, language)}</p>
          <h4>{t('console.agencyView.decisions')}</h4>
          {view.decisions.length === 0 ? (
            <p className="fac-muted">{t('console.agencyView.noDecisions')}</p>
          ) : (
            <ul>
              {view.decisions.map((d) => (
                <li key={d.id}>
                  {pickText(d.title, language)}{' '}
                  {d.enabled ? (
                    <span className="fac-tag">{t('console.agencyView.open')}</span>
                  ) : (
                    <span className="fac-muted">
                      {' '}
                      — {d.whyNot?.message ?? t('console.agencyView.closed')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('console.agencyView.injects')}</h4>
          {view.injects.length === 0 ? (
            <p className="fac-muted">{t('console.agencyView.noInjects')}</p>
          ) : (
            <ul>
              {view.injects.map((i) => (
                <li key={i.id}>
                  {formatScenarioTime(i.releasedAt)} {pickText(i.title, language)}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('console.agencyView.requests')}</h4>
          {view.requests.length === 0 ? (
            <p className="fac-muted">{t('console.agencyView.noRequests')}</p>
          ) : (
            <ul>
              {view.requests.map((r) => (
                <li key={r.instance}>
                  {pickText(r.title, language)} ({agencyShortName(agencies, r.from, language)} →{' '}
                  {agencyShortName(agencies, r.to, language)}):{' '}
                  {t(`console.agencyView.status.${r.status}`)}
                  {r.reason ? ` — ${r.reason}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p className="fac-muted">
            {t('console.agencyView.counts', {
              documents: view.documents.length,
              evidence: view.evidence.length,
              people: view.people.length,
            })}
          </p>
        </div>
      ) : null}
    </section>
  );
}
