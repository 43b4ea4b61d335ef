import http from 'node:http';
import { ErrorCode, MAX_MESSAGE_BYTES, pongSchema } from '@crossroads/shared';
import {
  connectClient,
  connected,
  disconnected,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
} from './helpers';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(30_000);

describe('socket.io gateway', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it.each([['polling'], ['websocket']])('answers ping with a pong over %s', async (transport) => {
    const client = connectClient(server, { transports: [transport] });
    await connected(client);
    const sentAt = Date.now();
    const ack = await client.timeout(2000).emitWithAck('ping', { sentAt });
    const pong = pongSchema.parse(ack);
    expect(pong.sentAt).toBe(sentAt);
    expect(pong.serverTime).toBeGreaterThanOrEqual(sentAt);
    client.disconnect();
  });

  it('rejects an invalid ping payload with protocol/invalid_payload and stays connected', async () => {
    const client = connectClient(server);
    await connected(client);
    // @ts-expect-error: deliberately breaking the contract to exercise server-side validation
    const ack = await client.timeout(2000).emitWithAck('ping', { sentAt: 'yesterday' });
    expect(ack).toEqual({
      status: 'rejected',
      code: ErrorCode.InvalidPayload,
      message: expect.stringContaining('sentAt'),
    });
    // @ts-expect-error: no payload at all
    const empty = await client.timeout(2000).emitWithAck('ping');
    expect(empty).toMatchObject({ status: 'rejected', code: ErrorCode.InvalidPayload });

    expect(client.connected).toBe(true);
    const ok = await client.timeout(2000).emitWithAck('ping', { sentAt: 1 });
    expect(ok.status).toBe('accepted');
    client.disconnect();
  });

  it('accepts a browser whose Origin is PUBLIC_ORIGIN', async () => {
    const client = connectClient(server, {
      transports: ['websocket'],
      extraHeaders: { Origin: TEST_ORIGIN },
    });
    await expect(connected(client)).resolves.toBeUndefined();
    client.disconnect();
  });

  it('refuses a connection from a foreign Origin (connect_error)', async () => {
    // Node's polling transport drops the Origin header, so the websocket handshake carries it.
    const client = connectClient(server, {
      transports: ['websocket'],
      extraHeaders: { Origin: 'http://evil.example' },
    });
    await expect(connected(client)).rejects.toThrow();
    expect(client.connected).toBe(false);
  });

  it('refuses a foreign Origin on the polling handshake with 403', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.get(
        `${server.url}/socket.io/?EIO=4&transport=polling`,
        { headers: { Origin: 'http://evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
    });
    expect(status).toBe(403);
  });

  it.each([['polling'], ['websocket']])(
    'drops a client that sends more than 64 KiB over %s and keeps serving others',
    async (transport) => {
      const bystander = connectClient(server, { transports: ['websocket'] });
      await connected(bystander);

      const offender = connectClient(server, { transports: [transport] });
      await connected(offender);
      const gone = disconnected(offender);
      const oversized = { sentAt: Date.now(), padding: 'x'.repeat(MAX_MESSAGE_BYTES + 1024) };
      offender.emit('ping', oversized, () => undefined);
      await expect(gone).resolves.toEqual(expect.any(String));
      expect(offender.connected).toBe(false);

      // The client that was already connected still gets answers …
      const ack = await bystander.timeout(2000).emitWithAck('ping', { sentAt: 2 });
      expect(ack.status).toBe('accepted');
      // … and so does a brand-new one, and REST is unaffected.
      const fresh = connectClient(server);
      await connected(fresh);
      const freshAck = await fresh.timeout(2000).emitWithAck('ping', { sentAt: 3 });
      expect(freshAck.status).toBe('accepted');
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);

      bystander.disconnect();
      fresh.disconnect();
    },
  );

  it('lets a message just under the limit through', async () => {
    const client = connectClient(server, { transports: ['websocket'] });
    await connected(client);
    const large = { sentAt: 4, padding: 'x'.repeat(MAX_MESSAGE_BYTES - 1024) };
    const ack = await client.timeout(2000).emitWithAck('ping', large);
    expect(ack.status).toBe('accepted');
    client.disconnect();
  });
});
