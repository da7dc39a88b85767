// Unit tests of the provider error: the stable code it carries, the code OAuth strings take, and a wire the code never reaches.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { OAUTH_ERROR_CODES, oauthErrorCode, ProviderError, providerError, renderErrors } from './errors.js';
import { createLogger } from './log.js';

describe('providerError', () => {
  it('carries the code it is given beside the wire', () => {
    const err = providerError('rate_limited', 429, { message: 'slow down' }, { 'Retry-After': '3' });
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.code).toBe('rate_limited');
    expect(err.wire).toEqual({ status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '3' } });
    expect(err.message).toBe('provider answers 429 (rate_limited)');
  });

  it('leaves headers out of the wire when none are given', () => {
    expect(providerError('not_found', 404, {}).wire).toEqual({ status: 404, body: {} });
  });
});

describe('oauthErrorCode', () => {
  it('takes each RFC error as its own code', () => {
    for (const error of OAUTH_ERROR_CODES) expect(oauthErrorCode(error)).toBe(error);
  });

  it('calls an error no RFC names unclassified', () => {
    expect(oauthErrorCode('server_exploded')).toBe('unclassified');
    expect(oauthErrorCode('')).toBe('unclassified');
  });
});

describe('renderErrors', () => {
  it('answers the wire of a provider error and nothing of its code', async () => {
    const app = express();
    app.get('/x', () => {
      throw providerError('expired_token', 403, { message: 'no' }, { 'X-A': '1' });
    });
    app.use(renderErrors(createLogger('silent')));
    const res = await request(app).get('/x');
    expect(res.status).toBe(403);
    expect(res.text).toBe('{"message":"no"}');
    expect(res.headers['x-a']).toBe('1');
    expect(JSON.stringify(res.headers)).not.toContain('expired_token');
  });
});
