import { z } from 'zod';
import { errorCodeSchema } from './protocol';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  database: z.object({
    ok: z.boolean(),
    driver: z.string(),
    latencyMs: z.number().nonnegative(),
    error: z.string().optional(),
  }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const restErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RestError = z.infer<typeof restErrorSchema>;
