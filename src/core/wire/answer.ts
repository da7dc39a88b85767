// Answers in a request's own format: the one writer of success bodies core renders (RPC results, Prism's examples), and the error
// renderers an origin may declare so that an error reaches the wire in the request's format too.
import type { Request, Response } from 'express';
import type { ProviderError, WireResponse } from '../errors.js';
import type { AnswerWriter } from './codecs.js';

/**
 * How an origin puts a provider error on the wire for one request. `format` is the format an answer to that request takes (see
 * `answerFormat`). The result is written by the one error middleware: a string body as it is, with its headers; any other as JSON.
 */
export type ErrorRenderer = (error: ProviderError, req: Request, format: AnswerWriter | undefined) => WireResponse;

/**
 * An error's body written in the request's format (an XML request's error in XML), its status and other headers kept. A body the
 * catalogue already wrote as text (a page, a problem document) stays as it is.
 */
export const inRequestFormat: ErrorRenderer = (error, _req, format) => {
  const { status, body, headers } = error.wire;
  if (!format || typeof body === 'string') return error.wire;
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
  return { status, body: format.write(body) ?? '', headers: { ...kept, 'Content-Type': format.type } };
};

/** A bare, lower-case media type, which `res.type` and `res.send` turn into `<type>; charset=utf-8`. */
const BARE_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
/** A format's type is one of a few constants: what `res.type` and `res.send` make of each, worked out once (undefined: not bare). */
const sentTypes = new Map<string, string | undefined>();
function sentType(type: string): string | undefined {
  if (sentTypes.has(type)) return sentTypes.get(type);
  const sent = BARE_TYPE.test(type) ? `${type}; charset=utf-8` : undefined;
  if (sentTypes.size < 64) sentTypes.set(type, sent);
  return sent;
}

/**
 * Whether `res.send(text)` of a bare type would only set Content-Type and Content-Length and end with the text: no ETag to make, a
 * status with a body, not a HEAD, no fresh request, no Content-Type or Transfer-Encoding already set.
 */
function sendsPlainly(res: Response): boolean {
  const { statusCode } = res;
  return (
    statusCode !== 204 &&
    statusCode !== 205 &&
    statusCode !== 304 &&
    res.req.method !== 'HEAD' &&
    res.getHeader('Content-Type') === undefined &&
    res.getHeader('Transfer-Encoding') === undefined &&
    typeof res.app.get('etag fn') !== 'function' &&
    !res.req.fresh
  );
}

/**
 * Writes a success answer in `format`; without one, as JSON. A Content-Type already set (a document's example) is kept. The answer goes
 * straight to `end`, as the format's bytes when it keeps them, with the two headers `res.send` would have set (decision 0013), whenever
 * `send` would do nothing else.
 */
export function writeAnswer(res: Response, status: number, body: unknown, format: AnswerWriter | undefined): void {
  res.status(status);
  if (!format) {
    res.json(body);
    return;
  }
  const type = sentType(format.type);
  if (type !== undefined && sendsPlainly(res)) {
    const out = format.bytes ? format.bytes(body) : format.write(body);
    if (out !== undefined) {
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Length', typeof out === 'string' ? Buffer.byteLength(out) : out.length);
      res.end(out);
      return;
    }
  }
  if (res.get('Content-Type') === undefined) res.type(format.type);
  res.send(format.write(body));
}
