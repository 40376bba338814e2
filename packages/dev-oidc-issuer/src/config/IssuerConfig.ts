/*
 * The issuer's configuration file: where it answers, which clients may use it and which users
 * may sign in. The same shape as the parts of a Dex configuration it stands in for
 * (`staticClients`, `staticPasswords`), in camelCase.
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const name = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'lowercase letters, digits, dots, dashes and underscores',
  );

const httpUrl = z
  .string()
  .url()
  .refine(u => /^https?:\/\//.test(u), 'an http(s) URL');

const clientSchema = z.object({
  id: name,
  secret: z.string().min(8, 'at least 8 characters'),
  name: z.string().min(1).optional(),
  redirectUris: z.array(httpUrl).min(1),
});

const userSchema = z.object({
  username: name,
  password: z.string().min(4, 'at least 4 characters'),
  email: z.string().email(),
  name: z.string().min(1),
  description: z.string().min(1).optional(),
});

const configSchema = z.object({
  issuer: httpUrl.refine(
    u => URL.canParse(u) && new URL(u).pathname === '/' && !u.endsWith('/'),
    'an origin without a path or trailing slash, e.g. http://localhost:7010',
  ),
  clients: z.array(clientSchema).min(1),
  users: z.array(userSchema).min(1),
});

/** A relying party registered with the issuer (Dex: a static client). */
export type IssuerClient = z.infer<typeof clientSchema>;
/** A person who may sign in (Dex: a static password entry). */
export type IssuerUser = z.infer<typeof userSchema>;
/** The whole configuration file. */
export type IssuerConfig = z.infer<typeof configSchema>;

function unique<T>(items: T[], key: (item: T) => string, what: string) {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item).toLowerCase();
    if (seen.has(k)) {
      throw new Error(`${what} '${key(item)}' is listed twice`);
    }
    seen.add(k);
  }
}

/**
 * Parses and checks a configuration object. Errors name the field, e.g.
 * `users[1].email: Invalid email`.
 */
export function parseIssuerConfig(
  data: unknown,
  source = 'config',
): IssuerConfig {
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue =>
        `${issue.path.join('.').replace(/\.(\d+)/g, '[$1]') || '(root)'}: ${
          issue.message
        }`,
    );
    throw new Error(
      `Invalid issuer configuration in ${source}: ${problems.join('; ')}`,
    );
  }
  const config = parsed.data;
  try {
    unique(config.clients, c => c.id, 'client id');
    unique(config.users, u => u.username, 'username');
    unique(config.users, u => u.email, 'email');
  } catch (e) {
    throw new Error(
      `Invalid issuer configuration in ${source}: ${(e as Error).message}`,
    );
  }
  return config;
}

/** Reads a YAML configuration file (see demo.yaml). */
export function readIssuerConfig(file: string): IssuerConfig {
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `Cannot read issuer configuration ${file}: ${(e as Error).message}`,
    );
  }
  return parseIssuerConfig(data, file);
}
