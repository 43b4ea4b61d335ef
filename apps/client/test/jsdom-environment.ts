import { TestEnvironment } from 'jest-environment-jsdom';

/**
 * jsdom plus the WHATWG classes Node already has but jest's jsdom environment leaves out.
 * react-router's data router builds a `Request` (with an AbortSignal) for every navigation and
 * needs TextEncoder at import time. AbortController/AbortSignal must come from the same realm as
 * `Request`, so they are taken from Node as well.
 * Use with a `@jest-environment ./test/jsdom-environment.ts` docblock.
 */
export default class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    const target = this.global as unknown as Record<string, unknown>;
    const source = globalThis as unknown as Record<string, unknown>;
    for (const name of [
      'TextEncoder',
      'TextDecoder',
      'Request',
      'Response',
      'Headers',
      'AbortController',
      'AbortSignal',
    ]) {
      target[name] = source[name];
    }
  }
}
