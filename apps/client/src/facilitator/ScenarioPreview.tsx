import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScenarioSummary } from '@crossroads/shared';
import { StatusIcon } from '../components/StatusIcon';
import { countryName } from '../learning/reports/countries';
import { languageName } from '../trainee/terms';
import { pickText } from './format';
import { ScenarioGraph } from './ScenarioGraph';

/** Duration as "45 min" or "2 h 30 min". */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes % 60);
    if (h === 0) return t('facilitate.duration.minutes', { minutes: m });
    if (m === 0) return t('facilitate.duration.hours', { hours: h });
    return t('facilitate.duration.hoursMinutes', { hours: h, minutes: m });
  };
}

/** Everything a facilitator needs to choose a scenario, without any restricted content. */
export function ScenarioPreview({
  scenario,
  language,
  headingLevel = 2,
}: {
  scenario: ScenarioSummary;
  language: string;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const trainees = scenario.agencies.filter((a) => a.playable !== 'facilitator');
  const facilitator = scenario.agencies.filter((a) => a.playable === 'facilitator');

  return (
    <article className="fac-preview" aria-labelledby={`${id}-title`}>
      {/* Focusable from script: the catalogue puts the keyboard here when a card is chosen. */}
      <Heading id={`${id}-title`} className="fac-preview__title" tabIndex={-1}>
        {pickText(scenario.title, language)}
      </Heading>
      <p className="lead">{pickText(scenario.summary, language)}</p>
      <dl className="fac-facts">
        <div>
          <dt>{t('facilitate.scenario.duration')}</dt>
          <dd>{duration(scenario.durationMinutes)}</dd>
        </div>
        <div>
          <dt>{t('facilitate.scenario.country')}</dt>
          <dd>{countryName(scenario.country, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('facilitate.scenario.languages')}</dt>
          <dd>{scenario.languages.map((code) => languageName(code, i18n.language)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('facilitate.scenario.version')}</dt>
          <dd>{scenario.version}</dd>
        </div>
      </dl>

      {scenario.contentWarnings.length > 0 ? (
        <section className="fac-warning" aria-labelledby={`${id}-cw`}>
          <Sub id={`${id}-cw`} className="fac-warning__title">
            <StatusIcon tone="warning" />
            {t('facilitate.scenario.contentWarnings')}
          </Sub>
          <ul>
            {scenario.contentWarnings.map((warning, i) => (
              <li key={i}>{pickText(warning, language)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="fac-columns">
        <section aria-labelledby={`${id}-agencies`}>
          <Sub id={`${id}-agencies`}>{t('facilitate.scenario.agencies')}</Sub>
          <p className="fac-muted">{t('facilitate.scenario.playedByTrainees')}</p>
          <ul className="fac-agencies">
            {trainees.map((agency) => (
              <li key={agency.id}>
                <span className="fac-agency__name">{pickText(agency.name, language)}</span>{' '}
                <span className="fac-tag">
                  {agency.playable === 'required'
                    ? t('facilitate.scenario.required')
                    : t('facilitate.scenario.optional')}
                </span>
              </li>
            ))}
          </ul>
          {facilitator.length > 0 ? (
            <>
              <p className="fac-muted">{t('facilitate.scenario.playedByFacilitator')}</p>
              <ul className="fac-agencies">
                {facilitator.map((agency) => (
                  <li key={agency.id}>
                    <span className="fac-agency__name">{pickText(agency.name, language)}</span>{' '}
                    <span className="fac-tag fac-tag--facilitator">
                      {t('facilitate.scenario.facilitatorPlays')}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby={`${id}-objectives`}>
          <Sub id={`${id}-objectives`}>{t('facilitate.scenario.objectives')}</Sub>
          <ul className="checklist">
            {scenario.objectives.map((objective, i) => (
              <li key={i}>{pickText(objective, language)}</li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby={`${id}-graph`}>
        <Sub id={`${id}-graph`}>{t('facilitate.scenario.graph')}</Sub>
        <ScenarioGraph graph={scenario.graph} language={language} />
      </section>

      <p>
        <Link
          className="button"
          to={`/facilitate/sessions/new?scenario=${encodeURIComponent(scenario.id)}`}
        >
          {t('facilitate.scenario.useIt')}
        </Link>
      </p>
    </article>
  );
}
