// Where the rezStream cases get their tokens (seeds/001, "Manual API Token Generation" and "OAuth API Authorization and Token Generation"):
// on a sandbox from its admin API (GET /__sandbox/credentials, the headless consent queue, manual tokens) and the code flow with PKCE;
// on a live target from the environment variables index.ts names, since a live code flow needs a person at the consent page.
import { createHash, randomBytes } from 'node:crypto';
import type { CaseContext, RequestSpec } from '../types.js';
import { asObject, IDENTITY } from './common.js';
import { sandboxAdmin } from '../sandbox-admin.js';

/** The scopes of provider-facts' example: two API scopes, and offline_access for a refresh token. */
export const DOCUMENT_SCOPES = 'revenue_management guest_communication offline_access';

export interface SeededRezStream {
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  users: Array<{ username: string; password: string; tenants: string[] }>;
  manualTokens: Array<{ tenantId: string; token: string; scopes: string[] }>;
}


export async function seeded(ctx: CaseContext): Promise<SeededRezStream> {
  return asObject(await sandboxAdmin(ctx, 'GET', '/credentials')).rezstream as SeededRezStream;
}

export interface ApprovedCode {
  code: string;
  verifier: string;
  redirectUri: string;
  tenants: string[];
}

/**
 * Queues the consent of the user who manages several businesses (for one of them, or with multiTenant=true for two), then sends the
 * authorize request with PKCE and reads the code from the redirect.
 */
export async function approvedCode(ctx: CaseContext, options: { scope: string; multiTenant?: boolean }): Promise<ApprovedCode> {
  const { client, users } = await seeded(ctx);
  const user = users.find((u) => u.tenants.length > 1);
  if (!user) throw new Error('before: the sandbox seeds no user with several businesses');
  const tenants = user.tenants.slice(0, options.multiTenant ? 2 : 1);
  await sandboxAdmin(ctx, 'POST', '/rezstream/consent', { clientId: client.clientId, user: user.username, tenants, approve: true });
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = client.redirectUris[0]!;
  const res = await ctx.send({
    origin: IDENTITY,
    method: 'GET',
    path: '/connect/authorize',
    query: {
      client_id: client.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: options.scope,
      state: 'contract',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      multiTenant: options.multiTenant ? 'true' : undefined,
    },
  });
  const location = res.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (res.status !== 302 || !code) throw new Error(`before: the authorize endpoint answered ${res.status} ${location ?? ''}, not a redirect with a code`);
  return { code, verifier, redirectUri, tenants };
}

/** The code exchange as rezStream's Postman collection sends it: the client in the form body (client_secret_post). */
export function codeExchange(ctx: CaseContext, approved: ApprovedCode): RequestSpec {
  const { clientId, clientSecret } = ctx.credentials('client');
  return {
    origin: IDENTITY,
    method: 'POST',
    path: '/connect/token',
    headers: { Accept: 'application/json' },
    form: { grant_type: 'authorization_code', code: approved.code, redirect_uri: approved.redirectUri, code_verifier: approved.verifier, client_id: clientId, client_secret: clientSecret },
  };
}

export function refreshRequest(ctx: CaseContext, refreshToken: string): RequestSpec {
  const { clientId, clientSecret } = ctx.credentials('client');
  return { origin: IDENTITY, method: 'POST', path: '/connect/token', headers: { Accept: 'application/json' }, form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret } };
}

/** Sends a token request in a before step; fails the case unless it is granted. */
export async function granted(ctx: CaseContext, request: RequestSpec): Promise<{ access_token: string; refresh_token?: string }> {
  const res = await ctx.send(request);
  const body = asObject(res.body);
  if (res.status !== 200 || typeof body.access_token !== 'string') throw new Error(`before: the token endpoint answered ${res.status}, not a token`);
  return { access_token: body.access_token, ...(typeof body.refresh_token === 'string' ? { refresh_token: body.refresh_token } : {}) };
}

/** A token for several tenants: REZSTREAM_MULTI_TENANT_TOKEN on a live target; on a sandbox, a code flow with multiTenant=true for two. */
export async function multiTenantToken(ctx: CaseContext): Promise<string> {
  if (ctx.target.kind === 'live') return ctx.token('multiTenant');
  return (await granted(ctx, codeExchange(ctx, await approvedCode(ctx, { scope: DOCUMENT_SCOPES, multiTenant: true })))).access_token;
}

/** A token whose scopes do not read reservations: REZSTREAM_NO_RESERVATIONS_TOKEN live; on a sandbox a manual token with `inventory` only. */
export async function tokenWithoutReservationScope(ctx: CaseContext): Promise<string> {
  if (ctx.target.kind === 'live') return ctx.token('noReservations');
  const created = asObject(await sandboxAdmin(ctx, 'POST', `/rezstream/tenants/${await ctx.token('tenant')}/tokens`, { scopes: ['inventory'] }));
  if (typeof created.token !== 'string') throw new Error('before: the sandbox generated no manual token');
  return created.token;
}
