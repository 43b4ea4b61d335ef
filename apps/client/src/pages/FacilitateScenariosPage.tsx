import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { pickText } from '../facilitator/format';
import { ScenarioPreview, useDurationText } from '../facilitator/ScenarioPreview';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import type { FacilitatorApi } from '../lib/facilitatorApi';

const loadScenarios = (api: FacilitatorApi, token: string) => api.scenarios(token);

/** Whether the reader asked for less motion (smooth scrolling then jumps). */
function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * Brings the preview of a scenario just chosen into view (it sits below the cards on a laptop
 * screen, so a click seemed to do nothing) and puts the keyboard on its title, where reading and
 * Tab go on from; Shift+Tab goes back towards the cards.
 */
function showPreview(preview: HTMLElement): void {
  const title = preview.querySelector<HTMLElement>('.fac-preview__title');
  (title ?? preview).focus({ preventScroll: true });
  preview.scrollIntoView({
    block: 'start',
    behavior: prefersReducedMotion() ? 'auto' : 'smooth',
  });
}

function Catalogue({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const duration = useDurationText();
  const [params] = useSearchParams();
  const { resource, reload } = useStaffResource(token, loadScenarios);
  const language = i18n.resolvedLanguage ?? 'en';
  const previewRef = useRef<HTMLDivElement>(null);
  // Set by a click on a card: the preview it shows then comes into view (not on the first load).
  const chosen = useRef(false);
  const selectedParam = params.get('scenario');
  useEffect(() => {
    if (!chosen.current) return;
    chosen.current = false;
    if (previewRef.current) showPreview(previewRef.current);
  }, [selectedParam]);

  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') {
    return (
      <>
        <ErrorMessage>{errorText(resource.error)}</ErrorMessage>
        <button type="button" className="button" onClick={reload}>
          {t('facilitate.retry')}
        </button>
      </>
    );
  }
  const scenarios = resource.data;
  if (scenarios.length === 0) return <p>{t('facilitate.catalogue.empty')}</p>;
  const selectedId = params.get('scenario') ?? scenarios[0]?.id;
  const selected = scenarios.find((s) => s.id === selectedId) ?? scenarios[0];

  return (
    <div className="fac-catalogue">
      <nav className="fac-catalogue__list" aria-label={t('facilitate.catalogue.listLabel')}>
        <ul>
          {scenarios.map((scenario) => (
            <li key={scenario.id}>
              <Link
                to={`?scenario=${encodeURIComponent(scenario.id)}`}
                className="fac-catalogue__item"
                aria-current={scenario.id === selected?.id ? 'true' : undefined}
                preventScrollReset
                onClick={() => {
                  // The card already shown: its preview is brought back into view at once.
                  if (scenario.id === selected?.id) {
                    if (previewRef.current) showPreview(previewRef.current);
                  } else chosen.current = true;
                }}
              >
                <span className="fac-catalogue__name">{pickText(scenario.title, language)}</span>
                <span className="fac-catalogue__meta">
                  {duration(scenario.durationMinutes)} ·{' '}
                  {t('facilitate.catalogue.agencyCount', { count: scenario.agencies.length })}
                  {scenario.contentWarnings.length > 0
                    ? ` · ${t('facilitate.catalogue.hasWarnings')}`
                    : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {selected ? (
        <div className="fac-catalogue__preview panel" ref={previewRef}>
          <ScenarioPreview key={selected.id} scenario={selected} language={language} />
        </div>
      ) : null}
    </div>
  );
}

/** Route /facilitate/scenarios: the scenario catalogue with a preview of each scenario. */
export function FacilitateScenariosPage() {
  const { t } = useTranslation();
  usePageTitle(t('facilitate.catalogue.title'));
  return (
    <div className="page fac-page">
      <h1>{t('facilitate.catalogue.title')}</h1>
      <StaffGate>{(auth) => <Catalogue token={auth.token} />}</StaffGate>
    </div>
  );
}
