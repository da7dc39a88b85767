// Client verification of OwnerRez clients over real HTTP: a well-behaved client and a misbehaving one for each rule, judged on the journal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { appBase, awesomeApp, basic, EXAMPLE_ACCESS_TOKEN, ownerrezCredentials, readOnlyApp, requestFrom, v2, v2Base } from './support/ownerrez.js';
import { lastId, outcome, verdict } from './support/verify.js';

describe('client verification of OwnerRez clients', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['ownerrez'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it("passes an app that names its client id in the User-Agent on every call and fails one call without it", async () => {
    const app = awesomeApp(sandbox);
    await v2(sandbox, 'users/me', { token: EXAMPLE_ACCESS_TOKEN });
    await v2(sandbox, 'properties', { token: EXAMPLE_ACCESS_TOKEN });
    expect(await verdict(sandbox, 'ownerrez.user-agent', app.clientId)).toMatchObject({ status: 'passed', client: app.clientId });
    expect((await v2(sandbox, 'properties', { token: EXAMPLE_ACCESS_TOKEN, userAgent: 'My Awesome App/1.0' })).status).toBe(400);
    expect(outcome(await verdict(sandbox, 'ownerrez.user-agent', app.clientId))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes the first two accounts reached with personal access tokens from one IP and fails the third, named by its e-mail', async () => {
    const [first, second, third] = ownerrezCredentials(sandbox).users;
    const lookup = (user: typeof first) => requestFrom('127.0.0.7', `${appBase(sandbox)}/api/properties/lookup`, { headers: { Authorization: basic(user!.email, user!.personalAccessToken) } });
    expect((await lookup(first)).status).toBe(200);
    expect((await lookup(second)).status).toBe(200);
    expect((await lookup(third)).status).toBe(429);
    const refused = lastId(sandbox);
    expect((await verdict(sandbox, 'ownerrez.personal-token-accounts-per-ip', first!.email)).status).toBe('passed');
    expect((await verdict(sandbox, 'ownerrez.personal-token-accounts-per-ip', second!.email.toUpperCase())).status).toBe('passed');
    expect(await verdict(sandbox, 'ownerrez.personal-token-accounts-per-ip', third!.email)).toMatchObject({ status: 'failed', client: third!.email, evidence: [refused] });
  });

  it("passes a read-only app that only reads and fails one that writes; a full app's writes are not its concern", async () => {
    const app = readOnlyApp(sandbox);
    const userAgent = `Rate Insights/2.0 (${app.clientId})`;
    expect((await v2(sandbox, 'properties', { token: app.accessToken!, userAgent })).status).toBe(200);
    expect((await verdict(sandbox, 'ownerrez.read-only-no-writes', app.clientId)).status).toBe('passed');
    const write = await fetch(`${v2Base(sandbox)}guests`, { method: 'POST', headers: { Authorization: `bearer ${app.accessToken}`, 'User-Agent': userAgent, 'Content-Type': 'application/json' }, body: JSON.stringify({ first_name: 'Ada', last_name: 'Lovelace' }) });
    expect(write.status).toBe(403);
    expect(outcome(await verdict(sandbox, 'ownerrez.read-only-no-writes', app.clientId))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
    await v2(sandbox, 'guests', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { first_name: 'Ada', last_name: 'Lovelace' } });
    expect((await verdict(sandbox, 'ownerrez.read-only-no-writes', awesomeApp(sandbox).clientId)).status).toBe('not_applicable');
  });
});
