// Hospitable, assembled. Follows seeds/002 (Hospitable, "Accessing the Public API with a personal access token": owner-only tokens with Read
// and/or Write permissions, partners on OAuth, v1 on client ids and secrets) and the Hospitable part of provider-facts.md (the published
// OpenAPI document "Hospitable API V2": endpoints, envelope, fields, errors, scopes, token lifetimes). Where both are silent it follows
// Laravel Passport and league/oauth2-server (behind Hospitable's token formats), and RFC 6749 and 6750; the README lists each assumption.
import { once } from '../../core/once.js';
import { OpenApiDocument } from '../../core/openapi.js';
import { specFile } from '../../core/project-files.js';
import type { ProviderDefinition } from '../../core/provider.js';
import { resetAll } from '../../core/resettable.js';
import { HospitableAccounts } from './accounts.js';
import { hospitableAdmin } from './admin.js';
import { hospitableCatalogue } from './errors.js';
import { HospitableGrants } from './grants.js';
import { hospitableOAuth } from './oauth.js';
import { hospitableOrigins } from './routes.js';

export const hospitable: ProviderDefinition = {
  id: 'hospitable',
  create(ctx) {
    const accounts = new HospitableAccounts(ctx.config.seed, ctx.clock, ctx.seeds);
    const grants = new HospitableGrants(ctx.clock, ctx.config.seed, () => accounts.directory.personalAccessTokens);
    const oauth = hospitableOAuth(accounts, grants, ctx);
    const file = specFile('hospitable');
    const document = once(() => OpenApiDocument.load(file));
    return {
      id: 'hospitable',
      title: 'Hospitable',
      origins: hospitableOrigins(accounts, grants, oauth, ctx),
      spec: { file, document },
      errors: hospitableCatalogue,
      credentials: () => {
        const { users, personalAccessTokens, v1Clients, oauthClients } = accounts.directory;
        const v1 = v1Clients[0]!;
        const client = oauthClients[0]!;
        return {
          users: users.map((u) => ({ email: u.email, password: u.password, role: u.role, accountId: u.accountId })),
          personalAccessTokens: personalAccessTokens.map((t) => ({ name: t.name, token: t.token, permissions: t.permissions, accountId: t.accountId })),
          v1: { clientId: v1.clientId, clientSecret: v1.clientSecret, accountId: v1.accountId },
          oauthClient: { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: client.redirectUris, scopes: client.scopes },
          oauthClients: oauthClients.map((c) => ({ clientId: c.clientId, clientSecret: c.clientSecret, redirectUris: c.redirectUris, scopes: c.scopes })),
        };
      },
      admin: hospitableAdmin(accounts, grants, oauth.admin),
      reset: resetAll(accounts, grants, oauth),
    };
  },
};
