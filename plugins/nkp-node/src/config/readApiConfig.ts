/*
 * Reads the Kubernetes-API part of a source: `api` (one cluster) or `endpoints` (a list of
 * self-managed clusters), and the request and watch tuning shared by them.
 */

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_KUBERNETES_READ_OPTIONS,
  KubernetesConnection,
  KubernetesReadOptions,
} from '../kubernetes/types';

/** @public */
export interface NkpApiEndpoint {
  /** '' for the single `api` endpoint; the endpoint's name in an `endpoints` list. */
  name: string;
  connection: KubernetesConnection;
  dashboardUrl?: string;
  /** The config key of this endpoint, for messages. */
  key: string;
}

/** @public */
export interface NkpApiConfig {
  endpoints: NkpApiEndpoint[];
  readOptions: KubernetesReadOptions;
}

const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function readApiConfig(
  config: Config,
  key: (name: string) => string,
): NkpApiConfig | undefined {
  let endpoints: NkpApiEndpoint[];
  if (config.has('api')) {
    endpoints = [
      readEndpoint(config.getConfig('api'), key('api'), { name: '' }),
    ];
  } else if (config.has('endpoints')) {
    const list = config.getConfigArray('endpoints');
    if (list.length === 0) {
      throw new InputError(
        `${key('endpoints')} must list at least one cluster`,
      );
    }
    endpoints = list.map((endpoint, index) => {
      const endpointKey = `${key('endpoints')}[${index}]`;
      const name = endpoint.getString('name');
      if (!NAME_PATTERN.test(name)) {
        throw new InputError(
          `${endpointKey}.name must be lowercase letters, digits and dashes, got "${name}"`,
        );
      }
      return readEndpoint(endpoint, endpointKey, {
        name,
        dashboardUrl: endpoint.getOptionalString('dashboardUrl'),
      });
    });
    const seen = new Set<string>();
    for (const { name } of endpoints) {
      if (seen.has(name)) {
        throw new InputError(
          `${key(
            'endpoints',
          )} names "${name}" twice; endpoint names prefix entity names and must be unique`,
        );
      }
      seen.add(name);
    }
  } else {
    return undefined;
  }
  return { endpoints, readOptions: readReadOptions(config, key) };
}

function readEndpoint(
  config: Config,
  key: string,
  extra: { name: string; dashboardUrl?: string },
): NkpApiEndpoint {
  return { ...extra, connection: readKubernetesConnection(config, key), key };
}

/**
 * How to reach one API server, from config shaped like `catalog.providers.nkp.<id>.api`
 * (`url` + `token`, `kubeconfig` or `inCluster`); `key` is where that config is, for messages.
 *
 * @public
 */
export function readKubernetesConnection(
  config: Config,
  key: string,
): KubernetesConnection {
  const ways = ['token', 'kubeconfig', 'inCluster'].filter(way =>
    config.has(way),
  );
  if (ways.length !== 1) {
    throw new InputError(
      `${key} needs exactly one of token (with url), kubeconfig or inCluster: true${
        ways.length ? `, got ${ways.join(' and ')}` : ''
      }`,
    );
  }
  const tlsKeys = ['url', 'caData', 'caFile', 'skipTLSVerify'];
  let connection: KubernetesConnection;
  if (ways[0] === 'token') {
    const url = config.getString('url');
    if (!/^https?:\/\/[^\s/]+/.test(url)) {
      throw new InputError(`${key}.url must be an http(s) URL, got "${url}"`);
    }
    const token = config.getString('token');
    if (!token.trim()) {
      throw new InputError(`${key}.token is empty`);
    }
    const caData = config.getOptionalString('caData');
    const caFile = config.getOptionalString('caFile');
    if (caData && caFile) {
      throw new InputError(`${key}: set caData or caFile, not both`);
    }
    connection = {
      auth: 'token',
      url,
      token,
      caData,
      caFile,
      skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    };
  } else {
    const elsewhere = tlsKeys.filter(k => config.has(k));
    if (elsewhere.length) {
      throw new InputError(
        `${key}: ${elsewhere.join(', ')} only go with token; with ${
          ways[0]
        } the server and its CA come from ${
          ways[0] === 'kubeconfig' ? 'the kubeconfig' : 'the pod'
        }`,
      );
    }
    if (ways[0] === 'kubeconfig') {
      connection = {
        auth: 'kubeconfig',
        path: config.getString('kubeconfig.path'),
        context: config.getOptionalString('kubeconfig.context'),
      };
    } else {
      if (config.getBoolean('inCluster') !== true) {
        throw new InputError(
          `${key}.inCluster can only be true; remove it to use token or kubeconfig`,
        );
      }
      connection = { auth: 'inCluster' };
    }
  }
  return connection;
}

function readReadOptions(
  config: Config,
  key: (name: string) => string,
): KubernetesReadOptions {
  const defaults = DEFAULT_KUBERNETES_READ_OPTIONS;
  const positive = (path: string, fallback: number, integer = false) => {
    const value = config.getOptionalNumber(path);
    if (value === undefined) {
      return fallback;
    }
    if (!(value > 0) || (integer && !Number.isInteger(value))) {
      throw new InputError(
        `${key(path)} must be a positive ${
          integer ? 'integer' : 'number'
        }, got ${value}`,
      );
    }
    return value;
  };
  return {
    streamingLists:
      config.getOptionalBoolean('requests.streamingLists') ??
      defaults.streamingLists,
    pageSize: positive('requests.pageSize', defaults.pageSize, true),
    requestTimeoutMs:
      positive('requests.timeoutSeconds', defaults.requestTimeoutMs / 1000) *
      1000,
    watch: {
      ...defaults.watch,
      enabled: config.getOptionalBoolean('watch.enabled') ?? true,
      idleTimeoutMs:
        positive(
          'watch.idleTimeoutSeconds',
          defaults.watch.idleTimeoutMs / 1000,
        ) * 1000,
      debounceMs: positive(
        'watch.debounceMilliseconds',
        defaults.watch.debounceMs,
      ),
    },
  };
}
