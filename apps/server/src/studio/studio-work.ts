/**
 * What the studio's worker thread computes: validation, analysis, the legal-model preview of one
 * option, and solo dry-runs. Pure functions of the scenario text (parsed as data, never executed);
 * studio-worker.ts runs them off the main event loop.
 */
import {
  analyse,
  availableActions,
  compile,
  debrief,
  DEFAULT_RUBRIC,
  initialState,
  parseScenario,
  stateIdentity,
  stepDirect,
  whyOption,
  type CompiledScenario,
  type Effect,
  type Emitted,
  type LogLine,
  type Scenario,
  type ScenarioError,
  type TeamState,
  type Text,
} from '@crossroads/scenarios';
import type {
  DryRunAction,
  SessionSettings,
  StudioAction,
  StudioAnalysis,
  StudioDryRun,
  StudioEffect,
  StudioGraph,
  StudioPreview,
  StudioProblem,
  StudioRef,
  StudioValidation,
} from '@crossroads/shared';
import { parse } from 'yaml';
import { EngineRuntime } from '../catalogue/engine-runtime';

const TEAM = 'dry-run';

/** English (or the first) text of a Text value. */
export function en(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const record = text as Record<string, unknown>;
    const value = record.en ?? Object.values(record)[0];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

const problems = (list: readonly ScenarioError[]): StudioProblem[] =>
  list.map((e) => ({
    path: e.path,
    ...(e.line !== undefined ? { line: e.line } : {}),
    message: e.message,
    ...(e.code !== undefined ? { code: e.code, params: e.params ?? {} } : {}),
  }));

type Loaded =
  | { ok: true; scenario: Scenario; compiled: CompiledScenario; warnings: ScenarioError[] }
  | { ok: false; errors: ScenarioError[]; warnings: ScenarioError[] };

/**
 * The checker's warnings and the verdict findings (a text naming a rubric rule, a fact stating a
 * legal conclusion, an option rating itself): the studio shows the findings as warnings, since the
 * legal model, not the author, decides what the facts mean. A finding the checker also warns about
 * at the same place (a `taint` effect) is shown once.
 */
function withVerdicts(warnings: ScenarioError[], verdicts: ScenarioError[]): ScenarioError[] {
  const seen = new Set(warnings.map((w) => `${w.code ?? ''}\u0000${w.path}`));
  return [...warnings, ...verdicts.filter((v) => !seen.has(`${v.code ?? ''}\u0000${v.path}`))];
}

function load(source: string): Loaded {
  const parsed = parseScenario(source, { file: 'scenario.yaml' });
  if (!parsed.ok) return parsed;
  const warnings = withVerdicts(parsed.warnings, parsed.verdicts);
  try {
    return {
      ok: true,
      scenario: parsed.scenario,
      compiled: compile(parsed.scenario),
      warnings,
    };
  } catch (err) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `cannot compile: ${(err as Error).message}`,
          code: 'cannot_compile',
          params: { detail: (err as Error).message },
        },
      ],
      warnings,
    };
  }
}

/** goto/end targets of a list of effects (both branches of every `if`). */
function targets(effects: readonly Effect[] | undefined, out: string[] = []): string[] {
  for (const effect of effects ?? []) {
    if ('goto' in effect) out.push(effect.goto);
    else if ('end' in effect) out.push(effect.end);
    else if ('if' in effect) {
      targets(effect.then, out);
      targets(effect.else, out);
    }
  }
  return out;
}

