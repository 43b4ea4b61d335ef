import type { ReactNode } from 'react';

/**
 * A wide table's scroll box, focusable so it scrolls from the keyboard, and a named region so a
 * screen reader says what that focus stop is. Name it by the visible heading or caption
 * (`labelledBy`), and leave that heading's section unnamed: two landmarks with one name (the
 * section and its scroll box) read as two places where there is one.
 */
export function ScrollRegion({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy === undefined ? label : undefined}
    >
      {children}
    </div>
  );
}
