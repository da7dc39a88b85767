// The sign-in, consent and error pages of an authorization server: plain server-rendered HTML forms, no script, so any browser or HTTP
// client can drive them. A provider gives its brand and words, and the fields of its own picker (rezStream's businesses).

import { escapeHtml } from '../html.js';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1c2b36;margin:0}
main{max-width:30rem;margin:3rem auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002;padding:2rem}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0}.choice{display:flex;gap:.5rem;align-items:center;margin:.4rem 0}
.hint{color:#5b6b78;font-size:.85rem}.scopes li{margin:.2rem 0}.error{color:#b3261e}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{padding:.6rem 1.2rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;font-size:1rem}button.deny{background:#fff;color:#0b5cad}
footer{color:#5b6b78;font-size:.8rem;margin-top:1.5rem}`;

/** A provider's words on its pages. */
export interface PageBrand {
  /** After each page title and in the footer: "rezStream Account". */
  site: string;
  /** The sign-in page's first line, about the client asking: given the client's name, already escaped, as HTML. */
  signInLead: (clientNameHtml: string) => string;
  /** The label of the username field ("Email"). */
  usernameLabel: string;
  /** The heading and first line of the error page. */
  errorHeading: string;
}

function page(brand: PageBrand, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} - ${escapeHtml(brand.site)}</title><style>${STYLE}</style></head>
<body><main>
${body}
<footer>${escapeHtml(brand.site)} (pms-sandbox)</footer>
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

export function signInPage(brand: PageBrand, view: SignInView): string {
  return page(
    brand,
    'Sign in',
    `<h1>Sign in</h1>
<p>${brand.signInLead(`<strong>${escapeHtml(view.clientName)}</strong>`)}</p>
${view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : ''}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="interaction" value="${escapeHtml(view.interaction)}">
<label for="username">${escapeHtml(brand.usernameLabel)}</label><input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(view.username ?? '')}" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

/** A provider's own choice on the consent page: radio buttons, or checkboxes when several may be picked. */
export interface ConsentPicker {
  legend: string;
  /** The form field the choice is posted in. */
  name: string;
  /** The inputs' ids are this and their position (`tenant-0`). */
  idPrefix: string;
  multiple: boolean;
  options: Array<{ value: string; label: string; hint?: string }>;
  /** With radio buttons and nothing preselected, the first option starts checked. */
  preselected?: string;
}

export interface ConsentView {
  action: string;
  interaction: string;
  clientName: string;
  userName: string;
  picker?: ConsentPicker;
  scopes: Array<{ name: string; description: string }>;
  error?: string;
}

function pickerHtml(picker: ConsentPicker): string {
  const kind = picker.multiple ? 'checkbox' : 'radio';
  const checked = (value: string, i: number): boolean => value === picker.preselected || (!picker.preselected && i === 0 && !picker.multiple);
  return `<fieldset><legend>${escapeHtml(picker.legend)}</legend>
${picker.options
  .map(
    (o, i) =>
      `<div class="choice"><input type="${kind}" id="${picker.idPrefix}-${i}" name="${picker.name}" value="${escapeHtml(o.value)}"${checked(o.value, i) ? ' checked' : ''}><label for="${picker.idPrefix}-${i}">${escapeHtml(o.label)}${o.hint ? ` <span class="hint">${escapeHtml(o.hint)}</span>` : ''}</label></div>`,
  )
  .join('\n')}
</fieldset>`;
}

export function consentPage(brand: PageBrand, view: ConsentView): string {
  return page(
    brand,
    'Approve integration',
    `<h1>Approve ${escapeHtml(view.clientName)}</h1>
<p>Signed in as <strong>${escapeHtml(view.userName)}</strong>.</p>
${view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : ''}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="interaction" value="${escapeHtml(view.interaction)}">
${view.picker && view.picker.options.length > 0 ? pickerHtml(view.picker) : ''}
<p>The integration asks for:</p>
<ul class="scopes">${view.scopes.map((s) => `<li><strong>${escapeHtml(s.name)}</strong>: ${escapeHtml(s.description)}</li>`).join('')}</ul>
<div class="actions"><button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="deny" class="deny">Deny</button></div>
</form>`,
  );
}

/** What cannot be sent back to the client is shown to the user. */
export function errorPage(brand: PageBrand, error: string, description: string): string {
  return page(brand, 'Error', `<h1>${escapeHtml(brand.errorHeading)}</h1>\n<p class="error"><strong>${escapeHtml(error)}</strong></p>\n<p>${escapeHtml(description)}</p>`);
}
