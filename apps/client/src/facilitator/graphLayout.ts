/*
 * Layered left-to-right layout of a scenario's phase graph (phases and endings), for the SVG in
 * ScenarioGraph. Pure and deterministic.
 *
 * 1. Back edges (loops back to an earlier phase) are found by a depth-first search from the
 *    phases in their declared order; they are drawn as arcs above the graph.
 * 2. Each phase goes in the column of its longest path from a start phase; every ending goes in
 *    one final column, so the outcomes line up on the right.
 * 3. Within a column, nodes are ordered by the barycentre of their neighbours (a few sweeps in
 *    both directions) to reduce crossings, starting from the declared order.
 */

export interface GraphInput {
  phases: readonly { id: string; title: string }[];
  endings: readonly { id: string; title: string; kind: string }[];
  edges: readonly { from: string; to: string }[];
}

export interface LayoutNode {
  id: string;
  type: 'phase' | 'ending';
  title: string;
  /** Ending kind (conviction, collapse, ...); null for phases. */
  endingKind: string | null;
  /** The title broken into at most `maxLines` lines. */
  lines: string[];
  column: number;
  /** Position within the column, from the top. */
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Ids of the nodes this one leads to, and comes from (explicit edges only). */
  next: string[];
  previous: string[];
  /** Endings this phase may end in by condition (implied edges). */
  mayEndIn: string[];
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** Goes back to an earlier (or the same) column. */
  back: boolean;
  /**
   * Not in the scenario's edges: an ending nothing leads to explicitly is reached by its
   * condition, so it is drawn as a possible outcome of every last phase.
   */
  implied: boolean;
  /** SVG path data. */
  path: string;
}

export interface GraphLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
  columns: number;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
  margin: number;
  /** Characters per line when wrapping titles. */
  lineChars: number;
  maxLines: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 170,
  nodeHeight: 118,
  columnGap: 40,
  rowGap: 20,
  margin: 14,
  lineChars: 18,
  maxLines: 4,
};

/** Breaks `text` into lines of at most `chars` characters (words longer than a line are cut). */
export function wrapText(text: string, chars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += chars) pieces.push(word.slice(i, i + chars));
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= chars) current = `${current} ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, chars - 1)).trimEnd()}…`;
  return kept;
}

