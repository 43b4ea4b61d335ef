import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Walks up from `start` until `match` accepts a folder's package.json.
 * Works the same from `src/` (ts sources under jest) and from `dist/` (compiled).
 */
function findPackageDir(start: string, match: (pkg: Record<string, unknown>) => boolean): string {
  let dir = start;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (match(pkg)) return dir;
      } catch {
        // An unreadable package.json is not the one we look for; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No matching package.json above ${start}`);
    }
    dir = parent;
  }
}

let serverDirCache: string | undefined;
let repoRootCache: string | undefined;

/** Folder of apps/server (holds package.json, src/ and dist/). */
export function serverDir(): string {
  serverDirCache ??= findPackageDir(__dirname, (pkg) => pkg.name === '@crossroads/server');
  return serverDirCache;
}

/** Repository root: the package.json that declares the npm workspaces. */
export function repoRoot(): string {
  repoRootCache ??= (() => {
    try {
      return findPackageDir(serverDir(), (pkg) => Array.isArray(pkg.workspaces));
    } catch {
      // Installed outside the monorepo: apps/server sits two levels below the root.
      return path.resolve(serverDir(), '..', '..');
    }
  })();
  return repoRootCache;
}

/** The server's version from apps/server/package.json. */
export function serverVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(serverDir(), 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
