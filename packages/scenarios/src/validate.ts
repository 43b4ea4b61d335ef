/**
 * Checks that need the whole scenario: every id resolves, ids are unique, values fit their facts,
 * nobody is asked to play a facilitator-only agency, every ending can happen, no cycle of
 * phases traps a team with no way out, and every declared language is on every text.
 */
import {
  coded,
  type Coded,
  type GOT,
  type ProblemCode,
  type ProblemParams,
  type WHAT,
} from './problems';
import { beginsMinute } from './schema';
import type { Condition, Effect, Scenario } from './schema';

type Seg = string | number;
/** One problem: where, the checker's English words, and its kind and values (see problems.ts). */
export interface Problem {
  path: Seg[];
  message: string;
  code: ProblemCode;
  params: ProblemParams;
}

const LIST_ATTRS = new Set(['languages', 'vulnerabilities', 'traffickingIndicators']);
const NUMBER_ATTRS = new Set(['claimedAge', 'apparentAge', 'count']);
const BOOLEAN_ATTRS = new Set([
  'asylumExpressed',
  'smuggled',
  'accompanied',
  'guardian',
  'fearsRetaliation',
  'consulRequested',
  'withdrawn',
]);

/**
 * `taint` is an author's verdict ("this evidence is inadmissible"). Files that still use it keep loading; this
 * says which facts to write so the model reaches the exclusion itself.
 */
export const TAINT_DEPRECATED =
  '"taint" states a verdict (the item is inadmissible); it still works here but is deprecated. State what happened instead and the model excludes the item itself: the provenance of "obtained" (custody, interpreter, consent, order), the hearing beside it (interview without a guardian for a child or a lawyer for a suspect), "plea_agreement { formal: false }" (a promise off the record), "undercover { incitement: true }", "fiu_conversion { converted: false }", "custody_transfer { evidence, recorded: false }" (the item left the store without a record), or "withdrawn: true" on a witness who will no longer testify';

