import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  LIMITS,
  type AgencySummary,
  type RequestRound,
  type TeamRef,
} from '@crossroads/shared';
import { FacilitatorMessage } from '../components/FacilitatorMessage';
import { StatusIcon } from '../components/StatusIcon';
import { AckMessage, commandButton, teamLabel, useCommand } from './ConsoleParts';
import {
  groupRequests,
  type InjectControl,
  type QueuedRequest,
  type RequestGroup,
} from './consoleState';
import { interpolate, joinParts, Marked, useAgencyText, useScenarioText } from './consoleText';
import { useClockReading } from './format';
import type { SendCommand } from './useSessionConsole';
import { TeamName, useTeamNameLang } from '../components/TeamName';

interface CommandProps {
  send: SendCommand;
  canSend: boolean;
}

// ---- requests addressed to agencies the facilitator answers ----------------------------------------

/**
 * Scenario minutes as a duration, with the units of `t`'s language: `35 min`, `2 h 05 min`,
 * `1 d 3 h` (`2 ч 05 мин` in Macedonian).
 */
export function formatWaited(minutes: number, t: TFunction): string {
  const whole = Math.max(0, Math.floor(minutes));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const unit = (value: number | string, name: 'minutes' | 'hours' | 'days') =>
    t(`units.${name}`, { value: String(value) });
  if (days > 0) return `${unit(days, 'days')} ${unit(hours, 'hours')}`;
  if (hours > 0) return `${unit(hours, 'hours')} ${unit(String(mins).padStart(2, '0'), 'minutes')}`;
  return unit(mins, 'minutes');
}

/**
 * The earlier exchanges of a request sent again after refusals, oldest first: who sent each, when
 * it was sent and refused, and the answer the team read. Folded under one line (a native
 * disclosure: Tab reaches it, Enter or Space opens it), so a queue of several teams stays short on
 * a projector.
 */
