import type { TeamCard, ViewPatchOp } from '@crossroads/shared';
import { diffValue, equalJson } from './view-diff';

/**
 * What turns the team card the staff hold into the next one: RFC 6902 operations (add, remove,
 * replace), none when the cards are equal. Parts the two cards share are
 * skipped by identity (SessionViews.card reuses every part whose inputs did not change, and every
 * decision item of the list before), so a new decision costs a walk of the card's top level and
 * of its list of last decisions. The scores are replaced whole when they differ. The values in
 * `ops` are the next card's own objects.
 */
export function diffCards(held: TeamCard, next: TeamCard): ViewPatchOp[] {
  const ops: ViewPatchOp[] = [];
  if (held !== next) {
    const a = held as unknown as Record<string, unknown>;
    const b = next as unknown as Record<string, unknown>;
    for (const key in a) {
      const before = a[key];
      if (before === undefined) continue;
      const after = b[key];
      if (after === undefined) ops.push({ op: 'remove', path: `/${key}` });
      else if (before === after) continue;
      else if (key === 'lastDecisions') diffBySeq(held.lastDecisions, next.lastDecisions, ops);
      else if (key === 'scores') {
        // Whole, never into them: in a cluster a staff client's snapshot may come from a process
        // that rescored at another moment than the owner, and versions leave the scores out
        // (cardVersion), so the owner's patch must apply to any scores.
        if (!equalJson(before, after)) ops.push({ op: 'replace', path: '/scores', value: after });
      } else diffValue(before, after, `/${key}`, ops);
    }
    for (const key in b) {
      if (b[key] !== undefined && a[key] === undefined) {
        ops.push({ op: 'add', path: `/${key}`, value: b[key] });
      }
    }
  }
  return ops;
}

type Decisions = TeamCard['lastDecisions'];

/**
 * The list of last decisions is newest first and capped: a new decision enters at the front and,
 * once the list is full, the oldest leaves at the end, which the generic list diff (common prefix
 * and suffix) sees as every item replaced. Items are matched by seq instead: the ones that left
 * are removed (highest index first), then the new ones added at their places, and an item that
 * stayed but is another object is diffed in place. When the items that stayed are not in the same
 * order (no card does that), the generic diff is used.
 */
function diffBySeq(a: Decisions, b: Decisions, ops: ViewPatchOp[]): void {
  const path = '/lastDecisions';
  const inB = new Set(b.map((item) => item.seq));
  const kept = a.filter((item) => inB.has(item.seq));
  const inA = new Set(kept.map((item) => item.seq));
  const stayed = b.filter((item) => inA.has(item.seq));
  if (stayed.some((item, i) => item.seq !== kept[i]?.seq)) {
    diffValue(a, b, path, ops);
    return;
  }
  for (let i = a.length - 1; i >= 0; i -= 1) {
    if (!inB.has((a[i] as Decisions[number]).seq)) ops.push({ op: 'remove', path: `${path}/${i}` });
  }
  let k = 0;
  for (let j = 0; j < b.length; j += 1) {
    const item = b[j] as Decisions[number];
    const old = kept[k];
    if (old !== undefined && old.seq === item.seq) {
      if (old !== item) diffValue(old, item, `${path}/${j}`, ops);
      k += 1;
    } else {
      ops.push({ op: 'add', path: `${path}/${j}`, value: item });
    }
  }
}
