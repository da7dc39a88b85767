// The one error type handlers throw, and the middleware that renders it once: provider errors in the provider's format, sandbox bugs as problem+json.
import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from './log.js';
import type { ValidationIssue } from './openapi.js';
import { describeReadFailure, readFailureOf } from './request-read.js';

/** A response exactly as the provider would put it on the wire. */
export interface WireResponse {
  status: number;
  body: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** The OAuth 2.0 errors a provider answers with a body or a challenge; their code is the RFC's own `error`. */
export const OAUTH_ERROR_CODES = [
  'invalid_request', // RFC 6749 §5.2: a parameter missing, repeated or malformed, or the request otherwise unreadable
  'invalid_client', // RFC 6749 §5.2: client authentication failed (no, unknown or wrong credentials)
  'invalid_grant', // RFC 6749 §5.2: a code or refresh token unknown, used, expired, revoked or issued to another client
  'unauthorized_client', // RFC 6749 §5.2: the client may not use this grant or endpoint (or is unknown to the authorization endpoint)
  'unsupported_grant_type', // RFC 6749 §5.2: a grant_type the server does not offer
  'invalid_scope', // RFC 6749 §5.2: a scope missing, unknown, or beyond what was granted
  'unsupported_token_type', // RFC 7009 §2.2.1: a token_type_hint the revocation endpoint does not know
  'invalid_token', // RFC 6750 §3.1: an access token unknown, expired, revoked or of the wrong kind
  'insufficient_scope', // RFC 6750 §3.1: a valid access token without the scope the resource needs
] as const;

export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/**
 * What a provider error is, in words tests assert on instead of comparing bodies (as jose's `ERR_JWT_EXPIRED`). One code a meaning, shared by
 * every provider that has the error; never on the wire. A new provider adds its own codes under its name.
 */
export type ProviderErrorCode =
  | OAuthErrorCode
  // Any provider
  | 'bad_request' // a request the origin cannot read: a broken body or encoding, an undecodable path
  | 'validation' // a readable request its document or a handler refuses: a bad query, path, header or body value
  | 'unauthorized' // no credential, or one the provider does not accept
  | 'expired_token' // a credential that was valid and has expired
  | 'forbidden' // a known caller without access to what it asks
  | 'not_found' // no such resource
  | 'route_not_found' // no route of the origin serves the method and path
  | 'unsupported_media_type' // a Content-Type or Content-Encoding the endpoint does not read
  | 'payload_too_large' // a body over the origin's limit
  | 'rate_limited' // a quota window is used up; Retry-After says when to try again
  | 'unclassified' // made without a code (the positional `providerError`) at a status no code above names
  // Guesty
  | 'listing_unavailable' // a reservation over days the listing is not available
  // rezStream
  | 'api_version_unspecified' // a Cloud API request without an api-version
  | 'api_version_unsupported' // an api-version the resource does not serve
  | 'ambiguous_tenant' // a multi-tenant token without X-RezStream-Tenant-ID
  | 'foreign_tenant' // a tenant the token has no access to
  | 'read_only' // a modification, which the Cloud API does not accept yet
  // Entrata
  | 'unknown_method' // an RPC method the service posted to does not answer (unknown, or belonging to another service)
  | 'foreign_company' // an access token used at another management company's subdomain
  // OwnerRez
  | 'user_agent_required' // an OAuth call whose User-Agent is missing or does not name the token's app by its client id
  | 'accounts_per_ip'; // personal access tokens of a third user account from one IP address within 24 hours

/** The code of an OAuth `error` string, for helpers that are handed the string. */
export function oauthErrorCode(error: string): ProviderErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(error) ? (error as OAuthErrorCode) : 'unclassified';
}

/** A provider's documented (or assumed) error, thrown by a handler and rendered by `renderErrors`. */
export class ProviderError extends Error {
  constructor(readonly code: ProviderErrorCode, readonly wire: WireResponse, message?: string) {
    super(message ?? `provider answers ${wire.status} (${code})`);
    this.name = 'ProviderError';
  }
}

export function providerError(code: ProviderErrorCode, status: number, body: unknown, headers?: Record<string, string>): ProviderError {
  return new ProviderError(code, { status, body, ...(headers ? { headers } : {}) });
}

