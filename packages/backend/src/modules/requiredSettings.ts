/*
 * Settings the portal cannot sign anyone in without, and the environment variable
 * app-config.production.yaml reads each from. They have no default in app-config.yaml (the
 * demo's are in app-config.demo.yaml), so an unset variable leaves the setting missing; this
 * stops the backend at start-up naming the variable, instead of failing at the first sign-in
 * (the session secret) or with a bare config key.
 */
import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';

/** A setting the portal needs, and where production takes it from. */
export interface RequiredSetting {
  key: string;
  variable: string;
}

/** The sign-in settings, for the configured auth environment. */
export function requiredSettings(config: RootConfigService): RequiredSetting[] {
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const oidc = `auth.providers.oidc.${environment}`;
  return [
    { key: 'auth.session.secret', variable: 'AUTH_SESSION_SECRET' },
    { key: `${oidc}.metadataUrl`, variable: 'OIDC_METADATA_URL' },
    { key: `${oidc}.clientId`, variable: 'OIDC_CLIENT_ID' },
    { key: `${oidc}.clientSecret`, variable: 'OIDC_CLIENT_SECRET' },
  ];
}

/** The settings that are missing, as one message; undefined when none is. */
export function missingSettingsMessage(
  config: RootConfigService,
): string | undefined {
  // An empty variable is as good as none.
  const missing = requiredSettings(config).filter(({ key }) => {
    const value = config.getOptional(key);
    return typeof value !== 'string' || value.trim() === '';
  });
  if (missing.length === 0) {
    return undefined;
  }
  return `Sign-in is not configured: ${missing
    .map(({ key, variable }) => `${key} (set ${variable})`)
    .join(
      ', ',
    )}. app-config.production.yaml reads each from that environment variable; the demo has them in app-config.demo.yaml.`;
}

/** Refuses to start the auth plugin without its settings. */
export const authModuleRequiredSettings = createBackendModule({
  pluginId: 'auth',
  moduleId: 'nkp-required-settings',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        const message = missingSettingsMessage(config);
        if (message) {
          throw new Error(message);
        }
      },
    });
  },
});
