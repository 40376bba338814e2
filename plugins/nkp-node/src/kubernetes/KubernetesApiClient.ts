/*
 * The HTTP edge of the Kubernetes-API source: JSON GETs and line streams (watches) against one API
 * server, authenticated through client-node's KubeConfig. Written on node:http(s) rather than on
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
    const what = `GET ${this.server}${path}`;
    const deadline = withDeadline(
      signal,
      this.requestTimeoutMs,
      () =>
        new KubernetesApiError(
          `${what}: no complete response within ${this.requestTimeoutMs} ms`,
        ),
    );
    try {
      const response = await this.open(path, deadline.signal, what);
      const body = await readBody(response, deadline.signal, what);
      if (response.statusCode !== 200) {
        throw errorForStatus(what, response.statusCode ?? 0, body);
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
   * the server ends the response cleanly; rejects when nothing arrives for `idleTimeoutMs`, when
   * the body is cut off, when `onLine` throws, or when `signal` aborts.
   */
  async streamLines(
    path: string,
    options: {
      signal: AbortSignal;
      idleTimeoutMs: number;
      onLine: (line: string) => void;
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
          let newline = pending.indexOf('\n');
          while (newline >= 0) {
            const line = pending.slice(0, newline).trim();
            pending = pending.slice(newline + 1);
            if (line) {
              options.onLine(line);
            }
            newline = pending.indexOf('\n');
          }
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
  ): Promise<http.IncomingMessage> {
    // Asked per request: kubeconfig auth plugins and service-account tokens rotate.
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const url = new URL(`${this.server}${path}`);
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, {
        method: 'GET',
        agent: this.pool(options.agent),
        auth: options.auth,
        headers: { ...options.headers, Accept: 'application/json' },
        signal,
      });
      request.on('response', resolve);
      request.on('error', error =>
        reject(signal.aborted ? signal.reason : wrap(what, error)),
      );
      request.end();
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
