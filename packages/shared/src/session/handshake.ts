import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import { seqSchema, tokenSchema, uuidSchema } from './common';

/**
 * Who is connecting. Facilitators and observers use the account token from POST /api/auth/login;
 * trainees use the participant token from POST /api/join (it is bound to one session).
 */
export const credentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator'), token: tokenSchema }),
  z.object({ kind: z.literal('participant'), token: tokenSchema }),
  z.object({ kind: z.literal('observer'), token: tokenSchema }),
]);
export type Credential = z.infer<typeof credentialSchema>;
export type CredentialKind = Credential['kind'];

/**
 * The socket.io `auth` payload: `io(url, { auth: handshake })`.
 * `session` is required for facilitators and observers (one socket per session) and optional for
 * participants (their token names the session; if given it must match).
 * `lastSeq` is the highest `seq` the client has seen (omit on first connect).
 */
export const handshakeSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  credential: credentialSchema,
  session: uuidSchema.optional(),
  lastSeq: seqSchema.optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

/**
 * When the handshake is refused, socket.io emits `connect_error` with an Error whose `message` is the
 * ErrorCode and whose `data` is `{ code, message }` (a ServerNotice). Codes: protocol/unsupported_version,
 * protocol/invalid_payload, auth/unauthenticated, auth/forbidden, auth/foreign_origin, session/not_found.
 * Do not retry automatically on auth/* or protocol/unsupported_version.
 */
export const HANDSHAKE_ERROR_CODES = [
  'protocol/unsupported_version',
  'protocol/invalid_payload',
  'auth/unauthenticated',
  'auth/forbidden',
  'auth/foreign_origin',
  'session/not_found',
] as const;
