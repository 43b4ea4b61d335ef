import type { RubricPatch } from './types';

/**
 * Version 1.1.0 changes one rule's weight: a certified, neutral interpreter counts for more on the evidence axis,
 * because contested interpretation is the most common ground on which defence lawyers get migrant statements
 * excluded. Kept as a patch so the difference is visible to trainers.
 */
export const PATCH_V1_1_0: RubricPatch = {
  version: '1.1.0',
  note: {
    en: 'RIGHTS.INTERPRETER.NEUTRAL: evidence +1 → +2 (a certified, neutral interpreter protects the statement at trial).',
    'sr-Latn':
      'RIGHTS.INTERPRETER.NEUTRAL: dokazi +1 → +2 (ovlašćeni, nepristrasni tumač štiti iskaz na suđenju).',
  },
  change: [{ id: 'RIGHTS.INTERPRETER.NEUTRAL', points: { evidence: 2, rights: 1 } }],
};
