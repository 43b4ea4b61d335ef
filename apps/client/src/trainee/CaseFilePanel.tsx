import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceConcern, RoleView } from '@crossroads/shared';
import { humanise, Tx, useContentText } from './content';
import { AgencyName } from './AgencyName';
import { usePlay } from './context';
import { useScenarioTime } from './useScenarioTime';
import {
  attributeLabel,
  attributeValue,
  elementLabel,
  evidenceKindLabel,
  personKindLabel,
} from './terms';

type Evidence = RoleView['evidence'][number];
type Provenance = Evidence['provenance'];

/** Provenance values that weaken an item's admissibility: shown with a warning mark. */
const CONCERNS: Record<keyof Provenance, readonly string[]> = {
  order: ['none'],
  interpreter: ['none', 'uncertified', 'co_national'],
  consent: ['none'],
  custody: ['broken'],
};

function provenanceValue(t: TFunction, field: keyof Provenance, value: string): string {
  switch (field) {
    case 'order':
      return t(`play.provenance.order.${value as NonNullable<Provenance['order']>}`);
    case 'interpreter':
      return t(`play.provenance.interpreter.${value as NonNullable<Provenance['interpreter']>}`);
    case 'consent':
      return t(`play.provenance.consent.${value as NonNullable<Provenance['consent']>}`);
    case 'custody':
      return t(`play.provenance.custody.${value as NonNullable<Provenance['custody']>}`);
  }
}

/**
 * The provenance field each of the engine's concerns is about: what the team's acts did that the record
 * does not say (a fellow passenger written down as a certified interpreter, a search with no order
 * behind an item recorded under a judge's) shows on that field's line.
 */
const CONCERN_FIELD: Record<EvidenceConcern, keyof Provenance> = {
  passenger_interpreter: 'interpreter',
  interviewed_without_interpreter: 'interpreter',
  interpreted_into_unspoken_language: 'interpreter',
  deposition_without_certified_interpreter: 'interpreter',
  co_national_interpreted: 'interpreter',
  searched_without_order: 'order',
  phones_read_without_consent_or_order: 'consent',
  phones_read_on_consent_without_interpreter: 'consent',
  intercepted_without_order: 'order',
  intercepted_after_order_expired: 'order',
};

