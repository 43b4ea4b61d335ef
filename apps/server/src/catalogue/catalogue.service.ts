import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ScenarioSummary } from '@crossroads/shared';
import { loadCatalogue } from '@crossroads/scenarios/node';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { EngineRuntime } from './engine-runtime';
import type { ScenarioRuntime } from './runtime';

/** Compares semver strings numerically (1.10.0 > 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The scenario catalogue, loaded and compiled once at start from the scenarios package's
 * catalogue folder (or CROSSROADS_CATALOGUE_DIR). Sessions pin a version; every version found
 * stays available so old sessions keep replaying with the scenario they were played with.
 */
@Injectable()
export class CatalogueService implements OnModuleInit {
  private readonly runtimes = new Map<string, ScenarioRuntime>();
  private readonly versions = new Map<string, string[]>();

  constructor(
    @InjectPinoLogger('Catalogue') private readonly logger: PinoLogger,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const loaded = loadCatalogue(this.config.catalogueDir);
    for (const entry of loaded) {
      if (!entry.ok) {
        this.logger.error(
          { file: entry.file, errors: entry.errors.slice(0, 5) },
          'scenario file skipped: it does not validate',
        );
        continue;
      }
      this.add(new EngineRuntime(entry.compiled));
    }
    this.logger.info(
      { scenarios: [...this.versions.entries()].map(([id, v]) => `${id}@${v.join(',')}`) },
      `catalogue loaded: ${this.runtimes.size} scenario version(s)`,
    );
  }

  /** Registers a compiled scenario version (also used by tests). */
  add(runtime: ScenarioRuntime): void {
    const key = `${runtime.id}@${runtime.version}`;
    if (this.runtimes.has(key)) {
      this.logger.warn({ scenario: key }, 'duplicate scenario version ignored');
      return;
    }
    this.runtimes.set(key, runtime);
    const list = this.versions.get(runtime.id) ?? [];
    list.push(runtime.version);
    list.sort((a, b) => compareVersions(b, a));
    this.versions.set(runtime.id, list);
  }

  /** A scenario version, or its newest version when `version` is omitted. */
  runtime(id: string, version?: string): ScenarioRuntime | undefined {
    const v = version ?? this.versions.get(id)?.[0];
    return v === undefined ? undefined : this.runtimes.get(`${id}@${v}`);
  }

  summaries(): ScenarioSummary[] {
    return [...this.versions.entries()].flatMap(([id, versions]) => {
      const latest = this.runtime(id);
      return latest ? [latest.summary(versions)] : [];
    });
  }
}
