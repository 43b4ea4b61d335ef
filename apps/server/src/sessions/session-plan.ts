import {
  ErrorCode,
  requestAnswerer,
  TRAINEE_COMMANDS,
  type CommandName,
  type CommandPayload,
  type LogEventType,
  type SessionPausedPayload,
  type Seat,
} from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import type { LiveSession } from './live-session';
import type { Principal } from './principal';
import type { ParticipantRow } from './session-store';

/** An event before it has a seq/at/time. */
export interface Draft {
  type: LogEventType;
  payload: unknown;
  team: string | null;
  role: string | null;
  participant: string | null;
  /** For multi-team commands: skip this team instead of failing when the engine refuses. */
  optional?: boolean;
}

/*
 * Planning: what a command may do in the session's current state, and the events it writes. Pure
 * functions of the live session (no I/O), so a host can plan again after catching up.
 */

export function checkStatus(live: LiveSession, principal: Principal, name: CommandName): void {
  const status = live.status;
  if (name === 'session.start') {
    if (status !== 'lobby')
      throw new AppError(
        ErrorCode.SessionNotRunning,
        `The session is ${status}, not waiting to start.`,
      );
    return;
  }
  if (name === 'note.pin') return;
  // The debrief scores the run and shows the best path: released during play it would hand every
  // trainee the scores and the feedback the session's settings hold back until the end.
  if (name === 'debrief.release') {
    if (status !== 'ended')
      throw new AppError(
        ErrorCode.SessionNotRunning,
        `The session is ${status}: the debrief can be released once it has ended.`,
      );
    return;
  }
  if (status === 'ended') throw new AppError(ErrorCode.SessionNotRunning, 'The session has ended.');
  if (name === 'session.pause' && status !== 'running') {
    throw new AppError(ErrorCode.SessionNotRunning, `The session is ${status}, not running.`);
  }
  if (name === 'session.resume' && status !== 'paused') {
    throw new AppError(ErrorCode.SessionNotRunning, `The session is ${status}, not paused.`);
  }
  if (principal.kind === 'participant' && TRAINEE_COMMANDS.includes(name)) {
    if (status === 'paused') throw new AppError(ErrorCode.SessionPaused, 'The session is paused.');
    if (status === 'lobby' && name !== 'chat.send') {
      throw new AppError(ErrorCode.SessionNotRunning, 'The session has not started yet.');
    }
  }
  if (['inject.release', 'clock.advance', 'request.answer'].includes(name) && status === 'lobby') {
    throw new AppError(ErrorCode.SessionNotRunning, 'The session has not started yet.');
  }
}

/**
 * The trainee's seat now. `madeFrom` is the seat the command was made from (when the client says):
 * a trainee moved since, while the command waited offline, would otherwise act in a team whose
 * case they never saw.
 */
export function seat(
  live: LiveSession,
  principal: Principal,
  madeFrom?: Seat,
): { participant: ParticipantRow; team: string; role: string } {
  if (principal.kind !== 'participant') throw new AppError(ErrorCode.Forbidden, 'Trainees only.');
  const participant = live.participants.get(principal.participantId);
  if (!participant) throw new AppError(ErrorCode.Unauthenticated, 'Unknown participant.');
  if (!participant.team_id || !participant.role) {
    throw new AppError(ErrorCode.Forbidden, 'You have no team and role yet; ask the facilitator.');
  }
  if (madeFrom && (madeFrom.team !== participant.team_id || madeFrom.role !== participant.role)) {
    const now = live.team(participant.team_id)?.name ?? participant.team_id;
    const before = live.team(madeFrom.team)?.name ?? madeFrom.team;
    throw new AppError(
      ErrorCode.SeatChanged,
      madeFrom.team === participant.team_id
        ? `The facilitator gave you another agency in ${now} after this was made, so it was not applied.`
        : `The facilitator moved you from ${before} to ${now} after this was made, so it was not applied.`,
    );
  }
  return { participant, team: participant.team_id, role: participant.role };
}

function requireTeam(live: LiveSession, team: string): void {
  if (!live.hasTeam(team))
    throw new AppError(ErrorCode.NotFound, `No team ${team} in this session.`);
}

