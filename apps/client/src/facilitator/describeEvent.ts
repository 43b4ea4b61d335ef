import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEvent } from '@crossroads/shared';
import { allParticipants, type ConsoleState } from './consoleState';
import { agencyShortName, formatScenarioTime, pickText } from './format';

/** One timeline line for an event, in the UI language, with scenario content in `language`. */
export function useDescribeEvent(
  state: ConsoleState,
  language: string,
): (event: LogEvent) => string {
  const { t } = useTranslation();
  const { labels, injects, lobby, session } = state;

  return useCallback(
    (event: LogEvent) => {
      const agencies = session?.agencies ?? [];
      const role = (id: string | null) => (id ? agencyShortName(agencies, id, language) : '');
      const label = (key: string, fallback: string) => {
        const text = labels[key];
        return text === undefined ? fallback : pickText(text, language);
      };
      const personName = (id: string | null) =>
        allParticipants(lobby).find((p) => p.id === id)?.displayName ?? t('console.event.someone');
      const teamName = (id: string | null) =>
        session?.teams.find((team) => team.id === id)?.name ?? id ?? '';

      switch (event.type) {
        case 'session.started':
          return t('console.event.sessionStarted');
        case 'session.paused':
          return event.payload.reason
            ? t('console.event.sessionPausedReason', { reason: event.payload.reason })
            : t('console.event.sessionPaused');
        case 'session.resumed':
          return t('console.event.sessionResumed');
        case 'session.ended':
          return t('console.event.sessionEnded');
        case 'decision.made': {
          const { decision, option, rationale } = event.payload;
          const text = t('console.event.decisionMade', {
            role: role(event.role),
            decision: label(`decision:${decision}`, decision),
            option: label(`option:${decision}:${option}`, option),
          });
          return rationale ? `${text} — ${t('console.event.rationale', { rationale })}` : text;
        }
        case 'joint.signed': {
          const { decision, option } = event.payload;
          return t('console.event.jointSigned', {
            role: role(event.role),
            decision: label(`decision:${decision}`, decision),
            option: label(`option:${decision}:${option}`, option),
          });
        }
        case 'request.sent':
          return t('console.event.requestSent', {
            role: role(event.role),
            request: label(`request:${event.payload.request}`, event.payload.request),
          });
        case 'request.answered': {
          const values = {
            role: role(event.role),
            request: label(`request:${event.payload.request}`, event.payload.request),
            reason: event.payload.reason,
          };
          const base = event.payload.granted
            ? t('console.event.requestGranted', values)
            : t('console.event.requestRefused', values);
          return event.payload.reason ? `${base} — ${event.payload.reason}` : base;
        }
        case 'inject.released': {
          const inject = injects.find((i) => i.id === event.payload.inject);
          return t('console.event.injectReleased', {
            inject: inject ? pickText(inject.title, language) : event.payload.inject,
          });
        }
        case 'clock.ticked':
          return t('console.event.clockTicked', {
            time: formatScenarioTime(event.payload.minutes).replace('T+', ''),
          });
        case 'chat.message':
          return t('console.event.chat', {
            name: personName(event.participant),
            text: event.payload.text,
          });
        case 'broadcast.sent':
          return t('console.event.broadcast', { message: event.payload.message });
        case 'note.pinned':
          return t('console.event.note', { text: event.payload.text });
        case 'participant.joined':
          return t('console.event.joined', {
            name: event.payload.displayName,
            role: event.payload.role ? role(event.payload.role) : t('console.people.noRole'),
          });
        case 'participant.moved':
          return t('console.event.moved', {
            name: personName(event.payload.participant),
            team: teamName(event.payload.team),
            role: role(event.payload.role),
          });
        case 'debrief.released':
          return t('console.event.debriefReleased');
        case 'settings.changed':
          return t('console.event.settingsChanged');
      }
    },
    [t, language, labels, injects, lobby, session],
  );
}
