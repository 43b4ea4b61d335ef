/**
 * Micro-benchmark of the SQLite append path: SqliteEventStore.append on a file database (WAL),
 * as a live session writes it (one decision event per append, a command id on it, a checkpoint
 * every 100 events), spread over several sessions. Prints appends per second, µs per append on
 * the calling thread, the longest single append, and the WAL file's largest size.
 *
 *   node --conditions=@crossroads/source -r ./apps/server/bench/register-ts.cjs \
 *     apps/server/bench/append.ts [appends=20000] [sessions=50]
 * APPEND_TOGETHER=n issues n appends of different sessions in one turn of the event loop (they share
 * a transaction, see SqliteSqlClient.grouped). APPEND_LOOKUP=1 also looks the command id up before
 * each append. APPEND_SCHEMA=rowid stops
 * the migrations before LeanEventAppends (the events table and its type index as they were), for
 * an A/B of the schema.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import type { LogEvent } from '@crossroads/shared';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { sqliteMigrations } from '../src/database/migrations/sqlite';
import { LeanEventAppends1765152010000 } from '../src/database/migrations/sqlite/1765152010000-LeanEventAppends';
import { SqliteSqlClient } from '../src/database/sql';
import { WalCheckpoints } from '../src/database/wal-checkpoints';

type Connection = Parameters<typeof WalCheckpoints.start>[0];
import type { PinoLogger } from '../src/logging/logging.module';
import { SessionStore } from '../src/sessions/session-store';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';

function sorted(values: number[], q: number): number {
  const copy = [...values].sort((a, b) => a - b);
  return copy[Math.min(copy.length - 1, Math.floor(q * copy.length))] ?? 0;
}

async function main(): Promise<void> {
  const appends = Number(process.argv[2] ?? 20000);
  const sessionCount = Number(process.argv[3] ?? 50);
  const lookup = process.env.APPEND_LOOKUP === '1';
  const folder = mkdtempSync(path.join(tmpdir(), 'append-bench-'));
  const file = path.join(folder, 'bench.sqlite');
  const options = sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: file, LOG_LEVEL: 'silent' }));
  const dataSource = await new DataSource(
    process.env.APPEND_SCHEMA === 'rowid'
      ? {
          ...options,
          migrations: sqliteMigrations.slice(
            0,
            sqliteMigrations.indexOf(LeanEventAppends1765152010000),
          ),
        }
      : options,
  ).initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  const checkpoints =
    process.env.APPEND_WORKER === '1'
      ? WalCheckpoints.start(
          (dataSource.driver as unknown as { databaseConnection: Connection }).databaseConnection,
          file,
          { logger: console },
        )
      : undefined;
  if (process.env.APPEND_AUTOCHECKPOINT !== undefined) {
    await dataSource.query(
      `PRAGMA wal_autocheckpoint = ${Number(process.env.APPEND_AUTOCHECKPOINT)}`,
    );
  }
  const sessions = new SessionStore(sql, console as unknown as PinoLogger);
  const store = new SqliteEventStore(sessions);
  const owner = randomUUID();
  const created = new Date().toISOString();
  await sql.run(
    'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
    [owner, `owner-${owner}`, 'x', 'facilitator', created],
  );
  const ids: string[] = [];
  for (let i = 0; i < sessionCount; i += 1) {
    const id = randomUUID();
    ids.push(id);
    await sessions.insertSession(
      {
        id,
        scenario_id: 'scenario',
        scenario_version: '1.0.0',
        rubric_version: null,
        settings: '{}',
        status: 'running',
        join_code: `C${i}`,
        owner_id: owner,
        debrief_released: 0,
        created_at: created,
        started_at: null,
        ended_at: null,
        details: null,
      },
      [{ id: 't1', name: 'One' }],
    );
  }
  const heads = new Map(ids.map((id) => [id, 0]));
  const payload = { decision: 'd-route', option: 'o-north', rationale: 'x'.repeat(120) };
  let maxWal = 0;
  let maxMs = 0;
  const durations: number[] = [];
  // APPEND_RATE=n paces the appends at n a second (a server's pace), else as fast as they go.
  const rate = Number(process.env.APPEND_RATE ?? 0);
  // APPEND_TOGETHER=n issues n appends (of n different sessions) in one turn of the event loop, as
  // commands of several sessions read from their sockets together are: they share a transaction.
  const together = Math.max(1, Math.min(sessionCount, Number(process.env.APPEND_TOGETHER ?? 1)));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const appendOne = async (i: number): Promise<void> => {
    const sessionId = ids[i % ids.length] ?? '';
    const head = heads.get(sessionId) ?? 0;
    const seq = head + 1;
    const event = {
      seq,
      at: new Date().toISOString(),
      time: seq * 10,
      team: 't1',
      role: 'lead',
      participant: null,
      type: 'decision.made',
      payload,
    } as unknown as LogEvent;
    const one = performance.now();
    const commandId = randomUUID();
    // As SessionHost.execute did before planning: is this command id in the log already?
    if (lookup && (await store.command(sessionId, commandId))) throw new Error('seen');
    const result = await store.append({
      sessionId,
      expectedHead: head,
      events: [{ event, commandId, actor: 'participant:x', commandDigest: 'd' }],
      ...(seq % 100 === 0
        ? { checkpoint: { seq, teams: { t1: { state: 'x'.repeat(2000) } }, at: event.at } }
        : {}),
    });
    const took = performance.now() - one;
    durations.push(took);
    maxMs = Math.max(maxMs, took);
    if (result.kind !== 'appended') throw new Error(`append ${i}: ${result.kind}`);
    heads.set(sessionId, seq);
  };
  for (let i = 0; i < appends; i += together) {
    const group: Promise<void>[] = [];
    for (let j = i; j < Math.min(appends, i + together); j += 1) group.push(appendOne(j));
    await Promise.all(group);
    if (rate > 0 && Math.floor((i + together) / 10) > Math.floor(i / 10)) {
      const due = started + ((i + together) / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (Math.floor((i + together) / 200) > Math.floor(i / 200)) {
      try {
        maxWal = Math.max(maxWal, statSync(`${file}-wal`).size);
      } catch {
        // no WAL file at this moment
      }
    }
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      appends,
      sessions: sessionCount,
      perSecond: Math.round((appends / elapsed) * 1000),
      usPerAppend: +((elapsed * 1000) / appends).toFixed(1),
      appendUsMean: +((durations.reduce((a, b) => a + b, 0) * 1000) / appends).toFixed(1),
      appendUsP50: +(sorted(durations, 0.5) * 1000).toFixed(1),
      appendUsP99: +(sorted(durations, 0.99) * 1000).toFixed(1),
      over2ms: durations.filter((d) => d > 2).length,
      cpuUsPerAppend: +((cpu.user + cpu.system) / appends).toFixed(1),
      maxAppendMs: +maxMs.toFixed(2),
      maxWalKB: Math.round(maxWal / 1024),
    }),
  );
  const stats = checkpoints ? await checkpoints.checkpointNow() : undefined;
  if (stats) console.log(JSON.stringify(stats));
  await checkpoints?.close();
  await dataSource.destroy();
  rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
