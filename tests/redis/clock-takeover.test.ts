/**
 * The scenario clock at a takeover (issue 10, SessionHost.tick): two server processes on one SQLite
 * file and one Redis prefix, node-a owning a running session whose clock ticks every second, is
 * killed with SIGKILL. node-b takes the session over once the lease expired and its clock goes on
 * from there: it stands still from the dead owner's last tick until the takeover (the outage is
 * not counted as scenario time), it is never ticked twice (one clock.ticked per team per tick,
 * and nothing node-a counted is counted again), and it then ticks once per period.
 */
import {
  logEventSchema,
  type JoinResponse,
  type LogEvent,
  type RoleView,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import { TEST_REDIS_URL } from '../../apps/server/test/support/services';
import {
  PROCESS_ADMIN,
  serverFiles,
  startServerProcess,
  type ServerFiles,
  type ServerProcess,
} from '../integration/support/server-process';
import { dropPrefix, uniquePrefix } from './support';

// Two server processes started on two loaded cores; the waits are deadlines, not sleeps.
jest.setTimeout(240_000);

/** Short, so the takeover comes soon after the kill; renewed every third (~1.3 s). */
const LEASE_MS = 4000;
/** Scenario minutes per real minute: two minutes a second. */
const TIME_RATIO = 120;
/** At most one clock.ticked per team per this: with the ratio, 2 minutes a tick. */
const MIN_TICK_MS = 1000;
const PATIENCE_MS = 60_000;
const TEAMS = ['team-a', 'team-b'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(nodeId: string, files: ServerFiles, prefix: string): Promise<ServerProcess> {
  return startServerProcess(files, {
    nodeId,
    env: {
      REDIS_URL: TEST_REDIS_URL,
      CROSSROADS_REDIS_PREFIX: prefix,
      CROSSROADS_LEASE_MS: String(LEASE_MS),
      CROSSROADS_TICK_MS: '100',
      CROSSROADS_MIN_TICK_MS: String(MIN_TICK_MS),
    },
    echo: Boolean(process.env.DEBUG_SERVER_PROCESSES),
  });
}

/** One tick of the clock: the clock.ticked events of one append (one per team), in log order. */
interface Tick {
  at: number;
  minutes: number;
  /** Team → the team's clock before this tick. */
  before: Map<string, number>;
}

/** The log's clock.ticked events grouped by tick (an append's events share their seq run). */
function ticksOf(events: LogEvent[]): { ticks: Tick[]; perTeam: Map<string, number>[] } {
  const ticks: Tick[] = [];
  const perTeam: Map<string, number>[] = [];
  let last: LogEvent | undefined;
  for (const event of events) {
    if (event.type !== 'clock.ticked') {
      last = undefined;
      continue;
    }
    const at = Date.parse(event.at);
    const continues =
      last !== undefined && last.seq === event.seq - 1 && Date.parse(last.at) === at;
    let tick = ticks.at(-1);
    let counts = perTeam.at(-1);
    if (!continues || !tick || !counts) {
      tick = { at, minutes: event.payload.minutes, before: new Map() };
      counts = new Map();
      ticks.push(tick);
      perTeam.push(counts);
    }
    const team = event.team ?? '';
    counts.set(team, (counts.get(team) ?? 0) + 1);
    tick.before.set(team, event.time ?? 0);
    expect(event.payload.minutes).toBe(tick.minutes);
    last = event;
  }
  return { ticks, perTeam };
}

describe('the scenario clock when its owner dies', () => {
  let files: ServerFiles;
  const prefix = uniquePrefix();
  const servers: ServerProcess[] = [];
  const clients: SessionClient[] = [];

  beforeAll(() => {
    files = serverFiles('clock-takeover');
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await s.kill();
    await dropPrefix(prefix);
    files.remove();
  });

  it('stands still from the dead owner’s last tick to the takeover, then ticks once per period', async () => {
    // One after the other: the first migrates the shared file, the second finds it done.
    const a = await startServer('node-a', files, prefix);
    servers.push(a);
    const b = await startServer('node-b', files, prefix);
    servers.push(b);
    const admin = await login(a.url, PROCESS_ADMIN.username, PROCESS_ADMIN.password);
    const meta = await api<SessionMeta>(
      a.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: 2, timeRatio: TIME_RATIO },
      admin.token,
    );
    // The joins through node-a make it the owner.
    for (const team of TEAMS) {
      await api<JoinResponse>(a.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName: `border ${team}`,
        team,
        role: 'border_police',
      });
    }
    const log = async (): Promise<LogEvent[]> => {
      const exported = await fetch(`${b.url}/api/sessions/${meta.id}/events.jsonl`, {
        headers: { Authorization: `Bearer ${adminOnB.token}` },
      });
      expect(exported.status).toBe(200);
      return (await exported.text())
        .trim()
        .split('\n')
        .map((line) => logEventSchema.parse(JSON.parse(line)));
    };
    const adminOnB = await login(b.url, PROCESS_ADMIN.username, PROCESS_ADMIN.password);
    // The facilitator is on node-b: its start is forwarded to node-a, which runs the clock.
    const facilitator = new SessionClient(
      b.url,
      { kind: 'facilitator', token: adminOnB.token },
      meta.id,
    );
    clients.push(facilitator);
    await facilitator.connected();
    expect(await facilitator.send('session.start', {}, 20_000)).toMatchObject({
      status: 'accepted',
    });

    // node-a ticks a few times, then dies.
    const deadline = Date.now() + PATIENCE_MS;
    while (ticksOf(await log()).ticks.length < 3) {
      if (Date.now() > deadline) throw new Error('node-a did not tick three times');
      await sleep(200);
    }
    await a.kill();
    const killedAt = Date.now();
    const beforeKill = ticksOf(await log()).ticks;

    // node-b takes the session over (its orphan sweep, within about two leases) and ticks on.
    let after: Tick[] = [];
    for (;;) {
      after = ticksOf(await log()).ticks.slice(beforeKill.length);
      if (after.length >= 4) break;
      if (Date.now() - killedAt > PATIENCE_MS) {
        throw new Error(`node-b ticked ${after.length} times after the kill`);
      }
      await sleep(200);
    }
    expect(await facilitator.send('session.pause', {}, 20_000)).toMatchObject({
      status: 'accepted',
    });
    const { ticks: all, perTeam } = ticksOf(await log());

    // Never twice: every tick moves each team once, by the tick's minutes.
    for (const counts of perTeam)
      expect(Object.fromEntries(counts)).toEqual({ 'team-a': 1, 'team-b': 1 });

    // Stands still: node-b's first tick starts from the clock node-a's last tick left, and
    // carries the minutes since the takeover only (the outage, at least a lease, would be 8
    // or more at this ratio), not the time since node-a's last tick.
    const lastOfA = beforeKill.at(-1);
    const firstOfB = after[0];
    if (!lastOfA || !firstOfB) throw new Error('no ticks');
    expect(firstOfB.at - lastOfA.at).toBeGreaterThan(LEASE_MS - MIN_TICK_MS);
    for (const team of TEAMS) {
      expect(firstOfB.before.get(team)).toBe((lastOfA.before.get(team) ?? 0) + lastOfA.minutes);
    }
    const perTick = (TIME_RATIO * MIN_TICK_MS) / 60_000;
    expect(firstOfB.minutes).toBeLessThanOrEqual(perTick + 1);

    // Then once per period: each later tick at least the minimum apart (as node-b's clock saw
    // them; the commit time may lag a little on a loaded machine), each carrying the minutes
    // since the one before, so the clock follows real time from the takeover on.
    for (let i = 1; i < after.length; i += 1) {
      const tick = after[i] as Tick;
      const previous = after[i - 1] as Tick;
      for (const team of TEAMS) {
        expect(tick.before.get(team)).toBe((previous.before.get(team) ?? 0) + previous.minutes);
      }
    }
    const lastOfB = after.at(-1) as Tick;
    const minutesOfB = after.slice(1).reduce((sum, t) => sum + t.minutes, 0);
    const realMinutes = ((lastOfB.at - firstOfB.at) / 60_000) * TIME_RATIO;
    // Counted twice, it would be about double; counted from node-a's last tick, more by the outage.
    expect(minutesOfB).toBeLessThanOrEqual(realMinutes + perTick + 1);
    expect(minutesOfB).toBeGreaterThanOrEqual(realMinutes - perTick - 1);

    // The clock node-b serves is the log's: every tick once.
    const total = all.reduce((sum, t) => sum + t.minutes, 0);
    for (const team of TEAMS) {
      const served = await api<RoleView>(
        b.url,
        'GET',
        `/api/sessions/${meta.id}/teams/${team}/views/border_police`,
        undefined,
        adminOnB.token,
      );
      expect(served.clock.minutes).toBe(total);
    }
    process.stdout.write(
      `clock takeover: node-a ${beforeKill.length} ticks, node-b ${after.length} ticks; ` +
        `${firstOfB.at - lastOfA.at} ms from node-a's last tick to node-b's first ` +
        `(killed ${killedAt - lastOfA.at} ms after it), node-b's first tick ${firstOfB.minutes} min\n`,
    );
  });
});
