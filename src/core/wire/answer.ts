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

/** Writes a success answer in `format`; without one, as JSON. A Content-Type already set (a document's example) is kept. */
export function writeAnswer(res: Response, status: number, body: unknown, format: AnswerWriter | undefined): void {
  res.status(status);
  if (!format) {
    res.json(body);
    return;
  }
  if (res.get('Content-Type') === undefined) res.type(format.type);
  res.send(format.write(body));
}
