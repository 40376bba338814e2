/**
 * The rules, in the order their findings are reported.
 */
import { PolicyRule } from './context';
import { managedSkewRule } from './managedSkew';
import { selfManagedWindowRule } from './selfManagedWindow';
import { upstreamEolRule } from './upstreamEol';
import { upgradePlanRule } from './upgradePlans';

export type { PolicyRule, PolicyRuleFn, RuleContext } from './context';
export {
  managedSkewRule,
  selfManagedWindowRule,
  upstreamEolRule,
  upgradePlanRule,
};

export const POLICY_RULES: readonly PolicyRule[] = [
  managedSkewRule,
  selfManagedWindowRule,
  upstreamEolRule,
  upgradePlanRule,
];
