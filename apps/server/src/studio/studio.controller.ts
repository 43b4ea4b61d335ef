import { Controller, Get, HttpCode, Param, Post, Put, Req, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scenarioJsonSchema } from '@crossroads/scenarios';
import {
  createStudioScenarioRequestSchema,
  ErrorCode,
  studioAnalyseRequestSchema,
  studioAnalysisSchema,
  studioDiffSchema,
  studioDryRunRequestSchema,
  studioDryRunSchema,
  studioPreviewRequestSchema,
  studioPreviewSchema,
  studioScenarioListItemSchema,
  studioScenarioSchema,
  studioSourceRequestSchema,
  studioTemplateSchema,
  studioValidationSchema,
  studioVersionSchema,
  studioVersionSourceSchema,
  type Account,
  type StudioAnalysis,
  type StudioDiff,
  type StudioDryRun,
  type StudioPreview,
  type StudioScenario,
  type StudioScenarioListItem,
  type StudioTemplate,
  type StudioValidation,
  type StudioVersion,
  type StudioVersionSource,
} from '@crossroads/shared';
import { z } from 'zod';
import type { HttpRequest as Request, HttpResponse as Response } from '../auth/http';
import { BearerAuth } from '../auth/bearer';
import { AppError, RestErrorFilter } from '../auth/rest-error';
import { ZodBody, ZodParam, ZodQuery, type Valid } from '../auth/zod-params';
import { ApiRoute, uuidParam, type RouteDoc } from '../openapi/api-route';
import { StudioService } from './studio.service';
import { StudioWorkers } from './studio-workers';

const uuid = z.uuid();
const version = z.union([z.literal('draft'), z.string().regex(/^\d+\.\d+\.\d+$/)], {
  error: 'must be "draft" or a version like 1.0.0',
});
const versionParam = version.describe('"draft" or a version like 1.0.0');
const diffQuerySchema = z.object({
  from: versionParam,
  to: versionParam.default('draft'),
});
const exportQuerySchema = z.object({ version: versionParam.default('draft') });
type SourceRequest = Valid<typeof studioSourceRequestSchema>;

const studioIdParam = { id: uuidParam('Studio scenario id') };
/** The text-processing POSTs: the studio's body limit, and a worker that may be busy. */
const textRoute = (summary: string, response: z.ZodType): RouteDoc => ({
  summary,
  bearer: true,
  response,
  description: 'result',
  errors: [400, 401, 403, 413, 429],
});

/** The authoring studio's REST API (accounts with the author permission). */
@UseFilters(RestErrorFilter)
@ApiTags('studio')
@Controller('studio')
export class StudioController {
  constructor(
    private readonly studio: StudioService,
    private readonly workers: StudioWorkers,
    private readonly auth: BearerAuth,
  ) {}

  private author(request: Request): Account {
    const account = this.auth.account(request);
    StudioService.requireAuthor(account);
    return account;
  }

  private id(value: string): string {
    if (!uuid.safeParse(value).success)
      throw new AppError(ErrorCode.NotFound, `No studio scenario ${value}.`);
    return value;
  }

  /** The scenario JSON Schema: the studio's forms are built from it. */
  @Get('schema')
  @ApiRoute({
    summary: 'The scenario JSON Schema (drives the forms)',
    bearer: true,
    response: z.record(z.string(), z.unknown()),
    description: 'JSON Schema',
    errors: [401, 403],
  })
  schema(@Req() request: Request): Record<string, unknown> {
    this.author(request);
    return scenarioJsonSchema();
  }

  @Get('templates')
  @ApiRoute({
    summary: 'Scenario templates',
    bearer: true,
    response: z.array(studioTemplateSchema),
    description: 'templates',
    errors: [401, 403],
  })
  templates(@Req() request: Request): StudioTemplate[] {
    this.author(request);
    return this.studio.templates();
  }

  @Post('validate')
  @HttpCode(200)
  @ApiRoute(
    textRoute('Validate scenario text (in a worker; nothing stored)', studioValidationSchema),
  )
  validate(
    @Req() request: Request,
    @ZodBody(studioSourceRequestSchema, 'scenario text') body: SourceRequest,
  ): Promise<StudioValidation> {
    this.author(request);
    const input = body.value;
    return this.studio.validate(input.source);
  }

  @Post('analyse')
  @HttpCode(200)
  @ApiRoute(
    textRoute(
      'scenarios:check on one text: reachability, dead ends, view leaks, routes per ending',
      studioAnalysisSchema,
    ),
  )
  analyse(
    @Req() request: Request,
    @ZodBody(studioAnalyseRequestSchema, 'analysis request')
    body: Valid<typeof studioAnalyseRequestSchema>,
  ): Promise<StudioAnalysis> {
    this.author(request);
    const input = body.value;
    return this.workers.run<StudioAnalysis>({
      kind: 'analyse',
      source: input.source,
      ...(input.maxStates !== undefined ? { maxStates: input.maxStates } : {}),
    });
  }

