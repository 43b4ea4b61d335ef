import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LogEvent } from '@crossroads/shared';
import { hasPauseText, pauseParts, pauseText } from '../components/PauseReason';
import { pickText } from '../lib/contentText';
import { allParticipants, type ConsoleState } from './consoleState';
import { interpolate, pickAgency, type Part, type Picked } from './consoleText';
import { formatScenarioTime } from './format';

/**
 * One timeline line for an event, in the UI language, with scenario content picked in the reading
 * order `languages` (see useContentLanguages), as parts so each scenario text keeps its language.
 */
export function useDescribeEvent(
  state: ConsoleState,
  languages: readonly Language[],
): (event: LogEvent) => Part[] {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage;
  const { labels, injects, lobby, session } = state;

  return useCallback(
    (event: LogEvent): Part[] => {
      const agencies = session?.agencies ?? [];
      const role = (id: string | null): Picked | string =>
        id ? pickAgency(agencies, id, languages, true) : '';
      const label = (key: string, fallback: string): Picked | string => {
        const text = labels[key];
        return text === undefined ? fallback : pickText(text, languages);
      };

      const personName = (id: string | null) =>
        allParticipants(lobby).find((p) => p.id === id)?.displayName ?? t('console.event.someone');
      const teamName = (id: string | null) =>
        session?.teams.find((team) => team.id === id)?.name ?? id ?? '';

      switch (event.type) {
        case 'session.started':
          return [t('console.event.sessionStarted')];
        case 'session.paused': {
          const pause = pauseText(event.payload, t, session?.settings.language ?? 'en');
          return hasPauseText(pause)
            ? interpolate((v) => t('console.event.sessionPausedReason', v), {
                reason: pauseParts(pause),
              })
            : [t('console.event.sessionPaused')];
        }
        case 'session.resumed':
          return [t('console.event.sessionResumed')];
        case 'session.ended':
          return [t('console.event.sessionEnded')];
        case 'decision.made': {
          const { decision, option, rationale } = event.payload;
          const text = interpolate((v) => t('console.event.decisionMade', v), {
            role: role(event.role),
            decision: label(`decision:${decision}`, decision),
            option: label(`option:${decision}:${option}`, option),
          });
          return rationale ? [...text, ` — ${t('console.event.rationale', { rationale })}`] : text;
        }
        case 'joint.signed': {
          const { decision, option } = event.payload;
          return interpolate((v) => t('console.event.jointSigned', v), {
            role: role(event.role),
            decision: label(`decision:${decision}`, decision),
            option: label(`option:${decision}:${option}`, option),
          });
        }
        case 'request.sent':
          return interpolate((v) => t('console.event.requestSent', v), {
            role: role(event.role),
            request: label(`request:${event.payload.request}`, event.payload.request),
          });
        case 'request.answered': {
          const values = {
            role: role(event.role),
            request: label(`request:${event.payload.request}`, event.payload.request),
          };
          const base = event.payload.granted
            ? interpolate((v) => t('console.event.requestGranted', v), values)
            : interpolate((v) => t('console.event.requestRefused', v), values);
          return event.payload.reason ? [...base, ` — ${event.payload.reason}`] : base;
        }
        case 'inject.released': {
          const inject = injects.find((i) => i.id === event.payload.inject);
          return interpolate((v) => t('console.event.injectReleased', v), {
            inject: inject ? pickText(inject.title, languages) : event.payload.inject,
          });
        }
        case 'clock.ticked':
          return [
            t('console.event.clockTicked', {
              time: formatScenarioTime(t, event.payload.minutes, uiLanguage, { sign: false }),
            }),
          ];
        case 'chat.message':
          return [
            t('console.event.chat', {
              name: personName(event.participant),
              text: event.payload.text,
            }),
          ];
        case 'broadcast.sent': {
          // The message as written, with the language it was written in (an older log's: the
          // session's), so the line marks it.
          const written = event.payload.lang ?? session?.settings.language ?? 'en';
          return interpolate((v) => t('console.event.broadcast', v), {
            message: { text: event.payload.message, lang: written },
          });
        }
        case 'note.pinned':
          return [t('console.event.note', { text: event.payload.text })];
        case 'participant.joined':
          return interpolate((v) => t('console.event.joined', v), {
            name: event.payload.displayName,
            role: event.payload.role ? role(event.payload.role) : t('console.people.noRole'),
          });
        case 'participant.moved':
          return interpolate((v) => t('console.event.moved', v), {
            name: personName(event.payload.participant),
            team: teamName(event.payload.team),
            role: role(event.payload.role),
          });
        case 'debrief.released':
          return [t('console.event.debriefReleased')];
        case 'settings.changed':
          return [t('console.event.settingsChanged')];
      }
    },
    [t, uiLanguage, languages, labels, injects, lobby, session],
  );
}
