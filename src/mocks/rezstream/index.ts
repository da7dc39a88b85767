// rezStream, assembled: follows seeds/001 ("Authentication", "Manual API Token Generation", "OAuth API Authorization and Token Generation",
// "rezStream Cloud API", "The Data and Endpoints") and the rezStream part of provider-facts.md. Where both are silent it follows RFC 6749, 6750,
// 7636, 7009, 8288 and OpenID Connect, as IdentityServer (behind rezStream's /connect/* endpoints) does; the README lists each assumption.
import { once } from '../../core/once.js';
import { OpenApiDocument } from '../../core/openapi.js';
import { specFile } from '../../core/project-files.js';
import type { ProviderDefinition } from '../../core/provider.js';
import { resetAll } from '../../core/resettable.js';
import { RezStreamAccounts } from './accounts.js';
import { rezstreamAdmin } from './admin.js';
import { rezstreamCatalogue } from './errors.js';
import { RezStreamGrants } from './grants.js';
import { rezstreamAuthorizationServer } from './oauth.js';
import { rezstreamOrigins } from './routes.js';

/** The enum of the X-RezStream-Api-Version parameter in the document: the versions the Cloud API accepts. */
function apiVersions(document: OpenApiDocument): readonly string[] {
  const parameters = (document.document.components as { parameters?: Record<string, { schema?: { enum?: unknown[] } }> } | undefined)?.parameters;
  return (parameters?.ApiVersion?.schema?.enum ?? []).map(String);
}

export const rezstream: ProviderDefinition = {
  id: 'rezstream',
  create(ctx) {
    const accounts = new RezStreamAccounts(ctx.config.seed, ctx.clock, ctx.seeds);
    const grants = new RezStreamGrants(ctx.clock, () => accounts.directory.manualTokens);
    const authorizationServer = rezstreamAuthorizationServer(accounts, grants, ctx);
    const file = specFile('rezstream');
    const document = once(() => OpenApiDocument.load(file));
    const versions = once(() => apiVersions(document()));
    return {
      id: 'rezstream',
      title: 'rezStream',
      origins: rezstreamOrigins({ accounts, grants, authorizationServer, ctx, versions, specFile: file, document }),
      spec: { file, document },
      errors: rezstreamCatalogue,
      credentials: () => {
        const client = accounts.directory.clients[0]!;
        return {
          client: { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: client.redirectUris },
          users: accounts.directory.users.map((u) => ({ username: u.username, password: u.password, tenants: u.tenants })),
          manualTokens: accounts.directory.manualTokens.map((t) => ({ tenantId: t.tenantId, token: t.token, scopes: t.scopes })),
        };
      },
      admin: rezstreamAdmin(accounts, grants, authorizationServer.admin),
      reset: resetAll(accounts, grants, authorizationServer),
    };
  },
};
