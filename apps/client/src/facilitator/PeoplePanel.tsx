import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencySummary, Lobby, Participant, TeamRef } from '@crossroads/shared';
import { AckMessage, PresenceLabel, useCommand } from './ConsoleParts';
import { Marked, plain, useAgencyText, useMarkOf } from './consoleText';
import { playableAgencies } from './format';
import type { CommandLabelValue } from '../lib/facilitatorSocket';
import type { SendCommand } from './useSessionConsole';
import { TeamName, useTeamNameLang } from '../components/TeamName';

interface MoveRowProps {
  participant: Participant;
  teams: TeamRef[];
  roles: AgencySummary[];
  canSend: boolean;
  readOnly: boolean;
  send: SendCommand;
}

function MoveRow({ participant, teams, roles, canSend, readOnly, send }: MoveRowProps) {
  const { t } = useTranslation();
  const teamLang = useTeamNameLang();
  const agency = useAgencyText(roles);
  const markOf = useMarkOf();
  const id = useId();
  const { run, busy, ack } = useCommand(send);
  const [team, setTeam] = useState(participant.team ?? '');
  const [role, setRole] = useState(participant.role ?? '');
  // The server may move someone (or they rejoin); the selects follow until the user edits them.
  const [edited, setEdited] = useState(false);
  const shownTeam = edited ? team : (participant.team ?? '');
  const shownRole = edited ? role : (participant.role ?? '');
  const changed =
    shownTeam !== '' &&
    shownRole !== '' &&
    (shownTeam !== participant.team || shownRole !== participant.role);

  // The seat's agency as the scenario names it (short name), picked when the log line is shown.
  const roleLabel = (id: string): CommandLabelValue => {
    const known = roles.find((a) => a.id === id);
    return known ? { scenario: known.shortName ?? known.name } : id;
  };
  const move = async () => {
    const teamName = teams.find((x) => x.id === shownTeam)?.name ?? shownTeam;
    const ackResult = await run(
      'participant.move',
      { participant: participant.id, team: shownTeam, role: shownRole },
      {
        key: 'console.people.moveLabel',
        values: { name: participant.displayName, team: teamName, role: roleLabel(shownRole) },
      },
    );
    if (ackResult.status === 'accepted') setEdited(false);
  };

  return (
    <li className="fac-person" data-participant={participant.id}>
      <span className="fac-person__name">{participant.displayName}</span>
      <PresenceLabel presence={participant.presence} />
      {readOnly ? (
        <span
          className="fac-person__seat"
          title={participant.role ? plain(agency.name(participant.role)) : undefined}
        >
          {participant.role ? (
            <Marked value={agency.short(participant.role)} />
          ) : (
            t('console.people.noRole')
          )}
        </span>
      ) : (
        <span className="fac-person__move">
          <label className="fac-sr-only" htmlFor={`${id}-team`}>
            {t('console.people.teamFor', { name: participant.displayName })}
          </label>
          <select
            id={`${id}-team`}
            value={shownTeam}
            onChange={(e) => {
              setEdited(true);
              setTeam(e.target.value);
              setRole(shownRole);
            }}
          >
            {shownTeam === '' ? <option value="">{t('console.people.chooseTeam')}</option> : null}
            {teams.map((x) => (
              <option key={x.id} value={x.id} lang={teamLang}>
                {x.name}
              </option>
            ))}
          </select>
          <label className="fac-sr-only" htmlFor={`${id}-role`}>
            {t('console.people.roleFor', { name: participant.displayName })}
          </label>
          <select
            id={`${id}-role`}
            value={shownRole}
            onChange={(e) => {
              setEdited(true);
              setRole(e.target.value);
              setTeam(shownTeam);
            }}
          >
            {shownRole === '' ? <option value="">{t('console.people.chooseRole')}</option> : null}
            {/* Short names: one select per person; the full name is the option's title. */}
            {roles.map((r) => (
              <option
                key={r.id}
                value={r.id}
                title={plain(agency.name(r.id))}
                lang={markOf(agency.short(r.id))}
              >
                {plain(agency.short(r.id))}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!canSend || !changed || busy}
            onClick={move}
          >
            {participant.team ? t('console.people.move') : t('console.people.place')}
          </button>
          <AckMessage ack={ack} />
        </span>
      )}
    </li>
  );
}

/** Missing required roles per team, for the start checklist. */
export function missingRoles(lobby: Lobby, agencies: readonly AgencySummary[]) {
  const required = agencies.filter((a) => a.playable === 'required');
  return lobby.teams.flatMap((team) => {
    const missing = required.filter((a) => !team.members.some((m) => m.role === a.id));
    return missing.length > 0 ? [{ team, missing }] : [];
  });
}

/**
 * Everyone who joined, by team, with a team and role picker per person (participant.move works
 * in the lobby and mid-session). People not placed yet come first.
 */
export function PeoplePanel({
  lobby,
  teams,
  agencies,
  canSend,
  readOnly,
  send,
  headingLevel = 2,
}: {
  lobby: Lobby;
  teams: TeamRef[];
  agencies: AgencySummary[];
  canSend: boolean;
  readOnly: boolean;
  send: SendCommand;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const roles = playableAgencies(agencies);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const total =
    lobby.unassigned.length + lobby.teams.reduce((n, team) => n + team.members.length, 0);
  const row = (p: Participant) => (
    <MoveRow
      key={p.id}
      participant={p}
      teams={teams}
      roles={roles}
      canSend={canSend}
      readOnly={readOnly}
      send={send}
    />
  );

  return (
    <section className="fac-people panel" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('console.people.title', { n: total })}</Heading>
      {total === 0 ? <p className="fac-muted">{t('console.people.none')}</p> : null}
      {lobby.unassigned.length > 0 ? (
        <div className="fac-people__group fac-people__group--unassigned">
          <Sub>{t('console.people.unassigned', { n: lobby.unassigned.length })}</Sub>
          <ul className="fac-people__list">{lobby.unassigned.map(row)}</ul>
        </div>
      ) : null}
      <div className="fac-people__teams">
        {lobby.teams.map((team) => (
          <div key={team.id} className="fac-people__group" data-team={team.id}>
            <Sub>
              <TeamName name={team.name} />{' '}
              <span className="fac-muted">
                {t('console.people.count', { n: team.members.length })}
              </span>
            </Sub>
            {team.members.length === 0 ? (
              <p className="fac-muted">{t('console.people.emptyTeam')}</p>
            ) : (
              <ul className="fac-people__list">{team.members.map(row)}</ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
