/**
 * The policy's configuration: one block per rule, each switchable, every number configurable.
 * The backend parses the `nkp.policy` app-config section with `parsePolicyConfig`; an empty or
 * missing section yields the defaults below.
 */
import { z } from 'zod';
import { NKP_CLUSTER_TYPES, NkpClusterType } from '../annotations';

const clusterType = z.enum(
  NKP_CLUSTER_TYPES as [NkpClusterType, ...NkpClusterType[]],
);
const days = z.number().int().min(0);

/**
 * zod schema of the policy configuration, with the defaults.
 *
 * @public
 */
export const policyConfigSchema = z
  .object({
    /**
     * A managed cluster may be at most `maxMinorsBehind` Kubernetes minors behind its management
     * cluster. Default 1: the N-1 coupling the seeds describe ("once the management plane is
     * upgraded, workload clusters are expected to follow").
     */
    managedSkew: z
      .object({
        enabled: z.boolean().default(true),
        maxMinorsBehind: days.default(1),
        clusterTypes: z.array(clusterType).default(['managed']),
      })
      .default({}),
    /**
     * A self-managed cluster may be at most `maxMinorsBehind` NKP minors behind the newest
     * released NKP minor (counted in NKP releases, so 2.8 → 2.12 is one step).
     *
     * Default 3, the product contract (PRODUCT.md, issue 4, seed 001: "up to three versions behind
     * while still staying under support"), so that a tenant three minors behind is compliant.
     * Nutanix's official policy is N-2 (nkp-domain.md §2.2: the newest minor and the two before it
     * are supported), which is `maxMinorsBehind: 2`; set that to follow the vendor strictly.
     * Management clusters run their own NKP lifecycle too, so they are in scope by default.
     * Where an NKP minor has a known end-of-life date (NKP `Release` object or app-config), that
     * date also ends support, with `warningDays` of notice.
     */
    selfManagedWindow: z
      .object({
        enabled: z.boolean().default(true),
        maxMinorsBehind: days.default(3),
        warningDays: days.default(90),
        clusterTypes: z
          .array(clusterType)
          .default(['self-managed', 'management']),
      })
      .default({}),
    /**
     * A Kubernetes minor past its upstream end of life is unsupported; `warningDays` before that
     * it is `upgrade-due`. `endOfSupport` picks which upstream date counts.
     * With `respectNkpSupport`, a cluster whose NKP release ships its Kubernetes minor and is still
     * supported by NKP keeps NKP's support after upstream's ends (NKP backports for its releases):
     * the finding stays compliant and names both dates.
     */
    upstreamEol: z
      .object({
        enabled: z.boolean().default(true),
        warningDays: days.default(90),
        endOfSupport: z
          .enum(['end-of-life', 'end-of-standard-support'])
          .default('end-of-life'),
        respectNkpSupport: z.boolean().default(true),
      })
      .default({}),
    /**
     * An upgrade plan gives every affected cluster a deadline = announcement + `windowDays`
     * (unless the plan sets its own window), reminders `reminderOffsetsDays` before it, and
     * `graceDays` of `overdue` after it before support is lost. Default window 90 days: about one
     * Kubernetes release cycle (~4 months) minus time to roll out. Default grace 0: the seeds'
     * contract is that failing to upgrade inside the window means loss of support.
     */
    upgradePlans: z
      .object({
        enabled: z.boolean().default(true),
        windowDays: days.min(1).default(90),
        reminderOffsetsDays: z.array(days.min(1)).default([30, 14, 7, 1]),
        graceDays: days.default(0),
      })
      .default({}),
    /**
     * Exceptions last at most `maxDays` from approval; a longer one ends at the cap and is flagged.
     * Default 90 days: exceptions must be "never permanent", and one window's length is enough to
     * finish an upgrade a vendor is late to certify.
     */
    exceptions: z
      .object({
        enabled: z.boolean().default(true),
        maxDays: days.min(1).default(90),
      })
      .default({}),
  })
  .default({});

/**
 * The policy configuration after defaults are applied.
 *
 * @public
 */
export type PolicyConfig = z.output<typeof policyConfigSchema>;

/**
 * The policy configuration as written in app-config: every key optional.
 *
 * @public
 */
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;

/**
 * Validates a policy configuration and fills in the defaults. Throws a `ZodError` that names the
 * offending key; the backend turns it into a startup error.
 *
 * @public
 */
export function parsePolicyConfig(input: unknown): PolicyConfig {
  return policyConfigSchema.parse(input ?? {});
}

/**
 * The defaults, for documentation and tests.
 *
 * @public
 */
export const DEFAULT_POLICY_CONFIG: PolicyConfig = parsePolicyConfig({});
