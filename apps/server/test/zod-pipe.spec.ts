import type { ArgumentMetadata } from '@nestjs/common';
import { ErrorCode } from '@crossroads/shared';
import { z } from 'zod';
import { AppError, HTTP_STATUS, parseOrThrow } from '../src/auth/rest-error';
import { NOT_JSON, ZodPipe, type Validated } from '../src/auth/zod-params';

const schema = z.strictObject({
  name: z.string().min(1),
  teams: z.number().int().max(4).default(2),
  tags: z.array(z.string()).optional(),
});
const body = (s: z.ZodType = schema): ArgumentMetadata => ({ type: 'body', schema: s });

/** The AppError reading `value` throws (fails the test when it does not throw). */
function failure(validated: Validated<unknown>): AppError {
  try {
    void validated.value;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the value to throw an AppError');
}

describe('ZodPipe', () => {
  it('hands the handler the schema output (defaults applied)', async () => {
    const validated = await new ZodPipe('session').transform({ name: 'x' }, body());
    expect(validated.value).toEqual({ name: 'x', teams: 2 });
  });

  it('resolves even for an invalid value: reading it throws InvalidPayload (400) naming every problem', async () => {
    // The handler checks who asks first (401/403/404), then reads the value.
    const validated = await new ZodPipe('session').transform(
      { name: '', teams: 9, tags: [1], extra: true },
      body(),
    );
    const error = failure(validated);
    expect(error.code).toBe(ErrorCode.InvalidPayload);
    expect(HTTP_STATUS[error.code]).toBe(400);
    expect(error.details?.map((d) => d.path)).toEqual(['name', 'teams', 'tags.0', '(root)']);
    expect(error.message).toMatch(/^Invalid session: name: .+; teams: .+; tags\.0: .+; \(root\): /);
  });

  it('answers exactly as parseOrThrow does for the same value', async () => {
    const value = { name: 3, teams: 'x' };
    const fromPipe = failure(await new ZodPipe('settings').transform(value, body()));
    let thrown: unknown;
    try {
      parseOrThrow(schema, value, 'settings');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(fromPipe.toRest()).toEqual((thrown as AppError).toRest());
  });

  it('validates a missing body as its `absent` value, and rejects it without one', async () => {
    const optional = z.strictObject({ token: z.string().optional() });
    const absent = await new ZodPipe('revocation', {}).transform(undefined, body(optional));
    expect(absent.value).toEqual({});
    const missing = await new ZodPipe('revocation').transform(undefined, body(optional));
    expect(failure(missing).details).toEqual([{ path: '(root)', message: expect.any(String) }]);
  });

  it('refuses a body not sent as JSON even where no body is allowed, not taking it as none', async () => {
    // DELETE …/review-links with { token } as text/plain revoked every link of the session.
    const optional = z.strictObject({ token: z.string().optional() });
    const unread = await new ZodPipe('revocation', {}).transform(NOT_JSON, body(optional));
    expect(failure(unread).code).toBe(ErrorCode.InvalidPayload);
    expect(failure(unread).message).toMatch(/JSON body/);
  });

  it('passes a parameter without a schema through untouched', async () => {
    const value = { anything: 1 };
    expect((await new ZodPipe('query').transform(value, { type: 'query' })).value).toBe(value);
  });
});
