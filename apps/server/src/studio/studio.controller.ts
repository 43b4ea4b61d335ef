import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { scenarioJsonSchema } from '@crossroads/scenarios';
import {
  createStudioScenarioRequestSchema,
  ErrorCode,
  studioAnalyseRequestSchema,
  studioDryRunRequestSchema,
  studioPreviewRequestSchema,
  studioSourceRequestSchema,
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
import { AppError, parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { StudioService } from './studio.service';
import { StudioWorkers } from './studio-workers';

const uuid = z.uuid();
const versionParam = z.union([z.literal('draft'), z.string().regex(/^\d+\.\d+\.\d+$/)]);

/** The authoring studio's REST API (accounts with the author permission). */
@UseFilters(RestErrorFilter)
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

  private version(value: unknown, name: string): string {
    const parsed = versionParam.safeParse(value);
    if (!parsed.success)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `${name} must be "draft" or a version like 1.0.0.`,
      );
    return parsed.data;
  }

  /** The scenario JSON Schema: the studio's forms are built from it. */
  @Get('schema')
  schema(@Req() request: Request): Record<string, unknown> {
    this.author(request);
    return scenarioJsonSchema();
  }

  @Get('templates')
  templates(@Req() request: Request): StudioTemplate[] {
    this.author(request);
    return this.studio.templates();
  }

  @Post('validate')
  @HttpCode(200)
  validate(@Req() request: Request, @Body() body: unknown): Promise<StudioValidation> {
    this.author(request);
    const input = parseOrThrow(studioSourceRequestSchema, body, 'scenario text');
    return this.studio.validate(input.source);
  }

  @Post('analyse')
  @HttpCode(200)
  analyse(@Req() request: Request, @Body() body: unknown): Promise<StudioAnalysis> {
    this.author(request);
    const input = parseOrThrow(studioAnalyseRequestSchema, body, 'analysis request');
    return this.workers.run<StudioAnalysis>({
      kind: 'analyse',
      source: input.source,
      ...(input.maxStates !== undefined ? { maxStates: input.maxStates } : {}),
    });
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Req() request: Request, @Body() body: unknown): Promise<StudioPreview> {
    this.author(request);
    const input = parseOrThrow(studioPreviewRequestSchema, body, 'preview request');
    return this.workers.run<StudioPreview>({ kind: 'preview', ...input });
  }

  @Post('dry-run')
  @HttpCode(200)
  dryRun(@Req() request: Request, @Body() body: unknown): Promise<StudioDryRun> {
    this.author(request);
    const input = parseOrThrow(studioDryRunRequestSchema, body, 'dry-run request');
    return this.workers.run<StudioDryRun>({
      kind: 'dryRun',
      source: input.source,
      events: input.events,
      role: input.role,
      ...(input.upTo !== undefined ? { upTo: input.upTo } : {}),
    });
  }

  @Get('scenarios')
  list(@Req() request: Request): Promise<StudioScenarioListItem[]> {
    this.author(request);
    return this.studio.list();
  }

  @Post('scenarios')
  create(@Req() request: Request, @Body() body: unknown): Promise<StudioScenario> {
    const account = this.author(request);
    const input = parseOrThrow(createStudioScenarioRequestSchema, body, 'studio scenario');
    return this.studio.create(account, input);
  }

  @Get('scenarios/:id')
  get(@Req() request: Request, @Param('id') id: string): Promise<StudioScenario> {
    const account = this.author(request);
    return this.studio.get(account, this.id(id));
  }

  @Put('scenarios/:id/draft')
  save(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<StudioScenario> {
    const account = this.author(request);
    const input = parseOrThrow(studioSourceRequestSchema, body, 'scenario text');
    return this.studio.saveDraft(account, this.id(id), input.source);
  }

  @Post('scenarios/:id/publish')
  publish(@Req() request: Request, @Param('id') id: string): Promise<StudioVersion> {
    const account = this.author(request);
    return this.studio.publish(account, this.id(id));
  }

  @Get('scenarios/:id/versions')
  versions(@Req() request: Request, @Param('id') id: string): Promise<StudioVersion[]> {
    this.author(request);
    return this.studio.versions(this.id(id));
  }

  @Get('scenarios/:id/versions/:version')
  versionSource(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<StudioVersionSource> {
    this.author(request);
    return this.studio.versionSource(this.id(id), this.version(version, 'version'));
  }

  @Get('scenarios/:id/diff')
  diff(
    @Req() request: Request,
    @Param('id') id: string,
    @Query('from') from: unknown,
    @Query('to') to: unknown,
  ): Promise<StudioDiff> {
    this.author(request);
    return this.studio.diff(
      this.id(id),
      this.version(from, 'from'),
      this.version(to ?? 'draft', 'to'),
    );
  }

  /** The text of the draft or of a version, as a YAML file download. */
  @Get('scenarios/:id/export')
  async export(
    @Req() request: Request,
    @Param('id') id: string,
    @Query('version') version: unknown,
    @Res() response: Response,
  ): Promise<void> {
    this.author(request);
    const v = this.version(version ?? 'draft', 'version');
    const text = await this.studio.text(this.id(id), v);
    const name = await this.studio.exportName(id, v);
    response.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.end(text);
  }
}
