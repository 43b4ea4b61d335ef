/**
 * Analysing a scenario for one team, with every agency played by one explorer.
 *
 * Two complementary views:
 *
 * - **Routes** (`paths`, paths.ts): an abstract analysis of the phase graph (phases as nodes;
 *   options, requests and injects that `goto`/`end`, ending conditions and the time limit as
 *   edges) that counts the routes to each ending exactly within its model, with their length in
 *   decision steps. It is cheap whatever the size of the scenario.
 * - **Exploration** (`explored`): the concrete state space, for dead ends, view leaks,
 *   unreachable options and engine inconsistencies. First seeded random walks that prefer options
 *   not chosen yet (every walk is a real run, so what they reach is reachable for sure); then a
 *   breadth-first search up to `maxStates` states, exact when it finishes (`boundHit` false). By
 *   default the bound is 20,000 states, or 2,000 when the walks already reached every phase, option
 *   and ending (the search then only adds dead-end and leak checks near the start).
 *
 * State identity is the compact form of `stateIdentity` (no history: acts, times, seq), so two
 * runs that reach the same situation by different routes meet in one node. Every route a real run
 * took (walks and search) is projected onto the phase graph through the `via` of the engine's
 * `phase`/`ended` events: `paths.perEnding[e].realised` says how many of the counted routes were
 * seen in real runs, and `paths.outsideModel` lists real routes the model missed (a bug if any).
 */
import { availableActions } from './actions';
import type { CompiledScenario } from './compile';
import type { Emitted } from './events';
import { initialState, stepDirect as step } from './engine';
import { emittedHops, hopKey, phaseRoutes } from './paths';
import type { RouteStats } from './paths';
import { compactIdentity } from './state';
import type { TeamState } from './state';
import { visibleDocuments, visibleEvidence } from './view';

export interface AnalysisOptions {
  /**
   * Stop adding states after this many. Default: 20,000, or 2,000 when the walks (which run first)
   * already reached every phase, option and ending.
   */
  maxStates?: number;
  /** Budget of the route enumeration over the phase graph (default 1,000,000 extensions). */
  maxRouteSteps?: number;
  /** Stop counting paths above this number (default 1e12). */
  maxPathCount?: number;
  /** How many dead-end examples to keep (default 5). */
  maxExamples?: number;
  /** Check views for leaks (default true). */
  checkViews?: boolean;
  /** Guided random walks after the search (default 500; 0 = none). */
  walks?: number;
  /** Longest walk, in actions (default 500). */
  maxWalkSteps?: number;
  /** Seed of the walks' random choices (default 1). */
  seed?: number;
}

/** One action on a path: the event an explorer sent. */
export interface PathStep {
  type: string;
  role: string | null;
  payload: unknown;
}

export interface ViewLeak {
  role: string;
  item: string;
  kind: 'document' | 'evidence';
  path: PathStep[];
}

export interface PathStats {
  count: number;
  shortest: number | null;
  longest: number | null;
}

/** Routes to one ending through the phase graph, and how many of them real runs were seen to take. */
export interface RouteEndingStats extends RouteStats {
  /** Counted routes that a walk or the search was seen to take (a lower bound of the feasible ones). */
  realised: number;
}

/** Facts of the concrete state-space exploration. */
export interface ExplorationFacts {
  method: 'state-space';
  /** States the search added (the same as `states`). */
  statesExplored: number;
  edges: number;
  /** The bound the search used. */
  bound: number;
  /** The state bound was hit: results cover only the explored part. */
  boundHit: boolean;
  /** Action paths (every event counted, interleavings distinct) through the explored states; exact only without boundHit. */
  paths: PathStats & { capped: boolean; perEnding: Record<string, PathStats> };
}

