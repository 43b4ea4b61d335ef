import { createHash } from 'node:crypto';
import type { RoleView, ViewPatchOp } from '@crossroads/shared';
import { compare } from 'fast-json-patch';

/**
 * Digests of JSON subtrees by object identity. Views share most of their objects (texts,
 * documents) with the compiled scenario and with the previous view, so only what a view computed
 * anew is hashed. Sound because views and the scenario objects in them are never mutated.
 */
const digests = new WeakMap<object, string>();

function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = digests.get(value);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  if (Array.isArray(value)) {
    hash.update('[');
    for (const item of value) hash.update(digestOf(item)).update(',');
  } else {
    hash.update('{');
    // Sorted, so two processes that built equal views in another key order agree.
    const keys = Object.keys(value).sort();
    for (const key of keys) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) hash.update(JSON.stringify(key)).update(':').update(digestOf(item));
      hash.update(',');
    }
  }
  const digest = hash.digest('base64url');
  digests.set(value, digest);
  return digest;
}

/**
 * The version token of a role view: a digest of everything but the clock's minutes. Derived from
 * the content rather than counted, so every server process gives an equal view the same token and
 * a different view another one: a client whose snapshot came from a process that does not own the
 * session (its updates come from the owner through the cluster adapter) can still take the
 * owner's patches, and a token can never name two different views, after a takeover included.
 */
export function viewVersion(view: RoleView): string {
  const { minutes: _minutes, ...clock } = view.clock;
  return createHash('sha256')
    .update(digestOf({ ...view, clock }))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Every role view serialises to more than this (the smallest, a role before any decision, is
 * several kilobytes of texts in five languages), so a patch this small is sent without measuring
 * the view it stands for.
 */
export const SMALL_PATCH_CHARS = 2048;

/**
 * The RFC 6902 operations that turn `held` (the view last sent to the group) into `next`, or null
 * when sending `next` whole would be no larger. The clock's minutes are in it when they differ, as
 * a replace of the absolute value: a whole view carried them too, and not every change of minutes
 * comes with a `clock.ticked` event the client could count (a facilitator's clock.advance does not).
 */
export function viewPatchOps(held: RoleView, next: RoleView): ViewPatchOp[] | null {
  // compare() emits only add, remove and replace when not asked for an invertible patch.
  const ops = compare(held, next) as ViewPatchOp[];
  const size = JSON.stringify(ops).length;
  if (size > SMALL_PATCH_CHARS && size >= JSON.stringify(next).length) return null;
  return ops;
}
