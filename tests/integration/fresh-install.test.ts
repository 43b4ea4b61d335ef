import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(path.join(repo, file), 'utf8')) as T;

/** The lowest Node release the README promises. */
const PROMISED_NODE = '20.19.0';

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/.exec(text.trim());
  if (!m) return undefined;
  const part = (p: string | undefined) =>
    p === undefined || p === 'x' || p === '*' ? -1 : Number(p);
  return [part(m[1]), part(m[2]), part(m[3])];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i += 1) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}

/**
 * Whether `version` satisfies an npm `engines.node` range: `||` alternatives of space-separated
 * comparators (>=, >, <=, <, =, ^, ~, bare versions with x or * wildcards).
 */
export function satisfies(versionText: string, range: string): boolean {
  const version = parseVersion(versionText)!;
  return range.split('||').some((alternative) => {
    const tokens = alternative
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .trim()
      .split(/\s+/);
    return tokens.every((token) => {
      if (token === '' || token === '*' || token === 'x') return true;
      const m = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(token)!;
      const op = m[1] ?? '';
      const bound = parseVersion(m[2]!);
      if (!bound) throw new Error(`cannot read the range "${range}"`);
      const lower: Version = [bound[0], Math.max(bound[1], 0), Math.max(bound[2], 0)];
      switch (op) {
        case '>=':
          return compare(version, lower) >= 0;
        case '>':
          return compare(version, lower) > 0;
        case '<':
          return compare(version, lower) < 0;
        case '<=':
          return compare(version, lower) <= 0;
        case '^':
          return compare(version, lower) >= 0 && version[0] === lower[0];
        case '~':
          return compare(version, lower) >= 0 && version[0] === lower[0] && version[1] === lower[1];
        default:
          // A bare or = version: wildcard parts match anything.
          return bound.every((part, i) => part === -1 || part === version[i]);
      }
    });
  });
}

describe('a fresh install on the Node release the README promises', () => {
  it('reads npm engine ranges the way npm does', () => {
    expect(satisfies('20.19.0', '>=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '>=20')).toBe(true);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.3', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('20.19.0', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies('20.19.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('20.19.0', '20.x || 22.x')).toBe(true);
    expect(satisfies('20.19.0', '22.x || 24.x')).toBe(false);
  });

  it('installs no package whose engines exclude it (npm ci would warn EBADENGINE)', () => {
    const root = readJson<{ engines: { node: string } }>('package.json');
    expect(root.engines.node).toBe(`>=${PROMISED_NODE}`);
    const lock = readJson<{ packages: Record<string, { engines?: unknown; version?: string }> }>(
      'package-lock.json',
    );
    const unsupported = Object.entries(lock.packages).flatMap(([where, entry]) => {
      const engines = entry.engines as { node?: string } | undefined;
      if (!engines || typeof engines !== 'object' || typeof engines.node !== 'string') return [];
      return satisfies(PROMISED_NODE, engines.node)
        ? []
        : [`${where}@${entry.version ?? '?'} needs node ${engines.node}`];
    });
    expect(unsupported).toEqual([]);
  });

  it('runs every README command that needs built code through a build of what is missing', () => {
    const pkg = readJson<{ scripts: Record<string, string> }>('package.json');
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/`npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['scenarios:check', 'debrief', 'bench']));
    // The README's root commands, and `npm run bench`, which runs every workspace's bench.
    const workspaceBenches = ['packages/scenarios/package.json', 'apps/server/package.json'].map(
      (file): [string, string] => [
        `${file} bench`,
        readJson<{ scripts: { bench: string } }>(file).scripts.bench,
      ],
    );
    const scripts = [
      ...Object.entries(pkg.scripts).filter(([name]) => commands.includes(name)),
      ...workspaceBenches,
    ];
    const runsBuiltCode = scripts.filter(([, body]) => /node \S*dist[\w-]*\//.test(body));
    expect(runsBuiltCode.length).toBeGreaterThan(0);
    for (const [name, body] of runsBuiltCode) {
      const before = body.slice(0, body.search(/node \S*dist[\w-]*\//));
      expect({ name, buildsFirst: /build-stale\.mjs|npm run build|tsc /.test(before) }).toEqual({
        name,
        buildsFirst: true,
      });
    }
  });

  it('`npm run scenarios:check -- --json` prints clean JSON whatever it had to build', () => {
    const mini = path.join(repo, 'packages', 'scenarios', 'test', 'fixtures', 'mini.yaml');
    const result = spawnSync(
      'npm',
      ['run', '--silent', 'scenarios:check', '--', '--json', '--no-catalogue', mini],
      { cwd: repo, encoding: 'utf8', timeout: 600_000 },
    );
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
    const reports = JSON.parse(result.stdout) as Array<{ id: string; valid: boolean }>;
    expect(reports.length).toBe(1);
    expect(reports.every((r) => r.valid)).toBe(true);
  });
});
