import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { DependencyCheck, HealthResponse, LivenessResponse } from '@crossroads/shared';
import { DataSource } from 'typeorm';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { serverVersion } from '../paths';
import { REDIS_FANOUT, type RedisFanout } from '../realtime/redis-fanout';

@Injectable()
export class HealthService {
  private readonly version = serverVersion();
  /** When this application was built (not the process: tests start several in one process). */
  private readonly startedAt = performance.now();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(REDIS_FANOUT) private readonly redis: RedisFanout | null,
  ) {}

  /** Liveness: the process is up and its event loop answers. Asks no dependency. */
  live(): LivenessResponse {
    return { status: 'ok', version: this.version, uptimeSeconds: this.uptimeSeconds() };
  }

  /**
   * Readiness: the database answers a real round trip, and so does Redis when REDIS_URL is set
   * (both asked at once). Degraded, with the reason, when either does not.
   */
  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.redis?.check()]);
    const failures: string[] = [];
    if (!database.ok) failures.push(`database: ${database.error ?? 'no answer'}`);
    if (redis && !redis.ok) failures.push(`redis: ${redis.error ?? 'no answer'}`);
    return {
      status: failures.length === 0 ? 'ok' : 'degraded',
      version: this.version,
      uptimeSeconds: this.uptimeSeconds(),
      database,
      ...(redis ? { redis } : {}),
      ...(failures.length > 0 ? { reason: failures.join('; ') } : {}),
    };
  }

  private async checkDatabase(): Promise<DependencyCheck & { driver: string }> {
    const started = performance.now();
    const driver = String(this.dataSource.options.type);
    try {
      if (!this.dataSource.isInitialized) throw new Error('The database connection is closed.');
      const row = await this.sql.get<{ ok: unknown }>('SELECT 1 AS ok');
      // PostgreSQL answers an int4 as a number through the SqlClient, SQLite an integer.
      if (Number(row?.ok) !== 1) throw new Error('SELECT 1 returned an unexpected result.');
      return { ok: true, driver, latencyMs: elapsed(started) };
    } catch (error) {
      return {
        ok: false,
        driver,
        latencyMs: elapsed(started),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private uptimeSeconds(): number {
    return Math.round(performance.now() - this.startedAt) / 1000;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
