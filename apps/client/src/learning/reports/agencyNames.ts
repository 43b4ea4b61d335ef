import type { ParticipationReport, Text } from '@crossroads/shared';
import { humanizeId } from '../../debrief/text';

/**
 * How the participation report names an agency where rows repeat it (red lines, people), on the
 * page and in its PDF alike: its short name (else its name) from the report's byAgency, whose own
 * row names it in full; an agency the report does not list by its id made readable; '—' for none.
 */
export function agencyShortName(
  report: Pick<ParticipationReport, 'byAgency'>,
  id: string | null,
  text: (t: Text) => string,
): string {
  if (id === null) return '—';
  const found = report.byAgency.find((a) => a.agency === id);
  return found ? text(found.shortName ?? found.name) : humanizeId(id);
}

/**
 * How the participation report names the team of a red line, on the page and in its PDF alike: the
 * name it had in its session (the report's sessions list them), else its id made readable; never
 * the bare id ('team-a') a trainer would not recognise.
 */
export function reportTeamName(
  report: Pick<ParticipationReport, 'sessions'>,
  session: string,
  team: string,
): string {
  const found = report.sessions.find((s) => s.id === session)?.teams.find((x) => x.id === team);
  return found ? found.name : humanizeId(team);
}