export interface ScenarioAnalysis {
  id: string;
  version: string;
  states: number;
  edges: number;
  /** The state bound was hit: results cover only the explored part. */
  boundHit: boolean;
  decisions: number;
  options: number;
  endings: string[];
  reachableEndings: string[];
  unreachable: { phases: string[]; options: string[]; endings: string[] };
  /** Reachable states that are not ended and from which no ending can be reached. */
  deadEnds: { count: number; examples: { phase: string; clock: number; path: PathStep[] }[] };
  viewLeaks: ViewLeak[];
  /**
   * Routes from the start to each ending through the phase graph (abstract, see paths.ts):
   * `count` routes, `shortest`/`longest` in decision steps; `capped` when the enumeration budget
   * was hit.
   */
  paths: PathStats & {
    method: 'phase-graph';
    capped: boolean;
    /** Edges of the phase graph. */
    edges: number;
    perEnding: Record<string, RouteEndingStats>;
    /** Routes real runs took that the model does not count (should be empty). */
    outsideModel: string[];
  };
  /** The concrete exploration: states explored, whether the bound was hit, action paths. */
  explored: ExplorationFacts;
  /** Enabled actions that step() rejected (should always be empty: a bug report if not). */
  inconsistencies: { path: PathStep[]; message: string }[];
  /** One action path per reachable ending (the shortest the search found, else the first walk). */
  witnesses: Record<string, PathStep[]>;
  /** How the space was covered: `exhaustive` (search finished) or `bounded` (search hit the bound; walks added). */
  coverage: {
    method: 'exhaustive' | 'bounded';
    walks: number;
    walkEndings: Record<string, number>;
  };
}

/** mulberry32: a tiny seeded PRNG (deterministic walks). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Move {
  step: PathStep;
  /** `decision/option` for decision and joint actions. */
  option: string | null;
}

/**
 * Every enabled action of every agency and of the facilitator, as one explorer would play them.
 * A request several agencies may send is offered once (who sent it does not change what follows).
 */
export function explorerMoves(c: CompiledScenario, s: TeamState): Move[] {
  const out: Move[] = [];
  const sent = new Set<string>();
  for (const role of [...c.playable, null]) {
    for (const a of availableActions(c, s, role, { enabledOnly: true })) {
      if (a.type === 'request.sent') {
        if (sent.has(a.payload.request)) continue;
        sent.add(a.payload.request);
      }
      const option =
        a.type === 'decision.made' || a.type === 'joint.signed'
          ? `${a.payload.decision}/${a.payload.option}`
          : null;
      out.push({ step: { type: a.type, role, payload: a.payload }, option });
    }
  }
  return out;
}

interface Node {
  parent: number;
  via: PathStep | null;
  depth: number;
  ended: number; // ending index or -1
  expanded: boolean;
  children: number[];
  /** Route key of each child edge ('' when the step did not move the team). */
  frags: string[];
}

/** Default bounds of the search (see AnalysisOptions.maxStates). */
export const DEFAULT_MAX_STATES = 20_000;
export const COVERED_MAX_STATES = 2_000;
const MAX_ROUTES_PER_STATE = 20_000;

/** A route key visits no phase twice (the start phase counts as visited). */
const isSimpleRoute = (key: string, start: string): boolean => {
  if (key === '') return true;
  const phases: string[] = [start];
  for (const token of key.split(' ')) {
    const node = token.slice(token.indexOf('>') + 1);
    if (phases.includes(node)) return false;
    phases.push(node);
  }
  return true;
};

