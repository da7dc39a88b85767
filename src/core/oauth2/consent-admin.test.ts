// Unit tests of the headless consent queue's admin routes: queuing a decision (202), the problems of a bad one (400), and listing what waits.
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { consentAdminRoutes } from './consent-admin.js';
import { queueConsent, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

describe('the consent admin routes', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer();
  });

  const problem = async (body: unknown): Promise<string> => {
    const res = await queueConsent(tiny, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(JSON.parse(res.text)).toMatchObject({ title: 'Bad request', status: 400 });
    return JSON.parse(res.text).detail as string;
  };

  it('queues a decision and answers 202 with how many wait for that client', async () => {
    const first = await queueConsent(tiny, { clientId: 'app', user: 'ada', rooms: ['r1'], approve: true });
    expect([first.status, first.body]).toEqual([202, { queued: 1 }]);
    await queueConsent(tiny, { clientId: 'other', user: 'alan', approve: false });
    expect((await queueConsent(tiny, { clientId: 'app', user: 'u-alan', approve: false })).body).toEqual({ queued: 2 });
  });

  it('refuses a body that is not a JSON object, naming the shape', async () => {
    expect(await problem([{ clientId: 'app' }])).toBe('Send a JSON object {"clientId", "user", "rooms": [...], "approve": true|false}.');
    const text = await request(tiny.app).post('/__sandbox/tiny/consent').type('text').send('approve');
    expect(text.status).toBe(400);
  });

  it('refuses an unknown client', async () => {
    expect(await problem({ clientId: 'nobody', user: 'ada', approve: true })).toBe('No registered Tiny client "nobody".');
  });

  it('refuses an unknown user', async () => {
    expect(await problem({ clientId: 'app', user: 'grace', approve: true })).toBe('No Tiny user "grace"; GET /__sandbox/credentials lists them.');
  });

  it('refuses an approve that is not a boolean', async () => {
    expect(await problem({ clientId: 'app', user: 'ada', approve: 'yes' })).toBe('approve must be true or false.');
  });

  it("refuses what the provider's choice reader refuses", async () => {
    expect(await problem({ clientId: 'app', user: 'ada', rooms: 'r1', approve: true })).toBe('rooms must be an array of strings.');
    expect(tiny.server.consent.pending()).toEqual([]);
  });

  it("lists the pending decisions with the provider's field name", async () => {
    await queueConsent(tiny, { clientId: 'app', user: 'ada', rooms: ['r2'], approve: true });
    await queueConsent(tiny, { clientId: 'app', user: 'alan', approve: false });
    const res = await request(tiny.app).get('/__sandbox/tiny/consent');
    expect(res.body).toEqual({
      pending: [
        { clientId: 'app', userId: 'u-ada', approve: true, rooms: ['r2'] },
        { clientId: 'app', userId: 'u-alan', approve: false, rooms: [] },
      ],
    });
  });

  it("names its operations and documents the provider's choice", () => {
    const routes = consentAdminRoutes({ providerTitle: 'rez-Stream', clients: () => undefined, findUser: () => undefined, consent: tiny.server.consent });
    expect(routes.map((r) => [r.method, r.path, r.doc?.operationId])).toEqual([
      ['post', '/consent', 'queueRezStreamConsent'],
      ['get', '/consent', 'listRezStreamConsent'],
    ]);
    const [post] = tiny.server.admin;
    expect(JSON.stringify(post?.doc)).toContain('"rooms":{"type":"array","items":{"type":"string"}}');
  });
});
