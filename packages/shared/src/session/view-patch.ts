import { applyPatch, type Operation } from 'fast-json-patch';
import { z } from 'zod';
import type { RoleView } from './views';

/**
 * One RFC 6902 operation of a view patch. The server emits only these three (JSON pointers into
 * the role view; array elements by index, removals from the highest index down), never `move`,
 * `copy` or `test`.
 */
export const viewPatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }),
]);
export type ViewPatchOp = z.infer<typeof viewPatchOpSchema>;

/**
 * What changed in a trainee group's role view since the view whose version is `base`: apply
 * `ops` in order to the view held at `base`, and the result is the view at `version`. Versions do
 * not depend on the clock's minutes (clients add `clock.ticked` minutes themselves); a patch sets
 * them to the absolute value when they changed. A client holding any other version must not apply
 * it: it asks for a snapshot (`session.sync`) instead.
 */
export const viewPatchSchema = z.object({
  base: z.string().min(1),
  version: z.string().min(1),
  ops: z.array(viewPatchOpSchema),
});
export type ViewPatch = z.infer<typeof viewPatchSchema>;

/** A role view as a client holds it: the view and the version the server gave it. */
export interface VersionedView {
  view: RoleView | null;
  viewVersion: string | null;
}

/**
 * The view after `patch`, as new objects (the held view is not touched, so UI state built on it
 * sees a change), or null when the patch does not apply to what is held: another version, no view,
 * or an operation whose path is not there. On null, keep the held view and ask for a snapshot.
 */
export function applyViewPatch(held: VersionedView, patch: ViewPatch): VersionedView | null {
  if (held.view === null || held.viewVersion !== patch.base) return null;
  try {
    // The ops were validated by viewPatchSchema; zod types `value` as optional unknown, which
    // is what the library's Operation type describes more narrowly.
    const ops = patch.ops as Operation[];
    const { newDocument } = applyPatch(held.view, ops, true, false);
    return { view: newDocument, viewVersion: patch.version };
  } catch {
    return null;
  }
}
