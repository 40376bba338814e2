/*
 * The NKP Lifecycle portal backend: standard Backstage plugins plus the NKP Lifecycle suite.
 */

import { createBackend } from '@backstage/backend-defaults';
import { authModuleRequiredSettings } from './modules/requiredSettings';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: OpenID Connect sign-in, against NKP's Dex in production and the development issuer in
// the demo (app-config.production.yaml, app-config.demo.yaml); users resolve to catalog users.
// Without its settings (an unset variable in production) the backend stops, naming it.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
backend.add(authModuleRequiredSettings);

// catalog, with the NKP entity provider
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@nkp-lifecycle/backstage-plugin-catalog-backend-module-nkp'),
);

// scaffolder, with the NKP cluster actions and the publish actions the golden path's GitOps
// delivery uses (publish:github:pull-request, publish:gitlab:merge-request)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import('@nkp-lifecycle/backstage-plugin-scaffolder-backend-module-nkp'),
);

// permissions: the NKP Lifecycle policy (nkp.access): the platform team may do everything,
// tenants read the clusters their groups own; other plugins' permissions are allowed as before
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@nkp-lifecycle/backstage-plugin-permission-backend-module-nkp'),
);

// search
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// kubernetes: reads the clusters the NKP provider puts in the catalog
backend.add(import('@backstage/plugin-kubernetes-backend'));

// events: a bus across backend instances, so the NKP catalog module's change events reach every
// replica's policy backend (and the notifications/signals plugins stop warning)
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// NKP Lifecycle: fleet policy API
backend.add(import('@nkp-lifecycle/backstage-plugin-nkp-backend'));

backend.start();
