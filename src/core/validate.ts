// Parse, don't cast: a request to a documented operation is checked against the provider's OpenAPI document before its handler reads it.
import type { RequestHandler, Response } from 'express';
import type { ErrorCatalogue } from './errors.js';
import type { Logger } from './log.js';
import type { OpenApiDocument } from './openapi.js';

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

export function validateRequest(spec: () => OpenApiDocument, operationId: string, errors: ErrorCatalogue, logger: Logger, checkResponses: boolean): RequestHandler {
  let expectsJson: boolean | undefined;
  return (req, res, next) => {
    const doc = spec();
    expectsJson ??= hasJsonBody(doc, operationId);
    const contentType = req.get('content-type');
    // Judged from the headers: Express leaves req.body undefined for a type no parser reads (text/plain), which is exactly the case to refuse.
    const sentBody = (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (expectsJson && sentBody && !isJson(contentType)) return next(errors.unsupportedMediaType(contentType ?? ''));
    const check = doc.validateRequest(operationId, {
      query: req.query as Record<string, unknown>,
      params: req.params as Record<string, string>,
      headers: req.headers,
      body: req.body,
      ...(contentType ? { contentType } : {}),
    });
    if (!check.ok) return next(errors.invalidRequest(check.issues));
    res.locals.parsed = { query: check.query, body: check.body } satisfies Parsed;
    if (checkResponses) guardResponses(doc, operationId, res, logger);
    next();
  };
}

/** In tests: a success body that drifts from the document is the sandbox's bug, and fails loudly. */
function guardResponses(doc: OpenApiDocument, operationId: string, res: Response, logger: Logger): void {
  // On send, not json: handlers that send cached JSON text are checked too.
  const send = res.send.bind(res) as Response['send'];
  res.send = ((body?: unknown) => {
    if (res.statusCode < 400 && typeof body === 'string' && isJson(res.get('content-type'))) {
      const issues = doc.validateResponse(operationId, res.statusCode, JSON.parse(body));
      if (issues.length > 0) {
        logger.error({ operationId, issues }, 'sandbox bug: response does not match the OpenAPI document');
        throw new Error(`response of ${operationId} does not match the OpenAPI document: ${issues.map((i) => `${i.name} ${i.message}`).join('; ')}`);
      }
    }
    return send(body);
  }) as Response['send'];
}
