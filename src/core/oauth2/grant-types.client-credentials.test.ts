// Unit tests of the client_credentials grant (RFC 6749 §4.4): a required or default scope, and only the scopes the client may ask for.
import { describe, expect, it } from 'vitest';
import { basic, postToken, tinyServer } from '../../../test/support/oauth2-server.js';

const MACHINE = basic('machine', 'machine-secret');
const invalidScope = (reason: string) => ({ error: 'invalid_scope', failure: { kind: 'invalid_scope', reason } });

describe('the client_credentials grant', () => {
  it('refuses a request without scope where one is required', async () => {
    const res = await postToken(tinyServer({ scopeRequired: true }).app, { grant_type: 'client_credentials' }, MACHINE);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalidScope('missing'));
  });

  it('gives every allowed scope to a request without scope where none is required', async () => {
    const res = await postToken(tinyServer({ scopeRequired: false }).app, { grant_type: 'client_credentials' }, MACHINE);
    expect(res.body.scope).toBe('read write');
  });

  it('refuses a scope the client may not ask for, or an empty one between two spaces', async () => {
    const { app } = tinyServer();
    expect((await postToken(app, { grant_type: 'client_credentials', scope: 'read admin' }, MACHINE)).body).toEqual(invalidScope('unknown'));
    expect((await postToken(app, { grant_type: 'client_credentials', scope: 'read  write' }, MACHINE)).body).toEqual(invalidScope('unknown'));
    const noScopes = await postToken(app, { grant_type: 'client_credentials', scope: 'read' });
    expect(noScopes.body).toEqual(invalidScope('unknown'));
  });

  it('answers an allowed scope with a token for it', async () => {
    const res = await postToken(tinyServer().app, { grant_type: 'client_credentials', scope: 'write' }, MACHINE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: 'at_1', token_type: 'Bearer', scope: 'write' });
  });
});
