import { useContext, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LANGUAGES, type ReplayFrame, type ReplayMark } from '@crossroads/shared';
import { useLangMark } from '../components/InLanguage';
import { pauseText } from '../components/PauseReason';
import { SessionLanguageContext } from '../components/TeamName';
import { loadReplay, type ReplaySource } from '../lib/debriefApi';
import { Delta, LegalBases, RedLineIcon, useContent, useClock } from './parts';
import { isRedLineItem } from './timeline';

type Loaded = { key: string; frame: ReplayFrame } | { key: string; error: string };

/** The index of the last mark at or before `seq` (-1: before the first). */
export function markIndex(marks: readonly ReplayMark[], seq: number): number {
  let found = -1;
  for (let i = 0; i < marks.length; i += 1) {
    if ((marks[i]?.seq ?? Infinity) <= seq) found = i;
  }
  return found;
}

/**
 * Replay ("time travel"): a slider over the moments of the log of one team as one agency saw them.
 * Each position asks the server for the frame, which the engine recomputes from the log prefix; the
 * moment is in the address (?team=&role=&seq=) so it can be shared and reopened.
 */
export function Replay({
  source,
  team,
  startTime,
}: {
  source: ReplaySource;
  team: string;
  /** The debrief's scenario start: the moments read as the debrief's times do. */
  startTime: string | undefined;
}) {
  const { t } = useTranslation();
  const clock = useClock(startTime);
  const { text } = useContent();
  const [params, setParams] = useSearchParams();
  const sliderId = useId();
  const roleId = useId();
  const noteId = useId();
  const langMark = useLangMark();
  // What a pause note of an older log (no `lang`) was written in: the session's language.
  const sessionLanguage = useContext(SessionLanguageContext);
  const noteLanguage = LANGUAGES.find((l) => l === sessionLanguage) ?? 'en';
  const role = params.get('role') ?? undefined;
  const seqParam = params.get('seq');
  const seq = seqParam !== null && /^\d+$/.test(seqParam) ? Number(seqParam) : undefined;
  const key = `${team}|${role ?? ''}|${seq ?? ''}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The last frame stays on screen while the next one loads, so the slider does not jump.
  const [shown, setShown] = useState<ReplayFrame | null>(null);
  const sourceKey =
    source.kind === 'session' ? `${source.sessionId}|${source.token}` : source.token;

  useEffect(() => {
    let live = true;
    loadReplay(source, { team, role, seq })
      .then((frame) => {
        if (!live) return;
        setLoaded({ key, frame });
        setShown(frame);
      })
      .catch((error: unknown) => {
        if (live) setLoaded({ key, error: error instanceof Error ? error.message : '' });
      });
    return () => {
      live = false;
    };
    // `source` is identified by sourceKey (a new object each render must not refetch).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey, key]);

  const move = (next: { role?: string; seq?: number }) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('team', team);
        if (next.role !== undefined) out.set('role', next.role);
        if (next.seq !== undefined) out.set('seq', String(next.seq));
        return out;
      },
      { replace: true, preventScrollReset: true },
    );

  const error = loaded && loaded.key === key && 'error' in loaded ? loaded.error : null;
  if (!shown) {
    return error !== null ? (
      <p role="alert" data-replay-error>
        {t('debrief.replay.error', { message: error })}
      </p>
    ) : (
      <p role="status">{t('debrief.replay.loading')}</p>
    );
  }
  const frame = shown;
  const marks = frame.marks;
  const index = markIndex(marks, frame.seq);
  const mark = index >= 0 ? marks[index] : undefined;
  const goTo = (i: number) => {
    const target = marks[Math.max(0, Math.min(marks.length - 1, i))];
    if (target) move({ role: frame.role, seq: target.seq });
  };
  // The moment in the page's language: its time, kind, label and (a pause) the kind of pause. The
  // facilitator's note of a pause is in the language they wrote it in: aria-valuetext cannot say
  // so, so the note is left out of it and shown apart, marked, as the slider's description.
  // A broadcast's text likewise: as written, in its language (an older log's: the session's).
  const pause = mark?.pause ? pauseText(mark.pause, t, noteLanguage) : null;
  const describe = (m: ReplayMark | undefined) =>
    m
      ? [
          m.time !== null ? clock(m.time) : null,
          t(`debrief.replay.type.${m.type}`, { defaultValue: m.type }),
          m.label ? text(m.label) : null,
          m.pause ? pauseText(m.pause, t, noteLanguage).kind : null,
          m.broadcast
            ? t(m.broadcast.team === null ? 'debrief.replay.to.all' : 'debrief.replay.to.team')
            : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : t('debrief.replay.beforeStart');
  const note =
    pause?.free ??
    (mark?.broadcast
      ? { text: mark.broadcast.message, lang: mark.broadcast.lang ?? noteLanguage }
      : null);
  const view = frame.view;
  const items = frame.items;
  const openDecisions = view?.decisions.filter((d) => d.enabled) ?? [];
  const pending = loaded?.key !== key && error === null;

  const chosen = frame.agencies.find((a) => a.id === frame.role);

  return (
    <div
      className="replay"
      data-replay={frame.team}
      data-replay-seq={frame.seq}
      data-replay-role={frame.role}
      aria-busy={pending}
    >
      <div className="replay__controls">
        <div className="replay__field replay__field--role">
          <label htmlFor={roleId}>{t('debrief.replay.role')}</label>
          <select
            id={roleId}
            value={frame.role}
            // The chosen agency's full name, for a column too narrow to show it whole (a phone).
            title={chosen ? text(chosen.name) : undefined}
            onChange={(e) => move({ role: e.target.value, seq: frame.seq })}
          >
            {frame.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {text(a.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="replay__field replay__field--wide">
          <label htmlFor={sliderId}>{t('debrief.replay.slider')}</label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={Math.max(0, marks.length - 1)}
            step={1}
            value={Math.max(0, index)}
            aria-valuetext={t('debrief.replay.position', {
              n: index + 1,
              total: marks.length,
              what: describe(mark),
            })}
            aria-describedby={note ? noteId : undefined}
            onChange={(e) => goTo(Number(e.target.value))}
            disabled={marks.length === 0}
          />
        </div>
        <div className="replay__buttons">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => goTo(index - 1)}
            disabled={index <= 0}
          >
            {t('debrief.replay.previous')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => goTo(index + 1)}
            disabled={index >= marks.length - 1}
          >
            {t('debrief.replay.next')}
          </button>
        </div>
      </div>
      <p className="replay__moment" role="status" aria-live="polite" data-replay-moment>
        <strong>{t('debrief.replay.moment', { n: index + 1, total: marks.length })}</strong>{' '}
        {describe(mark)}
        {note ? (
          <>
            {pause?.kind || mark?.broadcast ? ': ' : ' · '}
            <span id={noteId} lang={langMark(note.lang)} data-replay-note>
              {note.text}
            </span>
          </>
        ) : null}
        {view ? ` · ${t('debrief.replay.phase', { phase: text(view.phase.title) })}` : ''}
      </p>
      {error !== null ? (
        <p role="alert" data-replay-error>
          {t('debrief.replay.error', { message: error })}
        </p>
      ) : null}
      {view === null ? (
        <p className="muted">{t('debrief.replay.notStarted')}</p>
      ) : (
        <div className="replay__panels">
          <section
            className="replay__panel"
            data-replay-panel="case"
            aria-labelledby={`${sliderId}-case`}
          >
            <h3 id={`${sliderId}-case`}>
              {t('debrief.replay.caseFile', { count: view.evidence.length })}
            </h3>
            {view.evidence.length === 0 ? (
              <p className="muted">{t('debrief.replay.none')}</p>
            ) : (
              <ul>
                {view.evidence.map((e) => (
                  <li key={e.id} data-evidence={e.id}>
                    {text(e.title)}
                    {e.obtainedAt !== null ? (
                      <span className="muted"> ({clock(e.obtainedAt)})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <h4>{t('debrief.replay.documents', { n: view.documents.length })}</h4>
            <ul>
              {view.documents.map((d) => (
                <li key={d.id} data-document={d.id}>
                  {text(d.title)}
                </li>
              ))}
            </ul>
          </section>
          <section
            className="replay__panel"
            data-replay-panel="decisions"
            aria-labelledby={`${sliderId}-dec`}
          >
            <h3 id={`${sliderId}-dec`}>
              {t('debrief.replay.decisions', { n: openDecisions.length })}
            </h3>
            {openDecisions.length === 0 ? (
              <p className="muted">{t('debrief.replay.none')}</p>
            ) : (
              <ul>
                {openDecisions.map((d) => (
                  <li key={d.id} data-decision={d.id}>
                    {text(d.title)}
                  </li>
                ))}
              </ul>
            )}
            <h4>{t('debrief.replay.requests', { n: view.requests.length })}</h4>
            {view.requests.length === 0 ? (
              <p className="muted">{t('debrief.replay.none')}</p>
            ) : (
              <ul>
                {view.requests.map((r) => (
                  <li key={r.instance} data-request={r.request}>
                    {text(r.title)}{' '}
                    <span className="muted">
                      ({t(`debrief.replay.request.${r.direction}`)},{' '}
                      {t(`debrief.replay.request.${r.status}`)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section
            className="replay__panel"
            data-replay-panel="scored"
            aria-labelledby={`${sliderId}-sc`}
          >
            <h3 id={`${sliderId}-sc`}>{t('debrief.replay.scored', { count: items.length })}</h3>
            {frame.scores ? (
              <p data-replay-scores>
                {t('debrief.replay.scores', {
                  evidence: frame.scores.evidence,
                  rights: frame.scores.rights,
                })}
                {frame.scores.redLines.length > 0 ? (
                  <span className="tag tag--red">
                    <RedLineIcon />{' '}
                    {t('debrief.redLine.crossed', { n: frame.scores.redLines.length })}
                  </span>
                ) : null}
              </p>
            ) : null}
            {items.length === 0 ? (
              <p className="muted">{t('debrief.replay.none')}</p>
            ) : (
              <ul className="replay__items">
                {items.map((item) => (
                  <li key={item.key} data-rule={item.ruleId}>
                    <Delta axis={item.axis} value={item.points} />{' '}
                    {isRedLineItem(item) ? (
                      <span className="tag tag--red">
                        <RedLineIcon /> {t('debrief.redLine.badge')}
                      </span>
                    ) : null}{' '}
                    <strong>{text(item.title)}</strong>
                    <LegalBases bases={item.legalBasis} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
