import { randomBytes } from 'node:crypto';
import type { RoleView, TeamCard, ViewPatchOp } from '@crossroads/shared';
import { rememberJson } from '../realtime/known-json';
import { minJsonLength } from './view-diff';

/**
 * Digests of JSON subtrees by object identity. Views share most of their objects (texts,
 * documents) with the compiled scenario and with the previous view, so only what a view computed
 * anew is hashed. Sound because views and the scenario objects in them are never mutated.
 */
const digests = new WeakMap<object, string>();

/**
 * A 64-bit digest of a string in two 32-bit lanes (multiply-xorshift, as in cyrb53). Not a
 * cryptographic hash: tokens only tell views of one session's group apart, where 2^-64 is no
 * risk, and a SHA-256 object per subtree cost a fifth of the server's CPU at 1,000 trainees.
 */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(36).padStart(7, '0') + (h2 >>> 0).toString(36).padStart(7, '0');
}

function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = digests.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${digestOf(item)},`;
  } else {
    text = '{';
    // Sorted, so two processes that built equal views in another key order agree.
    const keys = Object.keys(value).sort();
    for (const key of keys) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) text += `${JSON.stringify(key)}:${digestOf(item)}`;
      text += ',';
    }
  }
  const digest = hash64(text);
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
  return digestOf({ ...view, clock });
}

/**
 * The version token of a staff team card, as viewVersion is for views: a digest, so equal on every
 * process for equal cards, leaving out the clock's minutes (clients count ticks) and the scores.
 * Each process rescores the log at its own moments, so a staff client whose snapshot came from a
 * process that does not own the session may hold other scores than the owner's card: patches
 * replace the scores whole (diffCards), which applies to any. The card's parts are digested once
 * by identity: a card reuses every part whose inputs did not change, and every decision item.
 */
export function cardVersion(card: TeamCard): string {
  const { minutes: _minutes, ...clock } = card.clock;
  const { scores: _scores, ...rest } = card;
  return digestOf({ ...rest, clock });
}

/** This process's prefix for local version tokens: a restarted process never reuses a token. */
const LOCAL_PREFIX = randomBytes(6).toString('base64url');
let localCounter = 0;

/**
 * A version token for a view that only this process hands out: a counter, not a digest, so it
 * costs nothing. Enough when one process serves every socket of the session (no NODE_ID): its
 * snapshots and its patches come from the same held views. In a cluster a trainee's snapshot may
 * come from another process than its patches, and only content digests (viewVersion) agree there.
 */
export function localViewVersion(): string {
  localCounter += 1;
  return `${LOCAL_PREFIX}.${localCounter.toString(36)}`;
}

/**
 * The JSON texts of the objects patches carry, by identity. An added or replaced decision,
 * document or inject is most often an object an earlier patch carried already (the runtime reuses
 * one object for every view, of any team, whose inputs to it are the same), and serialising its
 * texts in five languages again was most of a patch's cost. Sound because views, and what they
 * share with the runtime and the scenario, are never mutated.
 */
const valueTexts = new WeakMap<object, string>();

function valueJson(value: unknown): string {
  // Most replaced values are numbers (the clock's minutes above all).
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = valueTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    valueTexts.set(value, text);
  }
  return text;
}

/**
 * `JSON.stringify(ops)`, character for character (an op's keys are op, path, value in that order,
 * as view-diff.ts builds them; a value is never undefined there), with each value's text from
 * valueTexts.
 */
export function patchJson(ops: readonly ViewPatchOp[]): string {
  let json = '[';
  for (let i = 0; i < ops.length; i += 1) {
    const op = ops[i] as ViewPatchOp;
    json += `${i === 0 ? '' : ','}{"op":"${op.op}","path":${JSON.stringify(op.path)}`;
    if (op.op !== 'remove' && op.value !== undefined) json += `,"value":${valueJson(op.value)}`;
    json += '}';
  }
  return `${json}]`;
}

/**
 * Every role view serialises to more than this (the smallest, a role before any decision, is
 * several kilobytes of texts in five languages), so a patch this small is sent without measuring
 * the view it stands for.
 */
export const SMALL_PATCH_CHARS = 2048;

/**
 * `ops` when they serialise smaller than `next` would, else null (send `next` whole). The view is
 * not serialised: a lower bound of its length (minJsonLength) larger than the patch's is enough,
 * so a patch is never sent larger than the view, at worst a view slightly larger than its patch.
 * The patch's text is handed to the socket.io encoder (rememberJson), which copies it into the
 * update instead of serialising the operations a second time.
 */
export function patchIfSmaller(ops: ViewPatchOp[], next: RoleView): ViewPatchOp[] | null {
  const json = smallerPatchJson(ops, next, SMALL_PATCH_CHARS);
  if (json === null) return null;
  rememberJson(ops, json);
  return ops;
}

/**
 * `JSON.stringify(ops)` when it is smaller than `next` would be, else null: told from a lower
 * bound of `next`'s length that stops once past the patch's (see patchIfSmaller). A patch of at
 * most `small` characters is taken without measuring `next`.
 */
export function smallerPatchJson(ops: ViewPatchOp[], next: unknown, small: number): string | null {
  const json = patchJson(ops);
  const size = json.length;
  return size > small && minJsonLength(next, size) <= size ? null : json;
}
