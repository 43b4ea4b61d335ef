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
  ErrorCode,
  trendsQuerySchema,
  updateCourseRequestSchema,
  type Account,
  type Course,
  type CourseCheckOption,
  type CourseKnowledgeResults,
  type CourseListItem,
  type CourseTrends,
} from '@crossroads/shared';
import { BearerAuth, bearerToken } from '../auth/bearer';
import type { HttpRequest as Request } from '../auth/http';
import { AppError, parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import { SessionAccess } from '../sessions/session-access';
import { SessionStore } from '../sessions/session-store';
import { CoursesService } from './courses.service';

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
    private readonly auth: BearerAuth,
    private readonly store: SessionStore,
    private readonly access: SessionAccess,
  ) {}

  private staff(request: Request): Account {
    const token = bearerToken(request);
    if (token && this.store.participantByTokenHash(hashToken(token)))
      throw new AppError(ErrorCode.Forbidden, 'Trainees cannot use this endpoint.');
    return this.auth.account(request);
  }

  @Get()
  list(@Req() request: Request): CourseListItem[] {
    return this.courses.list(this.staff(request));
  }

  @Post()
  create(@Req() request: Request, @Body() body: unknown): Course {
    const account = this.staff(request);
    return this.courses.create(account, parseOrThrow(createCourseRequestSchema, body, 'course'));
  }

  @Get('knowledge-checks')
  knowledgeChecks(@Req() request: Request): CourseCheckOption[] {
    this.staff(request);
    return this.courses.checkOptions();
  }

  @Get(':id')
  get(@Req() request: Request, @Param('id') id: string): Course {
    return this.courses.view(this.courses.owned(id, this.staff(request)));
  }

  @Patch(':id')
  update(@Req() request: Request, @Param('id') id: string, @Body() body: unknown): Course {
    const row = this.courses.owned(id, this.staff(request));
    return this.courses.update(row, parseOrThrow(updateCourseRequestSchema, body, 'course'));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Req() request: Request, @Param('id') id: string): void {
    this.courses.remove(this.courses.owned(id, this.staff(request)));
  }

  /** Adds a session the caller runs (owner or facilitator of the session, or an administrator). */
  @Put(':id/sessions/:sessionId')
  addSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Course {
    const row = this.courses.owned(id, this.staff(request));
    const live = this.access.live(sessionId);
    this.access.staff(request, live, 'facilitator');
    return this.courses.addSession(row, live);
  }

  @Delete(':id/sessions/:sessionId')
  removeSession(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Course {
    return this.courses.removeSession(this.courses.owned(id, this.staff(request)), sessionId);
  }

  @Get(':id/trends')
  trends(@Req() request: Request, @Param('id') id: string, @Query() query: unknown): CourseTrends {
    const row = this.courses.owned(id, this.staff(request));
    return this.courses.trends(row, parseOrThrow(trendsQuerySchema, query, 'trends query'));
  }

  @Get(':id/knowledge-results')
  knowledgeResults(@Req() request: Request, @Param('id') id: string): CourseKnowledgeResults {
    return this.courses.knowledgeResults(this.courses.owned(id, this.staff(request)));
  }
}
