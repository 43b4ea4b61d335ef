import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  studioDiffSchema,
  studioDryRunSchema,
  studioPreviewSchema,
  studioScenarioListItemSchema,
  studioScenarioSchema,
  studioValidationSchema,
  type DryRunAction,
  type SessionMeta,
  type StudioAnalysis,
  type StudioDryRun,
  type StudioScenario,
  type StudioVersion,
} from '@crossroads/shared';
import { api, login, newStaff, type Staff } from '../../apps/server/bench/session-client';
import { openSqliteFile, startTestServer, type TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const FLAGSHIP = path.resolve(__dirname, '../../packages/scenarios/catalogue/reefer-horgos.yaml');

let server: TestServer;
let admin: Staff;
let author: Staff;
let plain: Staff;

/** The HTTP status and body of a failed call. */
async function failure(
  call: Promise<unknown>,
): Promise<{ status: number; body: { code: string; message: string } }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; body: { code: string; message: string } };
    return { status: e.status, body: e.body };
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  server = await startMiniServer();
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  author = await newStaff(server.url, admin.token, 'trainer', { author: true });
  plain = await newStaff(server.url, admin.token, 'plain');
});

afterAll(async () => {
  await server?.close();
});

describe('studio REST', () => {
  it('is closed to accounts without the author permission', async () => {
    const me = await api<{ author: boolean }>(
      server.url,
      'GET',
      '/api/auth/me',
      undefined,
      plain.token,
    );
    expect(me.author).toBe(false);
    const denied = await failure(
      api(server.url, 'GET', '/api/studio/scenarios', undefined, plain.token),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('auth/forbidden');
    const anonymous = await failure(api(server.url, 'GET', '/api/studio/templates'));
    expect(anonymous.status).toBe(401);
  });

  it('offers its templates with their titles in every language they have', async () => {
    const templates = await api<unknown[]>(
      server.url,
      'GET',
      '/api/studio/templates',
      undefined,
      author.token,
    );
    expect(templates).toContainEqual({
      id: 'starter',
      title: {
        en: 'A car at the green border',
        'sr-Latn': 'Automobil na zelenoj granici',
        mk: 'Автомобил на зелената граница',
      },
    });
  });

  it('lists each draft with its title in every language the draft gives', async () => {
    const created = studioScenarioSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/scenarios',
        { template: 'starter', scenarioId: 'titles-in-list' },
        author.token,
      ),
    );
    const list = studioScenarioListItemSchema
      .array()
      .parse(await api(server.url, 'GET', '/api/studio/scenarios', undefined, author.token));
    expect(list.find((d) => d.id === created.id)?.title).toEqual({
      en: 'A car at the green border',
      'sr-Latn': 'Automobil na zelenoj granici',
      mk: 'Автомобил на зелената граница',
    });
  });

  it('validates text in the worker and places each error on its path and line', async () => {
    const good = studioValidationSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/validate',
        {
          source: readFileSync(
            path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
            'utf8',
          ),
        },
        author.token,
      ),
    );
    expect(good.ok).toBe(true);
    expect(good.languages).toEqual(['en', 'sr-Latn', 'mk']);
    expect(good.graph?.edges.some((e) => e.from === 'stop' && e.to === 'statements')).toBe(true);

    const source = readFileSync(
      path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
      'utf8',
    ).replace(
      '- { goto: statements }\n          - id: search_car',
      '- { goto: statemnts }\n          - id: search_car',
    );
    const bad = studioValidationSchema.parse(
      await api(server.url, 'POST', '/api/studio/validate', { source }, author.token),
    );
    expect(bad.ok).toBe(false);
    const error = bad.errors.find((e) => e.path.endsWith('.goto'));
    expect(error?.path).toBe('phases[0].decisions[0].options[0].effects[1].goto');
    expect(error?.message).toContain('statemnts');
    expect(source.split('\n')[(error?.line ?? 0) - 1]).toContain('statemnts');
  });

  it('warns where a draft states a verdict or rates an option itself, with a code an editor words', async () => {
    const source = readFileSync(
      path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
      'utf8',
    )
      .replace(
        '\nfacts:\n',
        '\nfacts:\n  - { id: search_unlawful, type: boolean, initial: false }\n',
      )
      .replace(
        '          - id: search_car\n',
        '          - id: search_car\n            annotations: [{ rule: R07, points: -2, axis: rights }]\n',
      );
    const checked = studioValidationSchema.parse(
      await api(server.url, 'POST', '/api/studio/validate', { source }, author.token),
    );
    // Warnings, not errors: the draft still loads; the legal model ignores none of its facts.
    expect(checked.ok).toBe(true);
    const rated = checked.warnings.find((w) => w.code === 'option_rates_itself');
    expect(rated).toMatchObject({
      path: 'phases[0].decisions[0].options[1].annotations[0]',
      params: { rule: 'R07', points: '-2', axis: 'rights' },
    });
    expect(source.split('\n')[(rated?.line ?? 0) - 1]).toContain('annotations');
    expect(checked.warnings.find((w) => w.code === 'verdict_fact_id')).toMatchObject({
      path: 'facts[0].id',
      params: { fact: 'search_unlawful', word: 'unlawful' },
    });
  });

  it('reports 20,000 nested brackets as one error, in the worker', async () => {
    const source = `${readFileSync(
      path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
      'utf8',
    )}\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const result = studioValidationSchema.parse(
      await api(server.url, 'POST', '/api/studio/validate', { source }, author.token),
    );
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.message)).toEqual([
      'nested too deeply: more than 64 levels of lists and maps',
    ]);
  });

  it('refuses a 900,000-character title and a bidi override in a text, naming the path', async () => {
    const starter = readFileSync(
      path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
      'utf8',
    );
    for (const [title, message] of [
      ['x'.repeat(900_000), /^a short text \(title, name, label\) has at most 500 characters/],
      ['"A car \u202Eat the border"', /^bidirectional override or isolate character U\+202E/],
    ] as const) {
      const source = starter.replace('  en: A car at the green border', `  en: ${title}`);
      const result = studioValidationSchema.parse(
        await api(server.url, 'POST', '/api/studio/validate', { source }, author.token),
      );
      expect(result.ok).toBe(false);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ path: 'title.en', line: 6 });
      expect(result.errors[0]?.message).toMatch(message);
    }
  });

  it('refuses text over the size limit without parsing it', async () => {
    const huge = `# ${'x'.repeat(1_000_001)}`;
    const refused = await failure(
      api(server.url, 'POST', '/api/studio/validate', { source: huge }, author.token),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('1000000 bytes');
  });

  it('validates the flagship (about 210 kB) through the studio', async () => {
    const source = readFileSync(FLAGSHIP, 'utf8');
    const result = studioValidationSchema.parse(
      await api(server.url, 'POST', '/api/studio/validate', { source }, author.token),
    );
    expect(result.ok).toBe(true);
    expect(result.id).toBe('reefer-horgos');
    expect(result.counts.decisions).toBeGreaterThan(20);
  });

  let draft: StudioScenario;

  it('creates a draft from the template, saves edits, publishes an immutable version and diffs versions', async () => {
    draft = studioScenarioSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/scenarios',
        { template: 'starter', scenarioId: 'green-border' },
        author.token,
      ),
    );
    expect(draft.scenarioId).toBe('green-border');
    expect(draft.validation.ok).toBe(true);
    expect(draft.source).toContain('# Starter scenario'); // comments survive the rename

    // Another author cannot change it.
    const other = await newStaff(server.url, admin.token, 'other', { author: true });
    const foreign = await failure(
      api(
        server.url,
        'PUT',
        `/api/studio/scenarios/${draft.id}/draft`,
        { source: draft.source },
        other.token,
      ),
    );
    expect(foreign.status).toBe(403);

    // An invalid draft is saved, but cannot be published.
    const broken = draft.source.replace('timeCost: 15', 'timeCost: -15');
    const saved = studioScenarioSchema.parse(
      await api(
        server.url,
        'PUT',
        `/api/studio/scenarios/${draft.id}/draft`,
        { source: broken },
        author.token,
      ),
    );
    expect(saved.validation.ok).toBe(false);
    expect(saved.validation.errors[0]?.path).toContain('timeCost');
    const refused = await failure(
      api(server.url, 'POST', `/api/studio/scenarios/${draft.id}/publish`, undefined, author.token),
    );
    expect(refused.status).toBe(400);

    await api(
      server.url,
      'PUT',
      `/api/studio/scenarios/${draft.id}/draft`,
      { source: draft.source },
      author.token,
    );
    const v1 = await api<StudioVersion>(
      server.url,
      'POST',
      `/api/studio/scenarios/${draft.id}/publish`,
      undefined,
      author.token,
    );
    expect(v1.version).toBe('1.0.0');
    expect(v1.publishedBy).toBe('trainer');

    // Same version again: refused.
    const again = await failure(
      api(server.url, 'POST', `/api/studio/scenarios/${draft.id}/publish`, undefined, author.token),
    );
    expect(again.body.message).toContain('raise the version');

    const edited = draft.source
      .replace('version: 1.0.0', 'version: 1.1.0')
      .replace('timeCost: 15', 'timeCost: 20')
      .replace('durationMinutes: 30', 'durationMinutes: 35');
    await api(
      server.url,
      'PUT',
      `/api/studio/scenarios/${draft.id}/draft`,
      { source: edited },
      author.token,
    );
    const v2 = await api<StudioVersion>(
      server.url,
      'POST',
      `/api/studio/scenarios/${draft.id}/publish`,
      undefined,
      author.token,
    );
    expect(v2.version).toBe('1.1.0');

    const diff = studioDiffSchema.parse(
      await api(
        server.url,
        'GET',
        `/api/studio/scenarios/${draft.id}/diff?from=1.0.0&to=1.1.0`,
        undefined,
        author.token,
      ),
    );
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'version', kind: 'changed', before: '1.0.0', after: '1.1.0' },
        { path: 'durationMinutes', kind: 'changed', before: '30', after: '35' },
        {
          path: 'phases › stop › decisions › first_step › options › care_first › timeCost',
          kind: 'changed',
          before: '15',
          after: '20',
        },
      ]),
    );
    expect(diff.changes).toHaveLength(3);

    // The stored version cannot be changed, not even directly in the database.
    const db = openSqliteFile(server.databasePath);
    try {
      expect(() =>
        (db as unknown as { prepare(s: string): { run(...a: unknown[]): unknown } })
          .prepare("UPDATE studio_versions SET source = 'x' WHERE version = '1.0.0'")
          .run(),
      ).toThrow(/immutable/);
    } finally {
      db.close();
    }
    const stored = await api<{ source: string }>(
      server.url,
      'GET',
      `/api/studio/scenarios/${draft.id}/versions/1.0.0`,
      undefined,
      author.token,
    );
    expect(stored.source).toBe(draft.source);
  });

  it('lists published versions in the catalogue and sessions pin them', async () => {
    const catalogue = await api<{ id: string; versions: string[] }[]>(
      server.url,
      'GET',
      '/api/scenarios',
      undefined,
      author.token,
    );
    expect(catalogue.find((s) => s.id === 'green-border')?.versions).toEqual(['1.1.0', '1.0.0']);
    const pinned = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'green-border', version: '1.0.0', teams: 1, timeRatio: 0 },
      author.token,
    );
    expect(pinned.scenario).toMatchObject({ id: 'green-border', version: '1.0.0' });
    const latest = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'green-border', teams: 1 },
      author.token,
    );
    expect(latest.scenario.version).toBe('1.1.0');
  });

  it('refuses to publish under an id the file catalogue uses', async () => {
    const copy = await api<StudioScenario>(
      server.url,
      'POST',
      '/api/studio/scenarios',
      { catalogue: 'mini-kelebija' },
      author.token,
    );
    expect(copy.scenarioId).toBe('mini-kelebija-copy');
    expect(copy.validation.version).toBe('1.0.0');
    const clash = copy.source.replace('id: mini-kelebija-copy', 'id: mini-kelebija');
    await api(
      server.url,
      'PUT',
      `/api/studio/scenarios/${copy.id}/draft`,
      { source: clash },
      author.token,
    );
    const refused = await failure(
      api(server.url, 'POST', `/api/studio/scenarios/${copy.id}/publish`, undefined, author.token),
    );
    expect(refused.body.message).toContain('already in the catalogue');
  });

  it('refuses to publish under an id another draft published, and says so', async () => {
    const second = await api<StudioScenario>(
      server.url,
      'POST',
      '/api/studio/scenarios',
      { template: 'starter', scenarioId: 'green-border' },
      admin.token,
    );
    const refused = await failure(
      api(server.url, 'POST', `/api/studio/scenarios/${second.id}/publish`, undefined, admin.token),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      'The scenario id green-border was already published from another draft (version 1.1.0, by trainer); choose another id.',
    );
  });

  it('saves a draft that rates itself or names a rubric rule, warns in the editor, and refuses to publish it', async () => {
    const created = studioScenarioSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/scenarios',
        { template: 'starter', scenarioId: 'self-rating' },
        author.token,
      ),
    );
    // Two verdict findings: an option that scores itself, and a text that names a rubric rule.
    const rated = created.source
      .replace(
        '            timeCost: 15\n',
        '            timeCost: 15\n            annotations: [{ rule: R07, points: 5, axis: rights }]\n',
      )
      .replace('near the border at night.', 'near the border at night (see R12).');
    expect(rated).not.toBe(created.source);
    // Saving a draft with them is allowed (work in progress); the editor shows them as warnings.
    const saved = studioScenarioSchema.parse(
      await api(
        server.url,
        'PUT',
        `/api/studio/scenarios/${created.id}/draft`,
        { source: rated },
        author.token,
      ),
    );
    expect(saved.validation.ok).toBe(true);
    expect(saved.validation.errors).toEqual([]);
    expect(saved.validation.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'summary', code: 'rule_named_in_text' }),
        expect.objectContaining({
          path: 'phases[0].decisions[0].options[0].annotations[0]',
          code: 'option_rates_itself',
        }),
      ]),
    );

    const refused = await failure(
      api(
        server.url,
        'POST',
        `/api/studio/scenarios/${created.id}/publish`,
        undefined,
        author.token,
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('protocol/invalid_payload');
    // The English message lists each finding by its path and kind...
    expect(refused.body.message).toContain('phases[0].decisions[0].options[0].annotations[0]');
    expect(refused.body.message).toContain('option_rates_itself');
    expect(refused.body.message).toContain('summary');
    expect(refused.body.message).toContain('rule_named_in_text');
    // ...and the details carry each one's code and values, for the studio to word in its language.
    const details = (refused.body as { details?: unknown }).details;
    expect(details).toEqual([
      {
        path: 'summary',
        line: expect.any(Number) as number,
        message: expect.stringContaining('R12') as string,
        code: 'rule_named_in_text',
        params: { rule: 'R12' },
      },
      {
        path: 'phases[0].decisions[0].options[0].annotations[0]',
        line: expect.any(Number) as number,
        message: expect.stringContaining('R07') as string,
        code: 'option_rates_itself',
        params: { rule: 'R07', points: '+5', axis: 'rights' },
      },
    ]);
    // Nothing was published: no version, and no session can run it.
    const versions = await api<StudioVersion[]>(
      server.url,
      'GET',
      `/api/studio/scenarios/${created.id}/versions`,
      undefined,
      author.token,
    );
    expect(versions).toEqual([]);
    const catalogue = await api<{ id: string }[]>(
      server.url,
      'GET',
      '/api/scenarios',
      undefined,
      author.token,
    );
    expect(catalogue.map((s) => s.id)).not.toContain('self-rating');
    const noSession = await failure(
      api(server.url, 'POST', '/api/sessions', { scenario: 'self-rating', teams: 1 }, author.token),
    );
    expect(noSession.status).toBeGreaterThanOrEqual(400);

    // The same draft stating facts only is published.
    await api(
      server.url,
      'PUT',
      `/api/studio/scenarios/${created.id}/draft`,
      { source: created.source },
      author.token,
    );
    const v1 = await api<StudioVersion>(
      server.url,
      'POST',
      `/api/studio/scenarios/${created.id}/publish`,
      undefined,
      author.token,
    );
    expect(v1.version).toBe('1.0.0');
  });

  it('imports and exports files', async () => {
    const source = readFileSync(
      path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
      'utf8',
    ).replace('id: my-scenario', 'id: imported-one');
    const imported = await api<StudioScenario>(
      server.url,
      'POST',
      '/api/studio/scenarios',
      { source },
      author.token,
    );
    expect(imported.scenarioId).toBe('imported-one');
    const response = await fetch(`${server.url}/api/studio/scenarios/${imported.id}/export`, {
      headers: { Authorization: `Bearer ${author.token}` },
    });
    expect(response.headers.get('content-disposition')).toContain('imported-one-draft.yaml');
    expect(await response.text()).toBe(source);
  });

  it('runs the analysis of scenarios:check on the draft', async () => {
    const result = await api<StudioAnalysis>(
      server.url,
      'POST',
      '/api/studio/analyse',
      { source: draft.source },
      author.token,
    );
    expect(result.ok).toBe(true);
    const analysis = result.analysis as {
      reachableEndings: string[];
      deadEnds: { count: number };
      viewLeaks: unknown[];
    };
    expect([...analysis.reachableEndings].sort()).toEqual(['case_weak', 'charged', 'out_of_time']);
    expect(analysis.deadEnds.count).toBe(0);
    expect(analysis.viewLeaks).toEqual([]);
  });

  it('previews what the legal model makes of an option', async () => {
    const preview = studioPreviewSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/preview',
        { source: draft.source, decision: 'interview', option: 'driver_interprets' },
        author.token,
      ),
    );
    expect(preview.ok).toBe(true);
    expect(preview.path.map((p) => p.action)).toEqual([
      {
        type: 'decision.made',
        decision: {
          id: 'first_step',
          text: {
            en: 'What do you do first?',
            'sr-Latn': 'Šta prvo radite?',
            mk: 'Што правите најпрво?',
          },
        },
        option: {
          id: 'care_first',
          text: {
            en: 'Check on the passengers and give them blankets',
            'sr-Latn': 'Proveriti stanje putnika i dati im ćebad',
            mk: 'Да се провери состојбата на патниците и да им се дадат ќебиња',
          },
        },
      },
    ]);
    expect(preview.effects).toContainEqual({
      kind: 'act',
      act: 'interview',
      persons: [
        {
          id: 'passengers',
          text: { en: 'Four passengers', 'sr-Latn': 'Četiri putnika', mk: 'Четири патници' },
        },
      ],
    });
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.items.every((i) => i.title !== '' && i.legalBasis.length >= 0)).toBe(true);
    expect(preview.items.some((i) => i.points < 0)).toBe(true);
  });

  it('dry-runs solo with role switching and time travel, storing nothing', async () => {
    const actions: DryRunAction[] = [
      {
        role: 'police',
        type: 'decision.made',
        payload: { decision: 'first_step', option: 'care_first' },
      },
      { role: 'police', type: 'request.sent', payload: { request: 'interpreter' } },
      {
        role: 'prosecutor',
        type: 'request.answered',
        payload: { request: 'interpreter', granted: true },
      },
      {
        role: 'police',
        type: 'decision.made',
        payload: { decision: 'interview', option: 'with_interpreter' },
      },
      {
        role: 'prosecutor',
        type: 'decision.made',
        payload: { decision: 'charge', option: 'charge_driver' },
      },
    ];
    const before = openSqliteFile(server.databasePath, { readonly: true });
    const events0 = (before.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    before.close();

    const run = studioDryRunSchema.parse(
      await api<StudioDryRun>(
        server.url,
        'POST',
        '/api/studio/dry-run',
        { source: draft.source, events: actions, role: 'prosecutor' },
        author.token,
      ),
    );
    expect(run.steps.every((s) => s.accepted)).toBe(true);
    expect(run.ended).toMatchObject({ id: 'charged', kind: 'conviction' });

    const back = studioDryRunSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/dry-run',
        { source: draft.source, events: actions, role: 'police', upTo: 1 },
        author.token,
      ),
    );
    expect(back.phase).toBe('statements');
    expect(back.ended).toBeNull();
    expect(back.view?.role.id).toBe('police');
    expect(back.view?.decisions.map((d) => d.id)).toEqual(['interview']);
    expect(back.view?.sendableRequests.map((r) => r.id)).toEqual(['interpreter']);

    const rejected = studioDryRunSchema.parse(
      await api(
        server.url,
        'POST',
        '/api/studio/dry-run',
        { source: draft.source, events: [actions[4]], role: 'prosecutor' },
        author.token,
      ),
    );
    expect(rejected.steps[0]?.accepted).toBe(false);

    const after = openSqliteFile(server.databasePath, { readonly: true });
    const events1 = (after.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    after.close();
    expect(events1).toBe(events0);
  });
});

