// Unit tests of a status fault's answer: the catalogue's own when it has one, the generic body otherwise, Retry-After on every 429.
import { describe, expect, it } from 'vitest';
import { providerError, type ErrorCatalogue } from '../errors.js';
import { codeForStatus, genericStatusError, reasonPhrase, statusError } from './status-answer.js';

const bare: ErrorCatalogue = {
  badRequest: () => providerError('bad_request', 400, {}),
  invalidRequest: () => providerError('validation', 400, {}),
  unsupportedMediaType: () => providerError('unsupported_media_type', 415, {}),
  payloadTooLarge: () => providerError('payload_too_large', 413, {}),
  routeNotFound: () => providerError('route_not_found', 404, {}),
};

describe('status answers', () => {
  it('names reason phrases and codes, any other status unclassified', () => {
    expect(reasonPhrase(503)).toBe('Service Unavailable');
    expect(reasonPhrase(599)).toBe('Error');
    expect(codeForStatus(429)).toBe('rate_limited');
    expect(codeForStatus(503)).toBe('unclassified');
  });

  it('answers generically without the catalogue member, with Retry-After on a 429 (one second unless told)', () => {
    expect(genericStatusError(500).wire).toEqual({ status: 500, body: { status: 500, error: 'Internal Server Error' } });
    expect(statusError(bare, 429).wire).toEqual({ status: 429, body: { status: 429, error: 'Too Many Requests' }, headers: { 'Retry-After': '1' } });
    expect(statusError(bare, 429, 12).wire.headers).toEqual({ 'Retry-After': '12' });
  });

  it("answers with the catalogue's own status when it has one", () => {
    const own: ErrorCatalogue = { ...bare, status: (status, retryAfter) => providerError('unclassified', status, { own: true, retryAfter }) };
    expect(statusError(own, 429).wire.body).toEqual({ own: true, retryAfter: 1 });
    expect(statusError(own, 500).wire.body).toEqual({ own: true, retryAfter: undefined });
  });
});
