export * from './types';
export * from './registry';
export { RUBRIC_TRANSLATIONS, translateRubric, type RubricTranslation } from './i18n';
export { PATCH_V1_1_0 } from './v1.1.0';
export { PATCH_V2_0_0 } from './v2.0.0';
export { PATCH_V2_1_0 } from './v2.1.0';
export { renderBasis, renderBasisIn } from './render';
export { sourceProblems, sourcesTable } from './sources';
export { rubricForCountry, rubricsByCountry } from './jurisdiction';
