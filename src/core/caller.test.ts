// Unit tests of caller.ts: a gate sets the caller of a request, handlers read it typed, and a route without a gate is the sandbox's bug.
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { CallerSlot, type Caller } from './caller.js';

const res = (): Response => ({}) as Response;

describe('the caller slot', () => {
  it('gives each request the caller its gate set', () => {
    const slot = new CallerSlot<Caller<{ tenantIds: string[] }>>('test');
    const [a, b] = [res(), res()];
    slot.set(a, { credential: 'personal_access_token', accountId: 't1', userId: undefined, clientId: undefined, scopes: ['read'], expiresAtMs: undefined, details: { tenantIds: ['t1'] } });
    slot.set(b, { credential: 'oauth_access_token', accountId: 't2', userId: 'u', clientId: 'c', scopes: [], expiresAtMs: 5, details: { tenantIds: ['t2', 't3'] } });
    expect(slot.get(a).details.tenantIds).toEqual(['t1']);
    expect(slot.get(b).accountId).toBe('t2');
  });

  it('throws for a request no gate admitted', () => {
    expect(() => new CallerSlot('guesty').get(res())).toThrow('no guesty caller for this request: the route has no gate');
  });
});
