/** The Crossroads mark: two roads crossing inside a rounded square. Decorative. */
export function Logo() {
  return (
    <svg
      className="logo"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="1" y="1" width="30" height="30" rx="7" fill="currentColor" opacity="0.16" />
      <path
        d="M8 25L24 7M8 7l16 18"
        fill="none"
        stroke="currentColor"
        strokeWidth="3.2"
        strokeLinecap="round"
      />
      <circle cx="16" cy="16" r="3.6" fill="var(--color-accent-bright)" />
    </svg>
  );
}
