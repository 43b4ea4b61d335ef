// Lets plain `node` run the TypeScript sources (for child-process tests and the benchmark's
// server): node --conditions=@crossroads/source -r ./apps/server/bench/register-ts.cjs <file.ts>
// Workspaces resolve to their src/*.ts through the @crossroads/source export condition; each .ts
// file is compiled on load by @swc/core with the same settings as the jest transform.
//
// Compiled files are kept in node_modules/.cache/crossroads-ts, named by a digest of the source,
// its path and the compiler's version and settings: the test run starts dozens of server
// processes, and compiling the server's sources again in each took seconds of a loaded CI core.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload script */
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const swc = require('@swc/core');

const OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const SETTINGS = JSON.stringify([swc.version ?? '', OPTIONS]);
const CACHE = path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'crossroads-ts');

function cached(key) {
  try {
    return fs.readFileSync(path.join(CACHE, `${key}.js`), 'utf8');
  } catch {
    return null;
  }
}

function keep(key, code) {
  // Written under a name of its own, then renamed: processes starting together never read half a file.
  try {
    fs.mkdirSync(CACHE, { recursive: true });
    const temporary = path.join(CACHE, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, path.join(CACHE, `${key}.js`));
  } catch {
    // A read-only or full disk only costs the next process the compilation.
  }
}

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = createHash('sha256')
    .update(SETTINGS)
    .update('\0')
    .update(filename)
    .update('\0')
    .update(source)
    .digest('hex');
  let code = cached(key);
  if (code === null) {
    code = swc.transformSync(source, { ...OPTIONS, filename }).code;
    keep(key, code);
  }
  module._compile(code, filename);
};