export function analyse(c: CompiledScenario, options: AnalysisOptions = {}): ScenarioAnalysis {
  const maxCount = options.maxPathCount ?? 1e12;
  const maxExamples = options.maxExamples ?? 5;
  const checkViews = options.checkViews ?? true;
  const walks = options.walks ?? 500;
  const endingIds = c.scenario.endings.map((e) => e.id);
  const endingIndex = new Map(endingIds.map((id, i) => [id, i]));
  const allAgencies = [...c.agencies.keys()];
  const hasRestricted =
    c.scenario.documents.some((d) => d.restricted) || c.scenario.evidence.some((e) => e.restricted);
  const allOptions: string[] = [];
  for (const d of c.decisions.values())
    for (const o of d.def.options) allOptions.push(`${d.def.id}/${o.id}`);

  const stateIdentity = compactIdentity();
  const phasesSeen = new Set<string>();
  const optionsSeen = new Set<string>();
  const leaks = new Map<string, ViewLeak>();
  const inconsistencies: ScenarioAnalysis['inconsistencies'] = [];
  const reached = new Set<string>();
  const witnesses: Record<string, PathStep[]> = {};
  /** Route keys real runs took, per ending. */
  const realised = new Map<string, Set<string>>(endingIds.map((id) => [id, new Set()]));
  /** Identities of dead-end states (walks and search may find the same one). */
  const dead = new Set<string>();
  const deadExamples: ScenarioAnalysis['deadEnds']['examples'] = [];

  const inspect = (s: TeamState, pathOf: () => PathStep[]) => {
    phasesSeen.add(s.phase);
    if (!checkViews || !hasRestricted) return;
    for (const role of allAgencies) {
      // The same functions viewFor() uses for these two lists.
      for (const d of visibleDocuments(c, s, role)) {
        const def = c.documents.get(d.id);
        if (def?.restricted && !def.visibleTo.includes(role) && !leaks.has(`${role}|${d.id}`))
          leaks.set(`${role}|${d.id}`, { role, item: d.id, kind: 'document', path: pathOf() });
      }
      for (const e of visibleEvidence(c, s, role)) {
        const def = c.evidence.get(e.id);
        if (def?.restricted && !def.visibleTo.includes(role) && !leaks.has(`${role}|${e.id}`))
          leaks.set(`${role}|${e.id}`, { role, item: e.id, kind: 'evidence', path: pathOf() });
      }
    }
  };
  const noteEmitted = (emitted: readonly Emitted[]) => {
    for (const e of emitted) {
      if (e.kind === 'decision') optionsSeen.add(`${e.decision}/${e.option}`);
      if (e.kind === 'phase') phasesSeen.add(e.phase);
    }
  };

  // -- 1. guided random walks ------------------------------------------------------------
  const walkEndings: Record<string, number> = {};
  const walkLengths = new Map<string, { shortest: number; longest: number }>();
  let walksDone = 0;
  if (walks > 0) {
    const rnd = prng(options.seed ?? 1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const maxSteps = options.maxWalkSteps ?? 500;
    for (let w = 0; w < walks; w++) {
      walksDone++;
      let s = initialState(c, 'explore');
      inspect(s, () => []);
      const path: PathStep[] = [];
      const route: string[] = [];
      for (let k = 0; k < maxSteps && !s.ended; k++) {
        const moves = explorerMoves(c, s);
        if (moves.length === 0) {
          // Nothing to do and nothing due: certainly a dead end.
          const key = stateIdentity(s);
          if (!dead.has(key)) {
            dead.add(key);
            if (deadExamples.length < maxExamples)
              deadExamples.push({ phase: s.phase, clock: s.clock, path: path.slice() });
          }
          break;
        }
        const fresh = moves.filter((m) => m.option !== null && !optionsSeen.has(m.option));
        let move: Move;
        if (fresh.length > 0 && rnd() < 0.7) move = pick(fresh);
        else {
          const busy = moves.filter((m) => m.step.type !== 'clock.ticked');
          move = pick(busy.length > 0 && rnd() > 0.03 ? busy : moves);
        }
        const res = step(c, s, { seq: s.seq + 1, team: s.team, participant: null, ...move.step });
        if (!res.ok) {
          if (inconsistencies.length < 10)
            inconsistencies.push({
              path: [...path, move.step],
              message: `${res.code}: ${res.message}`,
            });
          break;
        }
        path.push(move.step);
        s = res.state;
        noteEmitted(res.emitted);
        const hops = emittedHops(res.emitted);
        if (hops.length > 0) route.push(hopKey(hops));
        inspect(s, () => path.slice());
      }
      if (s.ended) {
        const id = s.ended.ending;
        walkEndings[id] = (walkEndings[id] ?? 0) + 1;
        reached.add(id);
        if (!witnesses[id]) witnesses[id] = path.slice();
        const key = route.join(' ');
        if (isSimpleRoute(key, c.start)) realised.get(id)?.add(key);
        const seen = walkLengths.get(id);
        walkLengths.set(id, {
          shortest: Math.min(seen?.shortest ?? Infinity, path.length),
          longest: Math.max(seen?.longest ?? -Infinity, path.length),
        });
      }
    }
  }
  const coveredByWalks =
    walksDone > 0 &&
    dead.size === 0 &&
    endingIds.every((id) => reached.has(id)) &&
    allOptions.every((o) => optionsSeen.has(o)) &&
    [...c.phases.keys()].every((p) => phasesSeen.has(p));
  const maxStates = options.maxStates ?? (coveredByWalks ? COVERED_MAX_STATES : DEFAULT_MAX_STATES);

  // -- 2. breadth-first search -------------------------------------------------------------
  const nodes: Node[] = [];
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const pending = new Map<number, TeamState>();
  let boundHit = false;
  let edges = 0;

  const pathTo = (i: number): PathStep[] => {
    const out: PathStep[] = [];
    for (let n = nodes[i]; n && n.via; n = nodes[n.parent]) out.push(n.via);
    return out.reverse();
  };

  const add = (s: TeamState, parent: number, via: PathStep | null): number => {
    const pathOf = () => (via ? [...pathTo(parent), via] : []);
    // All ended states with the same ending are one node (nothing follows an ending); each is
    // still inspected for leaks before it merges.
    const key = s.ended ? `#ended:${s.ended.ending}` : stateIdentity(s);
    const known = ids.get(key);
    if (known !== undefined) {
      if (s.ended) inspect(s, pathOf);
      return known;
    }
    if (nodes.length >= maxStates) {
      boundHit = true;
      return -1;
    }
    const i = nodes.length;
    nodes.push({
      parent,
      via,
      depth: parent < 0 ? 0 : (nodes[parent]?.depth ?? 0) + 1,
      ended: s.ended ? (endingIndex.get(s.ended.ending) ?? -1) : -1,
      expanded: false,
      children: [],
      frags: [],
    });
    ids.set(key, i);
    keys.push(key);
    pending.set(i, s);
    inspect(s, pathOf);
    return i;
  };

  add(initialState(c, 'explore'), -1, null);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    const s = pending.get(i);
    pending.delete(i);
    if (!s) continue;
    node.expanded = true;
    if (s.ended) continue;
    const seen = new Set<string>();
    let truncated = false;
    for (const move of explorerMoves(c, s)) {
      const via = move.step;
      const res = step(c, s, { seq: s.seq + 1, team: s.team, participant: null, ...via });
      if (!res.ok) {
        if (inconsistencies.length < 10)
          inconsistencies.push({
            path: [...pathTo(i), via],
            message: `${res.code}: ${res.message}`,
          });
        continue;
      }
      noteEmitted(res.emitted);
      const child = add(res.state, i, via);
      if (child < 0) {
        truncated = true;
        continue;
      }
      const frag = hopKey(emittedHops(res.emitted));
      const edgeKey = `${child}|${frag}`;
      if (seen.has(edgeKey)) continue;
      seen.add(edgeKey);
      node.children.push(child);
      node.frags.push(frag);
    }
    edges += node.children.length;
    // A node whose successors were cut by the bound is treated as "may still reach an ending".
    if (truncated) node.expanded = false;
  }

  // -- which states can reach an ending --------------------------------------------------
  const parents: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => n.children.forEach((ch) => parents[ch]?.push(i)));
  const canEnd = new Uint8Array(nodes.length);
  const queue: number[] = [];
  nodes.forEach((n, i) => {
    if (n.ended >= 0 || !n.expanded) {
      canEnd[i] = 1;
      queue.push(i);
    }
  });
  while (queue.length > 0) {
    const i = queue.pop() as number;
    for (const p of parents[i] ?? []) {
      if (!canEnd[p]) {
        canEnd[p] = 1;
        queue.push(p);
      }
    }
  }
  nodes.forEach((n, i) => {
    if (canEnd[i] || dead.has(keys[i] as string)) return;
    dead.add(keys[i] as string);
    if (deadExamples.length < maxExamples) {
      // Re-run the path to report where it is stuck.
      const path = pathTo(i);
      let s = initialState(c, 'explore');
      for (const p of path) {
        const r = step(c, s, {
          seq: s.seq + 1,
          team: s.team,
          role: p.role,
          participant: null,
          type: p.type,
          payload: p.payload,
        });
        if (r.ok) s = r.state;
      }
      deadExamples.push({ phase: s.phase, clock: s.clock, path });
    }
  });

  // -- action paths to endings (DFS over the explored graph, back edges ignored) ------------
  const E = endingIds.length;
  const counts: (Float64Array | undefined)[] = new Array(nodes.length);
  const longest: (Int32Array | undefined)[] = new Array(nodes.length);
  const onStack = new Uint8Array(nodes.length);
  let overflow = false;
  const visit = (root: number) => {
    // iterative post-order DFS
    const stack: [number, number][] = [[root, 0]];
    onStack[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [i, k] = top;
      const n = nodes[i] as Node;
      if (k < n.children.length) {
        top[1] = k + 1;
        const ch = n.children[k] as number;
        if (counts[ch] === undefined && !onStack[ch]) {
          onStack[ch] = 1;
          stack.push([ch, 0]);
        }
        continue;
      }
      const cnt = new Float64Array(E);
      const lng = new Int32Array(E).fill(-1);
      if (n.ended >= 0) {
        cnt[n.ended] = 1;
        lng[n.ended] = 0;
      } else {
        for (const ch of new Set(n.children)) {
          const cc = counts[ch];
          const cl = longest[ch];
          if (!cc || !cl) continue; // back edge (cycle): not a simple path
          for (let e = 0; e < E; e++) {
            cnt[e] = (cnt[e] as number) + (cc[e] as number);
            if ((cnt[e] as number) > maxCount) {
              cnt[e] = maxCount;
              overflow = true;
            }
            if ((cl[e] as number) >= 0 && (cl[e] as number) + 1 > (lng[e] as number))
              lng[e] = (cl[e] as number) + 1;
          }
        }
      }
      counts[i] = cnt;
      longest[i] = lng;
      onStack[i] = 0;
      stack.pop();
    }
  };
  if (nodes.length > 0) visit(0);

  const shortest = new Array<number>(E).fill(-1);
  nodes.forEach((n) => {
    if (n.ended >= 0 && (shortest[n.ended] === -1 || n.depth < (shortest[n.ended] as number)))
      shortest[n.ended] = n.depth;
  });
  const perEnding: Record<string, PathStats> = {};
  let total = 0;
  let minLen: number | null = null;
  let maxLen: number | null = null;
  endingIds.forEach((id, e) => {
    const count = counts[0]?.[e] ?? 0;
    let lo: number | null = (shortest[e] ?? -1) >= 0 ? (shortest[e] as number) : null;
    let hi: number | null = (longest[0]?.[e] ?? -1) >= 0 ? (longest[0]?.[e] as number) : null;
    // When the search was bounded, lengths the walks saw widen what the search found.
    const walked = boundHit ? walkLengths.get(id) : undefined;
    if (walked) {
      lo = lo === null ? walked.shortest : Math.min(lo, walked.shortest);
      hi = hi === null ? walked.longest : Math.max(hi, walked.longest);
    }
    perEnding[id] = { count, shortest: lo, longest: hi };
    total = Math.min(maxCount, total + count);
    if (lo !== null) minLen = minLen === null ? lo : Math.min(minLen, lo);
    if (hi !== null) maxLen = maxLen === null ? hi : Math.max(maxLen, hi);
  });
  if (total >= maxCount) overflow = true;

  // Witnesses: the shortest path the search found, else the first walk that ended there.
  nodes.forEach((n, i) => {
    if (n.ended >= 0) {
      const id = endingIds[n.ended] as string;
      if (!reached.has(id) || (witnesses[id]?.length ?? Infinity) > n.depth)
        witnesses[id] = pathTo(i);
      reached.add(id);
    }
  });

  // -- routes real runs took through the explored graph (projected on the phase graph) -------
  let routesCapped = false;
  const routesFrom = new Array<Map<number, Set<string>> | undefined>(nodes.length);
  // routesFrom[i]: ending index → route keys from node i to that ending. Computed over strongly
  // connected components (Tarjan, iterative) in reverse topological order, to a fixed point.
  {
    const index = new Int32Array(nodes.length).fill(-1);
    const low = new Int32Array(nodes.length);
    const onSt = new Uint8Array(nodes.length);
    const st: number[] = [];
    let counter = 0;
    const join = (frag: string, suffix: string) =>
      frag === '' ? suffix : suffix === '' ? frag : `${frag} ${suffix}`;
    const solve = (scc: number[]) => {
      for (const i of scc) routesFrom[i] = new Map();
      let changed = true;
      while (changed) {
        changed = false;
        for (const i of scc) {
          const n = nodes[i] as Node;
          const mine = routesFrom[i] as Map<number, Set<string>>;
          if (n.ended >= 0) {
            if (!mine.has(n.ended)) {
              mine.set(n.ended, new Set(['']));
              changed = true;
            }
            continue;
          }
          n.children.forEach((ch, k) => {
            const theirs = routesFrom[ch];
            if (!theirs) return;
            const frag = n.frags[k] ?? '';
            for (const [e, keys] of theirs) {
              let set = mine.get(e);
              if (!set) {
                set = new Set();
                mine.set(e, set);
              }
              for (const suffix of keys) {
                if (set.size >= MAX_ROUTES_PER_STATE) {
                  routesCapped = true;
                  break;
                }
                const key = join(frag, suffix);
                if (frag !== '' && !isSimpleRoute(key, c.start)) continue;
                if (!set.has(key)) {
                  set.add(key);
                  changed = true;
                }
              }
            }
          });
        }
      }
    };
    for (let root = 0; root < nodes.length; root++) {
      if (index[root] !== -1) continue;
      const work: [number, number][] = [[root, 0]];
      index[root] = low[root] = counter++;
      st.push(root);
      onSt[root] = 1;
      while (work.length > 0) {
        const top = work[work.length - 1] as [number, number];
        const [v, k] = top;
        const n = nodes[v] as Node;
        if (k < n.children.length) {
          top[1] = k + 1;
          const w = n.children[k] as number;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            st.push(w);
            onSt[w] = 1;
            work.push([w, 0]);
          } else if (onSt[w]) low[v] = Math.min(low[v] as number, index[w] as number);
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
        if (low[v] === index[v]) {
          const scc: number[] = [];
          for (;;) {
            const w = st.pop() as number;
            onSt[w] = 0;
            scc.push(w);
            if (w === v) break;
          }
          solve(scc);
        }
      }
    }
  }
  for (const [e, keys] of routesFrom[0] ?? new Map<number, Set<string>>())
    for (const key of keys) realised.get(endingIds[e] as string)?.add(key);

  // -- 3. routes through the phase graph --------------------------------------------------
  const routes = phaseRoutes(c, { collect: true, maxSteps: options.maxRouteSteps });
  const outsideModel: string[] = [];
  const routeEndings: Record<string, RouteEndingStats> = {};
  for (const id of endingIds) {
    const model = new Set(routes.routes?.[id] ?? []);
    let seen = 0;
    for (const key of realised.get(id) ?? []) {
      if (model.has(key)) seen++;
      else if (!routes.capped && outsideModel.length < 10)
        outsideModel.push(key === '' ? `(start) → ${id}` : `${key} → ${id}`);
    }
    const r = routes.perEnding[id] ?? { count: 0, shortest: null, longest: null };
    routeEndings[id] = { ...r, realised: seen };
  }

  return {
    id: c.id,
    version: c.version,
    states: nodes.length,
    edges,
    boundHit,
    decisions: c.decisions.size,
    options: allOptions.length,
    endings: endingIds,
    reachableEndings: endingIds.filter((id) => reached.has(id)),
    unreachable: {
      phases: [...c.phases.keys()].filter((p) => !phasesSeen.has(p)),
      options: allOptions.filter((o) => !optionsSeen.has(o)),
      endings: endingIds.filter((id) => !reached.has(id)),
    },
    deadEnds: { count: dead.size, examples: deadExamples },
    viewLeaks: [...leaks.values()],
    paths: {
      method: 'phase-graph',
      count: routes.count,
      shortest: routes.shortest,
      longest: routes.longest,
      capped: routes.capped,
      edges: routes.edges,
      perEnding: routeEndings,
      outsideModel: routesCapped ? [] : outsideModel,
    },
    explored: {
      method: 'state-space',
      statesExplored: nodes.length,
      edges,
      bound: maxStates,
      boundHit,
      paths: {
        count: total,
        shortest: minLen,
        longest: maxLen,
        capped: overflow || boundHit,
        perEnding,
      },
    },
    inconsistencies,
    witnesses,
    coverage: { method: boundHit ? 'bounded' : 'exhaustive', walks: walksDone, walkEndings },
  };
}
