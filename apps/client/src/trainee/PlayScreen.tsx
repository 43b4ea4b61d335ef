import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Text } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import type { TraineeConnection } from '../lib/traineeSession';
import {
  forgetCredential,
  loadBriefingAck,
  loadCredential,
  saveBriefingAck,
  type StoredCredential,
} from '../lib/traineeStorage';
import { ServerText } from '../components/InLanguage';
import { FacilitatorMessage } from '../components/FacilitatorMessage';
import { useContentLanguages } from '../lib/contentText';
import { ContentLanguages, useContentText } from './content';
import { PlayContext, usePlay, type PlayContextValue } from './context';
import { errorHeadline, serverDetail } from './errors';
import { Announcer } from './Feedback';
import { TraineeSocketFactoryContext, useReadMarks, useTraineeSession } from './hooks';
import { StickyBar } from './ConnectionBanner';
import { Briefing } from './Briefing';
import { PlayArea, SkipLinks, type SkipTarget } from './PlayArea';
import { PlayHeader } from './PlayHeader';
import { TraineeStyles } from './styles';
import { WaitingRoom } from './WaitingRoom';
import { KnowledgePrompt } from '../learning/KnowledgePrompt';

function NotJoined() {
  const { t } = useTranslation();
  return (
    <article className="page page--narrow">
      <TraineeStyles />
      <h1>{t('play.notJoined.title')}</h1>
      <p className="lead">{t('play.notJoined.body')}</p>
      <p>
        <Link className="button" to="/join">
          {t('play.notJoined.join')}
        </Link>
      </p>
    </article>
  );
}

function Refused({
  credential,
  connection,
}: {
  credential: StoredCredential;
  connection: Extract<TraineeConnection, { phase: 'refused' }>;
}) {
  const { t, i18n } = useTranslation();
  const [forgotten, setForgotten] = useState(false);
  const gone =
    connection.code === 'auth/unauthenticated' || connection.code === 'session/not_found';
  return (
    <article className="page page--narrow" role="alert">
      <h1>{t('play.refused.title')}</h1>
      <p className="lead">
        {gone
          ? // Closed while playing: the facilitator took the trainee out of the session.
            connection.revoked
            ? t('play.refused.removed')
            : t('play.refused.gone')
          : errorHeadline(t, connection.code)}{' '}
        {gone && connection.revoked ? null : (
          <ServerText>
            {serverDetail(t, i18n.resolvedLanguage, connection.code, connection.message)}
          </ServerText>
        )}
      </p>
      <p className="tr-actions">
        <Link className="button" to={`/join/${credential.joinCode}`}>
          {t('play.refused.rejoin')}
        </Link>
        {gone && !forgotten ? (
          <button
            type="button"
            className="tr-link-button"
            onClick={() => {
              forgetCredential(credential.session);
              setForgotten(true);
            }}
          >
            {t('play.refused.forget')}
          </button>
        ) : null}
      </p>
    </article>
  );
}

/**
 * Session-state banners above the play area (a broadcast, the end). The pause is said in the bar
 * that stays in view (ConnectionBanner), once.
 */
function Banners() {
  const { t } = useTranslation();
  const { snapshot, finished, credential } = usePlay();
  const { state } = snapshot;
  const text = useContentText();
  const latest = state.broadcasts[state.broadcasts.length - 1];
  const [dismissed, setDismissed] = useState<number | null>(null);
  return (
    <div className="tr-banners">
      {latest && latest.seq !== dismissed ? (
        <div className="tr-banner tr-banner--broadcast" data-banner="broadcast" role="status">
          <p>
            <strong>{t('play.banner.broadcast')}</strong>{' '}
            <FacilitatorMessage lang={latest.lang}>{latest.message}</FacilitatorMessage>
          </p>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setDismissed(latest.seq)}
          >
            {t('play.banner.dismiss')}
          </button>
        </div>
      ) : null}
      <div role="status" className="tr-banner-slot">
        {finished ? (
          <p className="tr-banner tr-banner--ended" data-banner="ended">
            <strong>
              {state.view?.ended
                ? t('play.banner.scenarioEnded', { title: text(state.view.ended.title) })
                : t('play.banner.sessionEnded')}
            </strong>{' '}
            {state.session?.debriefReleased ? (
              <Link className="button button--small" to={`/debriefs/${state.session.id}`}>
                {t('play.banner.debrief')}
              </Link>
            ) : (
              t('play.banner.endedHelp')
            )}
          </p>
        ) : null}
        {finished && state.session?.debriefReleased ? (
          <KnowledgePrompt sessionId={credential.session} token={credential.token} refresh="post" />
        ) : null}
      </div>
    </div>
  );
}

