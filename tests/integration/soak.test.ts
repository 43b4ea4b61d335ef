import { crashSoak } from '../../apps/server/bench/soak-crash';
import { fuzzSoak } from '../../apps/server/bench/soak-fuzz';
import { reconnectStormSoak } from '../../apps/server/bench/soak-reconnect-storm';
import { slowConsumerSoak } from '../../apps/server/bench/soak-slow-consumer';

/*
 * Small versions of the reliability soaks (`npm run soak -w @crossroads/server -- <soak>` runs
 * them at full size), held to the same targets. Each starts the real server in a child process.
 */

jest.setTimeout(120_000);

test('crash: SIGKILL mid-burst loses and doubles no acknowledged command; replay equals live', async () => {
  const result = await crashSoak({ runs: 2 });
  expect(result.perRun.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok']);
  expect(result.commandsAcked).toBeGreaterThan(0);
  expect(result).toMatchObject({ passed: 2, ackedLost: 0, duplicated: 0, replayMismatches: 0 });
  expect(result.targetMet).toBe(true);
});

test('reconnect storm: every client is consistent again within 10 s (p99) and misses nothing', async () => {
  const result = await reconnectStormSoak({ clients: 150 });
  expect(result.clients).toBe(150);
  expect(result.broadcastsDuringStorm).toBe(15);
  expect(result.missed).toBe(0);
  expect(result.neverConsistent).toBe(0);
  expect(result.reconnectToConsistentMs.p99).toBeLessThanOrEqual(10_000);
  expect(result.targetMet).toBe(true);
});

test('fuzz: no hostile message is accepted, the server stays up and the session unchanged', async () => {
  const result = await fuzzSoak({ messages: 300 });
  expect(result.acceptedSamples).toEqual([]);
  expect(result).toMatchObject({ accepted: 0, crashes: 0, stateChanged: false });
  // The mix reached validation, the role checks and the transport.
  expect(result.rejectionCodes['protocol/invalid_payload']).toBeGreaterThan(0);
  expect(result.rejectionCodes['auth/forbidden']).toBeGreaterThan(0);
  expect(result.closedByServer).toBeGreaterThan(0);
  expect(result.handshakesRefused).toBeGreaterThan(0);
  expect(result.targetMet).toBe(true);
});

test('slow consumers: they are disconnected and the server memory stays within 64 MiB', async () => {
  // Smaller bounds than the defaults, so the cut comes within the short run; and broadcasts enough
  // that a reader's snapshots alone outgrow what the kernel buffers for its socket (some 4 MB on
  // loopback) within it: staff updates are card patches of a few hundred bytes, so the asked
  // snapshots (4 a second) must fill the socket. The window ends once both consumers have been
  // cut (25 s at most); memory is sampled all along it, the growth before a cut included.
  const result = await slowConsumerSoak({
    consumers: 2,
    seconds: 25,
    untilEveryConsumerCut: true,
    fill: 25,
    env: { CROSSROADS_QUEUE_BYTES: '1048576', CROSSROADS_SNAPSHOT_BYTES_PER_SECOND: '2097152' },
  });
  expect(result.disconnects).toBeGreaterThanOrEqual(2);
  expect(result.healthyDisconnects).toBe(0);
  expect(result.healthyUpdates).toBeGreaterThan(0);
  expect(result.rssMaxIncreaseMiB).toBeLessThanOrEqual(64);
  expect(result.targetMet).toBe(true);
});
