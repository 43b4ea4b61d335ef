import type { IncomingMessage } from 'node:http';
import {
  Body,
  Param,
  Query,
  StandardSchemaValidationPipe,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { z } from 'zod';
import { AppError, invalidPayload } from './rest-error';

/**
 * Schemas of query strings and path parameters: the OpenAPI document spells them out as
 * parameters, one per property, so they are never collapsed into a shared component.
 */
export const parameterSchemas = new WeakSet<z.ZodType>();

/** What `request.body` holds when the request carried a body the JSON parser did not read. */
export const NOT_JSON = Symbol('body not sent as JSON');

/**
 * Express middleware after the JSON parser: marks a request whose body was not parsed (sent with
 * another content type) so ZodBody refuses it instead of reading it as no body.
 */
export function markUnreadBody(
  request: IncomingMessage & { body?: unknown },
  _response: unknown,
  next: () => void,
): void {
  const length = request.headers['content-length'];
  const sent =
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (request.body === undefined && sent) request.body = NOT_JSON;
  next();
}

/**
 * A validated route argument. Nest runs pipes before the handler, but handlers check who asks
 * first (401, 403, 404 before 400, as the API has always answered): so the pipe validates and
 * the handler takes `value` once it has checked access; `value` throws the InvalidPayload error.
 */
export class Validated<T> {
  constructor(private readonly result: { ok: true; value: T } | { ok: false; error: AppError }) {}

  get value(): T {
    if (!this.result.ok) throw this.result.error;
    return this.result.value;
  }
}

/** What a ZodBody/ZodQuery/ZodParam argument holds for schema `S`. */
export type Valid<S extends z.ZodType> = Validated<z.output<S>>;

/**
 * Nest's Standard Schema pipe (it reads the schema the parameter decorator carries, as
 * @nestjs/swagger does for the document), failing the way the REST API always has:
 * AppError(InvalidPayload) "Invalid <what>: <path>: <message>; …" with one detail per problem.
 */
export class ZodPipe implements PipeTransform<unknown, Promise<Validated<unknown>>> {
  private readonly standard: StandardSchemaValidationPipe;

  /** @param absent what a missing value (e.g. no request body at all) is validated as */
  constructor(
    private readonly what: string,
    private readonly absent?: unknown,
  ) {
    this.standard = new StandardSchemaValidationPipe({
      exceptionFactory: (issues) => invalidPayload(what, issues),
    });
  }

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<Validated<unknown>> {
    // A body that is not JSON (the only body parser the API has), or none where one is required.
    // An optional body sent as text is refused too: taken as none it would do something else than
    // asked (DELETE …/review-links { token } as text/plain revoked every link).
    if (
      metadata.type === 'body' &&
      (value === NOT_JSON || (value === undefined && this.absent === undefined))
    )
      return new Validated({
        ok: false,
        error: invalidPayload(this.what, [
          { message: 'send it as a JSON body (Content-Type: application/json)' },
        ]),
      });
    const given = value === undefined && this.absent !== undefined ? this.absent : value;
    try {
      return new Validated({ ok: true, value: await this.standard.transform(given, metadata) });
    } catch (error) {
      if (error instanceof AppError) return new Validated({ ok: false, error });
      throw error;
    }
  }
}

/**
 * The request body, validated against a shared zod schema (its output is what the handler gets);
 * the same schema is the body's schema in the OpenAPI document. `optional`: no body at all is
 * validated as `{}`.
 */
export function ZodBody(
  schema: z.ZodType,
  what: string,
  options: { optional?: boolean } = {},
): ParameterDecorator {
  const body = Body({ schema, pipes: [new ZodPipe(what, options.optional ? {} : undefined)] });
  if (!options.optional) return body;
  return (target, key, index) => {
    body(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) ApiBody({ required: false })(target, key, descriptor);
  };
}

/** The whole query string, validated against a zod object schema (one document parameter per key). */
export function ZodQuery(schema: z.ZodType, what: string): ParameterDecorator {
  parameterSchemas.add(schema);
  return Query({ schema, pipes: [new ZodPipe(what)] });
}

/** One path parameter, validated against a zod schema. */
export function ZodParam(name: string, schema: z.ZodType, what: string): ParameterDecorator {
  parameterSchemas.add(schema);
  return Param(name, { schema, pipes: [new ZodPipe(what)] });
}