export function checkScenario(s: Scenario): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (path: Seg[], message: string, kind: Coded) =>
    errors.push({ path, message, ...kind });
  const warn = (path: Seg[], message: string, kind: Coded) =>
    warnings.push({ path, message, ...kind });

  const index = <T extends { id: string }>(items: readonly T[], base: Seg[], what: What) => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      if (map.has(item.id))
        err(
          [...base, i, 'id'],
          `duplicate ${what} id "${item.id}"`,
          coded('duplicate_id', { what, id: item.id }),
        );
      else map.set(item.id, item);
    });
    return map;
  };

  const agencies = index(s.agencies, ['agencies'], 'agency');
  const people = index(s.people, ['people'], 'person');
  const facts = index(s.facts, ['facts'], 'fact');
  const resources = index(s.resources, ['resources'], 'resource');
  const documents = index(s.documents, ['documents'], 'document');
  const evidence = index(s.evidence, ['evidence'], 'evidence');
  const phases = index(s.phases, ['phases'], 'phase');
  const requests = index(s.requests, ['requests'], 'request');
  const injects = index(s.injects, ['injects'], 'inject');
  const endings = index(s.endings, ['endings'], 'ending');
  for (const [id] of documents)
    if (evidence.has(id))
      err(
        ['documents'],
        `"${id}" is both a document and an evidence id`,
        coded('id_both_document_and_evidence', { id }),
      );

  const decisions = new Map<string, { options: Set<string> }>();
  s.phases.forEach((p, pi) =>
    p.decisions.forEach((d, di) => {
      const base: Seg[] = ['phases', pi, 'decisions', di];
      if (decisions.has(d.id))
        err(
          [...base, 'id'],
          `duplicate decision id "${d.id}"`,
          coded('duplicate_id', { what: 'decision', id: d.id }),
        );
      const options = new Set<string>();
      d.options.forEach((o, oi) => {
        if (options.has(o.id))
          err(
            [...base, 'options', oi, 'id'],
            `duplicate option id "${o.id}" in decision "${d.id}"`,
            coded('duplicate_option', { id: o.id, decision: d.id }),
          );
        options.add(o.id);
      });
      if (!decisions.has(d.id)) decisions.set(d.id, { options });
    }),
  );

  const ref = (map: Map<string, unknown>, id: string, path: Seg[], what: What) => {
    if (!map.has(id)) {
      const known = [...map.keys()];
      err(
        path,
        `unknown ${what} "${id}"${known.length > 0 ? ` (known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` : ` (the scenario defines no ${what}s)`}`,
        coded('unknown_ref', {
          what,
          id,
          known: `${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`,
        }),
      );
      return false;
    }
    return true;
  };
  const agencyRefs = (ids: readonly string[] | undefined, path: Seg[]) =>
    ids?.forEach((a, i) => ref(agencies, a, [...path, i], 'agency'));
  const playedBySomeone = (ids: readonly string[], path: Seg[]) =>
    ids.forEach((a, i) => {
      if (agencies.get(a)?.playable === 'facilitator')
        err(
          [...path, i],
          `agency "${a}" is played by the facilitator only, so it cannot take decisions`,
          coded('facilitator_cannot_decide', { agency: a }),
        );
    });

  // -- conditions ----------------------------------------------------------------
  const checkValueForFact = (factId: string, value: unknown, path: Seg[], op: string) => {
    const f = facts.get(factId);
    if (!f) return;
    if (f.type === 'boolean' && typeof value !== 'boolean')
      err(
        path,
        `fact "${factId}" is true/false, so "${op}" needs true or false`,
        coded('fact_needs_boolean', { fact: factId, op }),
      );
    if (f.type === 'counter' && typeof value !== 'number')
      err(
        path,
        `fact "${factId}" is a counter, so "${op}" needs a number`,
        coded('fact_needs_number', { fact: factId, op }),
      );
    if (f.type === 'enum' && (typeof value !== 'string' || !f.values?.includes(value)))
      err(
        path,
        `fact "${factId}" takes one of ${f.values?.join(', ')}; got ${JSON.stringify(value)}`,
        coded('fact_needs_value', {
          fact: factId,
          values: f.values?.join(', ') ?? '',
          ...gotParams(value),
        }),
      );
  };

  const cond = (c: Condition, path: Seg[]): void => {
    if ('all' in c) c.all.forEach((x, i) => cond(x, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((x, i) => cond(x, [...path, 'any', i]));
    else if ('not' in c) cond(c.not, [...path, 'not']);
    else if ('fact' in c) {
      if (!ref(facts, c.fact, [...path, 'fact'], 'fact')) return;
      const f = facts.get(c.fact);
      for (const op of ['eq', 'ne'] as const)
        if (c[op] !== undefined) checkValueForFact(c.fact, c[op], [...path, op], op);
      for (const op of ['gt', 'gte', 'lt', 'lte'] as const)
        if (c[op] !== undefined && f?.type !== 'counter')
          err(
            [...path, op],
            `"${op}" compares numbers, but fact "${c.fact}" is not a counter`,
            coded('compare_needs_counter', { fact: c.fact, op }),
          );
    } else if ('act' in c) {
      if (c.person !== undefined) ref(people, c.person, [...path, 'person'], 'person');
    } else if ('person' in c) {
      ref(people, c.person, [...path, 'person'], 'person');
      if (c.has !== undefined && !LIST_ATTRS.has(c.attr))
        err(
          [...path, 'has'],
          `"has" works on list attributes (languages, vulnerabilities, traffickingIndicators), not "${c.attr}"`,
          coded('has_needs_list', { attr: c.attr }),
        );
      for (const op of ['gt', 'gte', 'lt', 'lte'] as const)
        if (c[op] !== undefined && !NUMBER_ATTRS.has(c.attr))
          err(
            [...path, op],
            `"${op}" compares numbers, but "${c.attr}" is not a number`,
            coded('compare_needs_number', { attr: c.attr, op }),
          );
      for (const op of ['eq', 'ne'] as const) {
        const v = c[op];
        if (v === undefined) continue;
        if (LIST_ATTRS.has(c.attr))
          err(
            [...path, op],
            `"${c.attr}" is a list: use "has"`,
            coded('list_needs_has', { attr: c.attr }),
          );
        if (BOOLEAN_ATTRS.has(c.attr) && typeof v !== 'boolean')
          err(
            [...path, op],
            `"${c.attr}" is true or false`,
            coded('attr_needs_boolean', { attr: c.attr }),
          );
      }
    } else if ('evidence' in c) ref(evidence, c.evidence, [...path, 'evidence'], 'evidence');
    else if ('request' in c) ref(requests, c.request, [...path, 'request'], 'request');
    else if ('inject' in c) ref(injects, c.inject, [...path, 'inject'], 'inject');
    else if ('decided' in c) {
      if (!ref(decisions, c.decided, [...path, 'decided'], 'decision')) return;
      if (c.option !== undefined && !decisions.get(c.decided)?.options.has(c.option))
        err(
          [...path, 'option'],
          `decision "${c.decided}" has no option "${c.option}"`,
          coded('unknown_option', { decision: c.decided, option: c.option }),
        );
    } else if ('phase' in c) ref(phases, c.phase, [...path, 'phase'], 'phase');
    else if ('time' in c) {
      if (c.time.gte !== undefined && c.time.lt !== undefined && c.time.gte >= c.time.lt)
        err(
          [...path, 'time'],
          'this time window is empty (gte must be below lt)',
          coded('empty_time_window', {}),
        );
    }
  };

  // -- effects -------------------------------------------------------------------
  const effects = (list: readonly Effect[] | undefined, path: Seg[]) =>
    list?.forEach((e, i) => effect(e, [...path, i]));
  const effect = (e: Effect, path: Seg[]): void => {
    if ('set' in e && 'value' in e) {
      if (ref(facts, e.set, [...path, 'set'], 'fact'))
        checkValueForFact(e.set, e.value, [...path, 'value'], 'set');
    } else if ('inc' in e) {
      const type = ref(facts, e.inc, [...path, 'inc'], 'fact') ? facts.get(e.inc)?.type : undefined;
      if (type === 'boolean' || type === 'enum')
        err(
          [...path, 'inc'],
          `only counter facts can be increased; "${e.inc}" is ${type}`,
          coded('inc_needs_counter', { fact: e.inc, type }),
        );
    } else if ('reveal' in e) {
      if (!documents.has(e.reveal) && !evidence.has(e.reveal))
        err(
          [...path, 'reveal'],
          `unknown document or evidence "${e.reveal}"`,
          coded('unknown_revealed', { id: e.reveal }),
        );
      agencyRefs(e.to, [...path, 'to']);
    } else if ('obtained' in e) {
      ref(evidence, e.evidence, [...path, 'evidence'], 'evidence');
      if (e.by !== undefined) ref(agencies, e.by, [...path, 'by'], 'agency');
    } else if ('taint' in e) {
      ref(evidence, e.taint, [...path, 'taint'], 'evidence');
      warn([...path, 'taint'], TAINT_DEPRECATED, coded('taint_deprecated', {}));
    } else if ('act' in e) {
      if (e.act === 'custody_transfer' && e.params)
        ref(evidence, e.params.evidence, [...path, 'params', 'evidence'], 'evidence');
      if ((e.act === 'interview' || e.act === 'deposition') && e.params?.interpretedBy)
        ref(people, e.params.interpretedBy, [...path, 'params', 'interpretedBy'], 'person');
      if (e.person !== undefined) ref(people, e.person, [...path, 'person'], 'person');
      e.persons?.forEach((p, i) => ref(people, p, [...path, 'persons', i], 'person'));
      const targets = [e.person, e.persons, e.group].filter((x) => x !== undefined).length;
      if (targets > 1)
        err(
          path,
          'an act names its people with one of person, persons or group',
          coded('act_one_target', {}),
        );
    } else if ('person' in e) ref(people, e.person, [...path, 'person'], 'person');
    else if ('observe' in e) {
      ref(people, e.observe, [...path, 'observe'], 'person');
      agencyRefs(e.to, [...path, 'to']);
    } else if ('request' in e) ref(requests, e.request, [...path, 'request'], 'request');
    else if ('inject' in e) ref(injects, e.inject, [...path, 'inject'], 'inject');
    else if ('goto' in e) ref(phases, e.goto, [...path, 'goto'], 'phase');
    else if ('end' in e) ref(endings, e.end, [...path, 'end'], 'ending');
    else if ('if' in e) {
      cond(e.if, [...path, 'if']);
      effects(e.then, [...path, 'then']);
      effects(e.else, [...path, 'else']);
    }
  };

  // -- parts -----------------------------------------------------------------------
  s.people.forEach((p, i) => {
    agencyRefs(p.knownTo, ['people', i, 'knownTo']);
    agencyRefs(p.stateAgentsPresent, ['people', i, 'stateAgentsPresent']);
    p.linkedTo?.forEach((l, j) => {
      if (ref(people, l, ['people', i, 'linkedTo', j], 'person') && l === p.id)
        err(
          ['people', i, 'linkedTo', j],
          'a person cannot be linked to themselves',
          coded('person_linked_to_self', {}),
        );
    });
  });
  const mentions = (list: readonly { person: string }[] | undefined, path: Seg[]) =>
    list?.forEach((m, j) => ref(people, m.person, [...path, j, 'person'], 'person'));
  s.facts.forEach((f, i) => agencyRefs(f.visibleTo, ['facts', i, 'visibleTo']));
  s.documents.forEach((d, i) => {
    agencyRefs(d.visibleTo, ['documents', i, 'visibleTo']);
    mentions(d.about, ['documents', i, 'about']);
  });
  s.evidence.forEach((ev, i) => {
    agencyRefs(ev.visibleTo, ['evidence', i, 'visibleTo']);
    mentions(ev.about, ['evidence', i, 'about']);
    ev.derivedFrom?.forEach((d, j) => {
      if (ref(evidence, d, ['evidence', i, 'derivedFrom', j], 'evidence') && d === ev.id)
        err(
          ['evidence', i, 'derivedFrom', j],
          'an evidence item cannot be derived from itself',
          coded('evidence_derived_from_self', {}),
        );
    });
  });
  // A resource's hours are its `available` times, and players are told from them when it is free
  // ("Free from Day 3, 16:00."): hours written into its name as well would be said twice.
  s.resources.forEach((r, i) => {
    const hours = hoursIn(r.name);
    if (hours !== null)
      warn(
        ['resources', i, 'name'],
        `the name of resource "${r.id}" gives its hours ("${hours}"): players are told when it is free from its "available" times, so leave the hours out of the name (else they are said twice)`,
        coded('hours_in_resource_name', { resource: r.id, hours }),
      );
  });
  const capacity = (id: string) =>
    Math.max(0, ...(resources.get(id)?.available.map((a) => a.count) ?? [0]));

  s.phases.forEach((p, pi) => {
    if (p.begins) {
      if (s.startTime === undefined)
        err(
          ['phases', pi, 'begins'],
          'a phase can only begin at a time when the scenario has a startTime',
          coded('begins_without_start_time', {}),
        );
      else if (beginsMinute(p.begins, s.startTime) < 0)
        err(
          ['phases', pi, 'begins'],
          `Day 1 starts at ${s.startTime}: a phase cannot begin before it`,
          coded('begins_before_start', { startTime: s.startTime }),
        );
    }
    effects(p.onEnter, ['phases', pi, 'onEnter']);
    p.decisions.forEach((d, di) => {
      const base: Seg[] = ['phases', pi, 'decisions', di];
      agencyRefs(d.agencies, [...base, 'agencies']);
      playedBySomeone(d.agencies, [...base, 'agencies']);
      if (d.joint) {
        agencyRefs(d.joint, [...base, 'joint']);
        playedBySomeone(d.joint, [...base, 'joint']);
        const twice = d.joint.find((a, i) => d.joint?.indexOf(a) !== i);
        if (twice !== undefined)
          err(
            [...base, 'joint'],
            `agency "${twice}" is listed twice`,
            coded('agency_listed_twice', { agency: twice }),
          );
      }
      if (d.when) cond(d.when, [...base, 'when']);
      d.options.forEach((o, oi) => {
        const ob: Seg[] = [...base, 'options', oi];
        if (o.when) cond(o.when, [...ob, 'when']);
        if (o.requires)
          ref(requests, o.requires.request, [...ob, 'requires', 'request'], 'request');
        if (o.uses && ref(resources, o.uses.resource, [...ob, 'uses', 'resource'], 'resource')) {
          if (o.uses.count > capacity(o.uses.resource))
            err(
              [...ob, 'uses', 'count'],
              `resource "${o.uses.resource}" never has ${o.uses.count} available at once`,
              coded('resource_never_enough', {
                resource: o.uses.resource,
                needed: String(o.uses.count),
              }),
            );
        }
        effects(o.effects, [...ob, 'effects']);
      });
    });
  });
  s.requests.forEach((r, i) => {
    agencyRefs(r.from, ['requests', i, 'from']);
    playedBySomeone(r.from, ['requests', i, 'from']);
    ref(agencies, r.to, ['requests', i, 'to'], 'agency');
    if (r.when) cond(r.when, ['requests', i, 'when']);
    effects(r.grantEffects, ['requests', i, 'grantEffects']);
    effects(r.refuseEffects, ['requests', i, 'refuseEffects']);
  });
  s.injects.forEach((inj, i) => {
    agencyRefs(inj.to, ['injects', i, 'to']);
    if (typeof inj.release === 'object' && 'when' in inj.release)
      cond(inj.release.when, ['injects', i, 'release', 'when']);
    effects(inj.effects, ['injects', i, 'effects']);
  });
  s.endings.forEach((en, i) => {
    if (en.when) cond(en.when, ['endings', i, 'when']);
  });
  if (s.start !== undefined) ref(phases, s.start, ['start'], 'phase');
  if ((s.timeLimitMinutes === undefined) !== (s.timeLimitEnding === undefined))
    err(
      [s.timeLimitMinutes === undefined ? 'timeLimitEnding' : 'timeLimitMinutes'],
      'timeLimitMinutes and timeLimitEnding go together',
      coded('time_limit_pair', {}),
    );
  if (s.timeLimitEnding !== undefined)
    ref(endings, s.timeLimitEnding, ['timeLimitEnding'], 'ending');

  // Translations do not depend on the references being right: reported beside the errors above, so
  // an author fixing a file sees them at once and not only when everything else is fixed.
  const translations = missingTranslations(s, s.languages);
  if (errors.length > 0) return { errors: [...errors, ...translations], warnings };

  // -- can every ending happen? ----------------------------------------------------
  const endTargets = new Set<string>();
  const gotoOf = (
    list: readonly Effect[] | undefined,
    out: { goto: Set<string>; end: boolean },
  ) => {
    for (const e of list ?? []) {
      if ('goto' in e) out.goto.add(e.goto);
      else if ('end' in e) {
        out.end = true;
        endTargets.add(e.end);
      } else if ('if' in e) {
        gotoOf(e.then, out);
        gotoOf(e.else, out);
      }
    }
    return out;
  };
  const phaseEdges = new Map<string, { goto: Set<string>; end: boolean }>();
  for (const p of s.phases) {
    const out = gotoOf(p.onEnter, { goto: new Set(), end: false });
    for (const d of p.decisions) for (const o of d.options) gotoOf(o.effects, out);
    phaseEdges.set(p.id, out);
  }
  // A phase reached from a later one would put its story back in time; the clock never goes
  // back, so its title and the clock would disagree.
  if (s.startTime !== undefined) {
    const startTime = s.startTime;
    const at = new Map(
      s.phases.flatMap((p) => (p.begins ? [[p.id, beginsMinute(p.begins, startTime)]] : [])),
    );
    s.phases.forEach((p, pi) => {
      const from = at.get(p.id);
      if (from === undefined) return;
      for (const to of phaseEdges.get(p.id)?.goto ?? []) {
        const next = at.get(to);
        if (next !== undefined && next < from)
          warn(
            ['phases', pi, 'begins'],
            `phase "${p.id}" leads to "${to}", which begins earlier: the clock will not go back`,
            coded('phase_goes_back', { phase: p.id, to }),
          );
      }
    });
  }
  const global = { goto: new Set<string>(), end: false };
  for (const r of s.requests) {
    gotoOf(r.grantEffects, global);
    gotoOf(r.refuseEffects, global);
  }
  for (const inj of s.injects) gotoOf(inj.effects, global);
  if (s.timeLimitEnding) endTargets.add(s.timeLimitEnding);
  s.endings.forEach((en, i) => {
    if (!en.when && !endTargets.has(en.id))
      err(
        ['endings', i],
        `ending "${en.id}" can never happen: it has no "when", no effect ends with it, and it is not the time-limit ending`,
        coded('ending_never_happens', { ending: en.id }),
      );
  });

  // -- phase cycles with no exit -----------------------------------------------------
  const conditionalEndings = s.endings.some((en) => en.when !== undefined);
  if (!conditionalEndings && !global.end) {
    const exits = new Set<string>();
    for (const [id, e] of phaseEdges) if (e.end) exits.add(id);
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, e] of phaseEdges) {
        if (exits.has(id)) continue;
        if ([...e.goto, ...global.goto].some((t) => exits.has(t))) {
          exits.add(id);
          changed = true;
        }
      }
    }
    s.phases.forEach((p, pi) => {
      if (exits.has(p.id)) return;
      const cycle = findCycle(p.id, phaseEdges, global.goto);
      if (cycle) {
        err(
          ['phases', pi],
          `phases ${cycle.join(' → ')} form a cycle with no exit: no option in them ends the scenario or leads out`,
          coded('phase_cycle', { phases: cycle.join(' → ') }),
        );
      } else if (s.timeLimitMinutes === undefined) {
        err(
          ['phases', pi],
          `phase "${p.id}" leads to no ending (no end effect is reachable from it and there is no time limit)`,
          coded('phase_without_ending', { phase: p.id }),
        );
      }
    });
  }

  errors.push(...translations);
  return { errors, warnings };
}