function EarlierRounds({
  rounds,
  agencies,
  startTime,
}: {
  rounds: readonly RequestRound[];
  agencies: AgencySummary[];
  startTime: string | undefined;
}) {
  const { t } = useTranslation();
  // Moments, read as the team clocks and the trainees read them ("Day 1, 02:19" by a start).
  const time = useClockReading(startTime);
  const agency = useAgencyText(agencies);
  return (
    <details className="fac-request__earlier">
      <summary>{t('console.requests.earlier', { n: rounds.length })}</summary>
      <ol className="fac-request__rounds">
        {rounds.map((round, index) => (
          <li key={index} data-request-round={index}>
            <p className="fac-request__meta">
              <Marked
                value={interpolate((v) => t('console.requests.from', v), {
                  from: agency.short(round.from),
                })}
              />
              {round.sentAt !== null
                ? ` · ${t('console.requests.sentAt', { time: time(round.sentAt) })}`
                : null}
              {round.answeredAt !== null
                ? ` · ${t('console.requests.refusedAt', { time: time(round.answeredAt) })}`
                : null}
            </p>
            {round.reason ? (
              <blockquote className="fac-request__why">
                <span className="fac-request__why-label">{t('console.requests.answer')}</span>{' '}
                {round.reason}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

function QueuedTeam({
  item,
  agencies,
  startTime,
  answerOne,
  canSend,
  busy,
}: {
  item: QueuedRequest;
  agencies: AgencySummary[];
  startTime: string | undefined;
  /** Answers this team alone (offered when the group has several teams to answer). */
  answerOne: ((granted: boolean) => void) | null;
  canSend: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { team, card, request, answerer } = item;
  const pick = useScenarioText();
  const agency = useAgencyText(agencies);
  // One row per team under the group's heading, which names the agency in full.
  const to = agency.short(request.to);
  return (
    <li className="fac-request__team" data-team={team.id} data-answerer={answerer}>
      <p className="fac-request__meta">
        <strong className="fac-request__team-name">
          <TeamName name={team.name} />
        </strong>
        {' · '}
        {t('console.requests.waited', { time: formatWaited(item.waited, t) })}
        {' · '}
        <Marked
          value={interpolate((v) => t('console.requests.from', v), {
            from: agency.short(request.from),
          })}
        />
        {' · '}
        <Marked
          value={interpolate((v) => t('console.requests.phase', v), {
            phase: pick(card.phase.title),
          })}
        />
      </p>
      {answerer === 'absent' ? (
        <p className="fac-request__absent">
          <StatusIcon tone="warning" />
          <Marked value={interpolate((v) => t('console.requests.absent', v), { to })} />
        </p>
      ) : answerer === 'trainees' ? (
        <p className="fac-muted">
          <Marked value={interpolate((v) => t('console.requests.waitingTrainees', v), { to })} />
        </p>
      ) : null}
      {request.justification ? (
        <blockquote className="fac-request__why">
          <span className="fac-request__why-label">{t('console.requests.justification')}</span>{' '}
          {request.justification}
        </blockquote>
      ) : (
        <p className="fac-muted fac-request__why-none">{t('console.requests.noJustification')}</p>
      )}
      {request.earlier && request.earlier.length > 0 ? (
        <EarlierRounds rounds={request.earlier} agencies={agencies} startTime={startTime} />
      ) : null}
      {answerOne ? (
        <p className="fac-actions fac-request__one">
          <button
            type="button"
            className="button button--small button--grant"
            {...commandButton(canSend, busy)}
            onClick={() => answerOne(true)}
            aria-label={t('console.requests.grantOne', { team: team.name })}
          >
            {t('console.requests.grant')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            {...commandButton(canSend, busy)}
            onClick={() => answerOne(false)}
            aria-label={t('console.requests.refuseOne', { team: team.name })}
          >
            {t('console.requests.refuse')}
          </button>
        </p>
      ) : null}
    </li>
  );
}

/**
 * One scenario request waiting in one or more teams: who waits, how long and why, and one answer
 * (with its reason) for every team at once, or for one team.
 */
function RequestGroupView({
  group,
  agencies,
  startTime,
  send,
  canSend,
  readOnly,
  onAnswering,
}: CommandProps & {
  group: RequestGroup;
  agencies: AgencySummary[];
  startTime: string | undefined;
  readOnly: boolean;
  /** Called as an answer goes out: the buttons pressed go away with the answered request. */
  onAnswering: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pick = useScenarioText();
  const picked = pick(group.title);
  const to = useAgencyText(agencies).name(group.to);
  const answerable = readOnly ? [] : group.items.filter((i) => i.answerer !== 'trainees');
  const several = answerable.length > 1;

  const answer = async (granted: boolean, targets: readonly QueuedRequest[]) => {
    if (busy) return;
    const text = reason.trim();
    if (!granted && text === '') {
      setProblem(t('console.requests.reasonNeeded'));
      // As in the trainee's form: straight to the box that needs the reason.
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    const [first] = targets;
    if (!first) return;
    setProblem(null);
    onAnswering();
    const names = targets.map((i) => i.team.name).join(', ');
    await run(
      'request.answer',
      targets.length === 1
        ? { team: first.team.id, requestInstance: first.request.instance, granted, reason: text }
        : {
            teams: targets.map((i) => i.team.id),
            requestInstance: first.request.instance,
            granted,
            reason: text,
          },
      {
        key: granted ? 'console.requests.grantLabel' : 'console.requests.refuseLabel',
        values: { title: { scenario: group.title }, team: names },
      },
    );
  };

  return (
    <li className="fac-request" data-request={group.request}>
      <p className="fac-request__title" tabIndex={-1}>
        <strong>
          <Marked value={picked} />
        </strong>{' '}
        <span className="fac-muted">
          <Marked value={interpolate((v) => t('console.requests.to', v), { to })} />
        </span>
        {group.items.length > 1 ? (
          <>
            {' '}
            <span className="fac-tag">
              {t('console.requests.teamsWaiting', { count: group.items.length })}
            </span>
          </>
        ) : null}
      </p>
      {group.body ? (
        <p className="fac-request__body">
          <Marked value={pick(group.body)} />
        </p>
      ) : null}
      <ul className="fac-request__teams">
        {group.items.map((item) => (
          <QueuedTeam
            key={item.team.id}
            item={item}
            agencies={agencies}
            startTime={startTime}
            answerOne={
              several && item.answerer !== 'trainees'
                ? (granted) => void answer(granted, [item])
                : null
            }
            canSend={canSend}
            busy={busy}
          />
        ))}
      </ul>
      {answerable.length > 0 ? (
        <div className="fac-request__answer">
          <label htmlFor={`${id}-reason`}>
            <Marked value={interpolate((v) => t('console.requests.reason', v), { to })} />
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
              {...commandButton(canSend, busy)}
              onClick={() => void answer(true, answerable)}
            >
              {several
                ? t('console.requests.grantAll', { count: answerable.length })
                : t('console.requests.grant')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              {...commandButton(canSend, busy)}
              onClick={() => void answer(false, answerable)}
            >
              {several
                ? t('console.requests.refuseAll', { count: answerable.length })
                : t('console.requests.refuse')}
            </button>
          </p>
          <AckMessage ack={ack} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * Requests waiting for the facilitator (judge, foreign police, interpreters, an agency nobody is
 * left to play): the same request of several teams grouped, the longest waiting first.
 */
export function RequestsPanel({
  items,
  agencies,
  startTime,
  send,
  canSend,
  readOnly,
  title,
  none,
  id,
  onAnswering,
}: CommandProps & {
  items: QueuedRequest[];
  agencies: AgencySummary[];
  /** The scenario's start of Day 1 (SessionMeta's): earlier rounds' times read as the clocks do. */
  startTime: string | undefined;
  readOnly: boolean;
  title?: string;
  /** Text when the list is empty. */
  none?: string;
  /** Anchor id (the console's alert links to it). */
  id?: string;
  /** Called as an answer goes out. */
  onAnswering?: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  // An answered request leaves the list with the buttons that answered it, which would drop a
  // keyboard user on <body>: focus goes to the request now in its place (the next one, else the
  // last), or to the heading once none is left. Only a dropped focus is moved.
  const sectionRef = useRef<HTMLElement>(null);
  const answering = useRef<number | null>(null);
  useEffect(() => {
    const index = answering.current;
    if (index === null) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    answering.current = null;
    const titles = sectionRef.current?.querySelectorAll<HTMLElement>('.fac-request__title') ?? [];
    const next = titles[Math.min(index, titles.length - 1)];
    (next ?? document.getElementById(titleId))?.focus();
  }, [items, titleId]);
  const groups = groupRequests(items);
  return (
    <section
      ref={sectionRef}
      id={id}
      tabIndex={id ? -1 : undefined}
      className={`fac-requests panel${items.some((i) => i.answerer !== 'trainees') ? ' fac-requests--waiting' : ''}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} tabIndex={-1}>
        {title ?? t('console.requests.title', { n: items.length })}
      </h2>
      {items.length === 0 ? (
        <p className="fac-muted">{none ?? t('console.requests.none')}</p>
      ) : (
        <ul className="fac-requests__list">
          {groups.map((group, index) => (
            <RequestGroupView
              key={group.request}
              group={group}
              agencies={agencies}
              startTime={startTime}
              send={send}
              canSend={canSend}
              readOnly={readOnly}
              onAnswering={() => {
                answering.current = index;
                onAnswering?.();
              }}
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
  send,
  canSend,
  readOnly,
  fixedTeam,
}: CommandProps & {
  inject: InjectControl;
  teams: TeamRef[];
  agencies: AgencySummary[];
  readOnly: boolean;
  fixedTeam?: TeamRef | undefined;
}) {
  const { t } = useTranslation();
  const teamLang = useTeamNameLang();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const remaining = teams.filter((team) => !inject.releasedTo.includes(team.id));
  const [target, setTarget] = useState<string>('all');
  const pick = useScenarioText();
  const agency = useAgencyText(agencies);
  const picked = pick(inject.title);
  const chosen = fixedTeam ? fixedTeam.id : target;
  const releasable =
    inject.release === 'facilitator' &&
    (fixedTeam ? !inject.releasedTo.includes(fixedTeam.id) : remaining.length > 0);

  // Released to its last team, the inject loses its form and the Release button that had focus:
  // focus goes to the line saying whom it was released to (only if it dropped on <body>).
  const releasing = useRef(false);
  const stateRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!releasing.current || releasable) return;
    releasing.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) stateRef.current?.focus();
  }, [releasable]);

  const release = () => {
    if (busy) return;
    releasing.current = true;
    void run(
      'inject.release',
      { inject: inject.id, team: chosen },
      {
        key: 'console.injects.releaseLabel',
        values: { title: { scenario: inject.title }, team: teamLabel(teams, chosen) },
      },
    );
  };

  const releasedNames = teams.filter((x) => inject.releasedTo.includes(x.id)).map((x) => x.name);

  return (
    <li className="fac-inject" data-inject={inject.id} data-release={inject.release}>
      <p className="fac-inject__title">
        <strong>
          <Marked value={picked} />
        </strong>{' '}
        <span className={`fac-tag fac-tag--${inject.release}`}>
          {t(`console.injects.mode.${inject.release}`)}
        </span>
      </p>
      <p className="fac-inject__meta" ref={stateRef} tabIndex={-1}>
        <Marked
          value={interpolate((v) => t('console.injects.to', v), {
            agencies: joinParts(inject.to.map(agency.short), ', '),
          })}
        />
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
                  <option key={team.id} value={team.id} lang={teamLang}>
                    {team.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <button
            type="button"
            className="button button--small"
            {...commandButton(canSend, busy)}
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
  send,
  canSend,
  readOnly,
  fixedTeam,
}: CommandProps & {
  injects: InjectControl[];
  teams: TeamRef[];
  agencies: AgencySummary[];
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
      send={send}
      canSend={canSend}
      readOnly={readOnly}
      fixedTeam={fixedTeam}
    />
  );
  return (
    <section className="fac-injects panel" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t('console.injects.title')}
      </h2>
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
  recent: { seq: number; team: string | null; message: string; lang?: string | undefined }[];
}) {
  const { t, i18n } = useTranslation();
  const teamLang = useTeamNameLang();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState('all');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const chosen = fixedTeam ? fixedTeam.id : target;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (text === '' || busy) return;
    // The message goes as typed, with the console's language, which the server records with it
    // (so each reader's page marks it).
    const lang = LANGUAGES.find((l) => l === i18n.resolvedLanguage);
    const result = await run(
      'broadcast.send',
      {
        message: text,
        ...(chosen === 'all' ? {} : { team: chosen }),
        ...(lang ? { lang } : {}),
      },
      { key: 'console.broadcast.label', values: { team: teamLabel(teams, chosen) } },
    );
    if (result.status === 'accepted') {
      setMessage('');
      // The empty box turns Send off, which would drop its focus on <body>: the cursor goes back
      // in the box, where the next message is written.
      boxRef.current?.focus();
    }
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
                <option key={team.id} value={team.id} lang={teamLang}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="fac-field">
          <label htmlFor={`${id}-message`}>{t('console.broadcast.message')}</label>
          <textarea
            ref={boxRef}
            id={`${id}-message`}
            rows={2}
            maxLength={LIMITS.broadcast}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-describedby={`${id}-help ${id}-count`}
          />
          <p id={`${id}-help`} className="fac-help">
            {t('console.broadcast.messageHelp')}
          </p>
          <p id={`${id}-count`} className="fac-help">
            {t('console.characters', { n: message.length, max: LIMITS.broadcast })}
          </p>
        </div>
        <button
          type="submit"
          className="button button--small"
          {...commandButton(canSend && message.trim() !== '', busy)}
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
                    {b.team ? (
                      <TeamName name={teams.find((x) => x.id === b.team)?.name ?? b.team} />
                    ) : (
                      t('console.allTeams')
                    )}
                    :
                  </span>{' '}
                  <FacilitatorMessage lang={b.lang}>{b.message}</FacilitatorMessage>
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
  const teamLang = useTeamNameLang();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [minutes, setMinutes] = useState('60');
  const [target, setTarget] = useState('all');
  const chosen = fixedTeam ? fixedTeam.id : target;
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= LIMITS.clockAdvanceMinutes;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    void run(
      'clock.advance',
      { minutes: value, ...(chosen === 'all' ? {} : { team: chosen }) },
      {
        key: 'console.clock.label',
        values: { minutes: value, team: teamLabel(teams, chosen) },
      },
    );
  };

  return (
    <section className="fac-clock-panel panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('console.clock.title')}</h2>
      <p className="fac-help">
        {timeRatio > 0 ? t('console.clock.ratio', { count: timeRatio }) : t('console.clock.manual')}
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
          aria-describedby={valid ? undefined : `${id}-range`}
        />
        {fixedTeam ? null : (
          <>
            <label htmlFor={`${id}-target`}>{t('console.clock.target')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="all">{t('console.allTeams')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id} lang={teamLang}>
                  {team.name}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="submit"
          className="button button--small"
          {...commandButton(canSend && valid, busy)}
        >
          {t('console.clock.advance')}
        </button>
      </form>
      {/* The button is off for these minutes: say why, as the field is marked invalid. */}
      {valid ? null : (
        <p id={`${id}-range`} className="fac-error">
          {t('console.clock.range', { max: LIMITS.clockAdvanceMinutes })}
        </p>
      )}
      <AckMessage ack={ack} />
    </section>
  );
}
