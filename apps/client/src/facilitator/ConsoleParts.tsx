import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type Presence,
  type RejectedAck,
  type SessionPausedPayload,
  type SessionStatus,
  type TeamRef,
} from '@crossroads/shared';
import { InLanguage } from '../components/InLanguage';
import { hasPauseText, pauseParts, pauseText } from '../components/PauseReason';
import { StatusIcon, type StatusTone } from '../components/StatusIcon';
import { useContentLanguages } from '../lib/contentText';
import type { CommandLabel, CommandLabelValue, CommandRecord } from '../lib/facilitatorSocket';
import { staffRefusals } from './refusals';
import { interpolate, Marked, useScenarioText, type Part } from './consoleText';
import type { ConsoleConnection, SendCommand } from './useSessionConsole';

/**
 * A refusal's words for a reader of the console's language: the staff headline of its code, then
 * the server's words in that language when it sent them, else its English message where that says
 * more than the headline (which team, request or participant), marked as English (see
 * facilitator/refusals.ts for which codes keep it). The detail goes after the translated sentence
 * rather than into it, to carry its own `lang`; the headline ends that sentence in every language.
 */
function useRefusalWords(): (ack: RejectedAck) => { headline: string; detail: ReactNode } {
  const { t, i18n } = useTranslation();
  const languages = useContentLanguages();
  return (ack) => {
    const detail = staffRefusals.refusalDetail(t, i18n.resolvedLanguage, languages, ack);
    return {
      headline: staffRefusals.headline(t, ack.code),
      detail:
        detail === null ? null : (
          <>
            {' '}
            <InLanguage lang={detail.lang}>{detail.text}</InLanguage>
          </>
        ),
    };
  };
}

const statusTone: Record<SessionStatus, StatusTone> = {
  lobby: 'pending',
  running: 'ok',
  paused: 'warning',
  // Ended is finished, not failed: a tick, in the brand colour (see .fac-status--ended).
  ended: 'ok',
};

/** Session status as icon + word (colour repeats it, never carries it alone). */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`fac-status fac-status--${status}`} data-status={status}>
      <StatusIcon tone={statusTone[status]} />
      {t(`console.status.${status}`)}
    </span>
  );
}

