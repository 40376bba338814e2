/*
 * Starts the issuer: one HTTP server per address of the issuer URL's host (localhost is both
 * 127.0.0.1 and ::1, and clients may try either), serving the interactions and, for everything
 * else, the OpenID Connect provider.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IssuerConfig } from '../config/IssuerConfig';
import { UserDirectory } from '../users/UserDirectory';
import { createProvider } from './createProvider';
import { createInteractionHandler, interactionPath, Log } from './interactions';

export type RunningIssuer = {
  /** The issuer URL, e.g. http://localhost:7010 (with the real port when 0 was configured). */
  url: string;
  close(): Promise<void>;
};

function listen(server: http.Server, host: string, port: number) {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: http.Server) {
  return new Promise<void>(resolve => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the issuer of this configuration. Port 0 in the issuer URL picks a free port (tests).
 */
export async function startIssuer(
  config: IssuerConfig,
  options: { log?: Log } = {},
): Promise<RunningIssuer> {
  const log = options.log ?? (() => {});
  const configured = new URL(config.issuer);
  const hostname = configured.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(hostname, { all: true });

  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const servers = addresses.map(() =>
    http.createServer((req, res) => handler(req, res)),
  );
  let port = Number(
    configured.port || (configured.protocol === 'https:' ? 443 : 80),
  );
  try {
    for (const [i, server] of servers.entries()) {
      port = await listen(server, addresses[i].address, port);
    }
  } catch (e) {
    await Promise.all(servers.filter(s => s.listening).map(close));
    throw new Error(
      `Cannot listen on ${config.issuer}: ${(e as Error).message}`,
    );
  }

  const url = new URL(config.issuer);
  url.port = String(port);
  const issuer = url.origin;
  const users = new UserDirectory(config.users);
  const provider = createProvider(issuer, config, users);
  const redirectOrigins = new Set(
    config.clients.flatMap(c => c.redirectUris.map(u => new URL(u).origin)),
  );
  const handleInteraction = createInteractionHandler({
    provider,
    users,
    formAction: ["'self'", ...redirectOrigins].join(' '),
    log,
  });
  const oidc = provider.callback();
  handler = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    const interaction = interactionPath.exec(path);
    if (interaction) {
      handleInteraction(req, res, !!interaction[2]).catch(e => {
        log(`Request failed: ${(e as Error).message}`);
        if (!res.headersSent) {
          res.writeHead(500).end();
        }
      });
      return;
    }
    oidc(req, res);
  };
  log(
    `Issuer ${issuer} with ${config.users.length} users and ${
      config.clients.length
    } clients (${addresses.map(a => a.address).join(', ')})`,
  );

  return {
    url: issuer,
    async close() {
      await Promise.all(servers.map(close));
    },
  };
}
