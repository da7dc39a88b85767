// Parse, don't cast: a request to a documented operation is checked against the provider's OpenAPI document before its handler reads it.
import type { RequestHandler, Response } from 'express';
import type { ErrorCatalogue } from './errors.js';
import type { Logger } from './log.js';
import type { OpenApiDocument, RequestCheck } from './openapi.js';
import { codecReading, DEFAULT_CODECS, type BodyCodec } from './wire/codecs.js';
import { fits, mediaTypeOf, sendsBody } from './wire/media-type.js';

interface Parsed {
  query: Record<string, unknown>;
  body: unknown;
}

/** What validation parsed, kept by response object (it dies with the request), not in `res.locals`. */
const parsedOf = new WeakMap<Response, Parsed>();

/**
 * The validated (and type-coerced) query and body of the current request, in the shape the handler names: the operation's schema in the
 * provider's document has checked it is that shape.
 */
export function parsed<Q = Record<string, unknown>, B = unknown>(res: Response): { query: Q; body: B } {
  const value = parsedOf.get(res);
  if (!value) throw new Error('parsed() read before validation ran: the route has no operationId');
  return value as { query: Q; body: B };
}

/** An answer the document's JSON schemas can judge (request bodies are judged by the origin's codecs instead). */
function isJsonAnswer(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}

/** The origin's codecs that read a request media type the operation declares; none when it declares no body (then any is let through). */
function bodyCodecs(doc: OpenApiDocument, operationId: string, codecs: readonly BodyCodec[]): readonly BodyCodec[] {
  const op = (doc.document.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> | undefined) ?? {};
  const { path, method } = doc.operation(operationId);
  const declared = Object.keys(op[path]?.[method]?.requestBody?.content ?? {}).map(mediaTypeOf);
  return codecs.filter((codec) => declared.some((type) => codec.types.some((pattern) => fits(pattern, type))));
}

/** Distinct bodiless requests whose check is remembered, per operation; the oldest half goes when it is full. */
const MAX_REMEMBERED_CHECKS = 1000;

export function validateRequest(
  spec: () => OpenApiDocument,
  operationId: string,
  errors: ErrorCatalogue,
  logger: Logger,
  checkResponses: boolean,
  codecs: readonly BodyCodec[] = DEFAULT_CODECS,
): RequestHandler {
  let accepted: readonly BodyCodec[] | undefined;
  // A request without a body is judged on its URL and its declared headers alone, so the same read is checked once (the hot path's reads
  // repeat); the remembered query is frozen, since every later request with that URL shares it.
  const remembered = new Map<string, RequestCheck>();
  return (req, res, next) => {
    const doc = spec();
    accepted ??= bodyCodecs(doc, operationId, codecs);
    const contentType = req.get('content-type');
    const sentBody = sendsBody(req);
    if (sentBody && accepted.length > 0 && !codecReading(accepted, contentType)) return next(errors.unsupportedMediaType(contentType ?? ''));
    const key = sentBody ? undefined : [req.originalUrl, ...doc.headerParameterNames(operationId).map((name) => req.get(name) ?? '')].join('\u0000');
    let check = key === undefined ? undefined : remembered.get(key);
    if (!check) {
      check = doc.validateRequest(operationId, {
        query: req.query as Record<string, unknown>,
        params: req.params as Record<string, string>,
        headers: req.headers,
        body: req.body,
        ...(contentType ? { contentType } : {}),
      });
      if (key !== undefined) {
        if (check.ok) Object.freeze(check.query);
        if (remembered.size >= MAX_REMEMBERED_CHECKS) for (const old of [...remembered.keys()].slice(0, MAX_REMEMBERED_CHECKS / 2)) remembered.delete(old);
        remembered.set(key, check);
      }
    }
    if (!check.ok) return next(errors.invalidRequest(check.issues));
    parsedOf.set(res, { query: check.query, body: check.body });
    if (checkResponses) guardResponses(doc, operationId, res, logger);
    next();
  };
}

/** In tests: a success body that drifts from the document is the sandbox's bug, and fails loudly. */
function guardResponses(doc: OpenApiDocument, operationId: string, res: Response, logger: Logger): void {
  // On end, where every answer passes: res.json, res.send and cached JSON text sent straight to end are all checked.
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const body = args[0];
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
    if (res.statusCode < 400 && text !== undefined && isJsonAnswer(String(res.getHeader('content-type') ?? ''))) {
      const issues = doc.validateResponse(operationId, res.statusCode, JSON.parse(text));
      if (issues.length > 0) {
        logger.error({ operationId, issues }, 'sandbox bug: response does not match the OpenAPI document');
        throw new Error(`response of ${operationId} does not match the OpenAPI document: ${issues.map((i) => `${i.name} ${i.message}`).join('; ')}`);
      }
    }
    return end(...args);
  }) as Response['end'];
}
