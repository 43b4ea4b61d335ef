import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type AgencySummary, type TeamCard, type TeamRef } from '@crossroads/shared';
import { AckMessage, useCommand } from './ConsoleParts';
import type { InjectControl } from './consoleState';
import { agencyName, formatScenarioTime, pickText } from './format';
import type { SendCommand } from './useSessionConsole';

type PendingRequest = TeamCard['pendingRequests'][number];

interface CommandProps {
  send: SendCommand;
  canSend: boolean;
}

// ---- requests addressed to agencies the facilitator plays ----------------------------------------

function RequestAnswerForm({
  team,
  request,
  agencies,
  language,
  send,
  canSend,
  readOnly,
}: CommandProps & {
  team: TeamRef;
  request: PendingRequest;
  agencies: AgencySummary[];
  language: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const title = pickText(request.title, language);

  const answer = async (granted: boolean) => {
    const text = reason.trim();
    if (!granted && text === '') {
      setProblem(t('console.requests.reasonNeeded'));
      return;
    }
    setProblem(null);
    await run(
      'request.answer',
      { team: team.id, requestInstance: request.instance, granted, reason: text },
      granted
        ? t('console.requests.grantLabel', { title, team: team.name })
        : t('console.requests.refuseLabel', { title, team: team.name }),
    );
  };

  return (
    <li className="fac-request" data-request={request.instance} data-team={team.id}>
      <p className="fac-request__title">
        <strong>{title}</strong>
      </p>
      <p className="fac-request__meta">
        {t('console.requests.meta', {
          team: team.name,
          from: agencyName(agencies, request.from, language),
          to: agencyName(agencies, request.to, language),
          time: formatScenarioTime(request.sentAt),
        })}
      </p>
      {readOnly || !request.facilitatorAnswers ? (
        <p className="fac-muted">
          {request.facilitatorAnswers
            ? t('console.requests.waitingFacilitator')
            : t('console.requests.waitingTrainees', {
                to: agencyName(agencies, request.to, language),
              })}
        </p>
      ) : (
        <div className="fac-request__answer">
          <label htmlFor={`${id}-reason`}>
            {t('console.requests.reason', { to: agencyName(agencies, request.to, language) })}
          </label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          {problem ? (
            <p id={`${id}-problem`} className="fac-error" role="alert">
              {problem}
            </p>
          ) : null}
          <p className="fac-actions">
            <button
              type="button"
              className="button button--small button--grant"
              disabled={!canSend || busy}
              onClick={() => void answer(true)}
            >
              {t('console.requests.grant')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={!canSend || busy}
              onClick={() => void answer(false)}
            >
              {t('console.requests.refuse')}
            </button>
          </p>
          <AckMessage ack={ack} />
        </div>
      )}
    </li>
  );
}

/** Requests waiting for the facilitator (judge, foreign police, interpreters…), oldest first. */
export function RequestsPanel({
  items,
  agencies,
  language,
  send,
  canSend,
  readOnly,
  title,
  none,
  id,
}: CommandProps & {
  items: { team: TeamRef; request: PendingRequest }[];
  agencies: AgencySummary[];
  language: string;
  readOnly: boolean;
  title?: string;
  /** Text when the list is empty. */
  none?: string;
  /** Anchor id (the console's alert links to it). */
  id?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section
      id={id}
      tabIndex={id ? -1 : undefined}
      className={`fac-requests panel${items.some((i) => i.request.facilitatorAnswers) ? ' fac-requests--waiting' : ''}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title ?? t('console.requests.title', { n: items.length })}</h2>
      {items.length === 0 ? (
        <p className="fac-muted">{none ?? t('console.requests.none')}</p>
      ) : (
        <ul className="fac-requests__list">
          {items.map(({ team, request }) => (
            <RequestAnswerForm
              key={`${team.id}:${request.instance}`}
              team={team}
              request={request}
              agencies={agencies}
              language={language}
              send={send}
              canSend={canSend}
              readOnly={readOnly}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

// ---- injects ---------------------------------------------------------------------------------------

function InjectRow({
  inject,
  teams,
  agencies,
  language,
  send,
  canSend,
  readOnly,
  fixedTeam,
}: CommandProps & {
  inject: InjectControl;
  teams: TeamRef[];
  agencies: AgencySummary[];
  language: string;
  readOnly: boolean;
  fixedTeam?: TeamRef | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const remaining = teams.filter((team) => !inject.releasedTo.includes(team.id));
  const [target, setTarget] = useState<string>('all');
  const title = pickText(inject.title, language);
  const chosen = fixedTeam ? fixedTeam.id : target;
  const releasable =
    inject.release === 'facilitator' &&
    (fixedTeam ? !inject.releasedTo.includes(fixedTeam.id) : remaining.length > 0);

  const release = () => {
    const teamName =
      chosen === 'all'
        ? t('console.allTeams')
        : (teams.find((x) => x.id === chosen)?.name ?? chosen);
    void run(
      'inject.release',
      { inject: inject.id, team: chosen },
      t('console.injects.releaseLabel', { title, team: teamName }),
    );
  };

  const releasedNames = teams.filter((x) => inject.releasedTo.includes(x.id)).map((x) => x.name);

  return (
    <li className="fac-inject" data-inject={inject.id} data-release={inject.release}>
      <p className="fac-inject__title">
        <strong>{title}</strong>{' '}
        <span className={`fac-tag fac-tag--${inject.release}`}>
          {t(`console.injects.mode.${inject.release}`)}
        </span>
      </p>
      <p className="fac-inject__meta">
        {t('console.injects.to', {
          agencies: inject.to.map((a) => agencyName(agencies, a, language)).join(', '),
        })}
        {' · '}
        {releasedNames.length === 0
          ? t('console.injects.notReleased')
          : releasedNames.length === teams.length
            ? t('console.injects.releasedAll')
            : t('console.injects.releasedTo', { teams: releasedNames.join(', ') })}
      </p>
      {readOnly ? null : releasable ? (
        <div className="fac-inline-form">
          {fixedTeam ? null : (
            <>
              <label htmlFor={`${id}-target`}>{t('console.injects.target')}</label>
              <select
                id={`${id}-target`}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                <option value="all">
                  {t('console.injects.allRemaining', { n: remaining.length })}
                </option>
                {remaining.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={!canSend || busy}
            onClick={release}
          >
            {t('console.injects.release')}
          </button>
          <AckMessage ack={ack} />
        </div>
      ) : inject.release !== 'facilitator' ? (
        <p className="fac-muted fac-inject__auto">{t(`console.injects.auto.${inject.release}`)}</p>
      ) : null}
    </li>
  );
}

/** The scenario's injects: the facilitator's to release (to one team or all), the rest for info. */
export function InjectsPanel({
  injects,
  teams,
  agencies,
  language,
  send,
  canSend,
  readOnly,
  fixedTeam,
}: CommandProps & {
  injects: InjectControl[];
  teams: TeamRef[];
  agencies: AgencySummary[];
  language: string;
  readOnly: boolean;
  fixedTeam?: TeamRef;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const manual = injects.filter((i) => i.release === 'facilitator');
  const automatic = injects.filter((i) => i.release !== 'facilitator');
  const row = (inject: InjectControl) => (
    <InjectRow
      key={inject.id}
      inject={inject}
      teams={teams}
      agencies={agencies}
      language={language}
      send={send}
      canSend={canSend}
      readOnly={readOnly}
      fixedTeam={fixedTeam}
    />
  );
  return (
    <section className="fac-injects panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('console.injects.title')}</h2>
      {manual.length === 0 ? (
        <p className="fac-muted">{t('console.injects.noneManual')}</p>
      ) : (
        <ul className="fac-injects__list">{manual.map(row)}</ul>
      )}
      {automatic.length > 0 ? (
        <details className="fac-injects__auto">
          <summary>{t('console.injects.automatic', { n: automatic.length })}</summary>
          <ul className="fac-injects__list">{automatic.map(row)}</ul>
        </details>
      ) : null}
    </section>
  );
}

// ---- broadcast -----------------------------------------------------------------------------------

export function BroadcastPanel({
  teams,
  send,
  canSend,
  fixedTeam,
  recent,
}: CommandProps & {
  teams: TeamRef[];
  fixedTeam?: TeamRef;
  recent: { seq: number; team: string | null; message: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState('all');
  const chosen = fixedTeam ? fixedTeam.id : target;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (text === '') return;
    const result = await run(
      'broadcast.send',
      { message: text, ...(chosen === 'all' ? {} : { team: chosen }) },
      t('console.broadcast.label', {
        team:
          chosen === 'all'
            ? t('console.allTeams')
            : (teams.find((x) => x.id === chosen)?.name ?? chosen),
      }),
    );
    if (result.status === 'accepted') setMessage('');
  };

  return (
    <section className="fac-broadcast panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('console.broadcast.title')}</h2>
      <form onSubmit={submit}>
        {fixedTeam ? null : (
          <div className="fac-field">
            <label htmlFor={`${id}-target`}>{t('console.broadcast.target')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="all">{t('console.allTeams')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="fac-field">
          <label htmlFor={`${id}-message`}>{t('console.broadcast.message')}</label>
          <textarea
            id={`${id}-message`}
            rows={2}
            maxLength={LIMITS.broadcast}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-describedby={`${id}-count`}
          />
          <p id={`${id}-count`} className="fac-help">
            {t('console.characters', { n: message.length, max: LIMITS.broadcast })}
          </p>
        </div>
        <button
          type="submit"
          className="button button--small"
          disabled={!canSend || busy || message.trim() === ''}
        >
          {t('console.broadcast.send')}
        </button>
        <AckMessage ack={ack} />
      </form>
      {recent.length > 0 ? (
        <>
          <h3 className="fac-subtitle">{t('console.broadcast.recent')}</h3>
          <ul className="fac-broadcast__recent">
            {recent
              .slice(-3)
              .reverse()
              .map((b) => (
                <li key={b.seq}>
                  <span className="fac-muted">
                    {b.team
                      ? (teams.find((x) => x.id === b.team)?.name ?? b.team)
                      : t('console.allTeams')}
                    :
                  </span>{' '}
                  {b.message}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

// ---- clock ---------------------------------------------------------------------------------------

export function ClockPanel({
  teams,
  send,
  canSend,
  fixedTeam,
  timeRatio,
}: CommandProps & { teams: TeamRef[]; fixedTeam?: TeamRef; timeRatio: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [minutes, setMinutes] = useState('60');
  const [target, setTarget] = useState('all');
  const chosen = fixedTeam ? fixedTeam.id : target;
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= LIMITS.clockAdvanceMinutes;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    void run(
      'clock.advance',
      { minutes: value, ...(chosen === 'all' ? {} : { team: chosen }) },
      t('console.clock.label', {
        minutes: value,
        team:
          chosen === 'all'
            ? t('console.allTeams')
            : (teams.find((x) => x.id === chosen)?.name ?? chosen),
      }),
    );
  };

  return (
    <section className="fac-clock-panel panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('console.clock.title')}</h2>
      <p className="fac-help">
        {timeRatio > 0 ? t('console.clock.ratio', { ratio: timeRatio }) : t('console.clock.manual')}
      </p>
      <form onSubmit={submit} className="fac-inline-form">
        <label htmlFor={`${id}-minutes`}>{t('console.clock.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={LIMITS.clockAdvanceMinutes}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-invalid={!valid}
        />
        {fixedTeam ? null : (
          <>
            <label htmlFor={`${id}-target`}>{t('console.clock.target')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="all">{t('console.allTeams')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="submit"
          className="button button--small"
          disabled={!canSend || busy || !valid}
        >
          {t('console.clock.advance')}
        </button>
      </form>
      <AckMessage ack={ack} />
    </section>
  );
}
