// ESLint flat config. Boundary rules keep the architecture honest:
// the browser never imports scenario content, packages never reach into apps,
// nobody deep-imports another workspace's src, and the scenario core stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const noDeepImports = {
  group: ['@crossroads/*/src', '@crossroads/*/src/*', '**/packages/*/src/*', '**/apps/*/src/*'],
  message: 'Import another workspace through its package name, never its src folder.',
};
const noApps = {
  group: ['@crossroads/server', '@crossroads/client', '**/apps/**'],
  message: 'packages/* must not depend on apps/*.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-cli/**',
      '**/dist-bench/**',
      'data/**',
      'artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: [noDeepImports] }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: {
      // Nest's DI reads constructor parameter types at run time, so they must stay value imports.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['apps/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: [
                '@crossroads/scenarios',
                '@crossroads/scenarios/*',
                '**/packages/scenarios/**',
              ],
              message:
                'The browser bundle must never contain scenario content (secrets): use the server.',
            },
            {
              group: ['@crossroads/server', '**/apps/server/**'],
              message: 'The client talks to the server over the wire only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports, noApps] }] },
  },
  {
    files: ['packages/scenarios/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports, noApps] }] },
  },
  {
    files: ['packages/scenarios/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            noApps,
            {
              group: [
                'node:*',
                '@nestjs/*',
                'typeorm',
                'socket.io',
                'socket.io-client',
                'react',
                'react-dom',
                'better-sqlite3',
              ],
              message:
                'The scenario core is pure: no I/O, frameworks or Node built-ins (put file access in packages/scenarios/node).',
            },
          ],
          paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'].map((name) => ({
            name,
            message: 'The scenario core is pure: no Node built-ins.',
          })),
        },
      ],
    },
  },
  prettier,
);
