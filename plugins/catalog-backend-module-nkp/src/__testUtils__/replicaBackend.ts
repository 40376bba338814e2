/*
 * One replica of the two-replica test (replicas.integration.test.ts), run as a child process
 * with `--config <file>`, started when its parent says so: the real catalog with this module, the events backend (the event bus
 * across replicas, in PostgreSQL), the notifications backend and the NKP policy backend. A
 * notifications processor tells the parent about every notification the notifications backend
 * is asked to send, before recipients are resolved, so each send is counted exactly once.
 */

import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import eventsPlugin from '@backstage/plugin-events-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { notificationsProcessingExtensionPoint } from '@backstage/plugin-notifications-node';
// A test backend composes plugins, as packages/backend does; nothing else here imports one.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import nkpPlugin from '@nkp-lifecycle/backstage-plugin-nkp-backend';
import { onRequest } from '@nkp-lifecycle/bench';
import { catalogModuleNkp } from '../module';

/** The message a replica sends its parent for every notification it is asked to send. */
export const NOTIFICATION_MESSAGE = 'nkp-replica-notification';
/** The message that starts a replica's backend (its code is loaded before, while it waits). */
export const START_MESSAGE = 'nkp-replica-start';

const notificationRecorder = createBackendModule({
  pluginId: 'notifications',
  moduleId: 'replica-test-recorder',
  register(reg) {
    reg.registerInit({
      deps: { processing: notificationsProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor({
          getName: () => 'replica-test-recorder',
          async processOptions(options) {
            process.send?.({
              type: NOTIFICATION_MESSAGE,
              payload: { scope: options.payload.scope, pid: process.pid },
            });
            return options;
          },
        });
      },
    });
  },
});

if (require.main === module) {
  onRequest(START_MESSAGE, () => {
    const backend = createBackend();
    backend.add(catalogPlugin);
    backend.add(catalogModuleNkp);
    backend.add(eventsPlugin);
    backend.add(notificationsPlugin);
    backend.add(notificationRecorder);
    backend.add(nkpPlugin);
    backend.start();
  });
}
