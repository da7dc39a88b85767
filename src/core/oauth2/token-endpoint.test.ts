// Unit tests of the token endpoint (RFC 6749 §3.2, §2.3.1, §5): the form body, client authentication, grant dispatch and no-store answers.
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { basic, postToken, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

describe('the token endpoint', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer();
  });

  it('refuses a body that is not a form', async () => {
    const res = await request(tiny.app).post('/token').send({ grant_type: 'client_credentials', client_id: 'machine', client_secret: 'machine-secret' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', failure: { kind: 'not_form' } });
  });

  it('refuses a repeated client_id', async () => {
    const res = await postToken(tiny.app, 'grant_type=client_credentials&client_id=machine&client_id=machine&client_secret=machine-secret');
    expect(res.body).toEqual({ error: 'invalid_request', failure: { kind: 'repeated', name: 'client_id' } });
  });

  it('refuses Basic and form credentials together', async () => {
    const res = await postToken(tiny.app, { grant_type: 'client_credentials', client_id: 'machine' }, basic('machine', 'machine-secret'));
    expect(res.body).toEqual({ error: 'invalid_request', failure: { kind: 'two_client_authentications' } });
  });

  it('refuses a request naming no client', async () => {
    const res = await postToken(tiny.app, 'grant_type=client_credentials');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_client', failure: { kind: 'no_client' } });
  });

  it('refuses an unknown client', async () => {
    const res = await postToken(tiny.app, { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.failure).toEqual({ kind: 'unknown_client' });
  });

  it('refuses a wrong secret, in Basic and in the form alike', async () => {
    const inForm = await postToken(tiny.app, { grant_type: 'client_credentials', client_id: 'machine', client_secret: 'wrong' });
    const inBasic = await postToken(tiny.app, { grant_type: 'client_credentials' }, basic('machine', 'wrong'));
    expect([inForm.status, inForm.body.failure]).toEqual([401, { kind: 'wrong_secret' }]);
    expect([inBasic.status, inBasic.body.failure]).toEqual([401, { kind: 'wrong_secret' }]);
  });

  it('refuses a request without grant_type', async () => {
    const res = await postToken(tiny.app, { scope: 'read' });
    expect(res.body).toEqual({ error: 'invalid_request', failure: { kind: 'missing', name: 'grant_type' } });
  });

  it('refuses an unsupported grant type, naming the supported ones', async () => {
    const res = await postToken(tiny.app, { grant_type: 'password', username: 'ada', password: 'lovelace' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'unsupported_grant_type',
      failure: { kind: 'unsupported_grant', grantType: 'password', supported: ['authorization_code', 'refresh_token', 'client_credentials'] },
    });
  });

  it('does not take an inherited property name for a grant', async () => {
    const res = await postToken(tiny.app, { grant_type: 'constructor' });
    expect(res.body.failure).toMatchObject({ kind: 'unsupported_grant', grantType: 'constructor' });
  });

  it('answers a granted token with Cache-Control: no-store', async () => {
    const res = await postToken(tiny.app, { grant_type: 'client_credentials', scope: 'read' }, basic('machine', 'machine-secret'));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.pragma).toBe('no-cache');
    expect(res.body).toEqual({ access_token: 'at_1', token_type: 'Bearer', scope: 'read' });
  });
});
