import {
  courseCheckOptionSchema,
  courseKnowledgeResultsSchema,
  courseListItemSchema,
  courseSchema,
  courseTrendsSchema,
  type Course,
  type CourseCheckOption,
  type CourseKnowledgeResults,
  type CourseListItem,
  type CourseTrends,
  type CreateCourseRequest,
  type UpdateCourseRequest,
} from '@crossroads/shared';
import { anything, request, type FetchFn } from './facilitatorApi';

/*
 * REST calls of the courses (cohorts) and trends pages. Staff only; every answer is checked
 * against the shared contract like the rest of the facilitator side.
 */

const defaultFetch: FetchFn = (input, init) => fetch(input, init);
const at = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

export function createCoursesApi(fetchFn: FetchFn = defaultFetch) {
  return {
    list: (token: string): Promise<CourseListItem[]> =>
      request(fetchFn, '/api/courses', courseListItemSchema.array(), { token }),
    checks: (token: string): Promise<CourseCheckOption[]> =>
      request(fetchFn, '/api/courses/knowledge-checks', courseCheckOptionSchema.array(), {
        token,
      }),
    create: (token: string, body: CreateCourseRequest): Promise<Course> =>
      request(fetchFn, '/api/courses', courseSchema, { method: 'POST', token, body }),
    get: (token: string, id: string): Promise<Course> =>
      request(fetchFn, at(id), courseSchema, { token }),
    update: (token: string, id: string, body: UpdateCourseRequest): Promise<Course> =>
      request(fetchFn, at(id), courseSchema, { method: 'PATCH', token, body }),
    remove: (token: string, id: string): Promise<unknown> =>
      request(fetchFn, at(id), anything, { method: 'DELETE', token }),
    addSession: (token: string, id: string, session: string): Promise<Course> =>
      request(fetchFn, `${at(id)}/sessions/${encodeURIComponent(session)}`, courseSchema, {
        method: 'PUT',
        token,
      }),
    removeSession: (token: string, id: string, session: string): Promise<Course> =>
      request(fetchFn, `${at(id)}/sessions/${encodeURIComponent(session)}`, courseSchema, {
        method: 'DELETE',
        token,
      }),
    trends: (
      token: string,
      id: string,
      query: { scenario?: string | undefined; rubric?: string | undefined },
    ): Promise<CourseTrends> => {
      const params = new URLSearchParams();
      if (query.scenario) params.set('scenario', query.scenario);
      if (query.rubric) params.set('rubric', query.rubric);
      const search = params.toString();
      return request(fetchFn, `${at(id)}/trends${search ? `?${search}` : ''}`, courseTrendsSchema, {
        token,
      });
    },
    knowledgeResults: (token: string, id: string): Promise<CourseKnowledgeResults> =>
      request(fetchFn, `${at(id)}/knowledge-results`, courseKnowledgeResultsSchema, { token }),
  };
}

export type CoursesApi = ReturnType<typeof createCoursesApi>;

let api: CoursesApi | undefined;

/** The REST client (global fetch at call time, so tests can replace fetch). */
export function coursesApi(): CoursesApi {
  api ??= createCoursesApi();
  return api;
}