/** The events a command writes (or an AppError). Runs again if another writer got in first. */
export function plan(
  live: LiveSession,
  principal: Principal,
  name: CommandName,
  payload: CommandPayload<CommandName>,
): Draft[] {
  const session = (type: LogEventType, p: unknown = {}): Draft[] => [
    { type, payload: p, team: null, role: null, participant: null },
  ];
  switch (name) {
    case 'session.start':
      return session('session.started', {
        scenario: live.runtime.id,
        version: live.runtime.version,
        teams: live.teams,
      });
    case 'session.pause': {
      const p = payload as CommandPayload<'session.pause'>;
      // The kind is a code each reader translates; the note keeps the language it was written in:
      // the console's (the command's `lang`), else the session's.
      const paused: SessionPausedPayload = {};
      if (p.kind) paused.kind = p.kind;
      if (p.note) paused.note = p.note;
      if (p.reason) paused.reason = p.reason;
      if (p.note || p.reason) paused.lang = p.lang ?? live.settings.language;
      return session('session.paused', paused);
    }
    case 'session.resume':
      return session('session.resumed');
    case 'session.end':
      return session('session.ended', { reason: 'facilitator' });
    case 'debrief.release':
      if (live.debriefReleased)
        throw new AppError(ErrorCode.AlreadyDecided, 'The debrief is already released.');
      return session('debrief.released');
    case 'broadcast.send': {
      const p = payload as CommandPayload<'broadcast.send'>;
      if (p.team) requireTeam(live, p.team);
      // The message keeps the language it was written in: the console's (the command's `lang`),
      // else the session's.
      return [
        {
          type: 'broadcast.sent',
          payload: { message: p.message, lang: p.lang ?? live.settings.language },
          team: p.team ?? null,
          role: null,
          participant: null,
        },
      ];
    }
    case 'inject.release': {
      const p = payload as CommandPayload<'inject.release'>;
      if (live.runtime.injectTargets(p.inject) === undefined) {
        throw new AppError(ErrorCode.NotFound, `No inject ${p.inject} in this scenario.`);
      }
      if (p.team !== 'all') requireTeam(live, p.team);
      const teams = p.team === 'all' ? live.teams.map((t) => t.id) : [p.team];
      return teams.map((team) => ({
        type: 'inject.released',
        payload: { inject: p.inject },
        team,
        role: null,
        participant: null,
        optional: teams.length > 1,
      }));
    }
    case 'clock.advance': {
      const p = payload as CommandPayload<'clock.advance'>;
      if (p.team) requireTeam(live, p.team);
      const teams = p.team ? [p.team] : live.teams.map((t) => t.id);
      return teams.map((team) => ({
        type: 'clock.ticked',
        payload: { minutes: p.minutes },
        team,
        role: null,
        participant: null,
        optional: teams.length > 1,
      }));
    }
    case 'participant.move': {
      const p = payload as CommandPayload<'participant.move'>;
      requireTeam(live, p.team);
      const seat = live.participants.get(p.participant);
      if (!seat) {
        throw new AppError(ErrorCode.NotFound, 'No such participant in this session.');
      }
      // A move to the seat they have would tell everyone of a change that did not happen.
      if (seat.team_id === p.team && seat.role === p.role) {
        throw new AppError(
          ErrorCode.InvalidPayload,
          `${seat.display_name} already plays ${p.role} in that team; nothing was changed.`,
        );
      }
      if (!live.playableRoles().includes(p.role)) {
        throw new AppError(
          ErrorCode.InvalidPayload,
          `${p.role} is not an agency trainees can play here.`,
        );
      }
      return [
        {
          type: 'participant.moved',
          payload: p.participant ? { participant: p.participant, team: p.team, role: p.role } : {},
          team: p.team,
          role: null,
          participant: null,
        },
      ];
    }
    case 'note.pin': {
      const p = payload as CommandPayload<'note.pin'>;
      if (p.seq < 1 || p.seq > live.head)
        throw new AppError(ErrorCode.NotFound, `No event ${p.seq}.`);
      return session('note.pinned', { seq: p.seq, text: p.text });
    }
    case 'request.answer': {
      const p = payload as CommandPayload<'request.answer'>;
      if (principal.kind === 'participant') {
        const { participant, team, role } = seat(live, principal, p.seat);
        if ((p.team !== undefined && p.team !== team) || p.teams !== undefined) {
          throw new AppError(ErrorCode.Forbidden, 'You can only answer requests in your own team.');
        }
        // Asked of the scenario, not of the team's state: an agency a request is not addressed
        // to must not learn from the refusal whether another agency sent it, or had it answered.
        const to = live.runtime.requestTarget(p.requestInstance);
        if (to === undefined)
          throw new AppError(
            ErrorCode.NotFound,
            `No request ${p.requestInstance} in this scenario.`,
          );
        if (to !== role)
          throw new AppError(ErrorCode.WrongRole, 'This request is not addressed to your agency.');
        // The agency it is addressed to may know whether it was sent and is still open.
        requestInfo(live, team, p.requestInstance);
        return [
          {
            type: 'request.answered',
            payload: { request: p.requestInstance, granted: p.granted, reason: p.reason },
            team,
            role,
            participant: participant.id,
          },
        ];
      }
      const teams = p.teams ?? (p.team === undefined ? [] : [p.team]);
      if (teams.length === 0 || (p.team !== undefined && p.teams !== undefined))
        throw new AppError(
          ErrorCode.InvalidPayload,
          'Facilitators must name the team (or, to answer several teams at once, the teams).',
        );
      if (new Set(teams).size !== teams.length)
        throw new AppError(ErrorCode.InvalidPayload, 'A team is named twice.');
      // All or nothing: one team that cannot take this answer refuses the whole command.
      return teams.map((team) => {
        requireTeam(live, team);
        const info = requestInfo(live, team, p.requestInstance);
        const agency = live.runtime.agencies.find((a) => a.id === info.to);
        const members = [...live.participants.values()]
          .filter((m) => m.team_id === team)
          .map((m) => ({ role: m.role, presence: m.presence }));
        if (requestAnswerer(agency, members, info.to) === 'trainees') {
          throw new AppError(
            ErrorCode.Forbidden,
            `Requests to ${info.to} in ${live.team(team)?.name ?? team} are answered by the trainees playing it.`,
          );
        }
        return {
          type: 'request.answered' as const,
          payload: { request: p.requestInstance, granted: p.granted, reason: p.reason },
          team,
          role: info.to,
          participant: null,
        };
      });
    }
    case 'decision.submit': {
      const p = payload as CommandPayload<'decision.submit'>;
      const { participant, team, role } = seat(live, principal, p.seat);
      const body: Record<string, unknown> = { decision: p.decision, option: p.option };
      if (p.rationale) body.rationale = p.rationale;
      if (p.confidence !== undefined) body.confidence = p.confidence;
      return [{ type: 'decision.made', payload: body, team, role, participant: participant.id }];
    }
    case 'joint.sign': {
      const p = payload as CommandPayload<'joint.sign'>;
      const { participant, team, role } = seat(live, principal, p.seat);
      return [
        {
          type: 'joint.signed',
          payload: { decision: p.decision, option: p.option },
          team,
          role,
          participant: participant.id,
        },
      ];
    }
    case 'request.send': {
      const p = payload as CommandPayload<'request.send'>;
      const { participant, team, role } = seat(live, principal, p.seat);
      return [
        {
          type: 'request.sent',
          payload: p.justification
            ? { request: p.request, justification: p.justification }
            : { request: p.request },
          team,
          role,
          participant: participant.id,
        },
      ];
    }
    case 'chat.send': {
      const p = payload as CommandPayload<'chat.send'>;
      const { participant, team, role } = seat(live, principal, p.seat);
      return [
        {
          type: 'chat.message',
          payload: { text: p.text },
          team,
          role,
          participant: participant.id,
        },
      ];
    }
    case 'session.sync':
      return [];
  }
}

function requestInfo(live: LiveSession, team: string, instance: string) {
  const state = live.states.get(team);
  const info = state === undefined ? undefined : live.runtime.request(state, instance);
  if (!info) throw new AppError(ErrorCode.NotFound, `No request ${instance} in this team.`);
  if (info.status !== 'pending')
    throw new AppError(ErrorCode.AlreadyDecided, 'This request has been answered already.');
  return info;
}
