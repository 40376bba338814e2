/**
 * The lifecycle policy engine: pure functions over plain data. The backend, the API and the CLI
 * feed it cluster facts, the release calendar, the policy config, upgrade plans, exceptions and
 * `now`, and get per-cluster results and roll-ups back.
 */
export * from './calendar';
export type { PolicyState } from './state';
export { POLICY_STATES, stateRank, worseState } from './state';
export type {
  PolicyRuleId,
  PolicyFinding,
  TargetVersion,
  Reminder,
  AppliedException,
  PlatformStep,
} from './types';
export { POLICY_RULE_IDS } from './types';
export type { PolicyConfig, PolicyConfigInput } from './config';
export {
  policyConfigSchema,
  parsePolicyConfig,
  DEFAULT_POLICY_CONFIG,
} from './config';
export type {
  UpgradePlan,
  UpgradePlanScope,
  UpgradePlanRequirement,
} from './plans';
export {
  upgradePlanSchema,
  planRequirement,
  UPGRADE_PLAN_REQUIREMENTS,
  MAX_ANNOUNCEMENT_AGE_DAYS,
} from './plans';
export type { PolicyException, PolicyExceptionStatus } from './exceptions';
export { policyExceptionSchema } from './exceptions';
export type { PolicySettings, PolicySettingsInput } from './settings';
export {
  PolicyInputError,
  parsePolicyInput,
  parsePolicySettings,
} from './settings';
export type { UpgradeStep } from './upgradePath';
export type { PlanPlatformStep } from './planProgress';
export type { PolicyRollup, TenantRollup } from './rollups';
export type {
  EvaluateFleetInput,
  ClusterEvaluation,
  UpgradePlanEvaluation,
  FleetEvaluation,
} from './evaluate';
export { evaluateFleet } from './evaluate';
export { versionSortKey } from './minor';
export { addDays, daysBetween, isIsoDay, utcDay } from './days';
