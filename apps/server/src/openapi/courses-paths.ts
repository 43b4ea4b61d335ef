import {
  courseCheckOptionSchema,
  courseKnowledgeResultsSchema,
  courseListItemSchema,
  courseSchema,
  courseTrendsSchema,
  createCourseRequestSchema,
  updateCourseRequestSchema,
} from '@crossroads/shared';
import type { z } from 'zod';

type Json = Record<string, unknown>;

/** What the OpenAPI builder lends to this file (its component registry and error responses). */
export interface OpenApiKit {
  ref(name: string, schema: z.ZodType, io?: 'input' | 'output'): Json;
  json(schema: Json): Json;
  errors(...statuses: number[]): Json;
  bearer: Json[];
}

/** The courses (cohorts) and trends part of the REST API. */
export function coursePaths({ ref, json, errors, bearer }: OpenApiKit): Record<string, Json> {
  const tags = ['courses'];
  const courseId = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  };
  const sessionId = { ...courseId, name: 'sessionId' };
  const course = { description: 'course', ...json(ref('Course', courseSchema)) };
  return {
    '/api/courses': {
      get: {
        tags,
        summary: 'Courses (cohorts) the caller owns; an administrator sees all (staff)',
        security: bearer,
        responses: {
          '200': {
            description: 'courses',
            ...json({ type: 'array', items: ref('CourseListItem', courseListItemSchema) }),
          },
          ...errors(401, 403),
        },
      },
      post: {
        tags,
        summary: 'Create a course, optionally carrying a knowledge check from the library (staff)',
        security: bearer,
        requestBody: json(ref('CreateCourseRequest', createCourseRequestSchema, 'input')),
        responses: { '201': course, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/courses/knowledge-checks': {
      get: {
        tags,
        summary: 'Knowledge checks a course can carry (staff)',
        security: bearer,
        responses: {
          '200': {
            description: 'checks',
            ...json({ type: 'array', items: ref('CourseCheckOption', courseCheckOptionSchema) }),
          },
          ...errors(401, 403),
        },
      },
    },
    '/api/courses/{id}': {
      get: {
        tags,
        summary: 'A course and its sessions (its owner or an administrator)',
        security: bearer,
        parameters: [courseId],
        responses: { '200': course, ...errors(401, 403, 404) },
      },
      patch: {
        tags,
        summary: 'Rename a course, change its description or its knowledge check',
        security: bearer,
        parameters: [courseId],
        requestBody: json(ref('UpdateCourseRequest', updateCourseRequestSchema, 'input')),
        responses: { '200': course, ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags,
        summary: 'Delete a course (its sessions stay)',
        security: bearer,
        parameters: [courseId],
        responses: { '204': { description: 'deleted' }, ...errors(401, 403, 404) },
      },
    },
    '/api/courses/{id}/sessions/{sessionId}': {
      put: {
        tags,
        summary:
          'Put a session in the course (the caller owns the course and runs the session; a session is in at most one course)',
        security: bearer,
        parameters: [courseId, sessionId],
        responses: { '200': course, ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags,
        summary: 'Take a session out of the course',
        security: bearer,
        parameters: [courseId, sessionId],
        responses: { '200': course, ...errors(401, 403, 404) },
      },
    },
    '/api/courses/{id}/trends': {
      get: {
        tags,
        summary:
          "Trends across the course's sessions, recomputed from their event logs: both axes, red lines, missed obligations and knowledge gain, by agency",
        security: bearer,
        parameters: [
          courseId,
          {
            name: 'scenario',
            in: 'query',
            required: false,
            description: 'Only sessions of this scenario',
            schema: { type: 'string' },
          },
          {
            name: 'rubric',
            in: 'query',
            required: false,
            description:
              "Re-score every session under this rubric version (omitted: each session's own)",
            schema: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
          },
        ],
        responses: {
          '200': { description: 'trends', ...json(ref('CourseTrends', courseTrendsSchema)) },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/api/courses/{id}/knowledge-results': {
      get: {
        tags,
        summary:
          "The course's knowledge check over all its sessions: per agency and question with the gain; no individual answers",
        security: bearer,
        parameters: [courseId],
        responses: {
          '200': {
            description: 'results',
            ...json(ref('CourseKnowledgeResults', courseKnowledgeResultsSchema)),
          },
          ...errors(401, 403, 404),
        },
      },
    },
  };
}
