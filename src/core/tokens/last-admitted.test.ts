import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.js';
import { LastAdmitted } from './last-admitted.js';
import { OpaqueTokens } from './opaque.js';

/** A store with one token admitted: the gate's lookup, then `remember`, as a gate does it. */
function admitted(lifetimeSeconds?: number) {
  const clock = new Clock();
  clock.freeze('2030-01-01T00:00:00Z');
  const tokens = new OpaqueTokens<string>(clock);
  const token = tokens.issue('at_', 'grant', lifetimeSeconds);
  const last = new LastAdmitted<string, { caller: string }>(() => tokens);
  const found = tokens.lookup(token);
  if (found.state !== 'active') throw new Error('not active');
  const caller = { caller: 'c' };
  last.remember(`Bearer ${token}`, 'agent/1.0', token, found.record, caller);
  return { clock, tokens, token, last, caller };
}

describe('LastAdmitted', () => {
  it('recalls the caller for the same headers only', () => {
    const { last, token, caller } = admitted();
    expect(last.recall(`Bearer ${token}`, 'agent/1.0')).toBe(caller);
    expect(last.recall(`Bearer ${token}`, 'other/1.0')).toBeUndefined();
    expect(last.recall(`Bearer ${token}`)).toBeUndefined();
    expect(last.recall('Bearer at_other', 'agent/1.0')).toBeUndefined();
  });

  it('stops recalling a token at once when it is revoked, and at its expiry on the virtual clock', () => {
    const revoked = admitted();
    revoked.tokens.revoke(revoked.token);
    expect(revoked.last.recall(`Bearer ${revoked.token}`, 'agent/1.0')).toBeUndefined();

    const expiring = admitted(60);
    expiring.clock.advance(59);
    expect(expiring.last.recall(`Bearer ${expiring.token}`, 'agent/1.0')).toBe(expiring.caller);
    expiring.clock.advance(1);
    expect(expiring.last.recall(`Bearer ${expiring.token}`, 'agent/1.0')).toBeUndefined();
  });

  it('stops recalling when the store forgets its tokens or the token comes to stand for another record, and when told to forget', () => {
    const reset = admitted();
    reset.tokens.reset();
    expect(reset.last.recall(`Bearer ${reset.token}`, 'agent/1.0')).toBeUndefined();

    const replaced = admitted();
    replaced.tokens.register(replaced.token, 'another grant');
    expect(replaced.last.recall(`Bearer ${replaced.token}`, 'agent/1.0')).toBeUndefined();

    const other = admitted();
    // Another token registered leaves this one standing: recalled after one lookup instead of none.
    other.tokens.issue('at_', 'someone else');
    expect(other.last.recall(`Bearer ${other.token}`, 'agent/1.0')).toBe(other.caller);
    other.last.forget();
    expect(other.last.recall(`Bearer ${other.token}`, 'agent/1.0')).toBeUndefined();
  });
});
