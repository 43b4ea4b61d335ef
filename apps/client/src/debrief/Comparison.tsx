import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionPoints, losesPoints, pathMatrix, teamPath } from './compare';
import type { DebriefContext } from './model';
import { useContent, useNames, useClock } from './parts';
import { signed } from './text';
import { TeamName } from '../components/TeamName';
import { ScrollRegion } from '../components/ScrollRegion';

/** Option labels can be whole sentences; the matrix shows their start. */
function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** "3 of 4 teams chose X" at every decision point, with the selected team's choice marked. */
export function DecisionPoints({
  context,
  selected,
}: {
  context: DebriefContext;
  selected: string;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useContent();
  const names = useNames(context);
  const [onlySplit, setOnlySplit] = useState(false);
  const checkId = useId();
  const points = useMemo(() => decisionPoints(context.debrief), [context.debrief]);
  const shown = points.filter(
    (p) => !onlySplit || p.options.filter((o) => o.count > 0).length > 1 || p.deciding < p.teams,
  );
  return (
    <div className="decision-points">
      <label htmlFor={checkId} className="filters__check">
        <input
          id={checkId}
          type="checkbox"
          checked={onlySplit}
          onChange={(e) => setOnlySplit(e.target.checked)}
        />
        {t('debrief.compare.onlyDiffering')}
      </label>
      <ol className="decision-points__list">
        {shown.map((p) => (
          <li key={p.decision} className="decision-point" data-decision={p.decision}>
            <h4>{text(p.title)}</h4>
            <p className="muted">
              {t('debrief.compare.decidedBy', { n: p.deciding, total: p.teams })}
            </p>
            <ul className="options">
              {p.options
                .filter((o) => o.count > 0 || o.best)
                .map((o) => {
                  const mine = o.teams.includes(selected);
                  return (
                    <li
                      key={o.option}
                      className={`option${mine ? ' option--mine' : ''}${o.best ? ' option--best' : ''}`}
                    >
                      <p className="option__count">
                        <strong>
                          {o.count > 0
                            ? t('debrief.compare.chose', { count: o.count, total: p.teams })
                            : t('debrief.compare.notChosen')}
                        </strong>
                        {o.best ? (
                          <span className="tag tag--best">
                            <span aria-hidden="true">★ </span>
                            {losesPoints(o.value)
                              ? t('debrief.compare.leastCostly')
                              : t('debrief.compare.best')}
                          </span>
                        ) : null}
                        {o.value !== null ? (
                          <span className="muted">
                            {t('debrief.compare.value', {
                              value: signed(o.value, i18n.resolvedLanguage),
                            })}
                          </span>
                        ) : null}
                        {mine ? (
                          <span className="tag tag--mine">
                            <span aria-hidden="true">◆ </span>
                            {t('debrief.compare.selected', { team: names.team(selected) })}
                          </span>
                        ) : null}
                      </p>
                      <p className="option__label">{text(o.label)}</p>
                      {o.teams.length > 0 ? (
                        <p className="muted option__teams">
                          {o.teams.map((id) => names.team(id)).join(', ')}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The selected team's decisions in order, each set against the other teams' choices. */
export function TeamPath({ context, selected }: { context: DebriefContext; selected: string }) {
  const { t, i18n } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const names = useNames(context);
  const steps = useMemo(() => teamPath(context.debrief, selected), [context.debrief, selected]);
  const list = (ids: string[]) => ids.map((id) => names.team(id)).join(', ');
  return (
    <ol className="path" data-path={selected}>
      {steps.map((s) => (
        <li
          key={`${s.decision}|${s.seq}`}
          className={`path__step${s.best ? ' path__step--best' : ''}`}
        >
          <p className="path__time">{clock(s.time)}</p>
          <div>
            <p>
              <strong>{text(s.title)}</strong>: {text(s.optionLabel)}
            </p>
            <p className="path__verdict">
              {s.best ? (
                <span className="tag tag--best">
                  <span aria-hidden="true">★ </span>
                  {losesPoints(s.bestValue)
                    ? t('debrief.compare.tookLeastCostly')
                    : t('debrief.compare.tookBest')}
                </span>
              ) : s.bestOption ? (
                <span className="tag tag--off">
                  <span aria-hidden="true">↯ </span>
                  {t(
                    losesPoints(s.bestValue)
                      ? 'debrief.compare.missedLeastCostly'
                      : 'debrief.compare.missedBest',
                    {
                      option: shorten(text(s.bestOption.label)),
                      value: s.bestValue === null ? '' : signed(s.bestValue, i18n.resolvedLanguage),
                    },
                  )}
                </span>
              ) : null}
            </p>
            <p className="muted">
              {s.sameAsOthers.length > 0
                ? t('debrief.compare.sameAs', { teams: list(s.sameAsOthers) })
                : null}
              {s.sameAsOthers.length > 0 && s.differentFromOthers.length > 0 ? ' · ' : null}
              {s.differentFromOthers.length > 0
                ? t('debrief.compare.differentFrom', { teams: list(s.differentFromOthers) })
                : null}
              {s.sameAsOthers.length === 0 && s.differentFromOthers.length === 0
                ? t('debrief.compare.alone')
                : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Every team's path side by side: one row per decision point, one column per team. */
export function PathMatrix({ context, selected }: { context: DebriefContext; selected: string }) {
  const { t } = useTranslation();
  const { text } = useContent();
  const captionId = useId();
  const rows = useMemo(() => pathMatrix(context.debrief), [context.debrief]);
  const teams = context.debrief.teams;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table matrix">
        <caption id={captionId}>{t('debrief.compare.matrixTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debrief.compare.decision')}</th>
            {teams.map((team) => (
              <th
                scope="col"
                key={team.team}
                className={team.team === selected ? 'matrix__selected' : undefined}
              >
                <TeamName name={team.name} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.decision} className={row.split ? 'matrix__split' : undefined}>
              <th scope="row">
                {text(row.title)}
                {row.split ? (
                  <span className="matrix__split-mark"> ({t('debrief.compare.split')})</span>
                ) : null}
              </th>
              {teams.map((team) => {
                const cell = row.cells[team.team];
                return (
                  <td
                    key={team.team}
                    className={team.team === selected ? 'matrix__selected' : undefined}
                  >
                    {cell ? (
                      <>
                        {cell.best ? (
                          <span className="matrix__best">
                            <span aria-hidden="true">★ </span>
                            <span className="visually-hidden">
                              {row.bestLoses
                                ? t('debrief.compare.leastCostly')
                                : t('debrief.compare.best')}
                              :{' '}
                            </span>
                          </span>
                        ) : null}
                        {shorten(text(cell.label))}
                      </>
                    ) : (
                      <span className="muted">{t('debrief.compare.notTaken')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
