/**
 * Acts that make whatever their event obtains unusable, whatever the items' own records say: a device
 * searched without the order it needed, migrants' phones read with neither consent nor order, an
 * interception without a valid order. The engine taints the items by it, live, and the legal model
 * scores the act by it: one predicate, so the live case file and the debrief cannot part on it.
 */
import type { CompiledScenario } from './compile';

/** An act as the log records it. */
interface Act {
  kind: string;
  params: Record<string, unknown>;
  persons: readonly string[];
}

/**
 * Why the act makes what its event obtained unusable (null: it does not). Each reason is a fact of the
 * act but `searchWeakOrder`, which also says what order the law asks for the device's data.
 */
export type ActTaint =
  | 'searchNoOrder'
  | 'searchWeakOrder'
  | 'phonesNoConsentNoOrder'
  | 'interceptionNoOrder'
  | 'interceptionExpired';

export function actTaint(c: CompiledScenario, act: Act): ActTaint | null {
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
      return p.consent !== 'recorded' && p.order !== true ? 'phonesNoConsentNoOrder' : null;
    case 'interception':
      if (p.order !== true) return 'interceptionNoOrder';
      return p.expired === true ? 'interceptionExpired' : null;
    default:
      return null;
  }
}
