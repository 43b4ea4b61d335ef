import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answeringParticipants,
  type CaseEvidence,
  type DecisionComparison,
  type AxisScore,
  type TeamDebrief,
} from '@crossroads/shared';
import { ScrollRegion } from '../components/ScrollRegion';
import type { DebriefContext } from './model';
import { LegalBases, RedLineIcon, ScoreBar, useContent, useNames, useClock } from './parts';
import { evidencePartsText, humanizeId, redLineCap, signed } from './text';

function RedLines({ team, context }: { team: TeamDebrief; context: DebriefContext }) {
  const { t } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const names = useNames(context);
  const headingId = useId();
  if (team.redLines.length === 0) return null;
  const capLine = (axis: 'evidence' | 'rights', score: AxisScore) => {
    const cap = redLineCap(score.method);
    const args = { axis: t(`debrief.score.${axis}`), value: score.value };
    return cap === null
      ? t('debrief.redLine.limited', args)
      : t('debrief.redLine.cappedScore', { ...args, cap });
  };
  return (
    <section className="red-lines" aria-labelledby={headingId} data-red-lines>
      <h3 id={headingId}>
        <RedLineIcon /> {t('debrief.redLine.crossed', { n: team.redLines.length })}
      </h3>
      <p className="red-lines__cap">{t('debrief.redLine.capsResult')}</p>
      <ul className="red-lines__caps">
        <li>{capLine('evidence', team.evidenceScore)}</li>
        <li>{capLine('rights', team.rightsScore)}</li>
      </ul>
      <ol className="red-lines__list">
        {team.redLines.map((r, i) => (
          <li key={`${r.ruleId}|${r.causedBySeq}|${i}`}>
            <p className="red-lines__title">
              <strong>{text(r.title)}</strong>
            </p>
            <p className="muted">
              {t('debrief.redLine.at', { time: clock(r.time) })}
              {r.role || r.roles ? ` · ${names.agencies(r)}` : ''}
              {answeringParticipants(r).length > 0 ? ` · ${names.participants(r)}` : ''}
            </p>
            <p>{text(r.detail)}</p>
            <LegalBases bases={r.legalBasis} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function EvidenceLine({ item, context }: { item: CaseEvidence; context: DebriefContext }) {
  const { t } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const names = useNames(context);
  return (
    <li className={`evidence evidence--${item.status}`} data-evidence-status={item.status}>
      <span className={`tag tag--${item.status}`}>
        <span aria-hidden="true">
          {item.status === 'admissible' ? '✓ ' : item.status === 'excluded' ? '✗ ' : '◐ '}
        </span>
        {t(`debrief.evidenceStatus.${item.status}`)}
      </span>{' '}
      <span className="evidence__title">{text(item.title)}</span>
      <span className="muted evidence__when">
        {' '}
        ({t('debrief.case.obtained', { time: clock(item.obtainedAt), by: names.agency(item.by) })})
      </span>
      {item.reasons.length > 0 ? (
        <ul className="evidence__reasons">
          {item.reasons.map((r, i) => (
            <li key={i}>
              <span className="visually-hidden">{t('debrief.case.reasons')}: </span>
              {text(r)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function CaseStrength({ team, context }: { team: TeamDebrief; context: DebriefContext }) {
  const { t } = useTranslation();
  const headingId = useId();
  const byId = new Map(team.evidence.map((e) => [e.id, e]));
  const elements = team.caseStrength.filter((e) => e.status !== 'not_in_scenario');
  return (
    <section className="debrief-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('debrief.case.title')}</h3>
      <p className="muted">
        {elements.length > 0 ? t('debrief.case.lead') : t('debrief.case.noElements')}
      </p>
      <ul className="elements">
        {elements.map((e) => {
          const items = e.evidence
            .map((ref) => byId.get(ref.id))
            .filter((x): x is CaseEvidence => x !== undefined);
          return (
            <li key={e.element} className={`element element--${e.status}`}>
              <div className="element__head">
                <h4 className="element__name">
                  {t(`debrief.element.${e.element}`, { defaultValue: humanizeId(e.element) })}
                </h4>
                <span className={`tag tag--strength-${e.status}`}>
                  {t(`debrief.strength.${e.status}`)}
                </span>
                <span className="element__score">
                  {t('debrief.case.sources', { n: e.independentSources.length })}
                </span>
              </div>
              <div className="element__bar" aria-hidden="true">
                <div
                  className="element__fill"
                  style={{ width: `${Math.round(Math.max(0, Math.min(1, e.score)) * 100)}%` }}
                />
              </div>
              {items.length > 0 ? (
                <ul className="evidence-list">
                  {items.map((item) => (
                    <EvidenceLine key={item.id} item={item} context={context} />
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('debrief.case.noEvidence')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ByAgency({ team, context }: { team: TeamDebrief; context: DebriefContext }) {
  const { t, i18n } = useTranslation();
  const names = useNames(context);
  const headingId = useId();
  if (team.byAgency.length === 0) return null;
  return (
    <section className="debrief-block">
      <h3 id={headingId}>{t('debrief.team.byAgency')}</h3>
      <ScrollRegion labelledBy={headingId}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('debrief.team.agency')}</th>
              <th scope="col">{t('debrief.score.evidence')}</th>
              <th scope="col">{t('debrief.score.rights')}</th>
              <th scope="col">{t('debrief.team.items')}</th>
              <th scope="col">{t('debrief.redLine.heading')}</th>
            </tr>
          </thead>
          <tbody>
            {team.byAgency.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  {names.agency(b.id === '(none)' || b.id === '(team)' ? null : b.id)}
                </th>
                <td className="num">{signed(b.evidence, i18n.resolvedLanguage)}</td>
                <td className="num">{signed(b.rights, i18n.resolvedLanguage)}</td>
                <td className="num">{b.items}</td>
                <td className="num">{b.redLines}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export function TeamDetail({ team, context }: { team: TeamDebrief; context: DebriefContext }) {
  const { t, i18n } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const { text } = useContent();
  const outcomeId = useId();
  const missedId = useId();
  const comparison = new Map<string, DecisionComparison>(
    context.debrief.comparison.map((c) => [c.decision, c]),
  );
  const left = team.leftBestPath;
  const optionLabel = (decision: string, option: string) =>
    text(comparison.get(decision)?.choices.find((c) => c.option === option)?.label) || option;
  return (
    <div className="team-detail" data-team-detail={team.team}>
      <RedLines team={team} context={context} />
      <div className="team-detail__scores">
        <div className="score-card">
          <ScoreBar
            label={t('debrief.score.evidence')}
            value={team.evidenceScore.value}
            capped={team.evidenceScore.capped}
          />
          <p>{evidencePartsText(t, team.evidenceScore, i18n.resolvedLanguage)}</p>
          <details className="method">
            <summary>{t('debrief.score.howComputed')}</summary>
            <p>{t('debrief.method.evidence')}</p>
            <p>
              {t('debrief.score.formula')}:{' '}
              <code>{text(team.evidenceScore.methodText) || team.evidenceScore.method}</code>
            </p>
          </details>
        </div>
        <div className="score-card">
          <ScoreBar
            label={t('debrief.score.rights')}
            value={team.rightsScore.value}
            capped={team.rightsScore.capped}
          />
          <p>
            {t('debrief.score.rightsParts', {
              points: signed(team.rightsScore.points, i18n.resolvedLanguage),
            })}
          </p>
          <details className="method">
            <summary>{t('debrief.score.howComputed')}</summary>
            <p>{t('debrief.method.rights')}</p>
            <p>
              {t('debrief.score.formula')}:{' '}
              <code>{text(team.rightsScore.methodText) || team.rightsScore.method}</code>
            </p>
          </details>
        </div>
      </div>

      <section className="debrief-block outcome" aria-labelledby={outcomeId}>
        <h3 id={outcomeId}>{t('debrief.outcome.title')}</h3>
        <p className="outcome__label" data-outcome={team.outcome.kind}>
          <strong>{text(team.outcome.label)}</strong>
        </p>
        <p>{text(team.outcome.reason)}</p>
        {team.outcome.criminal && team.outcome.kind !== 'not_applicable' ? (
          <p className="outcome__criminal">
            {t('debrief.outcome.criminal', { label: text(team.outcome.criminal.label) })}
          </p>
        ) : null}
        {team.outcome.accountability && team.outcome.accountability.length > 0 ? (
          <div className="outcome__state">
            <h4>{t('debrief.outcome.accountability')}</h4>
            <ul>
              {team.outcome.accountability.map((a, i) => (
                <li key={`${a.ruleId}|${a.causedBySeq}|${i}`}>
                  <strong>{text(a.finding)}</strong>: {text(a.title)}. {text(a.detail)}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">{t('debrief.outcome.noAccountability')}</p>
        )}
        {team.outcome.ending ? (
          <p className="muted">
            {t('debrief.outcome.ending', { ending: text(team.outcome.ending.title) })}
          </p>
        ) : null}
        {!team.outcome.final ? <p className="muted">{t('debrief.outcome.projection')}</p> : null}
        {left ? (
          <p className="left-best">
            {t(left.bestValue < 0 ? 'debrief.team.leftLeastCostly' : 'debrief.team.leftBestPath', {
              decision:
                text(left.title) || text(comparison.get(left.decision)?.title) || left.decision,
              chosen: text(left.chosenLabel) || optionLabel(left.decision, left.chosen),
              chosenValue: signed(left.chosenValue, i18n.resolvedLanguage),
              best: text(left.bestLabel) || optionLabel(left.decision, left.best),
              bestValue: signed(left.bestValue, i18n.resolvedLanguage),
              time: clock(left.time),
            })}
          </p>
        ) : null}
        {team.witnessesLost.length > 0 ? (
          <>
            <p>{t('debrief.team.witnessesLost', { n: team.witnessesLost.length })}</p>
            <ul>
              {team.witnessesLost.map((w) => (
                <li key={`${w.person}|${w.seq}`}>
                  {text(w.name) || w.person} ({clock(w.time)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <CaseStrength team={team} context={context} />

      {team.missedOpportunities.length > 0 ? (
        <section className="debrief-block" aria-labelledby={missedId}>
          <h3 id={missedId}>{t('debrief.missed.title')}</h3>
          <ul className="missed">
            {team.missedOpportunities.map((m, i) => (
              <li key={`${m.kind}|${m.ruleId ?? ''}|${i}`}>{text(m.description)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <ByAgency team={team} context={context} />
    </div>
  );
}
