import { isDeepStrictEqual } from 'node:util';
import { applyViewPatch, type RoleView, type Scores, type ViewPatchOp } from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { diffViews, minJsonLength } from '../src/sessions/view-diff';
import { knownJsonOf } from '../src/realtime/known-json';
import { patchIfSmaller, SMALL_PATCH_CHARS } from '../src/sessions/view-versions';
import { flagship, playSession, prng, SETTINGS, stateSequence } from '../bench/views';

/** What a client receives: JSON (values the server left undefined are gone). */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** `held` patched with `ops` as a client does it, or null when the patch does not apply. */
function patched(held: RoleView, ops: ViewPatchOp[]): RoleView | null {
  const result = applyViewPatch(
    { view: wire(held), viewVersion: 'held' },
    { base: 'held', version: 'next', ops: wire(ops) },
  );
  return result?.view ?? null;
}

function withoutMinutes(view: RoleView): unknown {
  return wire({ ...view, clock: { ...view.clock, minutes: null } });
}

/** Asserts that `ops` from held to next turn the one into the other, and `changed` is right. */
function expectDiffApplies(held: RoleView, next: RoleView): ViewPatchOp[] {
  const { changed, ops } = diffViews(held, next);
  const result = patched(held, ops);
  const expected = wire(next);
  // toEqual only to describe a failure: it is far slower than the check on a thousand views.
  if (!isDeepStrictEqual(result, expected)) expect(result).toEqual(expected);
  expect(changed).toBe(!isDeepStrictEqual(withoutMinutes(held), withoutMinutes(next)));
  return ops;
}

/**
 * Every view each agency of each team saw while two flagship sessions were played, in order,
 * computed the way the server does (hints on, scores shown and moving now and then).
 */
function playedViews(): RoleView[][] {
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const rnd = prng(11);
  const sequences: RoleView[][] = [];
  const settings = { ...SETTINGS, feedbackPolicy: 'hints' as const, scoresVisibleToTrainees: true };
  for (let s = 0; s < 2; s += 1) {
    const session = playSession(runtime, compiled.playable, rnd, s);
    const byGroup = new Map<string, RoleView[]>();
    let scores: Scores | null = null;
    // The live scores' findings on the decisions (the hints), refreshed now and then as live.
    const scorer = runtime.liveScores(null);
    for (const [i, { team, state, seq }] of stateSequence(runtime, session).entries()) {
      if (i % 7 === 0) {
        const redLines = i % 14 === 0 ? ['coercion', `line-${i}`] : [`line-${i}`, 'coercion'];
        scores = { evidence: i, rights: 100 - i, redLines };
        scorer.add(session.events.filter((e) => e.seq <= seq));
        scorer.scores();
      }
      const decisions = scorer.cases().get(team.id)?.decisions ?? [];
      for (const role of compiled.playable) {
        const context = { team, settings, running: i % 5 !== 0, scores, decisions };
        const view = runtime.view(state, role, context);
        const key = `${team.id}/${role}`;
        byGroup.set(key, [...(byGroup.get(key) ?? []), view]);
      }
    }
    sequences.push(...byGroup.values());
  }
  return sequences;
}

