import { removeKey, readString, sessionStore, storageKeys, writeString } from './traineeStorage';
import type { KeyValueStorage } from './traineeStorage';

/** Draft names: one per form, so nothing typed is lost on a drop or a reload. */
export const draftKeys = {
  rationale: (decision: string) => `decision.${decision}.rationale`,
  option: (decision: string) => `decision.${decision}.option`,
  confidence: (decision: string) => `decision.${decision}.confidence`,
  chat: () => 'chat',
  answer: (instance: string) => `answer.${instance}.reason`,
  justification: (request: string) => `request.${request}.justification`,
};

/** Every draft of one decision form (cleared together once the decision is accepted). */
export function decisionDraftKeys(decision: string): string[] {
  return [
    draftKeys.rationale(decision),
    draftKeys.option(decision),
    draftKeys.confidence(decision),
  ];
}

/**
 * The drafts of one session, kept in sessionStorage (this tab, survives a reload) and in memory
 * (so they work with storage blocked). Components read them through `useDraft`, which re-renders
 * when a draft is changed elsewhere (for example cleared after an accepted command).
 */
export class DraftStore {
  private readonly memory = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly session: string,
    private readonly storage: KeyValueStorage | undefined = sessionStore(),
  ) {}

  get(key: string): string {
    const cached = this.memory.get(key);
    if (cached !== undefined) return cached;
    const stored = readString(this.storage, storageKeys.draft(this.session, key)) ?? '';
    this.memory.set(key, stored);
    return stored;
  }

  set(key: string, value: string): void {
    if (this.get(key) === value) return;
    this.memory.set(key, value);
    if (value === '') removeKey(this.storage, storageKeys.draft(this.session, key));
    else writeString(this.storage, storageKeys.draft(this.session, key), value);
    this.notify();
  }

  clear(keys: readonly string[]): void {
    for (const key of keys) this.set(key, '');
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
