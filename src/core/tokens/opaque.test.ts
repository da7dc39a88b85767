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
});
