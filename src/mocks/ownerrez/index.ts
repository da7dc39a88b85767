// OwnerRez, assembled: follows seeds/000 ("Authentication": personal access tokens over Basic, the per-IP limit of two accounts in 24 hours,
// OAuth apps' at_ tokens with the User-Agent rule, both curl examples) and the OwnerRez part of provider-facts.md (the OAuth app flow and its
// token fields, app scopes and expiration, the 300-in-5-minutes limit and its 429, the v2 API's paths, envelope and fields). Where both are
// silent (error bodies, page size, lifetimes of codes and refresh tokens, /users/me and lookup fields) the choices are the README's assumptions.
import { once } from '../../core/once.js';
import { OpenApiDocument } from '../../core/openapi.js';
import { specFile } from '../../core/project-files.js';
import type { ProviderDefinition } from '../../core/provider.js';
import { resetAll } from '../../core/resettable.js';
import { OwnerRezAccounts } from './accounts.js';
import { ownerrezAdmin } from './admin.js';
import { ownerrezGate } from './auth.js';
import { OwnerRezCredentials } from './credentials.js';
import { ownerrezCatalogue } from './errors.js';
import { ownerrezOAuth } from './oauth.js';
import { ownerrezOrigins } from './routes.js';

export const ownerrez: ProviderDefinition = {
  id: 'ownerrez',
  create(ctx) {
    const accounts = new OwnerRezAccounts(ctx.config.seed, ctx.seeds);
    const credentials = new OwnerRezCredentials(ctx.clock, accounts);
    const gate = ownerrezGate(accounts, credentials, ctx);
    const oauth = ownerrezOAuth(accounts, credentials, ctx, gate.ipLimit);
    const file = specFile('ownerrez');
    const document = once(() => OpenApiDocument.load(file));
    return {
      id: 'ownerrez',
      title: 'OwnerRez',
      origins: ownerrezOrigins({ accounts, gate, oauth, ctx }),
      spec: { file, document },
      errors: ownerrezCatalogue,
      credentials: () => {
        const { users, apps } = accounts.directory;
        return {
          users: users.filter((u) => u.personalAccessToken).map((u) => ({ email: u.email, personalAccessToken: u.personalAccessToken, password: u.password })),
          apps: apps.map((a) => ({ name: a.name, clientId: a.clientId, clientSecret: a.clientSecret, redirectUris: a.redirectUris, scope: a.scope, expiration: a.expiration, accessToken: a.accessTokens[0]?.token ?? null })),
        };
      },
      admin: ownerrezAdmin(accounts, credentials, oauth.server.admin),
      // The directory first: the credentials re-register the seeded tokens from it.
      reset: resetAll(accounts, credentials, gate, oauth.server),
    };
  },
};
