/**
 * Compiling a validated scenario: indexes for fast lookup, and the xstate v5 machine that runs
 * one team. Each phase is a state of the machine; `ended` is its final state. The machine has no
 * timers and no side effects: time advances only through events, and all work happens in one
 * `assign` that calls the pure reducer (reduce.ts).
 */
import { assign, createActor, setup } from 'xstate';
import type { AnyActorScope, MachineSnapshot } from 'xstate';
import type {
  Agency,
  DocumentDef,
  Ending,
  EvidenceDef,
  Fact,
  Inject,
  Option,
  Person,
  Phase,
  RequestDef,
  Resource,
  Scenario,
  Decision,
} from './schema';
import { testOf } from './conditions';
import { beginsMinute } from './schema';
import type { Test } from './conditions';
import { ENGINE_EVENT_TYPES, type EngineEvent } from '@crossroads/shared';
import { reduce } from './reduce';
import type { Run } from './reduce';
import type { TeamState } from './state';

export interface CompiledDecision {
  def: Decision;
  phase: string;
  options: Map<string, Option>;
  /** Agencies that may take it (agencies ∪ joint). */
  allowed: Set<string>;
}

/** The event the machine receives: the engine event plus the reducer's working area. */
export interface MachineEvent {
  type: EngineEvent['type'];
  event: EngineEvent;
  run: Run;
}

/**
 * The machine's context wraps the team state in one field: xstate copies the context object on
 * every assign, and one field is cheaper to copy than the whole state's top level.
 */
export interface TeamContext {
  team: TeamState;
}

export type TeamMachine = ReturnType<typeof buildMachine>;
export type TeamSnapshot = MachineSnapshot<
  TeamContext,
  MachineEvent,
  never,
  string,
  string,
  unknown,
  never,
  never
>;

export interface CompiledScenario {
  scenario: Scenario;
  id: string;
  version: string;
  start: string;
  agencies: Map<string, Agency>;
  /** Agencies played by trainees (required + optional), in scenario order. */
  playable: string[];
  people: Map<string, Person>;
  facts: Map<string, Fact>;
  resources: Map<string, Resource>;
  documents: Map<string, DocumentDef>;
  evidence: Map<string, EvidenceDef>;
  /** evidence id → items derived from it. */
  derivedChildren: Map<string, string[]>;
  phases: Map<string, Phase>;
  decisions: Map<string, CompiledDecision>;
  /** Decisions of each phase, in scenario order. */
  decisionsByPhase: Map<string, CompiledDecision[]>;
  requests: Map<string, RequestDef>;
  injects: Map<string, Inject>;
  endings: Map<string, Ending>;
  /** Phase id → scenario minute at which its story begins (phases with `begins` only). */
  phaseBegins: Map<string, number>;
  /** Injects released at a fixed time, sorted by time (stable). */
  timedInjects: { id: string; at: number }[];
  /** Injects released when a condition becomes true, in scenario order. */
  conditionalInjects: { id: string; test: Test }[];
  /** Endings with a `when`, in scenario order. */
  conditionalEndings: { id: string; test: Test }[];
  groups: Record<'all_migrants' | 'all_suspects' | 'all_people', string[]>;
  machine: TeamMachine;
  /** A reusable inert actor scope for pure transitions (see engine.ts). */
  scope: AnyActorScope;
}

/** Name of the transient routing state and final states start with '_', so they cannot clash with phase ids (which start with a letter). */
const ROUTE = '_route';
export const ENDED = '_ended';

