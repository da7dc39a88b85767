// The sandbox's stand-in for Entrata's App Store (seeds/004): "After a user installs your app and clicks into it, an iFrame will be loaded
// with the default URL that you provide", `referrer` and `auth_code` appended. One page a launch, so each load carries a fresh code.
import { providerError, type ProviderError } from '../../core/errors.js';
import { escapeHtml } from '../../core/html.js';
import type { RouteSpec } from '../../core/provider.js';
import type { EntrataOAuth, LaunchFailure } from './oauth.js';
import type { CompanyUser, EntrataApp, ManagementCompany } from './types.js';

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#eef1f4;color:#1c2b36;display:flex;flex-direction:column;height:100vh}
header{background:#1d3b5a;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:baseline}header strong{font-size:1.1rem}
.who{margin-left:auto;font-size:.85rem;opacity:.85}iframe{flex:1;border:0;background:#fff}main{padding:2rem}`;

function page(title: string, header: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} - Entrata App Store (pms-sandbox)</title><style>${STYLE}</style></head>
<body>
<header>${header}</header>
${body}
</body>
</html>
`;
}

export function appFramePage(view: { url: string; app: EntrataApp; company: ManagementCompany; user: CompanyUser }): string {
  const { url, app, company, user } = view;
  const header = `<strong>Entrata</strong><span>${escapeHtml(company.name)} · App Store · ${escapeHtml(app.name)}</span><span class="who">${escapeHtml(user.username)}</span>`;
  return page(app.name, header, `<iframe id="app-frame" title="${escapeHtml(app.name)}" src="${escapeHtml(url)}" referrerpolicy="origin"></iframe>`);
}

/** An app this company has not installed, an unknown app or user: a page, since a person is looking at it. */
export function appStoreRefusal(status: 404 | 400, message: string): ProviderError {
  const body = page('App not available', '<strong>Entrata</strong><span>App Store</span>', `<main><h1>App not available</h1><p>${escapeHtml(message)}</p></main>`);
  return providerError(status === 404 ? 'not_found' : 'bad_request', status, body, { 'Content-Type': 'text/html; charset=utf-8' });
}

const REFUSALS: Record<LaunchFailure['kind'], string> = {
  unknown_app: 'No App Store app has this client id.',
  unknown_company: 'No management company uses this subdomain.',
  not_installed: 'This company has not installed the app.',
  unknown_user: 'No user of this company has that id.',
};

/** `GET https://<subdomain>.entrata.com/apps/<clientId>[?userId=<id>]`: the app opened in its frame, for the company's first user by default. */
export function appStoreRoute(oauth: EntrataOAuth): RouteSpec {
  return {
    method: 'get',
    path: '/apps/:clientId',
    operationId: 'appStorePage',
    validate: false,
    handle: (req, res) => {
      const userId = typeof req.query.userId === 'string' && /^\d+$/.test(req.query.userId) ? Number(req.query.userId) : undefined;
      if (req.query.userId !== undefined && userId === undefined) throw appStoreRefusal(400, 'userId must be a user id.');
      const launched = oauth.launch(String(req.params.clientId), String(req.params.subdomain), userId);
      if ('kind' in launched) throw appStoreRefusal(404, REFUSALS[launched.kind]);
      res.set('Cache-Control', 'no-store').type('html').send(appFramePage(launched));
    },
  };
}
