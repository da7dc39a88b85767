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
