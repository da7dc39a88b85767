// Unit tests of a fault's scope: origins by name, template or instance, a provider's own origins, path patterns as Express matches them,
// and the credentials a request shows without its provider's help.
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { FaultDefinitionError } from './fault-spec.js';
import { compileScope, genericClients, resolveOrigin, type FaultRequest, type ServedOrigin } from './matcher.js';

const served: ServedOrigin[] = [
  { provider: 'guesty', origin: 'https://open-api.guesty.com' },
  { provider: 'entrata', origin: 'https://sync.entrata.com' },
  { provider: 'entrata', origin: 'https://{subdomain}.entrata.com' },
];

const request = (over: Partial<FaultRequest> = {}): FaultRequest => ({
  provider: 'guesty',
  origin: 'https://open-api.guesty.com',
  host: 'open-api.guesty.com',
  method: 'GET',
  path: '/v1/listings',
  clients: () => [],
  ...over,
});

const fakeRequest = (authorization: string | undefined, query: Record<string, unknown> = {}): Request => ({ headers: { authorization }, query }) as unknown as Request;

describe('resolveOrigin', () => {
  it('finds an origin by its name, its template, its * form, or one instance of a template', () => {
    expect(resolveOrigin('https://open-api.guesty.com/', served)).toEqual({ provider: 'guesty', origin: 'https://open-api.guesty.com' });
    expect(resolveOrigin('https://sync.entrata.com', served)).toEqual({ provider: 'entrata', origin: 'https://sync.entrata.com' });
    expect(resolveOrigin('https://{subdomain}.entrata.com', served)).toEqual({ provider: 'entrata', origin: 'https://{subdomain}.entrata.com' });
    expect(resolveOrigin('https://*.entrata.com', served)).toEqual({ provider: 'entrata', origin: 'https://{subdomain}.entrata.com' });
    expect(resolveOrigin('https://Sunrise.entrata.com', served)).toEqual({ provider: 'entrata', origin: 'https://{subdomain}.entrata.com', host: 'sunrise.entrata.com' });
    expect(resolveOrigin('https://a.b.entrata.com', served)).toBeUndefined();
    expect(resolveOrigin('open-api.guesty.com', served)).toBeUndefined();
  });
});

describe('compileScope', () => {
  it('matches every request when the spec names no scope', () => {
    expect(compileScope({ status: 500 }, served)(request())).toBe(true);
  });

  it('matches one instance of a templated origin by the request host, any case', () => {
    const scope = compileScope({ origin: 'https://sunrise.entrata.com' }, served);
    const entrata = { provider: 'entrata', origin: 'https://{subdomain}.entrata.com' };
    expect(scope(request({ ...entrata, host: 'SUNRISE.entrata.com' }))).toBe(true);
    expect(scope(request({ ...entrata, host: 'blueoak.entrata.com' }))).toBe(false);
    expect(scope(request({ provider: 'entrata', origin: 'https://sync.entrata.com', host: 'sync.entrata.com' }))).toBe(false);
  });

  it('matches a path pattern as Express does: case-insensitive, an optional trailing slash, whole segments', () => {
    const scope = compileScope({ path: '/v1/listings/:id' }, served);
    expect(scope(request({ path: '/v1/listings/abc' }))).toBe(true);
    expect(scope(request({ path: '/V1/LISTINGS/abc/' }))).toBe(true);
    expect(scope(request({ path: '/v1/listings/%zz' }))).toBe(true);
    expect(scope(request({ path: '/v1/listings' }))).toBe(false);
    expect(scope(request({ path: '/v1/listings/abc/calendar' }))).toBe(false);
    expect(compileScope({ path: '/v1/*rest' }, served)(request({ path: '/v1/a/b' }))).toBe(true);
  });

  it('matches method and client, reading the credentials only when a client is named', () => {
    let reads = 0;
    const clients = (): string[] => {
      reads += 1;
      return ['tok'];
    };
    expect(compileScope({ method: 'POST' }, served)(request({ clients }))).toBe(false);
    expect(reads).toBe(0);
    expect(compileScope({ client: 'tok' }, served)(request({ clients }))).toBe(true);
    expect(compileScope({ client: 'other' }, served)(request({ clients }))).toBe(false);
  });

  it('refuses an unknown provider or origin, an origin of another provider, and a path that does not parse, naming the field', () => {
    const field = (f: () => unknown): string => {
      try {
        f();
      } catch (err) {
        if (err instanceof FaultDefinitionError) return err.field;
      }
      return 'none';
    };
    expect(field(() => compileScope({ provider: 'nope' }, served))).toBe('provider');
    expect(field(() => compileScope({ origin: 'https://nope.example.com' }, served))).toBe('origin');
    expect(field(() => compileScope({ provider: 'guesty', origin: 'https://sync.entrata.com' }, served))).toBe('origin');
    expect(field(() => compileScope({ path: '/v1/:' }, served))).toBe('path');
    expect(field(() => compileScope({ path: '/v1/(' }, served))).toBe('path');
  });
});

describe('genericClients', () => {
  it('reads a bearer token, a Basic username and a client_id query parameter', () => {
    expect(genericClients(fakeRequest('Bearer abc.def'))).toEqual(['abc.def']);
    expect(genericClients(fakeRequest(`Basic ${Buffer.from('me@example.com:pt_x').toString('base64')}`))).toEqual(['me@example.com']);
    expect(genericClients(fakeRequest(undefined, { client_id: ['c_1', 'c_2'] }))).toEqual(['c_1', 'c_2']);
    expect(genericClients(fakeRequest('Basic !!!'))).toEqual([]);
  });
});
