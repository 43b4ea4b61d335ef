import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * npm links a workspace into node_modules whether or not another one declares it, so an import of
 * an undeclared sibling works by accident: the build order, `npm ls` and a future publish would
 * not know of it. Every workspace must declare each `@crossroads/*` package its code imports.
 */

const repo = path.resolve(__dirname, '..', '..');
const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(path.join(repo, file), 'utf8')) as T;

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const SKIP = new Set(['node_modules', 'dist', 'dist-cli', 'dist-bench', 'data']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** `@crossroads/<name>` packages imported (statically, dynamically or by require) under `dir`. */
function importedWorkspaces(dir: string): Set<string> {
  const found = new Set<string>();
  const specifier =
    /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](@crossroads\/[\w-]+)/g;
  for (const file of sources(dir))
    for (const m of readFileSync(file, 'utf8').matchAll(specifier)) found.add(m[1]!);
  return found;
}

const workspaceDirs = readJson<{ workspaces: string[] }>('package.json').workspaces;
const manifests = new Map(
  workspaceDirs.map((dir) => [dir, readJson<Manifest>(path.join(dir, 'package.json'))]),
);
const versionOf = new Map([...manifests.values()].map((m) => [m.name, m.version]));

describe('workspace dependencies', () => {
  it.each(workspaceDirs)('%s declares every @crossroads package it imports', (dir) => {
    const own = manifests.get(dir)!;
    const declared = { ...own.devDependencies, ...own.dependencies };
    const missing = [...importedWorkspaces(path.join(repo, dir))]
      .filter((name) => name !== own.name)
      .filter((name) => declared[name] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(workspaceDirs)(
    '%s pins each declared sibling to its version, so npm links it instead of fetching',
    (dir) => {
      const own = manifests.get(dir)!;
      const declared = { ...own.devDependencies, ...own.dependencies };
      const siblings = Object.entries(declared).filter(([name]) => name.startsWith('@crossroads/'));
      for (const [name, range] of siblings)
        expect([name, range]).toEqual([name, versionOf.get(name)]);
    },
  );

  it('keeps the client off the scenario engine (it runs on the server only)', () => {
    const client = manifests.get('apps/client')!;
    expect(Object.keys({ ...client.dependencies, ...client.devDependencies })).not.toContain(
      '@crossroads/scenarios',
    );
    expect([...importedWorkspaces(path.join(repo, 'apps/client'))]).not.toContain(
      '@crossroads/scenarios',
    );
  });

  it('records the declarations in package-lock.json, so `npm ci` agrees with the manifests', () => {
    const lock = readJson<{ packages: Record<string, Partial<Manifest>> }>('package-lock.json');
    for (const [dir, own] of manifests) {
      const locked = lock.packages[dir];
      expect({ dir, ...locked?.dependencies }).toEqual({ dir, ...own.dependencies });
      expect({ dir, ...locked?.devDependencies }).toEqual({ dir, ...own.devDependencies });
    }
  });
});
