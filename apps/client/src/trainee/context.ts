import { createContext, useContext } from 'react';
import type { Text } from '@crossroads/shared';
import type { TraineeSession, TraineeSessionSnapshot } from '../lib/traineeSession';
import type { StoredCredential } from '../lib/traineeStorage';
import type { ReadMarks } from './hooks';
import type { ReadMarksData } from '../lib/traineeStorage';

/** What every panel of the play screen needs. */
export interface PlayContextValue {
  session: TraineeSession;
  snapshot: TraineeSessionSnapshot;
  credential: StoredCredential;
  marks: ReadMarks;
  read: ReadMarksData;
  /** An agency's name from the session's agency list (its id when unknown). */
  agencyName: (id: string | null) => Text;
  /** Its short name (the scenario's `shortName`, else its name), for rows that repeat it. */
  agencyShortName: (id: string | null) => Text;
  /** A team member's display name (empty when unknown). */
  memberName: (participant: string | null) => string;
  /** Actions are impossible (session or scenario ended): forms are shown read-only. */
  finished: boolean;
}

export const PlayContext = createContext<PlayContextValue | null>(null);

export function usePlay(): PlayContextValue {
  const value = useContext(PlayContext);
  if (!value) throw new Error('usePlay must be used inside the play screen');
  return value;
}
