import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from './helpers';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(30_000);

const html = { Accept: 'text/html,application/xhtml+xml' };

describe('production mode serves the built client', () => {
  let dist: string;
  let server: TestServer;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'crossroads-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Crossroads test</title>');
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log("app");');
    server = await startTestServer({ env: { NODE_ENV: 'production', CLIENT_DIST: dist } });
  });

  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  it.each([['/'], ['/facilitator/sessions/ABC123'], ['/join']])(
    'answers the client route %s with index.html',
    async (route) => {
      const response = await fetch(`${server.url}${route}`, { headers: html });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<title>Crossroads test</title>');
    },
  );

  it('serves static assets', async () => {
    const response = await fetch(`${server.url}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("app");');
  });

  it('keeps the API JSON, including its 404s', async () => {
    const health = await fetch(`${server.url}/api/health`, { headers: html });
    expect(health.headers.get('content-type')).toContain('application/json');
    const missing = await fetch(`${server.url}/api/no-such-route`, { headers: html });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('answers a plain request for / (curl, link checkers) with the page', async () => {
    const response = await fetch(`${server.url}/`, { headers: { Accept: '*/*' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Crossroads test</title>');
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await fetch(`${server.url}/assets/gone-1234.js`, {
      headers: { Accept: '*/*' },
    });
    expect(response.status).toBe(404);
  });

  it('does not answer non-HTML requests for unknown paths with the page', async () => {
    const response = await fetch(`${server.url}/missing.png`, { headers: { Accept: 'image/*' } });
    expect(response.status).toBe(404);
  });
});

describe('production mode without a client build', () => {
  it('explains how to build the client instead of failing', async () => {
    const missing = path.join(os.tmpdir(), `crossroads-no-dist-${process.pid}`);
    const server = await startTestServer({ env: { NODE_ENV: 'production', CLIENT_DIST: missing } });
    try {
      const response = await fetch(`${server.url}/`, { headers: html });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('development mode', () => {
  it('does not serve the client (Vite does)', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'development' } });
    try {
      const response = await fetch(`${server.url}/`, { headers: html });
      expect(response.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
