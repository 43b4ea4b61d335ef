// Lets plain `node` run the TypeScript sources (for child-process tests and the benchmark's
// server): node --conditions=@crossroads/source -r ./apps/server/bench/register-ts.cjs <file.ts>
// Workspaces resolve to their src/*.ts through the @crossroads/source export condition; each .ts
// file is compiled on load by @swc/core with the same settings as the jest transform.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload script */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
