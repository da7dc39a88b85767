import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.js';
import { OpaqueTokens, randomToken } from './opaque.js';

describe('opaque tokens', () => {
  it('carry their prefix and no information', () => {
    const tokens = new OpaqueTokens<{ tenantId: string }>(new Clock());
    const token = tokens.issue('rs_', { tenantId: 'tenant-1' }, 3600, 40);
    expect(token).toMatch(/^rs_[A-Za-z0-9]{40}$/);
    expect(token).not.toContain('tenant');
    expect(randomToken(12)).not.toBe(randomToken(12));
  });

  it('expire on the virtual clock at exactly their lifetime', () => {
    const clock = new Clock();
    clock.freeze('2030-01-01T00:00:00Z');
    const tokens = new OpaqueTokens<string>(clock);
    const token = tokens.issue('at_', 'data', 3600);
    clock.advance(3599);
    expect(tokens.lookup(token).state).toBe('active');
    clock.advance(1);
    expect(tokens.lookup(token).state).toBe('expired');
  });

  it('are refused at once when revoked, and unknown after reset', () => {
    const tokens = new OpaqueTokens<string>(new Clock());
    const token = tokens.issue('pt_', 'data');
    expect(tokens.revoke(token)).toBe(true);
    expect(tokens.lookup(token).state).toBe('revoked');
    tokens.reset();
    expect(tokens.lookup(token).state).toBe('unknown');
    expect(tokens.revoke('pt_nope')).toBe(false);
  });

  it('hold a record while it is the token\'s, active: not once revoked, expired, or registered again after a reset', () => {
    const clock = new Clock();
    clock.freeze('2030-01-01T00:00:00Z');
    const tokens = new OpaqueTokens<string>(clock);
    const token = tokens.issue('at_', 'data', 60);
    const found = tokens.lookup(token);
    if (found.state !== 'active') throw new Error('the token is not active');
    expect(tokens.holds(token, found.record)).toBe(true);
    clock.advance(60);
    expect(tokens.holds(token, found.record)).toBe(false);
    const again = tokens.register('at_fixed', 'data');
    const record = (tokens.lookup(again) as { record: Parameters<typeof tokens.holds>[1] }).record;
    tokens.reset();
    tokens.register('at_fixed', 'data');
    expect(tokens.holds('at_fixed', record)).toBe(false);
    const current = (tokens.lookup('at_fixed') as { record: Parameters<typeof tokens.holds>[1] }).record;
    tokens.revoke('at_fixed');
    expect(tokens.holds('at_fixed', current)).toBe(false);
  });
});
