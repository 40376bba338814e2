/**
 * A development OpenID Connect issuer with static users and clients: the stand-in for NKP's Dex
 * in the demo portal and the e2e tests. Never for production.
 *
 * @packageDocumentation
 */
export { main, demoConfigPath } from './main';
export { startIssuer } from './issuer/startIssuer';
export type { RunningIssuer } from './issuer/startIssuer';
export { parseIssuerConfig, readIssuerConfig } from './config/IssuerConfig';
export type {
  IssuerClient,
  IssuerConfig,
  IssuerUser,
} from './config/IssuerConfig';
export { UserDirectory } from './users/UserDirectory';
export {
  ScriptedBrowser,
  signInWithLoginForm,
} from './testing/ScriptedBrowser';
