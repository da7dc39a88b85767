// The error a status fault answers with: the origin's catalogue's own (`ErrorCatalogue.status`), else a generic body for any provider without one.
import { STATUS_CODES } from 'node:http';
import { providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../errors.js';

/** The reason phrase of a status as Node knows it (`Service Unavailable`), or `Error` for one it does not name. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

const CODES: Readonly<Record<number, ProviderErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
};

/** What an injected status means in the codes tests assert on: the common ones by name, any other `unclassified`. */
export function codeForStatus(status: number): ProviderErrorCode {
  return CODES[status] ?? 'unclassified';
}

/** A 429 a fault injects without saying when to retry says one second. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** For a provider whose catalogue has no `status`: `{"status", "error": "<reason phrase>"}`, and Retry-After on a 429. */
export function genericStatusError(status: number, retryAfterSeconds?: number): ProviderError {
  const retryAfter = retryAfterSeconds ?? (status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
  return providerError('unclassified', status, { status, error: reasonPhrase(status) }, retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) });
}

/** The answer of `catalogue` for a status a fault injects; a 429 always carries Retry-After (one second unless told). */
export function statusError(catalogue: ErrorCatalogue, status: number, retryAfterSeconds?: number): ProviderError {
  const retryAfter = retryAfterSeconds ?? (status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
  return catalogue.status ? catalogue.status(status, retryAfter) : genericStatusError(status, retryAfter);
}