/** Presence: filled dot (online), half-filled dot (away), hollow square with a cross (left). */
export function PresenceIcon({ presence }: { presence: Presence }) {
  return (
    <svg
      className={`fac-presence fac-presence--${presence}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {presence === 'online' && <circle cx="8" cy="8" r="6.5" fill="currentColor" />}
      {presence === 'away' && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
        </>
      )}
      {presence === 'left' && (
        <>
          <rect
            x="2"
            y="2"
            width="12"
            height="12"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path d="M5 5l6 6M11 5l-6 6" stroke="currentColor" strokeWidth="2" />
        </>
      )}
    </svg>
  );
}

export function PresenceLabel({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  return (
    <span className="fac-presence-label" data-presence={presence}>
      <PresenceIcon presence={presence} />
      {t(`console.presence.${presence}`)}
    </span>
  );
}

const connectionTone: Record<ConsoleConnection['status'], StatusTone> = {
  connecting: 'pending',
  connected: 'ok',
  reconnecting: 'warning',
  refused: 'error',
};

/** The console socket's state; commands are disabled unless it says connected. */
export function ConnectionBadge({ connection }: { connection: ConsoleConnection }) {
  const { t } = useTranslation();
  return (
    <span className="fac-connection" data-console-connection={connection.status}>
      <StatusIcon tone={connectionTone[connection.status]} />
      {t(`console.connection.${connection.status}`)}
    </span>
  );
}

/**
 * A command's label in the console's language now: its UI texts translated and its scenario texts
 * picked as it is shown, so a change of language changes the older lines too.
 */
export function useCommandLabel(): (label: CommandLabel) => Part[] {
  const { t } = useTranslation();
  const pick = useScenarioText();
  const value = (v: CommandLabelValue): string | number | Part[] => {
    if (typeof v === 'string' || typeof v === 'number') return v;
    if ('scenario' in v) return [pick(v.scenario)];
    return words(v);
  };
  const words = (label: CommandLabel): Part[] =>
    interpolate(
      (values) => t(label.key, values),
      Object.fromEntries(Object.entries(label.values ?? {}).map(([k, v]) => [k, value(v)])),
    );
  return words;
}

/** A command's team in its label: a team's name as typed, or "All teams" in the reader's language. */
export function teamLabel(teams: readonly TeamRef[], chosen: string): CommandLabelValue {
  if (chosen === 'all') return { key: 'console.allTeams' };
  return teams.find((x) => x.id === chosen)?.name ?? chosen;
}

/** Text of a command's state: sending, waiting to resend, accepted, or why it was refused. */
export function useCommandText(): (record: CommandRecord) => ReactNode {
  const { t } = useTranslation();
  const refusalWords = useRefusalWords();
  const labelWords = useCommandLabel();
  return (record) => {
    const label = record.label ? labelWords(record.label) : [record.name];
    const line = (format: (values: Record<string, string | number>) => string) => (
      <Marked value={interpolate(format, { label })} />
    );
    switch (record.phase) {
      case 'sending':
        return record.attempts > 1
          ? line((v) => t('console.command.resending', { ...v, attempt: record.attempts }))
          : line((v) => t('console.command.sending', v));
      case 'waiting':
        return line((v) => t('console.command.waiting', v));
      case 'accepted':
        return record.ack?.status === 'accepted' && record.ack.duplicate
          ? line((v) => t('console.command.duplicate', v))
          : line((v) => t('console.command.accepted', v));
      case 'rejected': {
        if (record.ack?.status !== 'rejected') {
          return line((v) => t('console.command.rejected', { ...v, message: '' }));
        }
        const { headline, detail } = refusalWords(record.ack);
        return (
          <>
            {line((v) => t('console.command.rejected', { ...v, message: headline }))}
            {detail}
          </>
        );
      }
    }
  };
}

const phaseTone: Record<CommandRecord['phase'], StatusTone> = {
  sending: 'pending',
  waiting: 'warning',
  accepted: 'ok',
  rejected: 'error',
};

export function CommandLine({ record }: { record: CommandRecord }) {
  const text = useCommandText()(record);
  return (
    <p className={`fac-command fac-command--${record.phase}`} data-command-phase={record.phase}>
      <StatusIcon tone={phaseTone[record.phase]} />
      <span>{text}</span>
    </p>
  );
}

/** The latest commands and their acks, announced politely as they change. */
export function CommandLog({ commands }: { commands: CommandRecord[] }) {
  const { t } = useTranslation();
  const visible = commands.filter((c) => c.label !== null).slice(0, 3);
  return (
    <div
      className="fac-command-log"
      role="status"
      aria-live="polite"
      aria-label={t('console.command.log')}
    >
      {visible.map((record) => (
        <CommandLine key={record.commandId} record={record} />
      ))}
    </div>
  );
}

/**
 * Runs one kind of command from a form and remembers its ack, so the form can show the answer
 * next to its button and clear itself on success.
 */
export function useCommand(send: SendCommand) {
  const [busy, setBusy] = useState(false);
  const [ack, setAck] = useState<CommandAck | null>(null);
  const run = useCallback(
    async <N extends CommandName>(
      name: N,
      body: Omit<CommandPayload<N>, 'commandId'>,
      label: CommandLabel,
    ): Promise<CommandAck> => {
      setBusy(true);
      setAck(null);
      const result = await send(name, body, label);
      setAck(result);
      setBusy(false);
      return result;
    },
    [send],
  );
  return { run, busy, ack, clear: () => setAck(null) };
}

/**
 * Props of a button that sends a command: disabled while the console cannot send, but only marked
 * (aria-disabled, styled like disabled) while a command is in flight, as a focused button that
 * becomes disabled drops keyboard focus on <body>. Its click handler must ignore presses while
 * `busy`.
 */
export function commandButton(canSend: boolean, busy: boolean) {
  return { disabled: !canSend, 'aria-disabled': busy || undefined };
}

/** The ack of a form's last command, shown under its button. */
export function AckMessage({ ack }: { ack: CommandAck | null }) {
  const { t } = useTranslation();
  const refusalWords = useRefusalWords();
  if (!ack) return null;
  if (ack.status === 'accepted') {
    return (
      <p className="fac-ack fac-ack--ok" role="status">
        <StatusIcon tone="ok" />
        {ack.duplicate ? t('console.ack.duplicate') : t('console.ack.accepted')}
      </p>
    );
  }
  const { headline, detail } = refusalWords(ack);
  return (
    <p className="fac-ack fac-ack--error" role="alert" data-code={ack.code}>
      <StatusIcon tone="error" />
      {t('console.ack.rejected', { message: headline })}
      {detail}
    </p>
  );
}

/**
 * "Paused: …" on the console and the projector: the kind of pause in the page's language, the
 * facilitator's note marked with the language it was written in (see PauseReason).
 */
export function PausedLine({
  pause,
  language,
}: {
  pause: SessionPausedPayload | null;
  /** The session's language (what older logs' reason texts were written in). */
  language: string;
}) {
  const { t } = useTranslation();
  const text = pause
    ? pauseText(pause, t, LANGUAGES.find((l) => l === language) ?? 'en')
    : { kind: null, free: null };
  if (!hasPauseText(text)) return <>{t('console.pausedBannerNoReason')}</>;
  return (
    <Marked
      value={interpolate((v) => t('console.pausedBanner', v), { reason: pauseParts(text) })}
    />
  );
}