/** The phase graph as the studio map draws it. `*` stands for "from any phase". */
export function graphOf(s: Scenario): StudioGraph {
  const edges: StudioGraph['edges'] = [];
  const phaseOf = (when: unknown): string => {
    const w = when as { phase?: unknown } | undefined;
    return typeof w?.phase === 'string' ? w.phase : '*';
  };
  for (const phase of s.phases) {
    for (const to of targets(phase.onEnter))
      edges.push({ from: phase.id, to, via: `enter:${phase.id}`, kind: 'enter' });
    for (const decision of phase.decisions)
      for (const option of decision.options)
        for (const to of targets(option.effects))
          edges.push({ from: phase.id, to, via: `${decision.id}/${option.id}`, kind: 'option' });
  }
  for (const request of s.requests ?? [])
    for (const to of targets([...(request.grantEffects ?? []), ...(request.refuseEffects ?? [])]))
      edges.push({
        from: phaseOf(request.when),
        to,
        via: `request:${request.id}`,
        kind: 'request',
      });
  for (const inject of s.injects ?? [])
    for (const to of targets(inject.effects))
      edges.push({ from: '*', to, via: `inject:${inject.id}`, kind: 'inject' });
  for (const ending of s.endings)
    if (ending.when) edges.push({ from: '*', to: ending.id, via: 'when', kind: 'when' });
  if (s.timeLimitEnding)
    edges.push({ from: '*', to: s.timeLimitEnding, via: 'time', kind: 'time' });
  return {
    phases: s.phases.map((p) => ({ id: p.id, title: p.title })),
    endings: s.endings.map((e) => ({ id: e.id, title: e.title, kind: e.kind })),
    edges,
    start: s.start ?? s.phases[0]?.id ?? null,
  };
}

/** Best-effort id, version and title from text that does not validate (for the list and messages). */
function headerOf(source: string): { id: string | null; version: string | null; title: string } {
  let data: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = parse(source, { maxAliasCount: 100 });
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // not YAML at all: keep the defaults
  }
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  return {
    id: str(data?.id),
    version: str(data?.version),
    title: (en(data?.title) || 'Untitled').slice(0, 200),
  };
}

export function validateSource(source: string): StudioValidation {
  const started = performance.now();
  const loaded = load(source);
  if (!loaded.ok) {
    return {
      ok: false,
      errors: problems(loaded.errors),
      warnings: problems(loaded.warnings),
      ...headerOf(source),
      languages: [],
      agencies: [],
      counts: {},
      graph: null,
      ms: performance.now() - started,
    };
  }
  const s = loaded.scenario;
  const decisions = s.phases.flatMap((p) => p.decisions);
  return {
    ok: true,
    errors: [],
    warnings: problems(loaded.warnings),
    id: s.id,
    version: s.version,
    title: en(s.title).slice(0, 200),
    languages: [...s.languages],
    agencies: s.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
      playable: a.playable,
    })),
    counts: {
      agencies: s.agencies.length,
      people: s.people.length,
      facts: s.facts.length,
      documents: s.documents.length,
      evidence: s.evidence.length,
      phases: s.phases.length,
      decisions: decisions.length,
      options: decisions.reduce((n, d) => n + d.options.length, 0),
      requests: s.requests.length,
      injects: s.injects.length,
      endings: s.endings.length,
      lines: source.split('\n').length,
    },
    graph: graphOf(s),
    ms: performance.now() - started,
  };
}

export function analyseSource(source: string, maxStates?: number): StudioAnalysis {
  const started = performance.now();
  const loaded = load(source);
  if (!loaded.ok)
    return {
      ok: false,
      errors: problems(loaded.errors),
      analysis: null,
      ms: performance.now() - started,
    };
  const analysis = analyse(loaded.compiled, maxStates !== undefined ? { maxStates } : {});
  const sound =
    analysis.deadEnds.count === 0 &&
    analysis.viewLeaks.length === 0 &&
    analysis.inconsistencies.length === 0;
  return { ok: sound, errors: [], analysis, ms: performance.now() - started };
}

type EngineAction = ReturnType<typeof availableActions>[number];

/** The actors of a solo run: every agency, then the facilitator (null). */
function actors(c: CompiledScenario): (string | null)[] {
  return [...c.agencies.keys(), null];
}

/** An id with the scenario's own text for it (null when the id names nothing). */
const ref = (id: unknown, text: Text | undefined): StudioRef => ({
  id: String(id),
  text: text ?? null,
});

/**
 * A played action as data: its type, the ids of its payload and the scenario's texts for them (none
 * without a compiled scenario).
 */
export function describeAction(
  c: CompiledScenario | null,
  type: DryRunAction['type'],
  payload: Record<string, unknown>,
): StudioAction {
  switch (type) {
    case 'decision.made':
    case 'joint.signed': {
      const d = c?.decisions.get(String(payload.decision));
      const o = d?.options.get(String(payload.option));
      return {
        type,
        decision: ref(payload.decision, d?.def.title),
        option: ref(payload.option, o?.label),
      };
    }
    case 'request.sent':
      return {
        type,
        request: ref(payload.request, c?.requests.get(String(payload.request))?.title),
      };
    case 'request.answered':
      return {
        type,
        request: ref(payload.request, c?.requests.get(String(payload.request))?.title),
        granted: payload.granted === true,
      };
    case 'inject.released':
      return { type, inject: ref(payload.inject, c?.injects.get(String(payload.inject))?.title) };
    case 'clock.ticked':
      return { type, minutes: Number(payload.minutes) };
  }
}

