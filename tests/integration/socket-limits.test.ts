import { connectClient, connected, startTestServer, type TestServer } from './helpers';

/*
 * One address may hold CROSSROADS_SOCKETS_PER_ADDRESS sockets open, and open new ones at a burst
 * of half that, then 50 per second (the buckets are tested with a clock of their own in
 * apps/server/test/rate-limit.spec.ts: on a loaded machine the server itself may admit handshakes
 * slower than that). A refused handshake is answered 403 with the reason; sockets of the address
 * already open are not touched.
 */

jest.setTimeout(30_000);

/** An engine.io long-polling handshake from this process's address (127.0.0.1). */
async function handshake(server: TestServer): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
  return { status: response.status, body: await response.text() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sockets per address', () => {
  let server: TestServer;

  afterEach(() => server.close());

  it('refuses a socket past the open limit, keeps the open ones, and admits again once one closes', async () => {
    server = await startTestServer({ env: { CROSSROADS_SOCKETS_PER_ADDRESS: '4' } });
    const open = [];
    for (let i = 0; i < 4; i += 1) {
      const client = connectClient(server, { transports: ['websocket'] });
      await connected(client);
      open.push(client);
      await sleep(60); // within the rate of new connections (burst 2, then 50/s)
    }
    const refused = await handshake(server);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({
      message: 'protocol/rate_limited: too many connections from this address',
    });
    const late = connectClient(server, { transports: ['websocket'] });
    await expect(connected(late)).rejects.toThrow();
    // The sockets already open still work.
    for (const client of open) {
      expect(client.connected).toBe(true);
      await expect(client.timeout(2000).emitWithAck('ping', { sentAt: 1 })).resolves.toMatchObject({
        status: 'accepted',
        sentAt: 1,
      });
    }

    open[0]?.disconnect();
    let admitted = { status: 0, body: '' };
    for (let i = 0; i < 40 && admitted.status !== 200; i += 1) {
      await sleep(50);
      admitted = await handshake(server);
    }
    expect(admitted.status).toBe(200);
    expect(admitted.body.startsWith('0{')).toBe(true);
  });

  it('has no limit with CROSSROADS_SOCKETS_PER_ADDRESS=0', async () => {
    server = await startTestServer({ env: { CROSSROADS_SOCKETS_PER_ADDRESS: '0' } });
    const answers = await Promise.all(Array.from({ length: 30 }, () => handshake(server)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });
});
