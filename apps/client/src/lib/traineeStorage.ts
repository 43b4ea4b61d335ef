import { LANGUAGES, type JsonValue, type Language, type Text } from '@crossroads/shared';

/**
 * Everything the trainee side keeps in the browser:
 * - localStorage (survives closing the tab): the participant credential per session, which
 *   briefing was acknowledged, which updates were read, the last display name;
 * - sessionStorage (this tab, survives a reload): drafts (rationales, chat, answers) and the
 *   outbox of commands that have not been acknowledged yet.
 * Storage may be missing or throw (private mode, quota, blocked): every access is guarded, and
 * the app then works for this page load only.
 */

/** The parts of `Storage` we use. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> &
  Partial<Pick<Storage, 'key' | 'length'>>;

const PREFIX = 'crossroads.trainee';

export const storageKeys = {
  credential: (session: string) => `${PREFIX}.credential.${session}`,
  briefing: (session: string) => `${PREFIX}.briefing.${session}`,
  read: (session: string) => `${PREFIX}.read.${session}`,
  displayName: () => `${PREFIX}.displayName`,
  draft: (session: string, key: string) => `${PREFIX}.draft.${session}.${key}`,
  outbox: (session: string) => `${PREFIX}.outbox.${session}`,
};

function browserStorage(kind: 'localStorage' | 'sessionStorage'): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[kind];
  } catch {
    return undefined;
  }
}

export function localStore(): KeyValueStorage | undefined {
  return browserStorage('localStorage');
}

export function sessionStore(): KeyValueStorage | undefined {
  return browserStorage('sessionStorage');
}

export function readString(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeString(storage: KeyValueStorage | undefined, key: string, value: string) {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or blocked: the value lasts for this page load only.
  }
}

export function removeKey(storage: KeyValueStorage | undefined, key: string) {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked storage holds nothing to remove.
  }
}

export function readJson(storage: KeyValueStorage | undefined, key: string): unknown {
  const raw = readString(storage, key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function writeJson(storage: KeyValueStorage | undefined, key: string, value: JsonValue) {
  writeString(storage, key, JSON.stringify(value));
}

/** Every key in a storage that starts with `prefix`. */
export function keysWithPrefix(storage: KeyValueStorage | undefined, prefix: string): string[] {
  const keys: string[] = [];
  try {
    const length = storage?.length ?? 0;
    for (let i = 0; i < length; i += 1) {
      const key = storage?.key?.(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // Nothing listable.
  }
  return keys;
}

// ---- credentials ------------------------------------------------------------------------------

/** What a trainee needs to get back into a session after a drop, a reload or a closed tab. */
export interface StoredCredential {
  session: string;
  token: string;
  participant: string;
  displayName: string;
  joinCode: string;
  title: Text;
  contentWarnings: Text[];
  language: Language;
  joinedAt: string;
}

const isText = (value: unknown): value is Text =>
  typeof value === 'string' ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { en?: unknown }).en === 'string');

function parseCredential(value: unknown): StoredCredential | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const strings = ['session', 'token', 'participant', 'displayName', 'joinCode', 'joinedAt'];
  if (!strings.every((k) => typeof c[k] === 'string')) return undefined;
  if (!isText(c.title)) return undefined;
  const warnings = Array.isArray(c.contentWarnings) ? c.contentWarnings.filter(isText) : [];
  return {
    session: c.session as string,
    token: c.token as string,
    participant: c.participant as string,
    displayName: c.displayName as string,
    joinCode: c.joinCode as string,
    joinedAt: c.joinedAt as string,
    title: c.title,
    contentWarnings: warnings,
    language: LANGUAGES.find((l) => l === c.language) ?? 'en',
  };
}

export function loadCredential(
  session: string,
  storage: KeyValueStorage | undefined = localStore(),
): StoredCredential | undefined {
  return parseCredential(readJson(storage, storageKeys.credential(session)));
}

export function saveCredential(
  credential: StoredCredential,
  storage: KeyValueStorage | undefined = localStore(),
): void {
  writeJson(
    storage,
    storageKeys.credential(credential.session),
    credential as unknown as JsonValue,
  );
}

export function forgetCredential(
  session: string,
  storage: KeyValueStorage | undefined = localStore(),
): void {
  removeKey(storage, storageKeys.credential(session));
}

/** Sessions this browser has joined, newest first. */
export function listCredentials(
  storage: KeyValueStorage | undefined = localStore(),
): StoredCredential[] {
  return keysWithPrefix(storage, storageKeys.credential(''))
    .flatMap((key) => parseCredential(readJson(storage, key)) ?? [])
    .sort((a, b) => b.joinedAt.localeCompare(a.joinedAt));
}

// ---- small per-session preferences -------------------------------------------------------------

/** The seat (`team:role`) whose briefing the trainee acknowledged in this session. */
export function loadBriefingAck(
  session: string,
  storage: KeyValueStorage | undefined = localStore(),
): string | null {
  return readString(storage, storageKeys.briefing(session));
}

export function saveBriefingAck(
  session: string,
  seat: string,
  storage: KeyValueStorage | undefined = localStore(),
): void {
  writeString(storage, storageKeys.briefing(session), seat);
}

/** What the trainee has read: update keys (`inject:<id>`, `broadcast:<seq>`) and the last chat seq. */
export interface ReadMarksData {
  updates: string[];
  chatSeq: number;
}

export function loadReadMarks(
  session: string,
  storage: KeyValueStorage | undefined = localStore(),
): ReadMarksData {
  const value = readJson(storage, storageKeys.read(session));
  if (typeof value !== 'object' || value === null) return { updates: [], chatSeq: 0 };
  const v = value as { updates?: unknown; chatSeq?: unknown };
  return {
    updates: Array.isArray(v.updates)
      ? v.updates.filter((u): u is string => typeof u === 'string')
      : [],
    chatSeq: typeof v.chatSeq === 'number' ? v.chatSeq : 0,
  };
}

export function saveReadMarks(
  session: string,
  marks: ReadMarksData,
  storage: KeyValueStorage | undefined = localStore(),
): void {
  writeJson(storage, storageKeys.read(session), { updates: marks.updates, chatSeq: marks.chatSeq });
}

export function loadDisplayName(storage: KeyValueStorage | undefined = localStore()): string {
  return readString(storage, storageKeys.displayName()) ?? '';
}

export function saveDisplayName(
  name: string,
  storage: KeyValueStorage | undefined = localStore(),
): void {
  writeString(storage, storageKeys.displayName(), name);
}
