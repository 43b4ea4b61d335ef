import { httpLogLevel, requestErrorFields } from '../src/logging/logging.module';

describe('request log lines', () => {
  it('write a 503 (not ready, Redis away, a session moving) as a warning, other 5xx as errors', () => {
    expect(httpLogLevel(200)).toBe('info');
    expect(httpLogLevel(404)).toBe('warn');
    expect(httpLogLevel(503)).toBe('warn');
    expect(httpLogLevel(500)).toBe('error');
    expect(httpLogLevel(502)).toBe('error');
    expect(httpLogLevel(200, new Error('socket hang up'))).toBe('error');
  });

  it("leave out pino-http's stand-in error and keep a real one", () => {
    const res = { statusCode: 503 };
    const standIn = new Error('failed with status code 503');
    expect(requestErrorFields(standIn, { res, err: standIn, responseTime: 3 })).toEqual({
      res,
      responseTime: 3,
    });
    const real = new Error('database is locked');
    expect(requestErrorFields(real, { res, err: real, responseTime: 3 })).toEqual({
      res,
      err: real,
      responseTime: 3,
    });
  });
});
