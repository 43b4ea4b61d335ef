import { fromDebriefFile, toDebriefFile, type DebriefContext } from './model';

/*
 * The debrief file a reviewer opened, kept for /debriefs/file: in memory, and in this tab's
 * sessionStorage so a reload still shows it (a large file that does not fit lasts for this page
 * load only).
 */
const KEY = 'crossroads.debrief.file';
let current: DebriefContext | null = null;

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function rememberDebriefFile(context: DebriefContext): void {
  current = context;
  try {
    storage()?.setItem(KEY, toDebriefFile(context));
  } catch {
    // Too large or blocked: kept in memory only.
  }
}

export function recallDebriefFile(): DebriefContext | null {
  if (current) return current;
  try {
    const raw = storage()?.getItem(KEY);
    current = raw ? fromDebriefFile(raw) : null;
  } catch {
    current = null;
  }
  return current;
}