describe('view diff', () => {
  const sequences = playedViews();
  const all = sequences.flat();
  const rnd = prng(5);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  /** The latest view with the most decisions and documents: long lists to cut into. */
  const rich = [...all].sort(
    (a, b) => b.decisions.length + b.documents.length - (a.decisions.length + a.documents.length),
  )[0] as RoleView;

  it('plays views with long lists, hints, requests and scores to diff', () => {
    expect(sequences.length).toBeGreaterThanOrEqual(8);
    expect(all.length).toBeGreaterThan(500);
    expect(rich.decisions.length + rich.documents.length).toBeGreaterThanOrEqual(8);
    expect(all.some((v) => v.hints.length > 1)).toBe(true);
    expect(all.some((v) => v.requests.length > 1)).toBe(true);
  });

  it('patches each view into the next one, along every group played', () => {
    let changes = 0;
    let sameViews = 0;
    for (const sequence of sequences) {
      for (let i = 1; i < sequence.length; i += 1) {
        const ops = expectDiffApplies(sequence[i - 1] as RoleView, sequence[i] as RoleView);
        if (diffViews(sequence[i - 1] as RoleView, sequence[i] as RoleView).changed) changes += 1;
        else sameViews += 1;
        expect(ops.every((op) => ['add', 'remove', 'replace'].includes(op.op))).toBe(true);
      }
    }
    // Both kinds occur: the other agencies of a team often see nothing change.
    expect(changes).toBeGreaterThan(100);
    expect(sameViews).toBeGreaterThan(10);
  });

  it('patches any view of a group into any other, backwards included (lists shrink)', () => {
    for (let n = 0; n < 600; n += 1) {
      const sequence = pick(sequences);
      expectDiffApplies(pick(sequence), pick(sequence));
    }
  });

  it('patches between views of other agencies and teams (unrelated lists)', () => {
    for (let n = 0; n < 150; n += 1) expectDiffApplies(pick(all), pick(all));
  });

  it('patches removed, added, moved and reversed list items', () => {
    const lists = ['documents', 'decisions', 'requests', 'hints', 'injects', 'people'] as const;
    const source = all.filter((v) => lists.every((l) => v[l].length >= 2));
    expect(source.length).toBeGreaterThan(0);
    for (let n = 0; n < 250; n += 1) {
      const view = pick(source);
      const list = pick([...lists]);
      const items: unknown[] = [...view[list]];
      const at = Math.floor(rnd() * items.length);
      const other = Math.floor(rnd() * items.length);
      switch (n % 5) {
        case 0:
          items.splice(at, 1);
          break;
        case 1:
          items.splice(at, 0, pick(pick(all)[list] as unknown[]) ?? items[other]);
          break;
        case 2:
          items.splice(other, 0, ...items.splice(at, 1));
          break;
        case 3:
          items.reverse();
          break;
        default:
          items.splice(at, 2, items[other]);
      }
      expectDiffApplies(view, { ...view, [list]: items });
    }
  });

  it('patches lists without keys: evidence elements, red lines, signatures', () => {
    const withEvidence = all.filter((v) => v.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThan(0);
    for (let n = 0; n < 150; n += 1) {
      const view = pick(withEvidence);
      const at = Math.floor(rnd() * view.evidence.length);
      const item = view.evidence[at] as RoleView['evidence'][number];
      const elements = [...item.elements];
      const cut = Math.floor(rnd() * (elements.length + 1));
      if (n % 3 === 0) elements.splice(cut, 0, 'extra', 'more');
      else if (n % 3 === 1) elements.splice(cut, 1);
      else elements.reverse();
      const evidence = view.evidence.map((e, i) => (i === at ? { ...e, elements } : e));
      const redLines = n % 2 === 0 ? ['a', 'b', 'c'] : ['b'];
      const scores = { evidence: 1, rights: 2, redLines };
      const held = { ...view, scores: { ...scores, redLines: ['a', 'c'] } };
      expectDiffApplies(held, { ...view, evidence, scores });
    }
  });

  it('removes one item among many with one operation, not a replace of every later one', () => {
    const list = rich.decisions.length >= rich.documents.length ? 'decisions' : 'documents';
    const items: unknown[] = rich[list];
    const middle = Math.floor(items.length / 2);
    const next = { ...rich, [list]: items.filter((_, i) => i !== middle) };
    expect(expectDiffApplies(rich, next)).toEqual([{ op: 'remove', path: `/${list}/${middle}` }]);
    const back = expectDiffApplies(next, rich);
    expect(back).toEqual([{ op: 'add', path: `/${list}/${middle}`, value: items[middle] }]);
    // The value is the next view's own object, not a copy.
    expect(back[0]).toHaveProperty('value', expect.anything());
    expect((back[0] as { value: unknown }).value).toBe(items[middle]);
  });

  it('matches items by key when their contents change too', () => {
    // A decision taken: it leaves the list and every other one changes (here: enabled flips).
    const items = rich.decisions;
    const middle = Math.floor(items.length / 2);
    const decisions = items
      .filter((_, i) => i !== middle)
      .map((d) => ({ ...d, enabled: !d.enabled }));
    const ops = expectDiffApplies(rich, { ...rich, decisions });
    expect(ops).toHaveLength(items.length);
    expect(ops).toContainEqual({ op: 'remove', path: `/decisions/${middle}` });
    const flips = ops.filter((op) => op.op === 'replace' && op.path.endsWith('/enabled'));
    expect(flips).toHaveLength(items.length - 1);
  });

  it('keeps the minutes out of what counts as a change, and patches them all the same', () => {
    const later = { ...rich, clock: { ...rich.clock, minutes: rich.clock.minutes + 7 } };
    expect(diffViews(rich, later)).toEqual({
      changed: false,
      ops: [{ op: 'replace', path: '/clock/minutes', value: rich.clock.minutes + 7 }],
    });
    expect(
      diffViews(rich, { ...later, clock: { ...later.clock, running: !rich.clock.running } }),
    ).toMatchObject({ changed: true });
    expect(diffViews(rich, { ...rich })).toEqual({ changed: false, ops: [] });
    // A key left undefined is absent on the wire: no change.
    const { facts: _facts, ...bare } = rich;
    expect(diffViews({ ...bare, facts: undefined }, bare)).toEqual({ changed: false, ops: [] });
    expect(diffViews(bare, { ...bare, facts: undefined })).toEqual({ changed: false, ops: [] });
  });

  it('escapes keys in paths (facts are keyed by free-form names)', () => {
    const held = { ...rich, facts: { 'a/b': 1, 'c~d': 'x', gone: 3 } };
    const next = { ...rich, facts: { 'a/b': 2, 'c~d': 'y', 'e/f~': true } };
    expect(expectDiffApplies(held, next)).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/facts/a~1b', value: 2 },
        { op: 'replace', path: '/facts/c~0d', value: 'y' },
        { op: 'add', path: '/facts/e~1f~0', value: true },
        { op: 'remove', path: '/facts/gone' },
      ]),
    );
  });
});

