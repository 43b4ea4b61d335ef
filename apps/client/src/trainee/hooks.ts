import { createContext, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DraftStore } from '../lib/traineeDrafts';
import {
  createTraineeSocket,
  TraineeSession,
  type TraineeSessionSnapshot,
  type TraineeSocketFactory,
} from '../lib/traineeSession';
import {
  loadReadMarks,
  localStore,
  saveReadMarks,
  type KeyValueStorage,
  type ReadMarksData,
  type StoredCredential,
} from '../lib/traineeStorage';

/** Which socket the play screen opens; tests provide a fake. */
export const TraineeSocketFactoryContext = createContext<TraineeSocketFactory>(createTraineeSocket);

/** Opens the trainee's session for as long as the component is mounted. */
export function useTraineeSession(
  credential: StoredCredential,
  socketFactory: TraineeSocketFactory,
): { session: TraineeSession; snapshot: TraineeSessionSnapshot } {
  const [session] = useState(() => new TraineeSession({ credential, socketFactory }));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, snapshot };
}

/** A draft kept in sessionStorage: `[value, setValue]`, like useState. */
export function useDraft(drafts: DraftStore, key: string): [string, (value: string) => void] {
  const value = useSyncExternalStore(drafts.subscribe, () => drafts.get(key));
  const set = useCallback((next: string) => drafts.set(key, next), [drafts, key]);
  return [value, set];
}

/** Whether a CSS media query matches (false where matchMedia is missing, e.g. in tests). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () =>
    typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : false,
  );
}

/** What the trainee has read, persisted per session in localStorage. */
export class ReadMarks {
  private data: ReadMarksData;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: string,
    private readonly storage: KeyValueStorage | undefined = localStore(),
  ) {
    this.data = loadReadMarks(session, storage);
  }

  get = (): ReadMarksData => this.data;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  markUpdates(keys: readonly string[]): void {
    const missing = keys.filter((k) => !this.data.updates.includes(k));
    if (missing.length === 0) return;
    // Keep the list bounded: the newest few hundred marks are enough.
    this.save({ ...this.data, updates: [...this.data.updates, ...missing].slice(-500) });
  }

  markChat(seq: number): void {
    if (seq <= this.data.chatSeq) return;
    this.save({ ...this.data, chatSeq: seq });
  }

  private save(data: ReadMarksData): void {
    this.data = data;
    saveReadMarks(this.session, data, this.storage);
    for (const listener of this.listeners) listener();
  }
}

export function useReadMarks(session: string): { marks: ReadMarks; data: ReadMarksData } {
  const [marks] = useState(() => new ReadMarks(session));
  const data = useSyncExternalStore(marks.subscribe, marks.get);
  return { marks, data };
}