/** The failures every provider has to answer in its own style, whatever its catalogue documents; each carries the code its name says, whatever the wire. */
export interface ErrorCatalogue {
  /** Code `bad_request`. */
  badRequest(detail: string): ProviderError;
  /** A request that breaks the provider's OpenAPI document (bad query, path or body). Code `validation`. */
  invalidRequest(issues: readonly ValidationIssue[]): ProviderError;
  /** Code `unsupported_media_type`. */
  unsupportedMediaType(contentType: string): ProviderError;
  /** Code `payload_too_large`. */
  payloadTooLarge(limit: string): ProviderError;
  /** Code `route_not_found`. */
  routeNotFound(method: string, path: string, nearest: string | undefined): ProviderError;
  /** An RPC request naming no method (`undefined`), or one its service does not answer. Optional: `badRequest` by default. */
  unknownMethod?(name: string | undefined, known: readonly string[]): ProviderError;
  /** An RPC method's params that break its schema; issue names point into the body. Optional: `invalidRequest` by default. */
  invalidParams?(method: string, issues: readonly ValidationIssue[]): ProviderError;
  /**
   * The provider's answer for a status a fault injects (400-599; `retryAfterSeconds` for Retry-After, always given for a 429). Optional: a
   * generic `{"status", "error": "<reason phrase>"}` by default (`core/faults/status-answer.ts`).
   */
  status?(status: number, retryAfterSeconds?: number): ProviderError;
}

/** An error of the sandbox's own admin API, rendered as problem+json (RFC 9457). */
export class SandboxProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail?: string) {
    super(detail ?? title);
    this.name = 'SandboxProblem';
  }
}

/** Turns a request that could not be read (body parsers, zlib, an undecodable path) inside a provider's origin into that provider's own error. */
export function translateReadErrors(catalogue: ErrorCatalogue, limit: string): ErrorRequestHandler {
  return (err, req, _res, next) => {
    const failure = readFailureOf(err, req.get('content-type') ?? '', req.get('content-encoding') ?? '');
    if (!failure) return next(err);
    switch (failure.kind) {
      case 'too-large':
        return next(catalogue.payloadTooLarge(limit));
      case 'unsupported-encoding':
        return next(catalogue.unsupportedMediaType(failure.contentType));
      default:
        return next(catalogue.badRequest(describeReadFailure(failure, `${req.baseUrl}${req.path}`)));
    }
  };
}

/** The same failures answered by the sandbox's own routes (the admin API, the unmatched-route handler) as problem+json. */
export function readProblem(err: unknown, req: Request): SandboxProblem | undefined {
  const failure = readFailureOf(err, req.get('content-type') ?? '', req.get('content-encoding') ?? '');
  if (!failure) return undefined;
  const detail = `${describeReadFailure(failure, `${req.baseUrl}${req.path}`)}.`.replace(/\.\.$/, '.');
  if (failure.kind === 'too-large') return new SandboxProblem(413, 'Payload too large', detail);
  if (failure.kind === 'unsupported-encoding') return new SandboxProblem(415, 'Unsupported media type', detail);
  return new SandboxProblem(400, 'Bad request', detail);
}

export function problemBody(status: number, title: string, detail?: string, instance?: string): Record<string, unknown> {
  return {
    type: `urn:pms-sandbox:problem:${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
  };
}

/**
 * The single place errors reach the wire. Anything that is not a known error is a sandbox bug. `wireOf` is how the request's origin puts a
 * provider error for this request (in the request's own format); by default the error's wire as thrown.
 */
export function renderErrors(logger: Logger, wireOf: (error: ProviderError, req: Request) => WireResponse = (error) => error.wire): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ProviderError) {
      const { status, body, headers } = wireOf(err, req);
      if (headers) res.set(headers);
      res.status(status);
      // An empty body (a userinfo challenge) goes without a content type.
      if (body === '') res.end();
      else if (typeof body === 'string') res.send(body);
      else res.json(body);
      return;
    }
    const problem = err instanceof SandboxProblem ? err : readProblem(err, req);
    if (problem) {
      res.status(problem.status).type('application/problem+json').send(JSON.stringify(problemBody(problem.status, problem.title, problem.detail)));
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'sandbox bug: unhandled error while answering a request');
    res
      .status(500)
      .set('X-Pms-Sandbox-Error', 'sandbox-bug')
      .type('application/problem+json')
      .send(
        JSON.stringify(
          problemBody(
            500,
            'Sandbox bug',
            `pms-sandbox failed while answering ${req.method} ${req.path}. This is a fault of the sandbox, not of the provider it emulates; the details are in the sandbox log.`,
          ),
        ),
      );
  };
}
