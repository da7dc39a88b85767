// The authorization endpoint (RFC 6749 §4.1, RFC 7636, OpenID Connect Core §3.1) with its sign-in and consent pages: checks what can only be
// shown (client, redirect URI), then what is sent back; answers at once from the headless consent queue, else renders the pages.
import type { Request, Response } from 'express';
import { providerError, type ProviderError } from '../errors.js';
import type { RouteSpec } from '../provider.js';
import type { ClientLookup, RegisteredClient } from './clients.js';
import type { AuthorizeRequest, ConsentQueue, Interaction } from './consent.js';
import type { OAuthWords, PageFailure, RedirectFailure } from './failures.js';
import type { GrantLedger } from './ledger.js';
import { consentPage, signInPage, type ConsentPicker, type PageBrand } from './pages.js';
import { isWellFormedVerifier } from './pkce.js';

export interface SignedInUser {
  id: string;
  /** Shown on the consent page. */
  displayName: string;
}

/** What a provider decides in the code flow: its scopes, its own parameters, who may sign in, what the user picks and what the grant holds. */
export interface AuthorizeFlow<C extends RegisteredClient, G, X> {
  clients: ClientLookup<C>;
  /** Its own rules on the requested scopes (known ones, which combinations); a failure is redirected to the client. */
  checkScopes(scopes: string[]): Extract<RedirectFailure, { kind: 'invalid_scope' }> | undefined;
  describeScope(name: string): string;
  /** The scopes the consent page asks for, where the client's registration names them rather than the request (OwnerRez apps); default the request's. */
  scopesOf?(request: AuthorizeRequest<X>): string[];
  /** Its own authorize parameters, read from the query. */
  extra(param: (name: string) => string | undefined): X;
  signIn(username: string, password: unknown): SignedInUser | undefined;
  user(userId: string): SignedInUser | undefined;
  /** The choice the consent page offers this user for this request (none: no picker). */
  picker?(request: AuthorizeRequest<X>, userId: string): ConsentPicker | undefined;
  /** The grant an approval gives, or why the choice is wrong (shown on the page, or refusing a queued decision). */
  decide(request: AuthorizeRequest<X>, userId: string, chosen: string[]): { grant: G } | { problem: string };
}

export interface AuthorizeEndpointOptions<C extends RegisteredClient, G, X> {
  paths: { authorize: string; login: string; consent: string };
  /** The sandbox base URL of the origin, as the client reached it: the pages post to it. */
  base: (req: Request) => string;
  /** The issuer, sent back as `iss` (RFC 9207). */
  issuer: (req: Request) => string;
  words: Required<Pick<OAuthWords, 'redirect' | 'page'>>;
  brand: PageBrand;
  flow: AuthorizeFlow<C, G, X>;
  ledger: GrantLedger<G>;
  consent: ConsentQueue<X>;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

class Redirected extends Error {
  constructor(readonly failure: RedirectFailure) {
    super(failure.kind);
  }
}

/** RFC 6749 §4.1.2: the answer rides on the registered redirect URI, with `state` and (RFC 9207) `iss`. */
function redirectTo(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  res.set('Cache-Control', 'no-store').redirect(302, url.toString());
}

export function authorizeRoutes<C extends RegisteredClient, G, X>(options: AuthorizeEndpointOptions<C, G, X>): RouteSpec[] {
  const { paths, words, brand, flow, ledger, consent } = options;
  const shown = (failure: PageFailure): ProviderError => words.page(failure);
  const clientName = (clientId: string): string => flow.clients(clientId)?.name ?? clientId;

  const param = (req: Request) => (name: string): string | undefined => {
    const value = req.query[name];
    if (Array.isArray(value)) throw new Redirected({ kind: 'repeated', name });
    return typeof value === 'string' && value !== '' ? value : undefined;
  };

  const parse = (req: Request): { clientId: string; redirectUri: string } => {
    const rawClient = req.query.client_id;
    const clientId = typeof rawClient === 'string' ? rawClient : undefined;
    const client = clientId ? flow.clients(clientId) : undefined;
    if (!clientId || !client) throw shown({ kind: 'unknown_client', clientId });
    const rawRedirect = req.query.redirect_uri;
    const redirectUri = typeof rawRedirect === 'string' ? rawRedirect : undefined;
    if (!redirectUri || !(client.redirectUris ?? []).includes(redirectUri)) throw shown({ kind: 'unregistered_redirect_uri', clientId, redirectUri });
    return { clientId, redirectUri };
  };

  const complete = (req: Request, base: { clientId: string; redirectUri: string }): AuthorizeRequest<X> => {
    const read = param(req);
    const state = read('state');
    if (read('response_type') !== 'code') throw new Redirected({ kind: 'unsupported_response_type' });
    const scopes = (read('scope') ?? '').split(' ').filter(Boolean);
    const refused = flow.checkScopes(scopes);
    if (refused) throw new Redirected(refused);
    const codeChallenge = read('code_challenge');
    const method = read('code_challenge_method');
    if (codeChallenge !== undefined || method !== undefined) {
      if (method !== 'S256') throw new Redirected({ kind: 'unsupported_challenge_method' });
      // §4.2: the challenge of a well-formed verifier has the verifier's syntax (43 base64url characters).
      if (!codeChallenge || !isWellFormedVerifier(codeChallenge)) throw new Redirected({ kind: 'invalid_challenge' });
    }
    return { ...base, state, scopes, nonce: read('nonce'), codeChallenge, extra: flow.extra(read) };
  };

  /** Issues the code for an approved request, or sends the user's refusal. */
  const answer = (req: Request, res: Response, request: AuthorizeRequest<X>, grant: G | undefined): void => {
    const iss = options.issuer(req);
    if (grant === undefined) return redirectTo(res, request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: request.state, iss });
    const code = ledger.issueCode({ grant, clientId: request.clientId, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge, nonce: request.nonce });
    // A request that named no scope gets none back: the scopes are the client's registration (RFC 6749 §4.1.2 sends only code and state).
    redirectTo(res, request.redirectUri, { code, scope: request.scopes.length > 0 ? request.scopes.join(' ') : undefined, state: request.state, iss });
  };

