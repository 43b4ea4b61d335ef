import type { CommandAck } from '@crossroads/shared';

/** The ack itself when the server accepted the command; otherwise throws with its code and message. */
export function accepted(
  ack: CommandAck,
  what = 'command',
): Extract<CommandAck, { status: 'accepted' }> {
  if (ack.status !== 'accepted') throw new Error(`${what} rejected: ${ack.code} ${ack.message}`);
  return ack;
}
