import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import {
  createCourseRequestSchema,
  trendsQuerySchema,
  updateCourseRequestSchema,
  type Account,
  type Course,
  type CourseCheckOption,
  type CourseKnowledgeResults,
  type CourseListItem,
  type CourseTrends,
} from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { SessionAccess } from '../sessions/session-access';
import { CoursesService, type CourseRow } from './courses.service';

/**
 * Courses (cohorts) and their trends: staff only. A course is seen by its owner and by
 * administrators; anyone else is told it does not exist. Trainee tokens and review links never
 * reach these figures: they span many sessions, so no session's own access rule can grant them.
 */
@UseFilters(RestErrorFilter)
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly access: SessionAccess,
  ) {}

  /** A staff account; trainees are refused. */
  private staff(request: Request): Promise<Account> {
    return this.access.account(request);
  }

  /** A course of the caller's (or any, for an administrator); 404 for everything else. */
  private async owned(request: Request, id: string): Promise<CourseRow> {
    return this.courses.owned(id, await this.staff(request));
  }

  @Get()
  async list(@Req() request: Request): Promise<CourseListItem[]> {
    return this.courses.list(await this.staff(request));
  }

  @Post()
  async create(@Req() request: Request, @Body() body: unknown): Promise<Course> {
    const account = await this.staff(request);
    return this.courses.create(account, parseOrThrow(createCourseRequestSchema, body, 'course'));
  }

  @Get('knowledge-checks')
  async knowledgeChecks(@Req() request: Request): Promise<CourseCheckOption[]> {
    await this.staff(request);
    return this.courses.checkOptions();
  }

  @Get(':id')
  async get(@Req() request: Request, @Param('id') id: string): Promise<Course> {
    return this.courses.view(await this.owned(request, id));
  }

  @Patch(':id')
  async update(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Course> {
    const row = await this.owned(request, id);
    return this.courses.update(row, parseOrThrow(updateCourseRequestSchema, body, 'course'));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Req() request: Request, @Param('id') id: string): Promise<void> {
    await this.courses.remove(await this.owned(request, id));
  }

  /** Adds a session the caller runs (owner or facilitator of the session, or an administrator). */
  @Put(':id/sessions/:sessionId')
  async addSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Promise<Course> {
    const row = await this.owned(request, id);
    const live = await this.access.live(sessionId);
    await this.access.staff(request, live, 'facilitator');
    return this.courses.addSession(row, live);
  }

  @Delete(':id/sessions/:sessionId')
  async removeSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Promise<Course> {
    return this.courses.removeSession(await this.owned(request, id), sessionId);
  }

  @Get(':id/trends')
  async trends(
    @Req() request: Request,
    @Param('id') id: string,
    @Query() query: unknown,
  ): Promise<CourseTrends> {
    const row = await this.owned(request, id);
    return this.courses.trends(row, parseOrThrow(trendsQuerySchema, query, 'trends query'));
  }

  @Get(':id/knowledge-results')
  async knowledgeResults(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<CourseKnowledgeResults> {
    return this.courses.knowledgeResults(await this.owned(request, id));
  }
}
