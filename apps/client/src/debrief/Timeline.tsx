import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answeringParticipants, type ScoredItem, type TeamDebrief } from '@crossroads/shared';
import type { DebriefContext } from './model';
import { Delta, LegalBases, RedLineIcon, TypedText, useContent, useNames, useClock } from './parts';
import {
  ALL,
  NO_FILTER,
  filterOptions,
  filterTimeline,
  isRedLineItem,
  type TimelineFilter,
} from './timeline';

function ItemView({ item, context }: { item: ScoredItem; context: DebriefContext }) {
  const { t } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const names = useNames(context);
  const red = isRedLineItem(item);
  return (
    <li
      className={`item${item.counted ? '' : ' item--not-counted'}${red ? ' item--red' : ''}`}
      data-rule={item.ruleId}
    >
      <p className="item__head">
        <Delta axis={item.axis} value={item.points} />
        {red ? (
          <span className="tag tag--red">
            <RedLineIcon />
            {t('debrief.redLine.badge')}
          </span>
        ) : null}
        <strong className="item__title">{text(item.title)}</strong>
      </p>
      {!item.counted && item.notCounted ? (
        <p className="item__not-counted">{t(`debrief.item.notCounted.${item.notCounted}`)}</p>
      ) : null}
      <p className="item__detail">{text(item.detail)}</p>
      <p className="item__explanation">{text(item.explanation)}</p>
      {item.deadline ? (
        <p className="muted">
          {t('debrief.item.deadline', {
            minutes: item.deadline.minutes,
            from: clock(item.deadline.from),
            due: clock(item.deadline.due),
          })}
        </p>
      ) : null}
      <p className="muted item__who">
        {names.agencies(item)}
        {answeringParticipants(item).length > 0 ? ` · ${names.participants(item)}` : ''}
      </p>
      <LegalBases bases={item.legalBasis} />
    </li>
  );
}

export function Timeline({ team, context }: { team: TeamDebrief; context: DebriefContext }) {
  const { t } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const names = useNames(context);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const agencyId = useId();
  const participantId = useId();
  const scoredId = useId();
  const options = useMemo(() => filterOptions(team), [team]);
  // A filter value that is not in this team's run (after switching team) means "all".
  const agency = options.agencies.includes(filter.agency) ? filter.agency : ALL;
  const participant = options.participants.includes(filter.participant) ? filter.participant : ALL;
  const scoredOnly = filter.scoredOnly;
  const rows = useMemo(
    () => filterTimeline(team, { agency, participant, scoredOnly }, context.notes),
    [team, agency, participant, scoredOnly, context.notes],
  );
  const filtered = agency !== ALL || participant !== ALL || scoredOnly;

  return (
    <div className="timeline" data-timeline={team.team}>
      <fieldset className="filters">
        <legend>{t('debrief.timeline.filters')}</legend>
        <div className="filters__row">
          <label htmlFor={agencyId}>
            {t('debrief.timeline.agency')}
            <select
              id={agencyId}
              value={agency}
              onChange={(e) => setFilter({ ...filter, agency: e.target.value })}
            >
              <option value={ALL}>{t('debrief.timeline.all')}</option>
              {options.agencies.map((a) => (
                <option key={a} value={a}>
                  {names.agency(a)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={participantId}>
            {t('debrief.timeline.participant')}
            <select
              id={participantId}
              value={participant}
              onChange={(e) => setFilter({ ...filter, participant: e.target.value })}
            >
              <option value={ALL}>{t('debrief.timeline.all')}</option>
              {options.participants.map((p) => (
                <option key={p} value={p}>
                  {names.participant(p)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={scoredId} className="filters__check">
            <input
              id={scoredId}
              type="checkbox"
              checked={filter.scoredOnly}
              onChange={(e) => setFilter({ ...filter, scoredOnly: e.target.checked })}
            />
            {t('debrief.timeline.scoredOnly')}
          </label>
          {filtered ? (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setFilter(NO_FILTER)}
            >
              {t('debrief.timeline.reset')}
            </button>
          ) : null}
        </div>
      </fieldset>
      <p className="timeline__count" role="status">
        {t('debrief.timeline.count', { n: rows.length, total: team.timeline.length })}
      </p>
      {rows.length === 0 ? <p>{t('debrief.timeline.empty')}</p> : null}
      <ol className="timeline__list">
        {rows.map((row) => {
          const { entry } = row;
          const who = [
            entry.role ? names.agency(entry.role) : '',
            entry.participant ? names.participant(entry.participant) : '',
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <li
              key={row.index}
              className={`tl-row${row.redLine ? ' tl-row--red' : ''}`}
              data-seq={entry.seq}
              data-type={entry.type}
            >
              <p className="tl-row__time">{clock(entry.time)}</p>
              <div className="tl-row__body">
                <p className="tl-row__label">
                  {row.redLine ? (
                    <span className="tag tag--red">
                      <RedLineIcon />
                      {t('debrief.redLine.badge')}
                    </span>
                  ) : null}{' '}
                  {text(entry.label)}
                </p>
                {who ? <p className="muted tl-row__who">{who}</p> : null}
                {row.items.length > 0 ? (
                  <p className="tl-row__delta">
                    <Delta axis="evidence" value={row.delta.evidence} />{' '}
                    <Delta axis="rights" value={row.delta.rights} />
                  </p>
                ) : null}
                {entry.rationale ? (
                  <blockquote className="rationale">
                    <span className="rationale__label">
                      {entry.type === 'request.sent'
                        ? t('debrief.timeline.justification')
                        : t('debrief.timeline.rationale')}
                      :
                    </span>{' '}
                    <TypedText language={context.language}>{entry.rationale}</TypedText>
                  </blockquote>
                ) : null}
                {entry.reason ? (
                  // Why the request was granted or refused, in the answering agency's own words.
                  <blockquote className="rationale rationale--answer" data-answer-reason="">
                    <span className="rationale__label">{t('debrief.timeline.answerReason')}:</span>{' '}
                    <TypedText language={context.language}>{entry.reason}</TypedText>
                  </blockquote>
                ) : null}
                {row.items.length > 0 ? (
                  <details className="tl-row__items" open={row.redLine}>
                    <summary>{t('debrief.timeline.showItems', { n: row.items.length })}</summary>
                    <ul className="items">
                      {row.items.map((item) => (
                        <ItemView key={item.key} item={item} context={context} />
                      ))}
                    </ul>
                  </details>
                ) : null}
                {row.notes.map((note) => (
                  <aside key={note.seq} className="note" aria-label={t('debrief.timeline.note')}>
                    <p className="note__label">
                      <span aria-hidden="true">✎ </span>
                      {t('debrief.timeline.note')}
                    </p>
                    <p className="note__text">{note.text}</p>
                  </aside>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
