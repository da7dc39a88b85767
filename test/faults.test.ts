// Fault injection over real HTTP (issue 15, "Fault injection"): each kind of fault in each provider's own error shape, each scope, once, n
// times and until removed, `fired` counts, removal and reset, a seeded probability's sequence, bad definitions, the library's faults.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultDefinitionError } from '../src/core/faults/fault-spec.js';
import type { Fault } from '../src/core/faults/faults.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { call, companyBase, rpc, SUNRISE } from './support/entrata.js';
import { guestyCredentials, openApiBase, openApiToken } from './support/guesty.js';
import { basic, EXAMPLE_ACCESS_TOKEN, v2, v2Base, WYLIE, WYLIE_TOKEN } from './support/ownerrez.js';
import { cloud, identityBase } from './support/rezstream.js';

describe('fault injection', () => {
  let sandbox: RunningSandbox;
  const admin = (path: string, init?: RequestInit): Promise<Response> => fetch(`${sandbox.url}/__sandbox${path}`, init);
  const post = (body: unknown): Promise<Response> => admin('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const inject = async (body: Record<string, unknown>): Promise<Fault> => {
    const res = await post(body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Fault;
  };
  const listed = async (): Promise<Fault[]> => ((await (await admin('/faults')).json()) as { faults: Fault[] }).faults;
  const listings = (path = '/v1/listings', init?: RequestInit): Promise<Response> => fetch(`${openApiBase(sandbox)}${path}`, init);
  const discovery = (): Promise<Response> => fetch(`${identityBase(sandbox)}/.well-known/openid-configuration`);
  const statuses = async (n: number, send: () => Promise<Response>): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) out.push((await send()).status);
    return out;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['guesty', 'rezstream', 'entrata', 'ownerrez', 'hospitable'], validateResponses: true, logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  describe('status faults in each provider\'s own error shape', () => {
    it("answers Guesty with Kong's gateway body for an injected 503", async () => {
      await inject({ provider: 'guesty', status: 503 });
      const res = await listings();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ message: 'The upstream server is currently unavailable' });
    });

    it("answers Guesty with its rate-limit body and the Retry-After given for an injected 429", async () => {
      await inject({ origin: 'https://open-api.guesty.com', status: 429, retryAfter: 7 });
      const res = await listings();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({ message: 'API rate limit exceeded' });
    });

    it("answers Guesty with its API's {error: {code, message}} for an injected 404 or 409", async () => {
      await inject({ provider: 'guesty', method: 'GET', status: 404, times: 1 });
      await inject({ provider: 'guesty', method: 'GET', status: 409, times: 1 });
      expect(await (await listings('/v1/listings/abc')).json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not Found' } });
      expect(await (await listings('/v1/listings/abc')).json()).toEqual({ error: { code: 'CONFLICT', message: 'Conflict' } });
    });

    it('answers the rezStream Cloud API with an ASP.NET Core ProblemDetails for an injected 500', async () => {
      await inject({ origin: 'https://cloudapi.rezstream.com', status: 500 });
      const res = await cloud(sandbox, '/reservations/byDate');
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toEqual({ type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1', title: 'Internal Server Error', status: 500, traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/) });
    });

    it("answers rezStream's identity server with RFC 6749 errors for an injected 400 or 401, and ProblemDetails otherwise", async () => {
      await inject({ origin: 'https://account.rezstream.com', status: 401, times: 1 });
      await inject({ origin: 'https://account.rezstream.com', status: 503, times: 1 });
      const token = (): Promise<Response> => fetch(`${identityBase(sandbox)}/connect/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' });
      const unauthorized = await token();
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(await unauthorized.json()).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });
      const unavailable = await token();
      expect(unavailable.status).toBe(503);
      expect(await unavailable.json()).toMatchObject({ type: 'https://tools.ietf.org/html/rfc9110#section-15.6.4', title: 'Service Unavailable', status: 503 });
    });

    it("answers an Entrata service with its envelope error at HTTP 200, in the request's JSON or XML", async () => {
      await inject({ provider: 'entrata', status: 503 });
      const json = await rpc(`${companyBase(sandbox, SUNRISE)}/api/customers`, call('getCustomers', { propertyId: 100001 }));
      expect(json.status).toBe(200);
      expect(json.contentType).toMatch(/json/);
      expect(json.body).toEqual({ response: { error: { code: 503, message: 'Service Unavailable.' } } });
      const xml = await rpc(`${companyBase(sandbox, SUNRISE)}/api/customers`, call('getCustomers', { propertyId: 100001 }), { xml: true });
      expect(xml.status).toBe(200);
      expect(xml.contentType).toMatch(/xml/);
      expect(xml.text).toMatch(/^<\?xml/);
      // XML carries text: the code reads back as the string of digits.
      expect(xml.body.response.error).toEqual({ code: '503', message: 'Service Unavailable.' });
    });

    it("answers OwnerRez with {code, error}, and its published words for an injected 429", async () => {
      await inject({ origin: 'https://api.ownerrez.com', status: 500, times: 1 });
      await inject({ origin: 'https://api.ownerrez.com', status: 429, retryAfter: 30 });
      const auth = { headers: { Authorization: basic(WYLIE, WYLIE_TOKEN) } };
      const failed = await fetch(`${v2Base(sandbox)}properties`, auth);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ code: 500, error: 'Internal Server Error.' });
      const limited = await fetch(`${v2Base(sandbox)}properties`, auth);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
      expect(await limited.json()).toEqual({ code: 429, error: 'Rate limit exceeded.' });
    });

    it('answers Hospitable with {status_code, reason_phrase} and its trace header, and Laravel\'s throttle words for an injected 429', async () => {
      await inject({ provider: 'hospitable', status: 503, times: 1 });
      await inject({ provider: 'hospitable', status: 429, retryAfter: 12 });
      const user = `${sandbox.origins['https://public.api.hospitable.com']}/v2/user`;
      const failed = await fetch(user);
      expect(failed.status).toBe(503);
      expect(failed.headers.get('x-hospitable-trace')).toEqual(expect.any(String));
      expect(await failed.json()).toEqual({ status_code: 503, reason_phrase: 'Service Unavailable' });
      const limited = await fetch(user);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('12');
      expect(await limited.json()).toEqual({ status_code: 429, reason_phrase: 'Too Many Attempts.' });
    });

    it('records a faulted request in the journal as it was answered', async () => {
      await inject({ provider: 'guesty', status: 502 });
      await listings('/v1/listings?limit=1');
      const [entry] = sandbox.journal.query({ provider: 'guesty' });
      expect(entry).toMatchObject({ method: 'GET', url: '/open-api.guesty.com/v1/listings?limit=1', status: 502, responseBody: { message: 'An invalid response was received from the upstream server' } });
    });
  });

  describe('latency and dropped connections', () => {
    it('waits latencyMs of real time, then answers as without the fault', async () => {
      await inject({ origin: 'https://account.rezstream.com', latencyMs: 150 });
      const started = performance.now();
      const res = await discovery();
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ issuer: expect.any(String), token_endpoint: expect.any(String) });
    });

    it('waits latencyMs, then answers the status it injects', async () => {
      await inject({ provider: 'guesty', latencyMs: 150, status: 504 });
      const started = performance.now();
      const res = await listings();
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(res.status).toBe(504);
      expect(await res.json()).toEqual({ message: 'The upstream server is timing out' });
    });

    it('closes the connection without an answer on drop, records nothing, and serves normally once the fault is removed', async () => {
      const fault = await inject({ provider: 'rezstream', drop: true });
      await expect(discovery()).rejects.toThrow();
      expect(sandbox.journal.query({ provider: 'rezstream' })).toEqual([]);
      expect((await admin(`/faults/${fault.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await discovery()).status).toBe(200);
    });
  });

  describe('scopes', () => {
    it('faults only the provider it names', async () => {
      await inject({ provider: 'ownerrez', status: 500 });
      expect((await discovery()).status).toBe(200);
      expect((await fetch(`${v2Base(sandbox)}properties`)).status).toBe(500);
    });

    it('faults only the origin it names, a company of a templated origin included', async () => {
      await inject({ origin: 'https://booking.guesty.com', status: 503 });
      await inject({ origin: 'https://blueoak.entrata.com', status: 500 });
      expect((await fetch(`${sandbox.origins['https://booking.guesty.com']}/api/listings`)).status).toBe(503);
      expect((await listings()).status).toBe(401);
      expect((await rpc(`${companyBase(sandbox, 'blueoak')}/api/status`, call('getStatus'))).body.response.error?.code).toBe(500);
      expect((await rpc(`${companyBase(sandbox, SUNRISE)}/api/status`, call('getStatus'))).body.response.error?.code).not.toBe(500);
    });

    it('faults only the method it names', async () => {
      await inject({ provider: 'guesty', method: 'post', status: 500 });
      expect((await listings()).status).toBe(401);
      expect((await listings('/v1/reservations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(500);
    });

    it("faults only the paths its Express-style pattern matches on the origin's path", async () => {
      await inject({ origin: 'https://open-api.guesty.com', path: '/v1/listings/:id', status: 500 });
      expect((await listings('/v1/listings/abc')).status).toBe(500);
      expect((await listings('/V1/Listings/abc/')).status).toBe(500);
      expect((await listings('/v1/listings')).status).toBe(401);
      expect((await listings('/v1/listings/abc/calendar')).status).not.toBe(500);
    });

    it('faults only the client it names: a bearer token, a Basic username, a client_id query parameter', async () => {
      const token = await openApiToken(sandbox);
      await inject({ client: token, status: 503 });
      await inject({ client: WYLIE, status: 502 });
      await inject({ client: 'c_51234234', status: 504 });
      expect((await listings('/v1/listings', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(503);
      expect((await listings('/v1/listings', { headers: { Authorization: 'Bearer another-token' } })).status).toBe(401);
      expect((await fetch(`${v2Base(sandbox)}properties`, { headers: { Authorization: basic(WYLIE, WYLIE_TOKEN) } })).status).toBe(502);
      expect((await fetch(`${v2Base(sandbox)}properties`, { headers: { Authorization: basic('someone@else.com', WYLIE_TOKEN) } })).status).toBe(401);
      expect((await fetch(`${sandbox.origins['https://app.ownerrez.com']}/oauth/authorize?client_id=c_51234234&response_type=code`, { redirect: 'manual' })).status).toBe(504);
    });

    it('faults the client behind a token the sandbox issued or seeded, named as verification names it: a client id, an owner\'s e-mail', async () => {
      const token = await openApiToken(sandbox);
      const { clientId } = guestyCredentials(sandbox, 'openApi');
      await inject({ client: clientId, status: 503 });
      await inject({ client: 'c_51234234', status: 502 });
      // Guesty's JWT names its client (`cid`); OwnerRez's seeded at_foobarbaz is My Awesome App's; a personal access token is its owner's.
      expect((await listings('/v1/listings', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(503);
      expect((await v2(sandbox, 'properties', { token: EXAMPLE_ACCESS_TOKEN })).status).toBe(502);
      expect((await fetch(`${v2Base(sandbox)}properties`, { headers: { Authorization: basic(WYLIE, WYLIE_TOKEN) } })).status).toBe(200);
      const rosa = 'rosa@lakeshore-rentals.example';
      await inject({ client: rosa, status: 500 });
      const rosaToken = (sandbox.credentials.ownerrez as { users: Array<{ email: string; personalAccessToken: string }> }).users.find((u) => u.email === rosa)!.personalAccessToken;
      expect((await fetch(`${v2Base(sandbox)}properties`, { headers: { Authorization: basic('Rosa@Lakeshore-Rentals.example', rosaToken) } })).status).toBe(500);
    });

    it('leaves the admin API alone whatever a fault matches', async () => {
      await inject({ status: 500 });
      expect((await admin('/health')).status).toBe(200);
      expect((await listings()).status).toBe(500);
    });
  });

  describe('how often a fault fires', () => {
    it('fires once with times 1, then the request is answered as without it', async () => {
      const fault = await inject({ provider: 'guesty', status: 500, times: 1 });
      expect(await statuses(3, () => listings())).toEqual([500, 401, 401]);
      expect(await listed()).toEqual([{ ...fault, fired: 1 }]);
    });

    it('fires n times with times n, counting each in fired', async () => {
      const fault = await inject({ provider: 'guesty', status: 500, times: 3 });
      expect(fault).toEqual({ id: expect.any(String), provider: 'guesty', status: 500, times: 3, fired: 0 });
      expect(await statuses(5, () => listings())).toEqual([500, 500, 500, 401, 401]);
      expect((await listed())[0]!.fired).toBe(3);
    });

    it('fires until removed when times is not given', async () => {
      const fault = await inject({ provider: 'guesty', status: 500 });
      expect(await statuses(6, () => listings())).toEqual([500, 500, 500, 500, 500, 500]);
      expect((await listed())[0]).toEqual({ ...fault, fired: 6 });
      await admin(`/faults/${fault.id}`, { method: 'DELETE' });
      expect((await listings()).status).toBe(401);
    });

    it('gives the same fire and skip sequence twice for one seed, another for another seed', async () => {
      const sequence = async (seed: number): Promise<number[]> => {
        const fault = await inject({ origin: 'https://account.rezstream.com', status: 503, probability: 0.5, seed });
        const answers = await statuses(24, discovery);
        expect((await listed()).find((f) => f.id === fault.id)!.fired).toBe(answers.filter((s) => s === 503).length);
        await admin(`/faults/${fault.id}`, { method: 'DELETE' });
        return answers;
      };
      const first = await sequence(42);
      expect(first).toContain(503);
      expect(first).toContain(200);
      expect(await sequence(42)).toEqual(first);
      expect(await sequence(43)).not.toEqual(first);
    });
  });

  describe('listing and removing faults', () => {
    it('lists faults in the order added, removes one by id, and answers 404 problem+json for an unknown one', async () => {
      const first = await inject({ provider: 'guesty', status: 500 });
      const second = await inject({ provider: 'ownerrez', latencyMs: 10, method: 'GET' });
      expect(second).toEqual({ id: expect.any(String), provider: 'ownerrez', method: 'GET', latencyMs: 10, fired: 0 });
      expect(await listed()).toEqual([first, second]);
      expect((await admin(`/faults/${first.id}`, { method: 'DELETE' })).status).toBe(204);
      expect(await listed()).toEqual([second]);
      const unknown = await admin(`/faults/${first.id}`, { method: 'DELETE' });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('removes every fault on DELETE /__sandbox/faults, and the sandbox serves normally again', async () => {
      await inject({ provider: 'guesty', status: 500 });
      await inject({ provider: 'rezstream', drop: true });
      expect((await admin('/faults', { method: 'DELETE' })).status).toBe(204);
      expect(await listed()).toEqual([]);
      expect((await listings()).status).toBe(401);
      expect((await discovery()).status).toBe(200);
    });

    it('clears faults on reset, ids counted again from the start', async () => {
      const fault = await inject({ provider: 'guesty', status: 500 });
      await inject({ provider: 'guesty', status: 502 });
      expect((await admin('/reset', { method: 'POST' })).status).toBe(200);
      expect(await listed()).toEqual([]);
      expect((await listings()).status).toBe(401);
      expect((await inject({ provider: 'guesty', status: 500 })).id).toBe(fault.id);
    });

    it('describes its routes in the admin OpenAPI document', async () => {
      const doc = (await (await admin('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      expect(Object.keys(doc.paths['/__sandbox/faults']!).sort()).toEqual(['delete', 'get', 'post']);
      expect(Object.keys(doc.paths['/__sandbox/faults/{id}']!)).toEqual(['delete']);
    });
  });

  describe('bad definitions', () => {
    const refused: Array<[string, unknown, string]> = [
      ['an unknown provider', { provider: 'nope', status: 500 }, 'provider'],
      ['an unknown origin', { origin: 'https://api.example.com', status: 500 }, 'origin'],
      ['an origin of another provider', { provider: 'guesty', origin: 'https://api.ownerrez.com', status: 500 }, 'origin'],
      ['a path pattern that does not parse', { path: '/v1/(', status: 500 }, 'path'],
      ['a path that is not a pattern on the path', { path: 'v1/listings', status: 500 }, 'path'],
      ['a status below 400', { status: 200 }, 'status'],
      ['a status above 599', { status: 600 }, 'status'],
      ['a probability above 1', { status: 500, probability: 1.5 }, 'probability'],
      ['a probability below 0', { status: 500, probability: -0.1 }, 'probability'],
      ['a fault that does nothing', { provider: 'guesty' }, 'status'],
      ['an unknown field', { status: 500, statusCode: 500 }, 'statusCode'],
      ['retryAfter without status 429', { status: 503, retryAfter: 5 }, 'retryAfter'],
      ['a status and a drop', { status: 500, drop: true }, 'drop'],
      ['times of 0', { status: 500, times: 0 }, 'times'],
      ['a seed without a probability', { status: 500, seed: 1 }, 'seed'],
      ['an unknown method', { method: 'BREW', status: 500 }, 'method'],
      ['a latency that is not a number', { latencyMs: '150' }, 'latencyMs'],
      ['a body that is not an object', [1], 'JSON object'],
    ];
    for (const [what, body, field] of refused) {
      it(`refuses ${what} with 400 problem+json naming ${field}`, async () => {
        const res = await post(body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(((await res.json()) as { detail: string }).detail).toContain(field);
        expect(await listed()).toEqual([]);
      });
    }
  });

  describe('in the library', () => {
    it('adds, lists, removes and clears faults, refusing a bad definition by its field', async () => {
      const fault = sandbox.faults.add({ provider: 'guesty', path: '/v1/listings', status: 503, times: 2 });
      expect(fault).toEqual({ id: expect.any(String), provider: 'guesty', path: '/v1/listings', status: 503, times: 2, fired: 0 });
      expect((await listings()).status).toBe(503);
      expect(sandbox.faults.list()).toEqual([{ ...fault, fired: 1 }]);
      expect(sandbox.faults.remove(fault.id)).toBe(true);
      expect(sandbox.faults.remove(fault.id)).toBe(false);
      sandbox.faults.add({ drop: true });
      sandbox.faults.clear();
      expect(sandbox.faults.list()).toEqual([]);
      expect(() => sandbox.faults.add({ status: 700 })).toThrow(FaultDefinitionError);
      expect(() => sandbox.faults.add({ probability: 2, status: 500 })).toThrow(expect.objectContaining({ field: 'probability' }));
      expect((await listings()).status).toBe(401);
    });
  });
});
