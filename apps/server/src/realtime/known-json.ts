/**
 * The JSON texts of the last few values serialised just before they were emitted, by identity: a
 * view patch's operations, measured against the view's size just before their update is emitted
 * (view-versions.ts). A handful of slots is enough because each value is emitted right after it
 * is remembered (the host emits synchronously, and socket.io encodes as it emits); unlike a
 * WeakMap (tried: its entries cost the garbage collector more than the texts saved) they cost
 * nothing but the few texts they keep. Sound because what is emitted is never mutated afterwards.
 */
const SLOTS = 4;
const values: (object | null)[] = new Array<object | null>(SLOTS).fill(null);
const texts: string[] = new Array<string>(SLOTS).fill('');
let next = 0;

/**
 * Records `json`, the JSON.stringify of `value`, so that emitting `value` next in a session event
 * copies this text instead of serialising it again. `value` must not be mutated afterwards.
 */
export function rememberJson(value: object, json: string): void {
  values[next] = value;
  texts[next] = json;
  next = (next + 1) % SLOTS;
}

/** The text recorded for `value`, if it is still remembered. */
export function knownJsonOf(value: object): string | undefined {
  for (let i = 0; i < SLOTS; i += 1) if (values[i] === value) return texts[i];
  return undefined;
}