/**
 * Translations: a language the scenario declares is on every text. Sessions are run in one of the
 * declared languages; a text without it would fall back to English in the middle of a Serbian
 * session, so a declared language is a promise the checker holds. Works on any data (also a file
 * whose shape is still wrong): it looks only at the text fields it finds.
 */
export function missingTranslations(data: unknown, languages: readonly string[]): Problem[] {
  const out: Problem[] = [];
  for (const lang of languages) {
    if (lang === 'en') continue; // every text has English (the Text schema requires it)
    const missing: Seg[][] = [];
    walkTexts(data, [], lang, missing);
    for (const path of missing.slice(0, MAX_TRANSLATION_ERRORS))
      out.push({
        path,
        message: `no ${lang} translation, although the scenario declares ${lang} in languages`,
        ...coded('no_translation', { lang }),
      });
    if (missing.length > MAX_TRANSLATION_ERRORS)
      out.push({
        path: ['languages'],
        message: `${missing.length} texts have no ${lang} translation (the first ${MAX_TRANSLATION_ERRORS} are listed); translate them or remove ${lang} from languages`,
        ...coded('many_missing_translations', {
          lang,
          missing: String(missing.length),
          listed: String(MAX_TRANSLATION_ERRORS),
        }),
      });
  }
  return out;
}

