// Unit tests of OAuth 2.0 client authentication (RFC 6749 §2.3.1): Basic, form, missing, malformed and doubled credentials.
import { describe, expect, it } from 'vitest';
import { clientAuthentication } from './client-auth.js';

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('client authentication', () => {
  it('reads HTTP Basic credentials, form-decoding each part', () => {
    expect(clientAuthentication(basic('my client', 's:e'), {})).toEqual({ method: 'client_secret_basic', clientId: 'my client', clientSecret: 's:e' });
  });

  it('reads form credentials', () => {
    expect(clientAuthentication(undefined, { client_id: 'a', client_secret: 'b' })).toEqual({ method: 'client_secret_post', clientId: 'a', clientSecret: 'b' });
  });

  it('tells a missing, malformed or doubled authentication apart', () => {
    expect(clientAuthentication(undefined, {})).toEqual({ method: 'none' });
    expect(clientAuthentication(`Basic ${Buffer.from('nocolon').toString('base64')}`, {})).toEqual({ method: 'malformed' });
    expect(clientAuthentication(basic('a', 'b'), { client_id: 'a' })).toEqual({ method: 'both' });
  });
});
