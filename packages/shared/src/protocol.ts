import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors';
import { textSchema } from './session/common';

/**
 * What an action refused for want of a scarce resource (an interpreter, say) waits for: the
 * resource, and the scenario minute from which enough of it is free as things stand (its
 * availability and the team's own bookings; null when none will be free again). The resource is
 * the team's, shared by its agencies, so when it is free is the acting agency's to know. A client
 * says it in the reader's language, in the clock terms of its page; the clock gets there as the
 * facilitator runs the session.
 */
export const resourceWaitSchema = z.object({
  resource: textSchema,
  freeAt: z.number().int().nonnegative().nullable(),
});
export type ResourceWait = z.infer<typeof resourceWaitSchema>;

/** Bumped whenever a command or server event changes shape incompatibly. */
export const PROTOCOL_VERSION = 1;

/** Socket.io rejects larger frames; decisions with a rationale fit well below this. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const errorCodeSchema = z.enum(errorCodes);

/**
 * A refused command or ping. `message` is the server's English (for logs, and for clients written
 * before `text`); `text`, when present, says the same to the reader in each language the server
 * has it in (the engine's why-not words for a refused decision, signature or request, the very
 * text that agency's view gives as its `whyNot.text`), and is what a client shows.
 */
export const rejectedAckSchema = z.object({
  status: z.literal('rejected'),
  code: errorCodeSchema,
  message: z.string(),
  text: textSchema.optional(),
  wait: resourceWaitSchema.optional(),
});
export type RejectedAck = z.infer<typeof rejectedAckSchema>;

/** Every ack is either accepted (with an optional result) or rejected with a code and a human message. */
export const ackSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), seq: z.number().int().nonnegative().optional() }),
  rejectedAckSchema,
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

/**
 * `notice`: something the server tells a socket outside any ack. `message` is the server's English
 * (for logs); clients show a text of their own for `code`, in the reader's language, and the
 * message only where it says more (marked as English) or for a code they do not know. The server
 * sends one:
 * - after it closed the principal's previous socket for falling behind: slow_consumer (SessionHub);
 * - before it closes a socket whose rights ended (SessionHub.revoke, after the check before a
 *   command or SessionsService.recheckSockets): one of REVOKE_NOTICE_CODES;
 * - before it closes a socket whose session could not be loaded: internal;
 * - for a command or `ping` sent without an ack callback and refused: the refusal's code.
 */
export const serverNoticeSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
});
export type ServerNotice = z.infer<typeof serverNoticeSchema>;

/**
 * The codes of the notices with which the server closes a socket whose rights ended: the log-in
 * ended or the trainee's place was removed (unauthenticated), a facilitator made an observer
 * (forbidden), staff taken off the session (not_found). The same credential will not get back in.
 */
export const REVOKE_NOTICE_CODES = [
  'auth/unauthenticated',
  'auth/forbidden',
  'session/not_found',
] as const satisfies readonly ErrorCode[];
