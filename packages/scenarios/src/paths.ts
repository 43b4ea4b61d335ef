/**
 * Routes through the phase graph: an abstract analysis that counts, exactly within its model,
 * the ways a run can reach each ending, without exploring the (astronomical) concrete state space.
 *
 * The model. Nodes are phases and endings. Edges are what moves a team, labelled as the engine
 * labels it (`via` on the `phase`/`ended` events it emits):
 *  - an option whose effects `goto` a phase or `end` the run (`decision/option`; one decision step);
 *    `if` effects contribute both branches, `onEnter` effects of the phase entered (`enter:<phase>`)
 *    and injects released at once by an effect (`inject:<id>`) are followed as the engine does;
 *  - the grant/refuse effects of a request (`request:<id>`) and the effects of an inject
 *    (`inject:<id>`) that move the team, from any phase (no decision step);
 *  - an ending's `when` (`when`) and the time limit (`time`), from any phase (no decision step).
 * A guard (the `when` of a decision, option, inject release or ending) is read as a conjunction
 * of "anchors" (an atomic condition, or an `any` of atomic conditions); an anchor can hold on a
 * route when it holds at the start and nothing on the route made it false for good (evidence
 * obtained can never be "missing" again), or when something that can make it true is possible on
 * the route: an option of a phase visited so far (not an option of a decision the route already
 * took with another option), an `onEnter` of a visited phase, an inject or a request. Everything
 * else (order, time, counters) is left out, so the model over-approximates: every route a real run
 * takes is counted (analyse() checks this on the runs it explores), some counted routes may be
 * impossible in play.
 *
 * A route is a simple path (no phase twice) from the start to an ending; its length is the number of
 * decision steps on it. Routes are enumerated depth first up to a budget; `capped` says when the
 * budget was hit.
 */
import type { CompiledScenario } from './compile';
import type { Condition, Effect } from './schema';

export interface Hop {
  /** What moved the team (`decision/option`, `request:<id>`, `inject:<id>`, `enter:<phase>`, `when`, `time`). */
  via: string;
  /** Phase or ending id. */
  node: string;
  ending: boolean;
}

export interface RouteStats {
  /** Number of routes. */
  count: number;
  /** Fewest decision steps on a route (null: no route). */
  shortest: number | null;
  /** Most decision steps on a route (null: no route). */
  longest: number | null;
}

export interface PhaseGraphRoutes extends RouteStats {
  method: 'phase-graph';
  /** The enumeration budget was hit: counts are lower bounds. */
  capped: boolean;
  /** Edges of the phase graph (before guards). */
  edges: number;
  perEnding: Record<string, RouteStats>;
  /** Route keys per ending (only with `collect`), e.g. `d_go/o_yes>p2 when>e_done`. */
  routes?: Record<string, string[]>;
}

export interface RouteOptions {
  /** Stop after this many route extensions (default 1,000,000). */
  maxSteps?: number;
  /** Return the route keys (default false). */
  collect?: boolean;
  /** Keep at most this many keys per ending (default 100,000). */
  maxKeys?: number;
}

/** The key of a route (or part of one): what routes are compared by. */
export const hopKey = (hops: readonly Hop[]): string =>
  hops.map((h) => `${h.via}>${h.node}`).join(' ');

// ---------------------------------------------------------------------------
// Literals: atomic conditions, and what can make them true
// ---------------------------------------------------------------------------

interface Writer {
  phase: string;
  /** The option's decision (null for onEnter effects). */
  decision: string | null;
  option: string | null;
}

interface Literal {
  /** True at the start of a run. */
  initial: boolean;
  /** Made false for good when this evidence is obtained (a `missing` condition). */
  revokedBy: string | null;
  /** Something not tied to a phase (an inject, a request, the clock) can make it true. */
  anywhere: boolean;
  writers: Writer[];
  /** A `phase` condition: true only in this phase. */
  phase: string | null;
}

/** A disjunction of literals; a guard is a list of anchors (a conjunction). */
type Anchor = Literal[];

interface Source {
  effects: readonly Effect[];
  writer: Writer | null; // null: anywhere
}

function flatten(list: readonly Effect[], out: Effect[] = []): Effect[] {
  for (const e of list) {
    out.push(e);
    if ('if' in e) {
      flatten(e.then, out);
      if (e.else) flatten(e.else, out);
    }
  }
  return out;
}

function compare(v: unknown, c: Record<string, unknown>): boolean {
  if (c.eq !== undefined) return v === c.eq;
  if (c.ne !== undefined) return v !== c.ne;
  if (typeof v !== 'number') return false;
  if (typeof c.gt === 'number') return v > c.gt;
  if (typeof c.gte === 'number') return v >= c.gte;
  if (typeof c.lt === 'number') return v < c.lt;
  if (typeof c.lte === 'number') return v <= c.lte;
  return false;
}

