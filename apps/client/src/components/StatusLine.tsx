import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../lib/connection';
import { useConnection } from '../lib/ConnectionProvider';
import { useServerHealth, type FetchLike, type ServerHealth } from '../lib/health';
import { StatusIcon, type StatusTone } from './StatusIcon';
import { useStickyInset } from './useStickyInset';

const connectionTone: Record<ConnectionStatus, StatusTone> = {
  connecting: 'pending',
  connected: 'ok',
  reconnecting: 'warning',
  offline: 'error',
};

const healthTone: Record<ServerHealth['state'], StatusTone> = {
  checking: 'pending',
  ok: 'ok',
  degraded: 'warning',
  unreachable: 'error',
};

export interface StatusLineProps {
  /** For tests; the browser's fetch by default. */
  fetchImpl?: FetchLike;
  healthIntervalMs?: number;
  /**
   * Show the server's health while it is fine ("database ok"). Staff pages do; a trainee learns
   * nothing from it, so elsewhere it appears only when the server is in trouble. Default true.
   */
  showHealth?: boolean;
}

/**
 * The footer status line, one short line: socket connection, server and database health (see
 * `showHealth`), and ping latency. Only the connection and server states are in the live region;
 * the latency changes with every ping and would make a screen reader talk every few seconds. The
 * footer carries the health state as `data-server-health` whether or not it is shown.
 */
export function StatusLine({ fetchImpl, healthIntervalMs, showHealth = true }: StatusLineProps) {
  const { t } = useTranslation();
  const { status, attempt, offlineReason, rttMs, reconnect } = useConnection();
  const { health, refresh } = useServerHealth({
    ...(fetchImpl ? { fetchImpl } : {}),
    ...(healthIntervalMs ? { intervalMs: healthIntervalMs } : {}),
  });

  // A change of connection usually means the server came or went: check its health now rather
  // than at the next poll, so the two halves of the line do not contradict each other for 10 s.
  // (Not on mount: the health hook checks then already.)
  const checkedStatus = useRef(status);
  useEffect(() => {
    if (checkedStatus.current === status) return;
    checkedStatus.current = status;
    refresh();
  }, [status, refresh]);

  let connectionDetail: string | undefined;
  if (status === 'reconnecting' && attempt > 0) connectionDetail = t('status.attempt', { attempt });
  if (status === 'offline' && offlineReason) {
    connectionDetail = t(`status.offlineReason.${offlineReason}`);
  }

  const healthShown = showHealth || health.state === 'degraded' || health.state === 'unreachable';
  const barRef = useStickyInset('bottom');

  return (
    <footer ref={barRef} className="status-bar" data-server-health={health.state}>
      <div className="status-bar__inner">
        <div
          className="status-line"
          role="status"
          aria-live="polite"
          aria-label={t('status.regionLabel')}
        >
          <p className="status-item" data-connection={status}>
            <StatusIcon tone={connectionTone[status]} />
            <span className="status-item__label">{t('status.connection.label')}:</span>{' '}
            <span className="status-item__value">
              {t(`status.connection.${status}`)}
              {connectionDetail ? ` (${connectionDetail})` : null}
            </span>
          </p>
          {healthShown ? (
            <p className="status-item status-item--health" data-health={health.state}>
              <StatusIcon tone={healthTone[health.state]} />
              <span className="status-item__label">{t('status.server.label')}:</span>{' '}
              <span className="status-item__value">{t(`status.server.${health.state}`)}</span>
            </p>
          ) : null}
        </div>
        <p className="status-item status-item--latency" data-rtt={rttMs ?? ''}>
          <svg
            className="status-icon status-icon--pending"
            viewBox="0 0 20 20"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d="M1.5 10h4l2-5 4 10 2-5h5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="status-item__label">{t('status.latency.label')}:</span>{' '}
          <span className="status-item__value">
            {rttMs === null
              ? t('status.latency.unknown')
              : t('status.latency.value', { ms: rttMs })}
          </span>
        </p>
        {status === 'offline' && offlineReason !== 'browser' ? (
          <button type="button" className="button button--small" onClick={reconnect}>
            {t('status.reconnect')}
          </button>
        ) : null}
      </div>
    </footer>
  );
}
