export type StatusTone = 'ok' | 'pending' | 'warning' | 'error';

/**
 * A small shape that repeats what the text says, so colour is never the only signal:
 * ok = filled circle with a tick, pending = open dashed ring, warning = triangle with "!",
 * error = square with a cross.
 */
export function StatusIcon({ tone }: { tone: StatusTone }) {
  return (
    <svg
      className={`status-icon status-icon--${tone}`}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      {tone === 'ok' && (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path
            d="M5.5 10.5l3 3 6-7"
            fill="none"
            stroke="var(--color-on-status)"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      )}
      {tone === 'pending' && (
        <circle
          className="status-icon__ring"
          cx="10"
          cy="10"
          r="7.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeDasharray="4 3"
        />
      )}
      {tone === 'warning' && (
        <>
          <path d="M10 1.5L19 18H1z" fill="currentColor" />
          <path
            d="M10 7v5"
            stroke="var(--color-on-status)"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
          <circle cx="10" cy="15" r="1.3" fill="var(--color-on-status)" />
        </>
      )}
      {tone === 'error' && (
        <>
          <rect x="1.5" y="1.5" width="17" height="17" rx="2" fill="currentColor" />
          <path
            d="M6.5 6.5l7 7M13.5 6.5l-7 7"
            stroke="var(--color-on-status)"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
        </>
      )}
    </svg>
  );
}
