/**
 * A rubric's texts in one more language, kept beside the rubric so that the rules (points, flags,
 * legal bases) are written once. Keys are rule ids, situation ids (R01..R38) and rubric versions.
 */
export interface RubricTranslation {
  title: string;
  /** Change notes by rubric version. */
  changelog: Record<string, string>;
  /** Situation names by sketch id (R01..R38). */
  situations: Record<string, string>;
  /** Title and explanation by rule id. */
  rules: Record<string, readonly [title: string, explanation: string]>;
}
