import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type RunningApp } from '../../src/index';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * The "listening" line is what an operator reads to tell a process apart and see what it runs on.
 * On PostgreSQL it named the SQLite file the process does not use (`data/crossroads.sqlite`) and
 * not its NODE_ID; it names the PostgreSQL URL (without the password) and the NODE_ID.
 */
describe('the start log on PostgreSQL', () => {
  let schema: TestSchema;
  let server: RunningApp | undefined;
  let folder: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    schema = await createTestSchema('startlog');
    folder = mkdtempSync(path.join(os.tmpdir(), 'crossroads-startlog-'));
  });
  afterAll(async () => {
    await server?.close();
    await schema.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('names the PostgreSQL database (password hidden) and the NODE_ID, not the SQLite path', async () => {
    const withPassword = new URL(schema.url);
    withPassword.password = 'not-to-be-logged';
    withPassword.searchParams.set('options', `-c search_path=${schema.name}`);
    server = await createApp({
      env: {
        DATABASE_URL: withPassword.toString(),
        DATA_DIR: folder,
        NODE_ID: 'app-7',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
        CROSSROADS_DEMO: 'false',
        PUBLIC_ORIGIN: 'http://localhost:3000',
      },
      logDestination: new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          for (const line of chunk.toString().split('\n')) {
            if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
          }
          callback();
        },
      }),
    });
    const listening = lines.find((line) => String(line.msg).includes('listening'));
    expect(listening).toBeDefined();
    const database = String(listening?.database);
    expect(database).toMatch(/^postgres(ql)?:\/\//);
    expect(database).not.toContain('sqlite');
    expect(database).not.toContain('not-to-be-logged');
    expect(listening?.nodeId).toBe('app-7');
  });
});
