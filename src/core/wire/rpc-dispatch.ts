// One dispatcher for RPC routes: the body's format checked, the method looked up by the name inside the body, its params validated,
// and the result written in the request's format, all once here; what goes wrong is thrown in the origin's own words.
import type { Request, RequestHandler, Response } from 'express';
import type { ErrorCatalogue, ProviderError } from '../errors.js';
import type { ValidationIssue } from '../openapi.js';
import { writeAnswer } from './answer.js';
import { answerFormat, codecReading, type BodyCodec } from './codecs.js';
import { sendsBody } from './media-type.js';
import { valueAt, type RpcMethod, type RpcOutcome, type RpcRoute } from './rpc-route.js';

export interface RpcOrigin {
  codecs: readonly BodyCodec[];
  errors: ErrorCatalogue;
}

const pointer = (keys: readonly string[]): string => keys.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function unknownMethod(errors: ErrorCatalogue, name: string | undefined, known: readonly string[], where: string): ProviderError {
  if (errors.unknownMethod) return errors.unknownMethod(name, known);
  return errors.badRequest(name === undefined ? `The request names no method at ${where}` : `Unknown method ${name}; this service answers ${known.join(', ')}`);
}

function invalidParams(errors: ErrorCatalogue, name: string, issues: readonly ValidationIssue[]): ProviderError {
  return errors.invalidParams ? errors.invalidParams(name, issues) : errors.invalidRequest(issues);
}

export interface RpcHandlers {
  chain: RequestHandler[];
  /** Compiles every method's params schema (off the start path, when the origin is warmed). */
  prepare(): void;
}

/** The codec reading each Content-Type an origin is sent, looked up once a header value (a client sends the same one every time). */
function codecLookup(codecs: readonly BodyCodec[]): (contentType: string | undefined) => BodyCodec | undefined {
  const known = new Map<string, BodyCodec | undefined>();
  return (contentType) => {
    if (contentType === undefined) return undefined;
    const found = known.get(contentType);
    if (found !== undefined || known.has(contentType)) return found;
    const codec = codecReading(codecs, contentType);
    // Bounded whatever a client sends: forgotten all at once, looked up again.
    if (known.size >= 64) known.clear();
    known.set(contentType, codec);
    return codec;
  };
}

export function rpcHandlers(route: RpcRoute, { codecs, errors }: RpcOrigin): RpcHandlers {
  // A Map of the route's own names, so a name inherited from Object.prototype finds no method.
  const methods = new Map<string, RpcMethod>(Object.entries(route.methods));
  const known = [...methods.keys()];
  const at = pointer(route.envelope.params);
  const where = route.envelope.name.join('.');
  const reading = codecLookup(codecs);
  const fallbackFormat = answerFormat(codecs, undefined);
  // First, before the route's guard reads the body: a body of a type no codec reads is left unread, and its guard would see nothing.
  const readable: RequestHandler = (req, _res, next) => {
    const contentType = req.headers['content-type'];
    if (sendsBody(req) && !reading(contentType)) throw errors.unsupportedMediaType(contentType ?? '');
    next();
  };
  const answer = (req: Request, res: Response, name: string, body: unknown, codec: BodyCodec | undefined, outcome: RpcOutcome): void => {
    if (!outcome.ok) throw invalidParams(errors, name, outcome.issues);
    const wire = route.answer ? route.answer(outcome.result, { method: name, params: outcome.params, body }, req) : outcome.result;
    if (!res.headersSent) writeAnswer(res, 200, wire, codec?.answer ?? fallbackFormat);
  };
  const dispatch: RequestHandler = (req, res) => {
    const codec = reading(req.headers['content-type']);
    const typedBySchema = codec?.typedBySchema === true;
    const body: unknown = req.body;
    const name = valueAt(body, route.envelope.name);
    const method = typeof name === 'string' ? methods.get(name) : undefined;
    if (typeof name !== 'string' || !method) throw unknownMethod(errors, typeof name === 'string' ? name : undefined, known, where);
    const params = valueAt(body, route.envelope.params);
    // An empty element (`<params/>`) is the text format's empty params.
    const outcome = method.call(typedBySchema && params === '' ? {} : params, { method: name, body, req, res, typedBySchema }, at);
    // A method that answers at once is written at once; an asynchronous one when it settles (a rejection is the chain's error).
    if (outcome instanceof Promise) return outcome.then((settled) => answer(req, res, name, body, codec, settled));
    answer(req, res, name, body, codec, outcome);
  };
  return { chain: [readable, ...(route.guard ?? []), dispatch], prepare: () => methods.forEach((method) => method.prepare()) };
}
