import { z } from 'zod';
import type { RoleView, TeamCard } from './views';

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
 * The view after `patch`, or null when the patch does not apply to what is held: another version,
 * no view, or an operation whose path is not there. On null, keep the held view and ask for a
 * snapshot. The held view is not touched: the objects on the paths the ops change are new (so UI
 * state built on the held view sees a change there), everything else is shared with it.
 */
export function applyViewPatch(held: VersionedView, patch: ViewPatch): VersionedView | null {
  if (held.view === null || held.viewVersion !== patch.base) return null;
  const view = applyJsonPatch(held.view, patch.ops);
  // A root replaced by something other than an object is no view either.
  if (view === null || typeof view !== 'object') return null;
  return { view: view as RoleView, viewVersion: patch.version };
}

/**
 * What changed in one team's staff card since the card whose version is `base` (see
 * `session.update`'s `teamPatches`): the same rules as a view patch, pointers into the card.
 */
export const teamPatchSchema = viewPatchSchema.extend({ team: z.string().min(1) });
export type TeamPatch = z.infer<typeof teamPatchSchema>;

/** A team's card as a staff client holds it: the card and the version the server gave it. */
export interface VersionedCard {
  card: TeamCard | undefined;
  version: string | undefined;
}

/**
 * The team's card after `patch`, or null when the patch does not apply to what is held (no card
 * of that team, another version, an operation whose path is not there, a result that is no card
 * of that team). On null, keep the held card and ask for a snapshot. The held card is not touched
 * (see applyViewPatch).
 */
export function applyTeamPatch(
  held: VersionedCard,
  patch: TeamPatch,
): { card: TeamCard; version: string } | null {
  if (held.card === undefined || held.version !== patch.base) return null;
  const card = applyJsonPatch(held.card, patch.ops);
  if (card === null || typeof card !== 'object' || Array.isArray(card)) return null;
  if ((card as Partial<TeamCard>).team?.id !== patch.team) return null;
  return { card: card as TeamCard, version: patch.version };
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null;

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** An array index of a JSON pointer: digits only (RFC 6901), as fast-json-patch accepts them. */
const INDEX = /^\d+$/;

/** Whether a value holds `undefined` anywhere (JSON has none; a patch value with one is invalid). */
function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (isContainer(value)) return Object.values(value).some(hasUndefined);
  return false;
}

/**
 * `ops` (RFC 6902 add, remove and replace) applied in order to `document`, which stays as it was:
 * each container on an op's path is copied, shallowly and once per call, and the rest of the
 * result is the document's own objects (a deep clone of a whole role view for every patch is
 * what the fleet and the client spent most of their patching time on). Undefined (which no JSON
 * document is) when an op is malformed or its path is not there (array indexes past the end
 * included), or names `__proto__`.
 */
function applyJsonPatch(document: unknown, ops: readonly ViewPatchOp[]): unknown {
  // Containers this call made: changing them in place touches nobody else's objects. Values an op
  // inserts are not among them (they belong to the patch), so a later op into one copies it too.
  const made = new Set<Container>();
  const own = (container: Container): Container => {
    if (made.has(container)) return container;
    const copy = Array.isArray(container) ? container.slice() : { ...container };
    made.add(copy);
    return copy;
  };
  let root = document;
  for (const op of ops) {
    if (op.op !== 'remove' && (op.value === undefined || hasUndefined(op.value))) {
      return undefined;
    }
    if (op.path === '') {
      // The whole document: replaced (or added over), never removed.
      if (op.op === 'remove') return undefined;
      root = op.value;
      continue;
    }
    if (!op.path.startsWith('/') || !isContainer(root)) return undefined;
    const keys = op.path
      .slice(1)
      .split('/')
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (keys.includes('__proto__')) return undefined;
    root = own(root);
    let parent = root as Container;
    for (let i = 0; i < keys.length - 1; i += 1) {
      const key = keys[i] as string;
      const child = Array.isArray(parent)
        ? INDEX.test(key)
          ? parent[Number(key)]
          : undefined
        : hasOwn(parent, key)
          ? parent[key]
          : undefined;
      if (!isContainer(child)) return undefined;
      const copy = own(child);
      if (Array.isArray(parent)) parent[Number(key)] = copy;
      else parent[key] = copy;
      parent = copy;
    }
    const last = keys[keys.length - 1] as string;
    if (Array.isArray(parent)) {
      // "-" (past the end) names a place to add at, never an element to remove or replace.
      if (last === '-' ? op.op !== 'add' : !INDEX.test(last)) return undefined;
      const index = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') {
        if (index > parent.length) return undefined;
        parent.splice(index, 0, op.value);
      } else {
        if (index >= parent.length) return undefined;
        if (op.op === 'remove') parent.splice(index, 1);
        else parent[index] = op.value;
      }
    } else if (op.op === 'add') {
      parent[last] = op.value;
    } else {
      if (!hasOwn(parent, last)) return undefined;
      if (op.op === 'remove') delete parent[last];
      else parent[last] = op.value;
    }
  }
  return root;
}