const cleanlyObtained = (c: CompiledScenario, e: Extract<Effect, { obtained: unknown }>) => {
  const p = e.obtained;
  const needs = c.evidence.get(e.evidence)?.needsOrder;
  return (
    p.custody === 'kept' &&
    p.consent !== 'none' &&
    (p.interpreter === 'certified' || p.interpreter === 'not_needed') &&
    !(needs === 'judicial' && p.order !== 'judicial') &&
    !(needs === 'prosecutor' && p.order === 'none')
  );
};

class Model {
  readonly sources: Source[] = [];
  private readonly anchorCache = new WeakMap<Condition, Anchor[]>();
  private readonly repeatable = new Set<string>();

  constructor(readonly c: CompiledScenario) {
    for (const [phase, decisions] of c.decisionsByPhase) {
      for (const d of decisions) {
        if (d.def.repeatable) this.repeatable.add(d.def.id);
        for (const o of d.def.options)
          this.sources.push({
            effects: flatten(o.effects),
            writer: { phase, decision: d.def.id, option: o.id },
          });
      }
      const onEnter = c.phases.get(phase)?.onEnter;
      if (onEnter)
        this.sources.push({
          effects: flatten(onEnter),
          writer: { phase, decision: null, option: null },
        });
    }
    for (const r of c.requests.values())
      this.sources.push({
        effects: flatten([...(r.grantEffects ?? []), ...(r.refuseEffects ?? [])]),
        writer: null,
      });
    for (const i of c.injects.values())
      if (i.effects) this.sources.push({ effects: flatten(i.effects), writer: null });
  }

  /** A literal whose writers are the effects matching `writes`. */
  private lit(initial: boolean, writes: (e: Effect) => boolean, extra?: Partial<Literal>): Literal {
    const l: Literal = {
      initial,
      revokedBy: null,
      anywhere: false,
      writers: [],
      phase: null,
      ...extra,
    };
    for (const src of this.sources) {
      if (!src.effects.some(writes)) continue;
      if (src.writer === null) l.anywhere = true;
      else l.writers.push(src.writer);
    }
    return l;
  }

  /** The literal of an atomic condition, or null when it is not atomic (or cannot be judged). */
  literal(cond: Condition): Literal | null {
    const c = this.c;
    if ('fact' in cond) {
      const f = c.facts.get(cond.fact);
      const cmp = cond as Record<string, unknown>;
      return this.lit(
        f !== undefined && compare(f.initial, cmp),
        (e) =>
          ('set' in e && 'value' in e && e.set === cond.fact && compare(e.value, cmp)) ||
          ('inc' in e && e.inc === cond.fact),
      );
    }
    if ('act' in cond) {
      const person = cond.person;
      return this.lit(
        false,
        (e) =>
          'act' in e &&
          e.act === cond.act &&
          (person === undefined ||
            e.person === person ||
            (e.persons?.includes(person) ?? false) ||
            (e.group !== undefined && c.groups[e.group].includes(person))),
      );
    }
    if ('person' in cond) {
      const p = c.people.get(cond.person);
      const attr = cond.attr;
      const holds = (v: unknown) =>
        cond.has !== undefined
          ? Array.isArray(v) && (v as unknown[]).includes(cond.has)
          : compare(v ?? null, cond as Record<string, unknown>);
      const initialValue =
        p === undefined
          ? undefined
          : attr === 'count'
            ? (p.count ?? 1)
            : (p as unknown as Record<string, unknown>)[attr];
      return this.lit(
        p !== undefined && holds(initialValue),
        (e) =>
          'person' in e &&
          'set' in e &&
          e.person === cond.person &&
          typeof e.set === 'object' &&
          (e.set as Record<string, unknown>)[attr] !== undefined &&
          holds((e.set as Record<string, unknown>)[attr]),
      );
    }
    if ('evidence' in cond) {
      const id = cond.evidence;
      const obtains = (e: Effect): e is Extract<Effect, { obtained: unknown }> =>
        'obtained' in e && e.evidence === id;
      switch (cond.status) {
        case 'missing':
          return this.lit(true, () => false, { revokedBy: id });
        case 'obtained':
          return this.lit(false, obtains);
        case 'admissible':
          return this.lit(false, (e) => obtains(e) && cleanlyObtained(c, e));
        case 'tainted': {
          // Any obtaining may taint it: its provenance, or an act beside it (the hearing, a promise, incitement,
          // an intelligence report filed as it is), or its parent later on (fruit of the poisonous tree); so
          // may an unrecorded hand-over, and the deprecated `taint` effect.
          return this.lit(
            false,
            (e) =>
              obtains(e) ||
              ('taint' in e && e.taint === id) ||
              ('act' in e &&
                e.act === 'custody_transfer' &&
                e.params?.evidence === id &&
                !e.params.recorded),
          );
        }
      }
    }
    if ('request' in cond) {
      if (cond.status === 'none') return this.lit(true, () => false);
      const sendable = c.requests.get(cond.request)?.sendable ?? false;
      const l = this.lit(false, (e) => 'request' in e && e.request === cond.request);
      if (sendable) l.anywhere = true;
      return l;
    }
    if ('inject' in cond) {
      if (!cond.released) return this.lit(true, () => false);
      const inj = c.injects.get(cond.inject);
      const l = this.lit(false, (e) => 'inject' in e && e.inject === cond.inject);
      if (inj && inj.release !== 'effect') l.anywhere = true;
      return l;
    }
    if ('decided' in cond) {
      const d = c.decisions.get(cond.decided);
      const l = this.lit(false, () => false);
      for (const o of d?.def.options ?? [])
        if (cond.option === undefined || cond.option === o.id)
          l.writers.push({ phase: d?.phase ?? '', decision: cond.decided, option: o.id });
      return l;
    }
    if ('phase' in cond) return this.lit(false, () => false, { phase: cond.phase });
    return null; // time, and anything composite: not judged (may hold)
  }

