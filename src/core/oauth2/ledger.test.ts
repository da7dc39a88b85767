// Unit tests of the grant ledger: single-use codes and refresh tokens on the virtual clock, and what a reuse or a replay revokes.
import { beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../clock.js';
import { GrantLedger, type RefreshRecord } from './ledger.js';

interface Grant {
  scopes: string[];
}

const GRANT: Grant = { scopes: ['read'] };

describe('the grant ledger', () => {
  let clock: Clock;
  let revoked: string[];
  let ledger: GrantLedger<Grant>;
  beforeEach(() => {
    clock = new Clock();
    clock.freeze('2030-01-01T00:00:00Z');
    revoked = [];
    ledger = new GrantLedger<Grant>(clock, { codeLifetimeSeconds: 60, refreshLifetimeSeconds: 3600, revokeAccess: (t) => void revoked.push(t) });
  });

  const code = () => ledger.issueCode({ grant: GRANT, clientId: 'app', redirectUri: 'https://app.example/cb', codeChallenge: undefined, nonce: undefined });
  const refresh = () => ledger.issueRefreshToken({ grant: GRANT, clientId: 'app', nonce: undefined });

  it("issues IdentityServer's handles by default, or the provider's own", () => {
    expect(code()).toMatch(/^[0-9A-F]{64}$/);
    let n = 0;
    const own = new GrantLedger<Grant>(clock, { codeLifetimeSeconds: 60, refreshLifetimeSeconds: 60, revokeAccess: () => undefined, handle: () => `h${++n}` });
    expect([own.issueCode({ grant: GRANT, clientId: 'a', redirectUri: 'x', codeChallenge: undefined, nonce: undefined }), own.issueRefreshToken({ grant: GRANT, clientId: 'a', nonce: undefined })]).toEqual(['h1', 'h2']);
  });

  it('keeps a code for single use, with nothing issued from it yet', () => {
    const issued = code();
    const first = ledger.codes.consume(issued);
    expect(first).toMatchObject({ state: 'active', record: { data: { clientId: 'app', issued: [] } } });
    expect(ledger.codes.consume(issued).state).toBe('revoked');
  });

  it('expires codes and refresh tokens after their lifetimes on the clock', () => {
    const [c, r] = [code(), refresh()];
    clock.advance(59);
    expect(ledger.codes.lookup(c).state).toBe('active');
    clock.advance(1);
    expect(ledger.codes.lookup(c).state).toBe('expired');
    expect(ledger.refresh.lookup(r).state).toBe('active');
    clock.advance(3600 - 60);
    expect(ledger.refresh.lookup(r).state).toBe('expired');
  });

  it('revokes what a code gave, access tokens through the provider', () => {
    const r = refresh();
    ledger.revokeIssued(['at_1', r]);
    expect(revoked).toEqual(['at_1', r]);
    expect(ledger.refresh.lookup(r).state).toBe('revoked');
  });

  it('revokes, from a spent refresh token, the whole chain rotated from it', () => {
    const [a, b, c] = [refresh(), refresh(), refresh()];
    const record = (t: string): RefreshRecord<Grant> => (ledger.refresh.lookup(t) as { record: { data: RefreshRecord<Grant> } }).record.data;
    record(a).rotatedInto = ['at_2', b];
    record(b).rotatedInto = ['at_3', c];
    ledger.refresh.consume(a);
    ledger.refresh.consume(b);
    const untouched = refresh();
    ledger.revokeRotatedFrom(record(a));
    expect(revoked.sort()).toEqual(['at_2', 'at_3', b, c].sort());
    expect([ledger.refresh.lookup(b).state, ledger.refresh.lookup(c).state, ledger.refresh.lookup(untouched).state]).toEqual(['revoked', 'revoked', 'active']);
  });

  it('revokes, from a reused code, what its refresh token was rotated into', () => {
    const [a, b] = [refresh(), refresh()];
    (ledger.refresh.lookup(a) as { record: { data: RefreshRecord<Grant> } }).record.data.rotatedInto = ['at_2', b];
    ledger.revokeIssued(['at_1', a]);
    expect(revoked).toEqual(['at_1', a, b, 'at_2']);
    expect(ledger.refresh.lookup(b).state).toBe('revoked');
  });

  it('forgets every code and refresh token on reset', () => {
    const [c, r] = [code(), refresh()];
    ledger.reset();
    expect([ledger.codes.lookup(c).state, ledger.refresh.lookup(r).state]).toEqual(['unknown', 'unknown']);
  });
});
