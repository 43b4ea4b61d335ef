/**
 * Acts that make whatever their event obtains unusable, whatever the items' own records say: a device
 * searched without the order it needed, migrants' phones read with neither a valid consent nor an order
 * (a consent the records of what the reading produced show was signed without the interpreter the
 * person needed, or not given at all, is none), an interception without a valid order. The engine taints the items by it, live, and the legal model
 * scores the act by it: one predicate, so the live case file and the debrief cannot part on it.
 */
import type { CompiledScenario } from './compile';

/** An act as the log records it. */
interface Act {
  kind: string;
  params: Record<string, unknown>;
  persons: readonly string[];
}

/** What the record of an item obtained says of how it was obtained (its `obtained`). */
interface Obtained {
  interpreter?: string;
  consent?: string;
}

/**
 * Whether the record of an item a phone reading produced shows the consent it was read on flawed: given
 * through no interpreter, an uncertified one or a co-national (brief §1.10: "informed, recorded, limited
 * consent (interpreter present)"), or not given.
 */
export function consentUninterpreted(o: Obtained): boolean {
  return (
    o.interpreter === 'none' || o.interpreter === 'uncertified' || o.interpreter === 'co_national'
  );
}
export function consentFlawed(o: Obtained): boolean {
  return consentUninterpreted(o) || o.consent === 'none';
}

/**
 * Why the act makes what its event obtained unusable (null: it does not). Each reason is a fact of the
 * act but `searchWeakOrder`, which also says what order the law asks for the device's data.
 */
export type ActTaint =
  | 'searchNoOrder'
  | 'searchWeakOrder'
  | 'phonesNoConsentNoOrder'
  | 'phonesConsentUninterpreted'
  | 'interceptionNoOrder'
  | 'interceptionExpired';

/**
 * `obtained`: the records of what the act's event obtained. A phone reading is one consent for all it
 * read: one item showing that consent flawed shows it for every item of the reading.
 */
export function actTaint(
  c: CompiledScenario,
  act: Act,
  obtained: readonly Obtained[] = [],
): ActTaint | null {
  const p = act.params;
  switch (act.kind) {
    case 'device_search': {
      if ((p.order ?? 'none') === 'none') return 'searchNoOrder';
      // The order the device's evidence needs (a judge's, for the driver's phone under Serbian law).
      const needsJudge = [...c.evidence.values()].some(
        (e) =>
          e.kind === 'digital' && e.needsOrder === 'judicial' && act.persons.includes(e.source),
      );
      return needsJudge && p.order !== 'judicial' ? 'searchWeakOrder' : null;
    }
    case 'migrant_phone_extraction':
      if (p.order === true) return null;
      if (p.consent !== 'recorded') return 'phonesNoConsentNoOrder';
      if (obtained.some(consentUninterpreted)) return 'phonesConsentUninterpreted';
      return obtained.some((o) => o.consent === 'none') ? 'phonesNoConsentNoOrder' : null;
    case 'interception':
      if (p.order !== true) return 'interceptionNoOrder';
      return p.expired === true ? 'interceptionExpired' : null;
    default:
      return null;
  }
}
