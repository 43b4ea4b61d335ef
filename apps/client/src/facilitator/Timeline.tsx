import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type LogEvent, type TeamRef } from '@crossroads/shared';
import { AckMessage, useCommand } from './ConsoleParts';
import type { ConsoleNote } from './consoleState';
import { Marked, plain, type Part } from './consoleText';
import { formatWallTime } from './format';
import { useClockReading } from './format';
import type { SendCommand } from './useSessionConsole';
import { TeamName, useTeamNameLang } from '../components/TeamName';

const PAGE = 40;
/** Events this close together with the same text are one row (an inject to every team, …). */
const GROUP_WINDOW_MS = 60_000;

/** One timeline row: an event, or the same event for several teams at (almost) the same time. */
export interface TimelineRow {
  event: LogEvent;
  /** Teams of the grouped events, in order (null = session-level). */
  teams: (string | null)[];
  seqs: number[];
}

/**
 * Groups neighbouring events (newest first) that say the same thing for different teams within a
 * minute: one facilitator action for every team shows as one row naming the teams.
 */
export function groupTimeline(
  events: readonly LogEvent[],
  describe: (event: LogEvent) => readonly Part[] | string,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let last: { row: TimelineRow; text: string; at: number } | null = null;
  for (const event of events) {
    const text = plain(describe(event));
    const at = Date.parse(event.at);
    if (
      last &&
      last.text === text &&
      last.row.event.type === event.type &&
      event.team !== null &&
      !last.row.teams.includes(event.team) &&
      Math.abs(last.at - at) <= GROUP_WINDOW_MS
    ) {
      last.row.teams.push(event.team);
      last.row.seqs.push(event.seq);
      continue;
    }
    const row: TimelineRow = { event, teams: [event.team], seqs: [event.seq] };
    rows.push(row);
    last = { row, text, at };
  }
  return rows;
}

function NoteForm({
  event,
  send,
  canSend,
  onDone,
}: {
  event: LogEvent;
  send: SendCommand;
  canSend: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [text, setText] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const note = text.trim();
    if (note === '') return;
    const result = await run(
      'note.pin',
      { seq: event.seq, text: note },
      { key: 'console.timeline.noteLabel', values: { seq: event.seq } },
    );
    if (result.status === 'accepted') {
      setText('');
      onDone();
    }
  };

  return (
    <form className="fac-note-form" onSubmit={submit}>
      <label htmlFor={`${id}-note`}>{t('console.timeline.noteField')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={LIMITS.note}
        value={text}
        onChange={(e) => setText(e.target.value)}
        // The field appears because the user asked for it: typing can start at once.
        autoFocus
      />
      <p className="fac-actions">
        <button
          type="submit"
          className="button button--small"
          disabled={!canSend || busy || text.trim() === ''}
        >
          {t('console.timeline.pin')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onDone}>
          {t('console.timeline.cancel')}
        </button>
      </p>
      <AckMessage ack={ack} />
    </form>
  );
}

/**
 * The session's events, newest first, each with the notes pinned to it; staff can pin a
 * timestamped note to any event (for the debrief; trainees never see notes).
 */
export function Timeline({
  events,
  notes,
  teams,
  describe,
  send,
  canSend,
  canPin,
  fixedTeam,
  startTime,
}: {
  events: LogEvent[];
  notes: ConsoleNote[];
  teams: TeamRef[];
  describe: (event: LogEvent) => readonly Part[];
  send: SendCommand;
  canSend: boolean;
  canPin: boolean;
  fixedTeam?: TeamRef;
  /** The scenario's time of day at minute 0: moments then read 'Day 1, 02:36' like the clocks. */
  startTime?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const time = useClockReading(startTime);
  const teamLang = useTeamNameLang();
  const titleId = useId();
  const filterId = useId();
  const locale = i18n.resolvedLanguage ?? 'en';
  const [filter, setFilter] = useState('all');
  const [shown, setShown] = useState(PAGE);
  const [pinning, setPinning] = useState<number | null>(null);
  const team = fixedTeam ? fixedTeam.id : filter;

  const visible = groupTimeline(
    events
      .filter((e) => e.type !== 'note.pinned')
      .filter((e) => team === 'all' || e.team === team || e.team === null)
      .slice()
      .reverse(),
    describe,
  );
  const notesAbout = (seqs: number[]) => notes.filter((n) => seqs.includes(n.about));
  const teamName = (id: string | null) =>
    id === null ? t('console.timeline.everyone') : (teams.find((x) => x.id === id)?.name ?? id);
  const teamNames = (ids: (string | null)[]) =>
    ids.length > 1 && ids.length === teams.length
      ? t('console.timeline.allTeams', { count: ids.length })
      : [...ids]
          .sort((a, b) => teams.findIndex((x) => x.id === a) - teams.findIndex((x) => x.id === b))
          .map((id, i) => (
            <Fragment key={id ?? ''}>
              {i > 0 ? ', ' : null}
              {id === null ? teamName(id) : <TeamName name={teamName(id)} />}
            </Fragment>
          ));

  return (
    <section className="fac-timeline panel" aria-labelledby={titleId}>
      <div className="fac-heading-row">
        <h2 id={titleId}>{t('console.timeline.title')}</h2>
        {fixedTeam ? null : (
          <span className="fac-inline-form">
            <label htmlFor={filterId}>{t('console.timeline.filter')}</label>
            <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="all">{t('console.allTeams')}</option>
              {teams.map((x) => (
                <option key={x.id} value={x.id} lang={teamLang}>
                  {x.name}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      {visible.length === 0 ? <p className="fac-muted">{t('console.timeline.empty')}</p> : null}
      {/* Scrolls inside itself so a long session does not push everything else off the page. */}
      <ol
        className="fac-timeline__list"
        tabIndex={0}
        aria-labelledby={titleId}
        data-rows={Math.min(visible.length, shown)}
      >
        {visible.slice(0, shown).map(({ event, teams: rowTeams, seqs }) => (
          <li
            key={event.seq}
            className="fac-event"
            data-seq={event.seq}
            data-type={event.type}
            data-teams={rowTeams.length}
          >
            <p className="fac-event__line">
              <time dateTime={event.at} className="fac-event__time">
                {formatWallTime(event.at, locale)}
              </time>
              <span className="fac-event__team">{teamNames(rowTeams)}</span>
              <span className="fac-event__clock">
                {event.time !== null ? time(event.time) : ''}
              </span>
              <span className="fac-event__text">
                <Marked value={describe(event)} />
              </span>
              {canPin && pinning !== event.seq ? (
                <button
                  type="button"
                  className="button button--small button--quiet fac-event__pin"
                  onClick={() => setPinning(event.seq)}
                  aria-label={t('console.timeline.addNoteTo', { event: plain(describe(event)) })}
                >
                  {t('console.timeline.addNote')}
                </button>
              ) : null}
            </p>
            {notesAbout(seqs).map((note) => (
              <p key={note.seq} className="fac-note">
                <span className="fac-note__meta">
                  {t('console.timeline.noteMeta', {
                    time: formatWallTime(note.at, locale),
                    author: note.author ?? t('console.timeline.staff'),
                  })}
                </span>{' '}
                {note.text}
              </p>
            ))}
            {canPin && pinning === event.seq ? (
              <NoteForm
                event={event}
                send={send}
                canSend={canSend}
                onDone={() => setPinning(null)}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {visible.length > shown ? (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t('console.timeline.more')}
        </button>
      ) : null}
    </section>
  );
}
