import type { Account, CredentialKind } from '@crossroads/shared';

/** Who is acting, as established by the server from a credential (never from a payload). */
export type Principal =
  | { kind: 'facilitator'; account: Account; memberRole: 'owner' | 'facilitator' }
  | { kind: 'observer'; account: Account }
  | { kind: 'participant'; participantId: string; sessionId: string };

export function principalKind(principal: Principal): CredentialKind {
  return principal.kind;
}

/** The id stored as an event's `actor` and compared on repeated command ids. */
export function actorId(principal: Principal): string {
  return principal.kind === 'participant'
    ? `participant:${principal.participantId}`
    : `account:${principal.account.id}`;
}

export function isStaff(
  principal: Principal,
): principal is Extract<Principal, { kind: 'facilitator' | 'observer' }> {
  return principal.kind !== 'participant';
}
