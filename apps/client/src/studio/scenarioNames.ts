import {
  textSchema,
  type DryRunAction,
  type StudioAction,
  type StudioRef,
  type Text,
} from '@crossroads/shared';
import { pickText } from '../facilitator/format';

/*
 * Names of the things a scenario defines, read from the author's own text (parsed on the page), so
 * the check, the preview and the dry run can say "Border police" where the engine answers with
 * `border_police`. An id the text does not name (or names with no text) stays the id.
 */

export interface ScenarioNames {
  agency(id: string): string;
  phase(id: string): string;
  ending(id: string): string;
  decision(id: string): string;
  /** An option of a decision: its label. */
  option(decision: string, option: string): string;
  /** `decision/option`, as the analysis lists options: "Decision title: option label". */
  optionKey(key: string): string;
  request(id: string): string;
  inject(id: string): string;
  /** A document, evidence item or person (what a reveal or a leak names). */
  item(id: string): string;
  /**
   * A played action as the timeline words it, from the page's own reading of the scenario: for
   * actions the server has not described (yet), or described without texts (its text did not
   * compile, as while the author is typing).
   */
  action(played: DryRunAction, described?: StudioAction): StudioAction;
}

type Entry = Record<string, unknown>;

const list = (data: unknown, key: string): Entry[] => {
  const value = data && typeof data === 'object' ? (data as Entry)[key] : undefined;
  return Array.isArray(value)
    ? value.filter((x): x is Entry => x !== null && typeof x === 'object' && !Array.isArray(x))
    : [];
};

/** id → the first of `fields` that is a text, for every entry of the list `key`. */
function textsOf(entries: Entry[], fields: readonly string[]): Map<string, Text> {
  const out = new Map<string, Text>();
  for (const e of entries) {
    if (typeof e.id !== 'string' || out.has(e.id)) continue;
    for (const f of fields) {
      const text = textSchema.safeParse(e[f]);
      if (text.success && pickText(text.data, 'en').trim() !== '') {
        out.set(e.id, text.data);
        break;
      }
    }
  }
  return out;
}

export function scenarioNames(data: unknown, language: string): ScenarioNames {
  const agencies = textsOf(list(data, 'agencies'), ['name']);
  const phaseEntries = list(data, 'phases');
  const phases = textsOf(phaseEntries, ['title']);
  const endings = textsOf(list(data, 'endings'), ['title']);
  const decisionEntries = phaseEntries.flatMap((p) => list(p, 'decisions'));
  const decisions = textsOf(decisionEntries, ['title']);
  const options = new Map<string, Map<string, Text>>();
  for (const d of decisionEntries)
    if (typeof d.id === 'string' && !options.has(d.id))
      options.set(d.id, textsOf(list(d, 'options'), ['label']));
  const requests = textsOf(list(data, 'requests'), ['title']);
  const injects = textsOf(list(data, 'injects'), ['title']);
  const items = new Map([
    ...textsOf(list(data, 'people'), ['name']),
    ...textsOf(list(data, 'evidence'), ['title']),
    ...textsOf(list(data, 'documents'), ['title']),
  ]);
  const name = (texts: Map<string, Text>) => (id: string) => {
    const text = texts.get(id);
    return text ? pickText(text, language) : id;
  };
  const option = (decision: string, id: string) => {
    const text = options.get(decision)?.get(id);
    return text ? pickText(text, language) : id;
  };
  return {
    agency: name(agencies),
    phase: name(phases),
    ending: name(endings),
    decision: name(decisions),
    option,
    optionKey: (key) => {
      const slash = key.indexOf('/');
      if (slash < 0) return key;
      const d = key.slice(0, slash);
      return `${name(decisions)(d)}: ${option(d, key.slice(slash + 1))}`;
    },
    request: name(requests),
    inject: name(injects),
    item: name(items),
    action: (played, described) => {
      const p = played.payload;
      const ref = (texts: Map<string, Text> | undefined, id: unknown, server?: StudioRef) =>
        server?.text ? server : { id: String(id), text: texts?.get(String(id)) ?? null };
      const d = described;
      switch (played.type) {
        case 'decision.made':
        case 'joint.signed':
          return {
            type: played.type,
            decision: ref(decisions, p.decision, d && 'decision' in d ? d.decision : undefined),
            option: ref(
              options.get(String(p.decision)),
              p.option,
              d && 'option' in d ? d.option : undefined,
            ),
          };
        case 'request.sent':
          return {
            type: played.type,
            request: ref(requests, p.request, d && 'request' in d ? d.request : undefined),
          };
        case 'request.answered':
          return {
            type: played.type,
            request: ref(requests, p.request, d && 'request' in d ? d.request : undefined),
            granted: p.granted === true,
          };
        case 'inject.released':
          return {
            type: played.type,
            inject: ref(injects, p.inject, d && 'inject' in d ? d.inject : undefined),
          };
        case 'clock.ticked':
          return { type: played.type, minutes: Number(p.minutes) };
      }
    },
  };
}
