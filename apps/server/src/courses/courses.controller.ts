import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Req,
  UseFilters,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  courseCheckOptionSchema,
  courseKnowledgeResultsSchema,
  courseListItemSchema,
  courseSchema,
  courseTrendsSchema,
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
import { z } from 'zod';
import type { HttpRequest as Request } from '../auth/http';
import { RestErrorFilter } from '../auth/rest-error';
import { ZodBody, ZodQuery, type Valid } from '../auth/zod-params';
import { ApiRoute, uuidParam } from '../openapi/api-route';
import { SessionAccess } from '../sessions/session-access';
import { CoursesService, type CourseRow } from './courses.service';

/**
 * Courses (cohorts) and their trends: staff only. A course is seen by its owner and by
 * administrators; anyone else is told it does not exist. Trainee tokens and review links never
 * reach these figures: they span many sessions, so no session's own access rule can grant them.
 */
@UseFilters(RestErrorFilter)
@ApiTags('courses')
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
  @ApiRoute({
    summary: 'Courses (cohorts) the caller owns; an administrator sees all (staff)',
    bearer: true,
    response: z.array(courseListItemSchema),
    description: 'courses',
    errors: [401, 403],
  })
  async list(@Req() request: Request): Promise<CourseListItem[]> {
    return this.courses.list(await this.staff(request));
  }

  @Post()
  @ApiRoute({
    summary: 'Create a course, optionally carrying a knowledge check from the library (staff)',
    bearer: true,
    status: 201,
    response: courseSchema,
    description: 'course',
    errors: [400, 401, 403, 404],
  })
  async create(
    @Req() request: Request,
    @ZodBody(createCourseRequestSchema, 'course') body: Valid<typeof createCourseRequestSchema>,
  ): Promise<Course> {
    const account = await this.staff(request);
    return this.courses.create(account, body.value);
  }

  @Get('knowledge-checks')
  @ApiRoute({
    summary: 'Knowledge checks a course can carry (staff)',
    bearer: true,
    response: z.array(courseCheckOptionSchema),
    description: 'checks',
    errors: [401, 403],
  })
  async knowledgeChecks(@Req() request: Request): Promise<CourseCheckOption[]> {
    await this.staff(request);
    return this.courses.checkOptions();
  }

  @Get(':id')
  @ApiRoute({
    summary: 'A course and its sessions (its owner or an administrator)',
    bearer: true,
    response: courseSchema,
    description: 'course',
    errors: [401, 403, 404],
    params: { id: uuidParam() },
  })
  async get(@Req() request: Request, @Param('id') id: string): Promise<Course> {
    return this.courses.view(await this.owned(request, id));
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Rename a course, change its description or its knowledge check',
    bearer: true,
    response: courseSchema,
    description: 'course',
    errors: [400, 401, 403, 404],
    params: { id: uuidParam() },
  })
  async update(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(updateCourseRequestSchema, 'course') body: Valid<typeof updateCourseRequestSchema>,
  ): Promise<Course> {
    const row = await this.owned(request, id);
    return this.courses.update(row, body.value);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete a course (its sessions stay)',
    bearer: true,
    status: 204,
    response: null,
    description: 'deleted',
    errors: [401, 403, 404],
    params: { id: uuidParam() },
  })
  async remove(@Req() request: Request, @Param('id') id: string): Promise<void> {
    await this.courses.remove(await this.owned(request, id));
  }

  /** Adds a session the caller runs (owner or facilitator of the session, or an administrator). */
  @Put(':id/sessions/:sessionId')
  @ApiRoute({
    summary:
      'Put a session in the course (the caller owns the course and runs the session; a session is in at most one course)',
    bearer: true,
    response: courseSchema,
    description: 'course',
    errors: [400, 401, 403, 404],
    params: { id: uuidParam(), sessionId: uuidParam() },
  })
  async addSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Promise<Course> {
    const row = await this.owned(request, id);
    const live = await this.access.live(request, sessionId);
    await this.access.staff(request, live, 'facilitator');
    return this.courses.addSession(row, live);
  }

  @Delete(':id/sessions/:sessionId')
  @ApiRoute({
    summary: 'Take a session out of the course',
    bearer: true,
    response: courseSchema,
    description: 'course',
    errors: [401, 403, 404],
    params: { id: uuidParam(), sessionId: uuidParam() },
  })
  async removeSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Promise<Course> {
    return this.courses.removeSession(await this.owned(request, id), sessionId);
  }

  @Get(':id/trends')
  @ApiRoute({
    summary:
      "Trends across the course's sessions, recomputed from their event logs: both axes, red lines, missed obligations and knowledge gain, by agency",
    bearer: true,
    response: courseTrendsSchema,
    description: 'trends',
    errors: [400, 401, 403, 404],
    params: { id: uuidParam() },
  })
  async trends(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodQuery(trendsQuerySchema, 'trends query') query: Valid<typeof trendsQuerySchema>,
  ): Promise<CourseTrends> {
    const row = await this.owned(request, id);
    return this.courses.trends(row, query.value);
  }

  @Get(':id/knowledge-results')
  @ApiRoute({
    summary:
      "The course's knowledge check over all its sessions: per agency and question with the gain; no individual answers",
    bearer: true,
    response: courseKnowledgeResultsSchema,
    description: 'results',
    errors: [401, 403, 404],
    params: { id: uuidParam() },
  })
  async knowledgeResults(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<CourseKnowledgeResults> {
    return this.courses.knowledgeResults(await this.owned(request, id));
  }
}
