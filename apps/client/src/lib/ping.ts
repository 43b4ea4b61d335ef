import { pongSchema } from '@crossroads/shared';
import type { CrossroadsSocket } from './socket';

export const PING_TIMEOUT_MS = 5_000;

/**
 * Sends the `ping` command and resolves with the round-trip time in whole milliseconds,
 * measured on the client's monotonic clock. Rejects on timeout or a rejected/malformed ack.
 */
export async function measureRtt(
  socket: Pick<CrossroadsSocket, 'timeout'>,
  now: () => number = () => performance.now(),
  timeoutMs = PING_TIMEOUT_MS,
): Promise<number> {
  const started = now();
  const ack: unknown = await socket.timeout(timeoutMs).emitWithAck('ping', { sentAt: Date.now() });
  const pong = pongSchema.safeParse(ack);
  if (!pong.success) {
    const reason =
      typeof ack === 'object' && ack !== null && 'code' in ack ? String(ack.code) : 'malformed ack';
    throw new Error(`ping was not accepted: ${reason}`);
  }
  return Math.max(0, Math.round(now() - started));
}