  @Post('preview')
  @HttpCode(200)
  @ApiRoute(textRoute("The legal model's preview of one option", studioPreviewSchema))
  preview(
    @Req() request: Request,
    @ZodBody(studioPreviewRequestSchema, 'preview request')
    body: Valid<typeof studioPreviewRequestSchema>,
  ): Promise<StudioPreview> {
    this.author(request);
    const input = body.value;
    return this.workers.run<StudioPreview>({ kind: 'preview', ...input });
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiRoute(
    textRoute(
      "Solo dry-run: replay actions on the engine, a role's view (nothing stored)",
      studioDryRunSchema,
    ),
  )
  dryRun(
    @Req() request: Request,
    @ZodBody(studioDryRunRequestSchema, 'dry-run request')
    body: Valid<typeof studioDryRunRequestSchema>,
  ): Promise<StudioDryRun> {
    this.author(request);
    const input = body.value;
    return this.workers.run<StudioDryRun>({
      kind: 'dryRun',
      source: input.source,
      events: input.events,
      role: input.role,
      ...(input.upTo !== undefined ? { upTo: input.upTo } : {}),
    });
  }

  @Get('scenarios')
  @ApiRoute({
    summary: 'Studio scenarios',
    bearer: true,
    response: z.array(studioScenarioListItemSchema),
    description: 'list',
    errors: [401, 403],
  })
  list(@Req() request: Request): Promise<StudioScenarioListItem[]> {
    this.author(request);
    return this.studio.list();
  }

  @Post('scenarios')
  @ApiRoute({
    summary: 'Create a draft from a template, a catalogue scenario or imported text',
    bearer: true,
    status: 201,
    response: studioScenarioSchema,
    description: 'created',
    errors: [400, 401, 403, 404, 413],
  })
  create(
    @Req() request: Request,
    @ZodBody(createStudioScenarioRequestSchema, 'studio scenario')
    body: Valid<typeof createStudioScenarioRequestSchema>,
  ): Promise<StudioScenario> {
    const account = this.author(request);
    return this.studio.create(account, body.value);
  }

  @Get('scenarios/:id')
  @ApiRoute({
    summary: 'A studio scenario with its draft and its validation',
    bearer: true,
    response: studioScenarioSchema,
    description: 'scenario',
    errors: [401, 403, 404],
    params: studioIdParam,
  })
  get(@Req() request: Request, @Param('id') id: string): Promise<StudioScenario> {
    const account = this.author(request);
    return this.studio.get(account, this.id(id));
  }

  @Put('scenarios/:id/draft')
  @ApiRoute({
    summary: 'Save the draft (also when it does not validate)',
    bearer: true,
    response: studioScenarioSchema,
    description: 'saved',
    errors: [400, 401, 403, 404, 413],
    params: studioIdParam,
  })
  save(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(studioSourceRequestSchema, 'scenario text') body: SourceRequest,
  ): Promise<StudioScenario> {
    const account = this.author(request);
    const input = body.value;
    return this.studio.saveDraft(account, this.id(id), input.source);
  }

  @Post('scenarios/:id/publish')
  @ApiRoute({
    summary: 'Publish the draft as an immutable version sessions can pin',
    bearer: true,
    status: 201,
    response: studioVersionSchema,
    description: 'published',
    errors: [400, 401, 403, 404],
    params: studioIdParam,
  })
  publish(@Req() request: Request, @Param('id') id: string): Promise<StudioVersion> {
    const account = this.author(request);
    return this.studio.publish(account, this.id(id));
  }

  @Get('scenarios/:id/versions')
  @ApiRoute({
    summary: 'Published versions, newest first',
    bearer: true,
    response: z.array(studioVersionSchema),
    description: 'versions',
    errors: [401, 403, 404],
    params: studioIdParam,
  })
  versions(@Req() request: Request, @Param('id') id: string): Promise<StudioVersion[]> {
    this.author(request);
    return this.studio.versions(this.id(id));
  }

  @Get('scenarios/:id/versions/:version')
  @ApiRoute({
    summary: 'The text of a published version',
    bearer: true,
    response: studioVersionSourceSchema,
    description: 'version',
    errors: [400, 401, 403, 404],
    params: studioIdParam,
  })
  versionSource(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodParam('version', versionParam, 'version') version: Valid<typeof versionParam>,
  ): Promise<StudioVersionSource> {
    this.author(request);
    return this.studio.versionSource(this.id(id), version.value);
  }

  @Get('scenarios/:id/diff')
  @ApiRoute({
    summary: 'A readable diff between two versions (or a version and the draft)',
    bearer: true,
    response: studioDiffSchema,
    description: 'diff',
    errors: [400, 401, 403, 404],
    params: studioIdParam,
  })
  diff(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodQuery(diffQuerySchema, 'versions') query: Valid<typeof diffQuerySchema>,
  ): Promise<StudioDiff> {
    this.author(request);
    const studioId = this.id(id);
    const { from, to } = query.value;
    return this.studio.diff(studioId, from, to);
  }

  /** The text of the draft or of a version, as a YAML file download. */
  @Get('scenarios/:id/export')
  @ApiRoute({
    summary: 'Download the draft or a version as a YAML file',
    bearer: true,
    response: { contentType: 'application/yaml' },
    description: 'YAML',
    errors: [400, 401, 403, 404],
    params: studioIdParam,
  })
  async export(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodQuery(exportQuerySchema, 'version') query: Valid<typeof exportQuerySchema>,
    @Res() response: Response,
  ): Promise<void> {
    this.author(request);
    const v = query.value.version;
    const text = await this.studio.text(this.id(id), v);
    const name = await this.studio.exportName(id, v);
    response.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.end(text);
  }
}