/** The title or name of a document, evidence item or person (what a reveal names). */
function itemText(c: CompiledScenario, id: string): Text | undefined {
  return c.documents.get(id)?.title ?? c.evidence.get(id)?.title ?? c.people.get(id)?.name;
}

/** One thing the engine did, as data; null for the bookkeeping the studio does not show. */
export function describeEmitted(c: CompiledScenario, e: Emitted): StudioEffect | null {
  switch (e.kind) {
    case 'act':
      return {
        kind: 'act',
        act: e.act.kind,
        persons: e.act.persons.map((p) => ref(p, c.people.get(p)?.name)),
      };
    case 'phase':
      return { kind: 'phase', phase: ref(e.phase, c.phases.get(e.phase)?.title) };
    case 'ended': {
      const ending = c.endings.get(e.ending);
      return {
        kind: 'ended',
        ending: ref(e.ending, ending?.title),
        endingKind: ending?.kind ?? 'other',
      };
    }
    case 'fact':
      return { kind: 'fact', fact: e.fact, value: e.value };
    case 'evidence':
      return {
        kind: 'evidence',
        evidence: ref(e.evidence, c.evidence.get(e.evidence)?.title),
        tainted: e.tainted,
        taintReasons: [...e.taintReasons],
      };
    case 'reveal':
      return { kind: 'reveal', item: ref(e.item, itemText(c, e.item)), to: [...e.to] };
    case 'inject':
      return { kind: 'inject', inject: ref(e.inject, c.injects.get(e.inject)?.title) };
    case 'request':
      return {
        kind: 'request',
        request: ref(e.request, c.requests.get(e.request)?.title),
        status: e.status,
      };
    case 'person':
      return {
        kind: 'person',
        person: ref(e.person, c.people.get(e.person)?.name),
        set: { ...e.set },
      };
    default:
      return null;
  }
}

/** The effects of one step worth showing. */
function effectsOf(c: CompiledScenario, emitted: readonly Emitted[]): StudioEffect[] {
  return emitted.flatMap((e) => describeEmitted(c, e) ?? []);
}

/**
 * The legal model's preview of one option: the shortest run (breadth first, bounded) to a state in
 * which the option can be chosen, then the option, scored by the debrief. Lists what the option's
 * own event causes: scored items, red lines and the engine's effects.
 */
