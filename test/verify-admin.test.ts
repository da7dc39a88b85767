// POST /__sandbox/verify and sandbox.verify(): one verdict a rule and client, entry ids as evidence and no secret, `since` on the virtual
// clock, problem+json 400s for options it cannot read, and the route described in the admin document.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VerifyInputError } from '../src/index.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { guestyCredentials, openApiBase, openApiToken } from './support/guesty.js';

describe('POST /__sandbox/verify', () => {
  let sandbox: RunningSandbox;
  const post = (body: string) => fetch(`${sandbox.url}/__sandbox/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const traffic = async (): Promise<string> => {
    const token = await openApiToken(sandbox);
    await fetch(`${openApiBase(sandbox)}/v1/listings`, { headers: { Authorization: `Bearer ${token}` } });
    return token;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze('2030-01-01T12:00:00Z');
  });

  it('answers a verdict a rule and client, naming journal entries and no secret, the same as sandbox.verify()', async () => {
    const token = await traffic();
    const { clientId, clientSecret } = guestyCredentials(sandbox);
    const res = await post('{}');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(clientSecret);
    const { rules } = JSON.parse(text) as { rules: Array<Record<string, unknown>> };
    const guesty = rules.filter((r) => r.provider === 'guesty');
    expect(guesty.map((r) => r.id)).toEqual(['guesty.token-quota', 'guesty.token-reused', 'guesty.token-renewal', 'guesty.no-call-after-expiry-403', 'guesty.retry-after-429', 'guesty.backoff-after-5xx']);
    expect(guesty[0]).toEqual({ id: 'guesty.token-quota', provider: 'guesty', client: clientId, sentence: 'requests at most five tokens in any 24 hours', source: { document: 'seeds/003 Guesty Authentication', section: '2. Generating the Access Token' }, status: 'passed', evidence: [sandbox.journal.query()[0]!.id] });
    // A provider with no client in the journal lists its rules once, not applicable.
    expect(rules.filter((r) => r.provider === 'ownerrez').every((r) => r.client === null && r.status === 'not_applicable')).toBe(true);
    expect(await sandbox.verify()).toEqual({ rules });
  });

  it('gives not_applicable for every rule to a client with no entries, and judges only entries since the time given on the virtual clock', async () => {
    await traffic();
    const unknown = (await (await post('{"client": "0oaNoSuchClient"}')).json()) as { rules: Array<{ status: string; client: string }> };
    expect(unknown.rules.every((r) => r.status === 'not_applicable' && r.client === '0oaNoSuchClient')).toBe(true);
    const { clientId } = guestyCredentials(sandbox);
    const before = await sandbox.verify({ provider: 'guesty', client: clientId, since: '2030-01-01T11:59:00Z' });
    expect(before.rules[0]!.status).toBe('passed');
    const after = await sandbox.verify({ provider: 'guesty', client: clientId, since: '2030-01-01T12:00:01Z' });
    expect(after.rules.every((r) => r.status === 'not_applicable')).toBe(true);
    expect(sandbox.journal.query()[0]!.at).toBe('2030-01-01T12:00:00.000Z');
  });

  it.each([
    ['[]', /JSON object/],
    ['{"provider": "airbnb"}', /provider must be one of guesty, rezstream, entrata, ownerrez/],
    ['{"client": 42}', /client must be/],
    ['{"client": ""}', /client must be/],
    ['{"since": "yesterday"}', /since must be an ISO 8601/],
    ['{"since": "2030-02-30T00:00:00Z"}', /since must be an ISO 8601/],
    ['{"tenant": "x"}', /Unknown field\(s\) tenant/],
    ['{"provider": ', /./],
  ])('refuses %s with a problem+json 400', async (body, detail) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('rejects options it cannot read from sandbox.verify() with a VerifyInputError', async () => {
    await expect(sandbox.verify({ provider: 'airbnb' })).rejects.toBeInstanceOf(VerifyInputError);
  });

  it('is described in the admin OpenAPI document', async () => {
    const document = (await (await fetch(`${sandbox.url}/__sandbox/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
    expect(document.paths['/__sandbox/verify']!.post).toMatchObject({ operationId: 'verify', responses: { '200': expect.anything(), '400': expect.anything() } });
  });
});
