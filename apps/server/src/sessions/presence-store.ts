import type { Presence, PresenceChange } from './ports';
import type { SessionStore } from './session-store';

/** Presence in the database: the session store's batched writes (participant row + presence log). */
export class SqlPresence implements Presence {
  constructor(private readonly store: SessionStore) {}

  record(change: PresenceChange): void {
    this.store.queuePresence({
      id: change.participantId,
      presence: change.presence,
      at: change.at,
    });
  }

  flush(): Promise<void> {
    return this.store.flushPresence();
  }
}

/** Presence kept in an array, for unit tests: what a host recorded, in order. */
export class MemoryPresence implements Presence {
  readonly changes: PresenceChange[] = [];

  record(change: PresenceChange): void {
    this.changes.push(change);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
