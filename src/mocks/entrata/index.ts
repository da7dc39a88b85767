// Entrata, assembled: follows seeds/004 (App Store "OAuth Single Sign-On" and "Accessing Web Services") and the Entrata part of
// provider-facts.md (the general API's envelope, getStatus, error 113, `/api/v1/<service>`, getProperties' result). Where both are silent
// (field names of getAccessToken and getUserInfo, XML element names, error codes, lifetimes) the choices are the README's Entrata assumptions.
import { once } from '../../core/once.js';
import { OpenApiDocument } from '../../core/openapi.js';
import { specFile } from '../../core/project-files.js';
import type { ProviderDefinition } from '../../core/provider.js';
import { resetAll } from '../../core/resettable.js';
import { EntrataAccounts } from './accounts.js';
import { entrataAdmin } from './admin.js';
import { entrataCatalogue } from './errors.js';
import { EntrataOAuth } from './oauth.js';
import { COMPANY_ORIGIN, entrataOrigins } from './routes.js';

export const entrata: ProviderDefinition = {
  id: 'entrata',
  create(ctx) {
    const accounts = new EntrataAccounts(ctx.config.seed, ctx.seeds);
    const oauth = new EntrataOAuth(ctx.clock, accounts);
    const file = specFile('entrata');
    const document = once(() => OpenApiDocument.load(file));
    const origins = entrataOrigins({ accounts, oauth, schema: (name) => () => document().componentSchema(name) });
    // The company services' methods: what an app's data scopes may name.
    const methods = origins.filter((o) => o.origin === COMPANY_ORIGIN).flatMap((o) => o.routes.flatMap((r) => (r.kind === 'rpc' ? Object.keys(r.methods) : [])));
    return {
      id: 'entrata',
      title: 'Entrata',
      origins,
      spec: { file, document },
      errors: entrataCatalogue,
      credentials: () => ({
        apps: accounts.apps.map((a) => ({ clientId: a.clientId, clientSecret: a.clientSecret, appUrl: a.appUrl, scopes: a.scopes })),
        companies: accounts.companies.map((c) => ({ subdomain: c.subdomain, name: c.name, properties: c.properties.map((p) => ({ id: p.id, name: p.name })), users: c.users.map((u) => ({ id: u.id, username: u.username })) })),
        basic: accounts.companies.flatMap((c) => c.users.map((u) => ({ subdomain: c.subdomain, username: u.username, password: u.password }))),
        installs: accounts.installs.map((i) => ({ clientId: i.clientId, subdomain: i.subdomain })),
      }),
      admin: entrataAdmin(accounts, oauth, [...new Set(methods)]),
      reset: resetAll(accounts, oauth),
    };
  },
};