export function previewOption(source: string, decision: string, option: string): StudioPreview {
  const started = performance.now();
  const done = (p: Omit<StudioPreview, 'ms'>): StudioPreview => ({
    ...p,
    ms: performance.now() - started,
  });
  const loaded = load(source);
  if (!loaded.ok)
    return done({
      ok: false,
      message: 'The scenario does not validate.',
      path: [],
      items: [],
      redLines: [],
      effects: [],
    });
  const c = loaded.compiled;
  const def = c.decisions.get(decision);
  if (!def || !def.options.has(option))
    return done({
      ok: false,
      message: `No option ${decision}/${option}.`,
      path: [],
      items: [],
      redLines: [],
      effects: [],
    });

  interface Node {
    state: TeamState;
    path: { role: string | null; type: DryRunAction['type']; payload: Record<string, unknown> }[];
  }
  const roles = actors(c);
  const seen = new Set<string>();
  const start = initialState(c, TEAM);
  let queue: Node[] = [{ state: start, path: [] }];
  seen.add(stateIdentity(start));
  let found: { node: Node; role: string } | undefined;
  let waited: StudioPreview['waited'];
  const MAX_STATES = 4000;
  const limit = c.scenario.timeLimitMinutes;
  /** Each actor's enabled actions in a state (asked once per state: the search and expansion share them). */
  const actionsOf = (state: TeamState): EngineAction[][] =>
    roles.map((role) => availableActions(c, state, role, { enabledOnly: true }));
  /** The agency that can choose the option now (given each actor's actions), if one can. */
  const chooser = (actions: EngineAction[][]): string | undefined => {
    const i = actions.findIndex(
      (list, r) =>
        roles[r] !== null &&
        list.some(
          (a) =>
            (a.type === 'decision.made' || a.type === 'joint.signed') &&
            a.decision === decision &&
            a.payload.option === option,
        ),
    );
    return i < 0 ? undefined : (roles[i] ?? undefined);
  };
  /**
   * When the one thing in the option's way is a scarce resource that is free later (and before the
   * time limit), the run waits for it as a facilitator would: the clock moves on to that minute.
   */
  const afterWaiting = (node: Node): { node: Node; role: string } | undefined => {
    const wait = whyOption(c, node.state, decision, option)?.wait;
    if (!wait || wait.freeAt === null || wait.freeAt <= node.state.clock) return undefined;
    if (limit !== undefined && wait.freeAt >= limit) return undefined;
    const payload = { minutes: wait.freeAt - node.state.clock };
    const tick = stepDirect(c, node.state, {
      type: 'clock.ticked',
      role: null,
      team: TEAM,
      payload,
      time: node.state.clock,
    });
    if (!tick.ok) return undefined;
    const role = chooser(actionsOf(tick.state));
    if (role === undefined) return undefined; // something else on the way got in (an inject, say)
    waited = {
      resource: wait.resource,
      minutes: payload.minutes,
      from: node.state.clock,
      until: wait.freeAt,
    };
    return {
      node: {
        state: tick.state,
        path: [...node.path, { role: null, type: 'clock.ticked', payload }],
      },
      role,
    };
  };
  search: while (queue.length > 0 && seen.size < MAX_STATES) {
    const actions = queue.map((node) => actionsOf(node.state));
    for (const [n, node] of queue.entries()) {
      const role = chooser(actions[n] ?? []);
      if (role !== undefined) {
        found = { node, role };
        break search;
      }
    }
    // No run this long reaches the option as it is: one that waits for its resource is as short.
    for (const node of queue) {
      found = afterWaiting(node);
      if (found) break search;
    }
    const next: Node[] = [];
    for (const [n, node] of queue.entries()) {
      for (const [r, role] of roles.entries()) {
        for (const action of actions[n]?.[r] ?? []) {
          const payload = action.payload as Record<string, unknown>;
          const step = stepDirect(c, node.state, {
            type: action.type,
            role,
            team: TEAM,
            payload,
            time: node.state.clock,
          });
          if (!step.ok) continue;
          const id = stateIdentity(step.state);
          if (seen.has(id)) continue;
          seen.add(id);
          next.push({
            state: step.state,
            path: [...node.path, { role, type: action.type, payload }],
          });
        }
      }
    }
    queue = next;
  }
  if (!found)
    return done({
      ok: false,
      message: `No run reaching this option was found within ${MAX_STATES} situations.`,
      path: [],
      items: [],
      redLines: [],
      effects: [],
    });

  // The option itself: every joint signer signs it, else the finder chooses it.
  const signers = def.def.joint ?? [found.role];
  const optionEvents = signers.map((role) => ({
    role,
    type: def.def.joint ? 'joint.signed' : 'decision.made',
    payload: { decision, option } as Record<string, unknown>,
  }));
  const events: LogLine[] = [
    {
      seq: 1,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: c.id, version: c.version, teams: [{ id: TEAM, name: 'Dry run' }] },
    },
  ];
  let state = start;
  const effects: StudioEffect[] = [];
  const optionSeqs = new Set<number>();
  for (const [i, ev] of [...found.node.path, ...optionEvents].entries()) {
    const isOption = i >= found.node.path.length;
    const seq = events.length + 1;
    const step = stepDirect(c, state, {
      ...ev,
      seq,
      team: TEAM,
      participant: null,
      time: state.clock,
    });
    if (!step.ok)
      return done({
        ok: false,
        message: step.message,
        path: [],
        items: [],
        redLines: [],
        effects: [],
      });
    events.push({
      seq,
      team: TEAM,
      role: ev.role,
      participant: null,
      type: ev.type,
      payload: ev.payload,
      time: state.clock,
    });
    state = step.state;
    if (isOption) {
      optionSeqs.add(seq);
      effects.push(...effectsOf(c, step.emitted));
    }
  }
  const result = debrief(c, events, DEFAULT_RUBRIC, { counterfactuals: false });
  const team = result.teams.find((t) => t.team === TEAM);
  const items = (team?.items ?? [])
    .filter((item) => optionSeqs.has(item.causedBySeq) && !item.undischarged)
    .map((item) => ({
      ruleId: item.ruleId,
      axis: item.axis,
      points: item.points,
      counted: item.counted,
      source: item.source,
      title: item.title,
      explanation: item.explanation,
      legalBasis: item.legalBasis.map((b) =>
        [b.instrument, b.article, b.case].filter((x) => x !== undefined).join(' '),
      ),
    }));
  return done({
    ok: true,
    path: found.node.path.map((p) => ({
      role: p.role,
      action: describeAction(c, p.type, p.payload),
    })),
    items,
    redLines: (team?.redLines ?? [])
      .filter((r) => optionSeqs.has(r.causedBySeq))
      .map((r) => r.ruleId),
    effects,
    ...(waited ? { waited } : {}),
  });
}

