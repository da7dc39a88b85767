// Unit tests of http-auth.ts: the Authorization header read as Bearer, Basic, none, malformed or another scheme.
import { describe, expect, it } from 'vitest';
import { basicCredentials, bearerToken, readAuthorization } from './http-auth.js';

const basic = (raw: string): string => `Basic ${Buffer.from(raw).toString('base64')}`;

describe('the Authorization header', () => {
  it('reads a bearer token, whatever the case of the scheme', () => {
    expect(readAuthorization('Bearer abc.def')).toEqual({ scheme: 'bearer', token: 'abc.def' });
    expect(bearerToken('bearer  pt_123 ')).toBe('pt_123');
    expect(bearerToken('Bearer a b')).toBeUndefined();
  });

  it('reads Basic credentials as RFC 7617 says: the first colon splits, the password may hold more', () => {
    expect(readAuthorization(basic('owner@example.com:pt_abc:def'))).toEqual({ scheme: 'basic', username: 'owner@example.com', password: 'pt_abc:def' });
    expect(basicCredentials(basic('user%40x:p+q'))).toEqual({ username: 'user%40x', password: 'p+q' });
  });

  it('tells a missing, malformed or foreign header apart', () => {
    expect(readAuthorization(undefined)).toEqual({ scheme: 'none' });
    expect(readAuthorization('  ')).toEqual({ scheme: 'none' });
    expect(readAuthorization(basic('nocolon'))).toEqual({ scheme: 'malformed' });
    expect(readAuthorization('Bearer')).toEqual({ scheme: 'malformed' });
    expect(readAuthorization('Digest username="a"')).toEqual({ scheme: 'other', name: 'Digest' });
  });
});
