// Defects a hostile client found: each answers a 4xx in the origin's own style (problem+json on the admin API) and the sandbox keeps serving.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { openApiBase, openApiToken } from './support/guesty.js';
import { ASPEN, cloud, codeFlowTokens, identityBase, manualToken, rezCredentials } from './support/rezstream.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request with its path sent exactly as written (fetch would normalise `%zz` and `%`), and raw header values. */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const guestyValidation = (message: string | RegExp) => ({ error: { code: 'VALIDATION_ERROR', message: typeof message === 'string' ? message : expect.stringMatching(message) } });
const adminProblem = (detail: RegExp) => ({ type: 'urn:pms-sandbox:problem:bad-request', title: 'Bad request', status: 400, detail: expect.stringMatching(detail) });

describe('hostile input', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let guesty: string;
  let guestyPath: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
    token = await openApiToken(sandbox);
    guesty = openApiBase(sandbox);
    guestyPath = new URL(guesty).pathname;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${token}` });
  const json = (): Record<string, string> => ({ ...auth(), 'Content-Type': 'application/json' });

  async function stillServes(): Promise<void> {
    const res = await fetch(`${guesty}/v1/listings?limit=1`, { headers: auth() });
    expect(res.status).toBe(200);
    expect((await fetch(`${sandbox.url}/__sandbox/health`)).status).toBe(200);
  }

  describe('field names that are properties of Object.prototype', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      it(`treats fields=${name} as a plain unknown field on lists and single records`, async () => {
        for (const path of ['/v1/listings', '/v1/reservations', '/v1/guests-crud']) {
          const list = await fetch(`${guesty}${path}?limit=2&fields=${name}`, { headers: auth() });
          expect(list.status).toBe(200);
          const { results } = (await list.json()) as { results: Array<Record<string, unknown>> };
          expect(results.map((r) => Object.keys(r))).toEqual([['_id'], ['_id']]);
          const one = await fetch(`${guesty}${path}/${String(results[0]!._id)}?fields=${name}%20_id`, { headers: auth() });
          expect(one.status).toBe(200);
          expect(Object.keys((await one.json()) as object)).toEqual(['_id']);
        }
      });
    }

    it('filters on a prototype-named field as on any field the rows lack', async () => {
      const filters = encodeURIComponent(JSON.stringify([{ field: 'constructor', operator: '$eq', value: 'x' }]));
      const res = await fetch(`${guesty}/v1/reservations?filters=${filters}`, { headers: auth() });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { count: number }).count).toBe(0);
    });
  });

  describe('paths whose percent-encoding does not decode', () => {
    for (const bad of ['%zz', '%', '%c0%ae']) {
      it(`answers PUT ${bad} on Guesty writes with Guesty's 400`, async () => {
        for (const path of ['/v1/reservations/', '/v1/guests-crud/', '/v1/availability-pricing/api/calendar/listings/']) {
          const res = await raw(sandbox.url, 'PUT', `${guestyPath}${path}${bad}`, json(), '{}');
          expect(res.status).toBe(400);
          expect(JSON.parse(res.text)).toEqual(guestyValidation(/has a malformed percent-encoding\.$/));
        }
        await stillServes();
      });
    }

    it('answers the admin routes with a problem+json 400', async () => {
      const jsonOnly = { 'Content-Type': 'application/json' };
      const answers = [
        await raw(sandbox.url, 'POST', '/__sandbox/rezstream/tenants/%zz/tokens', jsonOnly, '{}'),
        await raw(sandbox.url, 'DELETE', `/__sandbox/rezstream/tenants/${ASPEN}/tokens/%zz`),
        await raw(sandbox.url, 'PATCH', '/__sandbox/rezstream/reservations/%zz', jsonOnly, '{}'),
      ];
      for (const res of answers) {
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(res.text)).toEqual(adminProblem(/^The path \/__sandbox\/rezstream\/.+ has a malformed percent-encoding\.$/));
      }
      await stillServes();
    });
  });

  describe('bodies nested too deeply', () => {
    const nested = (depth: number): string => `{"firstName":"a","lastName":"b","x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

    it('refuses a body 10,000 levels deep with a 400 before anything walks it, and accepts one at the limit', async () => {
      const deep = await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: nested(10_000) });
      expect(deep.status).toBe(400);
      expect(await deep.json()).toEqual(guestyValidation('Request body is nested more than 100 levels deep'));
      expect((await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: nested(101) })).status).toBe(400);
      expect((await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: nested(100) })).status).toBe(200);
      await stillServes();
    });

    it('refuses one on the admin API with a problem+json 400', async () => {
      const res = await fetch(`${sandbox.url}/__sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}` });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(adminProblem(/nested more than 100 levels deep/));
    });
  });

  describe('a Content-Encoding the body is not in', () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      it(`answers ${encoding} on a plain body with a 400 in each origin's words`, async () => {
        const guestyWrite = await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: { ...json(), 'Content-Encoding': encoding }, body: '{"firstName":"a","lastName":"b"}' });
        expect(guestyWrite.status).toBe(400);
        expect(await guestyWrite.json()).toEqual(guestyValidation(`Request body is not encoded as its Content-Encoding (${encoding}) says`));

        const form = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': encoding };
        const guestyToken = await fetch(`${guesty}/oauth2/token`, { method: 'POST', headers: form, body: 'grant_type=client_credentials' });
        expect(guestyToken.status).toBe(400);
        const identity = await fetch(`${identityBase(sandbox)}/connect/token`, { method: 'POST', headers: form, body: 'grant_type=client_credentials' });
        expect(identity.status).toBe(400);
        expect(await identity.json()).toEqual({ error: 'invalid_request', error_description: `Request body is not encoded as its Content-Encoding (${encoding}) says` });

        const admin = await fetch(`${sandbox.url}/__sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body: '{"freeze":true}' });
        expect(admin.status).toBe(400);
        expect(await admin.json()).toEqual(adminProblem(/not encoded as its Content-Encoding/));
        await stillServes();
      });
    }
  });

  it('answers an impossible date in `available` as a validation error', async () => {
    for (const [checkIn, checkOut] of [['2026-13-01', '2026-13-05'], ['2026-02-30', '2026-03-02'], ['2026-00-10', '2026-01-10']]) {
      const available = encodeURIComponent(JSON.stringify({ checkIn, checkOut }));
      const res = await fetch(`${guesty}/v1/listings?available=${available}`, { headers: auth() });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(guestyValidation('available.checkIn and available.checkOut must be dates (YYYY-MM-DD)'));
    }
  });

  describe('the clock', () => {
    const post = (body: string) => fetch(`${sandbox.url}/__sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

    it('refuses to move outside what a Date and the providers\' formats can hold, and stays where it was', async () => {
      const before = sandbox.clock.freeze('2026-06-01T00:00:00.000Z').now;
      for (const body of ['{"advanceSeconds": 1e300}', '{"advanceSeconds": 8.7e12}', '{"advanceSeconds": 1e308}', '{"advanceSeconds": -1e308}', '{"set": "+275760-09-13T00:00:00.000Z"}', '{"set": "+010000-01-01T00:00:00.000Z"}', '{"set": "1969-12-31T23:59:59.999Z"}']) {
        const res = await post(body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual(adminProblem(/^The clock would leave its range, 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z\.$/));
      }
      expect(sandbox.clock.state().now).toBe(before);
      const health = await fetch(`${sandbox.url}/__sandbox/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { now: string }).now).toBe(before);
      expect((await post('{"set": "9999-12-31T23:59:59.999Z"}')).status).toBe(200);
      sandbox.clock.reset();
    });
  });

  describe('Prism-answered operations', () => {
    const units = (accept: string) =>
      fetch(`${sandbox.origins['https://cloudapi.rezstream.com']}/inventory/units`, { headers: { Authorization: `Bearer ${manualToken(sandbox)}`, 'X-RezStream-Api-Version': '2024-06-01', Accept: accept } });

    it("answer JSON whatever one client's Accept said before, on every origin", async () => {
      // A fresh sandbox, so that the odd Accept is the first request Prism ever answers.
      const fresh = await startSandbox({ rateLimits: false });
      try {
        const cloudUnits = (accept: string) =>
          fetch(`${fresh.origins['https://cloudapi.rezstream.com']}/inventory/units`, { headers: { Authorization: `Bearer ${manualToken(fresh)}`, 'X-RezStream-Api-Version': '2024-06-01', Accept: accept } });
        const xml = await cloudUnits('application/xml');
        expect(xml.status).toBe(200);
        expect(xml.headers.get('content-type')).toMatch(/^application\/json/);
        const after = await cloudUnits('application/json');
        expect(after.status).toBe(200);
        expect(Array.isArray(await after.json())).toBe(true);

        const freshToken = await openApiToken(fresh);
        const webhooks = (accept: string) => fetch(`${openApiBase(fresh)}/v1/webhooks`, { headers: { Authorization: `Bearer ${freshToken}`, Accept: accept } });
        expect((await webhooks('text/html;;;')).status).toBe(200);
        for (const accept of ['application/json', '*/*']) {
          const res = await webhooks(accept);
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        }
      } finally {
        await fresh.close();
      }
    });

    it('keep answering the same after a reset', async () => {
      const first = await units('application/xml');
      sandbox.reset();
      const second = await units('application/json');
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(await second.text()).toBe(await first.text());
    });
  });

  describe('the journal', () => {
    it('keeps a request body cut to 64 KB when it records it, not the whole of it', async () => {
      const body = `[${Array.from({ length: 200_000 }, () => '1').join(',')}]`;
      const res = await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(401);
      const { entries } = (await (await fetch(`${sandbox.url}/__sandbox/journal?limit=1`)).json()) as { entries: Array<{ requestBody: unknown }> };
      const kept = entries[0]!.requestBody;
      expect(typeof kept).toBe('string');
      expect((kept as string).length).toBeLessThanOrEqual(64 * 1024 + 20);
      expect(kept as string).toMatch(/…\[truncated\]$/);
    });

    it('hides an authorization code sent as JSON, and a password nested at any depth', async () => {
      const identity = await fetch(`${identityBase(sandbox)}/connect/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'authorization_code', code: '433D5D0B1EE1C1D0C2D8B6E1A4C57AA', client_id: rezCredentials(sandbox).client.clientId }),
      });
      expect(identity.status).toBe(400);
      let nested: Record<string, unknown> = { password: 'hunter2-deep' };
      for (let i = 0; i < 40; i++) nested = { a: nested };
      expect((await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: JSON.stringify(nested) })).status).toBe(400);
      // A body over 64 KB is kept cut, no longer JSON: its secrets are hidden by pattern, the cut one too.
      const long = `{"pad":"${'x'.repeat(70_000)}","client_secret":"s3cr3t-long"}`;
      await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: long });
      const cut = `{"pad":"${'x'.repeat(64 * 1024 - 30)}","password":"cut-in-the-middle-of-this-secret"}`;
      await fetch(`${guesty}/v1/guests-crud`, { method: 'POST', headers: json(), body: cut });
      const journal = await (await fetch(`${sandbox.url}/__sandbox/journal`)).text();
      for (const secret of ['433D5D0B1EE1C1D0C2D8B6E1A4C57AA', 'hunter2-deep', 's3cr3t-long', 'cut-in-the']) expect(journal).not.toContain(secret);
      expect(journal).toContain('[REDACTED]');
    });
  });

  it('refuses a signed Guesty token with base64 padding appended', async () => {
    for (const forged of [`${token}==`, `${token}=`, `${token.slice(0, -2)}+/`]) {
      const res = await fetch(`${guesty}/v1/listings?limit=1`, { headers: { Authorization: `Bearer ${forged}` } });
      expect(res.status).toBe(401);
    }
  });

  it('revokes what a spent refresh token was rotated into when it is presented again', async () => {
    const { client } = rezCredentials(sandbox);
    const first = await codeFlowTokens(sandbox, { scope: 'openid offline_access reservations', tenants: [ASPEN] });
    const refresh = (refreshToken: string) =>
      fetch(`${identityBase(sandbox)}/connect/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret }),
      });
    const rotated = (await (await refresh(first.refresh_token!)).json()) as { access_token: string; refresh_token: string };
    const again = (await (await refresh(rotated.refresh_token)).json()) as { access_token: string; refresh_token: string };
    expect((await cloud(sandbox, '/auth/tokendetails', { token: again.access_token })).status).toBe(200);
    // The first refresh token, spent, comes back: a thief or a confused client holds it; the whole chain after it is revoked.
    const replay = await refresh(first.refresh_token!);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await cloud(sandbox, '/auth/tokendetails', { token: again.access_token })).status).toBe(401);
    expect((await cloud(sandbox, '/auth/tokendetails', { token: rotated.access_token })).status).toBe(401);
    expect((await refresh(again.refresh_token)).status).toBe(400);
  });

  it('answers `If-None-Match: *` as if it were not sent, on stateful and Prism-answered reads', async () => {
    for (const path of ['/v1/listings?limit=1', '/v1/webhooks', '/v1/accounts/me']) {
      const res = await fetch(`${guesty}${path}`, { headers: { ...auth(), 'If-None-Match': '*' } });
      expect(res.status).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(2);
    }
  });
});