describe('studio across restarts', () => {
  it('registers published versions again at start, so pinned sessions keep their scenario', async () => {
    const env = {
      CROSSROADS_ADMIN_USERNAME: MINI_ADMIN.username,
      CROSSROADS_ADMIN_PASSWORD: MINI_ADMIN.password,
    };
    const first = await startTestServer({ keepFiles: true, env });
    let session: SessionMeta;
    try {
      const a = await login(first.url, MINI_ADMIN.username, MINI_ADMIN.password);
      const created = await api<StudioScenario>(
        first.url,
        'POST',
        '/api/studio/scenarios',
        { template: 'starter', scenarioId: 'kept-one' },
        a.token,
      );
      await api(
        first.url,
        'POST',
        `/api/studio/scenarios/${created.id}/publish`,
        undefined,
        a.token,
      );
      session = await api<SessionMeta>(
        first.url,
        'POST',
        '/api/sessions',
        { scenario: 'kept-one', teams: 1 },
        a.token,
      );
    } finally {
      await first.close();
    }
    // A version published before publishing refused verdict findings (here, an option rating itself)
    // is still registered at start, with a warning in the log: sessions may be pinned to it.
    const db = openSqliteFile(first.databasePath);
    try {
      const v1 = db
        .prepare(
          'SELECT studio_id, source, published_by FROM studio_versions WHERE scenario_id = ?',
        )
        .get('kept-one') as { studio_id: string; source: string; published_by: string };
      const legacy = v1.source
        .replace('version: 1.0.0', 'version: 1.0.1')
        .replace(
          '            timeCost: 15\n',
          '            timeCost: 15\n            annotations: [{ rule: R07, points: 5, axis: rights }]\n',
        );
      expect(legacy).toContain('annotations');
      db.prepare(
        `INSERT INTO studio_versions (studio_id, scenario_id, version, source, published_at, published_by)
         VALUES (?, 'kept-one', '1.0.1', ?, ?, ?)`,
      ).run(v1.studio_id, legacy, new Date().toISOString(), v1.published_by);
    } finally {
      db.close();
    }
    const second = await startTestServer({ env: { ...env, DATABASE_PATH: first.databasePath } });
    try {
      const a = await login(second.url, MINI_ADMIN.username, MINI_ADMIN.password);
      const catalogue = await api<{ id: string; versions: string[] }[]>(
        second.url,
        'GET',
        '/api/scenarios',
        undefined,
        a.token,
      );
      expect(catalogue.find((s) => s.id === 'kept-one')?.versions).toEqual(['1.0.1', '1.0.0']);
      const meta = await api<SessionMeta>(
        second.url,
        'GET',
        `/api/sessions/${session.id}`,
        undefined,
        a.token,
      );
      expect(meta.scenario).toMatchObject({ id: 'kept-one', version: '1.0.0' });
    } finally {
      await second.close();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
