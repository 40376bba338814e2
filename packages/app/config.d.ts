export interface Config {
  app?: {
    /** The sign-in page. */
    signIn?: {
      /**
       * What the sign-in page and the login popup call the OpenID Connect provider, e.g.
       * `NKP (Dex)`. Default: `OpenID Connect`.
       * @visibility frontend
       */
      providerTitle?: string;
      /**
       * The line under the provider's name on the sign-in page. Default: `Sign in with your
       * organisation account`.
       * @visibility frontend
       */
      providerMessage?: string;
    };
  };
}