  /** The anchors of a guard: conditions that must hold for it to hold (the rest is left open). */
  anchors(cond: Condition | undefined): Anchor[] {
    if (cond === undefined) return [];
    let a = this.anchorCache.get(cond);
    if (a) return a;
    if ('all' in cond) a = cond.all.flatMap((x) => this.anchors(x));
    else if ('any' in cond) {
      const lits = cond.any.map((x) => this.literal(x));
      a = lits.every((l): l is Literal => l !== null) ? [lits] : [];
    } else if ('not' in cond) a = [];
    else {
      const l = this.literal(cond);
      a = l ? [[l]] : [];
    }
    this.anchorCache.set(cond, a);
    return a;
  }

  isRepeatable(decision: string): boolean {
    return this.repeatable.has(decision);
  }
}

// ---------------------------------------------------------------------------
// Edges: what each option, request and inject can do to the phase
// ---------------------------------------------------------------------------

interface Fragment {
  phase: string;
  hops: Hop[];
  ended: boolean;
  /** Evidence obtained for sure along this fragment. */
  obtained: string[];
}

export interface Edge {
  from: string | null; // null: from any phase
  via: string;
  steps: 0 | 1;
  hops: Hop[];
  decision: string | null;
  option: string | null;
  guards: Anchor[];
  obtained: string[];
}

const MAX_DEPTH = 32;
const MAX_FRAGMENTS = 256;

