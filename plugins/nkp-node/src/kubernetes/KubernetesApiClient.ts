/*
 * The HTTP edge of the Kubernetes-API source and of the scaffolder's direct apply: JSON GETs, line
 * streams (watches) and server-side apply against one API server, authenticated through
 * client-node's KubeConfig. Written on node:http(s) rather than on
 * client-node's generated clients and Watch because those cannot time out a response that never
 * starts or stops halfway (the Watch only returns its abort handle once headers have arrived),
 * which is exactly the failure the anchors stall on.
 */

import { KubeConfig } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import http from 'node:http';
// Default imports: msw patches request() on the module objects, which a namespace import copies.
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { withDeadline } from './abortable';
import { errorForStatus, KubernetesApiError } from './errors';
import { kubeConfigFor } from './kubeConfigFor';
import { KubernetesConnection } from './types';

/**
 * Where a server-side apply goes: the object's URL path (e.g.
 * `/apis/cluster.x-k8s.io/v1beta1/namespaces/acme/clusters/acme-dev-2`) and, for messages, its
 * resource (`clusters.cluster.x-k8s.io`) and namespace.
 *
 * @public
 */
export interface ApplyTarget {
  path: string;
  resource: string;
  namespace?: string;
}

/**
 * Requests to one API server, each bounded by a deadline.
 *
 * @public
 */
export class KubernetesApiClient {
  private readonly kubeConfig: KubeConfig;
  private readonly requestTimeoutMs: number;
  /** The server URL without user info, safe for logs and errors. */
  readonly server: string;
  /** A keep-alive agent for the current TLS material, so pages reuse one connection. */
  private pooled?: { material: string; agent: https.Agent };

  /** `key` is the config key of the connection, for error messages. */
  static fromConnection(
    connection: KubernetesConnection,
    options: { key: string; requestTimeoutMs: number },
  ): KubernetesApiClient {
    return new KubernetesApiClient(kubeConfigFor(connection, options.key), {
      requestTimeoutMs: options.requestTimeoutMs,
    });
  }

  constructor(kubeConfig: KubeConfig, options: { requestTimeoutMs: number }) {
    this.kubeConfig = kubeConfig;
    this.requestTimeoutMs = options.requestTimeoutMs;
    const url = new URL(kubeConfig.getCurrentCluster()!.server);
    url.username = '';
    url.password = '';
    this.server = url.toString().replace(/\/+$/, '');
  }

  /** GETs `path` and parses the JSON body; the whole exchange must finish within the timeout. */
  async getJson(path: string, signal: AbortSignal): Promise<unknown> {
    return this.exchange('GET', path, signal, { missing: 'throw' });
  }

  /** Like `getJson`, but a 404 (no such object) is `undefined` instead of an error. */
  async getOptionalJson(
    path: string,
    signal: AbortSignal,
  ): Promise<unknown | undefined> {
    return this.exchange('GET', path, signal, { missing: 'undefined' });
  }

  /**
   * Server-side applies one object (`PATCH` with `application/apply-patch+yaml`) as
   * `fieldManager`, never forcing ownership of fields another manager owns; with `dryRun` the
   * server validates and admits it without persisting (`dryRun=All`). Resolves to the object as
   * the server returns it. The same deadline and authentication as every other request; a 403
   * names the verbs the credentials need on `resource` in the object's namespace.
   */
  async apply(
    target: ApplyTarget,
    manifest: string,
    options: { fieldManager: string; dryRun?: boolean; signal: AbortSignal },
  ): Promise<unknown> {
    const query = new URLSearchParams({
      fieldManager: options.fieldManager,
      force: 'false',
    });
    if (options.dryRun) {
      query.set('dryRun', 'All');
    }
    return this.exchange('PATCH', `${target.path}?${query}`, options.signal, {
      missing: 'throw',
      body: manifest,
      contentType: 'application/apply-patch+yaml',
      forbiddenHint: `the credentials need create, patch on ${
        target.resource
      } in namespace ${target.namespace ?? '(cluster-scoped)'}`,
    });
  }

  private async exchange(
    method: 'GET' | 'PATCH',
    path: string,
    signal: AbortSignal,
    options: {
      missing: 'throw' | 'undefined';
      body?: string;
      contentType?: string;
      forbiddenHint?: string;
    },
  ): Promise<unknown | undefined> {
    const what = `${method} ${this.server}${path}`;
    const deadline = withDeadline(
      signal,
      this.requestTimeoutMs,
      () =>
        new KubernetesApiError(
          `${what}: no complete response within ${this.requestTimeoutMs} ms`,
        ),
    );
    try {
      const response = await this.open(path, deadline.signal, what, {
        method,
        body: options.body,
        contentType: options.contentType,
      });
      const body = await readBody(response, deadline.signal, what);
      if (response.statusCode === 404 && options.missing === 'undefined') {
        return undefined;
      }
      if (response.statusCode !== 200 && response.statusCode !== 201) {
        throw errorForStatus(what, response.statusCode ?? 0, body, {
          forbiddenHint: options.forbiddenHint,
        });
      }
      try {
        return JSON.parse(body);
      } catch (error) {
        throw new KubernetesApiError(
          `${what}: the response is not valid JSON (${
            (error as Error).message
          })`,
        );
      }
    } finally {
      deadline.dispose();
    }
  }

