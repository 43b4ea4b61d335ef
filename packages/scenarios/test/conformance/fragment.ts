/**
 * Conformance fragments: a tiny scenario per situation of the rubric sketch (R01–R38), written only with
 * the language's neutral facts and acts (no annotations, no rule ids, no verdicts), and scripts that play it
 * the compliant way and the non-compliant way. The legal model must reach the expected findings on its own.
 */
import { compile, debrief, parseScenario, replay } from '../../src';
import type { CompiledScenario, Debrief, LogLine } from '../../src';
import { scriptLog, type LabStep } from '../scoring/lab';

export type Json = Record<string, unknown>;
const T = (en: string): Json => ({ en, 'sr-Latn': en });

/** A step: "decision/option", the clock moved on, a request sent or answered, or an inject released. */
export type Step = LabStep;

export interface Fragment {
  /** People with their neutral facts (kind, age, languages, vulnerabilities, asylum wish...). */
  people?: Json[];
  /** decision id → option id → effects. Each decision is taken by border_police unless `agencies` says. */
  decisions: Record<string, Record<string, Json[]>>;
  agencies?: Record<string, string[]>;
  evidence?: Json[];
  requests?: Json[];
  injects?: Json[];
}

export interface Expectation {
  /** Rules the model must find on this path. */
  present?: string[];
  /** Rules it must not find on this path. */
  absent?: string[];
  /** Evidence the case file must exclude. */
  excluded?: string[];
  /** Evidence the case file may use only in support of other evidence. */
  weakened?: string[];
  /** Evidence the case file must count as admissible, and the engine must not mark tainted. */
  admissible?: string[];
  /** Evidence the engine must mark tainted (what a scenario's `status: tainted` condition reads). */
  tainted?: string[];
}

export interface ConformanceCase {
  situation: string;
  title: string;
  fragment: Fragment;
  compliant: { steps: Step[]; expect: Expectation };
  nonCompliant: { steps: Step[]; expect: Expectation };
}

export interface GuardCase {
  situation: string;
  title: string;
  fragment: Fragment;
  steps: Step[];
  /** Rules that must not be found: the model must not penalise (or reward) what the law does not. */
  absent: string[];
  /** Optionally, rules that must be found on the same path (what the law does require). */
  present?: string[];
  /** Evidence that must stay admissible (case file and engine) on this path. */
  admissible?: string[];
  /** Evidence that must count only in support of other evidence (never excluded outright). */
  weakened?: string[];
}

const AGENCIES = [
  { id: 'border_police', name: T('Border police'), playable: 'required', briefing: T('b') },
  { id: 'prosecutor', name: T('Prosecutor'), playable: 'required', briefing: T('b') },
  { id: 'social_work', name: T('Social work'), playable: 'optional', briefing: T('b') },
  { id: 'judge', name: T('Judge'), playable: 'facilitator', briefing: T('b') },
];

/** The fragment as a language 2 scenario. */
export function fragmentScenario(id: string, f: Fragment): Json {
  return {
    language: 2,
    id,
    version: '1.0.0',
    title: T(id),
    summary: T('Conformance fragment'),
    durationMinutes: 30,
    languages: ['en'],
    timeLimitMinutes: 50000,
    timeLimitEnding: 'timeout',
    agencies: AGENCIES,
    people: f.people ?? [],
    evidence: f.evidence ?? [],
    requests: f.requests ?? [],
    injects: f.injects ?? [],
    phases: [
      {
        id: 'work',
        title: T('Work'),
        description: T('w'),
        decisions: Object.entries(f.decisions).map(([did, options]) => ({
          id: did,
          title: T(did),
          prompt: T(did),
          agencies: f.agencies?.[did] ?? ['border_police'],
          options: Object.entries(options).map(([oid, effects]) => ({
            id: oid,
            label: T(oid),
            timeCost: 0,
            effects,
          })),
        })),
      },
    ],
    endings: [{ id: 'timeout', title: T('Timeout'), description: T('t'), kind: 'other' }],
  };
}

const cache = new Map<string, CompiledScenario>();

export function compileFragment(id: string, f: Fragment): CompiledScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const r = parseScenario(JSON.stringify(fragmentScenario(id, f)), {
    format: 'json',
    catalogue: true,
  });
  if (!r.ok) throw new Error(`${id}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const c = compile(r.scenario);
  cache.set(id, c);
  return c;
}

export function fragmentLog(c: CompiledScenario, steps: Step[]): LogLine[] {
  return scriptLog(c, steps);
}

export interface Run {
  debrief: Debrief;
  rules: Set<string>;
  rejected: number;
  /** Evidence id → its status in the case file. */
  evidence: Map<string, string>;
  /** Evidence the engine marked tainted. */
  tainted: Set<string>;
}

export function play(id: string, f: Fragment, steps: Step[]): Run {
  const c = compileFragment(id, f);
  const log = fragmentLog(c, steps);
  const d = debrief(c, log);
  const t = d.teams[0];
  const state = replay(c, log).teams.t1;
  return {
    debrief: d,
    rules: new Set((t?.items ?? []).map((i) => i.ruleId)),
    rejected: t?.rejected.length ?? 0,
    evidence: new Map((t?.evidence ?? []).map((e) => [e.id, e.status])),
    tainted: new Set(
      Object.entries(state?.evidence ?? {})
        .filter(([, e]) => e.tainted)
        .map(([k]) => k),
    ),
  };
}

/** What a path's findings and case file lack against its expectation (empty: met). */
export function shortfalls(run: Run, e: Expectation): string[] {
  const status = (id: string) => run.evidence.get(id) ?? 'not obtained';
  return [
    ...(run.rejected > 0 ? [`${run.rejected} event(s) rejected`] : []),
    ...(e.present ?? []).filter((r) => !run.rules.has(r)).map((r) => `missing ${r}`),
    ...(e.absent ?? []).filter((r) => run.rules.has(r)).map((r) => `unexpected ${r}`),
    ...(e.excluded ?? [])
      .filter((x) => status(x) !== 'excluded')
      .map((x) => `${x} ${status(x)}, not excluded`),
    ...(e.weakened ?? [])
      .filter((x) => status(x) !== 'weakened')
      .map((x) => `${x} ${status(x)}, not weakened`),
    ...(e.admissible ?? [])
      .filter((x) => status(x) !== 'admissible' || run.tainted.has(x))
      .map(
        (x) => `${x} ${status(x)}${run.tainted.has(x) ? ' (engine: tainted)' : ''}, not admissible`,
      ),
    ...(e.tainted ?? [])
      .filter((x) => !run.tainted.has(x))
      .map((x) => `${x} not tainted in the engine state`),
  ];
}

/** Whether a path's findings meet its expectation. */
export function meets(run: Run, e: Expectation): boolean {
  return shortfalls(run, e).length === 0;
}