function interpret(
  c: CompiledScenario,
  list: readonly Effect[],
  via: string,
  start: Fragment[],
  depth = 0,
  inIf = false,
): Fragment[] {
  if (depth >= MAX_DEPTH) return start;
  let frags = start;
  for (const e of list) {
    const next: Fragment[] = [];
    for (const f of frags) {
      if (f.ended) {
        next.push(f);
        continue;
      }
      if ('goto' in e) {
        if (f.phase === e.goto || !c.phases.has(e.goto)) next.push(f);
        else {
          const moved: Fragment = {
            ...f,
            phase: e.goto,
            hops: [...f.hops, { via, node: e.goto, ending: false }],
          };
          const onEnter = c.phases.get(e.goto)?.onEnter;
          if (onEnter)
            next.push(...interpret(c, onEnter, `enter:${e.goto}`, [moved], depth + 1, inIf));
          else next.push(moved);
        }
      } else if ('end' in e) {
        if (!c.endings.has(e.end)) next.push(f);
        else
          next.push({ ...f, ended: true, hops: [...f.hops, { via, node: e.end, ending: true }] });
      } else if ('if' in e) {
        next.push(...interpret(c, e.then, via, [f], depth + 1, true));
        next.push(...interpret(c, e.else ?? [], via, [f], depth + 1, true));
      } else if ('inject' in e && !('act' in e) && (e.after === undefined || e.after === 0)) {
        const inj = c.injects.get(e.inject);
        if (inj?.effects)
          next.push(...interpret(c, inj.effects, `inject:${e.inject}`, [f], depth + 1, inIf));
        else next.push(f);
      } else if ('obtained' in e && !inIf) {
        next.push({ ...f, obtained: [...f.obtained, e.evidence] });
      } else next.push(f);
    }
    // Branches that moved the team the same way are one route.
    const seen = new Set<string>();
    frags = next.filter((f) => {
      const k = `${hopKey(f.hops)}|${f.ended}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (frags.length > MAX_FRAGMENTS) frags = frags.slice(0, MAX_FRAGMENTS);
  }
  return frags;
}

function edgesOf(c: CompiledScenario, m: Model): { byPhase: Map<string, Edge[]>; any: Edge[] } {
  const byPhase = new Map<string, Edge[]>();
  const any: Edge[] = [];
  const moving = (from: string) => (f: Fragment) => f.hops.length > 0 || f.phase !== from;
  for (const [phase, decisions] of c.decisionsByPhase) {
    const list: Edge[] = [];
    for (const d of decisions) {
      for (const o of d.def.options) {
        const via = `${d.def.id}/${o.id}`;
        const start: Fragment = { phase, hops: [], ended: false, obtained: [] };
        for (const f of interpret(c, o.effects, via, [start]).filter(moving(phase)))
          list.push({
            from: phase,
            via,
            steps: 1,
            hops: f.hops,
            decision: d.def.id,
            option: o.id,
            guards: [...m.anchors(d.def.when), ...m.anchors(o.when)],
            obtained: f.obtained,
          });
      }
    }
    byPhase.set(phase, list);
  }
  // Requests and injects can move a team from any phase: their fragments are computed per phase
  // (a goto to the phase the team is in does nothing).
  const anywhere: { via: string; effects: readonly Effect[]; guards: Anchor[] }[] = [];
  for (const r of c.requests.values()) {
    if (r.grantEffects)
      anywhere.push({ via: `request:${r.id}`, effects: r.grantEffects, guards: [] });
    if (r.refuseEffects)
      anywhere.push({ via: `request:${r.id}`, effects: r.refuseEffects, guards: [] });
  }
  for (const i of c.injects.values()) {
    if (!i.effects) continue;
    const guards =
      typeof i.release === 'object' && 'when' in i.release ? m.anchors(i.release.when) : [];
    anywhere.push({ via: `inject:${i.id}`, effects: i.effects, guards });
  }
  for (const [phase, list] of byPhase) {
    const seen = new Set<string>();
    for (const a of anywhere) {
      const start: Fragment = { phase, hops: [], ended: false, obtained: [] };
      for (const f of interpret(c, a.effects, a.via, [start]).filter(moving(phase))) {
        const k = `${a.via}|${hopKey(f.hops)}`;
        if (seen.has(k)) continue;
        seen.add(k);
        list.push({
          from: phase,
          via: a.via,
          steps: 0,
          hops: f.hops,
          decision: null,
          option: null,
          guards: a.guards,
          obtained: f.obtained,
        });
      }
    }
  }
  for (const e of c.scenario.endings)
    if (e.when)
      any.push({
        from: null,
        via: 'when',
        steps: 0,
        hops: [{ via: 'when', node: e.id, ending: true }],
        decision: null,
        option: null,
        guards: m.anchors(e.when),
        obtained: [],
      });
  const limitEnding = c.scenario.timeLimitEnding;
  if (c.scenario.timeLimitMinutes !== undefined && limitEnding && c.endings.has(limitEnding))
    any.push({
      from: null,
      via: 'time',
      steps: 0,
      hops: [{ via: 'time', node: limitEnding, ending: true }],
      decision: null,
      option: null,
      guards: [],
      obtained: [],
    });
  return { byPhase, any };
}

// ---------------------------------------------------------------------------
// Enumeration
// ---------------------------------------------------------------------------

interface Route {
  phase: string;
  visited: Set<string>;
  chosen: Map<string, string>;
  obtained: Set<string>;
  steps: number;
  keys: string[];
}

function holds(m: Model, l: Literal, r: Route): boolean {
  if (l.phase !== null) return r.phase === l.phase;
  if (l.initial && !(l.revokedBy !== null && r.obtained.has(l.revokedBy))) return true;
  if (l.anywhere) return true;
  for (const w of l.writers) {
    if (!r.visited.has(w.phase)) continue;
    if (w.decision === null || m.isRepeatable(w.decision)) return true;
    const taken = r.chosen.get(w.decision);
    if (taken === undefined || taken === w.option) return true;
  }
  return false;
}

/** Count the routes of the phase graph to each ending (see the module comment for the model). */
export function phaseRoutes(c: CompiledScenario, options: RouteOptions = {}): PhaseGraphRoutes {
  const maxSteps = options.maxSteps ?? 1_000_000;
  const maxKeys = options.maxKeys ?? 100_000;
  const m = new Model(c);
  const { byPhase, any } = edgesOf(c, m);
  const endingIds = c.scenario.endings.map((e) => e.id);
  const stats = new Map<string, RouteStats>(
    endingIds.map((id) => [id, { count: 0, shortest: null, longest: null }]),
  );
  const keys = new Map<string, Set<string>>(endingIds.map((id) => [id, new Set()]));
  let budget = maxSteps;
  let capped = false;

  const record = (ending: string, r: Route, key: string) => {
    const s = stats.get(ending);
    if (!s) return;
    s.count++;
    s.shortest = s.shortest === null ? r.steps : Math.min(s.shortest, r.steps);
    s.longest = s.longest === null ? r.steps : Math.max(s.longest, r.steps);
    const set = keys.get(ending);
    if (options.collect && set && set.size < maxKeys) set.add(key);
  };

  const visit = (r: Route): void => {
    const edges = [...(byPhase.get(r.phase) ?? []), ...any];
    for (const e of edges) {
      if (budget <= 0) {
        capped = true;
        return;
      }
      budget--;
      if (!e.guards.every((a) => a.some((l) => holds(m, l, r)))) continue;
      // A route is a simple path: no phase twice.
      let simple = true;
      const added: string[] = [];
      let ending: string | null = null;
      let phase = r.phase;
      for (const h of e.hops) {
        if (h.ending) {
          ending = h.node;
          break;
        }
        if (r.visited.has(h.node) || added.includes(h.node)) {
          simple = false;
          break;
        }
        added.push(h.node);
        phase = h.node;
      }
      if (!simple) continue;
      const key = hopKey(e.hops);
      const next: Route = {
        phase,
        visited: added.length > 0 ? new Set([...r.visited, ...added]) : r.visited,
        chosen:
          e.decision !== null && e.option !== null
            ? new Map([...r.chosen, [e.decision, e.option]])
            : r.chosen,
        obtained: e.obtained.length > 0 ? new Set([...r.obtained, ...e.obtained]) : r.obtained,
        steps: r.steps + e.steps,
        keys: [...r.keys, key],
      };
      if (ending !== null) record(ending, next, next.keys.join(' '));
      else if (added.length > 0) visit(next);
    }
  };

  // The start phase's onEnter effects run before anything else (not part of any route's key).
  const startPhase = c.phases.get(c.start);
  const starts = startPhase?.onEnter
    ? interpret(c, startPhase.onEnter, `enter:${c.start}`, [
        { phase: c.start, hops: [], ended: false, obtained: [] },
      ])
    : [{ phase: c.start, hops: [], ended: false, obtained: [] }];
  for (const f of starts) {
    const route: Route = {
      phase: f.phase,
      visited: new Set([c.start, ...f.hops.filter((h) => !h.ending).map((h) => h.node)]),
      chosen: new Map(),
      obtained: new Set(f.obtained),
      steps: 0,
      keys: [],
    };
    const ended = f.hops.find((h) => h.ending);
    if (ended) record(ended.node, route, '');
    else visit(route);
  }

  const perEnding: Record<string, RouteStats> = {};
  let count = 0;
  let shortest: number | null = null;
  let longest: number | null = null;
  for (const id of endingIds) {
    const s = stats.get(id) as RouteStats;
    perEnding[id] = s;
    count += s.count;
    if (s.shortest !== null)
      shortest = shortest === null ? s.shortest : Math.min(shortest, s.shortest);
    if (s.longest !== null) longest = longest === null ? s.longest : Math.max(longest, s.longest);
  }
  let edges = any.length;
  for (const list of byPhase.values()) edges += list.length;
  const out: PhaseGraphRoutes = {
    method: 'phase-graph',
    count,
    shortest,
    longest,
    capped,
    edges,
    perEnding,
  };
  if (options.collect)
    out.routes = Object.fromEntries(endingIds.map((id) => [id, [...(keys.get(id) ?? [])]]));
  return out;
}

/** The route key of one step of a real run, from the `phase`/`ended` events it emitted. */
export function emittedHops(
  emitted: readonly { kind: string; phase?: string; ending?: string; via?: string }[],
): Hop[] {
  const hops: Hop[] = [];
  for (const e of emitted) {
    if (e.kind === 'phase' && e.phase !== undefined)
      hops.push({ via: e.via ?? '', node: e.phase, ending: false });
    else if (e.kind === 'ended' && e.ending !== undefined)
      hops.push({ via: e.via ?? '', node: e.ending, ending: true });
  }
  return hops;
}