function buildMachine(compiledRef: { current?: CompiledScenario }, s: Scenario, start: string) {
  const phaseIds = s.phases.map((p) => p.id);
  // Each phase leaves through one cheap guard ("did the phase change or the run end?") into a
  // transient `route` state, which picks the new phase. Most events change neither, so only
  // one guard runs per event.
  const states: Record<string, object> = {};
  for (const id of phaseIds) {
    states[id] = {
      always: {
        guard: ({ context }: { context: TeamContext }) =>
          context.team.ended !== null || context.team.phase !== id,
        target: ROUTE,
      },
    };
  }
  states[ROUTE] = {
    always: [
      {
        guard: ({ context }: { context: TeamContext }) => context.team.ended !== null,
        target: ENDED,
      },
      ...phaseIds.map((other) => ({
        guard: ({ context }: { context: TeamContext }) => context.team.phase === other,
        target: other,
      })),
    ],
  };
  states[ENDED] = { type: 'final' };
  return setup({
    types: {
      context: {} as TeamContext,
      events: {} as MachineEvent,
      input: {} as TeamContext,
    },
    actions: {
      apply: assign(({ context, event }) => {
        const compiled = compiledRef.current;
        if (!compiled) throw new Error('scenario machine used before compile() finished');
        return { team: reduce(compiled, context.team, event) };
      }),
    },
  }).createMachine({
    id: s.id,
    context: ({ input }) => input,
    initial: start,
    on: Object.fromEntries(ENGINE_EVENT_TYPES.map((t) => [t, { actions: 'apply' as const }])),
    // Each phase is a state; `always` follows context.phase / context.ended after every event.
    states: states as Record<string, { always?: never }>,
  });
}

export function compile(scenario: Scenario): CompiledScenario {
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
  const decisions = new Map<string, CompiledDecision>();
  for (const p of scenario.phases)
    for (const d of p.decisions)
      decisions.set(d.id, {
        def: d,
        phase: p.id,
        options: byId(d.options),
        allowed: new Set([...d.agencies, ...(d.joint ?? [])]),
      });
  const derivedChildren = new Map<string, string[]>();
  for (const ev of scenario.evidence)
    for (const parent of ev.derivedFrom ?? [])
      derivedChildren.set(parent, [...(derivedChildren.get(parent) ?? []), ev.id]);

  const start = scenario.start ?? scenario.phases[0]?.id;
  if (start === undefined) throw new Error('a scenario needs at least one phase');
  const ref: { current?: CompiledScenario } = {};
  const machine = buildMachine(ref, scenario, start);
  const self = createActor(machine, { input: undefined as unknown as TeamContext });
  // The same inert scope xstate's own `transition()` builds on every call, built once.
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;

  const compiled: CompiledScenario = {
    scenario,
    id: scenario.id,
    version: scenario.version,
    start,
    agencies: byId(scenario.agencies),
    playable: scenario.agencies.filter((a) => a.playable !== 'facilitator').map((a) => a.id),
    people: byId(scenario.people),
    facts: byId(scenario.facts),
    resources: byId(scenario.resources),
    documents: byId(scenario.documents),
    evidence: byId(scenario.evidence),
    derivedChildren,
    phases: byId(scenario.phases),
    decisions,
    decisionsByPhase: new Map(
      scenario.phases.map((p) => [
        p.id,
        p.decisions.map((d) => decisions.get(d.id) as CompiledDecision),
      ]),
    ),
    requests: byId(scenario.requests),
    injects: byId(scenario.injects),
    endings: byId(scenario.endings),
    phaseBegins: new Map(
      scenario.phases.flatMap((p) =>
        p.begins && scenario.startTime !== undefined
          ? [[p.id, beginsMinute(p.begins, scenario.startTime)] as const]
          : [],
      ),
    ),
    timedInjects: scenario.injects
      .flatMap((i) =>
        typeof i.release === 'object' && 'at' in i.release ? [{ id: i.id, at: i.release.at }] : [],
      )
      .sort((a, b) => a.at - b.at),
    conditionalInjects: scenario.injects.flatMap((i) =>
      typeof i.release === 'object' && 'when' in i.release
        ? [{ id: i.id, test: testOf(i.release.when) }]
        : [],
    ),
    conditionalEndings: scenario.endings.flatMap((e) =>
      e.when ? [{ id: e.id, test: testOf(e.when) }] : [],
    ),
    groups: {
      all_migrants: scenario.people.filter((p) => p.kind === 'migrant').map((p) => p.id),
      all_suspects: scenario.people.filter((p) => p.kind === 'suspect').map((p) => p.id),
      all_people: scenario.people.map((p) => p.id),
    },
    machine,
    scope,
  };
  ref.current = compiled;
  return compiled;
}
