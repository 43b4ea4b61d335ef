import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpResponse } from '../auth/http';
import { OpenApiDocument } from './openapi';

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

function swaggerDir(): string {
  // swagger-ui-dist ships prebuilt assets; resolved lazily so a missing package only breaks /api/docs.
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Crossroads API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<p><a href="/api/docs-json">OpenAPI document: /api/docs-json</a></p>
<div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#docs' });\n`;

/** GET /api/docs-json (OpenAPI 3.1) and GET /api/docs (Swagger UI page). */
@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('docs-json')
  json(): Record<string, unknown> {
    return this.document.get();
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('docs/assets/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init(): string {
    return INIT;
  }

  @Get('docs/assets/:file')
  asset(@Param('file') file: string, @Res() response: HttpResponse): void {
    if (!ASSETS.has(file)) throw new NotFoundException();
    const body = readFileSync(path.join(swaggerDir(), file), 'utf8');
    response.setHeader(
      'Content-Type',
      file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    );
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.status(200).end(body);
  }
}
