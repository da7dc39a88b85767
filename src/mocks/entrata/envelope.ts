// Entrata's RPC envelope (provider-facts §4): `{"auth", "requestId", "method": {"name", "version", "params"}}` in, `{"response": {"requestId",
// "code": 200, "result"}}` or `{"response": {"requestId", "error"}}` out, `requestId` echoed as a string; in JSON or XML, the answer in the
// request's format (seeds/004: "The response will match the request format").
import { ProviderError } from '../../core/errors.js';
import { inRequestFormat, type ErrorRenderer } from '../../core/wire/answer.js';
import type { BodyCodec } from '../../core/wire/codecs.js';
import { trailingCommaJsonCodec } from '../../core/wire/lenient-json.js';
import { valueAt, type RpcCall, type RpcEnvelope } from '../../core/wire/rpc-route.js';
import { xmlCodec } from '../../core/wire/xml.js';

export const RPC_ENVELOPE: RpcEnvelope = { name: ['method', 'name'], params: ['method', 'params'] };

/**
 * JSON first (it answers a request with no body format); XML's root element is `<request>` (the sandbox's choice: not published). JSON
 * tolerates a trailing comma, as seeds/004's own getCustomers example has one.
 */
export const ENTRATA_CODECS: readonly BodyCodec[] = [trailingCommaJsonCodec, xmlCodec({ root: 'request' })];

const REQUEST_ID = ['requestId'];

/** The request's `requestId` as a string; undefined when it sent none (or one that is not a string or number). */
function requestIdText(body: unknown): string | undefined {
  const id = valueAt(body, REQUEST_ID);
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? String(id) : undefined;
}

/** The request's `requestId` as a string, or nothing when it sent none (or one that is not a string or number). */
export function requestIdOf(body: unknown): { requestId?: string } {
  const requestId = requestIdText(body);
  return requestId === undefined ? {} : { requestId };
}

export function successEnvelope(result: unknown, call: RpcCall<unknown>): unknown {
  const requestId = requestIdText(call.body);
  return { response: requestId === undefined ? { code: 200, result } : { requestId, code: 200, result } };
}

/** An error's envelope gets the request's id first, then goes in the request's format (an XML request's error in XML). */
export const renderEnvelopeError: ErrorRenderer = (error, req, format) => {
  const response = valueAt(error.wire.body, ['response']);
  if (typeof response !== 'object' || response === null) return inRequestFormat(error, req, format);
  const withId = new ProviderError(error.code, { ...error.wire, body: { response: { ...requestIdOf(req.body), ...response } } });
  return inRequestFormat(withId, req, format);
};
