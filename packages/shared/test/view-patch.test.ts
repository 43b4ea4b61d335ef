import { compare } from 'fast-json-patch';
import {
  applyTeamPatch,
  applyViewPatch,
  teamPatchSchema,
  type TeamCard,
  viewPatchSchema,
  type RoleView,
  type VersionedView,
  type ViewPatchOp,
} from '../src';

/** A role view reduced to JSON the patch touches (the schema's other fields play no part). */
const view = {
  team: { id: 't1', name: 'Team 1' },
  clock: { minutes: 40, running: true, limitMinutes: 120 },
  inbox: [{ id: 'm0', title: { en: 'Arrest report' } }],
} as unknown as RoleView;

const patch = viewPatchSchema.parse({
  base: 'v1',
  version: 'v2',
  ops: [
    { op: 'add', path: '/inbox/1', value: { id: 'm1', title: { en: 'Lab results' } } },
    { op: 'replace', path: '/inbox/0/title/en', value: 'Arrest report (signed)' },
  ],
});

describe('applyViewPatch', () => {
  it('applies a patch to the version it names, new objects on the changed paths, leaving the held view as it was', () => {
    const held: VersionedView = { view, viewVersion: 'v1' };
    const before = JSON.stringify(view);
    const after = applyViewPatch(held, patch);
    expect(after).toEqual({
      viewVersion: 'v2',
      view: {
        ...view,
        inbox: [
          { id: 'm0', title: { en: 'Arrest report (signed)' } },
          { id: 'm1', title: { en: 'Lab results' } },
        ],
      },
    });
    expect(JSON.stringify(view)).toBe(before);
    expect(after?.view).not.toBe(view);
    // The reduced view above has an inbox, which RoleView does not type.
    const inbox = (v: RoleView | null | undefined) => (v as unknown as { inbox: unknown[] }).inbox;
    expect(inbox(after?.view)).not.toBe(inbox(view));
    expect(inbox(after?.view)[0]).not.toBe(inbox(view)[0]);
    // What no op touched is the held view's own object.
    expect(after?.view?.clock).toBe(view.clock);
    expect(after?.view?.team).toBe(view.team);
  });

  it('refuses a patch for another version, for no view, and one whose paths are not there', () => {
    expect(applyViewPatch({ view, viewVersion: 'v0' }, patch)).toBeNull();
    expect(applyViewPatch({ view: null, viewVersion: 'v1' }, patch)).toBeNull();
    const stray = { ...patch, ops: [{ op: 'replace' as const, path: '/decisions/3', value: 1 }] };
    expect(applyViewPatch({ view, viewVersion: 'v1' }, stray)).toBeNull();
  });

  it('accepts only the operations the server emits', () => {
    expect(
      viewPatchSchema.safeParse({ ...patch, ops: [{ op: 'move', from: '/a', path: '/b' }] })
        .success,
    ).toBe(false);
    expect(viewPatchSchema.safeParse({ ...patch, base: '' }).success).toBe(false);
  });

  /** Applies `ops` to a deep-frozen copy of `doc` (a change in place would throw). */
  function apply(doc: unknown, ops: ViewPatchOp[]): unknown {
    const frozen = deepFreeze(structuredClone(doc));
    const before = JSON.stringify(frozen);
    const after = applyViewPatch(
      { view: frozen as RoleView, viewVersion: 'v1' },
      { base: 'v1', version: 'v2', ops },
    );
    expect(JSON.stringify(frozen)).toBe(before);
    return after === null ? null : after.view;
  }

  const doc = {
    a: 1,
    b: { c: [1, 2, 3], d: { e: 'x' } },
    list: [
      { id: 'p', tags: ['t1', 't2'] },
      { id: 'q', tags: [] },
    ],
  };

  it('adds at an index, appends with "-", removes and replaces inside nested arrays', () => {
    expect(
      apply(doc, [
        { op: 'add', path: '/list/0/tags/1', value: 'new' },
        { op: 'add', path: '/list/1/tags/-', value: 'end' },
        { op: 'remove', path: '/b/c/0' },
        { op: 'replace', path: '/b/c/1', value: 30 },
        { op: 'add', path: '/list/2', value: { id: 'r', tags: ['z'] } },
      ]),
    ).toEqual({
      a: 1,
      b: { c: [2, 30], d: { e: 'x' } },
      list: [
        { id: 'p', tags: ['t1', 'new', 't2'] },
        { id: 'q', tags: ['end'] },
        { id: 'r', tags: ['z'] },
      ],
    });
  });

  it('adds, replaces and removes keys at the root and below, and replaces the whole view', () => {
    expect(
      apply(doc, [
        { op: 'replace', path: '/a', value: { nested: true } },
        { op: 'add', path: '/z', value: [1] },
        { op: 'remove', path: '/list' },
        { op: 'add', path: '/b/d/e', value: 'over' },
        { op: 'replace', path: '/a/nested', value: false },
      ]),
    ).toEqual({ a: { nested: false }, b: { c: [1, 2, 3], d: { e: 'over' } }, z: [1] });
    expect(apply(doc, [{ op: 'replace', path: '', value: { fresh: 1 } }])).toEqual({ fresh: 1 });
  });

  it('does not change an inserted value in place when a later op goes into it', () => {
    const value = { inner: { n: 1 } };
    const ops: ViewPatchOp[] = [
      { op: 'add', path: '/v', value },
      { op: 'replace', path: '/v/inner/n', value: 2 },
    ];
    expect(apply(doc, ops)).toMatchObject({ v: { inner: { n: 2 } } });
    expect(value).toEqual({ inner: { n: 1 } });
  });

  it('refuses paths that are not there, bad indexes, values with undefined and __proto__', () => {
    const refused: ViewPatchOp[][] = [
      [{ op: 'replace', path: '/missing', value: 1 }],
      [{ op: 'remove', path: '/missing' }],
      [{ op: 'add', path: '/missing/deeper', value: 1 }],
      [{ op: 'replace', path: '/a/deeper', value: 1 }],
      [{ op: 'add', path: '/b/c/4', value: 9 }],
      [{ op: 'replace', path: '/b/c/3', value: 9 }],
      [{ op: 'remove', path: '/b/c/3' }],
      [{ op: 'remove', path: '/b/c/-' }],
      [{ op: 'replace', path: '/b/c/x', value: 9 }],
      [{ op: 'replace', path: '/list/-1/id', value: 9 }],
      [{ op: 'replace', path: 'a', value: 9 }],
      [{ op: 'remove', path: '' }],
      [{ op: 'replace', path: '', value: 'not a view' }],
      [{ op: 'add', path: '/x', value: undefined }],
      [{ op: 'add', path: '/x', value: { y: [undefined] } }],
      [{ op: 'add', path: '/__proto__/polluted', value: true }],
      [{ op: 'add', path: '/__proto__', value: { polluted: true } }],
      [{ op: 'replace', path: '/toString', value: 1 }],
      // A good op then a bad one: nothing of the first is kept either.
      [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'remove', path: '/b/nothing' },
      ],
    ];
    for (const ops of refused)
      expect({ ops, result: apply(doc, ops) }).toEqual({ ops, result: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads ~1 and ~0 in a path as / and ~', () => {
    expect(apply({ 'a/b': { '~c': 1 } }, [{ op: 'replace', path: '/a~1b/~0c', value: 2 }])).toEqual(
      { 'a/b': { '~c': 2 } },
    );
  });

  it('turns any document into any other through the diff fast-json-patch computes, as the server sends it', () => {
    // Pseudo-random documents shaped like views (objects of arrays of objects), seeded.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const value = (depth: number): unknown => {
      const kind = depth > 2 ? random(3) : random(5);
      if (kind === 0) return random(10);
      if (kind === 1) return `s${random(4)}`;
      if (kind === 2) return random(2) === 0;
      if (kind === 3) return Array.from({ length: random(5) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: random(4) }, () => [`k${random(6)}`, value(depth + 1)]),
      );
    };
    for (let i = 0; i < 300; i += 1) {
      const from = { root: value(0), list: value(1) };
      const to = { root: value(0), list: value(1) };
      const ops = compare(from, to) as ViewPatchOp[];
      expect(apply(from, ops)).toEqual(to);
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('applyTeamPatch', () => {
  const card = {
    team: { id: 't1', name: 'Team 1' },
    clock: { minutes: 40, running: true, limitMinutes: 120 },
    lastDecisions: [{ seq: 3, decision: 'd1' }],
  } as unknown as TeamCard;
  const next = teamPatchSchema.parse({
    team: 't1',
    base: 'c1',
    version: 'c2',
    ops: [{ op: 'add', path: '/lastDecisions/0', value: { seq: 7, decision: 'd2' } }],
  });

  it('applies a patch to the card of the version it names, leaving the held card as it was', () => {
    const before = JSON.stringify(card);
    const after = applyTeamPatch({ card, version: 'c1' }, next);
    expect(after?.version).toBe('c2');
    expect(after?.card.lastDecisions.map((d) => d.seq)).toEqual([7, 3]);
    expect(after?.card.clock).toBe(card.clock);
    expect(JSON.stringify(card)).toBe(before);
  });

  it('refuses a patch for another version, no card, another team, or paths that are not there', () => {
    expect(applyTeamPatch({ card, version: 'c0' }, next)).toBeNull();
    expect(applyTeamPatch({ card: undefined, version: 'c1' }, next)).toBeNull();
    expect(applyTeamPatch({ card, version: undefined }, next)).toBeNull();
    expect(applyTeamPatch({ card, version: 'c1' }, { ...next, team: 't2' })).toBeNull();
    const renamed = { ...next, ops: [{ op: 'replace' as const, path: '/team/id', value: 't2' }] };
    expect(applyTeamPatch({ card, version: 'c1' }, renamed)).toBeNull();
    const missing = {
      ...next,
      ops: [{ op: 'replace' as const, path: '/lastDecisions/4', value: 1 }],
    };
    expect(applyTeamPatch({ card, version: 'c1' }, missing)).toBeNull();
  });
});
