/**
 * Facts, not conclusions: a catalogue scenario states what happened and the legal model decides what it
 * means. This finds the places where a scenario names a rubric rule or writes a legal verdict itself:
 * option annotations (a rule id with points), an option's own feedback text (`debrief`), rule ids
 * inside texts, and facts whose name or values are a legal conclusion ("unlawful", "reckless",
 * "breach"...), and `taint` effects (an author declaring an item inadmissible); also an `undercover`
 * act that leaves out whether an order authorised it, which leaves the verdict to a guess.
 * `scenarios:check` fails a catalogue scenario on any of them (and warns for other files).
 */
import { coded, type Coded } from './problems';
import type { Effect, Scenario, Text } from './schema';
import { TAINT_DEPRECATED } from './validate';

type Seg = string | number;
/** A finding: the English `message` for the command line, `code` and `params` for an editor. */
export interface VerdictProblem extends Coded {
  path: Seg[];
  message: string;
}

/** Rule ids as they appear in texts: the sketch's R01..R38, or rubric ids such as RIGHTS.LIFE.TRIAGE. */
/** An undercover operation must say whether, and by whose order, it was authorised. */
export const UNDERCOVER_ORDER_UNSTATED =
  'the undercover act does not say whether an order authorised the operation: add "order: judicial", "order: prosecutor" or "order: none" to its params (the order in force before it began). Without it the model reads the order from what the operation obtained, and credits no authorisation when it obtained nothing';

/** An option's own feedback text: what a choice means is the legal model's to say. */
export const OPTION_FEEDBACK_AUTHORED =
  'the option carries its own feedback ("debrief"); what a choice means is the legal model\'s to say, and trainees are shown its findings instead, so this text is never shown: remove it, and state what happened in the effects';

const RULE_ID_IN_TEXT = /\b(R(?:0[1-9]|[1-3][0-9])|(?:RIGHTS|EVIDENCE)(?:\.[A-Z0-9_]+)+)\b/;

/** Words that state a legal conclusion rather than a fact, as parts of an id or value. */
const VERDICT_WORDS = new Set([
  'lawful',
  'unlawful',
  'illegitimate',
  'reckless',
  'breach',
  'breached',
  'violation',
  'violated',
  'compliant',
  'noncompliant',
  'inadmissible',
  'admissible',
  'tainted',
  'arbitrary',
  'disproportionate',
  'proportionate',
  'negligent',
]);

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

const verdictWord = (id: string): string | undefined =>
  id
    .toLowerCase()
    .split(/[_-]/)
    .find((w) => VERDICT_WORDS.has(w));

function texts(t: Text): string[] {
  return typeof t === 'string' ? [t] : Object.values(t).filter((x): x is string => !!x);
}

export function findVerdicts(s: Scenario): VerdictProblem[] {
  const out: VerdictProblem[] = [];
  const text = (t: Text | undefined, path: Seg[]) => {
    if (t === undefined) return;
    for (const x of texts(t)) {
      const m = RULE_ID_IN_TEXT.exec(x);
      if (m) {
        const rule = m[1] ?? '';
        out.push({
          path,
          message: `the text names the rubric rule "${rule}"; a scenario states what happens, the rubric names the rules`,
          ...coded('rule_named_in_text', { rule }),
        });
        return;
      }
    }
  };
  text(s.title, ['title']);
  text(s.summary, ['summary']);
  s.objectives.forEach((o, i) => text(o, ['objectives', i]));
  s.agencies.forEach((a, i) => text(a.briefing, ['agencies', i, 'briefing']));
  s.facts.forEach((f, i) => {
    const w = verdictWord(f.id);
    if (w)
      out.push({
        path: ['facts', i, 'id'],
        message: `fact "${f.id}" states a legal conclusion ("${w}"); name what happened instead and let the legal model judge it`,
        ...coded('verdict_fact_id', { fact: f.id, word: w }),
      });
    for (const v of f.values ?? []) {
      const vw = verdictWord(v);
      if (vw)
        out.push({
          path: ['facts', i, 'values'],
          message: `value "${v}" of fact "${f.id}" states a legal conclusion ("${vw}"); name what happened instead`,
          ...coded('verdict_fact_value', { fact: f.id, value: v, word: vw }),
        });
    }
    text(f.description, ['facts', i, 'description']);
  });
  s.phases.forEach((p, pi) => {
    text(p.title, ['phases', pi, 'title']);
    text(p.description, ['phases', pi, 'description']);
    p.decisions.forEach((d, di) => {
      const base: Seg[] = ['phases', pi, 'decisions', di];
      text(d.title, [...base, 'title']);
      text(d.prompt, [...base, 'prompt']);
      d.options.forEach((o, oi) => {
        const ob: Seg[] = [...base, 'options', oi];
        text(o.label, [...ob, 'label']);
        if (o.debrief !== undefined)
          out.push({
            path: [...ob, 'debrief'],
            message: OPTION_FEEDBACK_AUTHORED,
            ...coded('option_feedback_authored', {}),
          });
        (o.annotations ?? []).forEach((a, ai) =>
          out.push({
            path: [...ob, 'annotations', ai],
            message: `the option rates itself with rubric rule "${a.rule}" (${signed(a.points)} ${a.axis}); record the acts and facts instead and let the legal model score them`,
            ...coded('option_rates_itself', {
              rule: a.rule,
              points: signed(a.points),
              axis: a.axis,
            }),
          }),
        );
      });
    });
  });
  const effects = (list: readonly Effect[] | undefined, path: Seg[]): void =>
    list?.forEach((e, i) => {
      if ('taint' in e)
        out.push({
          path: [...path, i, 'taint'],
          message: TAINT_DEPRECATED,
          ...coded('taint_deprecated', {}),
        });
      if ('act' in e && e.act === 'undercover' && e.params?.order === undefined)
        out.push({
          path: [...path, i, 'params'],
          message: UNDERCOVER_ORDER_UNSTATED,
          ...coded('undercover_order_unstated', {}),
        });
      if ('if' in e) {
        effects(e.then, [...path, i, 'then']);
        effects(e.else, [...path, i, 'else']);
      }
    });
  s.phases.forEach((p, pi) => {
    effects(p.onEnter, ['phases', pi, 'onEnter']);
    p.decisions.forEach((d, di) =>
      d.options.forEach((o, oi) =>
        effects(o.effects, ['phases', pi, 'decisions', di, 'options', oi, 'effects']),
      ),
    );
  });
  s.requests.forEach((r, i) => {
    effects(r.grantEffects, ['requests', i, 'grantEffects']);
    effects(r.refuseEffects, ['requests', i, 'refuseEffects']);
  });
  s.injects.forEach((inj, i) => effects(inj.effects, ['injects', i, 'effects']));
  s.documents.forEach((d, i) => {
    text(d.title, ['documents', i, 'title']);
    text(d.body, ['documents', i, 'body']);
  });
  s.evidence.forEach((e, i) => {
    text(e.title, ['evidence', i, 'title']);
    text(e.description, ['evidence', i, 'description']);
  });
  s.injects.forEach((inj, i) => {
    text(inj.title, ['injects', i, 'title']);
    text(inj.body, ['injects', i, 'body']);
  });
  s.requests.forEach((r, i) => {
    text(r.title, ['requests', i, 'title']);
    text(r.body, ['requests', i, 'body']);
  });
  s.endings.forEach((e, i) => {
    text(e.title, ['endings', i, 'title']);
    text(e.description, ['endings', i, 'description']);
  });
  return out;
}
