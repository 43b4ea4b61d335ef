import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RATE_LIMITS } from '@crossroads/shared';
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
  /** The SQLite file (or ':memory:'); unused when databaseUrl selects PostgreSQL. */
  databasePath: string;
  /**
   * DATABASE_URL: a postgres:// (or postgresql://) URL selects PostgreSQL. Undefined: the embedded
   * SQLite file at databasePath, as `npm start` uses out of the box.
   */
  databaseUrl?: string | undefined;
  /**
   * REDIS_URL: a redis:// (or rediss://) URL. Set, socket.io fans out through Redis Streams so
   * several server processes reach each other's sockets. Undefined: one process, no Redis.
   */
  redisUrl?: string | undefined;
  /**
   * CROSSROADS_REDIS_PREFIX: prefix of every Redis key and channel the server uses; undefined
   * means REDIS_PREFIX_DEFAULT (`redisPrefix(config)` applies it). Processes of one deployment
   * share it; two deployments on one Redis (or parallel test runs) use different ones, so they
   * never see each other's messages.
   */
  redisPrefix?: string | undefined;
  logLevel: LogLevel;
  /**
   * Normalised origin (scheme://host[:port], no trailing slash) put in join, projector and review
   * links. PUBLIC_ORIGIN when set; otherwise http://localhost:<PORT>, and links follow the host a
   * request came in on (see public-origin.ts).
   */
  publicOrigin: string;
  /** PUBLIC_ORIGIN was set: links always use it and sockets from any other origin are refused. */
  publicOriginFixed: boolean;
  nodeEnv: NodeEnv;
  clientDist: string;
  isProduction: boolean;
  /**
   * CROSSROADS_CATALOGUE_DIR: the folder of scenario files (absolute). Undefined: the catalogue
   * shipped in @crossroads/scenarios.
   */
  catalogueDir?: string | undefined;
  /**
   * CROSSROADS_ADMIN_USERNAME: an admin account with this name is created at start if it does not
   * exist (with adminPassword). Undefined: none.
   */
  adminUsername?: string | undefined;
  /** CROSSROADS_ADMIN_PASSWORD: the password of that admin (also read by `admin:create`). */
  adminPassword?: string | undefined;
  /**
   * CROSSROADS_DEMO: false stops the demo account facilitator / crossroads-demo from being created
   * in an empty database. Undefined means the default, true.
   */
  demoAccount?: boolean | undefined;
  /**
   * CROSSROADS_DEMO_PASSWORD: the demo account's password. Undefined: one is generated per
   * database, printed once in the start log and shown on the login page to loopback requests only.
   */
  demoPassword?: string | undefined;
  /**
   * CROSSROADS_TRUST_PROXY: express' `trust proxy` (true, a hop count, or loopback) when a TLS
   * proxy sits in front; HTTPS requests then get HSTS. Undefined: no proxy is trusted.
   */
  trustProxy?: boolean | number | string | undefined;
  /**
   * CROSSROADS_SOCKETS_PER_ADDRESS: socket connections one address may hold open (default 400;
   * new ones are also limited to a burst of half that, then 50/s). 0: no limit (load tests).
   */
  socketsPerAddress?: number | undefined;
  /**
   * CROSSROADS_QUEUE_BYTES: bytes the server may hold queued for one socket, measured from the
   * transport's buffer (engine.io's write buffer plus the WebSocket's bufferedAmount), and for the
   * unread HTTP responses of one address. A socket past it is closed as a slow consumer; an address
   * past it gets 503 until its client reads. Default QUEUE_DEFAULTS.bytes.
   */
  queueBytes?: number | undefined;
  /** CROSSROADS_QUEUE_MESSAGES: messages queued for one socket before it is closed (default 1000). */
  queueMessages?: number | undefined;
  /**
   * CROSSROADS_SNAPSHOT_BYTES_PER_SECOND: snapshot bytes one socket may pull per second, after a
   * burst of 4 s worth (default RATE_LIMITS.snapshots).
   */
  snapshotBytesPerSecond?: number | undefined;
  /** CROSSROADS_REVIEW_LINK_DAYS: how long a review link works (default 30 days). */
  reviewLinkDays?: number | undefined;
  /**
   * Session engine timing. Each field is undefined when its variable is unset; `sessionTiming()`
   * applies the defaults (SESSION_TIMING_DEFAULTS).
   */
  /** CROSSROADS_TICK_MS: how often the clock ticker looks at running sessions. */
  tickMs?: number | undefined;
  /** CROSSROADS_MIN_TICK_MS: shortest real time between two clock.ticked events of a session. */
  minTickMs?: number | undefined;
  /** CROSSROADS_CHECKPOINT_EVERY: save every team's state after this many events. */
  checkpointEvery?: number | undefined;
  /** CROSSROADS_AWAY_TO_LEFT_MS: a disconnected trainee turns from away to left after this. */
  awayToLeftMs?: number | undefined;
  /**
   * NODE_ID: this server process's name among the processes sharing the database. Set, it turns
   * on session leases (issue 10): a session is run by one process at a time. Unset: one process.
   */
  nodeId?: string | undefined;
  /** CROSSROADS_LEASE_MS: how long a session lease lasts unrenewed (default 10 s; renewed at a third). */
  leaseMs?: number | undefined;
}

