import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ServerNotice, TeamCard } from '@crossroads/shared';
import { SessionDetailsList } from '../components/SessionDetails';
import { ServerText } from '../components/InLanguage';
import { StatusIcon } from '../components/StatusIcon';
import { usePageTitle } from '../components/usePageTitle';
import { staffAuthStore, type StaffAuth } from '../lib/facilitatorApi';
import type { StaffKind } from '../lib/facilitatorSocket';
import {
  CommandLog,
  ConnectionBadge,
  PausedLine,
  PresenceLabel,
  SessionStatusBadge,
} from './ConsoleParts';
import { BroadcastPanel, ClockPanel, InjectsPanel, RequestsPanel } from './ConsolePanels';
import { requestsForFacilitator, type ConsoleState } from './consoleState';
import { ControlBar, LobbyEndPanel } from './ControlBar';
import { useDescribeEvent } from './describeEvent';
import { AgencyViewPanel } from './AgencyViewPanel';
import { formatWallTime, useClockReading } from './format';
import {
  ConsoleLanguages,
  interpolate,
  Marked,
  plain,
  ScenarioText,
  useAgencyText,
  useScenarioText,
  type Picked,
} from './consoleText';
import { pickText, useContentLanguages } from '../lib/contentText';
import { JoinPanel, PROJECTOR_PARAM, PROJECTOR_WINDOW, ProjectorControls } from './JoinPanel';
import { ProjectorView } from './ProjectorView';
import { missingRoles, PeoplePanel } from './PeoplePanel';
import { ClockText, DecisionLine, ScoresLine, TeamCardView } from './TeamCards';
import { StaffMembersPanel } from './StaffMembersPanel';
import { staffRefusals } from './refusals';
import { Timeline } from './Timeline';
import { useSessionConsole, type SessionConsole } from './useSessionConsole';
import { useEndingKindLabel } from './ScenarioGraph';
import { TeamName } from '../components/TeamName';

