import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  type AgencySummary,
  type Lobby,
  type Participant,
  type TeamCard,
} from '@crossroads/shared';
import type { ConsoleState } from './consoleState';
import { PausedLine } from './ConsoleParts';
import { contentLanguages } from '../lib/contentText';
import { ConsoleLanguagesContext, Marked, ScenarioText, useAgencyText } from './consoleText';
import { CodeDisplay, LinkText, useQrCode } from './JoinPanel';
import { useClockReading } from './format';
import { TeamName } from '../components/TeamName';

/**
 * People the room can see as present: those who left (closed the page long ago) are not listed,
 * so the count on the wall matches the faces in the room.
 */
function present(members: readonly Participant[]): Participant[] {
  return members.filter((m) => m.presence !== 'left');
}

export function joinedCount(lobby: Lobby): number {
  return (
    present(lobby.unassigned).length +
    lobby.teams.reduce((n, team) => n + present(team.members).length, 0)
  );
}

function Names({
  members,
  agencies,
}: {
  members: readonly Participant[];
  agencies: readonly AgencySummary[];
}) {
  const { t } = useTranslation();
  const agency = useAgencyText(agencies);
  return (
    <ul className="fac-wall__names">
      {members.map((m) => (
        <li key={m.id} data-presence={m.presence}>
          <span className="fac-wall__name">{m.displayName}</span>
          {m.role ? (
            <span className="fac-wall__agency">
              <Marked value={agency.short(m.role)} />
            </span>
          ) : null}
          {m.presence === 'away' ? (
            <span className="fac-wall__away">{t('console.projector.away')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Whether the element's content is taller than the element: then it scrolls, and keyboard users
 * need to be able to focus it to scroll it. Followed as the screen or the list changes size.
 */
function useOverflows(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

/** Who has joined, by team, with each person's agency: the lobby's wall. */
function JoinedByTeam({ lobby, agencies }: { lobby: Lobby; agencies: readonly AgencySummary[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const count = joinedCount(lobby);
  const unassigned = present(lobby.unassigned);
  const sectionRef = useRef<HTMLElement>(null);
  const scrolls = useOverflows(sectionRef);
  return (
    // On a screen too small for the class the list scrolls on its own: keys must reach it then.
    <section
      ref={sectionRef}
      className="fac-wall__people"
      aria-labelledby={titleId}
      tabIndex={scrolls ? 0 : undefined}
    >
      <h3 id={titleId} className="fac-wall__count" data-joined={count}>
        {count === 0 ? t('console.projector.nobody') : t('console.projector.joined', { count })}
      </h3>
      <div className="fac-wall__teams">
        {lobby.teams.map((team) => {
          const members = present(team.members);
          return (
            <div key={team.id} className="fac-wall__team" data-team={team.id}>
              <h4>
                <TeamName name={team.name} /> <span className="fac-wall__n">{members.length}</span>
              </h4>
              <Names members={members} agencies={agencies} />
            </div>
          );
        })}
        {unassigned.length > 0 ? (
          <div className="fac-wall__team fac-wall__team--unassigned" data-team="">
            <h4>
              {t('console.projector.unassigned')}{' '}
              <span className="fac-wall__n">{unassigned.length}</span>
            </h4>
            <Names members={unassigned} agencies={agencies} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

/**
 * One team during play, as the whole room may see it: name, clock, phase (or that it has
 * finished) and who plays which agency. Nothing a team could use against another: no scores,
 * decisions, requests, or the ending reached.
 */
function TeamTile({
  card,
  members,
  agencies,
  startTime,
}: {
  card: TeamCard;
  members: readonly Participant[];
  agencies: readonly AgencySummary[];
  startTime: string | undefined;
}) {
  const { t } = useTranslation();
  const reading = useClockReading(startTime);
  const titleId = useId();
  return (
    <article className="fac-wall__tile" aria-labelledby={titleId} data-team={card.team.id}>
      <header className="fac-wall__tile-head">
        <h3 id={titleId}>
          <TeamName name={card.team.name} />
        </h3>
        <span className="fac-wall__clock" data-clock={card.clock.minutes}>
          <span className="fac-sr-only">{t('console.team.clock')} </span>
          {reading(card.clock.minutes)}
        </span>
      </header>
      <p className="fac-wall__phase">
        {card.ended ? (
          <strong>{t('console.projector.finished')}</strong>
        ) : (
          <>
            <span className="fac-wall__label">{t('console.team.phase')}</span>{' '}
            <ScenarioText text={card.phase.title} />
          </>
        )}
      </p>
      <Names members={present(members)} agencies={agencies} />
    </article>
  );
}

/**
 * The console as the room projector shows it, in large type, over the console (`?view=projector`,
 * so it can also be opened in a window of its own on a second screen). Before the start: how to
 * join, and who has joined, by team; during play: each team's clock and phase and the session's
 * state. It reads the console's own state, so it follows joins, moves and departures live. Only
 * what every trainee in the room may see is shown.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle through the wall's own controls: it covers the console, so focus that
 * left it would land, unseen, on the console's buttons behind it (aria-modal does not stop Tab).
 */
function keepFocusInside(event: KeyboardEvent, wall: HTMLElement | null): void {
  if (!wall) return;
  const inside = [...wall.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const leaving = event.shiftKey ? active === first : active === last;
  if (leaving || !wall.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

export function ProjectorView({
  state,
  language,
  onClose,
  ownWindow = false,
}: {
  state: ConsoleState;
  language: string;
  onClose: () => void;
  /** Shown alone in a window of its own (no console behind it): closing closes the window. */
  ownWindow?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const wallRef = useRef<HTMLDivElement>(null);
  const session = state.session;
  const qr = useQrCode(session?.status === 'lobby' ? session.joinLink : undefined);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'Tab') keepFocusInside(event, wallRef.current);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [onClose]);

  if (!session) return null;
  const status = session.status;
  const agencies = session.agencies;
  const membersOf = (team: string) => state.lobby.teams.find((x) => x.id === team)?.members ?? [];

  // The wall is the room's: scenario texts in the session's language (English where it has none),
  // marked when the page around them is in another.
  const room = contentLanguages(LANGUAGES.find((l) => l === language) ?? 'en');
  return (
    <ConsoleLanguagesContext.Provider value={room}>
      <div
        className={`fac-projector fac-wall fac-wall--${status === 'lobby' ? 'lobby' : 'play'}`}
        ref={wallRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-projector={status}
      >
        <header className="fac-wall__head">
          <h2 id={titleId} className="fac-wall__title">
            <ScenarioText text={session.scenario.title} />
          </h2>
          {status !== 'lobby' ? (
            <p className="fac-wall__status" data-status={status}>
              {status === 'paused' ? (
                <PausedLine pause={state.pause} language={language} />
              ) : (
                t(`console.status.${status}`)
              )}
            </p>
          ) : null}
          <button ref={closeRef} type="button" className="button button--small" onClick={onClose}>
            {ownWindow ? t('console.join.closeProjectorWindow') : t('console.join.closeProjector')}
          </button>
        </header>

        {status === 'lobby' ? (
          <div className="fac-wall__lobby">
            {session.joinCode ? (
              <div className="fac-wall__join">
                <p className="fac-projector__instruction">{t('console.join.instruction')}</p>
                <CodeDisplay code={session.joinCode} large />
                {session.joinLink ? (
                  <p className="fac-projector__link">
                    <LinkText link={session.joinLink} />
                  </p>
                ) : null}
                {qr ? (
                  <img
                    className="fac-join__qr"
                    src={qr}
                    alt={t('console.join.qrAlt', { link: session.joinLink ?? '' })}
                  />
                ) : null}
              </div>
            ) : null}
            <JoinedByTeam lobby={state.lobby} agencies={agencies} />
          </div>
        ) : (
          <>
            <div className="fac-wall__tiles">
              {state.teams.map((card) => (
                <TeamTile
                  key={card.team.id}
                  card={card}
                  members={membersOf(card.team.id)}
                  agencies={agencies}
                  startTime={session.scenario.startTime}
                />
              ))}
            </div>
            {status !== 'ended' && session.joinCode ? (
              <p className="fac-wall__late">
                {/* The code as bold as the link after it: both are read from the back of the room. */}
                <Trans
                  i18nKey="console.projector.late"
                  values={{ code: session.joinCode }}
                  components={{
                    code: (
                      <strong className="fac-wall__late-code" data-join-code={session.joinCode} />
                    ),
                  }}
                />
                {session.joinLink ? (
                  <span className="fac-wall__late-link">
                    {' '}
                    <LinkText link={session.joinLink} />
                  </span>
                ) : null}
              </p>
            ) : null}
          </>
        )}
      </div>
    </ConsoleLanguagesContext.Provider>
  );
}
