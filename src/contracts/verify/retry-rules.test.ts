// The retry rules on hand-made entries: the bound of five retries, delays that must grow, Retry-After as seconds or a date, and what a 429 holds back.
import { describe, expect, it } from 'vitest';
import { pageKey, pageKeyOfUrl } from './observed.js';
import { allRules, MAX_RETRIES } from './retry-rules.js';
import type { Observed, ProviderRules } from './types.js';

const set: ProviderRules = { provider: 'acme', identify: () => undefined, rules: [] };
const [retryAfter, backoff] = allRules(set);
const ctx = { all: [], credentials: undefined };

let nextId = 1;
function entry(atS: number, status: number, path = '/v1/things', headers: Record<string, string> = {}): Observed {
  return { id: nextId++, atMs: atS * 1000, provider: 'acme', method: 'GET', host: 'api.acme.test', path, query: new URLSearchParams(), requestHeaders: {}, requestBody: undefined, status, answered: status, responseHeaders: headers, responseText: undefined, responseJson: undefined, credential: undefined, client: 'c1' };
}

describe('the retry rules', () => {
  it(`passes ${MAX_RETRIES} retries with growing delays and fails a sixth`, () => {
    const times = [0, 1, 3, 7, 15, 31];
    const five = times.map((t, i) => entry(t, i === times.length - 1 ? 200 : 503));
    expect(backoff!.check(five, ctx).status).toBe('passed');
    const six = [...times, 63].map((t) => entry(t, 503));
    expect(backoff!.check(six, ctx)).toMatchObject({ status: 'failed', evidence: [six[6]!.id] });
  });

  it('fails a retry that waits no longer than the one before, and a first retry under a second', () => {
    const flat = [entry(0, 500), entry(2, 500), entry(4, 200)];
    expect(backoff!.check(flat, ctx)).toMatchObject({ status: 'failed', evidence: [flat[1]!.id, flat[2]!.id] });
    const hasty = [entry(0, 500), entry(0.5, 200)];
    expect(backoff!.check(hasty, ctx).status).toBe('failed');
  });

  it('reads Retry-After as an HTTP date against the answer\'s Date', () => {
    const limited = entry(0, 429, '/v1/things', { 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT', date: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect(retryAfter!.check([limited, entry(9, 200)], ctx).status).toBe('failed');
    expect(retryAfter!.check([limited, entry(10, 200)], ctx).status).toBe('passed');
  });

  it("holds back only the token endpoint after a token endpoint's 429", () => {
    const quota = entry(0, 429, '/oauth2/token', { 'retry-after': '3600' });
    expect(retryAfter!.check([quota, entry(1, 200, '/v1/things')], ctx).status).toBe('passed');
    expect(retryAfter!.check([quota, entry(1, 429, '/oauth2/token')], ctx).status).toBe('failed');
  });

  it('compares page URLs by path and parameters, whatever their order', () => {
    expect(pageKeyOfUrl('http://localhost:4010/cloudapi.rezstream.com/reservations/byDate?skip=10&from=2023-01-01')).toBe(pageKey('cloudapi.rezstream.com', '/reservations/byDate', new URLSearchParams('from=2023-01-01&skip=10')));
  });
});
