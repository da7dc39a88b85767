// Unit tests of a fault definition's checks: what is kept and normalized, and each refusal naming its field.
import { describe, expect, it } from 'vitest';
import { checkFaultSpec, FaultDefinitionError } from './fault-spec.js';

const refusedField = (input: unknown): string | undefined => {
  try {
    checkFaultSpec(input);
    return undefined;
  } catch (err) {
    return err instanceof FaultDefinitionError ? err.field : 'not a FaultDefinitionError';
  }
};

describe('checkFaultSpec', () => {
  it('keeps the fields given, the method upper case, and leaves out a drop of false', () => {
    expect(checkFaultSpec({ method: 'get', path: '/v1/x', status: 429, retryAfter: 3, times: 2, probability: 0.25, seed: 9, drop: false })).toEqual({
      method: 'GET',
      path: '/v1/x',
      status: 429,
      retryAfter: 3,
      times: 2,
      probability: 0.25,
      seed: 9,
    });
    expect(checkFaultSpec({ latencyMs: 5 })).toEqual({ latencyMs: 5 });
    expect(checkFaultSpec({ drop: true, latencyMs: 5 })).toEqual({ latencyMs: 5, drop: true });
  });

  it('refuses each bad definition naming its field', () => {
    expect(refusedField('x')).toBe('body');
    expect(refusedField(null)).toBe('body');
    expect(refusedField({ status: 500, nope: 1 })).toBe('nope');
    expect(refusedField({ status: 399 })).toBe('status');
    expect(refusedField({ status: 500.5 })).toBe('status');
    expect(refusedField({ status: 429, retryAfter: -1 })).toBe('retryAfter');
    expect(refusedField({ status: 500, retryAfter: 1 })).toBe('retryAfter');
    expect(refusedField({ latencyMs: 60_001 })).toBe('latencyMs');
    expect(refusedField({ latencyMs: 0 })).toBe('status');
    expect(refusedField({})).toBe('status');
    expect(refusedField({ drop: 'yes' })).toBe('drop');
    expect(refusedField({ drop: true, status: 500 })).toBe('drop');
    expect(refusedField({ status: 500, times: 0 })).toBe('times');
    expect(refusedField({ status: 500, probability: Number.NaN })).toBe('probability');
    expect(refusedField({ status: 500, probability: 0.5, seed: 1.5 })).toBe('seed');
    expect(refusedField({ status: 500, seed: 1 })).toBe('seed');
    expect(refusedField({ status: 500, provider: '' })).toBe('provider');
    expect(refusedField({ status: 500, method: 'TRACE' })).toBe('method');
  });
});
