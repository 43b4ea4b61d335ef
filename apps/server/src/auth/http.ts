import type { IncomingHttpHeaders } from 'node:http';

/**
 * The parts of Express's request/response objects these controllers use (@types/express is not
 * installed; Nest hands us Express objects at run time).
 */
export interface HttpRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
  socket: { remoteAddress?: string };
}

export interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): unknown;
  setHeader(name: string, value: string): unknown;
  write(chunk: string): boolean;
  end(chunk?: string): unknown;
  sendFile?(path: string): unknown;
}