function SettingsSummary({ state }: { state: ConsoleState }) {
  const { t, i18n } = useTranslation();
  const session = state.session;
  if (!session) return null;
  const s = session.settings;
  return (
    <dl className="fac-facts fac-settings">
      <div>
        <dt>{t('console.settings.feedback')}</dt>
        <dd>
          {s.feedbackPolicy === 'hints'
            ? t('console.settings.feedbackHints')
            : t('console.settings.feedbackDebrief')}
        </dd>
      </div>
      <div>
        <dt>{t('console.settings.scores')}</dt>
        <dd>{s.scoresVisibleToTrainees ? t('console.settings.yes') : t('console.settings.no')}</dd>
      </div>
      <div>
        <dt>{t('console.settings.ratio')}</dt>
        <dd>
          {s.timeRatio > 0
            ? t('console.settings.ratioValue', { count: s.timeRatio })
            : t('console.settings.ratioManual')}
        </dd>
      </div>
      {s.timeLimitMinutes ? (
        <div>
          <dt>{t('console.settings.limit')}</dt>
          <dd>{t('facilitate.duration.minutes', { minutes: s.timeLimitMinutes })}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('console.settings.language')}</dt>
        {/* The language's own name ("Srpski"), not its tag. */}
        <dd lang={s.language}>{i18n.getFixedT(s.language)('language.endonym')}</dd>
      </div>
    </dl>
  );
}

/**
 * What the debrief would hold against the team's evidence as it stands (its case file, from the
 * live scores the server refreshes every few seconds): each excluded or weakened item, and why.
 */
function TaintsPanel({ card }: { card: TeamCard }) {
  const { t } = useTranslation();
  const id = useId();
  const taints = card.taints ?? [];
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{t('console.detail.taints')}</h3>
      <p className="fac-muted">{t('console.detail.taintsNote')}</p>
      {taints.length === 0 ? (
        <p className="fac-muted">{t('console.detail.noTaints')}</p>
      ) : (
        <ul className="fac-taints">
          {taints.map((taint) => (
            <li key={taint.evidence} data-taint={taint.evidence}>
              <strong>
                <ScenarioText text={taint.title} />
              </strong>{' '}
              <span className="fac-muted">({t(`console.detail.taintStatus.${taint.status}`)})</span>
              <ul>
                {taint.reasons.map((reason, i) => (
                  <li key={i}>
                    <ScenarioText text={reason} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TeamDetail({
  card,
  c,
  readOnly,
  sessionEnded,
  showScores,
  describe,
  token,
}: {
  card: TeamCard;
  token: string;
  c: SessionConsole;
  readOnly: boolean;
  /** The session has ended: its requests can no longer be answered (the server refuses). */
  sessionEnded: boolean;
  showScores: boolean;
  describe: ReturnType<typeof useDescribeEvent>;
}) {
  const { t, i18n } = useTranslation();
  const kindLabel = useEndingKindLabel();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a team replaces the list (and the link that had focus): focus goes to this heading,
  // once per team opened, so a keyboard user reads on from here rather than from <body>.
  const teamId = card.team.id;
  useEffect(() => {
    headingRef.current?.focus();
  }, [teamId]);
  const { state, send, canSend } = c;
  const session = state.session;
  // Decisions, chat and the ending read like the team's clock above them ('Day 1, 02:02' when the
  // scenario says when Day 1 starts), as the trainees read the same moments.
  const time = useClockReading(session?.scenario.startTime);
  const pick = useScenarioText();
  const agency = useAgencyText(session?.agencies ?? []);
  if (!session) return null;
  const locale = i18n.resolvedLanguage ?? 'en';
  const agencies = session.agencies;
  const chat = state.chat.filter((m) => m.team === card.team.id).slice(-20);

  return (
    <section className="fac-detail" aria-labelledby={titleId}>
      <p>
        <Link to="?" className="back-link">
          <span aria-hidden="true">←</span> {t('console.detail.back')}
        </Link>
      </p>
      <div className="fac-heading-row">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          <TeamName name={card.team.name} />
        </h2>
        <ClockText card={card} startTime={session.scenario.startTime} />
      </div>
      <dl className="fac-facts">
        <div>
          <dt>{t('console.team.phase')}</dt>
          <dd>
            <ScenarioText text={card.phase.title} />
          </dd>
        </div>
        {card.ended ? (
          <div>
            <dt>{t('console.detail.ending')}</dt>
            <dd>
              <Marked
                value={interpolate((v) => t('console.detail.endingValue', v), {
                  title: pick(card.ended.title),
                  kind: kindLabel(card.ended.kind),
                  time: time(card.ended.time),
                })}
              />
            </dd>
          </div>
        ) : null}
      </dl>
      {showScores && card.scores ? <ScoresLine scores={card.scores} /> : null}

      <div className="fac-tools">
        <section className="panel" aria-labelledby={`${titleId}-members`}>
          <h3 id={`${titleId}-members`}>{t('console.detail.members')}</h3>
          {c.connection.status !== 'connected' ? (
            <p className="fac-muted" data-stale="">
              {t('console.detail.membersLastKnown')}
            </p>
          ) : null}
          {card.members.length === 0 ? (
            <p className="fac-muted">{t('console.people.emptyTeam')}</p>
          ) : (
            <ul className="fac-people__list">
              {card.members.map((m) => (
                <li key={m.id} className="fac-person">
                  <span className="fac-person__name">{m.displayName}</span>
                  <PresenceLabel presence={m.presence} />
                  {m.role ? (
                    <span className="fac-person__seat" title={plain(agency.name(m.role))}>
                      <Marked value={agency.short(m.role)} />
                    </span>
                  ) : (
                    <span className="fac-person__seat">{t('console.people.noRole')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby={`${titleId}-decisions`}>
          <h3 id={`${titleId}-decisions`}>{t('console.detail.decisions')}</h3>
          {card.lastDecisions.length === 0 ? (
            <p className="fac-muted">{t('console.team.noDecisions')}</p>
          ) : (
            <ol className="fac-decision-list">
              {card.lastDecisions.map((d) => (
                <li key={d.seq}>
                  <span className="fac-event__clock">
                    {d.time !== null ? time(d.time) : formatWallTime(d.at, locale)}
                  </span>{' '}
                  <DecisionLine decision={d} agency={agency} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <TaintsPanel card={card} />

      <RequestsPanel
        items={
          sessionEnded ? [] : requestsForFacilitator([card], agencies, { includeTrainees: true })
        }
        agencies={agencies}
        startTime={session.scenario.startTime}
        send={send}
        canSend={canSend}
        readOnly={readOnly || sessionEnded}
        title={t('console.detail.requests', {
          n: card.ended || sessionEnded ? 0 : card.pendingRequests.length,
        })}
        none={t('console.detail.noRequests')}
      />

      <AgencyViewPanel
        sessionId={session.id}
        team={card.team.id}
        agencies={agencies}
        token={token}
        startTime={session.scenario.startTime}
      />

      <section className="panel" aria-labelledby={`${titleId}-chat`}>
        <h3 id={`${titleId}-chat`}>{t('console.detail.chat')}</h3>
        {chat.length === 0 ? (
          <p className="fac-muted">{t('console.detail.noChat')}</p>
        ) : (
          <ol className="fac-chat">
            {chat.map((m) => (
              <li key={m.seq}>
                <time dateTime={m.at} className="fac-event__time">
                  {formatWallTime(m.at, locale)}
                </time>{' '}
                {typeof m.time === 'number' ? (
                  // The team's scenario clock, read as the timeline and the decisions above it do.
                  <>
                    <span className="fac-event__clock">{time(m.time)}</span>{' '}
                  </>
                ) : null}
                <strong>{m.displayName || t('console.event.someone')}</strong>
                {m.role ? (
                  <span className="fac-muted">
                    {' '}
                    (<Marked value={agency.short(m.role)} />)
                  </span>
                ) : null}
                : {m.text}
              </li>
            ))}
          </ol>
        )}
      </section>

      {readOnly || session.status === 'ended' ? null : (
        <div className="fac-tools">
          <InjectsPanel
            injects={state.injects}
            teams={session.teams}
            agencies={agencies}
            send={send}
            canSend={canSend}
            readOnly={readOnly}
            fixedTeam={card.team}
          />
          <BroadcastPanel
            teams={session.teams}
            send={send}
            canSend={canSend}
            fixedTeam={card.team}
            recent={state.broadcasts.filter((b) => b.team === card.team.id)}
          />
          <ClockPanel
            teams={session.teams}
            send={send}
            canSend={canSend}
            fixedTeam={card.team}
            timeRatio={session.settings.timeRatio}
          />
        </div>
      )}
      <Timeline
        events={state.events}
        notes={state.notes}
        teams={session.teams}
        describe={describe}
        send={send}
        canSend={canSend}
        canPin
        fixedTeam={card.team}
        startTime={session.scenario.startTime}
      />
    </section>
  );
}

/**
 * A notice the server sent the open console without closing it (a refusal without an ack): the
 * staff headline of its code, then the server's English where it says more, marked as English
 * (after the headline saying it is the server's reason, for a code the console does not know).
 */
function ConsoleNotice({ notice }: { notice: ServerNotice }) {
  const { t, i18n } = useTranslation();
  const detail = staffRefusals.serverDetail(t, i18n.resolvedLanguage, notice.code, notice.message);
  return (
    <span>
      {staffRefusals.headline(t, notice.code)}
      {detail === null ? null : (
        <>
          {' '}
          <ServerText>{detail}</ServerText>
        </>
      )}
    </span>
  );
}

/**
 * Why the console is not connected, and what to do, for every code the server refuses a console
 * socket with: the handshake's (SessionsGateway.authenticate: unsupported_version, invalid_payload,
 * unauthenticated, forbidden, not_found, internal, and session_unavailable when the session could
 * not be loaded in a cluster), the notices it closes an open socket with (unauthenticated: the
 * log-in ended; forbidden: made an observer; not_found: taken off the staff; internal: the session
 * could not be loaded), and `closed` (closed without a notice). A code this console does not know
 * (a newer server) says so, with the server's English, marked as such.
 */
function RefusedReason({
  code,
  message,
  revoked,
  kind,
}: {
  code: string;
  message: string;
  revoked: boolean;
  kind: StaffKind;
}) {
  const { t } = useTranslation();
  switch (code) {
    case 'auth/forbidden':
      return kind === 'facilitator'
        ? t('console.refused.forbiddenFacilitator')
        : t('console.refused.forbiddenObserver');
    case 'session/not_found':
      // An open console closed so: its account was taken off the session's staff.
      return revoked ? t('console.refused.removed') : t('console.refused.notFound');
    case 'auth/unauthenticated':
      return t('console.refused.unauthenticated');
    case 'protocol/unsupported_version':
      return t('console.refused.version');
    case 'protocol/invalid_payload':
      return t('console.refused.invalid');
    case 'protocol/internal':
      return t('console.refused.internal');
    case 'protocol/session_unavailable':
      return t('console.refused.unavailable');
    case 'closed':
      return t('console.refused.closed');
    default:
      return (
        <>
          {t('console.refused.other')} <ServerText>{message}</ServerText>
        </>
      );
  }
}

function Refused({
  code,
  message,
  revoked,
  kind,
  sessionId,
  retry,
}: {
  code: string;
  message: string;
  revoked: boolean;
  kind: StaffKind;
  sessionId: string;
  retry: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    // An expired or revoked login: back to the login form (the gate shows it).
    if (code === 'auth/unauthenticated') staffAuthStore().clear();
  }, [code]);
  return (
    <div className="panel fac-refused" role="alert">
      <p className="fac-error">
        <StatusIcon tone="error" />
        <span>
          <RefusedReason code={code} message={message} revoked={revoked} kind={kind} />
        </span>
      </p>
      <p className="fac-actions">
        {code === 'auth/forbidden' ? (
          <Link
            className="button button--secondary"
            to={
              kind === 'facilitator' ? `/observe/${sessionId}` : `/facilitate/sessions/${sessionId}`
            }
          >
            {kind === 'facilitator'
              ? t('console.refused.openObserver')
              : t('console.refused.openConsole')}
          </Link>
        ) : null}
        {/* A page older than the server only connects once it is loaded again; an address that
            names no session sends the same on another try. */}
        {code === 'protocol/unsupported_version' ? (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('console.refused.reload')}
          </button>
        ) : code === 'protocol/invalid_payload' ? null : (
          <button type="button" className="button" onClick={retry}>
            {t('console.refused.retry')}
          </button>
        )}
        <Link className="button button--secondary" to="/facilitate">
          {t('console.refused.back')}
        </Link>
      </p>
    </div>
  );
}

/**
 * The live console of one session for a facilitator (everything) or an observer (read only, plus
 * notes). Before the start it is the lobby: join code, QR code and people; afterwards one card
 * per team, requests to answer, injects, broadcast, clock and the timeline.
 */
export function ConsoleScreen({
  sessionId,
  kind,
  auth,
}: {
  sessionId: string;
  kind: StaffKind;
  auth: StaffAuth;
}) {
  const { t } = useTranslation();
  const c = useSessionConsole({ sessionId, kind, token: auth.token });
  const { state, connection, send, canSend } = c;
  const [params, setParams] = useSearchParams();
  const projector = params.get(PROJECTOR_PARAM[0]) === PROJECTOR_PARAM[1];
  const projectorWindow = params.get(PROJECTOR_PARAM[0]) === PROJECTOR_WINDOW;
  const closeProjector = useCallback(
    () =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.delete(PROJECTOR_PARAM[0]);
        return next;
      }),
    [setParams],
  );
  // The projector's own window closes rather than showing the console on the wall. A window
  // the browser will not close (opened by hand, not by the console) shows the console instead.
  const closeProjectorWindow = useCallback(() => {
    window.close();
    window.setTimeout(() => {
      if (!window.closed) closeProjector();
    }, 200);
  }, [closeProjector]);
  const readOnly = kind === 'observer' || state.identity?.kind === 'observer';
  const session = state.session;
  const language = session?.settings.language ?? 'en';
  // Scenario texts in the facilitator's language where the scenario has it, else the session's.
  const languages = useContentLanguages(session?.settings.language);
  const describe = useDescribeEvent(state, languages);
  const [scoresChoice, setScoresChoice] = useState<boolean | null>(null);
  const scoresId = useId();
  const picked: Picked | null = session ? pickText(session.scenario.title, languages) : null;
  const title = picked ? picked.text : t('console.loadingTitle');
  usePageTitle(
    kind === 'observer' ? t('console.observerTitle', { title }) : t('console.pageTitle', { title }),
  );
  // The requests panel goes away once the last request waiting is answered, with the button that
  // had focus: focus then goes on to the next panel, the injects (only if it dropped on <body>).
  const answering = useRef(false);
  const lobbyEnding = useRef(false);
  const anyWaiting =
    session !== null &&
    session.status !== 'ended' &&
    requestsForFacilitator(state.teams, session.agencies).length > 0;
  useEffect(() => {
    if (anyWaiting || !answering.current) return;
    answering.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body)
      document.querySelector<HTMLElement>('.fac-injects h2')?.focus();
  }, [anyWaiting]);

  // Back from a team's detail to the list, focus goes to that team's link (the detail and the link
  // that had focus are gone): a keyboard user goes on where they left, not from <body>.
  const openTeam = params.get('team');
  const lastTeam = useRef<string | null>(openTeam);
  useEffect(() => {
    const left = lastTeam.current;
    lastTeam.current = openTeam;
    if (openTeam !== null || left === null) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const card = [...document.querySelectorAll<HTMLElement>('article[data-team]')].find(
      (article) => article.dataset.team === left,
    );
    card?.querySelector<HTMLElement>('.fac-team__name a')?.focus();
  }, [openTeam]);

  if (connection.status === 'refused') {
    return (
      <>
        <h1>{t(kind === 'observer' ? 'console.observerHeading' : 'console.heading')}</h1>
        <Refused
          code={connection.code}
          message={connection.message}
          revoked={connection.revoked}
          kind={kind}
          sessionId={sessionId}
          retry={c.retry}
        />
      </>
    );
  }
  if (!state.ready || !session) {
    return (
      <>
        <h1>{t(kind === 'observer' ? 'console.observerHeading' : 'console.heading')}</h1>
        <p role="status">{t('console.connecting')}</p>
      </>
    );
  }

  if (projectorWindow) {
    return (
      <ProjectorView state={state} language={language} onClose={closeProjectorWindow} ownWindow />
    );
  }

  const status = session.status;
  // The lobby's join panel, shown to a facilitator while people join.
  const lobbyJoin = status === 'lobby' && !readOnly && Boolean(session.joinCode);
  const showScores = scoresChoice ?? (readOnly || session.settings.scoresVisibleToTrainees);
  const selectedTeam = params.get('team');
  const detail = selectedTeam
    ? state.teams.find((card) => card.team.id === selectedTeam)
    : undefined;
  // Nothing can be answered in an ended session.
  const waiting = status === 'ended' ? [] : requestsForFacilitator(state.teams, session.agencies);
  // Who has joined where: in the lobby beside the join panel, during play folded under the teams.
  const people = (
    <PeoplePanel
      lobby={state.lobby}
      teams={session.teams}
      agencies={session.agencies}
      canSend={canSend}
      readOnly={readOnly}
      send={send}
    />
  );
  const startWarnings = [
    ...(state.lobby.unassigned.length > 0
      ? [t('console.lobby.unassignedWarning', { count: state.lobby.unassigned.length })]
      : []),
    ...missingRoles(state.lobby, session.agencies).map(({ team, missing }) =>
      t('console.lobby.missingRoles', {
        team: team.name,
        // Short names: the warning repeats for every team with a gap.
        roles: missing.map((a) => pickText(a.shortName ?? a.name, languages).text).join(', '),
      }),
    ),
  ];

  return (
    <ConsoleLanguages languages={languages} session={session ? language : undefined}>
      <div className={`fac-console fac-console--${status}`} data-session-status={status}>
        <div className="fac-console__top">
          <header className="fac-console__head">
            <p className="fac-eyebrow">
              {readOnly ? t('console.observerHeading') : t('console.heading')}
            </p>
            <h1 className="fac-console__title">{picked ? <Marked value={picked} /> : title}</h1>
            {status === 'lobby' ? <SessionDetailsList details={session.details} /> : null}
            <p className="fac-console__status">
              <SessionStatusBadge status={status} />
              {/* "Live" beside "Ended" reads as if the session still ran: once it has ended the
                  badge shows only a connection problem (the status bar keeps the connection). */}
              {status === 'ended' && connection.status === 'connected' ? null : (
                <ConnectionBadge connection={connection} />
              )}
              {readOnly ? <span className="fac-tag">{t('console.readOnly')}</span> : null}
              {status !== 'lobby' && session.joinCode && !readOnly ? (
                <span className="fac-muted">
                  {t('console.join.short', { code: session.joinCode })}
                </span>
              ) : null}
              {/* In the lobby the join panel offers the projector (with what its window does). */}
              {lobbyJoin ? null : <ProjectorControls sessionId={sessionId} short />}
            </p>
          </header>

          {readOnly ? null : (
            <ControlBar
              session={session}
              send={send}
              canSend={canSend}
              startWarnings={startWarnings}
              lobbyEndingRef={lobbyEnding}
            />
          )}
        </div>
        {connection.status !== 'connected' ? (
          <p className="fac-offline" role="status">
            <StatusIcon tone="warning" />
            {t('console.offlineNotice')}
          </p>
        ) : null}
        {c.resynced && connection.status === 'connected' ? (
          <p className="fac-offline" role="status" data-console-resynced="">
            <StatusIcon tone="warning" />
            {t('console.resynced')}{' '}
            <button type="button" className="button button--small" onClick={c.dismissResynced}>
              {t('console.resyncedDismiss')}
            </button>
          </p>
        ) : null}
        {c.notice !== null && connection.status === 'connected' ? (
          <p className="fac-offline" role="status" data-console-notice="">
            <StatusIcon tone="warning" />
            <ConsoleNotice notice={c.notice} />{' '}
            <button type="button" className="button button--small" onClick={c.dismissNotice}>
              {t('console.resyncedDismiss')}
            </button>
          </p>
        ) : null}
        <CommandLog commands={c.commands} />
        {projector ? (
          <ProjectorView state={state} language={language} onClose={closeProjector} />
        ) : null}

        {status === 'paused' ? (
          <p className="fac-paused" role="status">
            <StatusIcon tone="warning" />
            <PausedLine pause={state.pause} language={language} />
          </p>
        ) : null}

        {status === 'lobby' ? (
          <div className="fac-lobby">
            {!readOnly && session.joinCode ? (
              <JoinPanel code={session.joinCode} link={session.joinLink} sessionId={sessionId} />
            ) : null}
            {people}
            <section className="panel" aria-labelledby={`${scoresId}-settings`}>
              <h2 id={`${scoresId}-settings`}>{t('console.settings.title')}</h2>
              <SettingsSummary state={state} />
            </section>
            <StaffMembersPanel
              sessionId={sessionId}
              token={auth.token}
              isOwner={
                state.identity?.kind === 'facilitator' && state.identity.memberRole === 'owner'
              }
            />
            {readOnly ? null : (
              <LobbyEndPanel send={send} canSend={canSend} endingRef={lobbyEnding} />
            )}
          </div>
        ) : detail ? (
          <TeamDetail
            card={detail}
            c={c}
            readOnly={readOnly}
            sessionEnded={status === 'ended'}
            showScores={showScores}
            describe={describe}
            token={auth.token}
          />
        ) : (
          <>
            {waiting.length > 0 ? (
              <p className="fac-alert">
                <StatusIcon tone="warning" />
                <a href="#fac-requests">{t('console.requests.alert', { n: waiting.length })}</a>
              </p>
            ) : null}
            <section className="fac-teams" aria-labelledby={`${scoresId}-teams`}>
              <div className="fac-heading-row">
                <h2 id={`${scoresId}-teams`}>
                  {t('console.teams.title', { n: state.teams.length })}
                </h2>
                <span className="fac-checkbox">
                  <input
                    type="checkbox"
                    id={scoresId}
                    checked={showScores}
                    onChange={(e) => setScoresChoice(e.target.checked)}
                  />
                  <label htmlFor={scoresId}>{t('console.teams.showScores')}</label>
                </span>
              </div>
              {state.teams.length === 0 ? (
                <p className="fac-muted">{t('console.teams.none')}</p>
              ) : (
                <div className="fac-team-grid">
                  {state.teams.map((card) => (
                    <TeamCardView
                      key={card.team.id}
                      card={card}
                      agencies={session.agencies}
                      showScores={showScores}
                      detailHref={`?team=${encodeURIComponent(card.team.id)}`}
                      startTime={session.scenario.startTime}
                      stale={connection.status !== 'connected'}
                      sessionEnded={status === 'ended'}
                    />
                  ))}
                </div>
              )}
            </section>
            {waiting.length > 0 ? (
              <RequestsPanel
                id="fac-requests"
                items={waiting}
                agencies={session.agencies}
                startTime={session.scenario.startTime}
                send={send}
                canSend={canSend}
                readOnly={readOnly}
                onAnswering={() => {
                  answering.current = true;
                }}
              />
            ) : null}
            <div className="fac-tools">
              <InjectsPanel
                injects={state.injects}
                teams={session.teams}
                agencies={session.agencies}
                send={send}
                canSend={canSend}
                readOnly={readOnly || status === 'ended'}
              />
              {readOnly || status === 'ended' ? null : (
                <BroadcastPanel
                  teams={session.teams}
                  send={send}
                  canSend={canSend}
                  recent={state.broadcasts}
                />
              )}
              {readOnly || status === 'ended' ? null : (
                <ClockPanel
                  teams={session.teams}
                  send={send}
                  canSend={canSend}
                  timeRatio={session.settings.timeRatio}
                />
              )}
            </div>
            <details className="fac-people-details">
              <summary>{readOnly ? t('console.people.list') : t('console.people.manage')}</summary>
              {people}
              {!readOnly && session.joinCode && status !== 'ended' ? (
                <JoinPanel
                  code={session.joinCode}
                  link={session.joinLink}
                  sessionId={sessionId}
                  projector={false}
                />
              ) : null}
            </details>
            <Timeline
              events={state.events}
              notes={state.notes}
              teams={session.teams}
              describe={describe}
              send={send}
              canSend={canSend}
              canPin
              startTime={session.scenario.startTime}
            />
          </>
        )}
      </div>
    </ConsoleLanguages>
  );
}
