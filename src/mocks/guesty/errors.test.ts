// Unit tests of Guesty's error catalogue: each entry's status and stable code, and the codes its generic failures carry.
import { describe, expect, it } from 'vitest';
import type { ProviderError, ProviderErrorCode } from '../../core/errors.js';
import { guestyCatalogue, guestyErrors, tokenErrors } from './errors.js';

const entries: [string, () => ProviderError, number, ProviderErrorCode][] = [
  ['guestyErrors.unauthorized', () => guestyErrors.unauthorized(), 401, 'unauthorized'],
  ['guestyErrors.expiredToken', () => guestyErrors.expiredToken(), 403, 'expired_token'],
  ['guestyErrors.rateLimited', () => guestyErrors.rateLimited(7), 429, 'rate_limited'],
  ['guestyErrors.notFound', () => guestyErrors.notFound('Listing', 'l1'), 404, 'not_found'],
  ['guestyErrors.validation', () => guestyErrors.validation('bad'), 400, 'validation'],
  ['guestyErrors.unavailable', () => guestyErrors.unavailable('l1', '2030-01-01', '2030-01-03'), 400, 'listing_unavailable'],
  ['tokenErrors.notForm', () => tokenErrors.notForm(), 400, 'invalid_request'],
  ['tokenErrors.repeated', () => tokenErrors.repeated('scope'), 400, 'invalid_request'],
  ['tokenErrors.twoClientAuthentications', () => tokenErrors.twoClientAuthentications(), 400, 'invalid_request'],
  ['tokenErrors.noClient', () => tokenErrors.noClient(), 401, 'invalid_client'],
  ['tokenErrors.unknownClient', () => tokenErrors.unknownClient(), 401, 'invalid_client'],
  ['tokenErrors.wrongSecret', () => tokenErrors.wrongSecret(), 401, 'invalid_client'],
  ['tokenErrors.noGrant', () => tokenErrors.noGrant(), 400, 'invalid_request'],
  ['tokenErrors.unsupportedGrant', () => tokenErrors.unsupportedGrant(), 400, 'unsupported_grant_type'],
  ['tokenErrors.noScope', () => tokenErrors.noScope(), 400, 'invalid_scope'],
  ['tokenErrors.wrongScope', () => tokenErrors.wrongScope(), 400, 'invalid_scope'],
  ['guestyCatalogue.badRequest', () => guestyCatalogue.badRequest('unreadable'), 400, 'bad_request'],
  ['guestyCatalogue.invalidRequest', () => guestyCatalogue.invalidRequest([{ in: 'query', name: 'limit', message: 'must be <= 100' }]), 400, 'validation'],
  ['guestyCatalogue.unsupportedMediaType', () => guestyCatalogue.unsupportedMediaType('text/plain'), 415, 'unsupported_media_type'],
  ['guestyCatalogue.payloadTooLarge', () => guestyCatalogue.payloadTooLarge('1mb'), 413, 'payload_too_large'],
  ['guestyCatalogue.routeNotFound', () => guestyCatalogue.routeNotFound('GET', '/v1/nope', 'GET /v1/listings'), 404, 'route_not_found'],
];

describe("Guesty's error catalogue", () => {
  it.each(entries)('%s answers %i with the code %s', (_name, make, status, code) => {
    const err = make();
    expect(err.wire.status).toBe(status);
    expect(err.code).toBe(code);
  });

  it('gives an OAuth error the code of its RFC error', () => {
    expect(guestyErrors.oauth(400, 'invalid_grant', 'd').code).toBe('invalid_grant');
    expect(guestyErrors.oauth(400, 'not_an_rfc_error', 'd').code).toBe('unclassified');
  });

  it('keeps the code off the wire: a bad request reads as a validation error', () => {
    expect(guestyCatalogue.badRequest('unreadable').wire).toEqual(guestyErrors.validation('unreadable').wire);
    expect(JSON.stringify(entries.map(([, make]) => make().wire))).not.toMatch(/"code":"[a-z_]+"/);
  });
});
