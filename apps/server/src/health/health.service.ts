import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@crossroads/shared';
import { DataSource } from 'typeorm';
import { serverVersion } from '../paths';

@Injectable()
export class HealthService {
  private readonly version = serverVersion();
  /** When this application was built (not the process: tests start several in one process). */
  private readonly startedAt = performance.now();

  constructor(private readonly dataSource: DataSource) {}

  /** Checks the database with a real round trip and reports how long it took. */
  async check(): Promise<HealthResponse> {
    const started = performance.now();
    let database: HealthResponse['database'];
    const driver = String(this.dataSource.options.type);
    try {
      if (!this.dataSource.isInitialized) throw new Error('The database connection is closed.');
      const rows: unknown = await this.dataSource.query('SELECT 1 AS ok');
      const ok = Array.isArray(rows) && (rows[0] as { ok?: unknown } | undefined)?.ok === 1;
      if (!ok) throw new Error('SELECT 1 returned an unexpected result.');
      database = { ok: true, driver, latencyMs: elapsed(started) };
    } catch (error) {
      database = {
        ok: false,
        driver,
        latencyMs: elapsed(started),
        error: error instanceof Error ? error.message : String(error),
      };
    }
    return {
      status: database.ok ? 'ok' : 'degraded',
      version: this.version,
      uptimeSeconds: Math.round(performance.now() - this.startedAt) / 1000,
      database,
    };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
