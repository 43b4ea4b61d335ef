import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * .ci/start-services against stand-in commands: the machine's real PostgreSQL and Redis are shared
 * and must not be stopped, so "down", "missing" and "never comes up" are played by small scripts
 * on a PATH of their own. Each stand-in records how it was called; `state/` says what is running.
 */
const script = path.resolve(__dirname, '..', '..', '..', '.ci', 'start-services');
const TOOLS = ['ls', 'grep', 'sort', 'tail', 'seq', 'sleep', 'cat', 'mv', 'sh'];

interface World {
  root: string;
  bin: string;
  state: string;
  conf: string;
}

function stub(world: World, name: string, body: string): void {
  const file = path.join(world.bin, name);
  writeFileSync(file, `#!/bin/bash\necho "${name} $*" >> "${world.root}/calls"\n${body}\n`);
  chmodSync(file, 0o755);
}

/** Stand-ins for an installed PostgreSQL 15 and Redis; `up` says which already answer. */
function installServices(world: World, startWorks = true): void {
  mkdirSync(path.join(world.conf, '15', 'main'), { recursive: true });
  writeFileSync(path.join(world.conf, '15', 'main', 'pg_hba.conf'), 'local all postgres peer\n');
  const s = world.state;
  stub(world, 'pg_isready', `[ -e "${s}/pg_up" ]`);
  stub(
    world,
    'pg_ctlcluster',
    startWorks ? `[ "\${*: -1}" != start ] || : > "${s}/pg_up"` : 'true',
  );
  stub(
    world,
    'psql',
    `[ -e "${s}/pg_up" ] || exit 2; [[ "$*" != *"-d test"* ]] || [ -e "${s}/db_test" ] || exit 2; echo 15.99`,
  );
  stub(world, 'su', `: > "${s}/db_test"`);
  stub(
    world,
    'redis-cli',
    `[ -e "${s}/redis_up" ] && echo PONG || { echo "Could not connect" >&2; exit 1; }`,
  );
  stub(
    world,
    'redis-server',
    startWorks
      ? `[ "$1" != --daemonize ] || : > "${s}/redis_up"; [ "$1" != --version ] || echo "Redis server v=7"`
      : `[ "$1" != --version ] || echo "Redis server v=7"`,
  );
}

function makeWorld(): World {
  const root = mkdtempSync(path.join(tmpdir(), 'ci-services-'));
  const world = {
    root,
    bin: path.join(root, 'bin'),
    state: path.join(root, 'state'),
    conf: path.join(root, 'etc-postgresql'),
  };
  mkdirSync(world.bin);
  mkdirSync(world.state);
  mkdirSync(world.conf);
  for (const tool of TOOLS) {
    const found = ['/usr/bin', '/bin'].map((d) => path.join(d, tool)).find((f) => existsSync(f));
    if (!found) throw new Error(`${tool} not found for the stand-in PATH`);
    symlinkSync(found, path.join(world.bin, tool));
  }
  return world;
}

function run(world: World) {
  const result = spawnSync('/bin/bash', [script], {
    env: { PATH: world.bin, PG_CONF_DIR: world.conf, WAIT_SECONDS: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const callsFile = path.join(world.root, 'calls');
  const calls = existsSync(callsFile) ? readFileSync(callsFile, 'utf8').trim().split('\n') : [];
  return { status: result.status, output: result.stdout + result.stderr, calls };
}

const starts = (calls: string[]) =>
  calls.filter((c) => / start$/.test(c) || c.startsWith('redis-server --daemonize'));

describe('.ci/start-services', () => {
  let world: World;
  beforeEach(() => {
    world = makeWorld();
  });
  afterEach(() => rmSync(world.root, { recursive: true, force: true }));

  it('leaves running services alone', () => {
    installServices(world);
    for (const f of ['pg_up', 'db_test', 'redis_up']) writeFileSync(path.join(world.state, f), '');
    const { status, output, calls } = run(world);
    expect(status).toBe(0);
    expect(starts(calls)).toEqual([]);
    expect(calls.filter((c) => c.startsWith('apt-get') || c.startsWith('su '))).toEqual([]);
    expect(output).toContain('PostgreSQL answers on 127.0.0.1:5432');
    expect(output).toContain('Redis answers on 127.0.0.1:6379');
  });

  it('starts PostgreSQL with pg_ctlcluster and Redis with redis-server --daemonize yes when they do not answer', () => {
    installServices(world);
    writeFileSync(path.join(world.state, 'db_test'), '');
    const { status, output, calls } = run(world);
    expect(output).toContain('PostgreSQL 15 does not answer on 127.0.0.1:5432: starting it');
    expect(status).toBe(0);
    expect(starts(calls)).toEqual([
      'pg_ctlcluster --skip-systemctl-redirect 15 main start',
      'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save  --appendonly no',
    ]);
    expect(calls.some((c) => c.startsWith('apt-get'))).toBe(false);
  });

  it('creates the database test when the server has none', () => {
    installServices(world);
    for (const f of ['pg_up', 'redis_up']) writeFileSync(path.join(world.state, f), '');
    const { status, calls } = run(world);
    expect(status).toBe(0);
    expect(calls).toContain(`su postgres -c psql -Atc 'CREATE DATABASE test'`);
  });

  it('fails, naming the service, when a started service never answers', () => {
    installServices(world, false);
    const { status, output } = run(world);
    expect(status).not.toBe(0);
    expect(output).toContain('PostgreSQL did not answer within 1 s');
  });

  it('installs with apt-get only when the programs are missing, and lets the tests in without a password', () => {
    // apt-get "installs" by putting the stand-ins in place.
    stub(world, 'apt-get', `if [ "$1" = install ]; then ${installScript(world)}; fi`);
    const { status, output, calls } = run(world);
    expect(output).toContain('PostgreSQL is not installed: installing it');
    expect(status).toBe(0);
    expect(calls.filter((c) => c.startsWith('apt-get'))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq postgresql',
    ]);
    // redis-server came with the same (stand-in) install, so it is not installed again.
    const hba = readFileSync(path.join(world.conf, '15', 'main', 'pg_hba.conf'), 'utf8');
    expect(hba.split('\n').slice(0, 2)).toEqual([
      'host all all 127.0.0.1/32 trust',
      'host all all ::1/128 trust',
    ]);
    expect(calls).toContain('pg_ctlcluster --skip-systemctl-redirect 15 main reload');
  });
});

/** Shell that recreates the stand-ins (what `apt-get install` brings) from inside apt-get's stub. */
function installScript(world: World): string {
  const saved = path.join(world.root, 'install.sh');
  // Write the stand-ins to a side folder now; apt-get copies them in when it is called.
  const side = path.join(world.root, 'side');
  mkdirSync(side);
  installServices({ ...world, bin: side });
  writeFileSync(saved, `cp ${side}/* "${world.bin}/"\n`);
  symlinkSync(
    ['/usr/bin/cp', '/bin/cp'].find((f) => existsSync(f)) ?? '/bin/cp',
    path.join(world.bin, 'cp'),
  );
  return `/bin/bash ${saved}`;
}
