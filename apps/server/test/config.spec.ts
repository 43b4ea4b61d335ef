import path from 'node:path';
import {
  ConfigError,
  databaseKind,
  loadConfig,
  redactDatabaseUrl,
  redactRedisUrl,
  redisPrefix,
} from '../src/config';

const repo = path.resolve(__dirname, '..', '..', '..');

function problems(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('needs nothing set: every variable has a default', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.join(repo, 'data'),
      databasePath: path.join(repo, 'data', 'crossroads.sqlite'),
      logLevel: 'info',
      publicOrigin: 'http://localhost:3000',
      publicOriginFixed: false,
      nodeEnv: 'development',
      clientDist: path.join(repo, 'apps', 'client', 'dist'),
      isProduction: false,
    });
  });

  it('reads only the env it is given, not process.env', () => {
    const saved = process.env.PORT;
    process.env.PORT = 'not-a-port';
    try {
      expect(loadConfig({ PORT: '4100' }).port).toBe(4100);
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('takes valid values, including PORT=0 and an in-memory database', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/srv/crossroads',
      DATABASE_PATH: ':memory:',
      LOG_LEVEL: 'silent',
      PUBLIC_ORIGIN: 'https://crossroads.example.org',
      NODE_ENV: 'production',
      CLIENT_DIST: '/srv/client',
    });
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/srv/crossroads',
      databasePath: ':memory:',
      logLevel: 'silent',
      publicOrigin: 'https://crossroads.example.org',
      publicOriginFixed: true,
      nodeEnv: 'production',
      clientDist: '/srv/client',
      isProduction: true,
    });
  });

  it('puts the default database file inside DATA_DIR', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/xr' }).databasePath).toBe(
      '/var/lib/xr/crossroads.sqlite',
    );
  });

  it('resolves relative paths against the repository root, wherever the process started', () => {
    const config = loadConfig({ DATA_DIR: 'tmp/data', CLIENT_DIST: 'build/web' });
    expect(config.dataDir).toBe(path.join(repo, 'tmp', 'data'));
    expect(config.databasePath).toBe(path.join(repo, 'tmp', 'data', 'crossroads.sqlite'));
    expect(config.clientDist).toBe(path.join(repo, 'build', 'web'));
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', NODE_ENV: '' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
      nodeEnv: 'development',
    });
  });

  it('without PUBLIC_ORIGIN, links default to the port the server listens on', () => {
    expect(loadConfig({ PORT: '3100' })).toMatchObject({
      publicOrigin: 'http://localhost:3100',
      publicOriginFixed: false,
    });
  });

  it('normalises PUBLIC_ORIGIN to scheme://host[:port]', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'HTTP://LocalHost:5173/' }).publicOrigin).toBe(
      'http://localhost:5173',
    );
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://x.example:443' }).publicOrigin).toBe(
      'https://x.example',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['HOST', 'http://0.0.0.0'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_ORIGIN', 'localhost:3000'],
    ['PUBLIC_ORIGIN', 'https://crossroads.example.org/app'],
    ['PUBLIC_ORIGIN', 'ftp://files.example'],
    ['DATABASE_URL', 'mysql://127.0.0.1/crossroads'],
    ['DATABASE_URL', '/var/lib/crossroads/crossroads.sqlite'],
    ['DATABASE_URL', 'postgres://'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['REDIS_URL', '127.0.0.1:6379'],
    ['REDIS_URL', 'redis://'],
    ['CROSSROADS_REDIS_PREFIX', 'has space'],
  ])(
    'rejects %s=%s with a message naming the variable, the value and an example',
    (name, value) => {
      const error = problems({ [name]: value });
      expect(error.issues).toHaveLength(1);
      const [issue] = error.issues;
      expect(issue).toMatchObject({ variable: name, received: value });
      expect(issue?.problem.length).toBeGreaterThan(10);
      expect(issue?.example).toMatch(new RegExp(`^${name}=\\S+`));
      expect(error.message).toContain(`${name}: `);
      expect(error.message).toContain(JSON.stringify(value));
      expect(error.message).toContain(`Example: ${name}=`);
    },
  );

  it('DATABASE_URL with postgres:// selects PostgreSQL; unset keeps the SQLite file', () => {
    expect(databaseKind(loadConfig({}))).toBe('sqlite');
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    for (const url of [
      'postgres://127.0.0.1:5432/test',
      'postgresql://crossroads:secret@db.example.org/crossroads?sslmode=require',
      'postgres:///crossroads?host=/var/run/postgresql',
    ]) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseUrl).toBe(url);
      expect(databaseKind(config)).toBe('postgres');
    }
  });

  it('refuses DATABASE_URL together with DATABASE_PATH: one database, not two answers', () => {
    const error = problems({
      DATABASE_URL: 'postgres://127.0.0.1:5432/test',
      DATABASE_PATH: '/tmp/crossroads.sqlite',
    });
    expect(error.issues.map((i) => i.variable)).toEqual(['DATABASE_PATH']);
    expect(error.message).toMatch(/DATABASE_PATH: must not be set together with DATABASE_URL/);
  });

  it('keeps the password of a database URL out of what it logs', () => {
    expect(redactDatabaseUrl('postgres://crossroads:s3cret@db.example.org:5432/crossroads')).toBe(
      'postgres://crossroads:***@db.example.org:5432/crossroads',
    );
    expect(redactDatabaseUrl('postgres://127.0.0.1:5432/test')).toBe(
      'postgres://127.0.0.1:5432/test',
    );
  });

  it('REDIS_URL turns on the Redis fan-out; unset, there is no Redis and the default prefix', () => {
    const none = loadConfig({});
    expect(none.redisUrl).toBeUndefined();
    expect(redisPrefix(none)).toBe('crossroads:');
    for (const url of ['redis://127.0.0.1:6379', 'rediss://:secret@cache.example.org:6380/2']) {
      expect(loadConfig({ REDIS_URL: url }).redisUrl).toBe(url);
    }
    const staging = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      CROSSROADS_REDIS_PREFIX: 'crossroads-staging:',
    });
    expect(redisPrefix(staging)).toBe('crossroads-staging:');
  });

  it('refuses CROSSROADS_REDIS_PREFIX without REDIS_URL (a prefix for nothing)', () => {
    const error = problems({ CROSSROADS_REDIS_PREFIX: 'crossroads-staging:' });
    expect(error.issues.map((i) => i.variable)).toEqual(['REDIS_URL']);
    expect(error.message).toMatch(/REDIS_URL: must be set when CROSSROADS_REDIS_PREFIX is set/);
  });

  it('keeps the password of a Redis URL out of what it logs', () => {
    expect(redactRedisUrl('rediss://default:s3cret@cache.example.org:6380')).toBe(
      'rediss://default:***@cache.example.org:6380',
    );
  });

  it('lists every problem at once, one line each', () => {
    const error = problems({ PORT: 'x', LOG_LEVEL: 'loud', NODE_ENV: 'prod', HOST: '' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['LOG_LEVEL', 'NODE_ENV', 'PORT']);
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/3 problems/);
    expect(lines).toHaveLength(4);
    expect(error.message).toMatch(/LOG_LEVEL: must be one of fatal, error, warn, info/);
    expect(error.message).toMatch(/NODE_ENV: must be one of development, production, test/);
  });
});
