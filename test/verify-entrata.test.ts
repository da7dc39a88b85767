// Client verification of Entrata App Store apps over real HTTP: a well-behaved app and a misbehaving one for each rule, judged on the journal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { appOf, call, companyBase, envelopeXml, launch, MAPLE_COURT, RENT_INSIGHTS, rpc, SUNRISE, syncBase, tokenEnvelope } from './support/entrata.js';
import { lastId, outcome, verdict } from './support/verify.js';

describe('client verification of Entrata apps', () => {
  let sandbox: RunningSandbox;
  const oauth = (): string => `${syncBase(sandbox)}/api/oauth`;
  const customers = (): string => `${companyBase(sandbox, SUNRISE)}/api/customers`;
  const exchange = async (code: string): Promise<string | undefined> => (await rpc(oauth(), tokenEnvelope(code, appOf(sandbox, RENT_INSIGHTS)))).body.response.result?.access_token as string | undefined;
  const judge = (id: string) => verdict(sandbox, id, RENT_INSIGHTS);

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('passes an app that exchanges its launch code at once and fails one that waits 30 seconds', async () => {
    expect(await exchange((await launch(sandbox)).searchParams.get('auth_code')!)).toBeDefined();
    expect(await judge('entrata.launch-code-lifetime')).toMatchObject({ status: 'passed', client: RENT_INSIGHTS });
    const code = (await launch(sandbox)).searchParams.get('auth_code')!;
    sandbox.clock.advance(30);
    expect(await exchange(code)).toBeUndefined();
    expect(outcome(await judge('entrata.launch-code-lifetime'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes a code from the App Store page exchanged at its 29th second and fails one exchanged at its 31st', async () => {
    const codeOfPage = async (): Promise<string> => /auth_code=([A-Za-z0-9=]+)/.exec(await (await fetch(`${companyBase(sandbox, SUNRISE)}/apps/${RENT_INSIGHTS}`)).text())![1]!;
    const early = await codeOfPage();
    sandbox.clock.advance(29);
    expect(await exchange(early)).toBeDefined();
    expect((await judge('entrata.launch-code-lifetime')).status).toBe('passed');
    const late = await codeOfPage();
    sandbox.clock.advance(31);
    await exchange(late);
    expect(outcome(await judge('entrata.launch-code-lifetime'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes an app that calls getUserInfo first with each new token and fails one that calls getCustomers first', async () => {
    const token = (await exchange((await launch(sandbox)).searchParams.get('auth_code')!))!;
    await rpc(oauth(), call('getUserInfo'), { token });
    await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token });
    expect((await judge('entrata.user-info-first')).status).toBe('passed');
    const second = (await exchange((await launch(sandbox)).searchParams.get('auth_code')!))!;
    await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token: second });
    const early = lastId(sandbox);
    await rpc(oauth(), call('getUserInfo'), { token: second });
    expect(outcome(await judge('entrata.user-info-first'))).toEqual({ status: 'failed', evidence: [early] });
  });

  it('passes an app that sends JSON as JSON and XML as XML and fails one that sends XML as JSON', async () => {
    const token = (await exchange((await launch(sandbox)).searchParams.get('auth_code')!))!;
    await rpc(oauth(), call('getUserInfo'), { token });
    await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token, xml: true });
    expect((await judge('entrata.content-type-matches-body')).status).toBe('passed');
    const wrong = await rpc(customers(), envelopeXml(call('getCustomers', { propertyId: MAPLE_COURT })), { token });
    expect(wrong.body.response.error?.message).toBe('Request body is not valid JSON.');
    expect(outcome(await judge('entrata.content-type-matches-body'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });
});
