import { z } from 'zod';
import { errorCodeSchema } from './protocol';

/** One dependency's answer to a readiness check: a real round trip, how long it took, why not. */
export const dependencyCheckSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type DependencyCheck = z.infer<typeof dependencyCheckSchema>;

/**
 * Readiness (GET /api/health/ready, and GET /api/health): 200 with status 'ok' when the database
 * answers, and Redis when the server is configured with it; else 503, status 'degraded', `reason`.
 */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  database: dependencyCheckSchema.extend({ driver: z.string() }),
  /** Present when the server fans socket.io out through Redis (REDIS_URL). */
  redis: dependencyCheckSchema.optional(),
  /** When degraded: which dependency failed and why, in one line. */
  reason: z.string().optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Liveness (GET /api/health/live): the process answers; no dependency is asked. */
export const livenessResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type LivenessResponse = z.infer<typeof livenessResponseSchema>;

export const restErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /**
   * The problems behind the refusal, each at its path. A scenario problem (the studio refusing to
   * publish a draft) also has its line and its kind and values, to word it in the reader's language
   * as the studio words the checker's problems.
   */
  details: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        line: z.number().int().optional(),
        code: z.string().optional(),
        params: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
});
export type RestError = z.infer<typeof restErrorSchema>;
