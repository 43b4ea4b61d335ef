// Lets plain `node` run the server from its TypeScript sources (no build), for tests that need
// a real process (signals, exit codes):
//   node --conditions=@crossroads/source -r tests/integration/support/register-ts.cjs apps/server/src/main.ts
// The hook itself is the benchmark's (compiled as jest does, cached between processes).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload script */
require('../../../apps/server/bench/register-ts.cjs');