function ProvenanceList({
  provenance,
  concerns = [],
}: {
  provenance: Provenance;
  concerns?: readonly EvidenceConcern[];
}) {
  const { t } = useTranslation();
  const entries = (Object.keys(CONCERNS) as (keyof Provenance)[]).flatMap((field) => {
    const value = provenance[field];
    const more = concerns.filter((c) => CONCERN_FIELD[c] === field);
    return value === undefined && more.length === 0 ? [] : [{ field, value, more }];
  });
  if (entries.length === 0) return <p className="tr-muted">{t('play.caseFile.noProvenance')}</p>;
  return (
    <ul className="tr-provenance">
      {entries.map(({ field, value, more }) => {
        const concern = (value !== undefined && CONCERNS[field].includes(value)) || more.length > 0;
        const said = [
          ...(value === undefined ? [] : [provenanceValue(t, field, value)]),
          ...more.map((c) => t(`play.provenance.concerns.${c}`)),
        ];
        return (
          <li key={field} className={concern ? 'tr-prov tr-prov--concern' : 'tr-prov'}>
            <span aria-hidden="true" className="tr-prov__mark">
              {concern ? '!' : '✓'}
            </span>
            <span>
              <span className="tr-prov__field">{t(`play.provenance.${field}.label`)}:</span>{' '}
              {said.join('; ')}
              {concern ? (
                <span className="tr-visually-hidden"> ({t('play.provenance.concern')})</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function EvidenceItem({ item, all }: { item: Evidence; all: Evidence[] }) {
  const { t, i18n } = useTranslation();
  const at = useScenarioTime();
  const text = useContentText();
  const sources = item.derivedFrom.map((id) => {
    const source = all.find((e) => e.id === id);
    return source ? text(source.title) : humanise(id);
  });
  return (
    <details className="tr-item" data-evidence={item.id}>
      <summary>
        <Tx text={item.title} className="tr-item__title" />{' '}
        <span className="tr-muted">{evidenceKindLabel(i18n, item.kind)}</span>
      </summary>
      <dl className="tr-dl">
        <div>
          <dt>{t('play.caseFile.obtained')}</dt>
          <dd>
            {item.obtainedBy ? <AgencyName id={item.obtainedBy} /> : t('play.caseFile.unknown')}
            {item.obtainedAt !== null
              ? `, ${t('play.caseFile.at', { time: at(item.obtainedAt) })}`
              : null}
          </dd>
        </div>
        {item.elements.length > 0 ? (
          <div>
            <dt>{t('play.caseFile.proves')}</dt>
            <dd>{item.elements.map((e) => elementLabel(i18n, e)).join(', ')}</dd>
          </div>
        ) : null}
        {sources.length > 0 ? (
          <div>
            <dt>{t('play.caseFile.derivedFrom')}</dt>
            <dd>{sources.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <h4 className="tr-subhead">{t('play.caseFile.provenance')}</h4>
      <ProvenanceList provenance={item.provenance} concerns={item.concerns} />
    </details>
  );
}

/**
 * The witnesses the team lost that this agency knows of (the server sends only those), each with
 * how and when: their statements can no longer be examined by the defence. Nothing when none.
 */
function LostWitnesses({ view }: { view: RoleView }) {
  const { t } = useTranslation();
  const at = useScenarioTime();
  const id = useId();
  const lost = view.witnessesLost ?? [];
  if (lost.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('play.caseFile.lostTitle')}</h3>
      <ul className="tr-plain-list">
        {lost.map((w) => {
          const person = view.people.find((p) => p.id === w.person);
          return (
            <li key={w.person} data-lost={w.person}>
              {person ? <Tx text={person.name} /> : humanise(w.person)}
              {`: ${t(`play.caseFile.lost.${w.how}`)} (${at(w.time)})`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Documents, evidence (with how and by whom it was obtained) and people, as this agency knows them. */
export function CaseFilePanel() {
  const { t, i18n } = useTranslation();
  const at = useScenarioTime();
  const { snapshot } = usePlay();
  const view = snapshot.state.view;
  if (!view) return null;
  return (
    <div className="tr-casefile">
      <h3>{t('play.caseFile.documents', { n: view.documents.length })}</h3>
      {view.documents.length === 0 ? (
        <p className="tr-muted">{t('play.caseFile.noDocuments')}</p>
      ) : (
        <ul className="tr-plain-list">
          {view.documents.map((doc) => (
            <li key={doc.id}>
              <details className="tr-item" data-document={doc.id}>
                <summary>
                  <Tx text={doc.title} className="tr-item__title" />
                  {/* A document the clock has not reached was revealed early: its listed minute
                      is not when it came (a scenario lists a reveal-only one "from" no run reaches). */}
                  {doc.since !== null && doc.since <= view.clock.minutes ? (
                    <span className="tr-muted">
                      {' '}
                      {t('play.caseFile.since', { time: at(doc.since) })}
                    </span>
                  ) : null}
                </summary>
                <Tx text={doc.body} as="div" className="tr-prose" />
              </details>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('play.caseFile.evidence', { n: view.evidence.length })}</h3>
      {view.evidence.length === 0 ? (
        <p className="tr-muted">{t('play.caseFile.noEvidence')}</p>
      ) : (
        <ul className="tr-plain-list">
          {view.evidence.map((item) => (
            <li key={item.id}>
              <EvidenceItem item={item} all={view.evidence} />
            </li>
          ))}
        </ul>
      )}

      <LostWitnesses view={view} />

      <h3>{t('play.caseFile.people', { n: view.people.length })}</h3>
      {view.people.length === 0 ? (
        <p className="tr-muted">{t('play.caseFile.noPeople')}</p>
      ) : (
        <ul className="tr-plain-list">
          {view.people.map((person) => {
            const attributes = Object.entries(person.attributes);
            return (
              <li key={person.id}>
                <details className="tr-item" data-person={person.id}>
                  <summary>
                    <Tx text={person.name} className="tr-item__title" />{' '}
                    <span className="tr-muted">{personKindLabel(i18n, person.kind)}</span>
                  </summary>
                  {attributes.length === 0 ? (
                    <p className="tr-muted">{t('play.caseFile.nothingKnown')}</p>
                  ) : (
                    <dl className="tr-dl">
                      {attributes.map(([key, value]) => (
                        <div key={key}>
                          <dt>{attributeLabel(i18n, key)}</dt>
                          <dd>{attributeValue(i18n, key, value)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
