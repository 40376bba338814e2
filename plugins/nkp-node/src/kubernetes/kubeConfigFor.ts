import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '@backstage/errors';
import { KubernetesConnection } from './types';

/**
 * Builds the client-node KubeConfig for a connection, so that TLS, tokens, kubeconfig auth
 * plugins (exec, OIDC) and service-account token rotation all work the way `kubectl` does.
 * `key` is the config key of the connection, for error messages.
 *
 * @public
 */
export function kubeConfigFor(
  connection: KubernetesConnection,
  key: string,
): KubeConfig {
  const kubeConfig = new KubeConfig();
  switch (connection.auth) {
    case 'token':
      kubeConfig.loadFromClusterAndUser(
        {
          name: 'nkp',
          server: connection.url.replace(/\/+$/, ''),
          caData: connection.caData,
          caFile: connection.caFile,
          skipTLSVerify: connection.skipTLSVerify ?? false,
        },
        { name: 'nkp', token: connection.token },
      );
      break;
    case 'kubeconfig':
      try {
        kubeConfig.loadFromFile(connection.path);
      } catch (error) {
        throw new InputError(
          `${key}.kubeconfig.path: cannot read kubeconfig ${connection.path}: ${
            (error as Error).message
          }`,
        );
      }
      if (connection.context) {
        if (!kubeConfig.getContextObject(connection.context)) {
          throw new InputError(
            `${key}.kubeconfig.context: ${connection.path} has no context "${
              connection.context
            }"; it has ${
              kubeConfig
                .getContexts()
                .map(c => `"${c.name}"`)
                .join(', ') || 'none'
            }`,
          );
        }
        kubeConfig.setCurrentContext(connection.context);
      }
      break;
    case 'inCluster':
      if (!process.env.KUBERNETES_SERVICE_HOST) {
        throw new InputError(
          `${key}.inCluster: the backend is not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set)`,
        );
      }
      kubeConfig.loadFromCluster();
      break;
    default:
      throw new InputError(`${key}: unknown connection`);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster || !/^https?:\/\//.test(cluster.server)) {
    throw new InputError(
      `${key}: the current context names no cluster with an http(s) server URL`,
    );
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    // client-node refuses plain HTTP unless TLS verification is off; say so at startup.
    throw new InputError(
      `${key}: ${cluster.server} is plain HTTP, which needs skipTLSVerify: true`,
    );
  }
  return kubeConfig;
}
