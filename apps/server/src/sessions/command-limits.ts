import { ErrorCode, RATE_LIMITS, type CommandAck, type CommandName } from '@crossroads/shared';
import type { Principal } from './principal';
import { RateLimiter } from './rate-limit';

/**
 * The rate limits on session commands from sockets: per socket, per participant (so opening more
 * sockets buys no more commands), chat on top, and `session.sync` by the snapshot bytes budget.
 */
export class CommandLimits {
  private readonly perSocket = new RateLimiter(
    RATE_LIMITS.commands.burst,
    RATE_LIMITS.commands.perSecond,
  );
  private readonly perParticipant = new RateLimiter(
    RATE_LIMITS.commands.burst,
    RATE_LIMITS.commands.perSecond,
  );
  private readonly chat = new RateLimiter(RATE_LIMITS.chat.burst, RATE_LIMITS.chat.perSecond);

  /**
   * The rejection when a limit refuses this command, else null (the command is counted).
   * `snapshots.snapshotWaitMs(socket)` is asked for `session.sync` only (an object and its argument
   * rather than a closure, which every command would allocate).
   */
  refusal<S>(
    socketId: string,
    principal: Principal,
    name: CommandName,
    snapshots: { snapshotWaitMs(socket: S): number },
    socket: S,
    now = Date.now(),
  ): CommandAck | null {
    const participant = principal.kind === 'participant' ? principal.participantId : null;
    const limited =
      !this.perSocket.take(socketId, now) ||
      (participant !== null && !this.perParticipant.take(participant, now)) ||
      (name === 'chat.send' && !this.chat.take(participant ?? socketId, now));
    if (limited) {
      return {
        status: 'rejected',
        code: ErrorCode.RateLimited,
        message: 'Too many commands; slow down.',
      };
    }
    const wait = name === 'session.sync' ? snapshots.snapshotWaitMs(socket) : 0;
    if (wait > 0) {
      return {
        status: 'rejected',
        code: ErrorCode.RateLimited,
        message: `Snapshots are limited in size per second; ask again in ${Math.ceil(wait / 1000)} s.`,
      };
    }
    return null;
  }
}
