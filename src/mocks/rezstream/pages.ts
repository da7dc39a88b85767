// The account site's server-rendered pages (seeds/001, "OAuth API Authorization": sign in, then approve the integration for one tenant,
// or several with multiTenant=true): plain HTML forms, no script, so any browser or HTTP client can drive them.

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1c2b36;margin:0}
main{max-width:30rem;margin:3rem auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002;padding:2rem}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0}.tenant{display:flex;gap:.5rem;align-items:center;margin:.4rem 0}
.zone{color:#5b6b78;font-size:.85rem}.scopes li{margin:.2rem 0}.error{color:#b3261e}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{padding:.6rem 1.2rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;font-size:1rem}button.deny{background:#fff;color:#0b5cad}
footer{color:#5b6b78;font-size:.8rem;margin-top:1.5rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} - rezStream Account</title><style>${STYLE}</style></head>
<body><main>
${body}
<footer>rezStream Account (pms-sandbox)</footer>
</main></body>
</html>
`;
}

export interface SignInView {
  action: string;
  interaction: string;
  clientName: string;
  username?: string;
  error?: string;
}

export function signInPage(view: SignInView): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p><strong>${escapeHtml(view.clientName)}</strong> would like to connect to your rezStream businesses.</p>
${view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : ''}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="interaction" value="${escapeHtml(view.interaction)}">
<label for="username">Email</label><input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(view.username ?? '')}" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

export interface ConsentView {
  action: string;
  interaction: string;
  clientName: string;
  userName: string;
  /** The businesses the user manages; empty when no API scope is asked for (sign-on only). */
  tenants: Array<{ id: string; name: string; timeZone: string }>;
  multiTenant: boolean;
  preselected?: string;
  scopes: Array<{ name: string; description: string }>;
  error?: string;
}

export function consentPage(view: ConsentView): string {
  const kind = view.multiTenant ? 'checkbox' : 'radio';
  const tenants =
    view.tenants.length === 0
      ? ''
      : `<fieldset><legend>${view.multiTenant ? 'Businesses to connect (one or more)' : 'Business to connect'}</legend>
${view.tenants
  .map(
    (t, i) =>
      `<div class="tenant"><input type="${kind}" id="tenant-${i}" name="tenants" value="${escapeHtml(t.id)}"${t.id === view.preselected || (!view.preselected && i === 0 && !view.multiTenant) ? ' checked' : ''}><label for="tenant-${i}">${escapeHtml(t.name)} <span class="zone">${escapeHtml(t.timeZone)}</span></label></div>`,
  )
  .join('\n')}
</fieldset>`;
  return page(
    'Approve integration',
    `<h1>Approve ${escapeHtml(view.clientName)}</h1>
<p>Signed in as <strong>${escapeHtml(view.userName)}</strong>.</p>
${view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : ''}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="interaction" value="${escapeHtml(view.interaction)}">
${tenants}
<p>The integration asks for:</p>
<ul class="scopes">${view.scopes.map((s) => `<li><strong>${escapeHtml(s.name)}</strong>: ${escapeHtml(s.description)}</li>`).join('')}</ul>
<div class="actions"><button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="deny" class="deny">Deny</button></div>
</form>`,
  );
}

/** IdentityServer's error view: what cannot be sent back to the client is shown to the user. */
export function errorPage(error: string, description: string): string {
  return page('Error', `<h1>Sorry, there was an error</h1>\n<p class="error"><strong>${escapeHtml(error)}</strong></p>\n<p>${escapeHtml(description)}</p>`);
}
