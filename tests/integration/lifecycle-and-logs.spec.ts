import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  connectClient,
  connected,
  disconnected,
  eventually,
  openSqliteFile,
  startTestServer,
} from './helpers';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(30_000);

describe('graceful close', () => {
  it('disconnects clients, stops listening and releases the SQLite file', async () => {
    const server = await startTestServer({ keepFiles: true });
    const file = server.databasePath;
    try {
      const client = connectClient(server, { transports: ['websocket'] });
      await connected(client);
      const gone = disconnected(client);
      // While the server runs, its connection keeps the WAL file around.
      expect(existsSync(`${file}-wal`)).toBe(true);

      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(3000);
      await expect(gone).resolves.toEqual(expect.any(String));

      // Nothing listens any more.
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
      // The last connection to close checkpoints and removes the WAL file …
      expect(existsSync(`${file}-wal`)).toBe(false);
      // … and leaving WAL mode needs the file to ourselves: it works only if the server let go.
      const db = openSqliteFile(file);
      try {
        expect(db.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
      } finally {
        db.close();
      }
      // close() may be called again without harm.
      await expect(server.close()).resolves.toBeUndefined();
    } finally {
      await rm(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('structured logs', () => {
  it('writes one JSON line per HTTP request and per socket connection and disconnection', async () => {
    const server = await startTestServer({ captureLogs: true });
    try {
      const before = server.logs.length;
      await fetch(`${server.url}/api/health`);
      await fetch(`${server.url}/api/health?again=1`);
      const requests = () =>
        server.logs.slice(before).filter((l) => l.msg === 'request completed' && l.req);
      await eventually(() => requests().length === 2);
      expect(requests().map((l) => (l.req as { url: string }).url)).toEqual([
        '/api/health',
        '/api/health?again=1',
      ]);
      expect(requests()[0]).toMatchObject({ level: 30, res: { statusCode: 200 } });

      const client = connectClient(server, { transports: ['websocket'] });
      await connected(client);
      const socketId = client.id;
      await eventually(() =>
        server.logs.some((l) => l.msg === 'socket connected' && l.socketId === socketId),
      );
      client.disconnect();
      await eventually(() =>
        server.logs.some((l) => l.msg === 'socket disconnected' && l.socketId === socketId),
      );
      const socketLines = server.logs.filter((l) => l.socketId === socketId);
      expect(socketLines.map((l) => l.msg)).toEqual(['socket connected', 'socket disconnected']);
      expect(socketLines[1]).toMatchObject({ reason: 'client namespace disconnect' });
    } finally {
      await server.close();
    }
  });

  it('logs a refused foreign origin as a warning', async () => {
    const server = await startTestServer({ captureLogs: true });
    try {
      const client = connectClient(server, {
        transports: ['websocket'],
        extraHeaders: { Origin: 'http://evil.example' },
      });
      await expect(connected(client)).rejects.toThrow();
      await eventually(() =>
        server.logs.some((l) => l.level === 40 && l.origin === 'http://evil.example'),
      );
    } finally {
      await server.close();
    }
  });

  it('writes nothing at LOG_LEVEL=silent', async () => {
    const server = await startTestServer({ captureLogs: true, env: { LOG_LEVEL: 'silent' } });
    try {
      await fetch(`${server.url}/api/health`);
    } finally {
      await server.close();
    }
    expect(server.logs).toEqual([]);
  });
});