  /**
   * GETs `path` and hands every complete line of the body to `onLine` as it arrives. Resolves when
   * the server ends the response cleanly, or as soon as `onLine` returns `'stop'` (the rest of
   * the response is dropped); rejects when nothing arrives for `idleTimeoutMs`, when the body is
   * cut off, when `onLine` throws, or when `signal` aborts.
   */
  async streamLines(
    path: string,
    options: {
      signal: AbortSignal;
      idleTimeoutMs: number;
      onLine: (line: string) => void | 'stop';
    },
  ): Promise<void> {
    const what = `GET ${this.server}${path}`;
    // One deadline from the request on, restarted by every chunk: some proxies hold a watch's
    // headers back until the first event, so a separate wait for headers would misfire.
    const deadline = withDeadline(
      options.signal,
      options.idleTimeoutMs,
      () =>
        new KubernetesApiError(
          `${what}: nothing received for ${options.idleTimeoutMs} ms`,
        ),
    );
    try {
      const response = await this.open(path, deadline.signal, what);
      if (response.statusCode !== 200) {
        const body = await readBody(response, deadline.signal, what);
        throw errorForStatus(what, response.statusCode ?? 0, body);
      }
      const decoder = new StringDecoder('utf8');
      let pending = '';
      try {
        for await (const chunk of response) {
          deadline.restart();
          pending += decoder.write(chunk as Buffer);
          let start = 0;
          let newline = pending.indexOf('\n');
          while (newline >= 0) {
            const line = pending.slice(start, newline).trim();
            start = newline + 1;
            if (line && options.onLine(line) === 'stop') {
              response.destroy();
              return;
            }
            newline = pending.indexOf('\n', start);
          }
          pending = pending.slice(start);
        }
      } catch (error) {
        response.destroy();
        throw deadline.signal.aborted
          ? deadline.signal.reason
          : wrap(what, error);
      }
      if (!response.complete) {
        throw new KubernetesApiError(`${what}: the response was cut off`);
      }
    } finally {
      deadline.dispose();
    }
  }

  private async open(
    path: string,
    signal: AbortSignal,
    what: string,
    request: {
      method: 'GET' | 'PATCH';
      body?: string;
      contentType?: string;
    } = {
      method: 'GET',
    },
  ): Promise<http.IncomingMessage> {
    // Asked per request: kubeconfig auth plugins and service-account tokens rotate.
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const url = new URL(`${this.server}${path}`);
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const outgoing = transport.request(url, {
        method: request.method,
        agent: this.pool(options.agent),
        auth: options.auth,
        headers: {
          ...options.headers,
          Accept: 'application/json',
          ...(request.contentType
            ? { 'Content-Type': request.contentType }
            : {}),
        },
        signal,
      });
      outgoing.on('response', resolve);
      outgoing.on('error', error =>
        reject(signal.aborted ? signal.reason : wrap(what, error)),
      );
      outgoing.end(request.body);
    });
  }

  /**
   * client-node builds a new agent per request, which costs a TLS handshake per LIST page. Keep
   * one keep-alive agent while the TLS material (CA, client certificate) stays the same, and a
   * new one when it rotates.
   */
  private pool<T>(created: T): T | https.Agent {
    if (!(created instanceof https.Agent)) {
      return created;
    }
    const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } =
      created.options;
    const material = createHash('sha256')
      .update(
        JSON.stringify([
          ca,
          cert,
          key,
          pfx,
          passphrase,
          rejectUnauthorized,
          servername,
        ]),
      )
      .digest('base64');
    if (this.pooled?.material !== material) {
      this.pooled?.agent.destroy();
      this.pooled = {
        material,
        agent: new https.Agent({ ...created.options, keepAlive: true }),
      };
    }
    return this.pooled.agent;
  }
}

async function readBody(
  response: http.IncomingMessage,
  signal: AbortSignal,
  what: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of response) {
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw signal.aborted ? signal.reason : wrap(what, error);
  }
  if (!response.complete) {
    throw new KubernetesApiError(`${what}: the response was cut off`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Keeps only the message of a transport error: node's errors carry no headers, keep it so. */
function wrap(what: string, error: unknown): Error {
  if (error instanceof KubernetesApiError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new KubernetesApiError(`${what}: ${message}`);
}
