import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencySummary, RoleView } from '@crossroads/shared';
import { ApiError } from '../lib/facilitatorApi';
import { ErrorMessage, useApiErrorText } from './StaffGate';
import { Marked, plain, ScenarioText, useAgencyText, useMarkOf } from './consoleText';
import { useClockReading } from './format';
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
  token,
  startTime,
}: {
  sessionId: string;
  team: string;
  agencies: AgencySummary[];
  token: string;
  /** The scenario's time of day at minute 0: its moments then read like the team clocks. */
  startTime?: string | undefined;
}) {
  const { t } = useTranslation();
  const time = useClockReading(startTime);
  const errorText = useApiErrorText();
  const agency = useAgencyText(agencies);
  const markOf = useMarkOf();
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
            // An option holds text only: its language goes on the option itself.
            <option key={a.id} value={a.id} lang={markOf(agency.name(a.id))}>
              {plain(agency.name(a.id))}
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
            <strong>
              <ScenarioText text={view.phase.title} />
            </strong>{' '}
            · {time(view.clock.minutes)}
          </p>
          <p>
            <ScenarioText text={view.phase.description} />
          </p>
          <h4>{t('console.agencyView.decisions')}</h4>
          {view.decisions.length === 0 ? (
            <p className="fac-muted">{t('console.agencyView.noDecisions')}</p>
          ) : (
            <ul>
              {view.decisions.map((d) => (
                <li key={d.id}>
                  <ScenarioText text={d.title} />{' '}
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
                  {time(i.releasedAt)} <ScenarioText text={i.title} />
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
                  <ScenarioText text={r.title} /> (<Marked value={agency.short(r.from)} /> →{' '}
                  <Marked value={agency.short(r.to)} />
                  ): {t(`console.agencyView.status.${r.status}`)}
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
