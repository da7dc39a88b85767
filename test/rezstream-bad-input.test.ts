// Bad input at both rezStream origins gets rezStream's own style of error (OAuth errors at the identity site, problem+json at the Cloud API),
// never a stack trace or a sandbox 500, and the next request is answered as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { cloud, cloudBase, identityBase, manualToken } from './support/rezstream.js';

describe('bad input at the rezStream origins', () => {
  let sandbox: RunningSandbox;
  const stillServing = async (): Promise<void> => {
    expect((await cloud(sandbox, '/auth/tokendetails', { token: manualToken(sandbox) })).status).toBe(200);
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ bodyLimit: '2kb' });
  });
  afterAll(() => sandbox.close());

  it('answers malformed JSON at the token endpoint with an OAuth invalid_request', async () => {
    const res = await fetch(`${identityBase(sandbox)}/connect/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"grant_type":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Request body is not valid JSON' });
    await stillServing();
  });

  it('answers an oversize form at the token endpoint with 413 problem+json', async () => {
    const res = await fetch(`${identityBase(sandbox)}/connect/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `code=${'A'.repeat(4096)}` });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ title: 'Content Too Large', status: 413 });
    await stillServing();
  });

  it('answers userinfo without a token with a bare 401 challenge: no body, no content type', async () => {
    const res = await fetch(`${identityBase(sandbox)}/connect/userinfo`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_request", error_description="A bearer access token is required."');
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('answers an unknown Cloud API path with 404 problem+json naming the nearest route', async () => {
    const res = await cloud(sandbox, '/reservation/byDate', { token: manualToken(sandbox) });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('x-pms-sandbox-nearest-route')).toBe('GET /reservations/byDate');
    await stillServing();
  });

  it("answers a path parameter that does not decode with the Cloud API's own 400 problem", async () => {
    const res = await cloud(sandbox, '/reservations/%E0%A4%A', { token: manualToken(sandbox) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: 'Bad Request', status: 400, traceId: expect.any(String) });
    await stillServing();
  });

  it('answers repeated query parameters with a validation problem, not a crash', async () => {
    const res = await cloud(sandbox, '/reservations/byDate?from=2023-01-01&from=2023-02-01&to=2024-01-01', { token: manualToken(sandbox) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty('from');
  });

  it('answers a form with nested fields at the sign-in endpoint with the error page', async () => {
    const res = await fetch(`${identityBase(sandbox)}/account/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'interaction[a]=1&username[b]=2' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('This sign-in has expired or was already completed');
    expect((await fetch(`${cloudBase(sandbox)}/openapi`)).status).toBe(200);
  });
});
