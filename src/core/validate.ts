// Parse, don't cast: a request to a documented operation is checked against the provider's OpenAPI document before its handler reads it.
import type { RequestHandler, Response } from 'express';
import type { ErrorCatalogue } from './errors.js';
import type { Logger } from './log.js';
import type { OpenApiDocument, RequestCheck } from './openapi.js';

interface Parsed {
  query: Record<string, unknown>;
  body: unknown;
}

/** The validated (and type-coerced) query and body of the current request. */
export function parsed<Q = Record<string, unknown>, B = unknown>(res: Response): { query: Q; body: B } {
  const value = res.locals.parsed as Parsed | undefined;
  if (!value) throw new Error('parsed() read before validation ran: the route has no operationId');
  return value as { query: Q; body: B };
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}

function hasJsonBody(doc: OpenApiDocument, operationId: string): boolean {
  const op = (doc.document.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> | undefined) ?? {};
  const { path, method } = doc.operation(operationId);
  return Object.keys(op[path]?.[method]?.requestBody?.content ?? {}).some((type) => type.includes('json'));
}

/** Distinct bodiless requests whose check is remembered, per operation; the oldest half goes when it is full. */
const MAX_REMEMBERED_CHECKS = 1000;

export function validateRequest(spec: () => OpenApiDocument, operationId: string, errors: ErrorCatalogue, logger: Logger, checkResponses: boolean): RequestHandler {
  let expectsJson: boolean | undefined;
  // A request without a body is judged on its URL and its declared headers alone, so the same read is checked once (the hot path's reads
  // repeat); the remembered query is frozen, since every later request with that URL shares it.
  const remembered = new Map<string, RequestCheck>();
  return (req, res, next) => {
    const doc = spec();
    expectsJson ??= hasJsonBody(doc, operationId);
    const contentType = req.get('content-type');
    // Judged from the headers: Express leaves req.body undefined for a type no parser reads (text/plain), which is exactly the case to refuse.
    const sentBody = (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (expectsJson && sentBody && !isJson(contentType)) return next(errors.unsupportedMediaType(contentType ?? ''));
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
    res.locals.parsed = { query: check.query, body: check.body } satisfies Parsed;
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
    if (res.statusCode < 400 && text !== undefined && isJson(String(res.getHeader('content-type') ?? ''))) {
      const issues = doc.validateResponse(operationId, res.statusCode, JSON.parse(text));
      if (issues.length > 0) {
        logger.error({ operationId, issues }, 'sandbox bug: response does not match the OpenAPI document');
        throw new Error(`response of ${operationId} does not match the OpenAPI document: ${issues.map((i) => `${i.name} ${i.message}`).join('; ')}`);
      }
    }
    return end(...args);
  }) as Response['end'];
}
