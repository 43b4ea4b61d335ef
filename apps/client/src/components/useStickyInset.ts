import { useCallback, useEffect, useState } from 'react';

type Edge = 'top' | 'bottom';

/** The bars on screen now, per edge, with their heights. */
const bars: Record<Edge, Map<HTMLElement, number>> = { top: new Map(), bottom: new Map() };

function publish(edge: Edge): void {
  const tallest = Math.max(0, ...bars[edge].values());
  const root = document.documentElement;
  if (tallest > 0) root.style.setProperty(`--sticky-${edge}`, `${tallest}px`);
  else root.style.removeProperty(`--sticky-${edge}`);
}

/**
 * For a bar that stays on screen while the page scrolls (the status bar at the foot, the trainee's
 * bar at the top): keeps `--sticky-top` or `--sticky-bottom` on <html> at its height while it is
 * shown. styles.css turns them into scroll padding, so the browser scrolls a control reached with
 * Tab, a link's target or a find-in-page match clear of the bar instead of under it. Returns the
 * ref to put on the bar (a callback, so a bar that comes and goes with the layout is followed).
 */
export function useStickyInset(edge: Edge): (element: HTMLElement | null) => void {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!element) return;
    const measure = () => {
      bars[edge].set(element, Math.ceil(element.getBoundingClientRect().height));
      publish(edge);
    };
    measure();
    // jsdom has no ResizeObserver: the first height is kept.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      bars[edge].delete(element);
      publish(edge);
    };
  }, [element, edge]);
  return useCallback((next: HTMLElement | null) => setElement(next), []);
}
