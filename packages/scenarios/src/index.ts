/**
 * @crossroads/scenarios: the scenario language, its engine and its analysis. Pure: no I/O.
 * File access lives in '@crossroads/scenarios/node'.
 */
export * from './schema';
export * from './country';
export { parseScenario, validateScenarioData, formatPath } from './parse';
export type { ScenarioError, ParseResult, ParseOptions } from './parse';
export { PROBLEM_CODES, PROBLEM_KINDS, GOT, EXPECTED, WHAT, TEXT, OPTIONAL_TEXT } from './problems';
export type { ProblemCode, ProblemParams, ParamsOf } from './problems';
export { compile } from './compile';
export type { CompiledScenario, CompiledDecision } from './compile';
export { initialState, step, stepDirect, applyEvent, checkEvent, replay } from './engine';
export type {
  StepResult,
  StepOptions,
  ApplyOptions,
  ReplayResult,
  ReplayRejection,
  ReplayOptions,
} from './engine';
export {
  agencyDecisions,
  agencyRequests,
  availableActions,
  decisionActions,
  decisionInputs,
  decisionInputsTakenOnly,
  nextDueTime,
  requestAction,
  requestInputs,
  requestInputsRecordOnly,
} from './actions';
export type { Action } from './actions';
export { knownDecisionFindings, knownLostWitnesses, viewCache, viewFor } from './view';
export {
  eventForTrainee,
  mayKnowEvent,
  mayReadReasons,
  mayTraineeSee,
  needToKnow,
  type ReasonField,
} from './visibility';
export type { Seat, Visibility } from './visibility';
export type {
  LostWitness,
  RoleView,
  ViewDocument,
  ViewEvidence,
  ViewPerson,
  ViewRequest,
  ViewRequestRound,
} from './view';
export { teamStateSchema, stateIdentity, canonicalJson } from './state';
export type * from './state';
export type { LogLine, StepEvent, Emitted, Rejection } from './events';
export { testOf, describeCondition } from './conditions';
export { explainOption, explainRequest, freeFrom, whyOption } from './explain';
export type { Explanation, ResourceWait } from './explain';
export { freeCount, clockText, isFacilitator } from './rules';
export { analyse, prng } from './analysis';
export type {
  AnalysisOptions,
  ScenarioAnalysis,
  PathStep,
  ViewLeak,
  PathStats,
  RouteEndingStats,
  ExplorationFacts,
} from './analysis';
export { phaseRoutes } from './paths';
export type { Hop, RouteStats, PhaseGraphRoutes, RouteOptions } from './paths';
export { scenarioJsonSchema, SCENARIO_SCHEMA_ID } from './json-schema';
export * from './rubric';
export * from './scoring';
export * from './knowledge';
export * from './aar';