  const renderConsent = (req: Request, res: Response, handle: string, interaction: Interaction<X>, error?: string): void => {
    const request = interaction.request;
    const picker = flow.picker?.(request, interaction.userId!);
    const html = consentPage(brand, {
        action: `${options.base(req)}${paths.consent}`,
        interaction: handle,
        clientName: clientName(request.clientId),
        userName: flow.user(interaction.userId!)?.displayName ?? interaction.userId!,
        ...(picker ? { picker } : {}),
        scopes: (flow.scopesOf?.(request) ?? request.scopes).map((name) => ({ name, description: flow.describeScope(name) })),
        ...(error ? { error } : {}),
      });
    // A choice the user must make again is the page once more, as a 400 (thrown, so it is rendered where every error is).
    if (error) throw providerError('validation', 400, html, HTML);
    res.status(200).set(HTML).send(html);
  };

  const pendingInteraction = (handle: unknown): Interaction<X> => {
    const found = typeof handle === 'string' ? consent.interactions.lookup(handle) : { state: 'unknown' as const };
    if (found.state !== 'active') throw shown({ kind: 'interaction_expired' });
    return found.record.data;
  };

  const formValues = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []);
  const signInAt = (req: Request): string => `${options.base(req)}${paths.login}`;

  return [
    {
      method: 'get',
      path: paths.authorize,
      operationId: 'authorize',
      validate: false,
      handle: (req, res) => {
        const base = parse(req);
        let request: AuthorizeRequest<X>;
        try {
          request = complete(req, base);
        } catch (err) {
          if (!(err instanceof Redirected)) throw err;
          const { error, description } = words.redirect(err.failure);
          return redirectTo(res, base.redirectUri, { error, error_description: description, state: typeof req.query.state === 'string' ? req.query.state : undefined, iss: options.issuer(req) });
        }
        const queued = consent.take(request.clientId);
        if (queued) {
          if (!queued.approve) return answer(req, res, request, undefined);
          const decided = flow.decide(request, queued.userId, queued.chosen);
          if ('problem' in decided) throw shown({ kind: 'queued_consent_mismatch', problem: decided.problem });
          return answer(req, res, request, decided.grant);
        }
        const handle = consent.startInteraction(request);
        res.status(200).set(HTML).send(signInPage(brand, { action: signInAt(req), interaction: handle, clientName: clientName(request.clientId) }));
      },
    },
    {
      method: 'post',
      path: paths.login,
      validate: false,
      handle: (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const interaction = pendingInteraction(body.interaction);
        const username = typeof body.username === 'string' ? body.username : '';
        const user = flow.signIn(username, body.password);
        if (!user) {
          res.status(200).set(HTML).send(signInPage(brand, { action: signInAt(req), interaction: String(body.interaction), clientName: clientName(interaction.request.clientId), username, error: 'Invalid username or password.' }));
          return;
        }
        interaction.userId = user.id;
        renderConsent(req, res, String(body.interaction), interaction);
      },
    },
    {
      method: 'post',
      path: paths.consent,
      validate: false,
      handle: (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const interaction = pendingInteraction(body.interaction);
        if (!interaction.userId) throw shown({ kind: 'not_signed_in' });
        const approve = body.decision === 'approve';
        const picker = flow.picker?.(interaction.request, interaction.userId);
        const decided = approve ? flow.decide(interaction.request, interaction.userId, picker ? formValues(body[picker.name]) : []) : undefined;
        if (decided && 'problem' in decided) return renderConsent(req, res, String(body.interaction), interaction, decided.problem);
        consent.interactions.consume(String(body.interaction));
        answer(req, res, interaction.request, decided?.grant);
      },
    },
  ];
}
