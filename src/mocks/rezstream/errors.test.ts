// Unit tests of rezStream's error catalogue: each entry's status and stable code, and the codes the Cloud API's and identity origin's generic failures carry.
import { describe, expect, it } from 'vitest';
import type { ProviderError, ProviderErrorCode } from '../../core/errors.js';
import { authorizeErrorPage, cloudErrors, identityCatalogue, oauthErrors, rezstreamCatalogue } from './errors.js';

const ISSUES = [{ in: 'query' as const, name: 'limit', message: 'must be <= 100' }];

const entries: [string, () => ProviderError, number, ProviderErrorCode][] = [
  ['cloudErrors.versionUnspecified', () => cloudErrors.versionUnspecified(), 400, 'api_version_unspecified'],
  ['cloudErrors.versionUnsupported', () => cloudErrors.versionUnsupported('https://api.example/reservations', '9.0'), 400, 'api_version_unsupported'],
  ['cloudErrors.noToken', () => cloudErrors.noToken(), 401, 'unauthorized'],
  ['cloudErrors.invalidToken', () => cloudErrors.invalidToken('The access token expired.'), 401, 'invalid_token'],
  ['cloudErrors.ambiguousTenant', () => cloudErrors.ambiguousTenant(), 401, 'ambiguous_tenant'],
  ['cloudErrors.foreignTenant', () => cloudErrors.foreignTenant('t1'), 403, 'foreign_tenant'],
  ['cloudErrors.insufficientScope', () => cloudErrors.insufficientScope(['reservations.read']), 403, 'insufficient_scope'],
  ['cloudErrors.readOnly', () => cloudErrors.readOnly(), 403, 'read_only'],
  ['cloudErrors.notFound', () => cloudErrors.notFound('reservation', 'r1'), 404, 'not_found'],
  ['cloudErrors.validation', () => cloudErrors.validation({ to: ['later'] }), 400, 'validation'],
  ['oauthErrors.invalidRequest', () => oauthErrors.invalidRequest('d'), 400, 'invalid_request'],
  ['oauthErrors.invalidClient', () => oauthErrors.invalidClient('d'), 401, 'invalid_client'],
  ['oauthErrors.invalidGrant', () => oauthErrors.invalidGrant('d'), 400, 'invalid_grant'],
  ['oauthErrors.unsupportedGrant', () => oauthErrors.unsupportedGrant('password'), 400, 'unsupported_grant_type'],
  ['oauthErrors.invalidScope', () => oauthErrors.invalidScope('d'), 400, 'invalid_scope'],
  ['oauthErrors.error', () => oauthErrors.error(400, 'unsupported_token_type', 'd'), 400, 'unsupported_token_type'],
  ['oauthErrors.userinfo without a token', () => oauthErrors.userinfo(401, 'invalid_request', 'd'), 401, 'invalid_request'],
  ['oauthErrors.userinfo with a bad token', () => oauthErrors.userinfo(401, 'invalid_token', 'd'), 401, 'invalid_token'],
  ['oauthErrors.userinfo without openid', () => oauthErrors.userinfo(403, 'insufficient_scope', 'd'), 403, 'insufficient_scope'],
  ['authorizeErrorPage for an unknown client', () => authorizeErrorPage('unauthorized_client', 'd'), 400, 'unauthorized_client'],
  ['authorizeErrorPage for a bad redirect URI', () => authorizeErrorPage('invalid_request', 'd'), 400, 'invalid_request'],
  ['rezstreamCatalogue.badRequest', () => rezstreamCatalogue.badRequest('unreadable'), 400, 'bad_request'],
  ['rezstreamCatalogue.invalidRequest', () => rezstreamCatalogue.invalidRequest(ISSUES), 400, 'validation'],
  ['rezstreamCatalogue.unsupportedMediaType', () => rezstreamCatalogue.unsupportedMediaType('text/plain'), 415, 'unsupported_media_type'],
  ['rezstreamCatalogue.payloadTooLarge', () => rezstreamCatalogue.payloadTooLarge('1mb'), 413, 'payload_too_large'],
  ['rezstreamCatalogue.routeNotFound', () => rezstreamCatalogue.routeNotFound('GET', '/nope', 'GET /reservations'), 404, 'route_not_found'],
  ['identityCatalogue.badRequest', () => identityCatalogue.badRequest('unreadable'), 400, 'bad_request'],
  ['identityCatalogue.invalidRequest', () => identityCatalogue.invalidRequest(ISSUES), 400, 'validation'],
  ['identityCatalogue.unsupportedMediaType', () => identityCatalogue.unsupportedMediaType('application/json'), 400, 'unsupported_media_type'],
  ['identityCatalogue.payloadTooLarge', () => identityCatalogue.payloadTooLarge('1mb'), 413, 'payload_too_large'],
  ['identityCatalogue.routeNotFound', () => identityCatalogue.routeNotFound('GET', '/nope', undefined), 404, 'route_not_found'],
];

describe("rezStream's error catalogue", () => {
  it.each(entries)('%s answers %i with the code %s', (_name, make, status, code) => {
    const err = make();
    expect(err.wire.status).toBe(status);
    expect(err.code).toBe(code);
  });

  it("answers the identity origin's unreadable, invalid and non-form requests as invalid_request, each keeping the code of what went wrong", () => {
    for (const err of [identityCatalogue.badRequest('d'), identityCatalogue.invalidRequest(ISSUES), identityCatalogue.unsupportedMediaType('application/json')]) {
      expect(err.wire.body).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('lets an OAuth error name a code its RFC error does not say', () => {
    const err = oauthErrors.error(400, 'invalid_request', 'd', {}, 'unsupported_media_type');
    expect(err.code).toBe('unsupported_media_type');
    expect(err.wire.body).toEqual({ error: 'invalid_request', error_description: 'd' });
  });

  it('gives an OAuth error no RFC names the code unclassified', () => {
    expect(oauthErrors.error(400, 'not_an_rfc_error', 'd').code).toBe('unclassified');
  });

  it('keeps the code off the problem bodies', () => {
    expect(cloudErrors.ambiguousTenant().wire.body).not.toContain('ambiguous_tenant');
  });
});
