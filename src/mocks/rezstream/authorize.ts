// The authorization endpoint of https://account.rezstream.com (seeds/001, "OAuth API Authorization and Token Generation"; RFC 6749 §4.1,
// RFC 7636, OpenID Connect Core §3.1): sign in as a seeded user, pick the tenant (or tenants, with multiTenant=true), approve or deny.
import type { Request, Response } from 'express';
import type { ProviderContext, RouteSpec } from '../../core/provider.js';
import type { RezStreamAccounts } from './accounts.js';
import { identityBase, issuerOf } from './auth.js';
import type { AuthorizeRequest, Consent, Interaction } from './consent.js';
import { authorizeErrorPage } from './errors.js';
import { API_SCOPES, IDENTITY_SCOPES, isApiScope, type RezStreamGrants } from './grants.js';
import { consentPage, signInPage } from './pages.js';

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

class RedirectError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(description);
  }
}

function queryValue(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (Array.isArray(value)) throw new RedirectError('invalid_request', `The '${name}' parameter was sent more than once.`);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** RFC 6749 §4.1.2: the answer rides on the registered redirect URI, with `state` and (RFC 9207) `iss`. */
function redirectTo(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  res.set('Cache-Control', 'no-store').redirect(302, url.toString());
}

export function authorizeRoutes(accounts: RezStreamAccounts, grants: RezStreamGrants, consent: Consent, ctx: ProviderContext): RouteSpec[] {
  /** Checks what can only be shown (client, redirect URI), then what is sent back to the client. */
  const parse = (req: Request): AuthorizeRequest => {
    const rawClient = req.query.client_id;
    const clientId = typeof rawClient === 'string' ? rawClient : undefined;
    const client = clientId ? accounts.client(clientId) : undefined;
    if (!clientId || !client) throw authorizeErrorPage('unauthorized_client', `Unknown client or client not enabled: ${clientId ?? '(no client_id)'}.`);
    const rawRedirect = req.query.redirect_uri;
    const redirectUri = typeof rawRedirect === 'string' ? rawRedirect : undefined;
    if (!redirectUri || !client.redirectUris.includes(redirectUri)) throw authorizeErrorPage('invalid_request', `Invalid redirect_uri: ${redirectUri ?? '(none)'} is not registered for ${clientId}.`);
    return { clientId, redirectUri, scopes: [], state: undefined, nonce: undefined, codeChallenge: undefined, multiTenant: false, tid: undefined };
  };

  const complete = (req: Request, base: AuthorizeRequest): AuthorizeRequest => {
    const state = queryValue(req, 'state');
    const responseType = queryValue(req, 'response_type');
    if (responseType !== 'code') throw new RedirectError('unsupported_response_type', 'Only the authorization code flow (response_type=code) is supported.');
    const scopes = (queryValue(req, 'scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) throw new RedirectError('invalid_scope', 'No scope was requested.');
    const unknown = scopes.filter((s) => !isApiScope(s) && !Object.hasOwn(IDENTITY_SCOPES, s));
    if (unknown.length > 0) throw new RedirectError('invalid_scope', `Unknown scope: ${unknown.join(' ')}.`);
    if (!scopes.some(isApiScope) && !scopes.includes('openid')) throw new RedirectError('invalid_scope', 'Request an API scope, or openid to sign in.');
    const codeChallenge = queryValue(req, 'code_challenge');
    const method = queryValue(req, 'code_challenge_method');
    if (codeChallenge !== undefined || method !== undefined) {
      if (method !== 'S256') throw new RedirectError('invalid_request', 'Transform algorithm not supported: use code_challenge_method=S256.');
      if (!codeChallenge || !CHALLENGE.test(codeChallenge)) throw new RedirectError('invalid_request', 'Invalid code_challenge.');
    }
    return { ...base, state, scopes, nonce: queryValue(req, 'nonce'), codeChallenge, multiTenant: queryValue(req, 'multiTenant') === 'true', tid: queryValue(req, 'tid') };
  };

  /** Issues the code for an approved request, or sends the user's refusal. */
  const answer = (req: Request, res: Response, request: AuthorizeRequest, userId: string, tenantIds: string[], approve: boolean): void => {
    const iss = issuerOf(ctx, req);
    if (!approve) return redirectTo(res, request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: request.state, iss });
    const code = grants.issueCode({
      grant: { clientId: request.clientId, userId, tenantIds: request.scopes.some(isApiScope) ? tenantIds : [], scopes: request.scopes, authTime: ctx.clock.nowSeconds() },
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      nonce: request.nonce,
    });
    redirectTo(res, request.redirectUri, { code, scope: request.scopes.join(' '), state: request.state, iss });
  };

  /** The tenants a user may pick for a request, or why the choice is wrong. */
  const tenantProblem = (request: AuthorizeRequest, userId: string, tenantIds: string[]): string | undefined => {
    if (!request.scopes.some(isApiScope)) return undefined;
    const managed = accounts.userById(userId)?.tenants ?? [];
    if (tenantIds.length === 0) return 'Select a business to connect.';
    const foreign = tenantIds.filter((t) => !managed.includes(t));
    if (foreign.length > 0) return `You do not manage ${foreign.join(', ')}.`;
    if (tenantIds.length > 1 && !request.multiTenant) return 'Select one business: this integration did not ask for multi-tenant access (multiTenant=true).';
    return undefined;
  };

  const renderConsent = (req: Request, res: Response, handle: string, interaction: Interaction, error?: string): void => {
    const user = accounts.userById(interaction.userId!)!;
    const request = interaction.request;
    const tenants = request.scopes.some(isApiScope) ? user.tenants.map((id) => accounts.business(id)!).map((b) => ({ id: b.id, name: b.name, timeZone: b.timeZone })) : [];
    const describe = (name: string): string => API_SCOPES[name] ?? IDENTITY_SCOPES[name] ?? name;
    res.status(error ? 400 : 200).set(HTML).send(
      consentPage({
        action: `${identityBase(ctx, req)}/consent`,
        interaction: handle,
        clientName: accounts.client(request.clientId)?.name ?? request.clientId,
        userName: `${user.givenName} ${user.familyName}`,
        tenants,
        multiTenant: request.multiTenant,
        ...(request.tid ? { preselected: request.tid } : {}),
        scopes: request.scopes.map((name) => ({ name, description: describe(name) })),
        ...(error ? { error } : {}),
      }),
    );
  };

  const pendingInteraction = (handle: unknown): Interaction => {
    const found = typeof handle === 'string' ? consent.interactions.lookup(handle) : { state: 'unknown' as const };
    if (found.state !== 'active') throw authorizeErrorPage('invalid_request', 'This sign-in has expired or was already completed; start again from the integration.');
    return found.record.data;
  };

  const formValues = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []);

  return [
    {
      method: 'get',
      path: '/connect/authorize',
      operationId: 'authorize',
      validate: false,
      handle: (req, res) => {
        const base = parse(req);
        let request: AuthorizeRequest;
        try {
          request = complete(req, base);
        } catch (err) {
          if (err instanceof RedirectError) return redirectTo(res, base.redirectUri, { error: err.error, error_description: err.description, state: typeof req.query.state === 'string' ? req.query.state : undefined, iss: issuerOf(ctx, req) });
          throw err;
        }
        const queued = consent.take(request.clientId);
        if (queued) {
          const problem = queued.approve ? tenantProblem(request, queued.userId, queued.tenants) : undefined;
          if (problem) throw authorizeErrorPage('invalid_request', `The queued consent cannot answer this request: ${problem}`);
          return answer(req, res, request, queued.userId, queued.tenants, queued.approve);
        }
        const handle = consent.startInteraction(request);
        res.status(200).set(HTML).send(signInPage({ action: `${identityBase(ctx, req)}/account/login`, interaction: handle, clientName: accounts.client(request.clientId)?.name ?? request.clientId }));
      },
    },
    {
      method: 'post',
      path: '/account/login',
      validate: false,
      handle: (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const interaction = pendingInteraction(body.interaction);
        const username = typeof body.username === 'string' ? body.username : '';
        const user = accounts.user(username);
        if (!user || body.password !== user.password) {
          res.status(200).set(HTML).send(signInPage({ action: `${identityBase(ctx, req)}/account/login`, interaction: String(body.interaction), clientName: accounts.client(interaction.request.clientId)?.name ?? interaction.request.clientId, username, error: 'Invalid username or password.' }));
          return;
        }
        interaction.userId = user.id;
        renderConsent(req, res, String(body.interaction), interaction);
      },
    },
    {
      method: 'post',
      path: '/consent',
      validate: false,
      handle: (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const interaction = pendingInteraction(body.interaction);
        if (!interaction.userId) throw authorizeErrorPage('invalid_request', 'Sign in first.');
        const approve = body.decision === 'approve';
        const tenants = formValues(body.tenants);
        const problem = approve ? tenantProblem(interaction.request, interaction.userId, tenants) : undefined;
        if (problem) return renderConsent(req, res, String(body.interaction), interaction, problem);
        consent.interactions.consume(String(body.interaction));
        answer(req, res, interaction.request, interaction.userId, tenants, approve);
      },
    },
  ];
}

