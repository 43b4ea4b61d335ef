import {
  layoutGraph,
  wrapText,
  type GraphInput,
  type LayoutNode,
} from '../src/facilitator/graphLayout';

const phases = (...ids: string[]) => ids.map((id) => ({ id, title: `Phase ${id}` }));
const edges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));

function byId(nodes: LayoutNode[]): Map<string, LayoutNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('scenario graph layout', () => {
  test('a chain goes left to right, one column per phase, endings in a last column of their own', () => {
    const input: GraphInput = {
      phases: phases('a', 'b', 'c'),
      endings: [
        { id: 'win', title: 'Conviction', kind: 'conviction' },
        { id: 'lose', title: 'Collapse', kind: 'collapse' },
      ],
      edges: edges(['a', 'b'], ['b', 'c'], ['c', 'win'], ['c', 'lose']),
    };
    const layout = layoutGraph(input);
    const n = byId(layout.nodes);
    expect(['a', 'b', 'c', 'win', 'lose'].map((id) => n.get(id)?.column)).toEqual([0, 1, 2, 3, 3]);
    expect(layout.columns).toBe(4);
    expect(n.get('a')!.x).toBeLessThan(n.get('b')!.x);
    expect(n.get('b')!.x).toBeLessThan(n.get('c')!.x);
    expect(n.get('win')!.type).toBe('ending');
    expect(n.get('win')!.endingKind).toBe('conviction');
    expect(layout.edges.every((e) => !e.back && !e.implied)).toBe(true);
  });

  test('a phase goes in the column of its longest path, so a shortcut does not pull it left', () => {
    const layout = layoutGraph({
      phases: phases('start', 'warrant', 'entry'),
      endings: [],
      edges: edges(['start', 'entry'], ['start', 'warrant'], ['warrant', 'entry']),
    });
    const n = byId(layout.nodes);
    expect(n.get('entry')!.column).toBe(2);
    // The shortcut skips a column: it runs below "warrant", not through it, and stays inside.
    const shortcut = layout.edges.find((e) => e.from === 'start' && e.to === 'entry')!;
    const warrant = n.get('warrant')!;
    const points = [...shortcut.path.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
    }));
    // A straight horizontal run passes the whole width of "warrant", below its bottom.
    const run = points.findIndex(
      (p, i) =>
        points[i + 1]?.y === p.y &&
        p.x <= warrant.x &&
        (points[i + 1]?.x ?? 0) >= warrant.x + warrant.width,
    );
    expect(run).toBeGreaterThanOrEqual(0);
    expect(points[run]!.y).toBeGreaterThan(warrant.y + warrant.height);
    for (const p of points) expect(p.y).toBeLessThanOrEqual(layout.height);
  });

  test('a loop back to an earlier phase is a back edge and does not break the columns', () => {
    const layout = layoutGraph({
      phases: phases('a', 'b', 'c'),
      endings: [{ id: 'end', title: 'End', kind: 'other' }],
      edges: edges(['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'end']),
    });
    const n = byId(layout.nodes);
    expect([n.get('a')!.column, n.get('b')!.column, n.get('c')!.column]).toEqual([0, 1, 2]);
    const back = layout.edges.filter((e) => e.back);
    expect(back.map((e) => [e.from, e.to])).toEqual([['c', 'a']]);
    // Arcs run above the nodes.
    const ys = [...back[0]!.path.matchAll(/-?\d+(?:\.\d+)?,(-?\d+(?:\.\d+)?)/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.min(...ys)).toBeLessThan(Math.min(...layout.nodes.map((node) => node.y)));
  });

  test('edges to unknown nodes, duplicates, self-loops and edges out of endings are ignored', () => {
    const layout = layoutGraph({
      phases: phases('a', 'b'),
      endings: [{ id: 'end', title: 'End', kind: 'plea' }],
      edges: edges(['a', 'b'], ['a', 'b'], ['a', 'a'], ['a', 'ghost'], ['end', 'a'], ['b', 'end']),
    });
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>b', 'b>end']);
  });

  test('endings nothing leads to are drawn as possible outcomes of the last phases', () => {
    const layout = layoutGraph({
      phases: phases('a', 'b'),
      endings: [
        { id: 'x', title: 'X', kind: 'conviction' },
        { id: 'y', title: 'Y', kind: 'acquittal' },
      ],
      edges: edges(['a', 'b']),
    });
    const implied = layout.edges.filter((e) => e.implied).map((e) => `${e.from}>${e.to}`);
    expect(implied.sort()).toEqual(['b>x', 'b>y']);
    expect(byId(layout.nodes).get('b')!.mayEndIn.sort()).toEqual(['x', 'y']);
    expect(byId(layout.nodes).get('a')!.mayEndIn).toEqual([]);
  });

  test('no two nodes overlap and everything lies inside the drawing', () => {
    const layout = layoutGraph({
      phases: phases('a', 'b1', 'b2', 'b3', 'c'),
      endings: [
        { id: 'e1', title: 'One', kind: 'conviction' },
        { id: 'e2', title: 'Two', kind: 'hard_fail' },
        { id: 'e3', title: 'Three', kind: 'other' },
      ],
      edges: edges(
        ['a', 'b1'],
        ['a', 'b2'],
        ['a', 'b3'],
        ['b1', 'c'],
        ['b2', 'c'],
        ['b3', 'e3'],
        ['c', 'e1'],
        ['c', 'e2'],
      ),
    });
    for (const [i, a] of layout.nodes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  test('ordering within a column follows the neighbours, which removes a crossing', () => {
    // Declared order puts x2 above x1, but x1 follows the top phase: barycentres swap them.
    const layout = layoutGraph({
      phases: phases('top', 'bottom', 'x2', 'x1'),
      endings: [],
      edges: edges(['top', 'x1'], ['bottom', 'x2']),
    });
    const n = byId(layout.nodes);
    expect(n.get('top')!.row).toBeLessThan(n.get('bottom')!.row);
    expect(n.get('x1')!.row).toBeLessThan(n.get('x2')!.row);
  });

  test('an empty graph has no nodes', () => {
    expect(layoutGraph({ phases: [], endings: [], edges: [] }).nodes).toEqual([]);
  });
});

describe('title wrapping', () => {
  test('breaks at spaces within the line length', () => {
    expect(wrapText('The warrant and the plan for the entry', 16, 4)).toEqual([
      'The warrant and',
      'the plan for the',
      'entry',
    ]);
  });

  test('cuts words longer than a line and ends a cut-off title with an ellipsis', () => {
    expect(wrapText('Abcdefghijklmnopqrstuvwxyz', 10, 4)).toEqual([
      'Abcdefghij',
      'klmnopqrst',
      'uvwxyz',
    ]);
    const lines = wrapText('one two three four five six seven eight nine ten', 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.length <= 9)).toBe(true);
  });
});
