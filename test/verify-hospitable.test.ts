// Client verification of Hospitable clients over real HTTP: a well-behaved client and a misbehaving one for each rule, judged on the journal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { call, hospitableCredentials, owner, seededToken, V1_ORIGIN, v1Token } from './support/hospitable.js';
import { lastId, outcome, verdict } from './support/verify.js';

describe('client verification of Hospitable clients', () => {
  let sandbox: RunningSandbox;
  /** A calendar change of a property that may change (not calendar-restricted). */
  const changeCalendar = async (token: string): Promise<number> => {
    const properties = ((await (await call(sandbox, '/v2/properties?per_page=100', { token })).json()) as { data: Array<{ id: string; calendar_restricted: boolean }> }).data;
    const open = properties.find((p) => !p.calendar_restricted)!;
    const res = await call(sandbox, `/v2/properties/${open.id}/calendar`, { token, method: 'PUT', json: { dates: [{ date: '2031-06-15', price: { amount: 20000 }, available: true }] } });
    return res.status;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['hospitable'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it("passes an owner's calendar change with a Read and Write token, and fails one tried with a Read-only token", async () => {
    const maria = owner(sandbox).email;
    expect(await changeCalendar(seededToken(sandbox, 'read,write'))).toBe(202);
    expect(await verdict(sandbox, 'hospitable.no-write-without-permission', maria)).toMatchObject({ status: 'passed', client: maria });
    expect(await changeCalendar(seededToken(sandbox, 'read'))).toBe(403);
    expect(outcome(await verdict(sandbox, 'hospitable.no-write-without-permission', maria))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('has nothing to say of a client that only reads', async () => {
    await call(sandbox, '/v2/user', { token: seededToken(sandbox, 'read') });
    expect((await verdict(sandbox, 'hospitable.no-write-without-permission', owner(sandbox).email)).status).toBe('not_applicable');
  });

  it('passes personal access tokens sent to v2, and fails one sent to v1', async () => {
    const maria = owner(sandbox).email;
    expect((await call(sandbox, '/v2/user', { token: seededToken(sandbox, 'read') })).status).toBe(200);
    expect((await verdict(sandbox, 'hospitable.credential-for-its-api', maria)).status).toBe('passed');
    expect((await call(sandbox, '/v1/properties', { token: seededToken(sandbox, 'read'), origin: V1_ORIGIN })).status).toBe(401);
    expect(outcome(await verdict(sandbox, 'hospitable.credential-for-its-api', maria))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it("passes v1's client-credentials token sent to v1, and fails it sent to v2, naming the v1 client", async () => {
    const { clientId } = hospitableCredentials(sandbox).v1;
    const token = await v1Token(sandbox);
    expect((await call(sandbox, '/v1/properties', { token, origin: V1_ORIGIN })).status).toBe(200);
    expect(await verdict(sandbox, 'hospitable.credential-for-its-api', clientId)).toMatchObject({ status: 'passed', client: clientId });
    expect((await call(sandbox, '/v2/user', { token })).status).toBe(401);
    expect(outcome(await verdict(sandbox, 'hospitable.credential-for-its-api', clientId))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });
});
