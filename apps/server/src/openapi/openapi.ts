import { Injectable, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  commandAckSchema,
  commandSchemas,
  handshakeSchema,
  lobbyUpdatedSchema,
  presenceUpdatedSchema,
  PROTOCOL_VERSION,
  sessionEventsSchema,
  sessionRescoredSchema,
  sessionSnapshotSchema,
  sessionUpdateSchema,
} from '@crossroads/shared';
import { z } from 'zod';
import { zodComponents } from './zod-components';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete json.$schema;
  return json;
}

/** socket.io is not REST: its handshake, commands and server events, from the shared schemas. */
function socketIo(): Json {
  return {
    path: '/socket.io',
    handshake: schemaOf(handshakeSchema, 'input'),
    commands: Object.fromEntries(
      Object.entries(commandSchemas).map(([name, schema]) => [name, schemaOf(schema, 'input')]),
    ),
    ack: schemaOf(commandAckSchema, 'output'),
    serverEvents: {
      'session.snapshot': schemaOf(sessionSnapshotSchema, 'output'),
      'session.update': schemaOf(sessionUpdateSchema, 'output'),
      'session.rescored': schemaOf(sessionRescoredSchema, 'output'),
      'session.events': schemaOf(sessionEventsSchema, 'output'),
      'lobby.updated': schemaOf(lobbyUpdatedSchema, 'output'),
      'presence.updated': schemaOf(presenceUpdatedSchema, 'output'),
    },
  };
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The JSON body parser runs before every route: a write whose body is malformed JSON (400) or over
 * the size limit (413) is refused before its handler, also where the handler reads no body (POST
 * /api/sessions/{id}/end). Every write lists both, as RestErrors.
 */
function parserRefusals<D extends { paths?: object }>(document: D): D {
  const restError = {
    description: 'RestError',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/RestError' } } },
  };
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>))
    for (const [verb, operation] of Object.entries(item)) {
      if (!WRITES.has(verb)) continue;
      const responses = ((operation as Json).responses ??= {}) as Json;
      responses['400'] ??= restError;
      responses['413'] ??= restError;
    }
  return document;
}

/**
 * The OpenAPI 3.1 document of the REST API: @nestjs/swagger walks the routes Nest registered and
 * reads each one's @ApiRoute and the zod schemas of its ZodBody/ZodQuery/ZodParam arguments.
 */
export function buildOpenApi(app: INestApplication): Json {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Crossroads API')
    .setVersion(`protocol ${PROTOCOL_VERSION}`)
    .setDescription(
      'REST API of the Crossroads server. Live play runs over socket.io (path /socket.io); its handshake, ' +
        'commands and server events are listed under x-socket-io and described in packages/shared/README.md.',
    )
    .addServer('/')
    // Opaque tokens, not JWTs (addBearerAuth would say bearerFormat JWT).
    .addSecurity('bearer', { type: 'http', scheme: 'bearer' })
    .build();
  const zod = zodComponents();
  const document = SwaggerModule.createDocument(app, config, {
    standardSchemaConverter: zod.converter,
    autoTagControllers: false,
  });
  return { ...parserRefusals(zod.finish(document)), 'x-socket-io': socketIo() };
}

/** The document, built from the running application on first request. */
@Injectable()
export class OpenApiDocument {
  private app: INestApplication | undefined;
  private document: Json | undefined;

  /** Called once the routes have their global prefix (createApp). */
  attach(app: INestApplication): void {
    this.app = app;
  }

  get(): Json {
    if (!this.app) throw new Error('OpenApiDocument: attach(app) was not called');
    this.document ??= buildOpenApi(this.app);
    return this.document;
  }
}
