import net from 'node:net';
import { requirePostgres, requireRedis } from './support/services';

/** A port on loopback that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// The postgres project's tests fail with these messages when a service is down: they must name
// the service, where it was looked for and the command that starts it.
describe('missing services', () => {
  it('PostgreSQL: names it, its address and pg_ctlcluster', async () => {
    const port = await closedPort();
    await expect(requirePostgres(`postgres://postgres@127.0.0.1:${port}/test`)).rejects.toThrow(
      new RegExp(
        `^PostgreSQL is not reachable at 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\) — start it with \`pg_ctlcluster \\d+ main start\``,
      ),
    );
  });

  it('Redis: names it, its address and redis-server --daemonize yes', async () => {
    const port = await closedPort();
    await expect(requireRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      new RegExp(
        `^Redis is not reachable at 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\) — start it with \`redis-server --daemonize yes`,
      ),
    );
  });

  it('a server that answers something else is not taken for Redis', async () => {
    const server = net.createServer((socket) => {
      socket.resume(); // read the client's bytes, so its close is seen and server.close() returns
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      await expect(requireRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(
        /Redis is not reachable .*answered "HTTP\/1\.1 400 Bad Request" to PING/,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
