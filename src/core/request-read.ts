// Why a request could not be read (its body or its path), as a tagged union each origin maps to its own words; and the body depth limit.
import type { RequestHandler } from 'express';

/** Deeper JSON bodies are refused before anything walks them (validation clones, the journal redacts): no provider's body nests near this. */
export const MAX_BODY_DEPTH = 100;

export type RequestReadFailure =
  | { kind: 'malformed-json' }
  /** A body in another format an origin reads (XML) that its codec could not parse. */
  | { kind: 'malformed-body'; format: string }
  | { kind: 'too-large' }
  | { kind: 'too-deep'; depth: number }
  | { kind: 'unsupported-encoding'; contentType: string }
  /** A `Content-Encoding` the body is not in (gzip named, plain text sent). */
  | { kind: 'undecodable-body'; encoding: string }
  /** A path (parameter) whose percent-encoding does not decode. */
  | { kind: 'malformed-path' }
  | { kind: 'unreadable' };

/** What a failed read means to the client, in one sentence the origin may use as its message. */
export function describeReadFailure(failure: RequestReadFailure, path: string): string {
  switch (failure.kind) {
    case 'malformed-json':
      return 'Request body is not valid JSON';
    case 'malformed-body':
      return `Request body is not valid ${failure.format}`;
    case 'too-large':
      return 'Request body is too large';
    case 'too-deep':
      return `Request body is nested more than ${failure.depth} levels deep`;
    case 'unsupported-encoding':
      return `Content-Type ${failure.contentType || '(none)'} is not supported`;
    case 'undecodable-body':
      return `Request body is not encoded as its Content-Encoding (${failure.encoding}) says`;
    case 'malformed-path':
      return `The path ${path} has a malformed percent-encoding.`;
    case 'unreadable':
      return 'Request body could not be read';
  }
}

const READ_FAILURE = Symbol('pms-sandbox.read-failure');

/** An error raised by the sandbox's own body checks, carrying its failure. */
export class RequestReadError extends Error {
  readonly [READ_FAILURE]: RequestReadFailure;
  constructor(failure: RequestReadFailure) {
    super(failure.kind);
    this.name = 'RequestReadError';
    this[READ_FAILURE] = failure;
  }
}

interface ParserError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
}

/** Classifies what express's body parsers, zlib or the router threw while reading a request; `undefined` for anything else (a sandbox bug). */
export function readFailureOf(err: unknown, contentType: string, contentEncoding: string): RequestReadFailure | undefined {
  if (err instanceof RequestReadError) return err[READ_FAILURE];
  // The router's own decoding of a path parameter: a URIError marked 400.
  if (err instanceof URIError) return { kind: 'malformed-path' };
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status, code } = err as ParserError;
  // zlib's gzip and deflate errors are Z_*, its brotli errors ERR__ERROR_* or ERR_BROTLI_*.
  if (typeof code === 'string' && /^(Z_|ERR__ERROR|ERR_BROTLI)/.test(code)) return { kind: 'undecodable-body', encoding: contentEncoding };
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return { kind: 'malformed-json' };
    case 'entity.too.large':
      return { kind: 'too-large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { kind: 'unsupported-encoding', contentType };
    default:
      return status < 500 ? { kind: 'unreadable' } : undefined;
  }
}

/** Depth of nested arrays and objects, walked without recursion (and without an object a node) and given up on past `limit`. */
export function depthBeyond(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    // Own enumerable values, as Object.values gives them, without making the array.
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i += 1) {
        const inner: unknown = current[i];
        if (inner !== null && typeof inner === 'object') {
          values.push(inner);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      const inner: unknown = (current as Record<string, unknown>)[key];
      if (inner !== null && typeof inner === 'object') {
        values.push(inner);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** After the parsers: a body nested past MAX_BODY_DEPTH is dropped and refused, so nothing later recurses into it. */
export function refuseDeepBodies(): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== null && typeof req.body === 'object' && depthBeyond(req.body, MAX_BODY_DEPTH)) {
      req.body = undefined;
      return next(new RequestReadError({ kind: 'too-deep', depth: MAX_BODY_DEPTH }));
    }
    next();
  };
}