/** Default of CROSSROADS_REDIS_PREFIX. */
export const REDIS_PREFIX_DEFAULT = 'crossroads:';

/** The Redis key and channel prefix of a configuration, default applied. */
export function redisPrefix(config: Partial<AppConfig>): string {
  return config.redisPrefix ?? REDIS_PREFIX_DEFAULT;
}

/** Defaults of the session timing settings (see AppConfig). */
export const SESSION_TIMING_DEFAULTS = {
  tickMs: 1000,
  minTickMs: 5000,
  checkpointEvery: 100,
  awayToLeftMs: 120_000,
} as const;

/**
 * Defaults of the outbound queue bounds. 4 MiB is a dozen snapshots of the flagship session (about
 * 340 KiB each) or thousands of updates: a client that far behind is better served by a resync.
 */
export const QUEUE_DEFAULTS = {
  bytes: 4 * 1024 * 1024,
  messages: 1000,
} as const;

/** The outbound bounds of a configuration, defaults applied. */
export function queueBounds(config: Partial<AppConfig>): {
  bytes: number;
  messages: number;
  snapshotBytesPerSecond: number;
  snapshotBurstBytes: number;
} {
  const snapshotBytesPerSecond =
    config.snapshotBytesPerSecond ?? RATE_LIMITS.snapshots.bytesPerSecond;
  return {
    bytes: config.queueBytes ?? QUEUE_DEFAULTS.bytes,
    messages: config.queueMessages ?? QUEUE_DEFAULTS.messages,
    snapshotBytesPerSecond,
    snapshotBurstBytes:
      config.snapshotBytesPerSecond === undefined
        ? RATE_LIMITS.snapshots.burstBytes
        : snapshotBytesPerSecond * 4,
  };
}

export interface SessionTiming {
  tickMs: number;
  minTickMs: number;
  checkpointEvery: number;
  awayToLeftMs: number;
}

/** The session timing of a configuration, defaults applied. */
export function sessionTiming(config: Partial<AppConfig>): SessionTiming {
  return {
    tickMs: config.tickMs ?? SESSION_TIMING_DEFAULTS.tickMs,
    minTickMs: config.minTickMs ?? SESSION_TIMING_DEFAULTS.minTickMs,
    checkpointEvery: config.checkpointEvery ?? SESSION_TIMING_DEFAULTS.checkpointEvery,
    awayToLeftMs: config.awayToLeftMs ?? SESSION_TIMING_DEFAULTS.awayToLeftMs,
  };
}

