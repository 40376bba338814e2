export interface Config {
  nkp?: {
    /**
     * Who may do what in NKP Lifecycle: the roles of the permission policy
     * (`@nkp-lifecycle/backstage-plugin-permission-backend-module-nkp`). Each list holds entity
     * references of groups (or users), e.g. `group:default/platform-team`; a person has a role
     * when one of their ownership references (themselves and the groups they are a member of)
     * is listed. Everyone else is a tenant: they read the clusters their groups own, and the
     * plans and exceptions that concern those clusters, and request exceptions for them.
     */
    access?: {
      /**
       * The platform team: every NKP permission (the whole fleet, plans, approving exceptions,
       * the audit log), and the catalog writes that would let someone inject entities
       * (registering and deleting locations, creating and deleting entities). Default: nobody,
       * with a warning at start-up.
       */
      platformTeam?: string[];
      /**
       * Besides the platform team, who may approve, reject and revoke exceptions (e.g. a change
       * advisory board); they read the whole fleet. Default: none.
       */
      exceptionApprovers?: string[];
      /**
       * Besides the platform team, who may announce, change and cancel upgrade plans; they
       * read the whole fleet. Default: none.
       */
      planManagers?: string[];
      /**
       * Besides the platform team, who may deliver a requested cluster by a direct server-side
       * apply to its management cluster (`nkp.cluster.apply`) instead of a GitOps pull request.
       * Default: none.
       */
      clusterAppliers?: string[];
    };
  };
}
