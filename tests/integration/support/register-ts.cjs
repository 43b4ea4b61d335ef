/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook, loaded with node -r */
// Lets plain `node` run the server from its TypeScript sources (no build), for tests that need
// a real process (signals, exit codes):
//   node --conditions=@crossroads/source -r tests/integration/support/register-ts.cjs apps/server/src/main.ts
// Each .ts file is compiled with @swc/core exactly as jest does (decorators + metadata, CommonJS).
// The @crossroads/source condition makes workspace packages resolve to their src/ as well.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