/** The live session of one trainee: waiting room, briefing, then the play area. */
function PlaySession({ credential }: { credential: StoredCredential }) {
  const { t } = useTranslation();
  const factory = useContext(TraineeSocketFactoryContext);
  const { session, snapshot } = useTraineeSession(credential, factory);
  const { marks, data: read } = useReadMarks(credential.session);
  const { state, connection } = snapshot;
  const [briefingSeat, setBriefingSeat] = useState(() => loadBriefingAck(credential.session));
  const [showBriefing, setShowBriefing] = useState(false);
  // The session's language from the live state, else the one saved on joining (before it loads).
  const language = useContentLanguages(
    snapshot.state.session?.settings.language ?? credential.language,
  );
  const screenHeadingRef = useRef<HTMLHeadingElement>(null);
  const skip = useRef<((target: SkipTarget) => void) | null>(null);
  usePageTitle(t('play.documentTitle'));

  const agencies = state.session?.agencies;
  const lobby = state.lobby;
  const agencyName = useCallback(
    (id: string | null): Text => {
      if (id === null) return '';
      return agencies?.find((a) => a.id === id)?.name ?? id;
    },
    [agencies],
  );
  const agencyShortName = useCallback(
    (id: string | null): Text => {
      if (id === null) return '';
      const agency = agencies?.find((a) => a.id === id);
      return agency ? (agency.shortName ?? agency.name) : id;
    },
    [agencies],
  );
  const memberName = useCallback(
    (participant: string | null): string => {
      if (!participant || !lobby) return '';
      for (const team of lobby.teams) {
        const member = team.members.find((m) => m.id === participant);
        if (member) return member.displayName;
      }
      return '';
    },
    [lobby],
  );
  const finished = state.status === 'ended' || Boolean(state.view?.ended);
  const value = useMemo<PlayContextValue>(
    () => ({
      session,
      snapshot,
      credential,
      marks,
      read,
      agencyName,
      agencyShortName,
      memberName,
      finished,
    }),
    [session, snapshot, credential, marks, read, agencyName, agencyShortName, memberName, finished],
  );

  const view = state.view;
  const seat = view ? `${view.team.id}:${view.role.id}` : null;
  const briefed = seat !== null && briefingSeat === seat;
  const inBriefing = view !== null && (!briefed || showBriefing);

  // Moving between briefing and play puts focus on the new screen's heading.
  const screen = !view ? 'waiting' : inBriefing ? 'briefing' : 'play';
  const firstScreen = useRef(screen);
  useEffect(() => {
    if (firstScreen.current === screen) return;
    firstScreen.current = '';
    screenHeadingRef.current?.focus();
  }, [screen]);

  if (connection.phase === 'refused') {
    return (
      <>
        <TraineeStyles />
        <Refused credential={credential} connection={connection} />
      </>
    );
  }

  return (
    <ContentLanguages
      languages={language}
      session={snapshot.state.session?.settings.language ?? credential.language}
    >
      <PlayContext.Provider value={value}>
        <div className="tr-play" data-screen={state.loaded ? screen : 'connecting'}>
          <TraineeStyles />
          {screen === 'play' && state.loaded ? <SkipLinks skipRef={skip} /> : null}
          <PlayHeader
            onBriefing={view && briefed && !showBriefing ? () => setShowBriefing(true) : undefined}
          />
          <Banners />
          {screen === 'play' && state.loaded ? null : <StickyBar />}
          <Announcer announcement={snapshot.announcement} />
          {!state.loaded ? (
            <p className="tr-loading" role="status">
              {t('play.connecting')}
            </p>
          ) : !view ? (
            <WaitingRoom headingRef={screenHeadingRef} />
          ) : inBriefing ? (
            <Briefing
              headingRef={screenHeadingRef}
              reopened={briefed}
              onDone={() => {
                if (seat) {
                  saveBriefingAck(credential.session, seat);
                  setBriefingSeat(seat);
                }
                setShowBriefing(false);
              }}
            />
          ) : (
            <PlayArea headingRef={screenHeadingRef} skipRef={skip} />
          )}
        </div>
      </PlayContext.Provider>
    </ContentLanguages>
  );
}

/** Route /play/:sessionId: the trainee's screen, resumed with the credential kept at join. */
export function PlayScreen({ sessionId }: { sessionId: string }) {
  const [credential] = useState(() => loadCredential(sessionId));
  if (!credential) return <NotJoined />;
  return <PlaySession credential={credential} />;
}