type What = (typeof WHAT)[number];

/** What a value is (`got` of a problem's values) and, for a scalar, the value itself. */
export function gotParams(v: unknown): { got: (typeof GOT)[number]; value?: string } {
  if (v === undefined) return { got: 'nothing' };
  if (v === null) return { got: 'null' };
  if (Array.isArray(v)) return { got: 'list' };
  if (typeof v === 'object') return { got: 'object' };
  if (typeof v === 'string')
    return { got: 'text', value: v.length > 40 ? `${v.slice(0, 40)}…` : v };
  if (typeof v === 'number') return { got: 'number', value: String(v) };
  // Scenario data is JSON: what is left is a boolean.
  return { got: 'boolean', value: String(v) };
}

/** A clock time (16:00) in any language of a name, or a day (day 3, days 2 and 3) in its English. */
function hoursIn(name: string | Record<string, string | undefined>): string | null {
  const texts = typeof name === 'string' ? [name] : Object.values(name);
  for (const t of texts) {
    const clock = t === undefined ? null : /\b\d{1,2}:\d{2}\b/.exec(t);
    if (clock) return clock[0];
  }
  const en = typeof name === 'string' ? name : name.en;
  return (en === undefined ? null : /\bdays? \d+\b/i.exec(en))?.[0] ?? null;
}

