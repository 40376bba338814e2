/*
 * Which control-plane hosts a source may hand to the Kubernetes plugin. The endpoint of a cluster
 * comes from its CAPI object, which tenants can write; `kubernetes.io/api-server` sends viewers'
 * tokens there, so it is only set for hosts the platform team allowed (`allowedApiServers`).
 *
 * A pattern is one of: a host name (`api.acme.example`), a wildcard for the names below a domain
 * (`*.clusters.acme.example`), an IP address (`10.42.0.10`, `fd00::10`) or a CIDR range
 * (`10.42.0.0/16`). Names match names only and addresses match addresses only, so a wildcard never
 * lets in an IP address or `localhost`: a private address is allowed only by a pattern that names it.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed `allowedApiServers` entry. */
export type ApiServerPattern =
  | { kind: 'name'; name: string }
  | { kind: 'below'; domain: string }
  | { kind: 'range'; range: [Address, number] };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isHostName(value: string): boolean {
  return (
    value.length <= 253 &&
    value.split('.').every(label => LABEL.test(label)) &&
    // All-numeric names are addresses in disguise (`167772161` is 10.0.0.1 to some clients).
    !/^[0-9.]+$/.test(value)
  );
}

/** An IP address in its plain written forms (four decimal parts, or IPv6), else undefined. */
function parseAddress(value: string): Address | undefined {
  const bare = value.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) {
    return ipaddr.IPv4.parse(bare);
  }
  if (ipaddr.IPv6.isValid(bare)) {
    // ::ffff:10.0.0.1 is 10.0.0.1
    return ipaddr.process(bare);
  }
  return undefined;
}

/**
 * Parses one pattern; answers what is wrong with it when it is not one (for the config error).
 */
export function parseApiServerPattern(
  pattern: string,
): ApiServerPattern | { error: string } {
  const value = pattern.trim().toLocaleLowerCase('en-US');
  const [written, bits, ...rest] = value.split('/');
  const address = parseAddress(written);
  if (bits !== undefined && address) {
    const prefix = Number(bits);
    if (
      rest.length > 0 ||
      !/^[0-9]{1,3}$/.test(bits) ||
      prefix > (address.kind() === 'ipv4' ? 32 : 128) ||
      // An IPv4-mapped IPv6 range is written as its IPv4 range.
      (address.kind() === 'ipv4' && written.includes(':'))
    ) {
      return { error: `"${pattern}" is not a CIDR range such as 10.42.0.0/16` };
    }
    return { kind: 'range', range: [address, prefix] };
  }
  if (bits === undefined && address) {
    return {
      kind: 'range',
      range: [address, address.kind() === 'ipv4' ? 32 : 128],
    };
  }
  if (
    bits === undefined &&
    value.startsWith('*.') &&
    isHostName(value.slice(2))
  ) {
    return { kind: 'below', domain: value.slice(2) };
  }
  if (bits === undefined && isHostName(value)) {
    return { kind: 'name', name: value };
  }
  return {
    error: `"${pattern}" is not a host name (api.acme.example), a wildcard (*.clusters.acme.example), an IP address or a CIDR range (10.42.0.0/16)`,
  };
}

/** Whether `host` (a name or an address, as in a CAPI `controlPlaneEndpoint`) is allowed. */
export function isApiServerAllowed(
  host: string,
  patterns: readonly ApiServerPattern[],
): boolean {
  const value = host.trim().toLocaleLowerCase('en-US').replace(/\.$/, '');
  const address = parseAddress(value);
  if (address) {
    return patterns.some(
      p =>
        p.kind === 'range' &&
        p.range[0].kind() === address.kind() &&
        address.match(p.range),
    );
  }
  if (!isHostName(value)) {
    return false;
  }
  return patterns.some(p => {
    if (p.kind === 'name') {
      return p.name === value;
    }
    if (p.kind === 'below') {
      return (
        value.endsWith(`.${p.domain}`) &&
        value !== 'localhost' &&
        !value.endsWith('.localhost')
      );
    }
    return false;
  });
}

/** Parses patterns already checked by the config reader; throws on a bad one. */
export function parseApiServerPatterns(
  patterns: readonly string[],
): ApiServerPattern[] {
  return patterns.map(pattern => {
    const parsed = parseApiServerPattern(pattern);
    if ('error' in parsed) {
      throw new TypeError(parsed.error);
    }
    return parsed;
  });
}
