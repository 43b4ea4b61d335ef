import type { TFunction } from 'i18next';
import type { StudioAction, StudioEffect, StudioRef, Text } from '@crossroads/shared';
import { KNOWN_ENDING_KINDS } from '../facilitator/ScenarioGraph';
import { pickText } from '../facilitator/format';
import { formatUnit } from '../i18n/numbers';

/*
 * The studio's dry-run and preview send actions and effects as data (kind, ids, values, the
 * scenario's own texts); these word them in the page's language. Scenario texts come in the page's
 * language when the scenario has it, else in English; an id the scenario does not name stays an id.
 */

/** The scenario's text for a reference in `language`, else its id. */
export function refText(ref: StudioRef, language: string): string {
  return ref.text === null ? ref.id : pickText(ref.text, language);
}

/** A scenario text, or `fallback` when there is none. */
export function textOr(text: Text | null | undefined, fallback: string, language: string): string {
  return text === null || text === undefined ? fallback : pickText(text, language);
}

/** An ending kind in the page's language (a kind the UI does not know stays as written). */
export function endingKindWords(t: TFunction, kind: string): string {
  return (KNOWN_ENDING_KINDS as readonly string[]).includes(kind)
    ? t(`facilitate.endingKind.${kind as (typeof KNOWN_ENDING_KINDS)[number]}`)
    : kind;
}

/** One played action as a short line. */
export function actionWords(t: TFunction, action: StudioAction, language: string): string {
  switch (action.type) {
    case 'decision.made':
    case 'joint.signed':
      return t(action.type === 'joint.signed' ? 'studio.steps.joint' : 'studio.steps.decision', {
        decision: refText(action.decision, language),
        option: refText(action.option, language),
      });
    case 'request.sent':
      return t('studio.steps.requestSent', { title: refText(action.request, language) });
    case 'request.answered':
      return t(action.granted ? 'studio.steps.requestGranted' : 'studio.steps.requestRefused', {
        title: refText(action.request, language),
      });
    case 'inject.released':
      return t('studio.steps.injectReleased', { title: refText(action.inject, language) });
    case 'clock.ticked':
      return t('studio.steps.clock', {
        duration: formatUnit(t, action.minutes, 'minutes', language),
      });
  }
}

const scalarWords = (t: TFunction, value: unknown): string =>
  value === true
    ? t('studio.steps.yes')
    : value === false
      ? t('studio.steps.no')
      : typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);

/**
 * One thing the engine did, as a short line. `agency` names an agency id in the page's language.
 * Act kinds, fact ids, taint reasons and person attributes are the scenario language's own words
 * (what the author writes in the file), shown as written.
 */
export function effectWords(
  t: TFunction,
  effect: StudioEffect,
  language: string,
  agency: (id: string) => string,
): string {
  switch (effect.kind) {
    case 'act':
      return effect.persons.length > 0
        ? t('studio.steps.actPersons', {
            act: effect.act,
            persons: effect.persons.map((p) => refText(p, language)).join(', '),
          })
        : t('studio.steps.act', { act: effect.act });
    case 'phase':
      return t('studio.steps.phase', { title: refText(effect.phase, language) });
    case 'ended':
      return t('studio.steps.ended', {
        title: refText(effect.ending, language),
        kind: endingKindWords(t, effect.endingKind),
      });
    case 'fact':
      return t('studio.steps.fact', { fact: effect.fact, value: scalarWords(t, effect.value) });
    case 'evidence':
      return effect.tainted
        ? t('studio.steps.evidenceTainted', {
            title: refText(effect.evidence, language),
            reasons: effect.taintReasons.join(', '),
          })
        : t('studio.steps.evidence', { title: refText(effect.evidence, language) });
    case 'reveal':
      return t('studio.steps.reveal', {
        item: refText(effect.item, language),
        to: effect.to.map(agency).join(', '),
      });
    case 'inject':
      return t('studio.steps.inject', { title: refText(effect.inject, language) });
    case 'request': {
      const title = refText(effect.request, language);
      if (effect.status === 'granted') return t('studio.steps.requestGranted', { title });
      if (effect.status === 'refused') return t('studio.steps.requestRefused', { title });
      return t('studio.steps.requestPending', { title });
    }
    case 'person':
      return t('studio.steps.person', {
        person: refText(effect.person, language),
        changes: Object.entries(effect.set)
          .map(([key, value]) =>
            Array.isArray(value)
              ? `${key} = ${value.map((v) => scalarWords(t, v)).join(', ')}`
              : `${key} = ${scalarWords(t, value)}`,
          )
          .join('; '),
      });
  }
}