describe('JSON length lower bound', () => {
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const session = playSession(runtime, compiled.playable, prng(3), 0);
  const views = stateSequence(runtime, session)
    .slice(0, 60)
    .map(({ team, state }) =>
      runtime.view(state, compiled.playable[0] as string, {
        team,
        settings: SETTINGS,
        running: true,
      }),
    );

  it('is at most the length of JSON.stringify, and close to it for views', () => {
    for (const view of views) {
      const exact = JSON.stringify(view).length;
      expect(minJsonLength(view)).toBeLessThanOrEqual(exact);
      expect(minJsonLength(view)).toBeGreaterThan(exact * 0.95);
    }
    const plain = { ids: ['a', 'bc'], ok: true, no: false, none: null, gone: undefined, e: {} };
    expect(minJsonLength(plain)).toBe(JSON.stringify(plain).length);
    const odd = {
      quote: 'say "hi"\\ \n\t\u0001',
      unicode: 'Škoda – ć 😀 \ud800',
      numbers: [0, -0, 1.5, -2e-7, 1e21, Number.NaN, Infinity],
      empty: [{}, [], ''],
      holes: [undefined, null, true, false],
    };
    expect(minJsonLength(odd)).toBeLessThanOrEqual(JSON.stringify(odd).length);
  });

  it('stops once past the limit, above it', () => {
    const view = views[views.length - 1] as RoleView;
    const full = minJsonLength(view);
    expect(minJsonLength(view, full)).toBe(full);
    const cut = minJsonLength(view, 3000);
    expect(cut).toBeGreaterThan(3000);
    expect(cut).toBeLessThan(full);
  });
});

describe('patch or whole view', () => {
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const session = playSession(runtime, compiled.playable, prng(3), 0);
  const [first, second] = stateSequence(runtime, session);
  const role = compiled.playable[0] as string;
  const viewOf = (step: typeof first) =>
    runtime.view(step!.state, role, { team: step!.team, settings: SETTINGS, running: true });

  it('sends a patch smaller than the view, and the view when the patch would be no smaller', () => {
    const held = viewOf(first);
    const next = viewOf(second);
    const small = diffViews(held, next).ops;
    expect(patchIfSmaller(small, next)).toBe(small);
    const big: ViewPatchOp[] = [{ op: 'replace', path: '', value: next }];
    expect(JSON.stringify(big).length).toBeGreaterThan(SMALL_PATCH_CHARS);
    expect(patchIfSmaller(big, next)).toBeNull();
    // Larger than the small-patch threshold but smaller than the view: still a patch.
    const medium: ViewPatchOp[] = [{ op: 'replace', path: '/documents', value: next.documents }];
    const size = JSON.stringify(medium).length;
    expect(size).toBeGreaterThan(SMALL_PATCH_CHARS);
    expect(size).toBeLessThan(JSON.stringify(next).length);
    expect(patchIfSmaller(medium, next)).toBe(medium);
  });

  it('hands the text of a patch it sends to the encoder, and none of one it does not', () => {
    const next = viewOf(second);
    const ops = diffViews(viewOf(first), next).ops;
    expect(patchIfSmaller(ops, next)).toBe(ops);
    expect(knownJsonOf(ops)).toBe(JSON.stringify(ops));
    const big: ViewPatchOp[] = [{ op: 'replace', path: '', value: next }];
    expect(patchIfSmaller(big, next)).toBeNull();
    expect(knownJsonOf(big)).toBeUndefined();
  });
});