/** Whether the demo account may be created (CROSSROADS_DEMO, default true). */
export function demoAccountAllowed(config: Partial<AppConfig>): boolean {
  return config.demoAccount ?? true;
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
  DATABASE_URL: 'DATABASE_URL=postgres://crossroads@db.example.org:5432/crossroads',
  REDIS_URL: 'REDIS_URL=redis://redis.example.org:6379',
  LOG_LEVEL: 'LOG_LEVEL=info',
  PUBLIC_ORIGIN: 'PUBLIC_ORIGIN=https://crossroads.example.org',
  NODE_ENV: 'NODE_ENV=production',
  CLIENT_DIST: 'CLIENT_DIST=/srv/crossroads/client',
  CROSSROADS_CATALOGUE_DIR: 'CROSSROADS_CATALOGUE_DIR=/srv/crossroads/scenarios',
  CROSSROADS_ADMIN_USERNAME: 'CROSSROADS_ADMIN_USERNAME=lead',
  CROSSROADS_ADMIN_PASSWORD: 'CROSSROADS_ADMIN_PASSWORD=a-long-secret-phrase',
  CROSSROADS_DEMO: 'CROSSROADS_DEMO=false',
  CROSSROADS_DEMO_PASSWORD: 'CROSSROADS_DEMO_PASSWORD=a-long-demo-phrase',
  CROSSROADS_TRUST_PROXY: 'CROSSROADS_TRUST_PROXY=1',
  CROSSROADS_REDIS_PREFIX: 'CROSSROADS_REDIS_PREFIX=crossroads-staging:',
  CROSSROADS_REVIEW_LINK_DAYS: 'CROSSROADS_REVIEW_LINK_DAYS=30',
  CROSSROADS_SOCKETS_PER_ADDRESS: 'CROSSROADS_SOCKETS_PER_ADDRESS=400',
  CROSSROADS_QUEUE_BYTES: 'CROSSROADS_QUEUE_BYTES=4194304',
  CROSSROADS_QUEUE_MESSAGES: 'CROSSROADS_QUEUE_MESSAGES=1000',
  CROSSROADS_SNAPSHOT_BYTES_PER_SECOND: 'CROSSROADS_SNAPSHOT_BYTES_PER_SECOND=262144',
  CROSSROADS_TICK_MS: 'CROSSROADS_TICK_MS=1000',
  CROSSROADS_MIN_TICK_MS: 'CROSSROADS_MIN_TICK_MS=5000',
  CROSSROADS_CHECKPOINT_EVERY: 'CROSSROADS_CHECKPOINT_EVERY=100',
  CROSSROADS_AWAY_TO_LEFT_MS: 'CROSSROADS_AWAY_TO_LEFT_MS=120000',
  NODE_ID: 'NODE_ID=app-1',
  CROSSROADS_LEASE_MS: 'CROSSROADS_LEASE_MS=10000',
} as const satisfies Record<string, string>;

type Variable = keyof typeof EXAMPLES;
const VARIABLES = Object.keys(EXAMPLES) as Variable[];

/** The CROSSROADS_* variables of an environment (see createApp: they fall back to process.env). */
export function crossroadsVariables(env: Env): Env {
  const out: Env = {};
  for (const name of VARIABLES) {
    if (name.startsWith('CROSSROADS_') && env[name] !== undefined) out[name] = env[name];
  }
  return out;
}

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

