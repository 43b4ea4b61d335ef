import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { restErrorSchema } from '@crossroads/shared';
import type { z } from 'zod';
import { componentRef } from './zod-components';

/** A success body that is not JSON: its media type and, for NDJSON, the schema of one line. */
export interface FileResponse {
  contentType: string;
  lines?: z.ZodType;
}

/** A path or query parameter the handler reads without a zod schema. */
export interface ParamDoc {
  in?: 'path' | 'query';
  description?: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface RouteDoc {
  summary: string;
  /** Defaults to the controller's @ApiTags. */
  tags?: string[];
  /** Needs `Authorization: Bearer <token>` (staff or participant). */
  bearer?: boolean;
  /** The success status Nest answers with: 201 for a POST without @HttpCode, else 200. */
  status?: number;
  /** The success body: a zod schema (JSON), a file, or null for none (204). */
  response: z.ZodType | FileResponse | null;
  description?: string;
  /** Statuses answered with a RestError body. */
  errors?: number[];
  /** Further responses with a body (e.g. readiness' 503, which carries the same report). */
  also?: { status: number; description: string; schema: z.ZodType }[];
  params?: Record<string, ParamDoc>;
}

const isFile = (response: RouteDoc['response']): response is FileResponse =>
  response !== null && 'contentType' in response;

/**
 * The OpenAPI entry of one route, read from the route by @nestjs/swagger together with the zod
 * schemas of its ZodBody/ZodQuery/ZodParam arguments: summary, tags, security, success and error
 * responses. tests/integration/openapi-routes.test.ts fails for a route without it.
 */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const description = doc.description ?? (doc.response === null ? 'no content' : 'success');
  const decorators: MethodDecorator[] = [
    ApiOperation({ summary: doc.summary }),
    doc.response === null
      ? ApiResponse({ status, description })
      : isFile(doc.response)
        ? ApiResponse({
            status,
            description,
            content: {
              [doc.response.contentType]: {
                schema: doc.response.lines ? componentRef(doc.response.lines) : { type: 'string' },
              },
            },
          })
        : ApiResponse({ status, description, standardSchema: doc.response }),
    ...(doc.also ?? []).map((r) =>
      ApiResponse({ status: r.status, description: r.description, standardSchema: r.schema }),
    ),
    ...(doc.errors ?? []).map((s) =>
      ApiResponse({ status: s, description: 'RestError', standardSchema: restErrorSchema }),
    ),
  ];
  if (doc.tags) decorators.push(ApiTags(...doc.tags));
  if (doc.bearer) decorators.push(ApiBearerAuth('bearer'));
  for (const [name, p] of Object.entries(doc.params ?? {})) {
    const options = {
      name,
      required: p.required ?? p.in !== 'query',
      schema: p.schema ?? { type: 'string' },
      ...(p.description ? { description: p.description } : {}),
    };
    decorators.push(p.in === 'query' ? ApiQuery(options) : ApiParam(options));
  }
  return applyDecorators(...decorators);
}

/** Path parameters that are uuids (sessions, courses, items). */
export const uuidParam = (description?: string): ParamDoc => ({
  schema: { type: 'string', format: 'uuid' },
  ...(description ? { description } : {}),
});
