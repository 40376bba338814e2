/*
 * The issuer's HTML pages: the login form (with the demo users as hints) and the error page.
 * Plain server-rendered HTML with inline styles; every interpolated value is escaped.
 */
import type { IssuerUser } from '../config/IssuerConfig';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => escapes[c]);
}

const style = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; }
  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  h2 { font-size: 1.1rem; margin-top: 2rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem;
          font-size: 1rem; border: 1px solid #6a737d; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #b00020; }
  input:focus, button:focus { outline: 3px solid #0b5cad; outline-offset: 1px; }
  button { margin-top: 1.5rem; padding: .6rem 1.5rem; font-size: 1rem; border: 0; border-radius: 4px;
           background: #0b5cad; color: #fff; cursor: pointer; }
  .error { color: #b00020; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; color: #444d56; margin-bottom: .5rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d1d5da; }
  code { font-size: .95rem; }
`;

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export type LoginPageOptions = {
  /** Where the form posts to. */
  action: string;
  /** The relying party's name, e.g. "NKP Lifecycle portal". */
  clientName: string;
  /** The users shown as demo hints (username and password). */
  users: IssuerUser[];
  /** The username typed before, kept after a failed attempt. */
  username?: string;
  /** Set after a failed attempt. */
  failed?: boolean;
};

/** The login form of one authorization request. */
export function loginPage(options: LoginPageOptions): string {
  const { action, clientName, users, username = '', failed = false } = options;
  const invalid = failed
    ? ' aria-invalid="true" aria-describedby="login-error"'
    : '';
  const rows = users
    .map(
      u =>
        `<tr><td><code>${escapeHtml(
          u.username,
        )}</code></td><td><code>${escapeHtml(
          u.password,
        )}</code></td><td>${escapeHtml(u.description ?? u.name)}</td></tr>`,
    )
    .join('\n');
  return page(
    'Sign in · NKP Lifecycle demo identity provider',
    `<h1>Sign in to the NKP Lifecycle demo</h1>
<p>${escapeHtml(
      clientName,
    )} asks you to sign in. This is the demo identity provider, which
stands in for NKP's Dex on this machine.</p>
${
  failed
    ? '<p role="alert" id="login-error" class="error">Wrong username or password. Use one of the demo users below.</p>'
    : ''
}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(
      username,
    )}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Sign in</button>
</form>
<section aria-labelledby="demo-users">
<h2 id="demo-users">Demo users</h2>
<table>
<caption>One user per role; their groups come from the portal's catalog.</caption>
<thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Who</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`,
  );
}

/** A page for a request the issuer cannot continue. */
export function errorPage(title: string, message: string): string {
  return page(
    `${title} · NKP Lifecycle demo identity provider`,
    `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
  );
}
