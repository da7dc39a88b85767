// The one error type handlers throw, and the middleware that renders it once: provider errors in the provider's format, sandbox bugs as problem+json.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from './log.js';
import type { ValidationIssue } from './openapi.js';

/** A response exactly as the provider would put it on the wire. */
export interface WireResponse {
  status: number;
  body: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** A provider's documented (or assumed) error, thrown by a handler and rendered by `renderErrors`. */
export class ProviderError extends Error {
  constructor(readonly wire: WireResponse, message?: string) {
    super(message ?? `provider answers ${wire.status}`);
    this.name = 'ProviderError';
  }
}

export function providerError(status: number, body: unknown, headers?: Record<string, string>): ProviderError {
  return new ProviderError({ status, body, ...(headers ? { headers } : {}) });
}

/** The failures every provider has to answer in its own style, whatever its catalogue documents. */
export interface ErrorCatalogue {
  badRequest(detail: string): ProviderError;
  /** A request that breaks the provider's OpenAPI document (bad query, path or body). */
  invalidRequest(issues: readonly ValidationIssue[]): ProviderError;
  unsupportedMediaType(contentType: string): ProviderError;
  payloadTooLarge(limit: string): ProviderError;
  routeNotFound(method: string, path: string, nearest: string | undefined): ProviderError;
}

/** An error of the sandbox's own admin API, rendered as problem+json (RFC 9457). */
export class SandboxProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail?: string) {
    super(detail ?? title);
    this.name = 'SandboxProblem';
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as BodyParserError).type === 'string' && 'status' in err;
}

/** Turns express body-parser failures inside a provider's origin into that provider's own errors. */
export function translateBodyErrors(catalogue: ErrorCatalogue, limit: string): ErrorRequestHandler {
  return (err, req, _res, next) => {
    if (!isBodyParserError(err)) return next(err);
    switch (err.type) {
      case 'entity.parse.failed':
        return next(catalogue.badRequest('Request body is not valid JSON'));
      case 'entity.too.large':
        return next(catalogue.payloadTooLarge(limit));
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return next(catalogue.unsupportedMediaType(req.get('content-type') ?? ''));
      default:
        return next(catalogue.badRequest('Request body could not be read'));
    }
  };
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

/** The single place errors reach the wire. Anything that is not a known error is a sandbox bug. */
export function renderErrors(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ProviderError) {
      const { status, body, headers } = err.wire;
      if (headers) res.set(headers);
      res.status(status);
      // An empty body (a userinfo challenge) goes without a content type.
      if (body === '') res.end();
      else if (typeof body === 'string') res.send(body);
      else res.json(body);
      return;
    }
    if (err instanceof SandboxProblem) {
      res.status(err.status).type('application/problem+json').send(JSON.stringify(problemBody(err.status, err.title, err.detail)));
      return;
    }
    if (isBodyParserError(err) && err.status && err.status < 500) {
      const title = err.type === 'entity.too.large' ? 'Payload too large' : 'Bad request';
      res.status(err.status).type('application/problem+json').send(JSON.stringify(problemBody(err.status, title, 'The request body could not be read.')));
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
