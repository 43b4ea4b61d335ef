/** Express's JSON body parser (express has no type package here, so the little used is typed). */
type Middleware = (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CJS package, typed by Middleware
const express = require('express') as { json(options: { limit: string }): Middleware };

/**
 * JSON bodies for the studio's routes: room for the largest scenario text (1 MB of text, escaped in
 * JSON) while the rest of the API keeps the default limit. The text's own limit is checked after.
 */
export function studioJsonParser(): Middleware {
  const parse = express.json({ limit: '3mb' });
  // A wrapper with its own name: Nest skips its default JSON parser when it finds a layer named
  // `jsonParser`, which would leave every other route without one.
  return function studioJson(request, response, next) {
    parse(request, response, next);
  };
}
