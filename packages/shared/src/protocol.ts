import { z } from 'zod';
import { errorCodes } from './errors';

/** Bumped whenever a command or server event changes shape incompatibly. */
export const PROTOCOL_VERSION = 1;

/** Socket.io rejects larger frames; decisions with a rationale fit well below this. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const errorCodeSchema = z.enum(errorCodes);

/** Every ack is either accepted (with an optional result) or rejected with a code and a human message. */
export const ackSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), seq: z.number().int().nonnegative().optional() }),
  z.object({
    status: z.literal('rejected'),
    code: errorCodeSchema,
    message: z.string(),
  }),
]);
export type Ack = z.infer<typeof ackSchema>;

export const pingPayloadSchema = z.object({
  /** Client's clock when the ping was sent (ms since epoch), echoed back for RTT. */
  sentAt: z.number(),
});
export type PingPayload = z.infer<typeof pingPayloadSchema>;

export const pongSchema = z.object({
  status: z.literal('accepted'),
  sentAt: z.number(),
  serverTime: z.number(),
});
export type Pong = z.infer<typeof pongSchema>;
export type PingAck = Pong | Extract<Ack, { status: 'rejected' }>;

export const serverNoticeSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
});
export type ServerNotice = z.infer<typeof serverNoticeSchema>;
