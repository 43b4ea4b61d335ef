import { z } from 'zod';

/*
 * The page runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles fast object
 * parsers with `new Function` when it may; its jitless mode parses without, so no eval is tried
 * (a tried-and-refused eval would still be a CSP violation report). Imported first in main.tsx.
 */
z.config({ jitless: true });
