/*
 * The issuer's users: who may sign in, and the claims the issuer states about them. Group
 * membership is not here on purpose: the portal takes it from the catalog user that the email
 * resolves to, as it does with Dex.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IssuerUser } from '../config/IssuerConfig';

/** The standard claims the issuer returns for a user, by scope. */
export type UserClaims = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
};

function digest(value: string) {
  return createHash('sha256').update(value, 'utf8').digest();
}

export class UserDirectory {
  readonly #users: Map<string, IssuerUser>;

  constructor(users: IssuerUser[]) {
    this.#users = new Map(users.map(u => [u.username.toLowerCase(), u]));
  }

  /** Every user, in the configured order (the login page shows them as demo hints). */
  list(): IssuerUser[] {
    return [...this.#users.values()];
  }

  /** The user with this username (case-insensitive), or undefined. */
  find(username: string): IssuerUser | undefined {
    return this.#users.get(username.trim().toLowerCase());
  }

  /**
   * The user whose username and password these are, or undefined. Takes as long for an unknown
   * username as for a wrong password, so the answer does not tell which usernames exist.
   */
  authenticate(username: string, password: string): IssuerUser | undefined {
    const user = this.find(username);
    const expected = digest(user?.password ?? `\0no-such-user\0${username}`);
    const matches = timingSafeEqual(expected, digest(password));
    return user && matches ? user : undefined;
  }

  /** The claims for the `openid`, `email` and `profile` scopes that were granted. */
  claims(
    username: string,
    scopes: ReadonlySet<string>,
  ): UserClaims | undefined {
    const user = this.find(username);
    if (!user) {
      return undefined;
    }
    return {
      sub: user.username,
      ...(scopes.has('email') && { email: user.email, email_verified: true }),
      ...(scopes.has('profile') && {
        name: user.name,
        preferred_username: user.username,
      }),
    };
  }
}
