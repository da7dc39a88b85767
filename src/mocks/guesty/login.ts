// Guesty's token issuer (login.guesty.com, an Okta authorization server): metadata and the JWKS that verifies the access tokens.
import type { RouteSpec } from '../../core/provider.js';
import type { ProviderContext } from '../../core/provider.js';
import { BOOKING_ENGINE, issuerUrl, OPEN_API, type GuestyApi } from './auth.js';
import { guestyErrors } from './errors.js';

function apiOf(authServerId: string): GuestyApi {
  const api = [OPEN_API, BOOKING_ENGINE].find((a) => a.authServerId === authServerId);
  if (!api) throw guestyErrors.notFound('Authorization server', authServerId);
  return api;
}

export function loginRoutes(ctx: ProviderContext): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/oauth2/:authServerId/v1/keys',
      handle: async (req, res) => {
        apiOf(String(req.params.authServerId));
        res.json((await ctx.keys.ready()).jwks());
      },
    },
    {
      method: 'get',
      path: '/oauth2/:authServerId/.well-known/oauth-authorization-server',
      handle: (req, res) => {
        const api = apiOf(String(req.params.authServerId));
        const sandboxUrl = ctx.sandboxUrl(req);
        const issuer = issuerUrl(sandboxUrl, api);
        const tokenOrigin = api.name === 'openApi' ? 'open-api.guesty.com' : 'booking.guesty.com';
        res.json({
          issuer,
          token_endpoint: `${sandboxUrl}/${tokenOrigin}/oauth2/token`,
          jwks_uri: `${issuer}/v1/keys`,
          grant_types_supported: ['client_credentials'],
          scopes_supported: [api.scope],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          response_types_supported: ['token'],
        });
      },
    },
  ];
}
