import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  LANGUAGES,
  LIMITS,
  PAUSE_KINDS,
  type PauseKind,
  type SessionMeta,
} from '@crossroads/shared';
import { AckMessage, commandButton, useCommand } from './ConsoleParts';
import type { CommandLabel } from '../lib/facilitatorSocket';
import type { SendCommand } from './useSessionConsole';

/**
 * Whether a key press is Escape, which in an inline confirmation (or the pause form) does what its
 * Cancel button does. The key is then taken, so nothing around (the page's menu) also acts on it.
 */
function escapePressed(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}

function PauseForm({
  send,
  canSend,
  onSending,
  onSent,
  onCancel,
}: {
  send: SendCommand;
  canSend: boolean;
  /** Called as the pause goes out, so the bar can take focus once the session is paused. */
  onSending: () => void;
  /** The pause's answer: the form closes once it is accepted. */
  onSent: (accepted: boolean) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [reason, setReason] = useState<PauseKind>('break');
  const [note, setNote] = useState('');

  // Opening the form takes focus into it, to the chosen reason (the first one on opening).
  useEffect(() => {
    document.getElementById(`${id}-break`)?.focus();
  }, [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    onSending();
    // The kind goes as a code (each reader sees it in their language); the note as typed, with
    // the console's language, which the server records with it (so each reader's page marks it).
    const words = note.trim();
    const lang = LANGUAGES.find((l) => l === i18n.resolvedLanguage);
    const result = await run(
      'session.pause',
      { kind: reason, ...(words ? { note: words, ...(lang ? { lang } : {}) } : {}) },
      {
        key: 'console.pause.label',
        values: { reason: { key: `console.pause.reasons.${reason}` } },
      },
    );
    onSent(result.status === 'accepted');
  };

  return (
    <form className="fac-pause-form panel" onSubmit={submit}>
      <fieldset>
        <legend>{t('console.pause.legend')}</legend>
        <div className="fac-radio-row">
          {PAUSE_KINDS.map((r) => (
            <span key={r} className="fac-radio">
              <input
                type="radio"
                id={`${id}-${r}`}
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              <label htmlFor={`${id}-${r}`}>{t(`console.pause.reasons.${r}`)}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <div className="fac-field">
        <label htmlFor={`${id}-note`}>{t('console.pause.note')}</label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={LIMITS.reason}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-help`}
        />
        <p id={`${id}-note-help`} className="fac-help">
          {t('console.pause.noteHelp')}
        </p>
      </div>
      <p className="fac-actions">
        <button
          type="submit"
          className="button"
          disabled={!canSend}
          aria-disabled={busy || undefined}
        >
          {t('console.pause.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('console.cancel')}
        </button>
      </p>
      <AckMessage ack={ack} />
    </form>
  );
}

/**
 * Ending a session that never started, at the foot of the lobby: far from Start, so a facilitator
 * reaching for Start cannot end the session by mistake, and confirmed like every end.
 */
export function LobbyEndPanel({
  send,
  canSend,
  endingRef,
}: {
  send: SendCommand;
  canSend: boolean;
  /** Set as the end goes out: this panel goes away with it, so the ControlBar takes focus. */
  endingRef: RefObject<boolean>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { run, busy } = useCommand(send);
  const [confirming, setConfirming] = useState(false);
  // Cancel (or Escape) puts focus back on the End button that opened the confirmation.
  const endRef = useRef<HTMLButtonElement>(null);
  const backToEnd = useRef(false);
  useEffect(() => {
    if (!confirming && backToEnd.current) {
      backToEnd.current = false;
      endRef.current?.focus();
    }
  }, [confirming]);
  const cancel = () => {
    backToEnd.current = true;
    setConfirming(false);
  };
  return (
    <section
      className="panel fac-lobby-end"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // From the confirmation or from End, which keeps focus when it opens it.
        if (confirming && escapePressed(e)) cancel();
      }}
    >
      <h2 id={titleId}>{t('console.controls.lobbyEndTitle')}</h2>
      <p className="fac-muted">{t('console.controls.lobbyEndHelp')}</p>
      {confirming ? (
        <div className="fac-confirm" role="group" aria-label={t('console.controls.endTitle')}>
          <p>{t('console.controls.lobbyEndConfirm')}</p>
          <p className="fac-actions">
            <button
              type="button"
              className="button button--danger"
              {...commandButton(canSend, busy)}
              onClick={() => {
                if (busy) return;
                endingRef.current = true;
                void run('session.end', {}, { key: 'console.controls.end' }).then((ack) => {
                  if (ack.status !== 'accepted') endingRef.current = false;
                });
              }}
            >
              {t('console.controls.endNow')}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('console.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <p className="fac-actions">
          <button
            type="button"
            className="button button--danger"
            ref={endRef}
            disabled={!canSend || busy}
            onClick={() => setConfirming(true)}
          >
            {t('console.controls.end')}
          </button>
        </p>
      )}
    </section>
  );
}

/** The bar's buttons that open a panel (named as their panels). */
type Opener = 'start' | 'pause' | 'end' | 'debrief';

/**
 * Start, pause (with a reason), resume, end (confirmed; in the lobby see LobbyEndPanel), release
 * the debrief, open the debrief.
 */
export function ControlBar({
  session,
  send,
  canSend,
  startWarnings,
  lobbyEndingRef,
}: {
  session: SessionMeta;
  send: SendCommand;
  canSend: boolean;
  /** Shown next to the start button (people not placed, required roles missing). */
  startWarnings: string[];
  /** Set while the lobby's own End (LobbyEndPanel) is out: focus comes here once it has ended. */
  lobbyEndingRef: RefObject<boolean>;
}) {
  const { t } = useTranslation();
  // The ack shows in the console's command log right under this bar.
  const { run, busy } = useCommand(send);
  const [panel, setPanel] = useState<'none' | Opener>('none');
  const status = session.status;
  const released = session.debriefReleased;

  // The button that sends a command (Start, Resume, Pause now, Yes, end it now, Release now) goes
  // away once the session's status shows it, which would drop a keyboard user on <body>. While a
  // command is out (and after, until the status changes), such a drop sends focus to the bar's
  // first control instead: Pause… after a start or resume, Resume after a pause, the debrief after
  // the end. `then` is the status the command was sent in.
  const buttonsRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  const debriefRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<{ status: typeof status; released: boolean } | null>(null);
  // The start's warning takes focus as it opens, so a keyboard or screen-reader user meets the
  // empty seats first (its own Start anyway is a Tab away: Enter pressed twice does not start).
  const startCheckRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (panel === 'start') startCheckRef.current?.focus();
  }, [panel]);
  // A panel closed by its Cancel button or Escape gives focus back to the button that opened it.
  const returnFocus = useRef<Opener | null>(null);
  useEffect(() => {
    const back = returnFocus.current;
    if (back !== null) {
      returnFocus.current = null;
      const openers = { start: startRef, pause: pauseRef, end: endRef, debrief: debriefRef };
      openers[back].current?.focus();
      return;
    }
    if (lobbyEndingRef.current && status === 'ended') {
      lobbyEndingRef.current = false;
      pending.current = { status: 'lobby', released };
    }
    const then = pending.current;
    if (then === null) return;
    const active = document.activeElement;
    if (active === null || active === document.body) {
      buttonsRef.current?.querySelector<HTMLElement>('button:not(:disabled), a[href]')?.focus();
    }
    if (status !== then.status || released !== then.released) pending.current = null;
  }, [status, released, panel, lobbyEndingRef]);
  const sending = () => {
    pending.current = { status, released };
  };
  const cancel = (opener: Opener) => {
    returnFocus.current = opener;
    setPanel('none');
  };
  const settled = (accepted: boolean) => {
    if (accepted) setPanel('none');
    else pending.current = null;
  };

  const simple = async (
    name: 'session.start' | 'session.resume' | 'session.end' | 'debrief.release',
    label: CommandLabel,
  ) => {
    if (busy) return;
    sending();
    const result = await run(name, {}, label);
    settled(result.status === 'accepted');
  };

  const start = () => {
    if (busy) return;
    // Empty seats are worth a second look: the teams would play without those agencies.
    if (startWarnings.length > 0) setPanel(panel === 'start' ? 'none' : 'start');
    else void simple('session.start', { key: 'console.controls.start' });
  };

  // Fixed slots, so a button never moves under the pointer that just pressed another one: the
  // first slot holds Start, then Resume (never Pause or End); Pause has its own slot to its right;
  // End sits apart at the far end.
  return (
    <div
      className="fac-controls"
      role="group"
      aria-label={t('console.controls.label')}
      onKeyDown={(e) => {
        // From the open panel or from the button that opened it (which keeps focus for End).
        if (panel !== 'none' && escapePressed(e)) cancel(panel);
      }}
    >
      <div className="fac-controls__buttons" ref={buttonsRef}>
        <span className="fac-controls__slot fac-controls__slot--primary">
          {/* Keeps the slot as wide as Start whatever it holds now (all children share one cell). */}
          <span className="button button--large fac-controls__sizer" aria-hidden="true">
            {t('console.controls.start')}
          </span>
          {status === 'lobby' ? (
            <button
              type="button"
              className="button button--large"
              ref={startRef}
              aria-expanded={startWarnings.length > 0 ? panel === 'start' : undefined}
              {...commandButton(canSend, busy)}
              onClick={start}
            >
              {t('console.controls.start')}
            </button>
          ) : null}
          {status === 'paused' ? (
            <button
              type="button"
              className="button button--large"
              {...commandButton(canSend, busy)}
              onClick={() => void simple('session.resume', { key: 'console.controls.resume' })}
            >
              {t('console.controls.resume')}
            </button>
          ) : null}
          {status === 'ended' && !session.debriefReleased ? (
            <button
              type="button"
              className="button"
              ref={debriefRef}
              aria-expanded={panel === 'debrief'}
              {...commandButton(canSend, busy)}
              onClick={() => {
                if (!busy) setPanel(panel === 'debrief' ? 'none' : 'debrief');
              }}
            >
              {t('console.controls.releaseDebrief')}
            </button>
          ) : null}
        </span>
        {status === 'running' || status === 'paused' ? (
          <span className="fac-controls__slot">
            {status === 'running' ? (
              <button
                type="button"
                className="button"
                ref={pauseRef}
                aria-expanded={panel === 'pause'}
                {...commandButton(canSend, busy)}
                onClick={() => {
                  if (!busy) setPanel(panel === 'pause' ? 'none' : 'pause');
                }}
              >
                {t('console.controls.pause')}
              </button>
            ) : null}
          </span>
        ) : null}
        {/* Right after its button, so Tab reaches the form before the debrief and End. */}
        {panel === 'pause' && status === 'running' ? (
          <PauseForm
            send={send}
            canSend={canSend}
            onSending={sending}
            onSent={settled}
            onCancel={() => cancel('pause')}
          />
        ) : null}
        {status !== 'lobby' ? (
          <Link className="button button--secondary" to={`/debriefs/${session.id}`}>
            {t('console.controls.openDebrief')}
          </Link>
        ) : null}
        {/* Before the start, ending sits at the foot of the lobby (LobbyEndPanel), not by Start. */}
        {status === 'running' || status === 'paused' ? (
          <span className="fac-controls__slot fac-controls__slot--end">
            <button
              type="button"
              className="button button--danger"
              ref={endRef}
              aria-expanded={panel === 'end'}
              {...commandButton(canSend, busy)}
              onClick={() => {
                if (!busy) setPanel(panel === 'end' ? 'none' : 'end');
              }}
            >
              {t('console.controls.end')}
            </button>
          </span>
        ) : null}
      </div>
      {status === 'lobby' && startWarnings.length > 0 && panel !== 'start' ? (
        <ul className="fac-controls__warnings">
          {startWarnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {panel === 'start' && status === 'lobby' ? (
        <div
          className="fac-confirm panel"
          role="group"
          aria-label={t('console.controls.startTitle')}
          ref={startCheckRef}
          tabIndex={-1}
        >
          <p>
            <strong>{t('console.controls.startCheck')}</strong>
          </p>
          <ul className="fac-controls__warnings">
            {startWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p className="fac-actions">
            <button
              type="button"
              className="button"
              {...commandButton(canSend, busy)}
              onClick={() => void simple('session.start', { key: 'console.controls.start' })}
            >
              {t('console.controls.startAnyway')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => cancel('start')}
            >
              {t('console.controls.waitForPeople')}
            </button>
          </p>
        </div>
      ) : null}
      {session.debriefReleased ? (
        <p className="fac-muted">{t('console.controls.debriefReleased')}</p>
      ) : null}
      {panel === 'end' && (status === 'running' || status === 'paused') ? (
        <div className="fac-confirm panel" role="group" aria-label={t('console.controls.endTitle')}>
          <p>{t('console.controls.endConfirm')}</p>
          <p className="fac-actions">
            <button
              type="button"
              className="button button--danger"
              {...commandButton(canSend, busy)}
              onClick={() => void simple('session.end', { key: 'console.controls.end' })}
            >
              {t('console.controls.endNow')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => cancel('end')}
            >
              {t('console.controls.keepRunning')}
            </button>
          </p>
        </div>
      ) : null}
      {panel === 'debrief' && !session.debriefReleased ? (
        <div
          className="fac-confirm panel"
          role="group"
          aria-label={t('console.controls.releaseDebrief')}
        >
          <p>{t('console.controls.debriefConfirm')}</p>
          <p className="fac-actions">
            <button
              type="button"
              className="button"
              {...commandButton(canSend, busy)}
              onClick={() =>
                void simple('debrief.release', { key: 'console.controls.releaseDebrief' })
              }
            >
              {t('console.controls.releaseNow')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => cancel('debrief')}
            >
              {t('console.cancel')}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