/** A whole number of milliseconds in [min, max] (written without unit or separators). */
const millis = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `must be a whole number of milliseconds (${what})` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min} ms (${what})` })
        .max(max, { error: `must be at most ${max} ms (${what})` }),
    );

/** A whole number in [min, max] of some unit (written without separators). */
const wholeNumber = (min: number, max: number, unit: string) => {
  const error = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,10}$/, { error })
    .transform(Number)
    .pipe(z.number().min(min, { error }).max(max, { error }))
    .optional();
};

const PASSWORD_MIN = 10;
const PASSWORD_MAX = 72;

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
  DATABASE_URL: z
    .string()
    .refine((v) => isPostgresUrl(v), {
      error:
        'must be a postgres:// or postgresql:// URL naming a host (leave it unset for the embedded SQLite file)',
    })
    .optional(),
  REDIS_URL: z
    .string()
    .refine((v) => isRedisUrl(v), {
      error:
        'must be a redis:// or rediss:// URL naming a host (leave it unset to run one process without Redis)',
    })
    .optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  PUBLIC_ORIGIN: z
    .string()
    .refine((v) => toOrigin(v) !== undefined, {
      error: 'must be an http(s) origin: scheme, host and optional port, with no path',
    })
    .transform((v) => toOrigin(v) ?? v)
    .optional(),
  NODE_ENV: z
    .enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` })
    .default('development'),
  CLIENT_DIST: pathString.optional(),
  CROSSROADS_CATALOGUE_DIR: pathString.optional(),
  CROSSROADS_ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{3,64}$/, {
      error: 'must be 3-64 characters: letters, digits and . _ @ - only',
    })
    .optional(),
  CROSSROADS_ADMIN_PASSWORD: z
    .string()
    .refine((v) => v.length >= PASSWORD_MIN && Buffer.byteLength(v) <= PASSWORD_MAX, {
      error: `must be ${PASSWORD_MIN}-${PASSWORD_MAX} bytes long`,
    })
    .optional(),
  CROSSROADS_DEMO: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  CROSSROADS_DEMO_PASSWORD: z
    .string()
    .refine((v) => v.length >= PASSWORD_MIN && Buffer.byteLength(v) <= PASSWORD_MAX, {
      error: `must be ${PASSWORD_MIN}-${PASSWORD_MAX} bytes long`,
    })
    .optional(),
  CROSSROADS_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|loopback|\d{1,2})$/, {
      error: 'must be true, false, loopback or a number of proxy hops (0-99)',
    })
    .transform((v) =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
    )
    .optional(),
  CROSSROADS_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, {
      error: 'must be 1-64 characters: letters, digits and : . _ - only',
    })
    .optional(),
  CROSSROADS_SOCKETS_PER_ADDRESS: z
    .string()
    .regex(/^\d{1,6}$/, { error: 'must be a whole number of sockets (0: no limit)' })
    .transform(Number)
    .optional(),
  CROSSROADS_QUEUE_BYTES: wholeNumber(65_536, 1_073_741_824, 'bytes'),
  CROSSROADS_QUEUE_MESSAGES: wholeNumber(10, 1_000_000, 'messages'),
  CROSSROADS_SNAPSHOT_BYTES_PER_SECOND: wholeNumber(1024, 1_073_741_824, 'bytes per second'),
  CROSSROADS_REVIEW_LINK_DAYS: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'must be a whole number of days from 1 to 3650' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: 'must be a whole number of days from 1 to 3650' })
        .max(3650, { error: 'must be a whole number of days from 1 to 3650' }),
    )
    .optional(),
  CROSSROADS_TICK_MS: millis(10, 60_000, 'how often the scenario clocks are looked at').optional(),
  CROSSROADS_MIN_TICK_MS: millis(0, 600_000, 'shortest time between two clock ticks').optional(),
  CROSSROADS_CHECKPOINT_EVERY: z
    .string()
    .regex(/^\d{1,6}$/, { error: 'must be a whole number of events from 1 to 100000' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: 'must be a whole number of events from 1 to 100000' })
        .max(100_000, { error: 'must be a whole number of events from 1 to 100000' }),
    )
    .optional(),
  CROSSROADS_AWAY_TO_LEFT_MS: millis(
    0,
    3_600_000,
    'time before a disconnected trainee counts as left',
  ).optional(),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, {
      error: 'must be 1 to 64 letters, digits, dots, dashes, underscores or colons',
    })
    .optional(),
  CROSSROADS_LEASE_MS: millis(1000, 600_000, 'how long a session lease lasts').optional(),
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
    if (value === undefined || value.trim() === '') continue;
    // A password is taken as written; every other value is trimmed.
    raw[name] =
      name === 'CROSSROADS_ADMIN_PASSWORD' || name === 'CROSSROADS_DEMO_PASSWORD'
        ? value
        : value.trim();
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
  const late: ConfigIssue[] = [];
  if (v.CROSSROADS_ADMIN_USERNAME !== undefined && v.CROSSROADS_ADMIN_PASSWORD === undefined) {
    late.push({
      variable: 'CROSSROADS_ADMIN_PASSWORD',
      problem: 'must be set when CROSSROADS_ADMIN_USERNAME is set',
      received: undefined,
      example: EXAMPLES.CROSSROADS_ADMIN_PASSWORD,
    });
  }
  if (v.CROSSROADS_REDIS_PREFIX !== undefined && v.REDIS_URL === undefined) {
    // A prefix without Redis would be silently unused: most likely REDIS_URL was forgotten.
    late.push({
      variable: 'REDIS_URL',
      problem: 'must be set when CROSSROADS_REDIS_PREFIX is set',
      received: undefined,
      example: EXAMPLES.REDIS_URL,
    });
  }
  if (v.DATABASE_URL !== undefined && v.DATABASE_PATH !== undefined) {
    // Two answers to "where is the data" would leave one silently unused.
    late.push({
      variable: 'DATABASE_PATH',
      problem: 'must not be set together with DATABASE_URL (one database: pick one of them)',
      received: raw.DATABASE_PATH,
      example: EXAMPLES.DATABASE_PATH,
    });
  }
  const root = repoRoot();
  const dataDir = path.resolve(root, v.DATA_DIR ?? 'data');
  const databasePath =
    v.DATABASE_PATH === IN_MEMORY_DATABASE
      ? IN_MEMORY_DATABASE
      : path.resolve(root, v.DATABASE_PATH ?? path.join(dataDir, 'crossroads.sqlite'));

  let catalogueDir: string | undefined;
  if (v.CROSSROADS_CATALOGUE_DIR !== undefined) {
    catalogueDir = path.resolve(root, v.CROSSROADS_CATALOGUE_DIR);
    if (!isDirectory(catalogueDir)) {
      late.push({
        variable: 'CROSSROADS_CATALOGUE_DIR',
        problem: `must be an existing folder of scenario files (${catalogueDir} is not)`,
        received: raw.CROSSROADS_CATALOGUE_DIR,
        example: EXAMPLES.CROSSROADS_CATALOGUE_DIR,
      });
    }
  }
  if (late.length > 0) throw new ConfigError(late);

  return {
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databasePath,
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    redisPrefix: v.CROSSROADS_REDIS_PREFIX,
    logLevel: v.LOG_LEVEL,
    publicOrigin: v.PUBLIC_ORIGIN ?? `http://localhost:${v.PORT}`,
    publicOriginFixed: v.PUBLIC_ORIGIN !== undefined,
    nodeEnv: v.NODE_ENV,
    clientDist: path.resolve(root, v.CLIENT_DIST ?? path.join('apps', 'client', 'dist')),
    isProduction: v.NODE_ENV === 'production',
    catalogueDir,
    adminUsername: v.CROSSROADS_ADMIN_USERNAME,
    adminPassword: v.CROSSROADS_ADMIN_PASSWORD,
    demoAccount: v.CROSSROADS_DEMO,
    demoPassword: v.CROSSROADS_DEMO_PASSWORD,
    trustProxy: v.CROSSROADS_TRUST_PROXY,
    reviewLinkDays: v.CROSSROADS_REVIEW_LINK_DAYS,
    socketsPerAddress: v.CROSSROADS_SOCKETS_PER_ADDRESS,
    queueBytes: v.CROSSROADS_QUEUE_BYTES,
    queueMessages: v.CROSSROADS_QUEUE_MESSAGES,
    snapshotBytesPerSecond: v.CROSSROADS_SNAPSHOT_BYTES_PER_SECOND,
    tickMs: v.CROSSROADS_TICK_MS,
    minTickMs: v.CROSSROADS_MIN_TICK_MS,
    checkpointEvery: v.CROSSROADS_CHECKPOINT_EVERY,
    awayToLeftMs: v.CROSSROADS_AWAY_TO_LEFT_MS,
    nodeId: v.NODE_ID,
    leaseMs: v.CROSSROADS_LEASE_MS,
  };
}

/** Which database a configuration uses: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function databaseKind(config: Pick<AppConfig, 'databaseUrl'>): 'sqlite' | 'postgres' {
  return config.databaseUrl === undefined ? 'sqlite' : 'postgres';
}

/** The database URL without its password, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  return redactUrl(url, 'database');
}

/** The Redis URL without its password, for logs and error messages. */
export function redactRedisUrl(url: string): string {
  return redactUrl(url, 'Redis');
}

function redactUrl(url: string, what: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return `(unparseable ${what} URL)`;
  }
}

function isRedisUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
}

function isPostgresUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // A socket folder may stand in for the host: postgres:///crossroads?host=/var/run/postgresql
  const host = url.hostname !== '' || (url.searchParams.get('host') ?? '') !== '';
  return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && host;
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
