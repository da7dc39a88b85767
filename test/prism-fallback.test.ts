// Operations of a provider's document that no stateful handler answers are answered by Prism, behind the provider's own authentication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { openApiBase, openApiToken } from './support/guesty.js';

describe('operations answered from the document', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.clock.freeze();
    token = await openApiToken(sandbox);
  });
  afterAll(() => sandbox.close());

  it("answers GET /v1/accounts/me with the document's example", async () => {
    const res = await fetch(`${openApiBase(sandbox)}/v1/accounts/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ _id: '62a06d2f22513000359ee893', name: 'CS | TA-1 | Moshe' });
  });

  it('guards them like every other Open API operation', async () => {
    const res = await fetch(`${openApiBase(sandbox)}/v1/accounts/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Unauthorized' });
  });

  it("sends the real rate-limit counts, not the document's example values", async () => {
    sandbox.clock.advance(1);
    const first = await fetch(`${openApiBase(sandbox)}/v1/webhooks`, { headers: { Authorization: `Bearer ${token}` } });
    const second = await fetch(`${openApiBase(sandbox)}/v1/communication/conversations`, { headers: { Authorization: `Bearer ${token}` } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining-second')).toBe('14');
    expect(second.headers.get('x-ratelimit-remaining-second')).toBe('13');
  });
});