function findCycle(
  start: string,
  edges: Map<string, { goto: Set<string> }>,
  global: Set<string>,
): string[] | undefined {
  const stack: string[] = [];
  const onStack = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    if (onStack.has(id)) return [...stack.slice(stack.indexOf(id)), id];
    if (done.has(id)) return undefined;
    stack.push(id);
    onStack.add(id);
    for (const t of [...(edges.get(id)?.goto ?? []), ...global]) {
      const c = visit(t);
      if (c) return c;
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
    return undefined;
  };
  return visit(start);
}

const TEXT_KEYS = new Set([
  'title',
  'summary',
  'name',
  'briefing',
  'body',
  'description',
  'label',
  'prompt',
  'debrief',
  'note',
  'reason',
]);
const TEXT_LIST_KEYS = new Set(['objectives', 'contentWarnings']);

/** Per declared language, how many texts without it are reported one by one (then a count). */
const MAX_TRANSLATION_ERRORS = 20;

function walkTexts(v: unknown, path: Seg[], lang: string, missing: Seg[][]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => walkTexts(x, [...path, i], lang, missing));
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    // An act's parameters are codes (a consular notice's `reason: death`), never texts.
    if (k === 'params') continue;
    const isText = TEXT_KEYS.has(k);
    if (TEXT_LIST_KEYS.has(k) && Array.isArray(x)) {
      x.forEach((t, i) => {
        if (!hasLanguage(t, lang)) missing.push([...path, k, i]);
      });
    } else if (
      isText &&
      (typeof x === 'string' || (typeof x === 'object' && x !== null && 'en' in x))
    ) {
      if (!hasLanguage(x, lang)) missing.push([...path, k]);
    } else walkTexts(x, [...path, k], lang, missing);
  }
}

function hasLanguage(t: unknown, lang: string): boolean {
  return (
    typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>)[lang] === 'string'
  );
}
