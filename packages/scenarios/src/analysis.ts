/**
 * Exploring a scenario's state space for one team, with every agency played by one explorer:
 * every enabled action of every agency, every request answered both ways, every facilitator
 * inject released, and the clock ticked to the next due time.
 *
 * 1. Breadth-first search up to `maxStates` states: exact (paths, dead ends, leaks) when it
 *    finishes; when the bound is hit, `boundHit` says so.
 * 2. Then (always, cheap) seeded random walks that prefer options not chosen yet: every walk is a
 *    real run, so what they reach is reachable for sure. They extend coverage (endings, options,
 *    phases, leaks, stuck states) of scenarios too large for step 1.
 *
 * State identity is `stateIdentity` (canonical JSON without history fields), so two runs that
 * reach the same situation by different routes meet in one node.
 */
import { availableActions } from './actions';
import type { CompiledScenario } from './compile';
import { initialState, stepDirect as step } from './engine';
import { compactIdentity } from './state';
import type { TeamState } from './state';
import { visibleDocuments, visibleEvidence } from './view';

export interface AnalysisOptions {
  /** Stop adding states after this many (default 20,000). */
  maxStates?: number;
  /** Stop counting paths above this number (default 1e12). */
  maxPathCount?: number;
  /** How many dead-end examples to keep (default 5). */
  maxExamples?: number;
  /** Check views for leaks (default true). */
  checkViews?: boolean;
  /** Guided random walks after the search (default 300; 0 = none). */
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
  /** Paths from the start to an ending (through explored states; simple paths only). */
  paths: PathStats & { capped: boolean; perEnding: Record<string, PathStats> };
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
}

export function analyse(c: CompiledScenario, options: AnalysisOptions = {}): ScenarioAnalysis {
  const maxStates = options.maxStates ?? 20_000;
  const maxCount = options.maxPathCount ?? 1e12;
  const maxExamples = options.maxExamples ?? 5;
  const checkViews = options.checkViews ?? true;
  const endingIds = c.scenario.endings.map((e) => e.id);
  const endingIndex = new Map(endingIds.map((id, i) => [id, i]));
  const allAgencies = [...c.agencies.keys()];
  const hasRestricted =
    c.scenario.documents.some((d) => d.restricted) || c.scenario.evidence.some((e) => e.restricted);

  const stateIdentity = compactIdentity();
  const nodes: Node[] = [];
  const ids = new Map<string, number>();
  const pending = new Map<number, TeamState>();
  const phasesSeen = new Set<string>();
  const optionsSeen = new Set<string>();
  const leaks = new Map<string, ViewLeak>();
  const inconsistencies: ScenarioAnalysis['inconsistencies'] = [];
  let boundHit = false;
  let edges = 0;

  const pathTo = (i: number): PathStep[] => {
    const out: PathStep[] = [];
    for (let n = nodes[i]; n && n.via; n = nodes[n.parent]) out.push(n.via);
    return out.reverse();
  };

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
    });
    ids.set(key, i);
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
    const children = new Set<number>();
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
      for (const e of res.emitted) {
        if (e.kind === 'decision') optionsSeen.add(`${e.decision}/${e.option}`);
        if (e.kind === 'phase') phasesSeen.add(e.phase);
      }
      const child = add(res.state, i, via);
      if (child < 0) truncated = true;
      else children.add(child);
    }
    node.children = [...children];
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
  let deadCount = 0;
  const deadExamples: ScenarioAnalysis['deadEnds']['examples'] = [];
  nodes.forEach((n, i) => {
    if (canEnd[i]) return;
    deadCount++;
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

  // -- paths to endings (DFS over the explored graph, back edges ignored) -------------------
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
        for (const ch of n.children) {
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
    const lo = shortest[e] ?? -1;
    const hi = longest[0]?.[e] ?? -1;
    perEnding[id] = { count, shortest: lo >= 0 ? lo : null, longest: hi >= 0 ? hi : null };
    total = Math.min(maxCount, total + count);
    if (lo >= 0) minLen = minLen === null ? lo : Math.min(minLen, lo);
    if (hi >= 0) maxLen = maxLen === null ? hi : Math.max(maxLen, hi);
  });
  if (total >= maxCount) overflow = true;

  const reached = new Set<string>();
  const witnesses: Record<string, PathStep[]> = {};
  nodes.forEach((n, i) => {
    if (n.ended >= 0) {
      const id = endingIds[n.ended] as string;
      reached.add(id);
      if (!witnesses[id]) witnesses[id] = pathTo(i);
    }
  });

  // -- guided random walks (only when the search could not cover everything) ----------------
  const walkEndings: Record<string, number> = {};
  let walksDone = 0;
  if (boundHit && (options.walks ?? 300) > 0) {
    const rnd = prng(options.seed ?? 1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const maxSteps = options.maxWalkSteps ?? 500;
    const stuck = new Set<string>();
    for (let w = 0; w < (options.walks ?? 300); w++) {
      walksDone++;
      let s = initialState(c, 'explore');
      const path: PathStep[] = [];
      for (let k = 0; k < maxSteps && !s.ended; k++) {
        const moves = explorerMoves(c, s);
        if (moves.length === 0) {
          // Nothing to do and nothing due: certainly a dead end.
          const key = stateIdentity(s);
          if (!stuck.has(key)) {
            stuck.add(key);
            deadCount++;
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
        for (const e of res.emitted) {
          if (e.kind === 'decision') optionsSeen.add(`${e.decision}/${e.option}`);
          if (e.kind === 'phase') phasesSeen.add(e.phase);
        }
        inspect(s, () => path.slice());
      }
      if (s.ended) {
        const id = s.ended.ending;
        walkEndings[id] = (walkEndings[id] ?? 0) + 1;
        reached.add(id);
        if (!witnesses[id]) witnesses[id] = path.slice();
        const stats = perEnding[id];
        if (stats) {
          stats.shortest =
            stats.shortest === null ? path.length : Math.min(stats.shortest, path.length);
          stats.longest =
            stats.longest === null ? path.length : Math.max(stats.longest, path.length);
          minLen = minLen === null ? path.length : Math.min(minLen, path.length);
          maxLen = maxLen === null ? path.length : Math.max(maxLen, path.length);
        }
      }
    }
  }
  const allOptions: string[] = [];
  for (const d of c.decisions.values())
    for (const o of d.def.options) allOptions.push(`${d.def.id}/${o.id}`);

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
    deadEnds: { count: deadCount, examples: deadExamples },
    viewLeaks: [...leaks.values()],
    paths: {
      count: total,
      shortest: minLen,
      longest: maxLen,
      capped: overflow || boundHit,
      perEnding,
    },
    inconsistencies,
    witnesses,
    coverage: { method: boundHit ? 'bounded' : 'exhaustive', walks: walksDone, walkEndings },
  };
}