export function layoutGraph(input: GraphInput, options: Partial<LayoutOptions> = {}): GraphLayout {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const phaseIds = input.phases.map((p) => p.id);
  const endingIds = new Set(input.endings.map((e) => e.id));
  const known = new Set([...phaseIds, ...endingIds]);

  // Valid, distinct edges; endings have no way out.
  const seen = new Set<string>();
  const edges: { from: string; to: string }[] = [];
  for (const edge of input.edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key) || !known.has(edge.from) || !known.has(edge.to)) continue;
    if (edge.from === edge.to || endingIds.has(edge.from)) continue;
    seen.add(key);
    edges.push({ from: edge.from, to: edge.to });
  }
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const id of known) {
    out.set(id, []);
    into.set(id, []);
  }
  for (const { from, to } of edges) {
    out.get(from)?.push(to);
    into.get(to)?.push(from);
  }

  // 1. Back edges by depth-first search (iterative, so deep graphs cannot overflow the stack).
  const backEdges = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of phaseIds) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const targets = out.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next] as string;
      top.next += 1;
      const s = state.get(target);
      if (s === 'open') backEdges.add(`${top.id}\u0000${target}`);
      else if (s === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
      }
    }
  }
  const forward = edges.filter((e) => !backEdges.has(`${e.from}\u0000${e.to}`));

  // Endings no edge reaches are reached by a condition: possible outcomes of the last phases.
  let lastPhases = phaseIds.filter(
    (id) => !(out.get(id) ?? []).some((target) => !endingIds.has(target)),
  );
  if (lastPhases.length === 0) lastPhases = phaseIds.slice(-1);
  const implied: { from: string; to: string }[] = [];
  for (const ending of input.endings) {
    if ((into.get(ending.id) ?? []).length > 0) continue;
    for (const from of lastPhases) implied.push({ from, to: ending.id });
  }
  const mayEndIn = new Map<string, string[]>();
  for (const e of implied) mayEndIn.set(e.from, [...(mayEndIn.get(e.from) ?? []), e.to]);
  const intoWithImplied = new Map(into);
  for (const e of implied)
    intoWithImplied.set(e.to, [...(intoWithImplied.get(e.to) ?? []), e.from]);

  // 2. Columns: longest path over forward edges among phases (Kahn's order), endings last.
  const column = new Map<string, number>(phaseIds.map((id) => [id, 0]));
  const indegree = new Map<string, number>(phaseIds.map((id) => [id, 0]));
  for (const e of forward) {
    if (!endingIds.has(e.to)) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  const queue = phaseIds.filter((id) => indegree.get(id) === 0);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const e of forward) {
      if (e.from !== id || endingIds.has(e.to)) continue;
      column.set(e.to, Math.max(column.get(e.to) ?? 0, (column.get(id) ?? 0) + 1));
      const left = (indegree.get(e.to) ?? 0) - 1;
      indegree.set(e.to, left);
      if (left === 0) queue.push(e.to);
    }
  }
  const lastPhaseColumn = phaseIds.reduce((max, id) => Math.max(max, column.get(id) ?? 0), -1);
  const endingColumn = lastPhaseColumn + 1;
  for (const id of endingIds) column.set(id, endingColumn);
  const columns = input.endings.length > 0 ? endingColumn + 1 : endingColumn;

  // 3. Order within columns: declared order, then barycentre sweeps.
  const declared = [...phaseIds, ...input.endings.map((e) => e.id)];
  const byColumn: string[][] = Array.from({ length: Math.max(columns, 0) }, () => []);
  for (const id of declared) byColumn[column.get(id) ?? 0]?.push(id);
  const position = new Map<string, number>();
  const index = () => {
    for (const ids of byColumn) ids.forEach((id, i) => position.set(id, i));
  };
  index();
  const barycentre = (id: string, neighbours: readonly string[]): number => {
    const placed = neighbours.filter((n) => position.has(n));
    if (placed.length === 0) return position.get(id) ?? 0;
    return placed.reduce((sum, n) => sum + (position.get(n) ?? 0), 0) / placed.length;
  };
  for (let sweep = 0; sweep < 4; sweep += 1) {
    const down = sweep % 2 === 0;
    const order = down ? byColumn.keys() : [...byColumn.keys()].reverse().values();
    for (const c of order) {
      const ids = byColumn[c];
      if (!ids || ids.length < 2) continue;
      const score = new Map(
        ids.map(
          (id) => [id, barycentre(id, (down ? intoWithImplied : out).get(id) ?? [])] as const,
        ),
      );
      ids.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
      index();
    }
  }

  // Coordinates: each column centred vertically on the tallest.
  const tallest = byColumn.reduce((max, ids) => Math.max(max, ids.length), 0);
  const step = o.nodeHeight + o.rowGap;
  // Endings are a little wider: their shapes are rounded or cut at the corners.
  const endingExtra = input.endings.length > 0 ? 30 : 0;
  const width =
    o.margin * 2 +
    Math.max(columns, 0) * o.nodeWidth +
    Math.max(columns - 1, 0) * o.columnGap +
    endingExtra;
  const hasBack = backEdges.size > 0;
  // Forward edges that skip a column are drawn below the nodes, not through them.
  const skips = (e: { from: string; to: string }) =>
    (column.get(e.to) ?? 0) - (column.get(e.from) ?? 0) > 1;
  const hasSkip = forward.some(skips);
  const arcSpace = hasBack ? 40 : 0;
  const belowSpace = hasSkip ? 24 : 0;
  const nodesBottom = o.margin + arcSpace + Math.max(tallest, 1) * step - o.rowGap;
  const height = nodesBottom + belowSpace + o.margin;

  const titles = new Map<string, { title: string; kind: string | null }>();
  for (const p of input.phases) titles.set(p.id, { title: p.title, kind: null });
  for (const e of input.endings) titles.set(e.id, { title: e.title, kind: e.kind });

  const nodes: LayoutNode[] = [];
  byColumn.forEach((ids, c) => {
    const offset = ((tallest - ids.length) * step) / 2;
    ids.forEach((id, row) => {
      const info = titles.get(id) ?? { title: id, kind: null };
      nodes.push({
        id,
        type: endingIds.has(id) ? 'ending' : 'phase',
        title: info.title,
        endingKind: info.kind,
        // Endings give one line to their kind label.
        lines: wrapText(info.title, o.lineChars, endingIds.has(id) ? o.maxLines - 1 : o.maxLines),
        column: c,
        row,
        x: o.margin + c * (o.nodeWidth + o.columnGap),
        y: o.margin + arcSpace + offset + row * step,
        width: endingIds.has(id) ? o.nodeWidth + endingExtra : o.nodeWidth,
        height: o.nodeHeight,
        next: out.get(id) ?? [],
        previous: into.get(id) ?? [],
        mayEndIn: mayEndIn.get(id) ?? [],
      });
    });
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  const all = [
    ...edges.map((e) => ({ ...e, implied: false })),
    ...implied.map((e) => ({ ...e, implied: true })),
  ];
  const layoutEdges: LayoutEdge[] = all.flatMap((e): LayoutEdge[] => {
    const a = nodeById.get(e.from);
    const b = nodeById.get(e.to);
    if (!a || !b) return [];
    const back = backEdges.has(`${e.from}\u0000${e.to}`) || b.column <= a.column;
    if (!back && skips(e)) {
      // Down from the source, along under the columns in between, into the target's left side.
      const between = nodes.filter((n) => n.column > a.column && n.column < b.column);
      const lane = Math.max(a.y + a.height, ...between.map((n) => n.y + n.height)) + 18;
      const x1 = a.x + a.width * 0.5;
      const y1 = a.y + a.height;
      const x2 = b.x;
      const y2 = b.y + b.height / 2;
      const r = 12;
      const path =
        `M${x1},${y1} L${x1},${lane - r} Q${x1},${lane} ${x1 + r},${lane} ` +
        `L${x2 - o.columnGap / 2},${lane} C${x2 - 6},${lane} ${x2 - o.columnGap / 2},${y2} ${x2},${y2}`;
      return [{ ...e, back, path }];
    }
    if (!back) {
      const x1 = a.x + a.width;
      const y1 = a.y + a.height / 2;
      const x2 = b.x;
      const y2 = b.y + b.height / 2;
      const mid = (x1 + x2) / 2;
      return [{ ...e, back, path: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` }];
    }
    // Back edge: from the top of the source over the graph to the top of the target.
    const x1 = a.x + a.width * 0.5;
    const x2 = b.x + b.width * 0.5;
    const y1 = a.y;
    const y2 = b.y;
    const top = o.margin + 4;
    return [{ ...e, back, path: `M${x1},${y1} C${x1},${top} ${x2},${top} ${x2},${y2}` }];
  });

  return { nodes, edges: layoutEdges, width, height, columns };
}
