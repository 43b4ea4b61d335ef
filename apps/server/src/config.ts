import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths';

/** Pino's levels, plus `silent` to switch logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** SQLite's name for a database that lives only in memory (throwaway test databases). */
export const IN_MEMORY_DATABASE = ':memory:';

/** The validated server configuration. Paths are absolute (or ':memory:' for the database). */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  logLevel: LogLevel;
  /** Normalised origin (scheme://host[:port], no trailing slash) browsers must come from. */
  publicOrigin: string;
  nodeEnv: NodeEnv;
  clientDist: string;
  isProduction: boolean;
}

export type Env = Record<string, string | undefined>;

/** One problem with one environment variable. */
export interface ConfigIssue {
  variable: string;
  problem: string;
  received: string | undefined;
  example: string;
}

/** Thrown by loadConfig when any variable is invalid; lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(ConfigError.describe(issues));
  }

  private static describe(issues: readonly ConfigIssue[]): string {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => {
      const got = issue.received === undefined ? '' : ` (got ${JSON.stringify(issue.received)})`;
      return `  - ${issue.variable}: ${issue.problem}${got}. Example: ${issue.example}`;
    });
    return [`Invalid server configuration, ${count}:`, ...lines].join('\n');
  }
}

const EXAMPLES = {
  PORT: 'PORT=3000',
  HOST: 'HOST=0.0.0.0',
  DATA_DIR: 'DATA_DIR=/var/lib/crossroads',
  DATABASE_PATH: 'DATABASE_PATH=/var/lib/crossroads/crossroads.sqlite',
  LOG_LEVEL: 'LOG_LEVEL=info',
  PUBLIC_ORIGIN: 'PUBLIC_ORIGIN=https://crossroads.example.org',
  NODE_ENV: 'NODE_ENV=production',
  CLIENT_DIST: 'CLIENT_DIST=/srv/crossroads/client',
} as const satisfies Record<string, string>;

type Variable = keyof typeof EXAMPLES;
const VARIABLES = Object.keys(EXAMPLES) as Variable[];

/** Returns the origin of an http(s) URL that has no path, query or credentials, else undefined. */
function toOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}

const pathString = z
  .string()
  .refine((v) => !v.includes('\0'), { error: 'must be a file system path' });

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'must be a whole number from 0 to 65535 (0 picks a free port)' })
    .transform(Number)
    .pipe(
      z
        .number()
        .max(65535, { error: 'must be a whole number from 0 to 65535 (0 picks a free port)' }),
    )
    .default(3000),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.\-:[\]%]+$/, {
      error: 'must be a host name or IP address to listen on, without scheme or port',
    })
    .default('0.0.0.0'),
  DATA_DIR: pathString.optional(),
  DATABASE_PATH: pathString.optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  PUBLIC_ORIGIN: z
    .string()
    .refine((v) => toOrigin(v) !== undefined, {
      error: 'must be an http(s) origin: scheme, host and optional port, with no path',
    })
    .transform((v) => toOrigin(v) ?? v)
    .default('http://localhost:3000'),
  NODE_ENV: z
    .enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` })
    .default('development'),
  CLIENT_DIST: pathString.optional(),
});

/**
 * Reads and validates the server configuration. Nothing needs to be set: every variable has a
 * default. Empty values count as unset. Relative paths are resolved against the repository root,
 * so the result does not depend on the folder the server was started from.
 *
 * @throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const raw: Partial<Record<Variable, string>> = {};
  for (const name of VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }

  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const issues: ConfigIssue[] = [];
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue; // one line per variable is enough
      seen.add(variable);
      issues.push({
        variable,
        problem: issue.message,
        received: raw[variable as Variable],
        example: EXAMPLES[variable as Variable] ?? '',
      });
    }
    throw new ConfigError(issues);
  }

  const v = parsed.data;
  const root = repoRoot();
  const dataDir = path.resolve(root, v.DATA_DIR ?? 'data');
  const databasePath =
    v.DATABASE_PATH === IN_MEMORY_DATABASE
      ? IN_MEMORY_DATABASE
      : path.resolve(root, v.DATABASE_PATH ?? path.join(dataDir, 'crossroads.sqlite'));

  return {
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databasePath,
    logLevel: v.LOG_LEVEL,
    publicOrigin: v.PUBLIC_ORIGIN,
    nodeEnv: v.NODE_ENV,
    clientDist: path.resolve(root, v.CLIENT_DIST ?? path.join('apps', 'client', 'dist')),
    isProduction: v.NODE_ENV === 'production',
  };
}