const DRY_RUN_SETTINGS: SessionSettings = {
  feedbackPolicy: 'hints',
  scoresVisibleToTrainees: false,
  timeRatio: 0,
  language: 'en',
};

/** Replays a solo run on the engine and returns the state and a role's view. Nothing is stored. */
export function dryRun(
  source: string,
  actions: readonly DryRunAction[],
  role: string | null,
  upTo?: number,
): StudioDryRun {
  const started = performance.now();
  const empty = { injects: [], pendingRequests: [] };
  const loaded = load(source);
  if (!loaded.ok)
    return {
      ok: false,
      message: 'The scenario does not validate: fix the errors first.',
      steps: [],
      actions: actions.map((a) => describeAction(null, a.type, a.payload)),
      phase: null,
      clock: 0,
      ended: null,
      view: null,
      facilitator: empty,
      ms: performance.now() - started,
    };
  const c = loaded.compiled;
  const runtime = new EngineRuntime(c);
  let state = initialState(c, TEAM);
  const steps: StudioDryRun['steps'] = [];
  const limit = Math.min(upTo ?? actions.length, actions.length);
  for (let i = 0; i < limit; i += 1) {
    const action = actions[i] as DryRunAction;
    const time = state.clock;
    const result = stepDirect(c, state, {
      seq: i + 1,
      team: TEAM,
      participant: null,
      role: action.role,
      type: action.type,
      payload: action.payload,
      time,
    });
    steps.push({
      index: i,
      role: action.role,
      action: describeAction(c, action.type, action.payload),
      time,
      accepted: result.ok,
      ...(result.ok ? {} : { code: result.code, message: String(result.message) }),
      effects: result.ok ? effectsOf(c, result.emitted) : [],
    });
    if (result.ok) state = result.state;
  }
  const facilitatorActions: EngineAction[] = availableActions(c, state, null);
  const ending = state.ended ? c.endings.get(state.ended.ending) : undefined;
  const view =
    role !== null && c.agencies.has(role)
      ? runtime.view(state as never, role, {
          team: { id: TEAM, name: 'Dry run' },
          settings: DRY_RUN_SETTINGS,
          running: false,
        })
      : null;
  return {
    ok: true,
    steps,
    actions: actions.map((a) => describeAction(c, a.type, a.payload)),
    phase: state.phase,
    clock: state.clock,
    ended: ending ? { id: ending.id, title: ending.title, kind: ending.kind } : null,
    view,
    facilitator: {
      injects: c.scenario.injects
        .filter((inject) => inject.release === 'facilitator')
        .map((inject) => ({
          id: inject.id,
          title: inject.title,
          released: state.injects[inject.id] !== undefined,
        })),
      pendingRequests: facilitatorActions
        .filter((a) => a.type === 'request.answered')
        .map((a) => {
          const id = String(a.payload.request);
          const r = state.requests[id];
          return {
            request: id,
            title: c.requests.get(id)?.title ?? id,
            from: r?.from ?? '',
            to: r?.to ?? '',
          };
        })
        .filter((r, i, all) => all.findIndex((x) => x.request === r.request) === i),
    },
    ms: performance.now() - started,
  };
}
