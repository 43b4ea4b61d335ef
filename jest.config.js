// One jest run covers every workspace: each entry in `projects` is one suite.
// @swc/jest is used because ts-jest cannot load the ESM-only NestJS 12 packages on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const workspaceSources = {
  '^@crossroads/shared$': '<rootDir>/../../packages/shared/src/index.ts',
  '^@crossroads/scenarios$': '<rootDir>/../../packages/scenarios/src/index.ts',
  '^@crossroads/scenarios/node$': '<rootDir>/../../packages/scenarios/node/index.ts',
  '^@crossroads/server$': '<rootDir>/../../apps/server/src/index.ts',
};

const base = (rootDir, displayName, extra = {}) => ({
  displayName,
  rootDir,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|bcryptjs)/)'],
  moduleNameMapper: Object.fromEntries(
    Object.entries(workspaceSources).map(([k, v]) => [k, v.replace('<rootDir>/../..', __dirname)]),
  ),
  testMatch: ['**/?(*.)+(spec|test).ts?(x)'],
  ...extra,
});

module.exports = {
  // Two suites at a time even on two cores (jest's default there is one): most suites wait on a
  // server child process, a database or a browser, so two overlap well; run one after another
  // the whole suite took longer than CI allows. The suites are written for a loaded machine
  // (deadlines for conditions, not sleeps).
  maxWorkers: 2,
  // At the end of a run jest tells each worker to stop and, by default, kills any worker still
  // alive 500 ms later with "A worker process has failed to exit gracefully". Every project's
  // workers empty their event loop within a few ms (no socket, server, timer or child process
  // left), but a worker that ran many suites holds 0.5-0.7 GB, and the process exit that frees it
  // takes 0.5-2 s on a loaded two-core machine, so the warning fired on every run without a
  // leak behind it. A handle that really leaks keeps the worker alive for good, so it still gets
  // the warning, five seconds later.
  workerGracefulExitTimeout: 5000,
  projects: [
    base('<rootDir>/packages/shared', 'shared'),
    base('<rootDir>/packages/scenarios', 'scenarios'),
    // Tests that need PostgreSQL live in apps/server/test/postgres and run in their own project:
    // without the server each fails naming it and how to start it (require-services.ts).
    base('<rootDir>/apps/server', 'server', {
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/postgres/'],
    }),
    base('<rootDir>/apps/server', 'postgres', {
      roots: ['<rootDir>/test/postgres'],
      setupFilesAfterEnv: ['<rootDir>/test/postgres/require-services.ts'],
    }),
    base('<rootDir>/apps/client', 'client', {
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
    }),
    base('<rootDir>/tests/integration', 'integration'),
    // Scale-out tests: several servers fanning out through Redis (127.0.0.1:6379, or
    // CROSSROADS_TEST_REDIS_URL); without it each fails naming Redis and how to start it.
    base('<rootDir>/tests/redis', 'redis', {
      setupFilesAfterEnv: ['<rootDir>/require-redis.ts'],
    }),
    base('<rootDir>/tests/browser', 'browser', { testTimeout: 120000 }),
  ],
};
