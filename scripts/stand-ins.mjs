/*
 * The local stand-ins for the external systems the portal talks to, in the demo, in the e2e
 * tests and in the production-mode trial: each runs beside the portal on this machine. Every
 * launcher reads this list (scripts/with-stand-ins.mjs for ./scripts/start.sh, `yarn start` and
 * ./scripts/production.sh; playwright*.config.ts for the e2e tests), so a stand-in added here is
 * started everywhere, before the backend (which reads some of them when it starts).
 */

/**
 * @typedef {object} StandIn
 * @property {string} name  short name, also the log file's (e2e-test-logs/<name>.log)
 * @property {string} standsFor  the real system it replaces
 * @property {string} command  shell command, run from the repository root
 * @property {string} readyUrl  answers 2xx once the stand-in is ready
 */

/** @type {StandIn[]} */
export const standIns = [
  {
    name: 'dev-oidc-issuer',
    standsFor: "NKP's Dex: OpenID Connect sign-in with the demo users",
    command: 'yarn workspace @nkp-lifecycle/dev-oidc-issuer start',
    readyUrl: 'http://localhost:7010/.well-known/openid-configuration',
  },
  {
    name: 'dev-kube-apiserver',
    standsFor:
      "the demo NKP management cluster's Kubernetes API (seeded from examples/nkp-demo-fleet/management, token demo-kube-token)",
    command: 'yarn workspace @nkp-lifecycle/dev-kube-apiserver start',
    readyUrl: 'http://localhost:7012/readyz',
  },
];
