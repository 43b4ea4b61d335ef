import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { compile, parseScenario, type ScenarioError } from '@crossroads/scenarios';
import { catalogueDir, loadCatalogue } from '@crossroads/scenarios/node';
import {
  ErrorCode,
  type Account,
  type CreateStudioScenarioRequest,
  type StudioDiff,
  type StudioScenario,
  type StudioScenarioListItem,
  type StudioTemplate,
  type StudioValidation,
  type StudioVersion,
  type StudioVersionSource,
  textSchema,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { parse, parseDocument } from 'yaml';
import { AppError } from '../auth/rest-error';
import { CatalogueService, compareVersions } from '../catalogue/catalogue.service';
import { EngineRuntime } from '../catalogue/engine-runtime';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { isUniqueViolation, SQL_CLIENT, type SqlClient, type SqlExecutor } from '../database/sql';
import { draftTitle } from './draft-title';
import { StudioWorkers } from './studio-workers';

interface ScenarioRow {
  id: string;
  owner_id: string;
  owner: string;
  scenario_id: string;
  published_id: string | null;
  title: string;
  draft: string;
  created_at: string;
  draft_updated_at: string;
}

interface VersionRow {
  studio_id: string;
  scenario_id: string;
  version: string;
  source: string;
  published_at: string;
  published_by: string;
}

interface VersionListRow {
  studio_id: string;
  version: string;
  published_at: string;
  published_by: string;
}

/** Versions as the API lists them: newest first by semver (1.10.0 before 1.9.0). */
function newestFirst(rows: VersionListRow[]): StudioVersion[] {
  return [...rows]
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((r) => ({ version: r.version, publishedAt: r.published_at, publishedBy: r.published_by }));
}

/** A new version must be above every published one (`published`: newest first). */
function refuseStale(version: string, published: StudioVersion[]): void {
  const newest = published[0];
  if (newest && compareVersions(version, newest.version) <= 0)
    throw new AppError(
      ErrorCode.InvalidPayload,
      `Version ${version} is already published or older than ${newest.version}; raise the version.`,
    );
}

/**
 * Facts, not conclusions: a draft whose text names a rubric rule or states a legal verdict (the
 * verdict findings, verdicts.ts) is not published, as the catalogue refuses such a file. Saving it
 * stays allowed (a draft is work in progress) and the editor shows the findings as warnings; the
 * refusal lists each one with its path, line, kind and values, for the studio to word in the
 * author's language.
 */
function refuseVerdicts(verdicts: readonly ScenarioError[]): void {
  if (verdicts.length === 0) return;
  const listed = verdicts.map(
    (v) => `${v.path === '' ? '(file)' : v.path} (${v.code ?? 'verdict'})`,
  );
  throw new AppError(
    ErrorCode.InvalidPayload,
    `The draft names a rubric rule or states a legal conclusion (${verdicts.length} finding(s)); a published scenario states facts and the legal model decides what they mean. Fix before publishing: ${listed.join('; ')}.`,
    verdicts.slice(0, 50).map((v) => ({
      path: v.path,
      message: v.message,
      ...(v.line !== undefined ? { line: v.line } : {}),
      ...(v.code !== undefined ? { code: v.code, params: { ...v.params } } : {}),
    })),
  );
}

/** The folder of studio templates (`<server package>/studio-templates`), from src/ or dist/. */
export function templatesDir(): string {
  return join(__dirname, '..', '..', 'studio-templates');
}

/** How often, with several server processes (NODE_ID), versions published elsewhere are read. */
const STUDIO_REFRESH_MS = 5_000;

const TEMPLATE_FILE = /^([a-z][a-z0-9_-]*)\.ya?ml$/;

/**
 * Studio scenarios: one editable draft each, and immutable published versions. Publishing compiles
 * the text once more and registers it in the catalogue under its scenario id and version, so new
 * sessions can pin it; at start every published version is registered again before sessions are
 * restored.
 */
@Injectable()
export class StudioService implements OnModuleInit, OnModuleDestroy {
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  /** Published versions that no longer validate (`id@version`), not compiled again. */
  private readonly unusable = new Set<string>();

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly catalogue: CatalogueService,
    private readonly workers: StudioWorkers,
    @InjectConfig() private readonly config: AppConfig,
    @InjectPinoLogger('Studio') private readonly logger: PinoLogger,
  ) {}

  /** Nest awaits this before onApplicationBootstrap, where sessions are restored. */
  async onModuleInit(): Promise<void> {
    const registered = await this.refresh();
    if (registered > 0) this.logger.info(`studio: ${registered} published version(s) registered`);
    // Several server processes on one database (NODE_ID): a version another process publishes
    // reaches this process's catalogue within STUDIO_REFRESH_MS, so sessions started or taken
    // over here can pin it. One process alone registers its own publishes as they happen.
    if (this.config.nodeId !== undefined) {
      this.refreshTimer = setInterval(() => {
        this.refreshing ??= this.refresh()
          .then(
            () => undefined,
            (error: unknown) =>
              this.logger.warn({ err: error }, 'studio: reading published versions failed'),
          )
          .finally(() => (this.refreshing = undefined));
      }, STUDIO_REFRESH_MS);
      this.refreshTimer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
  }

  /**
   * Registers in the catalogue every published version it does not have yet (at start: all of
   * them; later: those other server processes published). Answers how many it registered.
   */
  async refresh(): Promise<number> {
    const keys = await this.sql.all<{ scenario_id: string; version: string }>(
      'SELECT scenario_id, version FROM studio_versions ORDER BY published_at',
    );
    let registered = 0;
    for (const key of keys) {
      const name = `${key.scenario_id}@${key.version}`;
      if (this.unusable.has(name) || this.catalogue.runtime(key.scenario_id, key.version)) continue;
      const row = await this.sql.get<{ source: string }>(
        'SELECT source FROM studio_versions WHERE scenario_id = ? AND version = ?',
        [key.scenario_id, key.version],
      );
      if (!row) continue;
      const parsed = parseScenario(row.source, { file: name });
      if (!parsed.ok) {
        // Logged once: the text is immutable, it will not validate on the next refresh either.
        this.unusable.add(name);
        this.logger.error({ scenario: name }, 'published studio version no longer validates');
        continue;
      }
      // Published before publishing refused verdict findings: still registered (sessions may be
      // pinned to it, and the text is immutable), with a warning once per process; the author
      // publishes a version that states facts only.
      if (parsed.verdicts.length > 0)
        this.logger.warn(
          {
            scenario: name,
            verdicts: parsed.verdicts.slice(0, 20).map((v) => `${v.path} (${v.code ?? 'verdict'})`),
          },
          'published studio version names a rubric rule or states a legal conclusion; publish a version that states facts only',
        );
      this.catalogue.add(new EngineRuntime(compile(parsed.scenario)));
      registered += 1;
    }
    return registered;
  }

  /** Authors only: admins, and facilitators with the author permission. */
  static requireAuthor(account: Account): void {
    if (account.role !== 'admin' && account.author !== true)
      throw new AppError(
        ErrorCode.Forbidden,
        'The studio needs the author permission (ask an administrator).',
      );
  }

  templates(): StudioTemplate[] {
    const dir = templatesDir();
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((file) => TEMPLATE_FILE.exec(file))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => (a[1] as string).localeCompare(b[1] as string))
      .map((m) => {
        const data = parse(readFileSync(join(dir, m[0]), 'utf8')) as { title?: unknown } | null;
        // Its title in every language it has: the studio shows it in the author's.
        const title = textSchema.safeParse(data?.title);
        return { id: m[1] as string, title: title.success ? title.data : (m[1] as string) };
      });
  }

  private templateSource(id: string): string {
    const dir = templatesDir();
    for (const ext of ['yaml', 'yml']) {
      const file = join(dir, `${id}.${ext}`);
      if (TEMPLATE_FILE.test(`${id}.${ext}`) && existsSync(file)) return readFileSync(file, 'utf8');
    }
    throw new AppError(ErrorCode.NotFound, `No template ${id}.`);
  }

  private async catalogueSource(id: string): Promise<string> {
    const entry = loadCatalogue(this.config.catalogueDir ?? catalogueDir()).find(
      (e) => e.ok && e.scenario.id === id,
    );
    if (entry) return readFileSync(entry.file, 'utf8');
    const published = await this.sql.get<{ source: string }>(
      'SELECT source FROM studio_versions WHERE scenario_id = ? ORDER BY published_at DESC LIMIT 1',
      [id],
    );
    if (published) return published.source;
    throw new AppError(ErrorCode.NotFound, `No catalogue scenario ${id}.`);
  }

  /** Sets the top-level `id` (and for copies `version: 1.0.0`), keeping comments and layout. */
  private withId(source: string, id: string | undefined, resetVersion: boolean): string {
    if (id === undefined && !resetVersion) return source;
    const doc = parseDocument(source);
    if (doc.errors.length > 0) return source;
    if (id !== undefined) doc.set('id', id);
    if (resetVersion) doc.set('version', '1.0.0');
    return doc.toString({ lineWidth: 0 });
  }

  async create(account: Account, input: CreateStudioScenarioRequest): Promise<StudioScenario> {
    let source: string;
    if (input.template !== undefined)
      source = this.withId(this.templateSource(input.template), input.scenarioId, false);
    else if (input.catalogue !== undefined)
      source = this.withId(
        await this.catalogueSource(input.catalogue),
        input.scenarioId ?? `${input.catalogue}-copy`,
        true,
      );
    else source = this.withId(input.source ?? '', input.scenarioId, false);
    const validation = await this.validate(source);
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.sql.run(
      `INSERT INTO studio_scenarios (id, owner_id, scenario_id, published_id, title, draft, created_at, draft_updated_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
      [id, account.id, validation.id ?? 'untitled', validation.title, source, now, now],
    );
    return this.get(account, id, validation);
  }

  validate(source: string): Promise<StudioValidation> {
    return this.workers.run<StudioValidation>({ kind: 'validate', source });
  }

  private async row(id: string): Promise<ScenarioRow> {
    const row = await this.sql.get<ScenarioRow>(
      `SELECT s.*, a.username AS owner FROM studio_scenarios s JOIN accounts a ON a.id = s.owner_id WHERE s.id = ?`,
      [id],
    );
    if (!row) throw new AppError(ErrorCode.NotFound, `No studio scenario ${id}.`);
    return row;
  }

  /** Published versions of one studio scenario, newest first (`on`: inside a transaction). */
  private async versionsOf(id: string, on: SqlExecutor = this.sql): Promise<StudioVersion[]> {
    const rows = await on.all<VersionListRow>(
      `SELECT v.studio_id, v.version, v.published_at, a.username AS published_by FROM studio_versions v
       JOIN accounts a ON a.id = v.published_by WHERE v.studio_id = ?`,
      [id],
    );
    return newestFirst(rows);
  }

  private item(row: ScenarioRow, versions: StudioVersion[]): StudioScenarioListItem {
    return {
      id: row.id,
      scenarioId: row.published_id ?? row.scenario_id,
      title: draftTitle(row.draft) ?? row.title,
      owner: row.owner,
      createdAt: row.created_at,
      draftUpdatedAt: row.draft_updated_at,
      versions,
    };
  }

  /** Every studio scenario with its versions: two queries, whatever the number of scenarios. */
  async list(): Promise<StudioScenarioListItem[]> {
    const rows = await this.sql.all<ScenarioRow>(
      `SELECT s.*, a.username AS owner FROM studio_scenarios s JOIN accounts a ON a.id = s.owner_id
       ORDER BY s.draft_updated_at DESC`,
    );
    const versionRows = await this.sql.all<VersionListRow>(
      `SELECT v.studio_id, v.version, v.published_at, a.username AS published_by FROM studio_versions v
       JOIN accounts a ON a.id = v.published_by`,
    );
    const byStudio = new Map<string, VersionListRow[]>();
    for (const v of versionRows) {
      const list = byStudio.get(v.studio_id) ?? [];
      list.push(v);
      byStudio.set(v.studio_id, list);
    }
    return rows.map((r) => this.item(r, newestFirst(byStudio.get(r.id) ?? [])));
  }

  async get(_account: Account, id: string, validation?: StudioValidation): Promise<StudioScenario> {
    const row = await this.row(id);
    return {
      ...this.item(row, await this.versionsOf(id)),
      source: row.draft,
      validation: validation ?? (await this.validate(row.draft)),
    };
  }

  /** Drafts are edited by their owner (and administrators). */
  private async editable(account: Account, id: string): Promise<ScenarioRow> {
    const row = await this.row(id);
    if (row.owner_id !== account.id && account.role !== 'admin')
      throw new AppError(
        ErrorCode.Forbidden,
        `Only ${row.owner} (or an administrator) can change this draft.`,
      );
    return row;
  }

  async saveDraft(account: Account, id: string, source: string): Promise<StudioScenario> {
    await this.editable(account, id);
    const validation = await this.validate(source);
    await this.sql.run(
      'UPDATE studio_scenarios SET draft = ?, title = ?, scenario_id = ?, draft_updated_at = ? WHERE id = ?',
      [source, validation.title, validation.id ?? 'untitled', new Date().toISOString(), id],
    );
    return this.get(account, id, validation);
  }

  async publish(account: Account, id: string): Promise<StudioVersion> {
    const row = await this.editable(account, id);
    const validation = await this.validate(row.draft);
    if (!validation.ok || validation.id === null || validation.version === null)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `The draft does not validate (${validation.errors.length} error(s)); fix it before publishing.`,
        // With their kinds and values, as the verdict findings below, to be worded in any language.
        validation.errors.slice(0, 50),
      );
    const scenarioId = validation.id;
    const version = validation.version;
    if (row.published_id !== null && row.published_id !== scenarioId)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `This scenario was published as ${row.published_id}; keep that id (copy it to start a new scenario).`,
      );
    // Another draft's published versions are in the catalogue too: say so, not "the catalogue".
    const otherDraft = await this.sql.get<{ version: string; publisher: string }>(
      `SELECT v.version, a.username AS publisher FROM studio_versions v JOIN accounts a ON a.id = v.published_by
       WHERE v.scenario_id = ? AND v.studio_id <> ? ORDER BY v.published_at DESC LIMIT 1`,
      [scenarioId, id],
    );
    if (otherDraft)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `The scenario id ${scenarioId} was already published from another draft (version ${otherDraft.version}, by ${otherDraft.publisher}); choose another id.`,
      );
    const fileCatalogue = this.catalogue.runtime(scenarioId);
    if (fileCatalogue && row.published_id === null)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `The scenario id ${scenarioId} is already in the catalogue; choose another id.`,
      );
    // Checked here to refuse before compiling, and again inside the transaction, where it counts.
    refuseStale(version, await this.versionsOf(id));
    // Compile once more on the main thread only what is about to be served to sessions, which
    // states facts only (the id and version are checked first: they need no change of content).
    const parsed = parseScenario(row.draft, { file: `${scenarioId}@${version}` });
    if (!parsed.ok) throw new AppError(ErrorCode.InvalidPayload, 'The draft does not validate.');
    refuseVerdicts(parsed.verdicts);
    const runtime = new EngineRuntime(compile(parsed.scenario));
    const now = new Date().toISOString();
    try {
      await this.sql.transaction(async (tx) => {
        // The UPDATE comes first so that it takes the draft's row lock on PostgreSQL: a second
        // publish of this draft (another request, another server process) waits here until this
        // one commits, then reads its version below and is refused. (SQLite's BEGIN IMMEDIATE
        // already runs one publish at a time.) It only claims an id the draft has not left.
        const claimed = await tx.run(
          `UPDATE studio_scenarios SET published_id = ?
           WHERE id = ? AND (published_id IS NULL OR published_id = ?)`,
          [scenarioId, id, scenarioId],
        );
        if (claimed.changes === 0)
          throw new AppError(
            ErrorCode.InvalidPayload,
            'This scenario was just published under another id; reload it.',
          );
        refuseStale(version, await this.versionsOf(id, tx));
        // The unique keys (studio_id, version), (scenario_id, version) and published_id stay the
        // last word: another draft publishing the same scenario id fails here or on the UPDATE.
        await tx.run(
          `INSERT INTO studio_versions (studio_id, scenario_id, version, source, published_at, published_by)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [id, scenarioId, version, row.draft, now, account.id],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(
          ErrorCode.InvalidPayload,
          `${scenarioId}@${version} is taken; choose another id or version.`,
        );
      throw error;
    }
    // A refresh may have registered it in the meantime (it reads committed versions).
    if (!this.catalogue.runtime(scenarioId, version)) this.catalogue.add(runtime);
    this.logger.info(
      { scenario: `${scenarioId}@${version}`, by: account.username },
      'studio version published',
    );
    return { version, publishedAt: now, publishedBy: account.username };
  }

  async versions(id: string): Promise<StudioVersion[]> {
    await this.row(id);
    return this.versionsOf(id);
  }

  async versionSource(id: string, version: string): Promise<StudioVersionSource> {
    const row = await this.sql.get<VersionRow & { publisher: string }>(
      `SELECT v.*, a.username AS publisher FROM studio_versions v JOIN accounts a ON a.id = v.published_by
       WHERE v.studio_id = ? AND v.version = ?`,
      [id, version],
    );
    if (!row) throw new AppError(ErrorCode.NotFound, `No published version ${version}.`);
    return {
      scenarioId: row.scenario_id,
      version: row.version,
      publishedAt: row.published_at,
      publishedBy: row.publisher,
      source: row.source,
    };
  }

  /** Text of a version, or of the draft for `draft`. */
  async text(id: string, version: string): Promise<string> {
    return version === 'draft'
      ? (await this.row(id)).draft
      : (await this.versionSource(id, version)).source;
  }

  async diff(id: string, from: string, to: string): Promise<StudioDiff> {
    const before = await this.text(id, from);
    const after = await this.text(id, to);
    const changes = await this.workers.run<StudioDiff['changes']>({ kind: 'diff', before, after });
    return { from, to, changes };
  }

  /** A file name for an export: `<scenario id>-<version>.yaml`. */
  async exportName(id: string, version: string): Promise<string> {
    const row = await this.row(id);
    const scenarioId = row.published_id ?? row.scenario_id;
    return `${scenarioId}-${version === 'draft' ? 'draft' : version}.yaml`;
  }
}
